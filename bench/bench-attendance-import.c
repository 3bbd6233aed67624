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
  lessons = bench_add_lessons (store, klass->id, "2026-12-01", N_LESSONS);
  g_free (bench_enrol (store, klass->id, N_TRAINEES, "2026-11-20"));
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
