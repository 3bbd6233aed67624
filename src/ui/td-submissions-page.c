/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Submissions page: the packet log of the class or of the institution (kind, created,
 * status, filing number, approved amount, working days left for a filing not yet sent), and
 * the packet work: export a packet (its checks run first; findings are listed, each
 * opening the page of the record it concerns), import a receipt, validate any packet file,
 * export the quarterly report.  A receipt's issues are listed like findings. */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/td-due.h"
#include "packet/td-export.h"
#include "packet/td-receipt.h"
#include "packet/td-validator.h"
#include "ui/td-dialog.h"
#include "ui/td-findings-window.h"
#include "ui/td-cell.h"
#include "ui/td-packet-row.h"
#include "ui/td-submissions-page.h"
#include "ui/td-ui-util.h"
#include "ui/td-window.h"

static const TdPacketKind class_kinds[] = {
  TD_KIND_FILING, TD_KIND_ROSTER, TD_KIND_ATTENDANCE, TD_KIND_ASSESSMENT, TD_KIND_FOLLOWUP,
  TD_KIND_CLAIM, TD_KIND_NOTICE,
};

struct _TdSubmissionsPage
{
  TdPage parent_instance;

  GListStore *rows;

  GtkDropDown *kind_drop;
  GtkCheckButton *all_check;
  GtkLabel *due_label;
  GtkStack *stack;
  GtkColumnView *view;
};

static void update_locate (TdSubmissionsPage *self);

G_DEFINE_FINAL_TYPE (TdSubmissionsPage, td_submissions_page, TD_TYPE_PAGE)

/* ---- deadlines ---------------------------------------------------------------------- */

/* When the first filing of @klass is to be sent (td_due_filing_when), "" when that cannot be
 * told (no catalogue, no start date); *@urgent when it is late or at most one working day is
 * left.  NULL with @error when the database cannot be read. */
static char *
filing_when (TdStore *store, const TdClass *klass, gboolean *urgent, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (TdCatalog) catalog = td_store_get_class_catalog (store, klass, &local);
  TdDay start = td_day_from_iso (klass->start_date), today = td_day_today (), send_by;

  *urgent = FALSE;
  if (catalog == NULL && !td_store_missing_ok (&local, error))
    return NULL;
  if (catalog == NULL || start == 0)
    return g_strdup ("");
  send_by = td_due_filing_send_by (catalog, start, NULL);
  *urgent = today >= send_by
            || td_calendar_working_days_after (catalog->calendar, today, send_by) <= 1;
  return td_due_filing_when (catalog, start, today);
}

static gboolean
show_due (TdSubmissionsPage *self, GError **error)
{
  g_autoptr (TdClass) klass = NULL;
  g_autoptr (TdPacketLog) filing = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *when = NULL, *text = NULL;
  gboolean urgent;

  if (td_page_get_class_id (TD_PAGE (self)) != 0)
    klass = td_store_get_class (td_page_get_store (TD_PAGE (self)),
                                td_page_get_class_id (TD_PAGE (self)), &local);
  /* a class deleted meanwhile has no filing due; one that cannot be read is an error */
  if (g_error_matches (local, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND))
    g_clear_error (&local);
  if (klass != NULL)
    filing = td_store_latest_packet (td_page_get_store (TD_PAGE (self)), TD_KIND_FILING,
                                     td_page_get_class_id (TD_PAGE (self)), 0, 0, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (klass == NULL || klass->cancel_date[0] != '\0'
      || (filing != NULL && filing->status != TD_PACKET_DRAFT))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->due_label), FALSE);
      return TRUE;
    }
  when = filing_when (td_page_get_store (TD_PAGE (self)), klass, &urgent, error);
  if (when == NULL)
    return FALSE;
  text = g_strdup_printf (_("The filing of class %s is not sent yet: send it %s."), klass->code,
                          when);
  gtk_label_set_text (self->due_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), TRUE);
  return TRUE;
}

/* ---- the log ------------------------------------------------------------------------ */

static TdPacketRow *
row_new (TdSubmissionsPage *self, const TdPacketLog *log, GError **error)
{
  TdStore *store = td_page_get_store (TD_PAGE (self));
  g_autofree char *due = NULL;
  gboolean urgent = FALSE;

  if (log->kind == TD_KIND_FILING && log->status == TD_PACKET_DRAFT && log->supersedes == NULL)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (TdClass) klass = td_store_get_class (store, log->class_id, &local);

      if (klass == NULL && !td_store_missing_ok (&local, error))
        return NULL;
      if (klass != NULL && (due = filing_when (store, klass, &urgent, error)) == NULL)
        return NULL;
    }
  return td_packet_row_new (log, due, urgent);
}

