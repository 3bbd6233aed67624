/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "../td-test-db.h"
#include "../td-test-dir.h"
#include <string.h>

#include "export-fixture.h"
#include "packet/td-catalog-import.h"
#include "packet/td-digest.h"
#include "packet/td-finding.h"
#include "packet/td-xml-safe.h"
#include "../td-test-private.h"

static void
save_institution (TdStore *store)
{
  g_autoptr (TdInstitution) inst = td_institution_new ();
  g_autoptr (GError) error = NULL;

  inst->credit_code = g_strdup ("52371502MJD1234563");
  inst->name = g_strdup ("聊城市东昌府区光岳职业培训学校");
  inst->license_no = g_strdup ("教民137150270000123号");
  inst->region = g_strdup ("371502");
  inst->contact_name = g_strdup ("王立新");
  inst->contact_phone = g_strdup ("0635-8212345");
  inst->legal_rep = g_strdup ("王立新");
  inst->account_name = g_strdup ("聊城市东昌府区光岳职业培训学校");
  inst->bank = g_strdup ("中国工商银行聊城分行营业部");
  inst->account = g_strdup ("1610001234567890123");
  g_assert_true (td_store_save_institution (store, inst, &error));
  g_assert_no_error (error);
}

static TdClass *
save_class (TdStore *store)
{
  TdClass *k = td_class_new ();
  g_autoptr (GError) error = NULL;

  k->code = g_strdup (FIX_CLASS);
  k->title = g_strdup ("养老护理员培训合格班2026年第1期");
  k->catalog_version = g_strdup ("2026-1");
  k->item_code = g_strdup ("4-10-01-05");
  k->item_name = g_strdup ("养老护理员");
  k->level = 0;
  strcpy (k->training_type, "01");
  strcpy (k->special_action, "05");
  k->project_mode = 0;
  k->mode = 1;
  strcpy (k->start_date, "2026-03-02");
  strcpy (k->end_date, "2026-03-05");
  k->planned_theory = 40;
  k->planned_practice = 40;
  k->planned_online = 0;
  k->planned_size = 10;
  strcpy (k->venue_region, "371502");
  k->venue_address = g_strdup ("聊城市东昌府区柳园南路88号实训楼3层");
  k->funding_source = 1;
  k->certificate = 4;
  k->assessment_method = g_strdup ("理论笔试与实操考核 & 结业评议");
  k->commitment_signed_by = g_strdup ("王立新");
  strcpy (k->commitment_date, "2026-02-20");
  strcpy (k->exam_theory_date, "2026-03-06");
  strcpy (k->exam_practice_date, "2026-03-06");
  k->evaluator = g_strdup ("聊城市东昌府区光岳职业培训学校考评组");
  k->exam_place = g_strdup ("聊城市东昌府区柳园南路88号");
  k->payee_type = 1;
  g_assert_true (td_store_save_class (store, k, &error));
  g_assert_no_error (error);
  return k;
}

static void
save_teachers (TdStore *store, gint64 class_id)
{
  g_autoptr (GPtrArray) teachers = g_ptr_array_new_with_free_func ((GDestroyNotify) td_teacher_free);
  static const char *const rows[][3] = {
    { "陈红梅", "371502198005120222", "高级技师(养老护理员) 证书号S000137150325100012" },
    { "刘建华", "371521197609030310", "技师(养老护理员) 证书号S000137150321200034" },
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      TdTeacher *t = td_teacher_new ();
      t->class_id = class_id;
      t->tid = g_strdup_printf ("T%u", i + 1);
      t->name = g_strdup (rows[i][0]);
      t->id_number = g_strdup (rows[i][1]);
      t->qualification = g_strdup (rows[i][2]);
      g_ptr_array_add (teachers, t);
    }
  g_assert_true (td_store_set_teachers (store, class_id, teachers, &error));
  g_assert_no_error (error);
}

static void
save_lessons (Fixture *f)
{
  for (int i = 0; i < 8; i++)
    {
      g_autoptr (TdLesson) l = td_lesson_new ();
      g_autoptr (GError) error = NULL;
      gboolean theory = i % 2 == 0;

      l->class_id = f->klass->id;
      l->lid = g_strdup_printf ("L%02d%c", i / 2 + 1, theory ? 'A' : 'B');
      g_snprintf (l->date, sizeof l->date, "2026-03-%02d", i / 2 + 2);
      strcpy (l->start, theory ? "08:00:00" : "13:30:00");
      strcpy (l->end, theory ? "11:45:00" : "17:15:00");
      l->hours = 10;
      l->kind = theory ? 'T' : 'P';
      l->teacher = g_strdup (theory ? "T1" : "T2");
      l->content = g_strdup_printf (theory ? "养老护理基础知识 第%d讲" : "生活照护实操 第%d次",
                                    i / 2 + 1);
      g_assert_true (td_store_save_lesson (f->store, l, &error));
      g_assert_no_error (error);
      f->lessons[i] = l->id;
    }
}

