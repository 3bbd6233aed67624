/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which platform a test runs on (Linux, Windows, or Windows under Wine), and starting a
 * program from a test; with tests/td-test-private.h the one place in the tests that asks.
 * Needs GLib only. */
#pragma once

#include <glib.h>

#ifdef G_OS_WIN32
#include <windows.h>
#endif

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

/* What a test logs when Wine failed to start a program (build-aux/windows/test lists these). */
#define TD_TEST_WINE_START_FAILED "Wine failed to start"

/* g_spawn_sync for a test.  Under Wine 8.0 a process start now and then fails inside Wine,
 * before the program runs, when several test programs start processes at once: GLib then
 * reports "Failed to execute child process (Invalid argument)" or "Failed to execute helper
 * program (Invalid argument)" — Wine's C runtime maps every CreateProcess error it has no
 * entry for (a new Wine process that died before it started, too little memory for fork)
 * to EINVAL.  Seen about once in a thousand starts of the CLI with two cli tests running.
 * There, and only there, such a start (the program never ran) is tried again, up to twice,
 * each time said in the test's log; Windows does not fail so and Linux has no such path. */
static inline gboolean
td_test_spawn_sync (const char *dir, const char *const *argv, char **envp, GSpawnFlags flags,
                    char **out, char **err, int *wait_status, GError **error)
{
  for (int attempt = 1;; attempt++)
    {
      g_autoptr (GError) local = NULL;

      if (g_spawn_sync (dir, (char **) argv, envp, flags, NULL, NULL, out, err, wait_status,
                        &local))
        return TRUE;
      if (attempt == 3 || !td_test_under_wine ()
          || !g_error_matches (local, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED)
          || !g_str_has_prefix (local->message, "Failed to execute "))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_test_message (TD_TEST_WINE_START_FAILED " %s (%s); starting it again", argv[0],
                      local->message);
    }
}
