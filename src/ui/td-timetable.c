/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ui/td-timetable.h"

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

void
td_lesson_problem_free (TdLessonProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray *problems, guint index, const char *rule, char *message)
{
  TdLessonProblem *problem = g_new0 (TdLessonProblem, 1);

  problem->index = index;
  problem->rule = rule;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static gboolean
has_teacher (GPtrArray *teachers, const char *tid)
{
  for (guint i = 0; teachers != NULL && i < teachers->len; i++)
    if (g_strcmp0 (((TdTeacher *) g_ptr_array_index (teachers, i))->tid, tid) == 0)
      return TRUE;
  return FALSE;
}

static void
check_one (GPtrArray *problems, guint i, const TdLesson *lesson, const char *start,
           const char *end, GPtrArray *teachers)
{
  if ((start[0] != '\0' && strcmp (lesson->date, start) < 0)
      || (end[0] != '\0' && strcmp (lesson->date, end) > 0))
    add_problem (problems, i, "R-CLS-004",
                 g_strdup_printf (_("Lesson %s on %s is outside the class dates."),
                                  lesson->lid, lesson->date));
  if (td_time_from_iso (lesson->end) <= td_time_from_iso (lesson->start))
    add_problem (problems, i, "R-CLS-004",
                 g_strdup_printf (_("Lesson %s ends before it starts."), lesson->lid));
  if (!has_teacher (teachers, lesson->teacher))
    add_problem (problems, i, "R-CLS-005",
                 g_strdup_printf (_("Lesson %s has no teacher of this class."), lesson->lid));
}

GPtrArray *
td_timetable_problems (GPtrArray *lessons, const char *start, const char *end,
                       GPtrArray *teachers)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_problem_free);

  for (guint i = 0; i < lessons->len; i++)
    {
      const TdLesson *lesson = g_ptr_array_index (lessons, i);

      check_one (problems, i, lesson, start != NULL ? start : "", end != NULL ? end : "",
                 teachers);
      for (guint j = 0; j < i; j++)
        {
          const TdLesson *other = g_ptr_array_index (lessons, j);

          if (strcmp (other->date, lesson->date) == 0
              && strcmp (lesson->start, other->end) < 0 && strcmp (other->start, lesson->end) < 0)
            {
              add_problem (problems, i, "R-CLS-005",
                           g_strdup_printf (_("Lesson %s overlaps lesson %s on %s."),
                                            lesson->lid, other->lid, lesson->date));
              break;
            }
        }
    }
  return problems;
}
