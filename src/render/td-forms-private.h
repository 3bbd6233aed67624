/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the form builders (td-forms*.c). */
#pragma once

#include "core/td-codes.h"
#include "render/td-forms.h"

G_BEGIN_DECLS

typedef struct
{
  TdStore *store;
  TdClass *klass;
  TdInstitution *inst;          /* an empty one when none is set up */
  const TdFormOptions *options;
} TdFormContext;

/* The form with FORMS.md's common header fields and the QR code of @kind's packet; NULL
 * with @error when the packet log cannot be read. */
TdForm *td_forms_begin (TdFormContext *ctx, TdFormKind kind, const char *number,
                        const char *title, GError **error);
/* The id number masked (or in full with --full-id); "" for NULL. */
char *td_forms_id (const TdFormContext *ctx, const char *id_number);
/* 2026年3月2日, "" when absent. */
char *td_forms_date (const char *iso);
/* "2026年3月2日 至 2026年3月20日" */
char *td_forms_period (const TdClass *klass);
/* Chinese name of an integer code. */
const char *td_forms_code_int (TdCodeList list, int code);
/* "03,07" → "城镇登记失业人员、残疾人" */
char *td_forms_categories (const char *codes);
const TdEnrolment *td_forms_find_enrolment (GPtrArray *enrolments, gint64 trainee_id);
/* "85.5" from tenths, "" when -1. */
char *td_forms_score (int tenths);

/* Each FALSE with @error when the store cannot be read or the data do not allow the form. */
gboolean td_forms_build_filing (TdFormContext *ctx, TdForm *form, GError **error);
gboolean td_forms_build_roster (TdFormContext *ctx, TdForm *form, GError **error);
gboolean td_forms_build_signin (TdFormContext *ctx, TdForm *form, GError **error);
gboolean td_forms_build_assessment (TdFormContext *ctx, TdForm *form, GError **error);
gboolean td_forms_build_claim (TdFormContext *ctx, TdForm *form, GError **error);

G_END_DECLS
