/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verbs for score sheets and follow-up sheets: import-results, import-follow-ups,
 * results-template, follow-up-template. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/td-cli.h"
#include "table/td-record-import.h"

static void
print_lines (GPtrArray *lines)
{
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (lines, i));
}

static int
import_records (TdCliContext *ctx, TdRecordKind kind)
{
  g_autofree char *code = NULL, *sheet = NULL;
  g_auto (GStrv) columns = NULL;
  const GOptionEntry entries[] = {
    { "class", 0, 0, G_OPTION_ARG_STRING, &code, N_("The class"), N_("CODE") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet,
      N_("The worksheet of an .xlsx file (default: the first)"), N_("NAME") },
    { "column", 0, 0, G_OPTION_ARG_STRING_ARRAY, &columns,
      N_("Map a column by hand, as 证书编号=F (repeat for more)"), N_("FIELD=COLUMN") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (TdRecordImport) imp = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  TdStore *store;
  guint n = 0;
  int status = td_cli_parse (ctx, entries, 1, 1);

  if (status != TD_CLI_GO_ON)
    return status;
  if (code == NULL)
    return td_cli_usage (ctx);
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  imp = td_record_import_new (store, kind, code, &error);
  if (imp == NULL)
    return td_cli_refused (error);
  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    if (!td_record_import_map_column (imp, columns[i], &error))
      return td_cli_usage_error (ctx->verb->name, error->message);
  if (!td_record_import_load_file (imp, ctx->args[1], sheet, NULL, &error))
    return td_cli_refused (error);
  print_lines (td_record_import_get_notices (imp));
  problems = td_record_import_format_problems (imp);
  print_lines (problems);
  if (!td_record_import_commit (imp, &n, &error))
    return td_cli_refused (error);
  if (kind == TD_RECORD_RESULTS)
    g_print (ngettext ("Imported %u result into class %s.\n",
                       "Imported %u results into class %s.\n", n), n, code);
  else
    g_print (ngettext ("Imported %u follow-up into class %s.\n",
                       "Imported %u follow-ups into class %s.\n", n), n, code);
  return TD_EXIT_OK;
}

int
td_cli_import_results (TdCliContext *ctx)
{
  return import_records (ctx, TD_RECORD_RESULTS);
}

int
td_cli_import_follow_ups (TdCliContext *ctx)
{
  return import_records (ctx, TD_RECORD_FOLLOW_UPS);
}

static int
write_template (TdCliContext *ctx, TdRecordKind kind)
{
  g_autofree char *code = NULL, *out = NULL;
  const GOptionEntry entries[] = {
    { "class", 0, 0, G_OPTION_ARG_STRING, &code, N_("The class"), N_("CODE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GError) error = NULL;
  TdStore *store;
  int status = td_cli_parse (ctx, entries, 0, 0);

  if (status != TD_CLI_GO_ON)
    return status;
  if (code == NULL || out == NULL)
    return td_cli_usage (ctx);
  status = td_cli_check_output (ctx, out, (const char *const[]) { ".xlsx", NULL });
  if (status != TD_CLI_GO_ON)
    return status;
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (!td_record_write_template (store, kind, code, out, &error))
    return td_cli_refused (error);
  g_print (_("Wrote %s\n"), out);
  return TD_EXIT_OK;
}

int
td_cli_results_template (TdCliContext *ctx)
{
  return write_template (ctx, TD_RECORD_RESULTS);
}

int
td_cli_follow_up_template (TdCliContext *ctx)
{
  return write_template (ctx, TD_RECORD_FOLLOW_UPS);
}
