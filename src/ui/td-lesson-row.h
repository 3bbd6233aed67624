/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdLessonRow: a lesson in the Attendance page's list, as the properties its columns show:
 * lid (lid-flagged when the class's chain has a problem there), date, date-day, time,
 * recorded ("12/30"; recorded-count, recorded-flagged when records are missing for a lesson
 * of today or before) and lock (an icon when a record of it was sent).  Dimmed when the
 * lesson is offered to nobody. */
#pragma once

#include "core/td-records.h"
#include "ui/td-list-row.h"

G_BEGIN_DECLS

#define TD_TYPE_LESSON_ROW (td_lesson_row_get_type ())
G_DECLARE_FINAL_TYPE (TdLessonRow, td_lesson_row, TD, LESSON_ROW, TdListRow)

/* @recorded of @offered trainees have a record; @sent: one of them was sent. */
TdLessonRow *td_lesson_row_new (const TdLesson *lesson, guint recorded, guint offered,
                                gboolean sent, gboolean chain_problem);

G_END_DECLS
