/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What traindesk-cli does differently on Windows: the only file of the CLI that asks. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include "cli/td-cli.h"

char **
td_cli_get_arguments (int argc, char **argv)
{
#ifdef G_OS_WIN32
  /* argv is in the ANSI code page there: a Chinese file name in it is already lost */
  (void) argc;
  (void) argv;
  return g_win32_get_command_line ();
#else
  (void) argc;
  return g_strdupv (argv);
#endif
}
