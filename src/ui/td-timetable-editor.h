/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timetable part of the filing form: lessons added, edited, removed or generated from a
 * weekly pattern; running totals; overlaps and lessons outside the dates marked as you go. */
#pragma once

#include <adwaita.h>

#include "core/td-records.h"
#include "core/td-timetable.h"

G_BEGIN_DECLS

#define TD_TYPE_TIMETABLE_EDITOR (td_timetable_editor_get_type ())
G_DECLARE_FINAL_TYPE (TdTimetableEditor, td_timetable_editor, TD, TIMETABLE_EDITOR, AdwBin)

/* Takes copies of @lessons (TdLesson*). */
void td_timetable_editor_set_lessons (TdTimetableEditor *self, GPtrArray *lessons);
/* The lessons as edited, sorted (owned by the editor). */
GPtrArray *td_timetable_editor_get_lessons (TdTimetableEditor *self);
/* What the lessons are checked against: class dates ("" unknown), calendar (may be NULL),
 * teachers (TdTeacher*, borrowed until the next call), and the text under the totals. */
void td_timetable_editor_set_context (TdTimetableEditor *self, const char *start,
                                      const char *end, const TdCalendar *calendar,
                                      GPtrArray *teachers, const char *plan);
/* Generates lessons (replacing the current ones when @replace); returns how many. */
guint td_timetable_editor_generate (TdTimetableEditor *self, const TdWeeklyPattern *pattern,
                                    gboolean replace);
/* Opens the lesson dialog for a new lesson / the weekly-pattern dialog. */
void td_timetable_editor_add_lesson (TdTimetableEditor *self);
void td_timetable_editor_open_generate (TdTimetableEditor *self);

G_END_DECLS
