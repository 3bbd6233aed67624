/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who may read a file, portably: owner only (0600; on Windows no DACL entry lets anyone but
 * the user, the system and the administrators read it) or shared with other users.
 * Wine 8.0 keeps no file DACL (Wine bug 31858, "support for stored file ACLs"): there the
 * checks are reported as incomplete with that reason, never passed silently.  The one
 * place in the tests that asks which platform it runs on. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "core/td-file.h"

#ifdef G_OS_WIN32
#include <aclapi.h>
#include <windows.h>
#endif

#define TD_TEST_WINE_NO_ACL \
  "Wine 8.0 keeps no file DACL (Wine bug 31858): SetNamedSecurityInfo succeeds but " \
  "GetNamedSecurityInfo reads back Wine's default DACL (Windows keeps it)"

/* Whether this is a Windows build (run on Windows or under Wine). */
static inline gboolean
td_test_on_windows (void)
{
#ifdef G_OS_WIN32
  return TRUE;
#else
  return FALSE;
#endif
}

/* Whether this runs under Wine (always FALSE on Linux). */
static inline gboolean
td_test_under_wine (void)
{
#ifdef G_OS_WIN32
  return GetProcAddress (GetModuleHandleW (L"ntdll.dll"), "wine_get_version") != NULL;
#else
  return FALSE;
#endif
}

/* Whether this system keeps who may read a file; if not, marks the test incomplete with
 * the reason and returns FALSE (the caller returns). */
static inline gboolean
td_test_acls_kept (void)
{
  if (!td_test_under_wine ())
    return TRUE;
  g_test_incomplete (TD_TEST_WINE_NO_ACL);
  return FALSE;
}

/* Asserts that @path is readable by its owner only.  FALSE (test marked incomplete) under
 * Wine, where that cannot be read back. */
static inline gboolean
td_test_assert_private (const char *path)
{
  if (td_file_is_private (path))
    return TRUE;
  if (!td_test_acls_kept ())
    return FALSE;
  g_assert_true (td_file_is_private (path));
  return TRUE;
}

/* Makes @path readable by the other users of the computer: mode 0644, or on Windows an
 * entry for Everyone added to its DACL. */
static inline void
td_test_make_shared (const char *path)
{
#ifdef G_OS_WIN32
  g_autofree gunichar2 *wpath = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);
  SID_IDENTIFIER_AUTHORITY world = SECURITY_WORLD_SID_AUTHORITY;
  PSID everyone = NULL;
  PACL old = NULL, acl = NULL;
  PSECURITY_DESCRIPTOR sd = NULL;
  EXPLICIT_ACCESS_W access = { 0 };

  g_assert_nonnull (wpath);
  g_assert_true (AllocateAndInitializeSid (&world, 1, SECURITY_WORLD_RID, 0, 0, 0, 0, 0, 0, 0,
                                           &everyone));
  g_assert_cmpint (GetNamedSecurityInfoW ((LPCWSTR) wpath, SE_FILE_OBJECT,
                                          DACL_SECURITY_INFORMATION, NULL, NULL, &old, NULL,
                                          &sd), ==, ERROR_SUCCESS);
  access.grfAccessPermissions = GENERIC_READ;
  access.grfAccessMode = GRANT_ACCESS;
  access.grfInheritance = NO_INHERITANCE;
  access.Trustee.TrusteeForm = TRUSTEE_IS_SID;
  access.Trustee.TrusteeType = TRUSTEE_IS_WELL_KNOWN_GROUP;
  access.Trustee.ptstrName = (LPWSTR) everyone;
  g_assert_cmpint (SetEntriesInAclW (1, &access, old, &acl), ==, ERROR_SUCCESS);
  g_assert_cmpint (SetNamedSecurityInfoW ((LPWSTR) wpath, SE_FILE_OBJECT,
                                          DACL_SECURITY_INFORMATION
                                            | UNPROTECTED_DACL_SECURITY_INFORMATION,
                                          NULL, NULL, acl, NULL), ==, ERROR_SUCCESS);
  LocalFree (acl);
  LocalFree (sd);
  FreeSid (everyone);
#else
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
#endif
  g_assert_false (td_file_is_private (path));
}