static void
reload (TdPage *page)
{
  TdSubmissionsPage *self = TD_SUBMISSIONS_PAGE (page);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) logs = NULL;
  gboolean all =
      gtk_check_button_get_active (self->all_check) || td_page_get_class_id (TD_PAGE (self)) == 0;
  g_autoptr (GError) error = NULL;

  if (td_page_get_store (TD_PAGE (self)) != NULL)
    {
      logs = td_store_list_packets (td_page_get_store (TD_PAGE (self)),
                                    all ? 0 : td_page_get_class_id (TD_PAGE (self)), &error);
      for (guint i = 0; logs != NULL && error == NULL && i < logs->len; i++)
        {
          gpointer row = row_new (self, g_ptr_array_index (logs, i), &error);

          if (row != NULL)
            g_ptr_array_add (rows, row);
        }
      if (logs != NULL && error == NULL)
        show_due (self, &error);
    }
  td_page_set_store_error (TD_PAGE (self), error);
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 ? "list" : "empty");
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  update_locate (self);
}

/* ---- findings ----------------------------------------------------------------------- */

static void
open_finding (const char *rule, const char *ref, gpointer data)
{
  TdSubmissionsPage *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  static const struct { const char *prefix, *page; } pages[] = {
    { "R-ATT", "attendance" }, { "R-ASM", "assessment" }, { "R-EMP", "follow-up" },
    { "R-SUB", "subsidy" }, { "R-ROS", "trainees" }, { "R-ID", "trainees" },
    { "R-CLS", "classes" }, { "R-NOT", "attendance" },
  };

  if (!TD_IS_WINDOW (root))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_has_prefix (rule, pages[i].prefix))
      {
        g_autofree char *msg = g_strdup_printf (_("%s: look for %s"), rule, ref);
        td_window_show_page (TD_WINDOW (root), pages[i].page);
        td_page_toast (TD_PAGE (self), msg);
        return;
      }
}

static void
show_findings (TdSubmissionsPage *self, const char *title, const TdFindings *findings)
{
  GtkWindow *window = td_findings_window_new (GTK_WIDGET (self), title, NULL, findings,
                                              open_finding, self);
  gtk_window_present (window);
}

/* ---- export ------------------------------------------------------------------------- */

gboolean
td_submissions_page_export (TdSubmissionsPage *self, TdPacketKind kind, int year, int quarter,
                            const char *path)
{
  g_autoptr (TdClass) klass = NULL;
  g_autoptr (TdExportResult) result = NULL;
  g_autoptr (TdFindings) findings = NULL;
  g_autoptr (GError) error = NULL;
  TdExportOptions options = { NULL, NULL, path, FALSE };

  g_return_val_if_fail (TD_IS_SUBMISSIONS_PAGE (self), FALSE);
  td_page_set_busy (TD_PAGE (self), TRUE);
  if (kind != TD_KIND_QUARTERLY)
    klass = td_store_get_class (td_page_get_store (TD_PAGE (self)),
                                td_page_get_class_id (TD_PAGE (self)), &error);
  if (kind == TD_KIND_QUARTERLY || klass != NULL)
    result = td_export_packet (td_page_get_store (TD_PAGE (self)), kind,
                               klass != NULL ? klass->code : NULL, year, quarter, &options,
                               &findings, &error);
  td_page_reload (TD_PAGE (self));
  td_page_set_busy (TD_PAGE (self), FALSE);
  if (result == NULL)
    {
      if (findings != NULL && td_findings_get_n (findings) > 0)
        show_findings (self, _("The packet was not exported"), findings);
      else
        td_ui_show_error (GTK_WIDGET (self), _("The packet was not exported"), error);
      return FALSE;
    }
  if (result->findings != NULL && td_findings_get_n (result->findings) > 0)
    show_findings (self, _("Exported with warnings"), result->findings);
  {
    g_autofree char *msg = g_strdup_printf (_("Exported to %s"), result->path);
    td_page_toast (TD_PAGE (self), msg);
  }
  if (result->note != NULL)
    td_page_toast (TD_PAGE (self), result->note);
  return TRUE;
}

typedef struct
{
  TdSubmissionsPage *self;
  TdPacketKind kind;
  int year;
  int quarter;
} ExportJob;

static void
on_export_chosen (GtkNativeDialog *chooser, int response, ExportJob *job)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      td_submissions_page_export (job->self, job->kind, job->year, job->quarter, path);
    }
  g_object_unref (chooser);
  g_free (job);
}

