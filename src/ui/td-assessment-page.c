/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Assessment page: the class's exam dates, evaluator and place; per trainee of the
 * roster the scores, outcome, retake and certificate (type and level prefilled from the
 * class; a type 2 number checked as R-ASM-003).  A withdrawn trainee is shown, not
 * offered. */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/td-codes.h"
#include "core/td-idnumber.h"
#include "core/td-record-rules.h"
#include "ui/td-assessment-page.h"
#include "ui/td-dialog.h"
#include "ui/td-cell.h"
#include "ui/td-result-row.h"
#include "ui/td-sheet-import-ui.h"
#include "ui/td-ui-util.h"

struct _TdAssessmentPage
{
  TdPage parent_instance;

  TdClass *klass;
  GPtrArray *enrolments;        /* TdEnrolment* */
  GPtrArray *results;           /* TdResult* */
  GListStore *rows;
  GtkSingleSelection *selection;

  GtkStack *stack;
  GtkColumnView *result_view;
  AdwEntryRow *theory_date_row;
  AdwEntryRow *practice_date_row;
  AdwEntryRow *evaluator_row;
  AdwEntryRow *place_row;
  AdwPreferencesGroup *result_group;
  AdwEntryRow *theory_row;
  AdwEntryRow *practice_row;
  AdwComboRow *outcome_row;
  GtkSwitch *retake_switch;
  AdwComboRow *cert_type_row;
  AdwComboRow *cert_level_row;
  AdwEntryRow *cert_number_row;
  AdwEntryRow *cert_issued_row;
  AdwEntryRow *cert_issuer_row;
  GtkLabel *message_label;
};

G_DEFINE_FINAL_TYPE (TdAssessmentPage, td_assessment_page, TD_TYPE_PAGE)

static const TdResult *
find_result (TdAssessmentPage *self, gint64 trainee_id)
{
  for (guint i = 0; self->results != NULL && i < self->results->len; i++)
    {
      const TdResult *r = g_ptr_array_index (self->results, i);
      if (r->trainee_id == trainee_id)
        return r;
    }
  return NULL;
}

static const TdEnrolment *
current_enrolment (TdAssessmentPage *self)
{
  gpointer row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? td_result_row_get_enrolment (TD_RESULT_ROW (row)) : NULL;
}

static void
load_exam (TdAssessmentPage *self)
{
  td_ui_editable_set (GTK_EDITABLE (self->theory_date_row), self->klass->exam_theory_date);
  td_ui_editable_set (GTK_EDITABLE (self->practice_date_row), self->klass->exam_practice_date);
  td_ui_editable_set (GTK_EDITABLE (self->evaluator_row), self->klass->evaluator);
  td_ui_editable_set (GTK_EDITABLE (self->place_row), self->klass->exam_place);
}

static void load_editor (TdAssessmentPage *self);

static void
reload (TdPage *page)
{
  TdAssessmentPage *self = TD_ASSESSMENT_PAGE (page);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  TdStore *store = td_page_get_store (page);
  gint64 class_id = td_page_get_class_id (page);
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->klass, td_class_free);
  g_clear_pointer (&self->enrolments, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  if (store != NULL && class_id != 0)
    self->klass = td_store_get_class (store, class_id, &error);
  if (self->klass != NULL
      && ((self->enrolments = td_store_list_enrolments (store, class_id, &error)) == NULL
          || (self->results = td_store_list_results (store, class_id, &error)) == NULL))
    {
      g_clear_pointer (&self->klass, td_class_free);
      g_clear_pointer (&self->enrolments, g_ptr_array_unref);
    }
  td_page_set_store_error (TD_PAGE (self), td_ui_store_read_error (error));
  gtk_stack_set_visible_child_name (self->stack, self->klass != NULL ? "main" : "empty");
  if (self->klass != NULL)
    {
      for (guint i = 0; i < self->enrolments->len; i++)
        {
          const TdEnrolment *e = g_ptr_array_index (self->enrolments, i);

          g_ptr_array_add (rows, td_result_row_new (e, find_result (self, e->trainee.id)));
        }
      load_exam (self);
    }
  td_list_row_store_replace (self->rows, rows, self->selection);
  load_editor (self);
}

