/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who may read a file, portably: owner only (0600; on Windows no DACL entry lets anyone but
 * the user, the system and the administrators read it) or shared with other users.
 * Wine 8.0 keeps no file DACL (Wine bug 31858, "support for stored file ACLs"): there the
 * checks are reported as incomplete with that reason, never passed silently.  With
 * tests/td-test-platform.h the one place in the tests that asks which platform it runs on. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/td-file.h"
#include "td-test-platform.h"

#ifdef G_OS_WIN32
#include <aclapi.h>
#include <windows.h>
#else
#include <fcntl.h>
#endif

#define TD_TEST_WINE_NO_ACL \
  "Wine 8.0 keeps no file DACL (Wine bug 31858): SetNamedSecurityInfo succeeds but " \
  "GetNamedSecurityInfo reads back Wine's default DACL (Windows keeps it)"

/* A helper program's command line as UTF-8 (free with g_strfreev): on Windows main()'s argv
 * is in the ANSI code page, where a Chinese argument (a class title) arrives as "???". */
static inline char **
td_test_utf8_argv (char **argv)
{
#ifdef G_OS_WIN32
  (void) argv;
  return g_win32_get_command_line ();
#else
  return g_strdupv (argv);
#endif
}

/* Whether the program @name (pdftotext, pdfinfo, zbarimg…) can be run from the test.  On
 * Linux it must be (build-aux/dev installs it): a missing one fails the test.  A Windows
 * build without it (under Wine: Wine hands a Linux program its arguments in the ANSI code
 * page and drops its standard output) skips the rest of the test with that reason; the
 * smoke run of build-aux/windows/test reads the Windows build's PDFs on the Linux side. */
static inline gboolean
td_test_have_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);
  g_autofree char *why = NULL;

  if (path != NULL)
    return TRUE;
  if (!td_test_on_windows ())
    g_error ("%s is not installed (build-aux/dev installs it)", name);
  why = g_strdup_printf ("%s is not installed on this Windows (under Wine the Linux tool "
                         "cannot read the Windows paths: build-aux/windows/test reads the PDFs "
                         "on the Linux side)", name);
  g_test_skip (why);
  return FALSE;
}

/* The full path of the program @name, or NULL: looked up here, not by g_spawn, whose PATH
 * search under Wine does not add ".exe" (the stack's xmllint.exe is found this way). */
static inline char *
td_test_find_tool (const char *name)
{
  return g_find_program_in_path (name);
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

/* Lets go a writer blocked on the FIFO @path that no reader opened (POSIX FIFOs only; the
 * tests that make one are skipped on Windows). */
static inline void
td_test_release_fifo_writer (const char *path)
{
#ifndef G_OS_WIN32
  int reader = g_open (path, O_RDONLY | O_NONBLOCK, 0);

  if (reader >= 0)
    g_close (reader, NULL);
#endif
}

/* Pango 1.50.12's Windows font map asks for the family of a font description it could not
 * make when DirectWrite cannot open a font GDI lists: one CRITICAL per such font when the
 * font map is first filled.  Under Wine that is several of Wine's own fonts (Wine's
 * DirectWrite; the same messages in MGlolenstine/gtk4-cross#40); Pango skips those fonts
 * and goes on.  After g_test_init () those messages would be fatal (and a "Bail out!" fails
 * a TAP test whatever a fatal handler says), so a test that draws text calls this before
 * g_test_init () with pango_cairo_font_map_get_default: under Wine the font map is made
 * then, and the messages only go to stderr. */
static inline void
td_test_platform_init_text (void *(*make_font_map) (void))
{
  if (td_test_under_wine ())
    make_font_map ();
}

/* The log writer of display tests under Wine: the warnings GDK 4.8 gives under Wine and
 * not on Windows, each with its Wine cause, are let through (written to stderr, with the
 * cause once; in a GLib test every warning is fatal), none else. */
static inline GLogWriterOutput
td_test_wine_log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields,
                         gpointer data)
{
  static const struct
  {
    const char *prefix;
    const char *cause;
  } warnings[] = {
    /* gdk/win32/gdkkeys-win32.c: the layout's registry key, its substitute, the DLL */
    { "Could not open registry key 'SYSTEM\\CurrentControlSet\\Control\\Keyboard Layouts\\",
      "Wine 8.0 ships no keyboard layout DLL (no KBDUS.DLL, no 'Keyboard Layouts' registry "
      "key): GTK 4.8's Windows keymap cannot load the layout (Windows has it)" },
    { "Could not open registry key 'Keyboard Layout\\Substitutes'",
      "Wine 8.0 has no 'Keyboard Layout\\Substitutes' registry key (Windows has it)" },
    { "Failed to load keyboard layout DLL for layout ",
      "Wine 8.0 ships no keyboard layout DLL such as KBDUS.DLL (Windows has them)" },
    /* gdk/win32/gdkmonitor-win32.c, {78C34FC8-…},256: DEVPKEY_Device_BusReportedDeviceDesc */
    { "Failed to get device node property {78C34FC8-104A-4ACA-9EA4-524D52996E57},256 ",
      "Wine's display device has no bus-reported description (a monitor on Windows has the "
      "one its EDID gives); GDK only leaves the monitor's model unnamed" },
  };
  static gboolean told[G_N_ELEMENTS (warnings)];
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
        message = fields[i].value;
    }
  if ((level & G_LOG_LEVEL_MASK) == G_LOG_LEVEL_WARNING && g_strcmp0 (domain, "Gdk") == 0
      && message != NULL)
    for (gsize i = 0; i < G_N_ELEMENTS (warnings); i++)
      if (g_str_has_prefix (message, warnings[i].prefix))
        {
          if (!told[i])
            g_printerr ("(not fatal under Wine: %s)\n", warnings[i].cause);
          told[i] = TRUE;
          return g_log_writer_standard_streams (level, fields, n_fields, data);
        }
  return g_log_writer_default (level, fields, n_fields, data);
}

/* Called by a display test before GTK starts: under Wine, lets through the warnings GDK
 * gives there and not on Windows (td_test_wine_log_writer). */
static inline void
td_test_platform_init_display (void)
{
  if (td_test_under_wine ())
    g_log_set_writer_func (td_test_wine_log_writer, NULL, NULL);
}
