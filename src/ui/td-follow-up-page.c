/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Follow-up page: per trainee the latest employment follow-up (check date, status,
 * employer, start date, proof, wage) and whether it earns the uplift; the trainees not yet
 * followed up and the days left in the employment window (EndDate + EmploymentWindowDays).
 * The employer's credit code is checked (R-ORG-001) as a warning only. */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/td-codes.h"
#include "core/td-credit-code.h"
#include "core/td-idnumber.h"
#include "core/td-record-rules.h"
#include "core/td-subsidy.h"
#include "ui/td-dialog.h"
#include "ui/td-follow-up-page.h"
#include "ui/td-cell.h"
#include "ui/td-follow-up-row.h"
#include "ui/td-sheet-import-ui.h"
#include "ui/td-ui-util.h"

struct _TdFollowUpPage
{
  TdPage parent_instance;

  TdClass *klass;
  int window_days;
  GPtrArray *enrolments;
  GPtrArray *follow_ups;
  GListStore *rows;
  GtkSingleSelection *selection;

  GtkStack *stack;
  GtkLabel *window_label;
  GtkColumnView *view;
  AdwPreferencesGroup *group;
  AdwEntryRow *checked_row;
  AdwComboRow *status_row;
  AdwEntryRow *credit_code_row;
  AdwEntryRow *employer_row;
  AdwEntryRow *since_row;
  AdwComboRow *proof_row;
  AdwEntryRow *wage_row;
  GtkLabel *message_label;
};

G_DEFINE_FINAL_TYPE (TdFollowUpPage, td_follow_up_page, TD_TYPE_PAGE)

static const TdEnrolment *
current_enrolment (TdFollowUpPage *self)
{
  gpointer row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? td_follow_up_row_get_enrolment (TD_FOLLOW_UP_ROW (row)) : NULL;
}

static void
show_window (TdFollowUpPage *self, int missing, int active)
{
  TdDay end = td_day_from_iso (self->klass->end_date);
  TdDay last = end + self->window_days, today = td_day_today ();
  char last_iso[TD_DATE_LEN];
  g_autofree char *text = NULL, *left = NULL;

  td_day_to_iso (last, last_iso);
  if (end == 0)
    left = g_strdup ("");
  else if (today > last)
    left = g_strdup (_("the window has closed"));
  else
    left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left",
                                         (int) (last - today)), (int) (last - today));
  text = g_strdup_printf (_("Employment window: %s to %s (%s). Not yet followed up: %d of %d "
                            "trainees."), self->klass->end_date, last_iso, left, missing,
                          active);
  gtk_label_set_text (self->window_label, text);
}

static void load_editor (TdFollowUpPage *self);

