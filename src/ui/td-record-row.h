/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdRecordRow: a trainee in the Attendance page's grid with the record of the lesson
 * chosen, as the properties its columns show: position, name, id-number, status ("P
 * Present"; "Withdrawn"/"Cancelled" when the lesson is not offered to the trainee, then the
 * row is dimmed), in, out, method, hours, hours-halves, lock (an icon: sent, or a
 * correction of a sent record), credited, credited-halves, rate, rate-value and
 * rate-flagged (the trainee can no longer reach the threshold). */
#pragma once

#include "core/td-hours.h"
#include "core/td-money.h"
#include "core/td-records.h"
#include "ui/td-list-row.h"

G_BEGIN_DECLS

#define TD_TYPE_RECORD_ROW (td_record_row_get_type ())
G_DECLARE_FINAL_TYPE (TdRecordRow, td_record_row, TD, RECORD_ROW, TdListRow)

/* @record: of the lesson chosen, or NULL; @offered: whether that lesson is offered to the
 * trainee (TRUE without a lesson). */
TdRecordRow *td_record_row_new (const TdEnrolment *enrolment, const TdAttendance *record,
                                gboolean offered, TdHalves credited, TdRate rate,
                                gboolean rate_flagged);

G_END_DECLS
