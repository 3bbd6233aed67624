/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A class's timetable as the filing form edits it: lessons generated from a weekly pattern
 * over working days, and its totals.  Its rules (R-CLS-004/005) are td_filing_check_lessons().
 * No GTK: the form, the filing check and the tests share it. */
#pragma once

#include "core/td-records.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean weekdays[8];         /* [1] Monday … [7] Sunday */
  int start;                    /* seconds since midnight */
  int end;
  char kind;                    /* 'T' or 'P' */
  gboolean online;
  const char *teacher;          /* a tid */
  const char *content;          /* may be NULL */
} TdWeeklyPattern;

typedef struct
{
  TdHalves theory;
  TdHalves practice;
  TdHalves online;
} TdTimetableTotals;

/* A lesson on every lesson day (td_calendar_is_lesson_day) of @from..@to whose weekday the pattern names, hours from
 * td_hours_of_interval (); lids follow on from @lessons' highest "Lnnn". Appended to
 * @lessons; returns how many were added. */
guint td_timetable_generate (GPtrArray *lessons, const TdWeeklyPattern *pattern, TdDay from,
                             TdDay to, const TdCalendar *calendar);
/* The next free lid ("L001", "L002", …). Newly allocated. */
char *td_timetable_next_lid (GPtrArray *lessons);
/* By date, then start. */
void td_timetable_sort (GPtrArray *lessons);
TdTimetableTotals td_timetable_totals (GPtrArray *lessons);

G_END_DECLS