static void
choose_export_path (TdSubmissionsPage *self, TdPacketKind kind, int year, int quarter)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (TdClass) klass = td_page_get_class_id (TD_PAGE (self)) != 0
                                  ? td_store_get_class (td_page_get_store (TD_PAGE (self)),
                                                        td_page_get_class_id (TD_PAGE (self)), NULL)
                                  : NULL;
  g_autofree char *created = td_instant_now ();
  g_autofree char *name = td_export_file_name (kind, klass != NULL ? klass->code : NULL, year,
                                               quarter, created);
  g_autoptr (GError) error = NULL;
  g_autofree char *outbox = td_export_outbox_dir (td_page_get_store (TD_PAGE (self)), &error);
  GtkFileChooserNative *chooser;
  ExportJob *job;

  if (outbox == NULL)
    {
      td_ui_show_error (GTK_WIDGET (self), _("The packet was not exported"), error);
      return;
    }
  job = g_new0 (ExportJob, 1);
  *job = (ExportJob){ self, kind, year, quarter };
  chooser = gtk_file_chooser_native_new (_("Export Packet"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (g_file_test (outbox, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GFile) dir = g_file_new_for_path (outbox);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
td_submissions_page_choose_export (TdSubmissionsPage *self, TdPacketKind kind)
{
  g_return_if_fail (TD_IS_SUBMISSIONS_PAGE (self));
  g_return_if_fail (kind != TD_KIND_QUARTERLY);
  if (td_page_get_store (TD_PAGE (self)) == NULL || td_page_get_class_id (TD_PAGE (self)) == 0)
    {
      td_ui_show_message (GTK_WIDGET (self), _("No class chosen"),
                          _("Choose the class the packet is about above first."));
      return;
    }
  choose_export_path (self, kind, 0, 0);
}

static void
action_export (GtkWidget *widget, const char *name, GVariant *param)
{
  TdSubmissionsPage *self = TD_SUBMISSIONS_PAGE (widget);
  guint i = gtk_drop_down_get_selected (self->kind_drop);

  if (td_page_get_store (TD_PAGE (self)) == NULL || td_page_get_class_id (TD_PAGE (self)) == 0)
    {
      td_ui_show_message (widget, _("No class chosen"),
                          _("Choose the class the packet is about above first."));
      return;
    }
  if (i < G_N_ELEMENTS (class_kinds))
    choose_export_path (self, class_kinds[i], 0, 0);
}

typedef struct
{
  TdSubmissionsPage *self;
  GtkWindow *window;
  GtkEditable *year;
  GtkEditable *quarter;
  GtkLabel *message;
} QuarterForm;

static void
on_quarter_ok (QuarterForm *f)
{
  int year = atoi (gtk_editable_get_text (f->year));
  int quarter = atoi (gtk_editable_get_text (f->quarter));
  TdSubmissionsPage *self = f->self;

  if (year < 2000 || year > 2100 || quarter < 1 || quarter > 4)
    {
      td_dialog_set_message (f->message, _("Type a year such as 2026 and a quarter from 1 to "
                                           "4."));
      return;
    }
  gtk_window_destroy (f->window);
  choose_export_path (self, TD_KIND_QUARTERLY, year, quarter);
}

static void
action_quarterly (GtkWidget *widget, const char *name, GVariant *param)
{
  TdDay today = td_day_today ();
  int year = td_day_year (today), quarter = (td_day_month (today) - 1) / 3;
  g_autofree char *y = NULL, *q = NULL;
  GtkWidget *group = adw_preferences_group_new (),
            *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *message = gtk_label_new (NULL);
  QuarterForm *f = g_new0 (QuarterForm, 1);

  if (quarter == 0)
    year--, quarter = 4;   /* the quarter that ended last */
  y = g_strdup_printf ("%d", year);
  q = g_strdup_printf ("%d", quarter);
  f->self = TD_SUBMISSIONS_PAGE (widget);
  f->year = GTK_EDITABLE (td_dialog_entry_row (_("Year"), "quarter-year", y));
  f->quarter = GTK_EDITABLE (td_dialog_entry_row (_("Quarter"), "quarter-quarter", q));
  f->message = GTK_LABEL (message);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (f->year));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (f->quarter));
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), message);
  f->window = td_dialog_new (widget, _("Quarterly Report"), "td-quarter-dialog", _("_Next"),
                             box, G_CALLBACK (on_quarter_ok), f, g_free);
  gtk_window_set_default_size (f->window, 420, 300);
  gtk_window_present (f->window);
}