/* FALSE with @error (nothing loaded) when the store cannot be read. */
static gboolean
load_data (TdFollowUpPage *self, GError **error)
{
  TdStore *store = td_page_get_store (TD_PAGE (self));
  gint64 class_id = td_page_get_class_id (TD_PAGE (self));
  g_autoptr (TdCatalog) catalog = NULL;
  g_autoptr (GError) local = NULL;

  g_clear_pointer (&self->klass, td_class_free);
  g_clear_pointer (&self->enrolments, g_ptr_array_unref);
  g_clear_pointer (&self->follow_ups, g_ptr_array_unref);
  if (store == NULL || class_id == 0)
    return TRUE;
  self->klass = td_store_get_class (store, class_id, error);
  if (self->klass == NULL)
    return FALSE;
  /* a class without a catalogue in force has no window; an unreadable one is an error */
  catalog = td_store_get_class_catalog (store, self->klass, &local);
  if (catalog == NULL && !g_error_matches (local, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      g_clear_pointer (&self->klass, td_class_free);
      return FALSE;
    }
  self->window_days = catalog != NULL ? catalog->rules.employment_window_days : 0;
  if ((self->enrolments = td_store_list_enrolments (store, class_id, error)) == NULL
      || (self->follow_ups = td_store_list_follow_ups (store, class_id, error)) == NULL)
    {
      g_clear_pointer (&self->klass, td_class_free);
      g_clear_pointer (&self->enrolments, g_ptr_array_unref);
      return FALSE;
    }
  return TRUE;
}

static void
reload (TdPage *page)
{
  TdFollowUpPage *self = TD_FOLLOW_UP_PAGE (page);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int missing = 0, active = 0;
  g_autoptr (GError) error = NULL;

  load_data (self, &error);
  td_page_set_store_error (TD_PAGE (self), td_ui_store_read_error (error));
  gtk_stack_set_visible_child_name (self->stack, self->klass != NULL ? "main" : "empty");
  for (guint i = 0; self->klass != NULL && i < self->enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (self->enrolments, i);
      const TdFollowUp *f = td_subsidy_latest_follow_up (self->follow_ups, e->trainee.id);

      g_ptr_array_add (rows, td_follow_up_row_new (e, f, self->klass->end_date,
                                                   self->window_days));
      if (e->withdrawn_date[0] != '\0')
        continue;
      active++;
      missing += f == NULL;
    }
  if (self->klass != NULL)
    show_window (self, missing, active);
  td_list_row_store_replace (self->rows, rows, self->selection);
  load_editor (self);
}

static void
load_editor (TdFollowUpPage *self)
{
  const TdEnrolment *e = current_enrolment (self);
  const TdFollowUp *f;
  char code[4];

  gtk_label_set_text (self->message_label, "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->group), e != NULL && e->withdrawn_date[0] == '\0'
                            && self->klass->cancel_date[0] == '\0');
  if (e == NULL)
    return;
  if (self->klass->cancel_date[0] != '\0')
    td_dialog_set_message (self->message_label, _("The class was cancelled: no follow-up."));
  {
    g_autofree char *title = g_strdup_printf (_("Follow-up of %s"), e->trainee.name);
    adw_preferences_group_set_title (self->group, title);
  }
  f = td_subsidy_latest_follow_up (self->follow_ups, e->trainee.id);
  if (f == NULL)
    {
      g_autofree char *today = td_day_to_iso_dup (td_day_today ());
      gtk_editable_set_text (GTK_EDITABLE (self->checked_row), today);
      td_ui_combo_select_code (self->status_row, TD_CODES_EMPLOYMENT_STATUS, "1");
      gtk_editable_set_text (GTK_EDITABLE (self->credit_code_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->employer_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->since_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->wage_row), "");
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->checked_row), f->checked);
  g_snprintf (code, sizeof code, "%d", f->status);
  td_ui_combo_select_code (self->status_row, TD_CODES_EMPLOYMENT_STATUS, code);
  td_ui_editable_set (GTK_EDITABLE (self->credit_code_row), f->employer_credit_code);
  td_ui_editable_set (GTK_EDITABLE (self->employer_row), f->employer_name);
  gtk_editable_set_text (GTK_EDITABLE (self->since_row), f->since);
  g_snprintf (code, sizeof code, "%d", f->proof != 0 ? f->proof : 1);
  td_ui_combo_select_code (self->proof_row, TD_CODES_PROOF, code);
  if (f->monthly_wage >= 0)
    {
      g_autofree char *wage = td_money_format (f->monthly_wage);
      gtk_editable_set_text (GTK_EDITABLE (self->wage_row), wage);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->wage_row), "");
}

/* Reads the editor; what the status does not carry is dropped and the follow-up checked by
 * the rules the imports use (td-record-rules.h).  A message and FALSE when something cannot
 * be read or sent. */
static gboolean
read_editor (TdFollowUpPage *self, TdFollowUp *f, GString *warning)
{
  const char *status = td_ui_combo_get_code (self->status_row, TD_CODES_EMPLOYMENT_STATUS);
  const char *proof = td_ui_combo_get_code (self->proof_row, TD_CODES_PROOF);
  g_autofree char *wage = td_ui_editable_dup_text (GTK_EDITABLE (self->wage_row));
  g_autofree char *code = td_ui_editable_dup_text (GTK_EDITABLE (self->credit_code_row));
  g_autofree char *problem = NULL;

  f->status = status != NULL ? atoi (status) : 1;
  if (!td_ui_editable_get_date (GTK_EDITABLE (self->checked_row), f->checked)
      || f->checked[0] == '\0'
      || !td_ui_editable_get_date (GTK_EDITABLE (self->since_row), f->since))
    {
      td_dialog_set_message (self->message_label, _("Type the dates as 2026-03-02."));
      return FALSE;
    }
  f->monthly_wage = -1;
  if (wage != NULL && !td_money_parse_lenient (wage, &f->monthly_wage))
    {
      td_dialog_set_message (self->message_label, _("Type the wage in yuan, as 3500."));
      return FALSE;
    }
  f->employer_credit_code = code != NULL ? td_credit_code_normalize (code) : NULL;
  f->employer_name = td_ui_editable_dup_text (GTK_EDITABLE (self->employer_row));
  f->proof = proof != NULL ? atoi (proof) : 0;
  td_follow_up_apply_status (f);
  problem = td_follow_up_problem (f, self->klass);
  if (problem != NULL)
    {
      td_dialog_set_message (self->message_label, problem);
      return FALSE;
    }
  if (f->employer_credit_code != NULL && !td_credit_code_check_ok (f->employer_credit_code))
    g_string_append (warning, _("The employer's credit code has a wrong check character "
                                "(R-ORG-001). It was saved; check it against the "
                                "business licence."));
  return TRUE;
}

