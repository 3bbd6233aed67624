/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A door terminal's attlog.dat for a whole class — 60 trainees × 40 lessons × 4 punches
 * (each sign-in and sign-out twice, as people do at a face terminal) — read, matched to the
 * lessons (R-ATT-003/004) and stored in one transaction, in a temporary database; prints
 * each step and the total against the goal (< 1 s). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "core/td-attendance-import.h"
#include "core/td-idnumber.h"
#include "table/td-punch-reader.h"
#include "bench-util.h"

#define N_TRAINEES 60
#define N_LESSONS 40

/* Two lessons a day on 20 days from 1 December: 08:00–11:45 and 14:00–17:00. */
static GPtrArray *
add_lessons (TdStore *store, gint64 class_id)
{
  GPtrArray *lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
  TdDay day = td_day_from_iso ("2026-12-01");

  for (int i = 0; i < N_LESSONS; i++)
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

static void
enrol (TdStore *store, gint64 class_id)
{
  for (guint i = 0; i < N_TRAINEES; i++)
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
      g_strlcpy (e->consent_date, "2026-11-20", TD_DATE_LEN);
      if (!td_store_save_enrolment (store, e, &error))
        g_error ("%s", error->message);
    }
}

/* Every trainee signs in 10 minutes before and out 3 minutes after each lesson, each twice
 * half a minute apart; every seventh arrives 20 minutes late. */
static char *
write_attlog (const char *dir, GPtrArray *lessons)
{
  g_autoptr (GString) text = g_string_new (NULL);
  char *path = g_build_filename (dir, "attlog.dat", NULL);

  for (guint l = 0; l < lessons->len; l++)
    {
      const TdLesson *lesson = g_ptr_array_index (lessons, l);
      int start = td_time_from_iso (lesson->start), end = td_time_from_iso (lesson->end);

      for (int p = 1; p <= N_TRAINEES; p++)
        {
          int in = start + (p % 7 == 0 ? 1200 : -600), out = end + 180;
          int times[] = { in, in + 30, out, out + 40 };

          for (guint k = 0; k < G_N_ELEMENTS (times); k++)
            g_string_append_printf (text, "%6d\t%s %02d:%02d:%02d\t0\t15\t0\t0\r\n", p,
                                    lesson->date, times[k] / 3600, times[k] / 60 % 60,
                                    times[k] % 60);
        }
    }
  if (!g_file_set_contents (path, text->str, text->len, NULL))
    g_error ("cannot write %s", path);
  return path;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("td-bench-att-XXXXXX", &error);
  g_autofree char *db = NULL, *path = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdClass) klass = NULL;
  g_autoptr (GPtrArray) lessons = NULL;
  g_autoptr (TdPunchFile) file = NULL;
  g_autoptr (TdAttendanceImport) imp = NULL;
  gint64 t0, t1, t2, t3;
  TdAttCounts c;

  setlocale (LC_ALL, "");
  g_setenv ("TD_TODAY", "2026-12-31", TRUE);
  if (dir == NULL)
    g_error ("%s", error->message);
  db = g_build_filename (dir, "bench.db", NULL);
  store = td_store_open (db, TD_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  klass = bench_add_class (store, "BENCH-ATT", "2026-12-01", "2027-01-31", N_TRAINEES);
  lessons = add_lessons (store, klass->id);
  enrol (store, klass->id);
  path = write_attlog (dir, lessons);

  t0 = g_get_monotonic_time ();
  file = td_punch_file_load (path, NULL, &error);
  if (file == NULL)
    g_error ("%s", error->message);
  t1 = g_get_monotonic_time ();
  imp = td_attendance_import_new (store, klass->code, &error);
  if (imp == NULL || !td_attendance_import_run (imp, td_punch_file_get_punches (file),
                                                td_punch_file_get_problems (file), &error))
    g_error ("%s", error->message);
  t2 = g_get_monotonic_time ();
  if (!td_attendance_import_apply (imp, td_punch_file_get_name (file),
                                   td_punch_file_get_sha256 (file), &c, &error))
    g_error ("%s", error->message);
  t3 = g_get_monotonic_time ();
  printf ("attendance import %u punches → %u records (%u exceptions): read %.3f s, match %.3f s, "
          "store %.3f s, total %.3f s (goal < 1 s)%s\n",
          td_punch_file_get_punches (file)->len, c.n_new,
          td_attendance_import_get_n_exceptions (imp), (t1 - t0) / 1e6, (t2 - t1) / 1e6,
          (t3 - t2) / 1e6, (t3 - t0) / 1e6, t3 - t0 < G_USEC_PER_SEC ? "" : "  OVER THE GOAL");
  g_clear_pointer (&imp, td_attendance_import_free);
  g_clear_object (&store);
  g_remove (path);
  bench_remove_db (db);
  g_rmdir (dir);
  return 0;
}