/* ---- validate and receipts ---------------------------------------------------------- */

gboolean
td_submissions_page_validate_file (TdSubmissionsPage *self, const char *path)
{
  g_autoptr (TdFindings) findings = td_findings_new ();
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *title = g_strdup_printf (_("Validation of %s"), base);
  gboolean parsed;

  g_return_val_if_fail (TD_IS_SUBMISSIONS_PAGE (self), FALSE);
  td_page_set_busy (TD_PAGE (self), TRUE);
  parsed = td_validator_check_file (td_page_get_store (TD_PAGE (self)), path, NULL, findings);
  td_page_set_busy (TD_PAGE (self), FALSE);
  show_findings (self, title, findings);
  return parsed && !td_findings_has_errors (findings);
}

static TdFindings *
issues_to_findings (GPtrArray *issues)
{
  TdFindings *findings = td_findings_new ();

  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      const TdPacketIssue *issue = g_ptr_array_index (issues, i);
      TdSeverity severity = g_strcmp0 (issue->severity, "error") == 0 ? TD_SEVERITY_ERROR
                            : g_strcmp0 (issue->severity, "warning") == 0 ? TD_SEVERITY_WARNING
                                                                          : TD_SEVERITY_INFO;
      td_findings_add (findings, issue->rule, severity, issue->ref, 0, "%s", issue->message);
    }
  return findings;
}

static char *
receipt_summary (const TdReceiptSummary *summary)
{
  const char *about = summary->class_code != NULL ? summary->class_code : "";

  if (summary->already_applied)
    return g_strdup_printf (_("This receipt for the %s packet of %s was imported before; "
                              "nothing changed."), td_packet_kind_label (summary->kind), about);
  if (summary->status == TD_PACKET_REJECTED)
    return g_strdup_printf (_("The bureau rejected the %s packet of %s. Correct what the "
                              "issues name and export the packet again.%s"),
                            td_packet_kind_label (summary->kind), about,
                            summary->reopened ? _(" Its attendance records are open again.")
                                              : "");
  return g_strdup_printf (_("The bureau's decision on the %s packet of %s: %s."),
                          td_packet_kind_label (summary->kind), about,
                          td_packet_status_label (summary->status));
}

gboolean
td_submissions_page_import_receipt (TdSubmissionsPage *self, const char *path)
{
  g_autoptr (TdReceiptSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (TD_IS_SUBMISSIONS_PAGE (self), FALSE);
  td_page_set_busy (TD_PAGE (self), TRUE);
  if (!td_receipt_apply_file (td_page_get_store (TD_PAGE (self)), path, &summary, &error))
    {
      td_page_set_busy (TD_PAGE (self), FALSE);
      td_ui_show_error (GTK_WIDGET (self), _("The receipt was not imported"), error);
      return FALSE;
    }
  td_page_reload (TD_PAGE (self));
  td_page_set_busy (TD_PAGE (self), FALSE);
  text = receipt_summary (summary);
  if (summary->issues != NULL && summary->issues->len > 0)
    {
      g_autoptr (TdFindings) findings = issues_to_findings (summary->issues);
      GtkWindow *window = td_findings_window_new (GTK_WIDGET (self), _("Receipt"), text,
                                                  findings, open_finding, self);
      gtk_window_present (window);
    }
  else
    td_page_toast (TD_PAGE (self), text);
  return TRUE;
}

typedef gboolean (*FileJob) (TdSubmissionsPage *self, const char *path);

static void
on_open_chosen (GtkNativeDialog *chooser, int response, TdSubmissionsPage *self)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  FileJob job = g_object_get_data (G_OBJECT (chooser), "td-job");

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      job (self, path);
    }
  g_object_unref (chooser);
}

static void
choose_xml (TdSubmissionsPage *self, const char *title, FileJob job)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_filter_set_name (filter, _("Bureau XML files"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "td-job", job);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_validate (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_xml (TD_SUBMISSIONS_PAGE (widget), _("Validate a Packet"),
              td_submissions_page_validate_file);
}

/* ---- a sent file that was moved ------------------------------------------------------ */

/* The packet of the selected row when its sent file is missing, or NULL. */
static TdPacketLog *
selected_missing (TdSubmissionsPage *self)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->view));
  TdPacketRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr (TdPacketLog) log = NULL;

  if (row == NULL || td_page_get_store (TD_PAGE (self)) == NULL)
    return NULL;
  log = td_store_get_packet (td_page_get_store (TD_PAGE (self)),
                             td_packet_row_get_packet_id (row), NULL);
  if (log == NULL || log->file == NULL || td_packet_row_sent_file_exists (log))
    return NULL;
  return g_steal_pointer (&log);
}

