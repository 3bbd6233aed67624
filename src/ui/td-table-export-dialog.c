/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Spreadsheet exports and the roster template: a save chooser, the table library's
 * writer, a toast. */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-import-dialog.h"
#include "ui/td-table-export-dialog.h"
#include "ui/td-ui-util.h"
#include "ui/td-window.h"

typedef struct
{
  GtkWindow *parent;
  TdStore *store;               /* NULL for the template */
  char *class_code;
  TdExportKind kind;
} TdSaveJob;

static void
save_job_free (TdSaveJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->store);
  g_free (job->class_code);
  g_free (job);
}

void
td_table_export_toast (GtkWindow *parent, const char *message)
{
  for (GtkWindow *w = parent; w != NULL; w = gtk_window_get_transient_for (w))
    {
      if (TD_IS_WINDOW (w))
        {
          td_window_toast (TD_WINDOW (w), message);
          return;
        }
      if (TD_IS_IMPORT_DIALOG (w))
        {
          td_import_dialog_toast (TD_IMPORT_DIALOG (w), message);
          return;
        }
    }
  g_message ("%s", message);
}

static GtkFileFilter *
filter_new (const char *name, const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  return filter;
}

/* The chosen path with ".xlsx" or ".csv" added when the name has neither. */
static char *
path_with_suffix (const char *path, gboolean csv)
{
  g_autofree char *lower = g_utf8_strdown (path, -1);

  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".csv"))
    return g_strdup (path);
  return g_strconcat (path, csv ? ".csv" : ".xlsx", NULL);
}

static char *
chosen_path (GtkNativeDialog *chooser)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return file != NULL ? g_file_get_path (file) : NULL;
}

static GtkFileChooserNative *
save_chooser_new (GtkWindow *parent, const char *title, const char *name)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  return chooser;
}

/* ---- tables ------------------------------------------------------------------ */

gboolean
td_table_export_dialog_write (GtkWindow *parent, TdStore *store, const char *class_code,
                              TdExportKind kind, const char *path,
                              const TdTableOptions *options, GError **error)
{
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (TD_IS_STORE (store), FALSE);
  g_return_val_if_fail (class_code != NULL && path != NULL, FALSE);
  if (!td_table_export_with_options (store, kind, class_code, path, options, error))
    return FALSE;
  base = g_filename_display_basename (path);
  message = g_strdup_printf (_("Exported to %s"), base);
  td_table_export_toast (parent, message);
  return TRUE;
}

gboolean
td_table_export_dialog_save_chosen (GtkWindow *parent, TdStore *store, const char *class_code,
                                    TdExportKind kind, GtkFileChooser *chooser, GFile *file,
                                    GError **error)
{
  g_autofree char *chosen = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *path = NULL;
  TdTableOptions options = { FALSE, TD_CSV_UTF8 };
  gboolean csv;

  if (chosen == NULL)
    return TRUE;
  csv = gtk_file_chooser_get_filter (chooser) == g_object_get_data (G_OBJECT (chooser),
                                                                     "td-csv-filter");
  path = path_with_suffix (chosen, csv);
  options.show_id = g_strcmp0 (gtk_file_chooser_get_choice (chooser, "full-id"), "true") == 0;
  if (g_strcmp0 (gtk_file_chooser_get_choice (chooser, "gbk"), "true") == 0)
    options.encoding = TD_CSV_GBK;
  return td_table_export_dialog_write (parent, store, class_code, kind, path, &options, error);
}

static void
on_export_response (GtkNativeDialog *chooser, int response, TdSaveJob *job)
{
  g_autoptr (GFile) file = response == GTK_RESPONSE_ACCEPT
                             ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autoptr (GError) error = NULL;

  if (file != NULL
      && !td_table_export_dialog_save_chosen (job->parent, job->store, job->class_code,
                                              job->kind, GTK_FILE_CHOOSER (chooser), file,
                                              &error))
    td_ui_show_error (job->parent != NULL ? GTK_WIDGET (job->parent) : NULL,
                      _("The table could not be exported"), error);
  save_job_free (job);
  g_object_unref (chooser);
}

static const char *
export_title (TdExportKind kind)
{
  switch (kind)
    {
    case TD_EXPORT_ATTENDANCE:
      return _("Export the Attendance Summary");
    case TD_EXPORT_CLAIM:
      return _("Export the Claim Lines");
    case TD_EXPORT_ROSTER:
    default:
      return _("Export the Roster");
    }
}