static void
save_trainees (Fixture *f)
{
  static const struct
  {
    const char *id, *name, *birth, *phone, *edu, *region, *categories;
    int gender;
  } rows[] = {
    { "371524197608024399", "吴丽娟", "1976-08-02", "16538289665", "61", "371524", "03,07", 1 },
    { "371503197502193651", "周洋", "1975-02-19", "15406402752", "41", "371503", "05,06", 1 },
    { "371525199310113167", "胡芳", "1993-10-11", "13680729908", "41", "371525", "06,13", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (TdEnrolment) e = td_enrolment_new ();
      g_autoptr (GError) error = NULL;

      e->class_id = f->klass->id;
      strcpy (e->trainee.id_number, rows[i].id);
      e->trainee.name = g_strdup (rows[i].name);
      e->trainee.gender = rows[i].gender;
      strcpy (e->trainee.birth_date, rows[i].birth);
      e->trainee.phone = g_strdup (rows[i].phone);
      strcpy (e->trainee.education, rows[i].edu);
      strcpy (e->trainee.household_region, rows[i].region);
      e->categories = g_strdup (rows[i].categories);
      e->employment_before = 4;
      strcpy (e->consent_date, "2026-02-26");
      g_assert_true (td_store_save_enrolment (f->store, e, &error));
      g_assert_no_error (error);
      f->trainees[i] = e->trainee.id;
    }
}

void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *outbox = NULL;

  f->dir = td_test_make_dir ("td-export-XXXXXX");
  path = td_test_db_new (f->dir, "td.db", &f->schema);
  f->store = td_store_open (path, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (td_catalog_import_default (f->store, &error));
  g_assert_no_error (error);
  outbox = g_build_filename (f->dir, "outbox", NULL);
  g_assert_true (td_store_set_setting (f->store, "outbox", outbox, &error));
  save_institution (f->store);
  f->klass = save_class (f->store);
  save_teachers (f->store, f->klass->id);
  save_lessons (f);
  save_trainees (f);
}

void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->klass, td_class_free);
  td_test_db_drop (f->schema);
  td_test_remove_tree (f->dir);
  g_free (f->dir);
}

void
fixture_attend (Fixture *f, int index)
{
  gboolean theory = index % 2 == 0;

  for (int t = 0; t < 3; t++)
    {
      g_autoptr (GError) error = NULL;

      td_store_record_attendance (f->store, f->klass->id, f->lessons[index], f->trainees[t], 'P',
                                  theory ? "07:50:00" : "13:20:00",
                                  theory ? "11:50:00" : "17:20:00", "FACE", &error);
      g_assert_no_error (error);
    }
}

TdExportResult *
fixture_export (Fixture *f, TdPacketKind kind, const char *created)
{
  TdExportOptions options = { .created = created };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdFindings) failed = NULL;
  TdExportResult *r = td_export_packet (f->store, kind, FIX_CLASS, 0, 0, &options, &failed,
                                        &error);

  if (failed != NULL)
    g_printerr ("%s", td_findings_format (failed));
  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

void
fixture_file_and_roster (Fixture *f)
{
  g_autoptr (TdExportResult) filing = fixture_export (f, TD_KIND_FILING, FIX_FILED);
  g_autoptr (TdExportResult) roster = NULL;

  fixture_accept (f, filing, FIX_FILING_OK);
  roster = fixture_export (f, TD_KIND_ROSTER, FIX_ROSTER_AT);
  fixture_accept (f, roster, FIX_ROSTER_OK);
}

void
fixture_accept (Fixture *f, const TdExportResult *r, const char *issued)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPacketLog) log = td_store_get_packet (f->store, r->packet_id, &error);
  const char *filing_no = NULL;

  g_assert_no_error (error);
  if (log->kind == TD_KIND_FILING)
    filing_no = FIX_FILING_NO;
  g_assert_true (td_store_set_packet_receipt (f->store, r->packet_id, TD_PACKET_ACCEPTED, issued,
                                              issued, filing_no, -1, NULL, NULL, &error));
  g_assert_no_error (error);
  if (filing_no != NULL)
    {
      g_assert_true (td_store_set_filing_no (f->store, f->klass->id, filing_no, &error));
      g_assert_no_error (error);
    }
}

void
fixture_assert_xmllint (const char *path)
{
  g_autofree char *xsd = g_build_filename (g_getenv ("TD_SOURCE_ROOT"), "data", "schema",
                                           "lc-training-1.0.xsd", NULL);
  g_autofree char *xmllint = td_test_find_tool ("xmllint");
  const char *argv[] = { xmllint, "--noout", "--schema", xsd, path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = -1;
  gboolean ran;

  g_assert_nonnull (xmllint);
  ran = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                      &status, &error);
  g_assert_no_error (error);
  g_assert_true (ran);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint refused %s: %s", path, err);
  g_assert_nonnull (strstr (err, "validates"));
}

GBytes *
fixture_read (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

void
fixture_assert_digest (const char *path, const char *digest)
{
  g_autoptr (GBytes) bytes = fixture_read (path);
  g_autoptr (TdFindings) findings = td_findings_new ();
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlDoc *doc = td_xml_read_memory (data, len, path, findings);
  g_autofree char *computed = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (doc);
  computed = td_digest_body (doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (computed, ==, digest);
  xmlFreeDoc (doc);
}
