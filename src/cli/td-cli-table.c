/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verbs for spreadsheets: import-roster, export-table, roster-template. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/td-cli.h"

int
td_cli_import_roster (TdCliContext *ctx, int argc, char **argv)
{
  return td_cli_usage_error (argv[0], _("not available in this build"));
}

int
td_cli_export_table (TdCliContext *ctx, int argc, char **argv)
{
  return td_cli_usage_error (argv[0], _("not available in this build"));
}

int
td_cli_roster_template (TdCliContext *ctx, int argc, char **argv)
{
  return td_cli_usage_error (argv[0], _("not available in this build"));
}