static void
load_editor (TdAssessmentPage *self)
{
  const TdEnrolment *e = current_enrolment (self);
  const TdResult *r = e != NULL ? find_result (self, e->trainee.id) : NULL;
  g_autofree char *theory = NULL, *practice = NULL;
  char outcome[4] = "", type[4], level[4];

  gtk_label_set_text (self->message_label, "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->result_group),
                            e != NULL && e->withdrawn_date[0] == '\0'
                            && self->klass->cancel_date[0] == '\0');
  if (e == NULL)
    return;
  if (self->klass->cancel_date[0] != '\0')
    td_dialog_set_message (self->message_label, _("The class was cancelled: no assessment."));
  {
    g_autofree char *title = g_strdup_printf (_("Result of %s"), e->trainee.name);
    adw_preferences_group_set_title (self->result_group, title);
  }
  if (e->withdrawn_date[0] != '\0')
    td_dialog_set_message (self->message_label, _("Withdrawn: no assessment."));
  theory = td_score_format (r != NULL ? r->theory : -1);
  practice = td_score_format (r != NULL ? r->practice : -1);
  gtk_editable_set_text (GTK_EDITABLE (self->theory_row), theory);
  gtk_editable_set_text (GTK_EDITABLE (self->practice_row), practice);
  if (r != NULL)
    g_snprintf (outcome, sizeof outcome, "%d", r->outcome);
  /* no result yet: no outcome chosen for the administrator (issue 17.9) */
  td_ui_combo_select_code (self->outcome_row, TD_CODES_OUTCOME, outcome);
  td_ui_set_error (GTK_WIDGET (self->outcome_row), FALSE);
  gtk_switch_set_active (self->retake_switch, r != NULL && r->retake);
  /* the class's planned certificate and level unless the result says otherwise */
  g_snprintf (type, sizeof type, "%d", r != NULL && r->cert_type != 0 ? r->cert_type
                                                                     : self->klass->certificate);
  g_snprintf (level, sizeof level, "%d", r != NULL && r->cert_type != 0 ? r->cert_level
                                                                       : self->klass->level);
  td_ui_combo_select_code (self->cert_type_row, TD_CODES_CERTIFICATE, type);
  td_ui_combo_select_code (self->cert_level_row, TD_CODES_LEVEL, level);
  td_ui_editable_set (GTK_EDITABLE (self->cert_number_row), r != NULL ? r->cert_number : NULL);
  td_ui_editable_set (GTK_EDITABLE (self->cert_issued_row), r != NULL ? r->cert_issued : NULL);
  td_ui_editable_set (GTK_EDITABLE (self->cert_issuer_row), r != NULL ? r->cert_issuer : NULL);
}

static int
code_int (const char *code)
{
  return code != NULL ? atoi (code) : 0;
}

/* Reads the editor into @r; FALSE with a message when something cannot be read. */
static gboolean
read_editor (TdAssessmentPage *self, TdResult *r)
{
  const char *outcome = td_ui_combo_get_code (self->outcome_row, TD_CODES_OUTCOME);
  g_autofree char *number = NULL, *problem = NULL;

  r->theory = td_score_parse (gtk_editable_get_text (GTK_EDITABLE (self->theory_row)));
  r->practice = td_score_parse (gtk_editable_get_text (GTK_EDITABLE (self->practice_row)));
  td_ui_set_error (GTK_WIDGET (self->theory_row), r->theory < -1);
  td_ui_set_error (GTK_WIDGET (self->practice_row), r->practice < -1);
  if (r->theory < -1 || r->practice < -1)
    {
      td_dialog_set_message (self->message_label, _("A score is a number from 0 to 100, "
                                                    "with at most one decimal."));
      return FALSE;
    }
  td_ui_set_error (GTK_WIDGET (self->outcome_row), outcome == NULL);
  if (outcome == NULL)
    {
      td_dialog_set_message (self->message_label, _("Choose the outcome: passed, failed or "
                                                    "absent."));
      return FALSE;
    }
  r->outcome = atoi (outcome);
  r->retake = gtk_switch_get_active (self->retake_switch);
  if (r->outcome != 1)
    return TRUE;   /* failed or absent: no certificate (R-ASM-002) */
  r->cert_type = code_int (td_ui_combo_get_code (self->cert_type_row, TD_CODES_CERTIFICATE));
  r->cert_level = code_int (td_ui_combo_get_code (self->cert_level_row, TD_CODES_LEVEL));
  number = td_ui_editable_dup_text (GTK_EDITABLE (self->cert_number_row));
  r->cert_number = td_cert_number_normalize (number);
  problem = td_cert_number_problem (r->cert_type, r->cert_level, r->cert_number);
  td_ui_set_error (GTK_WIDGET (self->cert_number_row), problem != NULL);
  if (!td_ui_editable_get_date (GTK_EDITABLE (self->cert_issued_row), r->cert_issued)
      || r->cert_issued[0] == '\0')
    problem = problem != NULL ? problem : g_strdup (_("Type the certificate's issue date as "
                                                      "2026-03-02."));
  r->cert_issuer = td_ui_editable_dup_text (GTK_EDITABLE (self->cert_issuer_row));
  if (problem != NULL)
    td_dialog_set_message (self->message_label, problem);
  return problem == NULL;
}

static void
action_save_result (GtkWidget *widget, const char *name, GVariant *param)
{
  TdAssessmentPage *self = TD_ASSESSMENT_PAGE (widget);
  const TdEnrolment *e = current_enrolment (self);
  const TdResult *old;
  g_autoptr (TdResult) r = td_result_new ();
  g_autoptr (GError) error = NULL;

  if (e == NULL || e->withdrawn_date[0] != '\0' || td_page_get_store (TD_PAGE (self)) == NULL)
    return;
  old = find_result (self, e->trainee.id);
  r->id = old != NULL ? old->id : 0;
  r->class_id = td_page_get_class_id (TD_PAGE (self));
  r->trainee_id = e->trainee.id;
  memcpy (r->id_number, e->trainee.id_number, sizeof r->id_number);
  if (!read_editor (self, r))
    return;
  if (!td_store_save_result (td_page_get_store (TD_PAGE (self)), r, &error))
    {
      td_ui_show_error (widget, _("The result was not saved"), error);
      return;
    }
  td_page_reload (TD_PAGE (widget));
  td_page_toast (TD_PAGE (self), _("Result saved"));
}

