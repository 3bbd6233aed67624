/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The institution's details: used by the first-run assistant and the Settings page. */
#pragma once

#include <adwaita.h>

#include "core/td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_INSTITUTION_FORM (td_institution_form_get_type ())
G_DECLARE_FINAL_TYPE (TdInstitutionForm, td_institution_form, TD, INSTITUTION_FORM, AdwBin)

GtkWidget *td_institution_form_new (void);
/* Fills the fields (NULL: empty) and clears the modified flag. */
void td_institution_form_set (TdInstitutionForm *self, const TdInstitution *inst);
/* What the fields say now (normalised credit code and phone where they parse). */
TdInstitution *td_institution_form_get (TdInstitutionForm *self);
gboolean td_institution_form_get_modified (TdInstitutionForm *self);
/* Checks the required fields (naming every one missing), the credit code (GB 32100: a wrong
 * check character only with the "exactly as on the licence" box ticked) and the phone;
 * FALSE with a message that says each problem.  The first missing field gets the focus. */
gboolean td_institution_form_check (TdInstitutionForm *self, char **message);
/* Checks and saves; on failure nothing in the form changes. */
gboolean td_institution_form_save (TdInstitutionForm *self, TdStore *store, GError **error);

G_END_DECLS
