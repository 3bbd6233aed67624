/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `import-attendance`: a sign-in terminal's or learning platform's file, matched to the
 * class's lessons (RULES.md R-ATT-003/004); a preview without --apply, stored in one
 * transaction with it. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/td-cli.h"
#include "core/td-attendance-import.h"
#include "core/td-idnumber.h"
#include "table/td-punch-reader.h"

typedef struct
{
  char *class_code;
  char *method;
  char *one_punch;
  char *columns;
  gboolean apply;
} ImportArgs;

static void
import_args_clear (ImportArgs *args)
{
  g_free (args->class_code);
  g_free (args->method);
  g_free (args->one_punch);
  g_free (args->columns);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportArgs, import_args_clear)

/* A table whose columns were not recognised: --columns (then remembered), or the mapping
 * remembered for its shape. */
static gboolean
map_columns (TdStore *store, TdPunchFile *file, const char *columns, GError **error)
{
  TdPunchMapping mapping;

  if (td_punch_file_get_table (file) == NULL)
    return TRUE;
  if (columns != NULL)
    {
      if (!td_punch_mapping_from_string (columns, &mapping))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--columns takes first=ROW;person=COLUMN;datetime=COLUMN … "
                         "(rows and columns counted from 0), not “%s”."), columns);
          return FALSE;
        }
      return td_punch_file_set_mapping (file, &mapping, error)
             && td_punch_file_remember_mapping (file, store, error);
    }
  if (!td_punch_file_apply_saved_mapping (file, store, error))
    return FALSE;
  if (!td_punch_file_needs_mapping (file))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("No header row of %s names a person number or id number and a time: map "
                 "its columns in the app (they are remembered for files of this layout) or "
                 "with --columns \"first=1;person=0;datetime=2\"."),
               td_punch_file_get_name (file));
  return FALSE;
}

static void
print_row (const TdAttRow *row)
{
  g_autofree char *id = td_id_number_mask (row->enrolment->trainee.id_number);
  g_autofree char *hours = td_hours_format (row->hours);
  g_autofree char *was = NULL;

  if (row->stored != NULL && (row->change == TD_ATT_CHANGE_UPDATE
                              || row->change == TD_ATT_CHANGE_CORRECTION
                              || row->change == TD_ATT_CHANGE_KEPT))
    {
      g_autofree char *old_hours = td_hours_format (row->stored->hours);
      was = g_strdup_printf (_(" (stored: %c %s %s %s %s)"), row->stored->status,
                             row->stored->time_in, row->stored->time_out, old_hours,
                             row->stored->method);
    }
  g_print ("%s\t%s\t%s\t%c\t%s\t%s\t%s\t%s\t%s%s\n", row->lesson->lid, id,
           row->enrolment->trainee.name, row->status, row->time_in, row->time_out,
           row->status == '?' ? "" : hours, row->method, td_attendance_change_label (row->change),
           was != NULL ? was : "");
}

static void
print_exception (const TdAttException *x)
{
  if (x->line > 0)
    g_print ("EXCEPTION line %u: %s\n", x->line, x->reason);
  else
    g_print ("EXCEPTION lesson %s: %s\n", x->lesson != NULL ? x->lesson->lid : "-", x->reason);
}

static void
print_preview (TdAttendanceImport *imp)
{
  TdAttCounts c;
  guint n_exceptions = td_attendance_import_get_n_exceptions (imp);

  for (guint i = 0; i < td_attendance_import_get_n_rows (imp); i++)
    print_row (td_attendance_import_get_row (imp, i));
  for (guint i = 0; i < n_exceptions; i++)
    print_exception (td_attendance_import_get_exception (imp, i));
  td_attendance_import_get_counts (imp, &c);
  g_print (_("%u punches, %u records: %u new, %u changed, %u corrections of sent batches, "
             "%u unchanged, %u kept as recorded; %u exceptions, %u needing a decision.\n"),
           td_attendance_import_get_n_punches (imp), td_attendance_import_get_n_rows (imp),
           c.n_new, c.n_update, c.n_correction, c.n_same, c.n_kept, n_exceptions,
           td_attendance_import_count_undecided (imp));
}

static int
check_args (TdCliContext *ctx, const ImportArgs *args)
{
  static const char *const methods[] = { "FACE", "CARD", "QR", "ONLINE", NULL };

  if (args->class_code == NULL)
    return td_cli_usage (ctx);
  if (args->method != NULL && !g_strv_contains (methods, args->method))
    return td_cli_usage_error (ctx->verb->name, _("--method is FACE, CARD, QR or ONLINE"));
  if (args->one_punch != NULL && g_strcmp0 (args->one_punch, "absent") != 0)
    return td_cli_usage_error (ctx->verb->name, _("--one-punch takes “absent”"));
  return TD_CLI_GO_ON;
}

static int
apply (TdAttendanceImport *imp, const TdPunchFile *file)
{
  g_autoptr (GError) error = NULL;
  TdAttCounts c;

  if (!td_attendance_import_apply (imp, td_punch_file_get_name (file),
                                   td_punch_file_get_sha256 (file), &c, &error))
    return td_cli_refused (error);
  if (c.n_new + c.n_update + c.n_correction == 0)
    g_print (_("Nothing to store: every record is stored so already.\n"));
  else
    g_print (_("Stored %u new records, %u changed, %u corrections of sent batches.\n"),
             c.n_new, c.n_update, c.n_correction);
  return TD_EXIT_OK;
}

int
td_cli_import_attendance (TdCliContext *ctx)
{
  g_auto (ImportArgs) args = { 0 };
  const GOptionEntry entries[] = {
    { "class", 0, 0, G_OPTION_ARG_STRING, &args.class_code, N_("The class"), N_("CODE") },
    { "method", 0, 0, G_OPTION_ARG_STRING, &args.method,
      N_("The sign-in method of punches whose line does not say (default FACE)"),
      N_("FACE|CARD|QR|ONLINE") },
    { "one-punch", 0, 0, G_OPTION_ARG_STRING, &args.one_punch,
      N_("Record a trainee who punched only once for a lesson as absent"), N_("absent") },
    { "columns", 0, 0, G_OPTION_ARG_STRING, &args.columns,
      N_("The columns of a table whose headers are not recognised (remembered)"),
      N_("first=ROW;person=COL;datetime=COL") },
    { "apply", 0, 0, G_OPTION_ARG_NONE, &args.apply,
      N_("Store the records (without it, only the preview is printed)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPunchFile) file = NULL;
  g_autoptr (TdAttendanceImport) imp = NULL;
  TdStore *store;
  int status = td_cli_parse (ctx, entries, 1, 1);

  if (status == TD_CLI_GO_ON)
    status = check_args (ctx, &args);
  if (status != TD_CLI_GO_ON)
    return status;
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  imp = td_attendance_import_new (store, args.class_code, &error);
  if (imp == NULL || (file = td_punch_file_load (ctx->args[1], NULL, &error)) == NULL
      || !map_columns (store, file, args.columns, &error))
    return td_cli_refused (error);
  td_attendance_import_set_method (imp, args.method);
  td_attendance_import_set_one_punch_absent (imp, args.one_punch != NULL);
  if (!td_attendance_import_run (imp, td_punch_file_get_punches (file),
                                 td_punch_file_get_problems (file), &error))
    return td_cli_refused (error);
  print_preview (imp);
  if (!args.apply)
    return TD_EXIT_OK;
  return apply (imp, file);
}
