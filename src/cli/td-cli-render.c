/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verbs that draw: print (forms as PDF) and chart. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/td-cli.h"

int
td_cli_print (TdCliContext *ctx, int argc, char **argv)
{
  return td_cli_usage_error (argv[0], _("not available in this build"));
}

int
td_cli_chart (TdCliContext *ctx, int argc, char **argv)
{
  return td_cli_usage_error (argv[0], _("not available in this build"));
}
