/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "core/td-i18n.h"
#include "ui/td-application.h"

int
td_application_main (int argc, char **argv)
{
  g_autoptr (TdApplication) app = NULL;

  setlocale (LC_ALL, "");
  td_i18n_init (argv[0]);
  app = td_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