static void
update_locate (TdSubmissionsPage *self)
{
  g_autoptr (TdPacketLog) missing = selected_missing (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "submissions.locate", missing != NULL);
}

gboolean
td_submissions_page_locate_file (TdSubmissionsPage *self, const char *packet_id,
                                 const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *msg = NULL;

  g_return_val_if_fail (TD_IS_SUBMISSIONS_PAGE (self), FALSE);
  if (!td_store_relocate_packet (td_page_get_store (TD_PAGE (self)), packet_id, path, &error))
    {
      td_ui_show_error (GTK_WIDGET (self), _("That is not the sent file"), error);
      return FALSE;
    }
  td_page_reload (TD_PAGE (self));
  msg = g_strdup_printf (_("The packet log points at %s again"), path);
  td_page_toast (TD_PAGE (self), msg);
  return TRUE;
}

static void
on_located (GtkNativeDialog *chooser, int response, gpointer data)
{
  TdSubmissionsPage *self = TD_SUBMISSIONS_PAGE (data);
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  const char *id = g_object_get_data (G_OBJECT (chooser), "packet-id");

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      td_submissions_page_locate_file (self, id, path);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
action_locate (GtkWidget *widget, const char *name, GVariant *param)
{
  TdSubmissionsPage *self = TD_SUBMISSIONS_PAGE (widget);
  g_autoptr (TdPacketLog) missing = selected_missing (self);
  g_autofree char *title = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  if (missing == NULL)
    return;
  title = g_strdup_printf (_("Where Is %s Now?"), missing->file);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Select"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "packet-id", g_strdup (missing->id), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_located), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_import_receipt (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_xml (TD_SUBMISSIONS_PAGE (widget), _("Import a Receipt"),
              td_submissions_page_import_receipt);
}

/* ---- TdPage ------------------------------------------------------------------------- */

static void
td_submissions_page_dispose (GObject *object)
{
  TdSubmissionsPage *self = TD_SUBMISSIONS_PAGE (object);

  /* the columns go with the view, and the sorted rows move: nothing to update then */
  if (self->view != NULL && gtk_column_view_get_model (self->view) != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_model (self->view), self);
  adw_bin_set_child (ADW_BIN (self), NULL);   /* AdwBin would unparent it again */
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_SUBMISSIONS_PAGE);
  G_OBJECT_CLASS (td_submissions_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TdSubmissionsPage, name)

static void
td_submissions_page_class_init (TdSubmissionsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_submissions_page_dispose;
  g_type_ensure (TD_TYPE_CELL);
  g_type_ensure (TD_TYPE_PACKET_ROW);
  TD_PAGE_CLASS (klass)->reload = reload;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/traindesk/TrainDesk/ui/"
                                               "td-submissions-page.ui");
  BIND (kind_drop);
  BIND (all_check);
  BIND (due_label);
  BIND (stack);
  BIND (view);
  gtk_widget_class_install_action (widget_class, "submissions.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "submissions.import-receipt", NULL,
                                   action_import_receipt);
  gtk_widget_class_install_action (widget_class, "submissions.validate", NULL, action_validate);
  gtk_widget_class_install_action (widget_class, "submissions.quarterly", NULL,
                                   action_quarterly);
  gtk_widget_class_install_action (widget_class, "submissions.locate", NULL, action_locate);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "submissions.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "submissions.import-receipt", NULL);
}

static void
td_submissions_page_init (TdSubmissionsPage *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkSelectionModel *selection;
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (class_kinds); i++)
    gtk_string_list_append (kinds, td_packet_kind_label (class_kinds[i]));
  gtk_drop_down_set_model (self->kind_drop, G_LIST_MODEL (kinds));
  self->rows = g_list_store_new (TD_TYPE_PACKET_ROW);
  /* sorted by the column header clicked; kept across reloads */
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->rows),   /* owned by the selection */
                                    g_object_ref (gtk_column_view_get_sorter (self->view)));
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (sorted)));
  gtk_column_view_set_model (self->view, selection);
  g_object_unref (selection);
  g_signal_connect_swapped (self->all_check, "toggled", G_CALLBACK (td_page_reload), self);
  g_signal_connect_swapped (selection, "notify::selected-item", G_CALLBACK (update_locate),
                            self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "submissions.locate", FALSE);
}
