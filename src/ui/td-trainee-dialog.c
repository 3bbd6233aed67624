/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-codes.h"
#include "core/td-idnumber.h"
#include "core/td-phone.h"
#include "ui/td-dialog.h"
#include "ui/td-trainee-dialog.h"
#include "ui/td-ui-util.h"

typedef struct
{
  TdStore *store;
  TdEnrolment *enrolment;       /* being edited (a copy, or new) */
  GtkWindow *window;
  TdTraineeSaved saved;
  gpointer data;
  GtkEditable *id_number, *name, *birth_date, *phone, *household, *consent_date;
  GtkEditable *terminal_no;     /* 考勤号: the sign-in terminal's person number */
  char *terminal_no_before;
  AdwComboRow *gender, *education, *employment;
  GPtrArray *category_checks;   /* GtkCheckButton*, in code-list order */
  AdwActionRow *id_status;
  GtkLabel *message;
} TraineeDialog;

static void
trainee_dialog_free (TraineeDialog *dialog)
{
  g_clear_object (&dialog->store);
  g_free (dialog->terminal_no_before);
  td_enrolment_free (dialog->enrolment);
  g_ptr_array_unref (dialog->category_checks);
  g_free (dialog);
}

static void
fill_person (TraineeDialog *dialog, const TdTrainee *person)
{
  td_ui_editable_set (dialog->name, person->name);
  td_ui_editable_set (dialog->phone, person->phone);
  if (person->education[0] != '\0')
    td_ui_combo_select_code (dialog->education, TD_CODES_EDUCATION, person->education);
  if (person->household_region[0] != '\0')
    td_ui_editable_set (dialog->household, person->household_region);
}

/* Live: a complete number fills the derived fields; a wrong one says why (R-ID-001 for a
 * wrong check digit). */
static void
on_id_changed (TraineeDialog *dialog)
{
  const char *text = gtk_editable_get_text (dialog->id_number);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = td_id_number_normalize (text, NULL, &error);
  g_autoptr (TdTrainee) known = NULL;
  g_autoptr (GError) store_error = NULL;
  char birth[11], region[7];
  char gender[2];

  if (id == NULL)
    {
      gboolean typing = error->code == TD_ID_NUMBER_ERROR_EMPTY
                        || (error->code == TD_ID_NUMBER_ERROR_LENGTH && g_utf8_strlen (text, -1) < 18);

      adw_action_row_set_subtitle (dialog->id_status, typing ? _("18 characters; the last may "
                                                                 "be X.") : error->message);
      td_ui_set_error (GTK_WIDGET (dialog->id_number), !typing);
      return;
    }
  td_ui_set_error (GTK_WIDGET (dialog->id_number), FALSE);
  td_id_number_birth_date (id, birth);
  td_id_number_region (id, region);
  g_snprintf (gender, sizeof gender, "%d", td_id_number_gender (id));
  td_ui_editable_set (dialog->birth_date, birth);
  td_ui_combo_select_code (dialog->gender, TD_CODES_GENDER, gender);
  if (g_strcmp0 (gtk_editable_get_text (dialog->household), "") == 0)
    td_ui_editable_set (dialog->household, region);
  known = dialog->enrolment->id == 0 ? td_store_find_trainee (dialog->store, id, &store_error)
                                      : NULL;
  if (store_error != NULL)
    adw_action_row_set_subtitle (dialog->id_status, store_error->message);
  else if (known != NULL)
    {
      fill_person (dialog, known);
      adw_action_row_set_subtitle (dialog->id_status,
                                   _("Already in the database: the same person is reused."));
    }
  else
    adw_action_row_set_subtitle (dialog->id_status, _("The id number is valid."));
}

static char *
read_categories (TraineeDialog *dialog)
{
  gsize n = 0;
  const TdCode *codes = td_codes_get (TD_CODES_CATEGORY, &n);
  GString *text = g_string_new (NULL);

  for (gsize i = 0; i < n && i < dialog->category_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (dialog->category_checks, i)))
      g_string_append_printf (text, "%s%s", text->len ? "," : "", codes[i].code);
  return g_string_free (text, FALSE);
}

