/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verbs that read or write bureau packets: import-catalog, export, validate, import-receipt. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/td-cli.h"

int
td_cli_import_catalog (TdCliContext *ctx, int argc, char **argv)
{
  return td_cli_usage_error (argv[0], _("not available in this build"));
}

int
td_cli_export (TdCliContext *ctx, int argc, char **argv)
{
  return td_cli_usage_error (argv[0], _("not available in this build"));
}

int
td_cli_validate (TdCliContext *ctx, int argc, char **argv)
{
  return td_cli_usage_error (argv[0], _("not available in this build"));
}

int
td_cli_import_receipt (TdCliContext *ctx, int argc, char **argv)
{
  return td_cli_usage_error (argv[0], _("not available in this build"));
}
