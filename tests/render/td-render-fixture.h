/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A store filled through the store API for the render tests: an institution, a catalogue,
 * a class LC2026-0001 with teachers, lessons and @n_trainees trainees. */
#pragma once

#include <glib/gstdio.h>

#include "../td-test-dir.h"
#include "core/td-idnumber.h"
#include "core/td-store.h"

typedef struct
{
  char *dir;
  TdStore *store;
  TdClass *klass;
  GPtrArray *trainees;          /* TdTrainee*, as enrolled */
  GPtrArray *lessons;           /* TdLesson* */
} Fixture;

static char *
fixture_id (int n)
{
  char id[19];

  g_snprintf (id, sizeof id, "37150219900101%03d", n % 1000);
  id[17] = td_id_number_check_char (id);
  id[18] = '\0';
  return g_strdup (id);
}

static void
fixture_catalog (Fixture *f)
{
  g_autoptr (TdCatalog) catalog = td_catalog_new ();
  TdCatalogItem *item = td_catalog_item_new ();
  TdStandard standard = { 2, 5, 150000, -1, 0 };
  g_autoptr (GBytes) source = g_bytes_new_static ("<Catalog/>", 10);
  g_autoptr (GError) error = NULL;

  catalog->version = g_strdup ("2026-1");
  g_strlcpy (catalog->effective, "2026-01-01", sizeof catalog->effective);
  catalog->rules = (TdCatalogRules){ 10, 10, 60, 16, 65, 8000, 3, 180, 1000, 90 };
  item->code = g_strdup ("4-10-01-06");
  item->name = g_strdup ("家政服务员");
  item->kind = g_strdup ("OCC");
  if (item->standards == NULL)
    item->standards = g_array_new (FALSE, TRUE, sizeof (TdStandard));
  g_array_append_val (item->standards, standard);
  g_ptr_array_add (catalog->items, item);
  g_assert_true (td_store_add_catalog (f->store, catalog, source, &error));
  g_assert_no_error (error);
}

static void
fixture_institution (Fixture *f)
{
  g_autoptr (TdInstitution) inst = td_institution_new ();
  g_autoptr (GError) error = NULL;

  inst->credit_code = g_strdup ("52371502MJD123456X");
  inst->name = g_strdup ("聊城市东昌府区启航职业培训学校");
  inst->region = g_strdup ("371502");
  inst->contact_name = g_strdup ("王老师");
  inst->contact_phone = g_strdup ("0635-8212345");
  inst->legal_rep = g_strdup ("李明");
  inst->account_name = g_strdup ("聊城市东昌府区启航职业培训学校");
  inst->bank = g_strdup ("中国工商银行聊城分行");
  inst->account = g_strdup ("1610001234567890123");
  g_assert_true (td_store_save_institution (f->store, inst, &error));
  g_assert_no_error (error);
}

static void
fixture_class (Fixture *f, const char *code, const char *start)
{
  TdClass *k = td_class_new ();
  g_autoptr (GError) error = NULL;

  k->code = g_strdup (code);
  k->title = g_strdup ("2026年第一期家政服务员（五级）培训班");
  k->catalog_version = g_strdup ("2026-1");
  k->item_code = g_strdup ("4-10-01-06");
  k->item_name = g_strdup ("家政服务员");
  k->level = 5;
  g_strlcpy (k->training_type, "01", 3);
  g_strlcpy (k->special_action, "04", 3);
  k->mode = 1;
  g_strlcpy (k->start_date, start, TD_DATE_LEN);
  g_strlcpy (k->end_date, "2026-03-20", TD_DATE_LEN);
  k->planned_theory = 2 * 24;
  k->planned_practice = 2 * 36;
  k->planned_size = 50;
  g_strlcpy (k->venue_region, "371502", 7);
  k->venue_address = g_strdup ("东昌府区柳园路88号");
  k->funding_source = 1;
  k->certificate = 2;
  k->assessment_method = g_strdup ("理论笔试和实操考核");
  k->payee_type = 1;
  g_strlcpy (k->exam_theory_date, "2026-03-21", TD_DATE_LEN);
  g_strlcpy (k->exam_practice_date, "2026-03-22", TD_DATE_LEN);
  k->evaluator = g_strdup ("聊城市职业技能鉴定中心");
  k->exam_place = g_strdup ("柳园路88号实训室");
  g_assert_true (td_store_save_class (f->store, k, &error));
  g_assert_no_error (error);
  if (f->klass == NULL)
    f->klass = k;
  else
    td_class_free (k);
}