static const char *
read_enrolment (TraineeDialog *dialog, TdEnrolment *e, GError **id_error)
{
  TdTrainee *t = &e->trainee;
  g_autofree char *id = td_id_number_normalize (gtk_editable_get_text (dialog->id_number), NULL,
                                                id_error);
  g_autofree char *phone = td_ui_editable_dup_text (dialog->phone);
  g_autofree char *household = td_ui_editable_dup_text (dialog->household);
  g_autoptr (TdTrainee) known = NULL;

  if (id == NULL)
    return (*id_error)->message;
  g_strlcpy (t->id_number, id, sizeof t->id_number);
  g_free (t->name);
  t->name = td_ui_editable_dup_text (dialog->name);
  if (t->name == NULL)
    return _("Fill in the name.");
  t->gender = td_id_number_gender (id);
  td_id_number_birth_date (id, t->birth_date);
  g_free (t->phone);
  t->phone = phone != NULL ? td_phone_normalize (phone, NULL) : NULL;
  if (phone == NULL)
    return _("Fill in the phone number.");
  if (t->phone == NULL)
    return _("The phone number is not valid: a mobile has 11 digits, a landline is written "
             "0635-8212345.");
  g_strlcpy (t->education, td_ui_combo_get_code (dialog->education, TD_CODES_EDUCATION),
             sizeof t->education);
  g_strlcpy (t->household_region, household != NULL ? household : "", sizeof t->household_region);
  g_free (e->categories);
  e->categories = read_categories (dialog);
  e->employment_before = (int) g_ascii_strtoll (
    td_ui_combo_get_code (dialog->employment, TD_CODES_EMPLOYMENT_STATUS), NULL, 10);
  if (e->categories[0] == '\0')
    return _("Tick at least one category.");
  if (!td_ui_editable_get_date (dialog->consent_date, e->consent_date) || !e->consent_date[0])
    return _("Type the date the trainee gave consent, e.g. 2026-03-02.");
  known = e->id == 0 ? td_store_find_trainee (dialog->store, id, id_error) : NULL;
  if (*id_error != NULL)
    return (*id_error)->message;
  if (known != NULL)
    t->id = known->id;
  return NULL;
}

/* The enrolment and, when it was changed, the terminal person number: both or neither. */
static gboolean
save (TraineeDialog *dialog, TdEnrolment *e, GError **error)
{
  g_autofree char *number = td_ui_editable_dup_text (dialog->terminal_no);

  if (!td_store_begin (dialog->store, error))
    return FALSE;
  if (!td_store_save_enrolment (dialog->store, e, error)
      || (g_strcmp0 (number, dialog->terminal_no_before) != 0
          && !td_store_set_terminal_number (dialog->store, e->class_id, e->trainee.id, number,
                                            error))
      || !td_store_commit (dialog->store, error))
    {
      td_store_rollback (dialog->store);
      return FALSE;
    }
  return TRUE;
}

static void
on_ok (TraineeDialog *dialog)
{
  g_autoptr (TdEnrolment) e = td_enrolment_copy (dialog->enrolment);
  g_autoptr (GError) error = NULL;
  const char *problem = read_enrolment (dialog, e, &error);

  if (problem != NULL)
    {
      td_dialog_set_message (dialog->message, problem);
      return;
    }
  if (!save (dialog, e, &error))
    {
      const char *hint = td_ui_error_hint (error);
      g_autofree char *text = g_strdup_printf ("%s%s%s", error->message, hint ? "\n" : "",
                                               hint ? hint : "");

      td_dialog_set_message (dialog->message, text);
      return;
    }
  if (dialog->saved != NULL)
    dialog->saved (dialog->data, e->trainee.id);
  gtk_window_destroy (dialog->window);
}

static GtkWidget *
categories_group (TraineeDialog *dialog)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *flow = gtk_flow_box_new ();
  gsize n = 0;
  const TdCode *codes = td_codes_get (TD_CODES_CATEGORY, &n);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Categories"));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  for (gsize i = 0; i < n; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (td_code_label (TD_CODES_CATEGORY,
                                                                         codes[i].code));
      g_autofree char *name = g_strdup_printf ("category-%s", codes[i].code);

      gtk_widget_set_name (check, name);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   td_enrolment_has_category (dialog->enrolment, codes[i].code));
      gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
      g_ptr_array_add (dialog->category_checks, check);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), flow);
  return group;
}

