/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `print signin` of a class of 1,000 lessons and 40 trainees (40,000 attendance records):
 * targets ≤ 2 s and ≤ 64 MiB peak memory.  The class is built in a temporary database, then
 * the print runs in a child process (this program with --print) whose peak resident size
 * (VmHWM) is its own. */
#define G_LOG_DOMAIN "td-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "packet/td-catalog-import.h"
#include "render/td-forms.h"

#define LESSONS 1000
#define TRAINEES 40
#define CODE "BJ2026-999"

static TdClass *
save_class (TdStore *store)
{
  TdClass *k = td_class_new ();
  g_autoptr (GError) error = NULL;

  k->code = g_strdup (CODE);
  k->title = g_strdup ("养老护理员（五级）就业技能培训2026年第999期");
  k->catalog_version = g_strdup ("2026-1");
  k->item_code = g_strdup ("4-10-01-05");
  k->item_name = g_strdup ("养老护理员");
  strcpy (k->training_type, "01");
  strcpy (k->special_action, "05");
  k->mode = 1;
  strcpy (k->start_date, "2026-01-05");
  strcpy (k->end_date, "2026-12-31");
  k->planned_theory = 1000;
  k->planned_practice = 1000;
  k->planned_size = TRAINEES;
  strcpy (k->venue_region, "371502");
  k->venue_address = g_strdup ("聊城市东昌府区柳园南路88号实训楼3层");
  k->funding_source = 1;
  k->certificate = 4;
  k->assessment_method = g_strdup ("理论笔试与实操考核");
  k->commitment_signed_by = g_strdup ("王立新");
  strcpy (k->commitment_date, "2026-01-02");
  k->payee_type = 1;
  if (!td_store_save_class (store, k, &error))
    g_error ("%s", error->message);
  {
    g_autoptr (GPtrArray) teachers = g_ptr_array_new_with_free_func ((GDestroyNotify) td_teacher_free);
    TdTeacher *t = td_teacher_new ();

    t->class_id = k->id;
    t->tid = g_strdup ("T1");
    t->name = g_strdup ("陈红梅");
    t->id_number = g_strdup ("371502198005120222");
    t->qualification = g_strdup ("高级技师(养老护理员)");
    g_ptr_array_add (teachers, t);
    if (!td_store_set_teachers (store, k->id, teachers, &error))
      g_error ("%s", error->message);
  }
  return k;
}

static void
save_trainee (TdStore *store, gint64 class_id, int i, gint64 *id)
{
  g_autoptr (TdEnrolment) e = td_enrolment_new ();
  g_autoptr (GError) error = NULL;
  /* GB 11643 check character of 3715021990010100NN */
  static const char weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  char number[19];
  int sum = 0;

  g_snprintf (number, sizeof number, "37150219900101%03d", 100 + i);
  for (int d = 0; d < 17; d++)
    sum += (number[d] - '0') * weights[d];
  number[17] = "10X98765432"[sum % 11];
  number[18] = '\0';
  e->class_id = class_id;
  strcpy (e->trainee.id_number, number);
  e->trainee.name = g_strdup_printf ("学员%03d", i + 1);
  e->trainee.gender = 1 + i % 2;
  strcpy (e->trainee.birth_date, "1990-01-01");
  e->trainee.phone = g_strdup ("13800000000");
  strcpy (e->trainee.education, "41");
  strcpy (e->trainee.household_region, "371502");
  e->categories = g_strdup ("03");
  e->employment_before = 4;
  strcpy (e->consent_date, "2026-01-02");
  if (!td_store_save_enrolment (store, e, &error))
    g_error ("%s", error->message);
  *id = e->trainee.id;
}