static void
fixture_teachers_lessons (Fixture *f, int n_lessons)
{
  g_autoptr (GPtrArray) teachers = g_ptr_array_new_with_free_func ((GDestroyNotify) td_teacher_free);
  TdTeacher *t = td_teacher_new ();
  g_autoptr (GError) error = NULL;

  t->tid = g_strdup ("T1");
  t->name = g_strdup ("赵丽");
  t->id_number = fixture_id (900);
  t->qualification = g_strdup ("家政服务员一级/高级技师证书");
  g_ptr_array_add (teachers, t);
  g_assert_true (td_store_set_teachers (f->store, f->klass->id, teachers, &error));
  g_assert_no_error (error);
  for (int i = 0; i < n_lessons; i++)
    {
      TdLesson *lesson = td_lesson_new ();

      lesson->class_id = f->klass->id;
      lesson->lid = g_strdup_printf ("L%02d", i + 1);
      g_snprintf (lesson->date, TD_DATE_LEN, "2026-03-%02d", 2 + i / 2);
      g_strlcpy (lesson->start, i % 2 ? "14:00:00" : "08:30:00", TD_TIME_LEN);
      g_strlcpy (lesson->end, i % 2 ? "17:00:00" : "11:30:00", TD_TIME_LEN);
      lesson->hours = 8;
      lesson->kind = i % 3 ? 'P' : 'T';
      lesson->teacher = g_strdup ("T1");
      lesson->content = g_strdup_printf ("第%d讲 家居清洁与收纳", i + 1);
      g_assert_true (td_store_save_lesson (f->store, lesson, &error));
      g_assert_no_error (error);
      g_ptr_array_add (f->lessons, lesson);
    }
}

static void
fixture_trainees (Fixture *f, int n)
{
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < n; i++)
    {
      g_autoptr (TdEnrolment) e = td_enrolment_new ();
      g_autofree char *id = fixture_id (i + 1);

      e->class_id = f->klass->id;
      g_strlcpy (e->trainee.id_number, id, TD_ID_LEN);
      e->trainee.name = g_strdup_printf ("学员%03d", i + 1);
      e->trainee.gender = i % 2 ? 2 : 1;
      g_strlcpy (e->trainee.birth_date, "1990-01-01", TD_DATE_LEN);
      e->trainee.phone = g_strdup ("13812341234");
      g_strlcpy (e->trainee.education, "70", 3);
      g_strlcpy (e->trainee.household_region, "371502", 7);
      e->position = i + 1;
      e->categories = g_strdup (i % 4 == 0 ? "01,07" : "03");
      e->employment_before = 4;
      g_strlcpy (e->consent_date, "2026-02-20", TD_DATE_LEN);
      g_assert_true (td_store_save_enrolment (f->store, e, &error));
      g_assert_no_error (error);
      g_ptr_array_add (f->trainees, td_trainee_copy (&e->trainee));
    }
}

static void
fixture_setup (Fixture *f, int n_trainees, int n_lessons)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = td_test_make_dir ("td-render-XXXXXX");
  path = g_build_filename (f->dir, "t.db", NULL);
  f->store = td_store_open (path, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->trainees = g_ptr_array_new_with_free_func ((GDestroyNotify) td_trainee_free);
  f->lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
  fixture_institution (f);
  fixture_catalog (f);
  fixture_class (f, "LC2026-0001", "2026-03-02");
  fixture_teachers_lessons (f, n_lessons);
  fixture_trainees (f, n_trainees);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->klass, td_class_free);
  g_clear_pointer (&f->trainees, g_ptr_array_unref);
  g_clear_pointer (&f->lessons, g_ptr_array_unref);
  td_test_remove_tree (f->dir);
  g_free (f->dir);
}