static GtkWidget *
person_group (TraineeDialog *dialog, const TdEnrolment *e)
{
  GtkWidget *group = adw_preferences_group_new ();
  const TdTrainee *t = &e->trainee;

#define ADD(w) adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (w))
  dialog->id_number = GTK_EDITABLE (td_dialog_entry_row (_("Id number"), "id_number",
                                                         t->id_number));
  dialog->id_status = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (dialog->id_status), "id_status");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->id_status), _("Check"));
  dialog->name = GTK_EDITABLE (td_dialog_entry_row (C_("person", "Name"), "name", t->name));
  dialog->gender = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->gender), _("Gender (from the id number)"));
  gtk_widget_set_sensitive (GTK_WIDGET (dialog->gender), FALSE);
  td_ui_combo_set_codes (dialog->gender, TD_CODES_GENDER, t->gender == 2 ? "2" : "1");
  dialog->birth_date = GTK_EDITABLE (td_dialog_entry_row (_("Birth date (from the id number)"),
                                                          "birth_date", t->birth_date));
  gtk_editable_set_editable (dialog->birth_date, FALSE);
  dialog->phone = GTK_EDITABLE (td_dialog_entry_row (_("Phone"), "phone", t->phone));
  dialog->education = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (dialog->education), "education");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->education), _("Education"));
  td_ui_combo_set_codes (dialog->education, TD_CODES_EDUCATION, t->education);
  dialog->household = GTK_EDITABLE (td_dialog_entry_row (_("Household region code"),
                                                         "household", t->household_region));
  ADD (dialog->id_number); ADD (dialog->id_status); ADD (dialog->name); ADD (dialog->gender);
  ADD (dialog->birth_date); ADD (dialog->phone); ADD (dialog->education); ADD (dialog->household);
#undef ADD
  return group;
}

static GtkWidget *
enrolment_group (TraineeDialog *dialog, const TdEnrolment *e)
{
  GtkWidget *group = adw_preferences_group_new ();
  char employment[8];
  g_autofree char *today = td_day_to_iso_dup (td_day_today ());

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Enrolment"));
  g_snprintf (employment, sizeof employment, "%d", e->employment_before);
  dialog->employment = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (dialog->employment), "employment");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->employment),
                                 _("Employment before the training"));
  td_ui_combo_set_codes (dialog->employment, TD_CODES_EMPLOYMENT_STATUS, employment);
  dialog->consent_date = GTK_EDITABLE (td_dialog_entry_row (
    _("Consent given on"), "consent_date", e->consent_date[0] ? e->consent_date : today));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->employment));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->consent_date));
  if (e->id != 0)
    {
      g_autoptr (GHashTable) numbers = td_store_list_terminal_numbers (dialog->store,
                                                                        e->class_id, NULL);
      if (numbers != NULL)
        dialog->terminal_no_before = g_strdup (g_hash_table_lookup (numbers, &e->trainee.id));
    }
  dialog->terminal_no = GTK_EDITABLE (td_dialog_entry_row (
    _("Terminal person number (empty: the roster position)"), "terminal_no",
    dialog->terminal_no_before));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->terminal_no));
  return group;
}

GtkWindow *
td_trainee_dialog_open (GtkWidget *parent, TdStore *store, gint64 class_id,
                        const TdEnrolment *existing, TdTraineeSaved saved, gpointer data)
{
  TraineeDialog *dialog = g_new0 (TraineeDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  dialog->store = g_object_ref (store);
  dialog->enrolment = existing != NULL ? td_enrolment_copy (existing) : td_enrolment_new ();
  dialog->enrolment->class_id = class_id;
  dialog->saved = saved;
  dialog->data = data;
  dialog->category_checks = g_ptr_array_new ();
  gtk_box_append (GTK_BOX (box), person_group (dialog, dialog->enrolment));
  gtk_box_append (GTK_BOX (box), categories_group (dialog));
  gtk_box_append (GTK_BOX (box), enrolment_group (dialog, dialog->enrolment));
  dialog->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (dialog->message), "message");
  gtk_label_set_wrap (dialog->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (dialog->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (dialog->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->message));
  g_signal_connect_swapped (dialog->id_number, "changed", G_CALLBACK (on_id_changed), dialog);
  gtk_editable_set_editable (dialog->id_number, existing == NULL);
  on_id_changed (dialog);
  dialog->window = td_dialog_new (parent, existing != NULL ? _("Edit Trainee") : _("New Trainee"),
                                  "td-trainee-dialog", _("_Save"), box, G_CALLBACK (on_ok),
                                  dialog, (GDestroyNotify) trainee_dialog_free);
  gtk_window_present (dialog->window);
  return dialog->window;
}
