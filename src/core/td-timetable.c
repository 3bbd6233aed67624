/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "core/td-timetable.h"

char *
td_timetable_next_lid (GPtrArray *lessons)
{
  guint64 highest = 0;

  for (guint i = 0; i < lessons->len; i++)
    {
      TdLesson *lesson = g_ptr_array_index (lessons, i);
      guint64 n;

      if (lesson->lid != NULL && lesson->lid[0] == 'L'
          && g_ascii_string_to_unsigned (lesson->lid + 1, 10, 0, 99999, &n, NULL))
        highest = MAX (highest, n);
    }
  return g_strdup_printf ("L%03u", (guint) highest + 1);
}

guint
td_timetable_generate (GPtrArray *lessons, const TdWeeklyPattern *pattern, TdDay from,
                       TdDay to, const TdCalendar *calendar)
{
  guint added = 0;

  g_return_val_if_fail (lessons != NULL && pattern != NULL, 0);
  if (from == 0 || to < from || pattern->end <= pattern->start)
    return 0;
  for (TdDay day = from; day <= to; day++)
    {
      TdLesson *lesson;

      /* no lesson on a public holiday, even in a year the catalogue has no calendar for
       * (issue 18.3: lessons were planned on 元旦 2027-01-01) */
      if (!pattern->weekdays[td_day_weekday (day)] || !td_calendar_is_lesson_day (calendar, day))
        continue;
      lesson = td_lesson_new ();
      lesson->lid = td_timetable_next_lid (lessons);
      td_day_to_iso (day, lesson->date);
      td_time_to_iso (pattern->start, lesson->start);
      td_time_to_iso (pattern->end, lesson->end);
      lesson->hours = td_hours_of_interval (pattern->start, pattern->end);
      lesson->kind = pattern->kind;
      lesson->online = pattern->online;
      lesson->teacher = g_strdup (pattern->teacher);
      lesson->content = g_strdup (pattern->content);
      g_ptr_array_add (lessons, lesson);
      added++;
    }
  return added;
}

static int
compare_lessons (gconstpointer a, gconstpointer b)
{
  const TdLesson *x = *(TdLesson * const *) a;
  const TdLesson *y = *(TdLesson * const *) b;
  int c = strcmp (x->date, y->date);

  return c != 0 ? c : strcmp (x->start, y->start);
}

void
td_timetable_sort (GPtrArray *lessons)
{
  g_ptr_array_sort (lessons, compare_lessons);
}

TdTimetableTotals
td_timetable_totals (GPtrArray *lessons)
{
  TdTimetableTotals totals = { 0, 0, 0 };

  for (guint i = 0; i < lessons->len; i++)
    {
      TdLesson *lesson = g_ptr_array_index (lessons, i);

      if (lesson->kind == 'T')
        totals.theory += lesson->hours;
      else
        totals.practice += lesson->hours;
      if (lesson->online)
        totals.online += lesson->hours;
    }
  return totals;
}
