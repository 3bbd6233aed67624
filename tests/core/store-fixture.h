/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the store tests: a fresh database in a temporary folder per test, and small
 * builders for the records the tests put in it.  Tests may use sqlite3 directly to play
 * "another program" or "someone editing the file behind TrainDesk's back".
 *
 * Each store suite runs twice (tests/core/meson.build), on SQLite and on a PostgreSQL
 * server (tests/td-test-db.h): there every test's database is a schema of its own, f->path
 * its location; sf_sql () and sf_sql_int () go there too.
 * A test about files (SF_ADD_FILE) runs on SQLite only. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "../td-test-db.h"
#include "../td-test-dir.h"
#include "core/td-db.h"
#include "core/td-store.h"

/* Valid GB 11643 ids (check digit, birth date, gender parity), born on the dates noted. */
#define ID_M1975 "371502197502191019"   /* 1 male,   1975-02-19 */
#define ID_F1993 "371502199310111124"   /* 2 female, 1993-10-11 */
#define ID_M1988 "371502198805061216"
#define ID_F1990 "371502199003121322"
#define ID_M1985 "371502198507231416"
#define ID_F1992 "37150219920101152X"
#define ID_M1979 "371502197911301610"
#define ID_F1996 "371502199608151727"
#define ID_M2000 "371502200002291819"
#define ID_F1983 "371502198306171920"
#define ID_M1971 "371502197109092014"
#define ID_F1998 "371502199812242124"
#define ID_M1987 "371502198704042219"
#define ID_F1994 "371502199407082323"
#define ID_M1981 "371502198111112410"
#define ID_F1999 "371502199903032528"

typedef struct
{
  char *dir;
  char *path;
  TdStore *store;
  char *schema;                 /* on a server: the test's schema */
} StoreFixture;

/* Whether this run is the one on PostgreSQL; its server (NULL: none). */
#define sf_on_server td_test_on_server
#define sf_server td_test_server
#define sf_server_db td_test_server_db

/* Whether the store tests run at all in this run. */
#define SF_RUNS() TD_TEST_DB_RUNS ()

/* A temporary folder and the path of a database in it, not yet created (on a server: an
 * empty schema and its location). */
static inline void
sf_setup_empty (StoreFixture *f, gconstpointer data)
{
  f->dir = td_test_make_dir ("td-store-XXXXXX");
  f->store = NULL;
  f->path = td_test_db_new (f->dir, "traindesk.db", &f->schema);
}

/* The one place the store tests make a new, empty TrainDesk database: at @path, opened.
 * (A test that is about opening files calls td_store_open() itself.) */
