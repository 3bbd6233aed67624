/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "packet/td-packet-import.h"
#include "ui/td-page.h"
#include "ui/td-sheet-import-ui.h"
#include "ui/td-ui-util.h"

typedef struct
{
  GtkWidget *page;
  TdStore *store;
  gint64 class_id;
  TdRecordKind kind;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->page);
  g_clear_object (&job->store);
  g_free (job);
}

static Job *
job_new (GtkWidget *page, TdStore *store, gint64 class_id, TdRecordKind kind)
{
  Job *job = g_new0 (Job, 1);

  job->page = g_object_ref (page);
  job->store = g_object_ref (store);
  job->class_id = class_id;
  job->kind = kind;
  return job;
}

static GtkWindow *
page_window (GtkWidget *page)
{
  GtkRoot *root = gtk_widget_get_root (page);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (GtkWidget *page, const char *message)
{
  if (TD_IS_PAGE (page))
    td_page_toast (TD_PAGE (page), message);
}

static char *
chosen_path (GtkNativeDialog *chooser)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  return file != NULL ? g_file_get_path (file) : NULL;
}

/* ---- score sheets and follow-up sheets ----------------------------------------------- */

/* The code of the class, or NULL with @error when it cannot be read. */
static char *
class_code (TdStore *store, gint64 class_id, GError **error)
{
  g_autoptr (TdClass) klass = td_store_get_class (store, class_id, error);
  return klass != NULL ? g_strdup (klass->code) : NULL;
}

static const char *
refused_heading (TdRecordKind kind)
{
  return kind == TD_RECORD_RESULTS ? _("The score sheet was not imported")
                                   : _("The follow-up sheet was not imported");
}

/* The page says it is busy while a file is imported (the window shows it). */
static void
set_busy (GtkWidget *page, gboolean busy)
{
  if (TD_IS_PAGE (page))
    td_page_set_busy (TD_PAGE (page), busy);
}

static gboolean
import_sheet (GtkWidget *page, TdStore *store, gint64 class_id, TdRecordKind kind,
              const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = class_code (store, class_id, &error);
  g_autoptr (TdRecordImport) imp = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint n = 0;

  imp = code != NULL ? td_record_import_new (store, kind, code, &error) : NULL;
  if (imp == NULL || !td_record_import_load_file (imp, path, NULL, NULL, &error))
    {
      td_ui_show_error (page, refused_heading (kind), error);
      return FALSE;
    }
  problems = td_record_import_format_problems (imp);
  if (!td_record_import_commit (imp, &n, &error))
    {
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (body, "%s\n", (const char *) g_ptr_array_index (problems, i));
      g_string_append (body, error->message);
      td_ui_show_message (page, refused_heading (kind), body->str);
      return FALSE;
    }
  message = kind == TD_RECORD_RESULTS
              ? g_strdup_printf (ngettext ("%u result imported", "%u results imported", n), n)
              : g_strdup_printf (ngettext ("%u follow-up imported", "%u follow-ups imported", n),
                                 n);
  toast (page, message);
  return TRUE;
}

gboolean
td_sheet_import_path (GtkWidget *page, TdStore *store, gint64 class_id, TdRecordKind kind,
                      const char *path)
{
  gboolean ok;

  set_busy (page, TRUE);
  ok = import_sheet (page, store, class_id, kind, path);
  set_busy (page, FALSE);
  return ok;
}

static void
on_open_response (GtkNativeDialog *chooser, int response, Job *job)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chosen_path (chooser) : NULL;

  if (path != NULL)
    td_sheet_import_path (job->page, job->store, job->class_id, job->kind, path);
  job_free (job);
  g_object_unref (chooser);
}