static void
action_save_exam (GtkWidget *widget, const char *name, GVariant *param)
{
  TdAssessmentPage *self = TD_ASSESSMENT_PAGE (widget);
  g_autoptr (TdClass) k = NULL;
  g_autoptr (GError) error = NULL;

  if (self->klass == NULL)
    return;
  k = td_class_copy (self->klass);
  if (!td_ui_editable_get_date (GTK_EDITABLE (self->theory_date_row), k->exam_theory_date)
      || !td_ui_editable_get_date (GTK_EDITABLE (self->practice_date_row),
                                   k->exam_practice_date))
    {
      td_ui_show_message (widget, _("The date is not readable"),
                          _("Type the exam dates as 2026-03-02."));
      return;
    }
  g_free (k->evaluator);
  k->evaluator = td_ui_editable_dup_text (GTK_EDITABLE (self->evaluator_row));
  g_free (k->exam_place);
  k->exam_place = td_ui_editable_dup_text (GTK_EDITABLE (self->place_row));
  if (!td_store_save_class (td_page_get_store (TD_PAGE (self)), k, &error))
    {
      td_ui_show_error (widget, _("The assessment was not saved"), error);
      return;
    }
  td_page_reload (TD_PAGE (widget));
  td_page_toast (TD_PAGE (self), _("Assessment saved"));
}

/* ---- TdPage ------------------------------------------------------------------------- */

static void
on_import_sheet_clicked (TdAssessmentPage *self)
{
  if (td_page_get_store (TD_PAGE (self)) != NULL && td_page_get_class_id (TD_PAGE (self)) != 0)
    td_sheet_import_choose (GTK_WIDGET (self), td_page_get_store (TD_PAGE (self)),
                            td_page_get_class_id (TD_PAGE (self)), TD_RECORD_RESULTS);
}

static void
on_sheet_template_clicked (TdAssessmentPage *self)
{
  if (td_page_get_store (TD_PAGE (self)) != NULL && td_page_get_class_id (TD_PAGE (self)) != 0)
    td_sheet_template_choose (GTK_WIDGET (self), td_page_get_store (TD_PAGE (self)),
                              td_page_get_class_id (TD_PAGE (self)), TD_RECORD_RESULTS);
}

static void
td_assessment_page_dispose (GObject *object)
{
  TdAssessmentPage *self = TD_ASSESSMENT_PAGE (object);

  /* the columns go with the view, and the sorted rows move: no editor to load then */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  adw_bin_set_child (ADW_BIN (self), NULL);   /* AdwBin would unparent it again */
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_ASSESSMENT_PAGE);
  g_clear_pointer (&self->klass, td_class_free);
  g_clear_pointer (&self->enrolments, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (td_assessment_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, name)

static void
td_assessment_page_class_init (TdAssessmentPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_assessment_page_dispose;
  g_type_ensure (TD_TYPE_CELL);
  g_type_ensure (TD_TYPE_RESULT_ROW);
  TD_PAGE_CLASS (klass)->reload = reload;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/traindesk/TrainDesk/ui/"
                                               "td-assessment-page.ui");
  BIND (stack);
  BIND (result_view);
  BIND (theory_date_row);
  BIND (practice_date_row);
  BIND (evaluator_row);
  BIND (place_row);
  BIND (result_group);
  BIND (theory_row);
  BIND (practice_row);
  BIND (outcome_row);
  BIND (retake_switch);
  BIND (cert_type_row);
  BIND (cert_level_row);
  BIND (cert_number_row);
  BIND (cert_issued_row);
  BIND (cert_issuer_row);
  BIND (message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_import_sheet_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_template_clicked);
  gtk_widget_class_install_action (widget_class, "assessment.save-result", NULL,
                                   action_save_result);
  gtk_widget_class_install_action (widget_class, "assessment.save-exam", NULL,
                                   action_save_exam);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "assessment.save-result", NULL);
}

static void
td_assessment_page_init (TdAssessmentPage *self)
{
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (TD_TYPE_RESULT_ROW);
  /* sorted by the column header clicked; kept across reloads */
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->rows),   /* owned by the selection */
                                    g_object_ref (gtk_column_view_get_sorter (self->result_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->result_view, GTK_SELECTION_MODEL (self->selection));
  td_ui_combo_set_codes_optional (self->outcome_row, TD_CODES_OUTCOME, _("Not recorded"));
  td_ui_combo_set_codes (self->cert_type_row, TD_CODES_CERTIFICATE, "2");
  td_ui_combo_set_codes (self->cert_level_row, TD_CODES_LEVEL, "5");
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (load_editor),
                            self);
}