static gint64
save_lesson (TdStore *store, gint64 class_id, int i)
{
  g_autoptr (TdLesson) l = td_lesson_new ();
  g_autoptr (GError) error = NULL;
  TdDay day = td_day_from_iso ("2026-01-05") + i / 4;
  static const char *const starts[] = { "08:00:00", "10:00:00", "13:30:00", "15:30:00" };
  static const char *const ends[] = { "09:30:00", "11:30:00", "15:00:00", "17:00:00" };

  l->class_id = class_id;
  l->lid = g_strdup_printf ("L%04d", i + 1);
  td_day_to_iso (day, l->date);
  strcpy (l->start, starts[i % 4]);
  strcpy (l->end, ends[i % 4]);
  l->hours = 4;
  l->kind = i % 2 ? 'P' : 'T';
  l->teacher = g_strdup ("T1");
  l->content = g_strdup_printf ("养老护理 第%d讲", i + 1);
  if (!td_store_save_lesson (store, l, &error))
    g_error ("%s", error->message);
  return l->id;
}

static void
build (const char *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = td_store_open (db, TD_STORE_OPEN_CREATE, &error);
  g_autoptr (TdClass) k = NULL;
  gint64 trainees[TRAINEES];
  static const char *const ins[] = { "07:55:00", "09:55:00", "13:25:00", "15:25:00" };
  static const char *const outs[] = { "09:35:00", "11:35:00", "15:05:00", "17:05:00" };

  if (store == NULL || !td_catalog_import_default (store, &error))
    g_error ("%s", error->message);
  k = save_class (store);
  td_store_begin (store, NULL);
  for (int t = 0; t < TRAINEES; t++)
    save_trainee (store, k->id, t, &trainees[t]);
  for (int i = 0; i < LESSONS; i++)
    {
      gint64 lesson = save_lesson (store, k->id, i);

      for (int t = 0; t < TRAINEES; t++)
        if (!td_store_record_attendance (store, k->id, lesson, trainees[t], 'P', ins[i % 4],
                                         outs[i % 4], "FACE", &error))
          g_error ("%s", error->message);
    }
  if (!td_store_commit (store, &error))
    g_error ("%s", error->message);
}

/* The child: print, then report seconds and the peak resident size in KiB. */
static int
print (const char *db, const char *pdf)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = td_store_open (db, TD_STORE_OPEN_DEFAULT, &error);
  g_autoptr (TdForm) form = NULL;
  g_autofree char *status = NULL;
  const char *peak;
  gint64 start = g_get_monotonic_time ();
  clock_t cpu = clock ();

  if (store == NULL)
    g_error ("%s", error->message);
  form = td_form_build (store, TD_FORM_SIGNIN, CODE, NULL, &error);
  if (form == NULL || !td_form_write_pdf (form, pdf, &error))
    g_error ("%s", error->message);
  g_clear_pointer (&form, td_form_free);
  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  peak = status != NULL ? strstr (status, "VmHWM:") : NULL;
  printf ("%.3f %.3f %ld\n", (g_get_monotonic_time () - start) / 1e6,
          (double) (clock () - cpu) / CLOCKS_PER_SEC,
          peak != NULL ? strtol (peak + 6, NULL, 10) : -1L);
  return 0;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int wait_status = 0;
  double seconds = 0, cpu = 0;
  long peak_kib = -1;

  if (argc == 4 && strcmp (argv[1], "--print") == 0)
    return print (argv[2], argv[3]);
  dir = g_dir_make_tmp ("td-bench-XXXXXX", NULL);
  db = g_build_filename (dir, "signin.db", NULL);
  pdf = g_build_filename (dir, "signin.pdf", NULL);
  build (db);
  {
    const char *child[] = { argv[0], "--print", db, pdf, NULL };

    if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                       &wait_status, &error)
        || !g_spawn_check_wait_status (wait_status, &error))
      g_error ("%s", error->message);
  }
  sscanf (out, "%lf %lf %ld", &seconds, &cpu, &peak_kib);
  /* The target is on processor time: on a shared machine the wall clock measures the load. */
  printf ("render: print signin, %d lessons x %d trainees: %.2f s processor time (target <= 2 "
          "s; %.2f s wall clock), peak %.1f MiB (target <= 64 MiB)\n", LESSONS, TRAINEES, cpu,
          seconds, peak_kib / 1024.0);
  g_unlink (pdf);
  {
    const char *const suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *f = g_strconcat (db, suffixes[i], NULL);
        g_unlink (f);
      }
  }
  g_rmdir (dir);
  return cpu <= 2.0 && peak_kib >= 0 && peak_kib <= 64 * 1024 ? 0 : 1;
}