void
td_sheet_import_choose (GtkWidget *page, TdStore *store, gint64 class_id, TdRecordKind kind)
{
  static const char *const both[] = { "xlsx", "csv", NULL };
  GtkFileChooserNative *chooser;

  g_return_if_fail (TD_IS_STORE (store));
  chooser = gtk_file_chooser_native_new (kind == TD_RECORD_RESULTS
                                           ? _("Choose a Score Sheet")
                                           : _("Choose a Follow-up Sheet"),
                                         page_window (page), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  td_ui_add_file_filter (GTK_FILE_CHOOSER (chooser), _("Spreadsheets (.xlsx, .csv)"), both);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response),
                    job_new (page, store, class_id, kind));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_template_response (GtkNativeDialog *chooser, int response, Job *job)
{
  g_autofree char *chosen = response == GTK_RESPONSE_ACCEPT ? chosen_path (chooser) : NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = chosen != NULL ? class_code (job->store, job->class_id, &error) : NULL;
  g_autofree char *path = NULL, *base = NULL, *message = NULL;

  if (chosen != NULL && code == NULL)
    td_ui_show_error (job->page, _("The class cannot be read"), error);
  else if (chosen != NULL)
    {
      path = g_str_has_suffix (chosen, ".xlsx") ? g_strdup (chosen)
                                                : g_strconcat (chosen, ".xlsx", NULL);
      if (td_record_write_template (job->store, job->kind, code, path, &error))
        {
          base = g_filename_display_basename (path);
          message = g_strdup_printf (_("Template saved as %s"), base);
          toast (job->page, message);
        }
      else
        td_ui_show_error (job->page, _("The template could not be saved"), error);
    }
  job_free (job);
  g_object_unref (chooser);
}

void
td_sheet_template_choose (GtkWidget *page, TdStore *store, gint64 class_id, TdRecordKind kind)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = class_code (store, class_id, &error);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  static const char *const xlsx[] = { "xlsx", NULL };

  if (code == NULL)
    {
      td_ui_show_error (page, _("The class cannot be read"), error);
      return;
    }
  /* Translators: file names; %s is the class code */
  name = kind == TD_RECORD_RESULTS ? g_strdup_printf (_("%s score sheet.xlsx"), code)
                                   : g_strdup_printf (_("%s follow-up sheet.xlsx"), code);
  chooser = gtk_file_chooser_native_new (kind == TD_RECORD_RESULTS
                                           ? _("Save the Score Sheet Template")
                                           : _("Save the Follow-up Sheet Template"),
                                         page_window (page), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  td_ui_add_file_filter (GTK_FILE_CHOOSER (chooser), _("Excel workbook (.xlsx)"), xlsx);
  g_signal_connect (chooser, "response", G_CALLBACK (on_template_response),
                    job_new (page, store, class_id, kind));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- packets --------------------------------------------------------------------------- */

gboolean
td_packet_import_paths (GtkWidget *page, TdStore *store, const char *const *paths)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;
  gboolean ok;

  set_busy (page, TRUE);
  ok = td_packet_import_files (store, paths, NULL, &n, &error);
  set_busy (page, FALSE);
  if (!ok)
    {
      td_ui_show_message (page, _("The packets were not imported"), error->message);
      return FALSE;
    }
  message = g_strdup_printf (ngettext ("%u packet imported", "%u packets imported", n), n);
  toast (page, message);
  return TRUE;
}

static void
on_packets_response (GtkNativeDialog *chooser, int response, Job *job)
{
  g_autoptr (GListModel) files = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr (GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);
      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  if (paths->len > 1)
    td_packet_import_paths (job->page, job->store, (const char *const *) paths->pdata);
  job_free (job);
  g_object_unref (chooser);
}

void
td_packet_import_choose (GtkWidget *page, TdStore *store)
{
  static const char *const xml[] = { "xml", NULL };
  GtkFileChooserNative *chooser;

  g_return_if_fail (TD_IS_STORE (store));
  chooser = gtk_file_chooser_native_new (_("Choose Packets and Receipts"), page_window (page),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  td_ui_add_file_filter (GTK_FILE_CHOOSER (chooser), _("Bureau packets and receipts (.xml)"), xml);
  g_signal_connect (chooser, "response", G_CALLBACK (on_packets_response),
                    job_new (page, store, 0, TD_RECORD_RESULTS));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