static inline TdStore *
sf_store_create (const char *path)
{
  g_autoptr (GError) error = NULL;
  TdStore *store = td_store_open (path, TD_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A new, empty TrainDesk database at f->path, open in f->store. */
static inline void
sf_setup (StoreFixture *f, gconstpointer data)
{
  sf_setup_empty (f, data);
  f->store = sf_store_create (f->path);
}

static inline void sf_teardown (StoreFixture *f, gconstpointer data);

/* A test with a new database (SF_ADD), or with only the path of one (SF_ADD_EMPTY). */
#define SF_ADD(name, func) \
  G_STMT_START { if (SF_RUNS ()) \
    g_test_add (name, StoreFixture, NULL, sf_setup, func, sf_teardown); } G_STMT_END
#define SF_ADD_EMPTY(name, func) \
  G_STMT_START { if (SF_RUNS ()) \
    g_test_add (name, StoreFixture, NULL, sf_setup_empty, func, sf_teardown); } G_STMT_END
/* A test about the database file itself: on SQLite only. */
#define SF_ADD_FILE(name, func) \
  G_STMT_START { if (!sf_on_server ()) \
    g_test_add (name, StoreFixture, NULL, sf_setup, func, sf_teardown); } G_STMT_END
#define SF_ADD_EMPTY_FILE(name, func) \
  G_STMT_START { if (!sf_on_server ()) \
    g_test_add (name, StoreFixture, NULL, sf_setup_empty, func, sf_teardown); } G_STMT_END

static inline void
sf_teardown (StoreFixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  td_test_db_drop (f->schema);
  td_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Closes and reopens the store (what a restart of the program does). */
static inline void
sf_reopen (StoreFixture *f)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->store);
  f->store = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

/* SHA-256 of a file's bytes (to show a refused file was left exactly as it was). */
static inline char *
sf_file_sum (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* Runs SQL on a connection of its own, as another program would. */
#define sf_sql td_test_db_sql

/* td_store_verify finds nothing wrong (what it finds is in the test's log). */
static inline void
sf_assert_verifies (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = td_store_verify (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((TdVerifyProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* One integer from a query on a connection of its own. */
#define sf_sql_int td_test_db_int

static inline TdInstitution *
sf_institution (void)
{
  TdInstitution *inst = td_institution_new ();

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
  return inst;
}

static inline void
sf_add_standard (TdCatalogItem *item, int certificate, int level, TdFen amount,
                 TdFen per_hour, TdHalves min_hours)
{
  TdStandard s = { certificate, level, amount, per_hour, min_hours };

  g_array_append_val (item->standards, s);
}

/* Catalogue "2026-1" as the bureau's example has it (two items, the 2026 calendar). */
static inline TdCatalog *
sf_catalog (const char *version, const char *effective)
{
  TdCatalog *c = td_catalog_new ();
  TdCatalogItem *item;

  c->version = g_strdup (version);
  g_strlcpy (c->effective, effective, sizeof c->effective);
  c->rules = (TdCatalogRules) {
    .filing_lead_workdays = 5, .min_class_size = 10, .max_class_size = 60, .min_age = 16,
    .max_age = 65, .min_attendance_rate = 8000, .max_subsidies_per_year = 3,
    .employment_window_days = 183, .employment_uplift_rate = 2000, .claim_window_days = 365,
  };
  td_calendar_add_year (c->calendar, 2026);
  td_calendar_add_holiday (c->calendar, td_day_make (2026, 1, 1), "元旦");
  td_calendar_add_holiday (c->calendar, td_day_make (2026, 10, 1), "国庆节");
  td_calendar_add_workday (c->calendar, td_day_make (2026, 9, 27));
  item = td_catalog_item_new ();
  item->code = g_strdup ("4-10-01-05");
  item->name = g_strdup ("养老护理员");
  item->kind = g_strdup ("OCC");
  item->shortage = TRUE;
  sf_add_standard (item, 2, 5, 150000, -1, 160);
  sf_add_standard (item, 2, 4, 200000, -1, 200);
  sf_add_standard (item, 4, 0, 50000, 1000, 80);
  g_ptr_array_add (c->items, item);
  item = td_catalog_item_new ();
  item->code = g_strdup ("6-31-01-03");
  item->name = g_strdup ("电工");
  item->kind = g_strdup ("OCC");
  item->digital = TRUE;
  item->green = TRUE;
  sf_add_standard (item, 2, 3, 250000, -1, 280);
  g_ptr_array_add (c->items, item);
  return c;
}

/* A class of item 4-10-01-05 with every field set; not saved. */
static inline TdClass *
sf_class (const char *code, const char *start, const char *end)
{
  TdClass *k = td_class_new ();

  k->code = g_strdup (code);
  k->title = g_strdup_printf ("养老护理员（五级）培训班 %s", code);
  k->catalog_version = g_strdup ("2026-1");
  k->item_code = g_strdup ("4-10-01-05");
  k->item_name = g_strdup ("养老护理员");
  k->level = 5;
  g_strlcpy (k->training_type, "01", sizeof k->training_type);
  g_strlcpy (k->special_action, "02", sizeof k->special_action);
  k->project_mode = 1;
  k->mode = 3;
  g_strlcpy (k->start_date, start, sizeof k->start_date);
  g_strlcpy (k->end_date, end, sizeof k->end_date);
  k->planned_theory = 60;
  k->planned_practice = 100;
  k->planned_online = 20;
  k->planned_size = 30;
  g_strlcpy (k->venue_region, "371502", sizeof k->venue_region);
  k->venue_address = g_strdup ("聊城市东昌府区柳园路88号");
  k->online_platform = g_strdup ("聊城职业技能在线");
  k->funding_source = 2;
  k->certificate = 2;
  k->assessment_method = g_strdup ("理论+实操");
  k->partner_credit_code = g_strdup ("91371500MA3C12345X");
  k->partner_name = g_strdup ("聊城颐养中心");
  k->partner_positions = 12;
  k->commitment_signed_by = g_strdup ("王立新");
  g_strlcpy (k->commitment_date, "2026-02-10", sizeof k->commitment_date);
  g_strlcpy (k->exam_theory_date, end, sizeof k->exam_theory_date);
  g_strlcpy (k->exam_practice_date, end, sizeof k->exam_practice_date);
  k->evaluator = g_strdup ("聊城市职业技能鉴定中心");
  k->exam_place = g_strdup ("本校实训楼302");
  k->payee_type = 1;
  return k;
}

static inline TdClass *
sf_save_class (TdStore *store, const char *code, const char *start, const char *end)
{
  TdClass *k = sf_class (code, start, end);
  g_autoptr (GError) error = NULL;

  g_assert_true (td_store_save_class (store, k, &error));
  g_assert_no_error (error);
  return k;
}

/* A lesson of @halves class hours; not saved. */
static inline TdLesson *
sf_lesson (gint64 class_id, const char *lid, const char *date, const char *start,
           const char *end, TdHalves halves, char kind)
{
  TdLesson *l = td_lesson_new ();

  l->class_id = class_id;
  l->lid = g_strdup (lid);
  g_strlcpy (l->date, date, sizeof l->date);
  g_strlcpy (l->start, start, sizeof l->start);
  g_strlcpy (l->end, end, sizeof l->end);
  l->hours = halves;
  l->kind = kind;
  l->teacher = g_strdup ("T1");
  l->content = g_strdup_printf ("第%s课", lid);
  return l;
}

static inline gint64
sf_save_lesson (TdStore *store, gint64 class_id, const char *lid, const char *date,
                const char *start, const char *end, TdHalves halves)
{
  g_autoptr (TdLesson) l = sf_lesson (class_id, lid, date, start, end, halves, 'T');
  g_autoptr (GError) error = NULL;

  g_assert_true (td_store_save_lesson (store, l, &error));
  g_assert_no_error (error);
  return l->id;
}

/* An enrolment of the person with @id_number (birth date and gender from the id). */
static inline TdEnrolment *
sf_enrolment (gint64 class_id, const char *id_number, const char *name, const char *categories)
{
  TdEnrolment *e = td_enrolment_new ();

  e->class_id = class_id;
  g_strlcpy (e->trainee.id_number, id_number, sizeof e->trainee.id_number);
  e->trainee.name = g_strdup (name);
  e->trainee.gender = (id_number[16] - '0') % 2 == 1 ? 1 : 2;
  g_snprintf (e->trainee.birth_date, sizeof e->trainee.birth_date, "%.4s-%.2s-%.2s",
              id_number + 6, id_number + 10, id_number + 12);
  e->trainee.phone = g_strdup ("13806351234");
  g_strlcpy (e->trainee.education, "70", sizeof e->trainee.education);
  g_strlcpy (e->trainee.household_region, "371502", sizeof e->trainee.household_region);
  e->categories = g_strdup (categories);
  e->employment_before = 4;
  g_strlcpy (e->consent_date, "2026-02-20", sizeof e->consent_date);
  return e;
}

/* Enrols and returns the trainee's row id. */
static inline gint64
sf_enrol (TdStore *store, gint64 class_id, const char *id_number, const char *name,
          const char *categories)
{
  g_autoptr (TdEnrolment) e = sf_enrolment (class_id, id_number, name, categories);
  g_autoptr (GError) error = NULL;

  g_assert_true (td_store_save_enrolment (store, e, &error));
  g_assert_no_error (error);
  return e->trainee.id;
}
