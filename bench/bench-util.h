/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the benchmarks that fill a temporary database: a class, and the database's
 * files removed afterwards. */
#pragma once

#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>
#ifdef G_OS_UNIX
#include <sys/resource.h>
#endif

#include "core/td-idnumber.h"
#include "core/td-store.h"

/* A class filed under catalogue "2026-1" (planned size 0: no limit). */
static inline TdClass *
bench_add_class (TdStore *store, const char *code, const char *start, const char *end,
                 int planned_size)
{
  TdClass *klass = td_class_new ();
  g_autoptr (GError) error = NULL;

  klass->code = g_strdup (code);
  klass->title = g_strdup ("bench");
  klass->catalog_version = g_strdup ("2026-1");
  klass->item_code = g_strdup ("6-02-01-01");
  klass->item_name = g_strdup ("中式面点师");
  klass->level = 5;
  g_strlcpy (klass->training_type, "01", 3);
  g_strlcpy (klass->special_action, "01", 3);
  klass->mode = 1;
  g_strlcpy (klass->start_date, start, TD_DATE_LEN);
  g_strlcpy (klass->end_date, end, TD_DATE_LEN);
  klass->planned_size = planned_size;
  g_strlcpy (klass->venue_region, "371502", 7);
  klass->venue_address = g_strdup ("bench");
  klass->certificate = 2;
  klass->assessment_method = g_strdup ("bench");
  if (!td_store_save_class (store, klass, &error))
    g_error ("%s", error->message);
  return klass;
}

/* @n lessons of the class, two a day from @first_day (YYYY-MM-DD): 08:00–11:45 and
 * 14:00–17:00; TdLesson* in order. */
static inline GPtrArray *
bench_add_lessons (TdStore *store, gint64 class_id, const char *first_day, int n)
{
  GPtrArray *lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
  TdDay day = td_day_from_iso (first_day);

  for (int i = 0; i < n; i++)
    {
      TdLesson *l = td_lesson_new ();
      g_autoptr (GError) error = NULL;

      l->class_id = class_id;
      l->lid = g_strdup_printf ("L%02d%c", i / 2 + 1, i % 2 == 0 ? 'A' : 'B');
      td_day_to_iso (day + i / 2, l->date);
      g_strlcpy (l->start, i % 2 == 0 ? "08:00:00" : "14:00:00", TD_TIME_LEN);
      g_strlcpy (l->end, i % 2 == 0 ? "11:45:00" : "17:00:00", TD_TIME_LEN);
      l->hours = i % 2 == 0 ? 10 : 8;
      l->kind = 'T';
      l->teacher = g_strdup ("T1");
      l->content = g_strdup ("bench");
      if (!td_store_save_lesson (store, l, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (lessons, l);
    }
  return lessons;
}

/* @n trainees with valid id numbers on the class's roster, consent given on @consent_date;
 * their trainee ids, newly allocated. */
static inline gint64 *
bench_enrol (TdStore *store, gint64 class_id, guint n, const char *consent_date)
{
  gint64 *ids = g_new (gint64, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TdEnrolment) e = td_enrolment_new ();
      g_autoptr (GError) error = NULL;
      char seventeen[18];

      g_snprintf (seventeen, sizeof seventeen, "371502%04u0101%03u", 1970 + i % 30, i);
      e->class_id = class_id;
      g_snprintf (e->trainee.id_number, TD_ID_LEN, "%s%c", seventeen,
                  td_id_number_check_char (seventeen));
      e->trainee.name = g_strdup_printf ("学员%u", i + 1);
      e->trainee.gender = td_id_number_gender (e->trainee.id_number);
      td_id_number_birth_date (e->trainee.id_number, e->trainee.birth_date);
      e->trainee.phone = g_strdup ("13806351234");
      g_strlcpy (e->trainee.education, "70", 3);
      g_strlcpy (e->trainee.household_region, "371502", 7);
      e->categories = g_strdup ("01");
      e->employment_before = 4;
      g_strlcpy (e->consent_date, consent_date, TD_DATE_LEN);
      if (!td_store_save_enrolment (store, e, &error))
        g_error ("%s", error->message);
      ids[i] = e->trainee.id;
    }
  return ids;
}

/* The database file @db and its -wal and -shm. */
static inline void
bench_remove_db (const char *db)
{
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" :
       g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (db, suffix, NULL);

      g_remove (file);
    }
}

/* The one-minute load average where there is one (-1 elsewhere): shared machines make
 * single timings noisy, so a figure says under what load it was taken. */
static inline double
bench_load_average (void)
{
  g_autofree char *text = NULL;

  return g_file_get_contents ("/proc/loadavg", &text, NULL, NULL) ? g_ascii_strtod (text, NULL)
                                                                   : -1;
}

/* Processor seconds (user + system) this process has used so far. */
static inline double
bench_cpu_seconds (void)
{
  return (double) clock () / CLOCKS_PER_SEC;
}

/* Processor seconds (user + system) of this process's children that have ended so far, or
 * -1 where the system does not say: an anchor program's own time, beside the load. */
static inline double
bench_children_cpu_seconds (void)
{
#ifdef G_OS_UNIX
  struct rusage usage;

  if (getrusage (RUSAGE_CHILDREN, &usage) == 0)
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
           + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
#endif
  return -1;
}

static inline int
bench_compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @n values (sorts them). */
static inline double
bench_median (double *values, int n)
{
  qsort (values, n, sizeof *values, bench_compare_doubles);
  return values[n / 2];
}
