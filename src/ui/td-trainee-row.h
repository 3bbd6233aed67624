/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdTraineeRow: a trainee in the Trainees page's lists (the class's roster, or everyone in
 * the database), as the properties its columns show: position (0 outside a roster), name,
 * id-number ("371502********123X"), id-order (the whole number, for sorting), gender,
 * birth, birth-day, categories (their names), consent, consent-day, status. */
#pragma once

#include "core/td-records.h"
#include "ui/td-list-row.h"

G_BEGIN_DECLS

#define TD_TYPE_TRAINEE_ROW (td_trainee_row_get_type ())
G_DECLARE_FINAL_TYPE (TdTraineeRow, td_trainee_row, TD, TRAINEE_ROW, TdListRow)

TdTraineeRow *td_trainee_row_new_from_trainee (const TdTrainee *trainee);
TdTraineeRow *td_trainee_row_new_from_enrolment (const TdEnrolment *enrolment);
/* For TdTraineeModel: takes @trainee. */
TdTraineeRow *td_trainee_row_new_take (TdTrainee *trainee);
const TdTrainee *td_trainee_row_get_trainee (TdTraineeRow *self);
/* NULL for a row of the all-trainees list. */
const TdEnrolment *td_trainee_row_get_enrolment (TdTraineeRow *self);
/* Whether the name or the id number contains @casefolded_needle (NULL or "" matches). */
gboolean td_trainee_row_matches (TdTraineeRow *self, const char *casefolded_needle);

G_END_DECLS
