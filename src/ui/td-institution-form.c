/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-codes.h"
#include "core/td-credit-code.h"
#include "core/td-phone.h"
#include "ui/td-institution-form.h"
#include "ui/td-ui-util.h"

struct _TdInstitutionForm
{
  AdwBin parent_instance;
  AdwEntryRow *credit_code;
  AdwEntryRow *name_row;
  AdwEntryRow *license_no;
  AdwComboRow *region;
  GtkWidget *credit_code_box;
  GtkLabel *credit_code_warning;
  GtkCheckButton *credit_code_keep;
  AdwEntryRow *contact_name;
  AdwEntryRow *contact_phone;
  AdwEntryRow *legal_rep;
  AdwEntryRow *account_name;
  AdwEntryRow *bank;
  AdwEntryRow *account;
  gboolean modified;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (TdInstitutionForm, td_institution_form, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_changed (TdInstitutionForm *self)
{
  if (self->filling)
    return;
  self->modified = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* What is wrong with @code (normalised) under GB 32100, or NULL; *@mismatch is set when only
 * the check character is wrong. */
static char *
credit_code_problem (const char *code, gboolean *mismatch)
{
  *mismatch = FALSE;
  if (code == NULL || code[0] == '\0')
    return NULL;
  if (!td_credit_code_well_formed (code))
    return g_strdup (_("A unified social credit code has 18 characters of digits and capital "
                       "letters (no I, O, S, V, Z)."));
  if (td_credit_code_check_ok (code))
    return NULL;
  *mismatch = TRUE;
  return g_strdup_printf (_("The last character of this unified social credit code should be "
                            "%c, not %c (GB 32100 check character, R-ORG-001). Compare the code "
                            "with the business licence."),
                          td_credit_code_check_char (code), code[17]);
}

/* Said as the user types; the check button keeps a code whose check character is wrong
 * when the licence shows exactly that code (R-ORG-001 is only a warning for the bureau). */
static void
on_credit_code_changed (TdInstitutionForm *self)
{
  g_autofree char *code = td_credit_code_normalize (gtk_editable_get_text (
                                                      GTK_EDITABLE (self->credit_code)));
  gboolean mismatch;
  g_autofree char *message = credit_code_problem (code, &mismatch);

  gtk_label_set_text (self->credit_code_warning, message != NULL ? message : "");
  gtk_widget_set_visible (self->credit_code_box, message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->credit_code_keep), mismatch);
  gtk_check_button_set_active (self->credit_code_keep, FALSE);
  td_ui_set_error (GTK_WIDGET (self->credit_code), message != NULL);
  on_changed (self);
}

static void
td_institution_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TD_TYPE_INSTITUTION_FORM);
  G_OBJECT_CLASS (td_institution_form_parent_class)->dispose (object);
}

static void
td_institution_form_class_init (TdInstitutionFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_institution_form_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/traindesk/TrainDesk/ui/td-institution-form.ui");
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, credit_code);
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, license_no);
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, region);
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, credit_code_box);
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, credit_code_warning);
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, credit_code_keep);
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, contact_name);
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, contact_phone);
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, legal_rep);
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, account_name);
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, bank);
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, account);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_credit_code_changed);
}

static void
td_institution_form_init (TdInstitutionForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = TRUE;
  td_ui_combo_set_codes (self->region, TD_CODES_REGION, "371502");
  self->filling = FALSE;
}

GtkWidget *
td_institution_form_new (void)
{
  return g_object_new (TD_TYPE_INSTITUTION_FORM, NULL);
}

void
td_institution_form_set (TdInstitutionForm *self, const TdInstitution *inst)
{
  g_return_if_fail (TD_IS_INSTITUTION_FORM (self));

  self->filling = TRUE;
  td_ui_editable_set (GTK_EDITABLE (self->credit_code), inst ? inst->credit_code : NULL);
  td_ui_editable_set (GTK_EDITABLE (self->name_row), inst ? inst->name : NULL);
  td_ui_editable_set (GTK_EDITABLE (self->license_no), inst ? inst->license_no : NULL);
  td_ui_combo_select_code (self->region, TD_CODES_REGION, inst ? inst->region : "371502");
  td_ui_editable_set (GTK_EDITABLE (self->contact_name), inst ? inst->contact_name : NULL);
  td_ui_editable_set (GTK_EDITABLE (self->contact_phone), inst ? inst->contact_phone : NULL);
  td_ui_editable_set (GTK_EDITABLE (self->legal_rep), inst ? inst->legal_rep : NULL);
  td_ui_editable_set (GTK_EDITABLE (self->account_name), inst ? inst->account_name : NULL);
  td_ui_editable_set (GTK_EDITABLE (self->bank), inst ? inst->bank : NULL);
  td_ui_editable_set (GTK_EDITABLE (self->account), inst ? inst->account : NULL);
  self->filling = FALSE;
  self->modified = FALSE;
}

