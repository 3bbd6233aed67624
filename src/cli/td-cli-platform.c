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

#ifdef G_OS_WIN32
#include <conio.h>
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif
#include <stdio.h>
#include <string.h>

char *
td_cli_read_password (const char *prompt)
{
  char line[1024];
  gboolean got;
#ifdef G_OS_WIN32
  HANDLE in = GetStdHandle (STD_INPUT_HANDLE);
  DWORD mode = 0;

  if (!_isatty (_fileno (stdin)) || !GetConsoleMode (in, &mode))
    return NULL;
  g_printerr ("%s", prompt);
  SetConsoleMode (in, mode & ~ENABLE_ECHO_INPUT);
  got = fgets (line, sizeof line, stdin) != NULL;
  SetConsoleMode (in, mode);
#else
  struct termios old, quiet;

  if (!isatty (STDIN_FILENO) || tcgetattr (STDIN_FILENO, &old) != 0)
    return NULL;
  g_printerr ("%s", prompt);
  quiet = old;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
  got = fgets (line, sizeof line, stdin) != NULL;
  tcsetattr (STDIN_FILENO, TCSANOW, &old);
#endif
  g_printerr ("\n");
  if (!got)
    return NULL;
  line[strcspn (line, "\r\n")] = '\0';
  {
    char *password = g_strdup (line);

    /* the only copy left is the caller's, handed to libpq and freed */
    memset (line, 0, sizeof line);
    return password;
  }
}
