/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdFollowUpRow: a line of the Follow-up page: a trainee of the class and the latest
 * employment follow-up (NULL: not followed up), as the properties its columns show
 * (position, name, id-number, checked, checked-day, status, employer, since, since-day,
 * proof, wage, wage-fen, uplift; status-flagged, employer-flagged). */
#pragma once

#include "core/td-records.h"
#include "ui/td-list-row.h"

G_BEGIN_DECLS

#define TD_TYPE_FOLLOW_UP_ROW (td_follow_up_row_get_type ())
G_DECLARE_FINAL_TYPE (TdFollowUpRow, td_follow_up_row, TD, FOLLOW_UP_ROW, TdListRow)

/* @end_date and @window_days: the class's, for whether the follow-up earns the uplift. */
TdFollowUpRow *td_follow_up_row_new (const TdEnrolment *enrolment, const TdFollowUp *follow_up,
                                     const char *end_date, int window_days);
const TdEnrolment *td_follow_up_row_get_enrolment (TdFollowUpRow *self);

G_END_DECLS
