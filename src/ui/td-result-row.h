/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdResultRow: a line of the Assessment page: a trainee of the class and the result
 * (NULL: none yet), as the properties its columns show (position, name, id-number, theory,
 * theory-tenths, practice, practice-tenths, outcome, certificate, cert-number, cert-issued,
 * cert-issued-day; cert-number-flagged when the number does not fit the certificate). */
#pragma once

#include "core/td-records.h"
#include "ui/td-list-row.h"

G_BEGIN_DECLS

#define TD_TYPE_RESULT_ROW (td_result_row_get_type ())
G_DECLARE_FINAL_TYPE (TdResultRow, td_result_row, TD, RESULT_ROW, TdListRow)

TdResultRow *td_result_row_new (const TdEnrolment *enrolment, const TdResult *result);
const TdEnrolment *td_result_row_get_enrolment (TdResultRow *self);

G_END_DECLS
