/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verbs for spreadsheets: import-roster, export-table, roster-template. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/td-cli.h"
#include "table/td-roster-import.h"
#include "table/td-table-export.h"

/* The options of the table verbs; each verb takes those its entries name. */
typedef struct
{
  char *class_code;
  char *output;
  char *sheet;
  gboolean skip_invalid;
} TableArgs;

static void
table_args_clear (TableArgs *args)
{
  g_free (args->class_code);
  g_free (args->output);
  g_free (args->sheet);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TableArgs, table_args_clear)

#define CLASS_ENTRY(args) \
  { "class", 0, 0, G_OPTION_ARG_STRING, &(args).class_code, N_("The class"), N_("CODE") }
#define OUTPUT_ENTRY(args) \
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &(args).output, N_("The file to write"), \
    N_("FILE") }

static void
print_lines (GPtrArray *lines)
{
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (lines, i));
}

static gboolean
load_roster_file (TdRosterImport *imp, const char *path, const char *sheet, GError **error)
{
  g_autoptr (TdTable) table = td_table_read_file (path, sheet, NULL, NULL, error);

  if (table == NULL)
    return FALSE;
  return td_roster_import_load_table (imp, g_steal_pointer (&table), error);
}

int
td_cli_import_roster (TdCliContext *ctx)
{
  g_auto (TableArgs) args = { 0 };
  const GOptionEntry entries[] = {
    CLASS_ENTRY (args),
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &args.sheet,
      N_("The worksheet of an .xlsx file (default: the first)"), N_("NAME") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &args.skip_invalid,
      N_("Enrol the valid rows and skip the others"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (TdRosterImport) imp = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  TdStore *store;
  guint n_imported = 0, n_rows;
  int status = td_cli_parse (ctx, entries, 1, 1);

  if (status != TD_CLI_GO_ON)
    return status;
  if (args.class_code == NULL)
    return td_cli_usage (ctx);
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  imp = td_roster_import_new (store, args.class_code, &error);
  if (imp == NULL || !load_roster_file (imp, ctx->args[1], args.sheet, &error))
    return td_cli_refused (error);
  print_lines (td_roster_import_get_notices (imp));
  problems = td_roster_import_format_problems (imp);
  print_lines (problems);
  n_rows = td_roster_import_get_n_rows (imp);
  if (!td_roster_import_commit (imp, args.skip_invalid, NULL, NULL, NULL, &n_imported, &error))
    return td_cli_refused (error);
  if (n_imported < n_rows)
    g_print (_("Imported %u of %u trainees into class %s; skipped %u rows.\n"), n_imported,
            n_rows, args.class_code, n_rows - n_imported);
  else
    g_print (_("Imported %u trainees into class %s.\n"), n_imported, args.class_code);
  return TD_EXIT_OK;
}

int
td_cli_export_table (TdCliContext *ctx)
{
  g_auto (TableArgs) args = { 0 };
  g_autofree char *encoding = NULL;
  TdTableOptions options = { FALSE, TD_CSV_UTF8 };
  const GOptionEntry entries[] = {
    CLASS_ENTRY (args), OUTPUT_ENTRY (args),
    { "show-id", 0, 0, G_OPTION_ARG_NONE, &options.show_id,
      N_("Write id numbers in full (masked otherwise)"), NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("How a .csv file is encoded: utf-8 (with a byte order mark, the default) or gbk "
         "(older Excel)"), N_("ENCODING") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GError) error = NULL;
  TdExportKind kind;
  TdStore *store;
  int status = td_cli_parse (ctx, entries, 1, 1);

  if (status != TD_CLI_GO_ON)
    return status;
  if (args.class_code == NULL || args.output == NULL
      || !td_export_kind_from_string (ctx->args[1], &kind))
    return td_cli_usage (ctx);
  if (encoding != NULL && !td_csv_encoding_from_string (encoding, &options.encoding))
    return td_cli_usage_error (ctx->args[0], _("--encoding is utf-8 or gbk."));
  status = td_cli_check_output (ctx, args.output,
                                (const char *const[]) { ".xlsx", ".csv", NULL });
  if (status != TD_CLI_GO_ON)
    return status;
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (!td_table_export_with_options (store, kind, args.class_code, args.output, &options,
                                     &error))
    return td_cli_refused (error);
  g_print (_("Wrote %s\n"), args.output);
  return TD_EXIT_OK;
}

int
td_cli_roster_template (TdCliContext *ctx)
{
  g_auto (TableArgs) args = { 0 };
  const GOptionEntry entries[] = { OUTPUT_ENTRY (args), G_OPTION_ENTRY_NULL };
  g_autoptr (GError) error = NULL;
  int status = td_cli_parse (ctx, entries, 0, 0);

  if (status != TD_CLI_GO_ON)
    return status;
  if (args.output == NULL)
    return td_cli_usage (ctx);
  status = td_cli_check_output (ctx, args.output, (const char *const[]) { ".xlsx", NULL });
  if (status != TD_CLI_GO_ON)
    return status;
  if (!td_roster_write_template (args.output, &error))
    return td_cli_refused (error);
  g_print (_("Wrote %s\n"), args.output);
  return TD_EXIT_OK;
}