TdInstitution *
td_institution_form_get (TdInstitutionForm *self)
{
  TdInstitution *inst = td_institution_new ();
  g_autofree char *code = NULL;
  g_autofree char *phone = NULL;

  code = td_ui_editable_dup_text (GTK_EDITABLE (self->credit_code));
  inst->credit_code = code != NULL ? td_credit_code_normalize (code) : NULL;
  inst->name = td_ui_editable_dup_text (GTK_EDITABLE (self->name_row));
  inst->license_no = td_ui_editable_dup_text (GTK_EDITABLE (self->license_no));
  inst->region = g_strdup (td_ui_combo_get_code (self->region, TD_CODES_REGION));
  inst->contact_name = td_ui_editable_dup_text (GTK_EDITABLE (self->contact_name));
  phone = td_ui_editable_dup_text (GTK_EDITABLE (self->contact_phone));
  inst->contact_phone = phone != NULL ? td_phone_normalize (phone, NULL) : NULL;
  if (inst->contact_phone == NULL)
    inst->contact_phone = g_steal_pointer (&phone);
  inst->legal_rep = td_ui_editable_dup_text (GTK_EDITABLE (self->legal_rep));
  inst->account_name = td_ui_editable_dup_text (GTK_EDITABLE (self->account_name));
  inst->bank = td_ui_editable_dup_text (GTK_EDITABLE (self->bank));
  inst->account = td_ui_editable_dup_text (GTK_EDITABLE (self->account));
  return inst;
}

gboolean
td_institution_form_get_modified (TdInstitutionForm *self)
{
  g_return_val_if_fail (TD_IS_INSTITUTION_FORM (self), FALSE);
  return self->modified;
}

/* Marks @row and adds @field to @missing when @value is empty; the first such row gets the
 * focus. */
static void
require (GtkWidget *row, const char *value, const char *field, GPtrArray *missing)
{
  td_ui_set_error (row, value == NULL);
  if (value != NULL)
    return;
  if (missing->len == 0)
    gtk_widget_grab_focus (row);
  g_ptr_array_add (missing, (gpointer) field);
}

static char *
missing_text (GPtrArray *missing)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < missing->len; i++)
    {
      /* TRANSLATORS: between the names of fields not filled in */
      g_string_append (names, i == 0 ? "" : _(", "));
      g_string_append_printf (names, _("“%s”"), (const char *) g_ptr_array_index (missing, i));
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fill in %s.",
                                       "Fill in these fields: %s.", missing->len), names->str);
}

/* Problems of the credit code and the phone, one line each, into @problems. */
static void
check_values (TdInstitutionForm *self, const TdInstitution *inst, GString *problems)
{
  g_autoptr (GError) error = NULL;
  gboolean mismatch = FALSE;
  g_autofree char *code = credit_code_problem (inst->credit_code, &mismatch);

  if (code != NULL && !(mismatch && gtk_check_button_get_active (self->credit_code_keep)))
    {
      td_ui_set_error (GTK_WIDGET (self->credit_code), TRUE);
      g_string_append_printf (problems, "%s%s", problems->len > 0 ? "\n" : "", code);
      if (mismatch)
        g_string_append_printf (problems, " %s",
                                _("If the licence shows exactly this code, tick the box under "
                                  "the field."));
    }
  if (inst->contact_phone != NULL && !td_phone_valid (inst->contact_phone))
    {
      g_autofree char *ignored = td_phone_normalize (inst->contact_phone, &error);
      g_autofree char *line = g_strdup_printf (_("Contact phone: %s"),
                                               error != NULL ? error->message
                                                             : _("not a phone number"));

      td_ui_set_error (GTK_WIDGET (self->contact_phone), TRUE);
      g_string_append_printf (problems, "%s%s", problems->len > 0 ? "\n" : "", line);
    }
}

gboolean
td_institution_form_check (TdInstitutionForm *self, char **message)
{
  g_autoptr (TdInstitution) inst = td_institution_form_get (self);
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();
  g_autoptr (GString) problems = g_string_new (NULL);

  require (GTK_WIDGET (self->credit_code), inst->credit_code,
           _("Unified social credit code"), missing);
  require (GTK_WIDGET (self->name_row), inst->name, _("Name"), missing);
  require (GTK_WIDGET (self->contact_name), inst->contact_name, _("Contact name"), missing);
  require (GTK_WIDGET (self->contact_phone), inst->contact_phone, _("Contact phone"), missing);
  require (GTK_WIDGET (self->legal_rep), inst->legal_rep, _("Legal representative"), missing);
  if (missing->len > 0)
    {
      g_autofree char *text = missing_text (missing);
      g_string_append (problems, text);
    }
  check_values (self, inst, problems);
  *message = problems->len > 0 ? g_strdup (problems->str) : NULL;
  return problems->len == 0;
}

gboolean
td_institution_form_save (TdInstitutionForm *self, TdStore *store, GError **error)
{
  g_autoptr (TdInstitution) inst = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (TD_IS_INSTITUTION_FORM (self), FALSE);
  if (!td_institution_form_check (self, &message))
    {
      g_set_error_literal (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT, message);
      return FALSE;
    }
  inst = td_institution_form_get (self);
  if (!td_store_save_institution (store, inst, error))
    return FALSE;
  self->modified = FALSE;
  return TRUE;
}