/* The suggested file name: the class code and what the table is. */
static char *
export_file_name (TdExportKind kind, const char *class_code)
{
  switch (kind)
    {
    case TD_EXPORT_ATTENDANCE:
      /* Translators: a file name; %s is the class code */
      return g_strdup_printf (_("%s attendance.xlsx"), class_code);
    case TD_EXPORT_CLAIM:
      /* Translators: a file name; %s is the class code */
      return g_strdup_printf (_("%s claim lines.xlsx"), class_code);
    case TD_EXPORT_ROSTER:
    default:
      /* Translators: a file name; %s is the class code */
      return g_strdup_printf (_("%s roster.xlsx"), class_code);
    }
}

/* Two ticks, not choices with options: GTK 4.8's own chooser (Linux without a portal) never
 * reports the option picked in those (it always reads back NULL), while a tick box is read
 * back by every chooser, the native Windows one included.  Id numbers stay masked unless
 * ticked: personal data leaves the program.  CSV is UTF-8 with a byte order mark unless GBK
 * is ticked; either way with CRLF, as Excel on Windows opens it. */
GtkFileChooserNative *
td_table_export_chooser_new (GtkWindow *parent, const char *class_code, TdExportKind kind)
{
  g_autofree char *name = export_file_name (kind, class_code);
  GtkFileChooserNative *chooser = save_chooser_new (parent, export_title (kind), name);
  g_autoptr (GtkFileFilter) xlsx = filter_new (_("Excel workbook (.xlsx)"), "xlsx");
  g_autoptr (GtkFileFilter) csv = filter_new (_("CSV file (.csv)"), "csv");

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  g_object_set_data (G_OBJECT (chooser), "td-csv-filter", csv);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "full-id",
                               _("Id numbers in full (not masked)"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "full-id", "false");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "gbk",
                               _("CSV in GBK for older Excel (else UTF-8)"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "gbk", "false");
  return chooser;
}

void
td_table_export_dialog (GtkWindow *parent, TdStore *store, const char *class_code,
                        TdExportKind kind)
{
  GtkFileChooserNative *chooser;
  TdSaveJob *job;

  g_return_if_fail (TD_IS_STORE (store));
  g_return_if_fail (class_code != NULL);
  chooser = td_table_export_chooser_new (parent, class_code, kind);
  job = g_new0 (TdSaveJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->store = g_object_ref (store);
  job->class_code = g_strdup (class_code);
  job->kind = kind;
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- template ---------------------------------------------------------------- */

static void
on_template_response (GtkNativeDialog *chooser, int response, TdSaveJob *job)
{
  g_autofree char *chosen = response == GTK_RESPONSE_ACCEPT ? chosen_path (chooser) : NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GError) error = NULL;

  if (chosen != NULL)
    {
      path = g_str_has_suffix (chosen, ".xlsx") ? g_strdup (chosen)
                                                : g_strconcat (chosen, ".xlsx", NULL);
      if (td_roster_write_template (path, &error))
        {
          base = g_filename_display_basename (path);
          message = g_strdup_printf (_("Template saved as %s"), base);
          td_table_export_toast (job->parent, message);
        }
      else
        td_ui_show_error (job->parent != NULL ? GTK_WIDGET (job->parent) : NULL,
                          _("The template could not be saved"), error);
    }
  save_job_free (job);
  g_object_unref (chooser);
}

void
td_roster_template_dialog (GtkWindow *parent)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *xlsx;
  TdSaveJob *job = g_new0 (TdSaveJob, 1);

  /* Translators: the file name suggested for the roster template */
  chooser = save_chooser_new (parent, _("Save the Roster Template"), _("roster template.xlsx"));
  xlsx = filter_new (_("Excel workbook (.xlsx)"), "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  g_object_unref (xlsx);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  g_signal_connect (chooser, "response", G_CALLBACK (on_template_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- window actions ----------------------------------------------------------- */

void
td_table_export_activate (GSimpleAction *action, GVariant *param, gpointer window)
{
  TdWindow *self = TD_WINDOW (window);
  TdStore *store = td_window_get_store (self);
  gint64 class_id = td_window_get_class_id (self);
  g_autoptr (TdClass) klass = NULL;
  TdExportKind kind = TD_EXPORT_ROSTER;
  gboolean failed = FALSE;

  if (param != NULL && !td_export_kind_from_string (g_variant_get_string (param, NULL), &kind))
    g_return_if_reached ();
  klass = td_ui_read_class (GTK_WIDGET (self), store, class_id, &failed);
  if (klass == NULL)
    {
      if (!failed)
        td_window_toast (self, _("Choose a class first"));
      return;
    }
  td_table_export_dialog (GTK_WINDOW (self), store, klass->code, kind);
}

void
td_roster_template_activate (GSimpleAction *action, GVariant *param, gpointer window)
{
  td_roster_template_dialog (GTK_WINDOW (window));
}