static void
action_save (GtkWidget *widget, const char *name, GVariant *param)
{
  TdFollowUpPage *self = TD_FOLLOW_UP_PAGE (widget);
  const TdEnrolment *e = current_enrolment (self);
  g_autoptr (TdFollowUp) f = td_follow_up_new ();
  g_autoptr (GString) warning = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  const TdFollowUp *latest;

  if (e == NULL || e->withdrawn_date[0] != '\0' || td_page_get_store (TD_PAGE (self)) == NULL)
    return;
  f->class_id = td_page_get_class_id (TD_PAGE (self));
  f->trainee_id = e->trainee.id;
  memcpy (f->id_number, e->trainee.id_number, sizeof f->id_number);
  if (!read_editor (self, f, warning))
    return;
  latest = td_subsidy_latest_follow_up (self->follow_ups, e->trainee.id);
  if (latest != NULL && strcmp (latest->checked, f->checked) == 0)
    f->id = latest->id;   /* the same check corrected; another date is another check */
  if (!td_store_save_follow_up (td_page_get_store (TD_PAGE (self)), f, &error))
    {
      td_ui_show_error (widget, _("The follow-up was not saved"), error);
      return;
    }
  td_page_reload (TD_PAGE (widget));
  if (warning->len > 0)
    td_dialog_set_message (self->message_label, warning->str);
  td_page_toast (TD_PAGE (self), _("Follow-up saved"));
}

static void
on_import_sheet_clicked (TdFollowUpPage *self)
{
  if (td_page_get_store (TD_PAGE (self)) != NULL && td_page_get_class_id (TD_PAGE (self)) != 0)
    td_sheet_import_choose (GTK_WIDGET (self), td_page_get_store (TD_PAGE (self)),
                            td_page_get_class_id (TD_PAGE (self)), TD_RECORD_FOLLOW_UPS);
}

static void
on_sheet_template_clicked (TdFollowUpPage *self)
{
  if (td_page_get_store (TD_PAGE (self)) != NULL && td_page_get_class_id (TD_PAGE (self)) != 0)
    td_sheet_template_choose (GTK_WIDGET (self), td_page_get_store (TD_PAGE (self)),
                              td_page_get_class_id (TD_PAGE (self)), TD_RECORD_FOLLOW_UPS);
}

static void
td_follow_up_page_dispose (GObject *object)
{
  TdFollowUpPage *self = TD_FOLLOW_UP_PAGE (object);

  /* the columns go with the view, and the sorted rows move: no editor to load then */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  adw_bin_set_child (ADW_BIN (self), NULL);   /* AdwBin would unparent it again */
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_FOLLOW_UP_PAGE);
  g_clear_pointer (&self->klass, td_class_free);
  g_clear_pointer (&self->enrolments, g_ptr_array_unref);
  g_clear_pointer (&self->follow_ups, g_ptr_array_unref);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (td_follow_up_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TdFollowUpPage, name)

static void
td_follow_up_page_class_init (TdFollowUpPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_follow_up_page_dispose;
  g_type_ensure (TD_TYPE_CELL);
  g_type_ensure (TD_TYPE_FOLLOW_UP_ROW);
  TD_PAGE_CLASS (klass)->reload = reload;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/traindesk/TrainDesk/ui/"
                                               "td-follow-up-page.ui");
  BIND (stack);
  BIND (window_label);
  BIND (view);
  BIND (group);
  BIND (checked_row);
  BIND (status_row);
  BIND (credit_code_row);
  BIND (employer_row);
  BIND (since_row);
  BIND (proof_row);
  BIND (wage_row);
  BIND (message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_import_sheet_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_template_clicked);
  gtk_widget_class_install_action (widget_class, "follow-up.save", NULL, action_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "follow-up.save", NULL);
}

static void
td_follow_up_page_init (TdFollowUpPage *self)
{
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (TD_TYPE_FOLLOW_UP_ROW);
  /* sorted by the column header clicked; kept across reloads */
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->rows),   /* owned by the selection */
                                    g_object_ref (gtk_column_view_get_sorter (self->view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  td_ui_combo_set_codes (self->status_row, TD_CODES_EMPLOYMENT_STATUS, "1");
  td_ui_combo_set_codes (self->proof_row, TD_CODES_PROOF, "1");
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (load_editor),
                            self);
}
