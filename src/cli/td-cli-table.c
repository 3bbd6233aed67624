/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verbs for spreadsheets: import-roster, export-table, roster-template. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli/td-cli.h"
#include "table/td-roster-import.h"
#include "table/td-table-export.h"

typedef struct
{
  const char *class_code;
  const char *output;
  const char *sheet;
  gboolean skip_invalid;
  const char *positional;
} TableArgs;

/* --class C, -o FILE, --sheet NAME, --skip-invalid (where @allowed says so) and one
 * positional argument.  FALSE on anything else. */
static gboolean
parse_args (int argc, char **argv, const char *allowed, TableArgs *args)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean has_value = i + 1 < argc;

      if (g_str_equal (arg, "--class") && has_value && strstr (allowed, "c"))
        args->class_code = argv[++i];
      else if ((g_str_equal (arg, "-o") || g_str_equal (arg, "--output")) && has_value
               && strstr (allowed, "o"))
        args->output = argv[++i];
      else if (g_str_equal (arg, "--sheet") && has_value && strstr (allowed, "s"))
        args->sheet = argv[++i];
      else if (g_str_equal (arg, "--skip-invalid") && strstr (allowed, "k"))
        args->skip_invalid = TRUE;
      else if (arg[0] != '-' && args->positional == NULL && strstr (allowed, "p"))
        args->positional = arg;
      else
        return FALSE;
    }
  return TRUE;
}

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
td_cli_import_roster (TdCliContext *ctx, int argc, char **argv)
{
  TableArgs args = { 0 };
  g_autoptr (TdRosterImport) imp = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  TdStore *store;
  guint n_imported = 0, n_rows;

  if (!parse_args (argc, argv, "cskp", &args) || args.class_code == NULL
      || args.positional == NULL)
    return td_cli_usage_error (argv[0], _("usage: import-roster --class CODE [--skip-invalid] "
                                          "[--sheet NAME] FILE.csv|FILE.xlsx"));
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  imp = td_roster_import_new (store, args.class_code, &error);
  if (imp == NULL || !load_roster_file (imp, args.positional, args.sheet, &error))
    return td_cli_refused (error);
  print_lines (td_roster_import_get_notices (imp));
  problems = td_roster_import_format_problems (imp);
  print_lines (problems);
  n_rows = td_roster_import_get_n_rows (imp);
  if (!td_roster_import_commit (imp, args.skip_invalid, NULL, NULL, NULL, &n_imported, &error))
    return td_cli_refused (error);
  if (n_imported < n_rows)
    printf (_("Imported %u of %u trainees into class %s; skipped %u rows.\n"), n_imported,
            n_rows, args.class_code, n_rows - n_imported);
  else
    printf (_("Imported %u trainees into class %s.\n"), n_imported, args.class_code);
  return TD_EXIT_OK;
}

int
td_cli_export_table (TdCliContext *ctx, int argc, char **argv)
{
  TableArgs args = { 0 };
  g_autoptr (GError) error = NULL;
  TdExportKind kind;
  TdStore *store;

  if (!parse_args (argc, argv, "cop", &args) || args.class_code == NULL
      || args.output == NULL || !td_export_kind_from_string (args.positional, &kind))
    return td_cli_usage_error (argv[0], _("usage: export-table roster|attendance|claim "
                                          "--class CODE -o FILE.xlsx|FILE.csv"));
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (!td_table_export (store, kind, args.class_code, args.output, &error))
    return td_cli_refused (error);
  printf (_("Wrote %s\n"), args.output);
  return TD_EXIT_OK;
}

int
td_cli_roster_template (TdCliContext *ctx, int argc, char **argv)
{
  TableArgs args = { 0 };
  g_autoptr (GError) error = NULL;

  if (!parse_args (argc, argv, "o", &args) || args.output == NULL)
    return td_cli_usage_error (argv[0], _("usage: roster-template -o FILE.xlsx"));
  if (!td_roster_write_template (args.output, &error))
    return td_cli_refused (error);
  printf (_("Wrote %s\n"), args.output);
  return TD_EXIT_OK;
}
