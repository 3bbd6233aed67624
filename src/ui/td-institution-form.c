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
  GtkLabel *credit_code_warning;
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

/* R-ORG-001 is a warning: say so as the user types, never refuse. */
static void
on_credit_code_changed (TdInstitutionForm *self)
{
  g_autofree char *code = td_credit_code_normalize (gtk_editable_get_text (
                                                      GTK_EDITABLE (self->credit_code)));
  const char *message = NULL;

  if (code == NULL || code[0] == '\0')
    message = NULL;
  else if (!td_credit_code_well_formed (code))
    message = _("A unified social credit code has 18 characters of digits and capital letters "
                "(no I, O, S, V, Z).");
  else if (!td_credit_code_check_ok (code))
    message = _("R-ORG-001 (warning): the last character does not match the check character. "
                "Compare the code with the business licence; some early codes fail this "
                "check and are still accepted.");
  gtk_label_set_text (self->credit_code_warning, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->credit_code_warning), message != NULL);
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
  gtk_widget_class_bind_template_child (widget_class, TdInstitutionForm, credit_code_warning);
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

static gboolean
require (GtkWidget *row, const char *value, const char *field, char **message)
{
  td_ui_set_error (row, value == NULL);
  if (value == NULL && *message == NULL)
    *message = g_strdup_printf (_("Fill in “%s”."), field);
  return value != NULL;
}

gboolean
td_institution_form_check (TdInstitutionForm *self, char **message)
{
  g_autoptr (TdInstitution) inst = td_institution_form_get (self);
  g_autoptr (GError) error = NULL;

  *message = NULL;
  require (GTK_WIDGET (self->credit_code), inst->credit_code,
           _("Unified social credit code"), message);
  require (GTK_WIDGET (self->name_row), inst->name, _("Name"), message);
  require (GTK_WIDGET (self->contact_name), inst->contact_name, _("Contact name"), message);
  require (GTK_WIDGET (self->contact_phone), inst->contact_phone, _("Contact phone"), message);
  require (GTK_WIDGET (self->legal_rep), inst->legal_rep, _("Legal representative"), message);
  if (*message != NULL)
    return FALSE;
  if (!td_credit_code_well_formed (inst->credit_code))
    {
      *message = g_strdup (_("The unified social credit code must have 18 characters of "
                             "digits and capital letters."));
      return FALSE;
    }
  if (!td_phone_valid (inst->contact_phone))
    {
      g_autofree char *ignored = td_phone_normalize (inst->contact_phone, &error);

      td_ui_set_error (GTK_WIDGET (self->contact_phone), TRUE);
      *message = g_strdup_printf (_("Contact phone: %s"), error != NULL ? error->message
                                  : _("not a phone number"));
      return FALSE;
    }
  return TRUE;
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
