/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Asserting that a file is readable by its owner only (0600; an owner-only DACL on Windows).
 * Under Wine the DACL cannot be read back: the check is then reported as incomplete with the
 * reason, never passed silently. */
#pragma once

#include <glib.h>

#include "core/td-file.h"

#ifdef G_OS_WIN32
#include <windows.h>
#endif

static inline void
td_test_assert_private (const char *path)
{
  if (td_file_is_private (path))
    return;
#ifdef G_OS_WIN32
  if (GetProcAddress (GetModuleHandleW (L"ntdll.dll"), "wine_get_version") != NULL)
    {
      g_test_incomplete ("Wine 8.0 keeps no file DACL: SetNamedSecurityInfo succeeds but "
                         "GetNamedSecurityInfo reads back Wine's default DACL (Windows keeps it)");
      return;
    }
#endif
  g_assert_true (td_file_is_private (path));
}
