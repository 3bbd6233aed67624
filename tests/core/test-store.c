/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store (src/core/td-store*.c): every record type round trips, the audit log, refused
 * writes leave the data as it was, transactions, opening and refusing files, backups. */
#include "config.h"

#include "core/td-file.h"
#include "core/td-store.h"
#include "../td-test-private.h"
#include "store-fixture.h"

#define ADD(name, func) \
  g_test_add (name, StoreFixture, NULL, sf_setup, func, sf_teardown)
#define ADD_EMPTY(name, func) \
  g_test_add (name, StoreFixture, NULL, sf_setup_empty, func, sf_teardown)

/* ---- records ---------------------------------------------------------------------------- */

static void
test_file_mode (StoreFixture *f, gconstpointer data)
{
  g_autoptr (TdInstitution) inst = sf_institution ();
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  td_test_assert_private (f->path);
  /* The write-ahead log holds the same personal data: owner only as well. */
  g_assert_true (td_store_save_institution (f->store, inst, NULL));
  td_test_assert_private (wal);
  g_assert_cmpint (td_store_get_schema_version (f->store), ==, TD_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (td_store_get_path (f->store), ==, f->path);
}

static void
test_institution (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdInstitution) inst = sf_institution ();
  g_autoptr (TdInstitution) got = NULL;
  g_autoptr (TdInstitution) again = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (td_store_is_empty (f->store));
  g_assert_null (td_store_get_institution (f->store, &lerr));
  g_assert_no_error (lerr);
  g_assert_true (td_store_save_institution (f->store, inst, &error));
  g_assert_no_error (error);
  g_assert_false (td_store_is_empty (f->store));
  sf_reopen (f);
  got = td_store_get_institution (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (got->credit_code, ==, "52371502MJD1234563");
  g_assert_cmpstr (got->name, ==, "聊城市东昌府区光岳职业培训学校");
  g_assert_cmpstr (got->license_no, ==, "教民137150270000123号");
  g_assert_cmpstr (got->region, ==, "371502");
  g_assert_cmpstr (got->contact_name, ==, "王立新");
  g_assert_cmpstr (got->contact_phone, ==, "0635-8212345");
  g_assert_cmpstr (got->legal_rep, ==, "王立新");
  g_assert_cmpstr (got->account_name, ==, "聊城市东昌府区光岳职业培训学校");
  g_assert_cmpstr (got->bank, ==, "中国工商银行聊城分行营业部");
  g_assert_cmpstr (got->account, ==, "1610001234567890123");

  /* Saving again updates the one institution; an optional field can be cleared. */
  g_free (inst->license_no);
  inst->license_no = NULL;
  g_free (inst->contact_phone);
  inst->contact_phone = g_strdup ("13906351111");
  g_assert_true (td_store_save_institution (f->store, inst, NULL));
  again = td_store_get_institution (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_null (again->license_no);
  g_assert_cmpstr (again->contact_phone, ==, "13906351111");
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count(*) FROM institution"), ==, 1);

  /* A required field missing: refused, the stored one unchanged. */
  g_free (inst->name);
  inst->name = g_strdup ("");
  g_assert_false (td_store_save_institution (f->store, inst, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "The institution's name is required.");
  g_clear_pointer (&again, td_institution_free);
  again = td_store_get_institution (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (again->name, ==, "聊城市东昌府区光岳职业培训学校");
}

static void
test_settings (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *unset = td_store_get_setting (f->store, "outbox", &lerr);
  g_assert_no_error (lerr);
  g_autofree char *set = NULL;
  g_autofree char *cleared = NULL;

  g_assert_null (unset);
  g_assert_true (td_store_set_setting (f->store, "outbox", "/home/w/发送", NULL));
  g_assert_true (td_store_set_setting (f->store, "outbox", "/home/w/outbox", NULL));
  sf_reopen (f);
  set = td_store_get_setting (f->store, "outbox", &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (set, ==, "/home/w/outbox");
  g_assert_true (td_store_set_setting (f->store, "outbox", NULL, NULL));
  cleared = td_store_get_setting (f->store, "outbox", &lerr);
  g_assert_no_error (lerr);
  g_assert_null (cleared);
}

static void
test_catalog (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdCatalog) c = sf_catalog ("2026-1", "2026-01-01");
  g_autoptr (TdCatalog) later = sf_catalog ("2026-2", "2026-07-01");
  g_autoptr (GBytes) src = g_bytes_new_static ("<Catalog version=\"2026-1\"/>", 27);
  g_autoptr (GBytes) other = g_bytes_new_static ("<Catalog version=\"2026-1\" x=\"\"/>", 32);
  g_autoptr (GBytes) src2 = g_bytes_new_static ("<Catalog version=\"2026-2\"/>", 27);
  g_autoptr (TdCatalog) got = NULL;
  g_autoptr (TdCatalog) in_force = NULL;
  g_autoptr (TdCatalog) none = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GBytes) stored = NULL;
  g_autoptr (GError) error = NULL;
  const TdCatalogItem *item;
  const TdStandard *s;

  g_assert_true (td_store_add_catalog (f->store, c, src, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_add_catalog (f->store, later, src2, &error));
  g_assert_no_error (error);
  /* another version from a day that already has one is refused, naming both */
  {
    g_autoptr (TdCatalog) same_day = sf_catalog ("2026-3", "2026-07-01");
    g_autoptr (GBytes) src3 = g_bytes_new_static ("<Catalog version=\"2026-3\"/>", 27);
    g_assert_false (td_store_add_catalog (f->store, same_day, src3, &error));
    g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
    g_assert_nonnull (strstr (error->message, "Catalogue version 2026-3 takes effect on "
                                              "2026-07-01, the same day as the stored "
                                              "catalogue version 2026-2"));
    g_clear_error (&error);
  }
  sf_reopen (f);
  got = td_store_get_catalog (f->store, "2026-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->version, ==, "2026-1");
  g_assert_cmpstr (got->effective, ==, "2026-01-01");
  g_assert_cmpint (got->rules.filing_lead_workdays, ==, 5);
  g_assert_cmpint (got->rules.min_class_size, ==, 10);
  g_assert_cmpint (got->rules.max_class_size, ==, 60);
  g_assert_cmpint (got->rules.min_age, ==, 16);
  g_assert_cmpint (got->rules.max_age, ==, 65);
  g_assert_cmpint (got->rules.min_attendance_rate, ==, 8000);
  g_assert_cmpint (got->rules.max_subsidies_per_year, ==, 3);
  g_assert_cmpint (got->rules.employment_window_days, ==, 183);
  g_assert_cmpint (got->rules.employment_uplift_rate, ==, 2000);
  g_assert_cmpint (got->rules.claim_window_days, ==, 365);
  g_assert_cmpuint (got->items->len, ==, 2);
  item = td_catalog_find_item (got, "4-10-01-05");
  g_assert_cmpstr (item->name, ==, "养老护理员");
  g_assert_cmpstr (item->kind, ==, "OCC");
  g_assert_true (item->shortage);
  g_assert_false (item->green);
  g_assert_cmpuint (item->standards->len, ==, 3);
  s = td_catalog_item_find_standard (item, 2, 5);
  g_assert_cmpint (s->amount, ==, 150000);
  g_assert_cmpint (s->per_hour, ==, -1);
  g_assert_cmpint (s->min_hours, ==, 160);
  s = td_catalog_item_find_standard (item, 4, 0);
  g_assert_cmpint (s->amount, ==, 50000);
  g_assert_cmpint (s->per_hour, ==, 1000);
  item = td_catalog_find_item (got, "6-31-01-03");
  g_assert_true (item->digital && item->green && !item->shortage);
  /* The calendar: holidays with names, a weekend workday, the year covered. */
  g_assert_true (td_calendar_covers_year (got->calendar, 2026));
  g_assert_false (td_calendar_covers_year (got->calendar, 2027));
  g_assert_cmpstr (td_calendar_holiday_name (got->calendar, td_day_make (2026, 10, 1)), ==,
                   "国庆节");
  g_assert_false (td_calendar_is_working_day (got->calendar, td_day_make (2026, 1, 1)));
  g_assert_true (td_calendar_is_working_day (got->calendar, td_day_make (2026, 9, 27)));
  g_assert_false (td_calendar_is_working_day (got->calendar, td_day_make (2026, 9, 26)));

  stored = td_store_get_catalog_source (f->store, "2026-1", &lerr);
  g_assert_no_error (lerr);
  g_assert_true (g_bytes_equal (stored, src));
  versions = td_store_list_catalog_versions (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (versions, 0), ==, "2026-2");
  g_assert_cmpstr (g_ptr_array_index (versions, 1), ==, "2026-1");
  in_force = td_store_get_catalog_in_force (f->store, "2026-06-30", NULL);
  g_assert_cmpstr (in_force->version, ==, "2026-1");
  g_clear_pointer (&in_force, td_catalog_free);
  in_force = td_store_get_catalog_in_force (f->store, "2026-07-01", NULL);
  g_assert_cmpstr (in_force->version, ==, "2026-2");
  none = td_store_get_catalog_in_force (f->store, "2025-12-31", &error);
  g_assert_null (none);
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The same version again: the same bytes are fine, other bytes refused. */
  g_assert_true (td_store_add_catalog (f->store, c, src, &error));
  g_assert_no_error (error);
  g_assert_false (td_store_add_catalog (f->store, c, other, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "2026-1 is already stored with other content"));
  g_clear_error (&error);
  g_assert_null (td_store_get_catalog (f->store, "2030-1", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND);
}

static void
assert_class_fields (const TdClass *k)
{
  g_assert_cmpstr (k->code, ==, "YL2026-101");
  g_assert_cmpstr (k->title, ==, "养老护理员（五级）培训班 YL2026-101");
  g_assert_cmpstr (k->catalog_version, ==, "2026-1");
  g_assert_cmpstr (k->item_code, ==, "4-10-01-05");
  g_assert_cmpstr (k->item_name, ==, "养老护理员");
  g_assert_cmpint (k->level, ==, 5);
  g_assert_cmpstr (k->training_type, ==, "01");
  g_assert_cmpstr (k->special_action, ==, "02");
  g_assert_cmpint (k->project_mode, ==, 1);
  g_assert_cmpint (k->mode, ==, 3);
  g_assert_cmpstr (k->start_date, ==, "2026-03-02");
  g_assert_cmpstr (k->end_date, ==, "2026-03-20");
  g_assert_cmpint (k->planned_theory, ==, 60);
  g_assert_cmpint (k->planned_practice, ==, 100);
  g_assert_cmpint (k->planned_online, ==, 20);
  g_assert_cmpint (k->planned_size, ==, 30);
  g_assert_cmpstr (k->venue_region, ==, "371502");
  g_assert_cmpstr (k->venue_address, ==, "聊城市东昌府区柳园路88号");
  g_assert_cmpstr (k->online_platform, ==, "聊城职业技能在线");
  g_assert_cmpint (k->funding_source, ==, 2);
  g_assert_cmpint (k->certificate, ==, 2);
  g_assert_cmpstr (k->assessment_method, ==, "理论+实操");
  g_assert_cmpstr (k->partner_credit_code, ==, "91371500MA3C12345X");
  g_assert_cmpstr (k->partner_name, ==, "聊城颐养中心");
  g_assert_cmpint (k->partner_positions, ==, 12);
  g_assert_cmpstr (k->commitment_signed_by, ==, "王立新");
  g_assert_cmpstr (k->commitment_date, ==, "2026-02-10");
  g_assert_cmpstr (k->exam_theory_date, ==, "2026-03-20");
  g_assert_cmpstr (k->exam_practice_date, ==, "2026-03-20");
  g_assert_cmpstr (k->evaluator, ==, "聊城市职业技能鉴定中心");
  g_assert_cmpstr (k->exam_place, ==, "本校实训楼302");
  g_assert_cmpint (k->payee_type, ==, 1);
}

static void
test_class (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) got = NULL;
  g_autoptr (TdClass) by_code = NULL;
  g_autoptr (TdClass) cancelled = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  const TdClassSummary *s;

  g_assert_cmpint (k->id, >, 0);
  sf_reopen (f);
  got = td_store_get_class (f->store, k->id, &error);
  g_assert_no_error (error);
  assert_class_fields (got);
  g_assert_null (got->filing_no);
  g_assert_cmpstr (got->cancel_date, ==, "");
  g_assert_null (got->cancel_reason);
  by_code = td_store_get_class_by_code (f->store, "YL2026-101", NULL);
  g_assert_cmpint (by_code->id, ==, k->id);
  g_assert_null (td_store_get_class_by_code (f->store, "XX2026-000", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no class with the code XX2026-000.");
  g_clear_error (&error);

  g_assert_true (td_store_set_filing_no (f->store, k->id, "LC2026-000123", NULL));
  /* Cancelled after its end date: refused (R-NOT-001); on a date within: kept. */
  g_assert_false (td_store_cancel_class (f->store, k->id, "2026-03-21", "场地", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "R-NOT-001"));
  g_clear_error (&error);
  g_assert_false (td_store_cancel_class (f->store, k->id, "2026-03-10", "", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (td_store_cancel_class (f->store, k->id, "2026-03-10", "报名人数不足", &error));
  g_assert_no_error (error);
  cancelled = td_store_get_class (f->store, k->id, NULL);
  assert_class_fields (cancelled);
  g_assert_cmpstr (cancelled->filing_no, ==, "LC2026-000123");
  g_assert_cmpstr (cancelled->cancel_date, ==, "2026-03-10");
  g_assert_cmpstr (cancelled->cancel_reason, ==, "报名人数不足");
  g_assert_cmpint (td_store_class_status (f->store, cancelled, td_day_make (2026, 3, 5), &lerr), ==,
                   TD_CLASS_CANCELLED);
  g_assert_no_error (lerr);

  list = td_store_list_classes (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 1);
  s = g_ptr_array_index (list, 0);
  g_assert_cmpstr (s->code, ==, "YL2026-101");
  g_assert_cmpint (s->status, ==, TD_CLASS_CANCELLED);
  g_assert_cmpstr (s->filing_no, ==, "LC2026-000123");
  g_assert_cmpint (s->planned_size, ==, 30);
  g_assert_cmpint (s->enrolled, ==, 0);

  /* A class that ends before it starts. */
  {
    g_autoptr (TdClass) bad = sf_class ("YL2026-102", "2026-03-02", "2026-03-01");
    g_assert_false (td_store_save_class (f->store, bad, &error));
    g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
    g_assert_cmpstr (error->message, ==, "The class ends (2026-03-01) before it starts "
                                         "(2026-03-02).");
  }
}

/* Status follows the filing packet, its receipt and today's date: exported is not filed. */
static void
test_class_status (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdPacketLog) log = td_packet_log_new ();
  g_autoptr (GBytes) content = g_bytes_new_static ("<Packet/>", 9);

  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 5), &lerr), ==,
                   TD_CLASS_DRAFT);
  g_assert_no_error (lerr);
  g_strlcpy (log->id, "11111111-1111-4111-8111-111111111111", sizeof log->id);
  log->kind = TD_KIND_FILING;
  log->class_id = k->id;
  g_strlcpy (log->created, "2026-02-20T09:30:00+08:00", sizeof log->created);
  g_strlcpy (log->digest, "ab", sizeof log->digest);
  log->status = TD_PACKET_SENT;
  g_assert_true (td_store_log_packet (f->store, log, content, NULL));
  /* sent, no receipt yet: awaiting it, whatever the date */
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 1), &lerr), ==,
                   TD_CLASS_AWAITING_RECEIPT);
  g_assert_no_error (lerr);
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 5), &lerr), ==,
                   TD_CLASS_AWAITING_RECEIPT);
  g_assert_no_error (lerr);
  g_assert_true (td_store_set_packet_receipt (f->store, log->id, TD_PACKET_ACCEPTED,
                                              "2026-02-20T10:00:00+08:00",
                                              "2026-02-20T10:00:00+08:00", "BA-1", -1, NULL,
                                              NULL, NULL));
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 1), &lerr), ==,
                   TD_CLASS_FILED);
  g_assert_no_error (lerr);
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 2), &lerr), ==,
                   TD_CLASS_RUNNING);
  g_assert_no_error (lerr);
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 20), &lerr), ==,
                   TD_CLASS_RUNNING);
  g_assert_no_error (lerr);
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 21), &lerr), ==,
                   TD_CLASS_FINISHED);
  g_assert_no_error (lerr);
  /* A rejected filing files nothing. */
  g_assert_true (td_store_set_packet_receipt (f->store, log->id, TD_PACKET_REJECTED,
                                              "2026-02-20T10:00:00+08:00",
                                              "2026-02-20T10:00:00+08:00", NULL, -1, NULL,
                                              NULL, NULL));
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 5), &lerr), ==,
                   TD_CLASS_DRAFT);
  g_assert_no_error (lerr);
}

/* A packet of @kind about @class_id logged as sent. */
static void
log_sent (TdStore *store, const char *id, TdPacketKind kind, gint64 class_id)
{
  g_autoptr (TdPacketLog) log = td_packet_log_new ();
  g_autoptr (GBytes) content = g_bytes_new_static ("<Packet/>", 9);

  g_strlcpy (log->id, id, sizeof log->id);
  log->kind = kind;
  log->class_id = class_id;
  g_strlcpy (log->created, "2026-02-20T09:30:00+08:00", sizeof log->created);
  g_strlcpy (log->digest, "ab", sizeof log->digest);
  log->status = TD_PACKET_SENT;
  g_assert_true (td_store_log_packet (store, log, content, NULL));
}

/* Saves @k as changed by @change; the error's message, or NULL when saved. */
static char *
save_changed (TdStore *store, const TdClass *k, void (*change) (TdClass *))
{
  g_autoptr (TdClass) copy = td_class_copy (k);
  g_autoptr (GError) error = NULL;

  change (copy);
  if (td_store_save_class (store, copy, &error))
    return NULL;
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
  return g_strdup (error->message);
}

static void change_code (TdClass *k) { g_free (k->code); k->code = g_strdup ("YL2026-199"); }
static void change_start (TdClass *k) { g_strlcpy (k->start_date, "2026-03-03", TD_DATE_LEN); }
static void change_end (TdClass *k) { g_strlcpy (k->end_date, "2026-03-27", TD_DATE_LEN); }
static void change_venue (TdClass *k) { g_free (k->venue_address); k->venue_address = g_strdup ("新址"); }
static void change_end_again (TdClass *k) { g_strlcpy (k->end_date, "2026-03-31", TD_DATE_LEN); }
static void change_size (TdClass *k) { k->planned_size += 5; }
static void change_payee (TdClass *k) { k->payee_type = 3; }
static void change_exam (TdClass *k) { g_strlcpy (k->exam_theory_date, "2026-03-21", TD_DATE_LEN); }

/* Issue 18.1: what the bureau already has changes only as it allows, whatever calls the
 * store — not at all once the claim is sent; and a refused change leaves the class as it
 * was. */
static void
test_class_lock (StoreFixture *f, gconstpointer data)
{
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-102", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) stored = NULL;
  char *message;

  g_setenv ("TD_TODAY", "2026-02-20", TRUE);
  /* a draft: anything changes */
  g_assert_cmpint (td_store_class_lock (f->store, k, td_day_today (), NULL), ==, TD_CLASS_LOCK_NONE);
  g_assert_null (save_changed (f->store, k, change_venue));
  g_clear_pointer (&k, td_class_free);
  k = td_store_get_class_by_code (f->store, "YL2026-102", NULL);

  /* filed, not started: every change but the code (re-sent in a correction) */
  log_sent (f->store, "22222222-2222-4222-8222-222222222222", TD_KIND_FILING, k->id);
  g_assert_cmpint (td_store_class_lock (f->store, k, td_day_today (), NULL), ==, TD_CLASS_LOCK_FILED);
  message = save_changed (f->store, k, change_code);
  g_assert_cmpstr (message, ==, "Class YL2026-102 was filed with the bureau under this code: "
                                "the code cannot change. Create a new class for another code.");
  g_free (message);
  g_assert_cmpuint (td_class_filed_fields (td_class_changed_fields (k, k)), ==, 0);

  /* started: only the end date, hours and commitment (R-CLS-002) */
  g_setenv ("TD_TODAY", "2026-03-05", TRUE);
  g_assert_cmpint (td_store_class_lock (f->store, k, td_day_today (), NULL), ==,
                   TD_CLASS_LOCK_STARTED);
  message = save_changed (f->store, k, change_start);
  g_assert_cmpstr (message, ==, "Class YL2026-102 was filed and started on 2026-03-02: the "
                                "bureau accepts no change to its start date any more "
                                "(R-CLS-002). Only the end date, the class hours, the "
                                "commitment, the teachers and the lessons still to come can "
                                "change, and they are re-sent in a correction of the filing.");
  g_free (message);
  stored = td_store_get_class (f->store, k->id, NULL);
  g_assert_cmpstr (stored->start_date, ==, "2026-03-02");
  g_assert_nonnull ((message = save_changed (f->store, k, change_size)));
  g_assert_nonnull (strstr (message, "its planned size any more"));
  g_free (message);
  g_assert_null (save_changed (f->store, k, change_end));
  g_clear_pointer (&k, td_class_free);
  k = td_store_get_class_by_code (f->store, "YL2026-102", NULL);
  g_assert_null (save_changed (f->store, k, change_exam));
  g_clear_pointer (&k, td_class_free);
  k = td_store_get_class_by_code (f->store, "YL2026-102", NULL);

  /* the claim sent: closed */
  log_sent (f->store, "33333333-3333-4333-8333-333333333333", TD_KIND_CLAIM, k->id);
  g_setenv ("TD_TODAY", "2026-04-01", TRUE);
  g_assert_cmpint (td_store_class_lock (f->store, k, td_day_today (), NULL), ==,
                   TD_CLASS_LOCK_CLOSED);
  message = save_changed (f->store, k, change_end_again);
  g_assert_cmpstr (message, ==, "The subsidy claim of class YL2026-102 was sent: the class "
                                "is closed, and its end date cannot change any more.");
  g_free (message);
  g_assert_nonnull ((message = save_changed (f->store, k, change_payee)));
  g_free (message);
  {
    g_autoptr (TdLesson) lesson = sf_lesson (k->id, "L09", "2026-03-23", "08:00:00",
                                             "12:00:00", 8, 'T');
    g_autoptr (GError) error = NULL;

    g_assert_false (td_store_save_lesson (f->store, lesson, &error));
    g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
    g_assert_cmpstr (error->message, ==, "The subsidy claim of class YL2026-102 was sent: the "
                                         "class is closed, and its timetable cannot change "
                                         "any more.");
  }
  g_clear_pointer (&stored, td_class_free);
  stored = td_store_get_class (f->store, k->id, NULL);
  g_assert_cmpstr (stored->end_date, ==, "2026-03-27");
  g_assert_cmpint (stored->payee_type, ==, k->payee_type);
  g_unsetenv ("TD_TODAY");
}

static TdTeacher *
teacher (const char *tid, const char *name, const char *id_number)
{
  TdTeacher *t = td_teacher_new ();

  t->tid = g_strdup (tid);
  t->name = g_strdup (name);
  t->id_number = g_strdup (id_number);
  t->qualification = g_strdup ("高级技师");
  return t;
}

static void
test_teachers (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (GPtrArray) teachers = g_ptr_array_new_with_free_func ((GDestroyNotify) td_teacher_free);
  g_autoptr (GPtrArray) got = NULL;
  g_autoptr (GPtrArray) replaced = NULL;
  g_autoptr (GError) error = NULL;
  TdTeacher *t;

  g_ptr_array_add (teachers, teacher ("T1", "李红", ID_F1983));
  g_ptr_array_add (teachers, teacher ("T2", "张强", ID_M1971));
  g_assert_true (td_store_set_teachers (f->store, k->id, teachers, &error));
  g_assert_no_error (error);
  got = td_store_list_teachers (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (got->len, ==, 2);
  t = g_ptr_array_index (got, 0);
  g_assert_cmpstr (t->tid, ==, "T1");
  g_assert_cmpstr (t->name, ==, "李红");
  g_assert_cmpstr (t->id_number, ==, ID_F1983);
  g_assert_cmpstr (t->qualification, ==, "高级技师");
  g_assert_cmpint (t->class_id, ==, k->id);
  t = g_ptr_array_index (got, 1);
  g_assert_cmpstr (t->tid, ==, "T2");

  /* Set again: replaced, not added; a duplicate tid refused with the old set kept. */
  g_ptr_array_remove_index (teachers, 0);
  g_assert_true (td_store_set_teachers (f->store, k->id, teachers, NULL));
  replaced = td_store_list_teachers (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (replaced->len, ==, 1);
  g_ptr_array_add (teachers, teacher ("T2", "王五", ID_M1987));
  g_assert_false (td_store_set_teachers (f->store, k->id, teachers, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_clear_pointer (&replaced, g_ptr_array_unref);
  replaced = td_store_list_teachers (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (replaced->len, ==, 1);
  g_assert_cmpstr (((TdTeacher *) g_ptr_array_index (replaced, 0))->name, ==, "张强");
}

static void
test_lessons (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdLesson) online = sf_lesson (k->id, "L02A", "2026-03-03", "08:00:00",
                                           "11:45:00", 10, 'P');
  g_autoptr (TdLesson) too_long = sf_lesson (k->id, "L09A", "2026-03-09", "08:00:00",
                                             "08:44:00", 2, 'T');
  g_autoptr (TdLesson) dup = sf_lesson (k->id, "L02A", "2026-03-10", "08:00:00", "09:30:00",
                                        2, 'T');
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (TdLesson) got = NULL;
  g_autoptr (GError) error = NULL;
  TdLesson *l;

  online->online = TRUE;
  g_assert_true (td_store_save_lesson (f->store, online, &error));
  g_assert_no_error (error);
  sf_save_lesson (f->store, k->id, "L01B", "2026-03-02", "14:00:00", "17:00:00", 8);
  sf_save_lesson (f->store, k->id, "L01A", "2026-03-02", "08:00:00", "11:45:00", 9);
  list = td_store_list_lessons (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 3);
  /* By date, then start. */
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 0))->lid, ==, "L01A");
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 1))->lid, ==, "L01B");
  l = g_ptr_array_index (list, 2);
  g_assert_cmpstr (l->lid, ==, "L02A");
  g_assert_cmpstr (l->date, ==, "2026-03-03");
  g_assert_cmpstr (l->start, ==, "08:00:00");
  g_assert_cmpstr (l->end, ==, "11:45:00");
  g_assert_cmpint (l->hours, ==, 10);
  g_assert_cmpint (l->kind, ==, 'P');
  g_assert_true (l->online);
  g_assert_cmpstr (l->teacher, ==, "T1");
  g_assert_cmpstr (l->content, ==, "第L02A课");
  got = td_store_get_lesson (f->store, online->id, NULL);
  g_assert_cmpstr (got->lid, ==, "L02A");
  g_assert_cmpint (((TdLesson *) g_ptr_array_index (list, 0))->hours, ==, 9);

  /* 44 minutes hold no whole class hour (R-CLS-004). */
  g_assert_false (td_store_save_lesson (f->store, too_long, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Lesson L09A: 08:00:00–08:44:00 gives at most 0.5 class "
                                       "hours of 45 minutes (R-CLS-004).");
  g_clear_error (&error);
  /* A lesson id used twice in one class. */
  g_assert_false (td_store_save_lesson (f->store, dup, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, "Lesson L02A: "));
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_lessons (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 3);

  g_assert_true (td_store_delete_lesson (f->store, online->id, NULL));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_lessons (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
}

/* One row per person: the same id number in two classes is one trainee. */
static void
test_trainees (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) a = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) b = sf_save_class (f->store, "YL2026-201", "2026-05-11", "2026-05-29");
  g_autoptr (TdEnrolment) again = sf_enrolment (b->id, ID_F1993, "刘芳芳", "03");
  g_autoptr (TdTrainee) t = NULL;
  g_autoptr (GPtrArray) classes = NULL;
  g_autoptr (GArray) by_name = NULL;
  gint64 first, other;

  first = sf_enrol (f->store, a->id, ID_F1993, "刘芳", "03,07");
  other = sf_enrol (f->store, a->id, ID_M1975, "陈建国", "01");
  g_free (again->trainee.phone);
  again->trainee.phone = g_strdup ("15006359876");
  g_assert_true (td_store_save_enrolment (f->store, again, NULL));
  g_assert_cmpint (again->trainee.id, ==, first);
  g_assert_cmpint (td_store_count_trainees (f->store, &lerr), ==, 2);
  g_assert_no_error (lerr);
  t = td_store_get_trainee (f->store, first, NULL);
  g_assert_cmpstr (t->id_number, ==, ID_F1993);
  g_assert_cmpstr (t->name, ==, "刘芳芳");         /* the latest roster's spelling */
  g_assert_cmpstr (t->phone, ==, "15006359876");
  g_assert_cmpint (t->gender, ==, 2);
  g_assert_cmpstr (t->birth_date, ==, "1993-10-11");
  g_assert_cmpstr (t->education, ==, "70");
  g_assert_cmpstr (t->household_region, ==, "371502");
  classes = td_store_list_trainee_classes (f->store, first, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (classes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (classes, 0), ==, "YL2026-101");
  g_assert_cmpstr (g_ptr_array_index (classes, 1), ==, "YL2026-201");
  g_clear_pointer (&t, td_trainee_free);
  t = td_store_find_trainee (f->store, ID_M1975, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpint (t->id, ==, other);
  g_assert_null (td_store_find_trainee (f->store, ID_M1988, &lerr));
  g_assert_no_error (lerr);
  by_name = td_store_list_trainee_ids (f->store, "birth_date", &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (by_name->len, ==, 2);
  g_assert_cmpint (g_array_index (by_name, gint64, 0), ==, other);   /* 1975 before 1993 */

  /* A wrong check digit is refused. */
  {
    g_autoptr (TdTrainee) bad = td_trainee_new ();
    g_autoptr (GError) error = NULL;
    g_strlcpy (bad->id_number, "371502197502191018", sizeof bad->id_number);
    bad->name = g_strdup ("某");
    g_assert_false (td_store_save_trainee (f->store, bad, &error));
    g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
    g_assert_cmpstr (error->message, ==, "371502197502191018 is not a valid id number "
                                         "(R-ID-001).");
  }
}

static void
test_enrolments (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdEnrolment) e = sf_enrolment (k->id, ID_F1993, "刘芳", "03,07");
  g_autoptr (TdEnrolment) dup = sf_enrolment (k->id, ID_F1993, "刘芳", "03");
  g_autoptr (TdEnrolment) got = NULL;
  g_autoptr (GPtrArray) roster = NULL;
  g_autoptr (GPtrArray) classes = NULL;
  g_autoptr (GError) error = NULL;
  gint64 second;

  e->employment_before = 1;
  e->bank = g_strdup ("中国农业银行聊城分行");
  e->account = g_strdup ("6228480123456789012");
  g_strlcpy (e->consent_date, "2026-02-25", sizeof e->consent_date);
  g_assert_true (td_store_save_enrolment (f->store, e, &error));
  g_assert_no_error (error);
  second = sf_enrol (f->store, k->id, ID_M1975, "陈建国", "01");
  sf_reopen (f);
  roster = td_store_list_enrolments (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (roster->len, ==, 2);
  got = td_enrolment_copy (g_ptr_array_index (roster, 0));
  g_assert_cmpint (got->position, ==, 1);
  g_assert_cmpstr (got->trainee.name, ==, "刘芳");
  g_assert_cmpstr (got->categories, ==, "03,07");
  g_assert_true (td_enrolment_has_category (got, "07"));
  g_assert_false (td_enrolment_has_category (got, "01"));
  g_assert_cmpint (got->employment_before, ==, 1);
  g_assert_cmpstr (got->consent_date, ==, "2026-02-25");
  g_assert_cmpstr (got->withdrawn_date, ==, "");
  g_assert_cmpstr (got->bank, ==, "中国农业银行聊城分行");
  g_assert_cmpstr (got->account, ==, "6228480123456789012");
  g_assert_cmpint (((TdEnrolment *) g_ptr_array_index (roster, 1))->position, ==, 2);
  g_assert_cmpint (td_store_count_enrolled (f->store, k->id, &lerr), ==, 2);
  g_assert_no_error (lerr);

  /* The same person twice on one roster. */
  g_assert_false (td_store_save_enrolment (f->store, dup, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "刘芳 (" ID_F1993 ") is already on this class's roster.");
  g_clear_error (&error);

  /* Withdrawal: only within the class's dates (R-NOT-002), with a reason. */
  g_assert_false (td_store_withdraw (f->store, k->id, second, "2026-03-21", "工作", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "A withdrawal is dated within the class, 2026-03-02 to "
                                       "2026-03-20 (R-NOT-002).");
  g_clear_error (&error);
  g_assert_true (td_store_withdraw (f->store, k->id, second, "2026-03-05", "找到工作", &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, td_enrolment_free);
  got = td_store_get_enrolment (f->store, k->id, second, NULL);
  g_assert_cmpstr (got->withdrawn_date, ==, "2026-03-05");
  g_assert_cmpstr (got->withdrawn_reason, ==, "找到工作");
  g_assert_cmpint (td_store_count_enrolled (f->store, k->id, &lerr), ==, 1);
  g_assert_no_error (lerr);

  /* Removing someone with no records in the class is allowed. */
  g_assert_true (td_store_remove_enrolment (f->store, k->id, second, &error));
  g_assert_no_error (error);
  g_clear_pointer (&roster, g_ptr_array_unref);
  roster = td_store_list_enrolments (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (roster->len, ==, 1);
  g_assert_cmpint (td_store_count_trainees (f->store, &lerr), ==, 2);   /* the person stays */
  g_assert_no_error (lerr);
  classes = td_store_list_trainee_classes (f->store, second, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (classes->len, ==, 0);
}

static TdResult *
result (gint64 class_id, gint64 trainee_id, int outcome)
{
  TdResult *r = td_result_new ();

  r->class_id = class_id;
  r->trainee_id = trainee_id;
  r->outcome = outcome;
  r->theory = 855;
  r->practice = 900;
  if (outcome == 1)
    {
      r->cert_type = 2;
      r->cert_level = 5;
      r->cert_number = g_strdup ("S000037150000265001234");
      g_strlcpy (r->cert_issued, "2026-03-25", sizeof r->cert_issued);
      r->cert_issuer = g_strdup ("聊城市职业技能鉴定中心");
    }
  return r;
}

static void
test_results (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 a = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  gint64 b = sf_enrol (f->store, k->id, ID_M1975, "陈建国", "01");
  g_autoptr (TdResult) ra = result (k->id, a, 1);
  g_autoptr (TdResult) rb = result (k->id, b, 2);
  g_autoptr (TdResult) wrong = result (k->id, b, 2);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  TdResult *r;

  rb->theory = -1;
  rb->retake = TRUE;
  g_assert_true (td_store_save_result (f->store, rb, &error));
  g_assert_true (td_store_save_result (f->store, ra, &error));
  g_assert_no_error (error);
  list = td_store_list_results (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  r = g_ptr_array_index (list, 0);      /* roster order */
  g_assert_cmpint (r->trainee_id, ==, a);
  g_assert_cmpstr (r->id_number, ==, ID_F1993);
  g_assert_cmpint (r->theory, ==, 855);
  g_assert_cmpint (r->practice, ==, 900);
  g_assert_cmpint (r->outcome, ==, 1);
  g_assert_false (r->retake);
  g_assert_cmpint (r->cert_type, ==, 2);
  g_assert_cmpint (r->cert_level, ==, 5);
  g_assert_cmpstr (r->cert_number, ==, "S000037150000265001234");
  g_assert_cmpstr (r->cert_issued, ==, "2026-03-25");
  g_assert_cmpstr (r->cert_issuer, ==, "聊城市职业技能鉴定中心");
  r = g_ptr_array_index (list, 1);
  g_assert_cmpint (r->theory, ==, -1);
  g_assert_cmpint (r->outcome, ==, 2);
  g_assert_true (r->retake);
  g_assert_cmpint (r->cert_type, ==, 0);
  g_assert_null (r->cert_number);

  /* A failed result with a certificate (R-ASM-002). */
  wrong->cert_type = 2;
  g_assert_false (td_store_save_result (f->store, wrong, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "(R-ASM-002)"));
  g_clear_error (&error);
  /* Saving again replaces (one result per trainee). */
  rb->outcome = 3;
  rb->id = 0;
  g_assert_true (td_store_save_result (f->store, rb, NULL));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_results (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((TdResult *) g_ptr_array_index (list, 1))->outcome, ==, 3);
  g_assert_true (td_store_delete_result (f->store, rb->id, NULL));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_results (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_follow_ups (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 a = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  g_autoptr (TdFollowUp) first = td_follow_up_new ();
  g_autoptr (TdFollowUp) second = td_follow_up_new ();
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  TdFollowUp *got;

  first->class_id = k->id;
  first->trainee_id = a;
  g_strlcpy (first->checked, "2026-04-20", sizeof first->checked);
  first->status = 4;
  first->monthly_wage = -1;
  g_assert_true (td_store_save_follow_up (f->store, first, &error));
  g_assert_no_error (error);
  second->class_id = k->id;
  second->trainee_id = a;
  g_strlcpy (second->checked, "2026-06-20", sizeof second->checked);
  second->status = 1;
  second->employer_credit_code = g_strdup ("91371500MA3C12345X");
  second->employer_name = g_strdup ("聊城颐养中心");
  g_strlcpy (second->since, "2026-05-06", sizeof second->since);
  second->proof = 1;
  second->monthly_wage = 385050;    /* 3850.50 yuan */
  g_assert_true (td_store_save_follow_up (f->store, second, NULL));
  list = td_store_list_follow_ups (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  got = g_ptr_array_index (list, 0);
  g_assert_cmpstr (got->checked, ==, "2026-04-20");
  g_assert_cmpint (got->status, ==, 4);
  g_assert_cmpint (got->proof, ==, 0);
  g_assert_cmpint (got->monthly_wage, ==, -1);
  g_assert_cmpstr (got->since, ==, "");
  got = g_ptr_array_index (list, 1);
  g_assert_cmpstr (got->id_number, ==, ID_F1993);
  g_assert_cmpint (got->status, ==, 1);
  g_assert_cmpstr (got->employer_credit_code, ==, "91371500MA3C12345X");
  g_assert_cmpstr (got->employer_name, ==, "聊城颐养中心");
  g_assert_cmpstr (got->since, ==, "2026-05-06");
  g_assert_cmpint (got->proof, ==, 1);
  g_assert_cmpint (got->monthly_wage, ==, 385050);

  /* Updating by id. */
  second->monthly_wage = 400000;
  g_assert_true (td_store_save_follow_up (f->store, second, NULL));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_follow_ups (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((TdFollowUp *) g_ptr_array_index (list, 1))->monthly_wage, ==, 400000);
  g_assert_true (td_store_delete_follow_up (f->store, first->id, NULL));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_follow_ups (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 1);
}

static TdPacketLog *
packet (const char *id, TdPacketKind kind, gint64 class_id, const char *created)
{
  TdPacketLog *log = td_packet_log_new ();

  g_strlcpy (log->id, id, sizeof log->id);
  log->kind = kind;
  log->class_id = class_id;
  g_strlcpy (log->created, created, sizeof log->created);
  g_strlcpy (log->digest, "83eca4a60bfa607f5883e40ac8a6df177f87fb6258f9324b4e5da6431c8b996e",
             sizeof log->digest);
  log->status = TD_PACKET_SENT;
  return log;
}

static TdClaimLine *
claim_line (gint64 trainee_id, TdFen standard, TdFen uplift, TdRate rate)
{
  TdClaimLine *l = td_claim_line_new ();

  l->trainee_id = trainee_id;
  l->certificate = 2;
  l->level = 5;
  l->attendance_rate = rate;
  l->standard = standard;
  l->uplift = uplift;
  l->amount = standard + uplift;
  l->approved = -1;
  return l;
}

#define CLAIM_ID "a170b338-3926-4059-b28c-105d1fb17c23"

static void
test_claims_and_packets (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 a = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  gint64 b = sf_enrol (f->store, k->id, ID_M1975, "陈建国", "01");
  g_autoptr (TdPacketLog) log = packet (CLAIM_ID, TD_KIND_CLAIM, k->id,
                                        "2026-06-20T10:00:00+08:00");
  g_autoptr (GBytes) content = g_bytes_new_static ("<Packet>claim</Packet>", 22);
  g_autoptr (GBytes) receipt = g_bytes_new_static ("<Receipt/>", 10);
  g_autoptr (TdClaim) c = td_claim_new ();
  g_autoptr (TdClaim) got = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) td_packet_issue_free);
  g_autoptr (GHashTable) approved = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (TdPacketLog) stored = NULL;
  g_autoptr (TdPacketLog) latest = NULL;
  g_autoptr (GPtrArray) packets = NULL;
  g_autoptr (GError) error = NULL;
  TdFen cut = 150000;
  TdPacketIssue *issue = g_new0 (TdPacketIssue, 1);
  TdClaimLine *l;

  log->file = g_strdup ("/home/w/outbox/claim.xml");
  g_assert_true (td_store_log_packet (f->store, log, content, &error));
  g_assert_no_error (error);
  c->class_id = k->id;
  c->packet_id = g_strdup (CLAIM_ID);
  c->catalog_version = g_strdup ("2026-1");
  c->payee_type = 1;
  c->account_name = g_strdup ("聊城市东昌府区光岳职业培训学校");
  c->bank = g_strdup ("中国工商银行聊城分行营业部");
  c->account = g_strdup ("1610001234567890123");
  c->signed_by = g_strdup ("王立新");
  g_strlcpy (c->date, "2026-06-20", sizeof c->date);
  c->count = 2;
  c->total = 330000;
  c->approved = -1;
  g_ptr_array_add (c->lines, claim_line (a, 150000, 30000, 9800));
  g_ptr_array_add (c->lines, claim_line (b, 150000, 0, 10000));
  g_assert_true (td_store_save_claim (f->store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->id, >, 0);

  got = td_store_get_claim_by_packet (f->store, CLAIM_ID, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpint (got->class_id, ==, k->id);
  g_assert_cmpstr (got->catalog_version, ==, "2026-1");
  g_assert_cmpint (got->payee_type, ==, 1);
  g_assert_cmpstr (got->account_name, ==, "聊城市东昌府区光岳职业培训学校");
  g_assert_cmpstr (got->bank, ==, "中国工商银行聊城分行营业部");
  g_assert_cmpstr (got->account, ==, "1610001234567890123");
  g_assert_cmpstr (got->signed_by, ==, "王立新");
  g_assert_cmpstr (got->date, ==, "2026-06-20");
  g_assert_cmpint (got->count, ==, 2);
  g_assert_cmpint (got->total, ==, 330000);     /* 3300.00 yuan, in fen */
  g_assert_cmpint (got->approved, ==, -1);
  g_assert_cmpuint (got->lines->len, ==, 2);
  l = g_ptr_array_index (got->lines, 0);
  g_assert_cmpstr (l->id_number, ==, ID_F1993);
  g_assert_cmpint (l->certificate, ==, 2);
  g_assert_cmpint (l->level, ==, 5);
  g_assert_cmpint (l->attendance_rate, ==, 9800);
  g_assert_cmpint (l->standard, ==, 150000);
  g_assert_cmpint (l->uplift, ==, 30000);
  g_assert_cmpint (l->amount, ==, 180000);
  g_assert_cmpint (l->approved, ==, -1);

  /* The receipt: accepted with a warning and a cut on one line. */
  issue->rule = g_strdup ("R-EMP-003");
  issue->severity = g_strdup ("warning");
  issue->ref = g_strdup (ID_M1975);
  issue->message = g_strdup ("since 在窗口之外");
  g_ptr_array_add (issues, issue);
  g_assert_true (td_store_set_packet_receipt (f->store, CLAIM_ID,
                                              TD_PACKET_ACCEPTED_WITH_WARNINGS,
                                              "2026-06-20T10:05:00+08:00",
                                              "2026-06-22T16:00:00+08:00", NULL, 300000, issues,
                                              receipt, &error));
  g_assert_no_error (error);
  g_hash_table_insert (approved, (gpointer) ID_F1993, &cut);
  g_assert_true (td_store_set_claim_approved (f->store, CLAIM_ID, 300000, approved, &error));
  g_assert_no_error (error);
  sf_reopen (f);
  claims = td_store_list_claims (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (claims->len, ==, 1);
  g_clear_pointer (&got, td_claim_free);
  got = g_ptr_array_steal_index (claims, 0);
  g_assert_cmpint (got->approved, ==, 300000);
  g_assert_cmpint (((TdClaimLine *) g_ptr_array_index (got->lines, 0))->approved, ==, 150000);
  /* A line the receipt does not name was approved at 0. */
  g_assert_cmpint (((TdClaimLine *) g_ptr_array_index (got->lines, 1))->approved, ==, 0);

  stored = td_store_get_packet (f->store, CLAIM_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->id, ==, CLAIM_ID);
  g_assert_cmpint (stored->kind, ==, TD_KIND_CLAIM);
  g_assert_cmpint (stored->class_id, ==, k->id);
  g_assert_cmpstr (stored->class_code, ==, "YL2026-101");
  g_assert_cmpstr (stored->created, ==, "2026-06-20T10:00:00+08:00");
  g_assert_cmpstr (stored->digest, ==,
                   "83eca4a60bfa607f5883e40ac8a6df177f87fb6258f9324b4e5da6431c8b996e");
  g_assert_cmpstr (stored->file, ==, "/home/w/outbox/claim.xml");
  g_assert_cmpint (stored->status, ==, TD_PACKET_ACCEPTED_WITH_WARNINGS);
  g_assert_cmpstr (stored->received, ==, "2026-06-20T10:05:00+08:00");
  g_assert_cmpstr (stored->issued, ==, "2026-06-22T16:00:00+08:00");
  g_assert_cmpint (stored->approved, ==, 300000);
  g_assert_true (g_bytes_equal (stored->content, content));
  g_assert_true (g_bytes_equal (stored->receipt, receipt));
  g_assert_cmpuint (stored->issues->len, ==, 1);
  issue = g_ptr_array_index (stored->issues, 0);
  g_assert_cmpstr (issue->rule, ==, "R-EMP-003");
  g_assert_cmpstr (issue->severity, ==, "warning");
  g_assert_cmpstr (issue->ref, ==, ID_M1975);
  g_assert_cmpstr (issue->message, ==, "since 在窗口之外");

  g_assert_true (td_store_set_packet_file (f->store, CLAIM_ID, "/media/usb/claim.xml", NULL));
  latest = td_store_latest_packet (f->store, TD_KIND_CLAIM, k->id, 0, 0, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (latest->file, ==, "/media/usb/claim.xml");
  g_assert_null (latest->content);
  g_assert_null (td_store_latest_packet (f->store, TD_KIND_ROSTER, k->id, 0, 0, &lerr));
  g_assert_no_error (lerr);
  packets = td_store_list_packets (f->store, 0, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (packets->len, ==, 1);

  /* A receipt for a packet this database never wrote. */
  g_assert_false (td_store_set_packet_receipt (f->store, "00000000-0000-4000-8000-000000000000",
                                               TD_PACKET_ACCEPTED, "", "", NULL, -1, NULL, NULL,
                                               &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (td_store_get_packet (f->store, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND);
}

/* Money is kept in fen exactly, even beyond what a double holds to the fen. */
static void
test_money_in_fen (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 a = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  g_autoptr (TdPacketLog) log = packet (CLAIM_ID, TD_KIND_CLAIM, k->id,
                                        "2026-06-20T10:00:00+08:00");
  g_autoptr (GBytes) content = g_bytes_new_static ("x", 1);
  g_autoptr (TdClaim) c = td_claim_new ();
  g_autoptr (TdClaim) got = NULL;

  g_assert_true (td_store_log_packet (f->store, log, content, NULL));
  c->class_id = k->id;
  c->packet_id = g_strdup (CLAIM_ID);
  c->catalog_version = g_strdup ("2026-1");
  c->payee_type = 1;
  c->account_name = g_strdup ("x");
  c->bank = g_strdup ("x");
  c->account = g_strdup ("1");
  c->signed_by = g_strdup ("x");
  g_strlcpy (c->date, "2026-06-20", sizeof c->date);
  c->count = 1;
  c->total = G_GINT64_CONSTANT (900719925474099301);
  c->approved = -1;
  g_ptr_array_add (c->lines, claim_line (a, 1, 0, 8000));
  g_assert_true (td_store_save_claim (f->store, c, NULL));
  got = td_store_get_claim_by_packet (f->store, CLAIM_ID, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpint (got->total, ==, G_GINT64_CONSTANT (900719925474099301));
  g_assert_cmpint (((TdClaimLine *) g_ptr_array_index (got->lines, 0))->amount, ==, 1);
  g_assert_cmpint (sf_sql_int (f->path, "SELECT typeof(total) = 'integer' FROM claim"), ==, 1);
}

/* ---- audit log ----------------------------------------------------------------------------- */

static const TdAuditEntry *
audit_entry (GPtrArray *entries, const char *op)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const TdAuditEntry *e = g_ptr_array_index (entries, i);
      if (g_str_equal (e->op, op))
        return e;
    }
  return NULL;
}

static void
test_audit (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 lesson = sf_save_lesson (f->store, k->id, "L01A", "2026-03-02", "08:00:00",
                                  "11:45:00", 10);
  g_autoptr (TdLesson) l = td_store_get_lesson (f->store, lesson, NULL);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) blobs = NULL;
  g_autoptr (GBytes) src = g_bytes_new_static ("<Catalog/>", 10);
  g_autoptr (TdCatalog) cat = sf_catalog ("2026-1", "2026-01-01");
  const TdAuditEntry *e;

  g_free (l->content);
  l->content = g_strdup ("老年人生活照料");
  g_assert_true (td_store_save_lesson (f->store, l, NULL));
  g_assert_true (td_store_delete_lesson (f->store, lesson, NULL));
  entries = td_store_list_audit (f->store, "lesson", lesson, 0, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (entries->len, ==, 3);
  /* Newest first. */
  g_assert_cmpstr (((TdAuditEntry *) g_ptr_array_index (entries, 0))->op, ==, "delete");
  g_assert_cmpstr (((TdAuditEntry *) g_ptr_array_index (entries, 2))->op, ==, "insert");

  e = audit_entry (entries, "insert");
  g_assert_cmpstr (e->table_name, ==, "lesson");
  g_assert_cmpint (e->row, ==, lesson);
  g_assert_null (e->old_values);
  g_assert_nonnull (strstr (e->new_values, "\"lid\":\"L01A\""));
  g_assert_nonnull (strstr (e->new_values, "\"content\":\"第L01A课\""));
  g_assert_nonnull (strstr (e->new_values, "\"hours\":10"));
  g_assert_true (g_regex_match_simple ("^20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:"
                                       "[0-5][0-9]$", e->at, 0, 0));

  e = audit_entry (entries, "update");
  g_assert_nonnull (strstr (e->old_values, "\"content\":\"第L01A课\""));
  g_assert_nonnull (strstr (e->new_values, "\"content\":\"老年人生活照料\""));

  e = audit_entry (entries, "delete");
  g_assert_nonnull (strstr (e->old_values, "\"content\":\"老年人生活照料\""));
  g_assert_null (e->new_values);

  /* Blobs (a catalogue's source, a packet's bytes) stay out of the log. */
  g_assert_true (td_store_add_catalog (f->store, cat, src, NULL));
  blobs = td_store_list_audit (f->store, "catalog", 0, 1, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (blobs->len, ==, 1);
  e = g_ptr_array_index (blobs, 0);
  g_assert_nonnull (strstr (e->new_values, "\"version\":\"2026-1\""));
  g_assert_null (strstr (e->new_values, "source"));
}

/* ---- refused writes leave the data unchanged ------------------------------------------------ */

static gint64
audit_count (StoreFixture *f)
{
  return sf_sql_int (f->path, "SELECT count(*) FROM audit");
}

static void
test_refused_duplicate_code (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) a = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) b = sf_save_class (f->store, "YL2026-102", "2026-04-01", "2026-04-20");
  g_autoptr (TdClass) dup = sf_class ("YL2026-101", "2026-05-01", "2026-05-20");
  g_autoptr (TdClass) got = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 audits = audit_count (f);

  g_assert_false (td_store_save_class (f->store, dup, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Another class already has the code YL2026-101. Class "
                                       "codes are unique within the institution.");
  g_assert_cmpint (dup->id, ==, 0);
  g_clear_error (&error);
  /* Renaming the second class to the first one's code: refused too. */
  g_free (b->code);
  b->code = g_strdup ("YL2026-101");
  g_assert_false (td_store_save_class (f->store, b, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  list = td_store_list_classes (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  got = td_store_get_class (f->store, b->id, NULL);
  g_assert_cmpstr (got->code, ==, "YL2026-102");
  g_assert_cmpint (audit_count (f), ==, audits);
}

static void
test_refused_remove_with_attendance (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 lesson = sf_save_lesson (f->store, k->id, "L01A", "2026-03-02", "08:00:00",
                                  "11:45:00", 10);
  gint64 a = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  g_autoptr (GPtrArray) roster = NULL;
  g_autoptr (GError) error = NULL;
  gint64 audits;

  g_assert_true (td_store_record_attendance (f->store, k->id, lesson, a, 'P', "07:55:00",
                                             "11:50:00", "FACE", &error));
  g_assert_no_error (error);
  audits = audit_count (f);
  g_assert_false (td_store_remove_enrolment (f->store, k->id, a, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
  g_assert_nonnull (strstr (error->message, "Record a withdrawal (退训) instead."));
  g_clear_error (&error);
  roster = td_store_list_enrolments (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (roster->len, ==, 1);
  g_assert_cmpint (td_store_credited_hours (f->store, k->id, a, &lerr), ==, 10);
  g_assert_no_error (lerr);
  /* Nor can the class's timetable be replaced or the lesson deleted. */
  g_assert_false (td_store_delete_lesson (f->store, lesson, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
  g_clear_error (&error);
  {
    g_autoptr (GPtrArray) none = g_ptr_array_new ();
    g_assert_false (td_store_replace_lessons (f->store, k->id, none, &error));
    g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
  }
  g_assert_cmpint (audit_count (f), ==, audits);
}

static void
test_refused_lesson_times (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 lesson = sf_save_lesson (f->store, k->id, "L01A", "2026-03-02", "08:00:00",
                                  "11:45:00", 10);
  gint64 a = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  g_autoptr (TdLesson) l = NULL;
  g_autoptr (TdLesson) got = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (td_store_record_attendance (f->store, k->id, lesson, a, 'L', "08:20:00",
                                             "11:50:00", "CARD", NULL));
  l = td_store_get_lesson (f->store, lesson, NULL);
  g_strlcpy (l->end, "12:00:00", sizeof l->end);     /* valid on its own, still 5 hours */
  g_assert_false (td_store_save_lesson (f->store, l, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
  g_assert_cmpstr (error->message, ==, "Lesson L01A already has attendance, so its id, date, "
                                       "times and hours cannot change.");
  g_clear_error (&error);
  g_strlcpy (l->end, "11:45:00", sizeof l->end);
  g_strlcpy (l->date, "2026-03-03", sizeof l->date);
  g_assert_false (td_store_save_lesson (f->store, l, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
  g_clear_error (&error);
  got = td_store_get_lesson (f->store, lesson, NULL);
  g_assert_cmpstr (got->date, ==, "2026-03-02");
  g_assert_cmpstr (got->end, ==, "11:45:00");
  g_assert_cmpint (td_store_credited_hours (f->store, k->id, a, &lerr), ==, 9);
  g_assert_no_error (lerr);
  /* What does not touch the times may change: the teacher, the content. */
  g_strlcpy (l->date, "2026-03-02", sizeof l->date);
  g_free (l->content);
  l->content = g_strdup ("失能老人照护");
  g_assert_true (td_store_save_lesson (f->store, l, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, td_lesson_free);
  got = td_store_get_lesson (f->store, lesson, NULL);
  g_assert_cmpstr (got->content, ==, "失能老人照护");
}

/* ---- transactions ------------------------------------------------------------------------- */

static void
on_changed (TdStore *store, const char *table, gint64 row, GPtrArray *seen)
{
  g_ptr_array_add (seen, g_strdup (table));
}

static void
test_nested_transactions (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) a = sf_class ("YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) b = sf_class ("YL2026-102", "2026-04-01", "2026-04-20");
  g_autoptr (TdClass) c = sf_class ("YL2026-103", "2026-05-01", "2026-05-20");
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), seen);
  g_assert_true (td_store_begin (f->store, &error));
  g_assert_true (td_store_save_class (f->store, a, &error));
  g_assert_true (td_store_begin (f->store, &error));
  g_assert_true (td_store_save_class (f->store, b, &error));
  td_store_rollback (f->store);              /* the inner one: b goes */
  g_assert_cmpuint (seen->len, ==, 0);       /* nothing announced before the outer commit */
  g_assert_true (td_store_begin (f->store, &error));
  g_assert_true (td_store_save_class (f->store, c, &error));
  g_assert_true (td_store_commit (f->store, &error));   /* the inner one: c stays */
  g_assert_true (td_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >=, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "class");
  sf_reopen (f);
  list = td_store_list_classes (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((TdClassSummary *) g_ptr_array_index (list, 0))->code, ==, "YL2026-101");
  g_assert_cmpstr (((TdClassSummary *) g_ptr_array_index (list, 1))->code, ==, "YL2026-103");

  /* An outer rollback takes a committed inner one with it. */
  g_ptr_array_set_size (seen, 0);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), seen);
  b->id = 0;
  g_assert_true (td_store_begin (f->store, NULL));
  g_assert_true (td_store_begin (f->store, NULL));
  g_assert_true (td_store_save_class (f->store, b, NULL));
  g_assert_true (td_store_commit (f->store, NULL));
  td_store_rollback (f->store);
  g_assert_cmpuint (seen->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_classes (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  /* And the store is usable afterwards (no transaction left open). */
  b->id = 0;
  g_assert_true (td_store_save_class (f->store, b, NULL));
  sf_reopen (f);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_classes (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 3);
}

static void
test_replace_lessons_failure (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  gint64 audits;

  sf_save_lesson (f->store, k->id, "L01A", "2026-03-02", "08:00:00", "11:45:00", 10);
  sf_save_lesson (f->store, k->id, "L01B", "2026-03-02", "14:00:00", "17:00:00", 8);
  audits = audit_count (f);
  g_ptr_array_add (fresh, sf_lesson (0, "N01A", "2026-03-03", "08:00:00", "11:45:00", 10, 'T'));
  g_ptr_array_add (fresh, sf_lesson (0, "N01B", "2026-03-03", "14:00:00", "17:00:00", 8, 'P'));
  /* The third one repeats an id: the database refuses it half way. */
  g_ptr_array_add (fresh, sf_lesson (0, "N01A", "2026-03-04", "08:00:00", "11:45:00", 10, 'T'));
  g_assert_false (td_store_replace_lessons (f->store, k->id, fresh, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, "Lesson N01A: "));
  g_clear_error (&error);
  list = td_store_list_lessons (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 0))->lid, ==, "L01A");
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 1))->lid, ==, "L01B");
  g_assert_cmpint (audit_count (f), ==, audits);

  /* A lesson that breaks a rule half way. */
  g_strlcpy (((TdLesson *) g_ptr_array_index (fresh, 2))->end, "08:30:00", 9);
  g_free (((TdLesson *) g_ptr_array_index (fresh, 2))->lid);
  ((TdLesson *) g_ptr_array_index (fresh, 2))->lid = g_strdup ("N02A");
  g_assert_false (td_store_replace_lessons (f->store, k->id, fresh, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "R-CLS-004"));
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_lessons (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 0))->lid, ==, "L01A");

  /* Fixed, the whole new timetable replaces the old one. */
  ((TdLesson *) g_ptr_array_index (fresh, 2))->hours = 1;
  g_assert_true (td_store_replace_lessons (f->store, k->id, fresh, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_lessons (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 0))->lid, ==, "N01A");
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 2))->lid, ==, "N02A");
}


/* ---- opening ------------------------------------------------------------------------------- */

static void
test_migrate_from_v1 (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdInstitution) inst = sf_institution ();
  g_autoptr (TdClass) k = NULL;
  g_autoptr (TdInstitution) got = NULL;
  g_autoptr (GPtrArray) roster = NULL;
  g_autofree char *value = NULL;
  gint64 trainee;

  f->store = td_store_create_at_version (f->path, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  g_assert_cmpint (td_store_get_schema_version (f->store), ==, 1);
  g_assert_cmpint (sf_sql_int (f->path, "PRAGMA user_version"), ==, 1);
  g_assert_true (td_store_save_institution (f->store, inst, &error));
  g_assert_no_error (error);
  k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  trainee = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  g_clear_object (&f->store);

  f->store = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_store_get_schema_version (f->store), ==, TD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sf_sql_int (f->path, "PRAGMA user_version"), ==, TD_STORE_SCHEMA_VERSION);
  got = td_store_get_institution (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (got->name, ==, "聊城市东昌府区光岳职业培训学校");
  roster = td_store_list_enrolments (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (roster->len, ==, 1);
  g_assert_cmpint (((TdEnrolment *) g_ptr_array_index (roster, 0))->trainee.id, ==, trainee);
  /* Version 2's table works, and its changes are audited like the others. */
  g_assert_true (td_store_set_setting (f->store, "outbox", "/home/w/outbox", &error));
  g_assert_no_error (error);
  value = td_store_get_setting (f->store, "outbox", &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (value, ==, "/home/w/outbox");
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count(*) FROM audit WHERE tbl = 'setting'"), ==,
                   1);
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count(*) FROM audit WHERE tbl = 'class'"), ==,
                   1);
}

/* A file that must be refused, and left byte for byte as it was. */
static void
assert_refused (StoreFixture *f, TdStoreError code, const char *message_part)
{
  g_autofree char *before = sf_file_sum (f->path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr (GError) error = NULL;
  TdStore *store = td_store_open (f->path, TD_STORE_OPEN_CREATE, &error);

  g_assert_null (store);
  g_assert_error (error, TD_STORE_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, message_part));
  after = sf_file_sum (f->path);
  g_assert_cmpstr (after, ==, before);
  /* Nothing was written beside it either.  (A damaged file in WAL mode gets an empty -wal
   * and a -shm from SQLite's read-only look at it; no page of the database is in them.) */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      GStatBuf st;
      g_assert_cmpint (g_stat (wal, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, 0);
    }
}

static void
make_database (StoreFixture *f, int trainees)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) k = NULL;
  static const char *const ids[] = { ID_M1975, ID_F1993, ID_M1988, ID_F1990, ID_M1985,
                                     ID_F1992, ID_M1979, ID_F1996 };

  f->store = td_store_open (f->path, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  for (int i = 0; i < trainees && i < (int) G_N_ELEMENTS (ids); i++)
    sf_enrol (f->store, k->id, ids[i], "某某", "01");
  /* Some bulk, so the file has pages in its middle to damage. */
  g_assert_true (td_store_begin (f->store, NULL));
  for (int i = 0; i < 400; i++)
    {
      g_autofree char *key = g_strdup_printf ("bulk.%03d", i);
      g_autofree char *value = g_strnfill (300, 'a' + i % 26);
      g_assert_true (td_store_set_setting (f->store, key, value, NULL));
    }
  g_assert_true (td_store_commit (f->store, NULL));
  g_clear_object (&f->store);
}

static void
test_refuse_too_new (StoreFixture *f, gconstpointer data)
{
  make_database (f, 2);
  sf_sql (f->path, "PRAGMA user_version = 99");
  assert_refused (f, TD_STORE_ERROR_TOO_NEW, "newer version of TrainDesk (database version 99;"
                                             " this one reads up to 4)");
}

static void
test_refuse_corrupt (StoreFixture *f, gconstpointer data)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261126);

  make_database (f, 8);
  g_assert_true (g_file_get_contents (f->path, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 40 * 4096);
  /* Pages 10 to 30 (of 4096 bytes) overwritten with garbage; the header is intact. */
  for (gsize i = 9 * 4096; i < 30 * 4096; i++)
    bytes[i] = (char) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (f->path, bytes, (gssize) len, NULL));
  assert_refused (f, TD_STORE_ERROR_CORRUPT, "is damaged");
}

static void
test_refuse_foreign (StoreFixture *f, gconstpointer data)
{
  sf_sql (f->path, "PRAGMA journal_mode = DELETE; CREATE TABLE notes (id INTEGER PRIMARY KEY, "
                   "body TEXT); INSERT INTO notes (body) VALUES ('shopping list');");
  assert_refused (f, TD_STORE_ERROR_NOT_TRAINDESK, "is a database of another program");
}

static void
test_refuse_text (StoreFixture *f, gconstpointer data)
{
  g_assert_true (g_file_set_contents (f->path, "姓名,身份证号\n刘芳,371502199310111124\n"
                                      "陈建国,371502197502191019\n陈建国,371502197502191019\n"
                                      "陈建国,371502197502191019\n", -1, NULL));
  assert_refused (f, TD_STORE_ERROR_NOT_TRAINDESK, "it is not an SQLite file");
  g_assert_true (g_file_set_contents (f->path, "short", -1, NULL));
  assert_refused (f, TD_STORE_ERROR_NOT_TRAINDESK, "it is not an SQLite file");
}

static void
test_missing_file (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* Another program holds the write lock: a write waits for the busy timeout, then fails
 * with LOCKED, and nothing of it reaches the file. */
static void
test_locked (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdEnrolment) e = sf_enrolment (k->id, ID_F1993, "刘芳", "03");
  g_autoptr (GPtrArray) roster = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *other = NULL;
  gint64 started, took;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  started = g_get_monotonic_time ();
  g_assert_false (td_store_save_enrolment (f->store, e, &error));
  took = g_get_monotonic_time () - started;
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==, "The database is in use by another program, so nothing "
                                       "was saved. Close the other program (or wait for it to "
                                       "finish) and try again.");
  g_assert_cmpint (took, <, 8 * G_USEC_PER_SEC);
  g_clear_error (&error);
  /* Reading still works while the other program writes. */
  roster = td_store_list_enrolments (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (roster->len, ==, 0);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_cmpint (td_store_count_trainees (f->store, &lerr), ==, 0);
  g_assert_no_error (lerr);
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count(*) FROM audit WHERE tbl = 'trainee'"), ==,
                   0);
  /* Once the other program is done, the same write goes through. */
  e->id = 0;
  e->trainee.id = 0;
  g_assert_true (td_store_save_enrolment (f->store, e, &error));
  g_assert_no_error (error);
  g_clear_pointer (&roster, g_ptr_array_unref);
  roster = td_store_list_enrolments (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (roster->len, ==, 1);
}

/* ---- backup -------------------------------------------------------------------------------- */

typedef struct
{
  const char *path;
  gint stop;
  gint written;
  gboolean failed;
} Writer;

/* Another connection (as another window or process would have) writing all the time. */
static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = td_store_open (w->path, TD_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    {
      w->failed = TRUE;
      return NULL;
    }
  while (!g_atomic_int_get (&w->stop))
    {
      int n = g_atomic_int_add (&w->written, 1);
      g_autofree char *key = g_strdup_printf ("writer.%06d", n);
      g_autofree char *value = g_strnfill (2000, 'w');

      if (!td_store_set_setting (store, key, value, NULL))
        g_usleep (1000);   /* the backup reads, it does not lock writers out for long */
    }
  return NULL;
}

static void
test_backup_while_writing (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *part = g_strconcat (copy, ".part", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) restored = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) classes = NULL;
  Writer w = { f->path, 0, 0, FALSE };
  GThread *thread;
  GStatBuf st;
  int before;

  make_database (f, 8);
  /* Several MB, so the copy takes many steps while the writer keeps committing. */
  f->store = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (td_store_begin (f->store, NULL));
  for (int i = 0; i < 1500; i++)
    {
      g_autofree char *key = g_strdup_printf ("big.%04d", i);
      g_autofree char *value = g_strnfill (3000, 'b');
      g_assert_true (td_store_set_setting (f->store, key, value, NULL));
    }
  g_assert_true (td_store_commit (f->store, NULL));

  thread = g_thread_new ("writer", writer_thread, &w);
  /* The counter moves before each write: at 21, twenty are committed. */
  while (g_atomic_int_get (&w.written) < 21 && !w.failed)
    g_usleep (1000);
  before = g_atomic_int_get (&w.written);
  g_assert_true (td_store_backup (f->store, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_atomic_int_get (&w.written), >, before);   /* it wrote meanwhile */
  g_atomic_int_set (&w.stop, 1);
  g_thread_join (thread);
  g_assert_false (w.failed);

  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  td_test_assert_private (copy);
  restored = td_store_open (copy, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  problems = td_store_verify (restored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  classes = td_store_list_classes (restored, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (classes->len, ==, 1);
  g_assert_cmpint (sf_sql_int (copy, "SELECT count(*) FROM setting WHERE key LIKE 'big.%'"), ==,
                   1500);
  g_assert_cmpint (sf_sql_int (copy, "SELECT count(*) FROM setting WHERE key LIKE 'writer.%'"),
                   >=, 20);
  /* A snapshot from the middle: the writer went on after it. */
  g_assert_cmpint (sf_sql_int (copy, "SELECT count(*) FROM setting WHERE key LIKE 'writer.%'"),
                   <, sf_sql_int (f->path, "SELECT count(*) FROM setting WHERE key LIKE "
                                           "'writer.%'"));
}

static void
test_backup_missing_folder (StoreFixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "no-such-folder", NULL);
  g_autofree char *copy = g_build_filename (folder, "backup.db", NULL);
  g_autofree char *part = g_strconcat (copy, ".part", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (td_store_backup (f->store, copy, NULL, &error));
  g_assert_error (error, TD_FILE_ERROR, TD_FILE_ERROR_NOT_WRITABLE);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/file-mode", test_file_mode);
  ADD ("/store/institution", test_institution);
  ADD ("/store/settings", test_settings);
  ADD ("/store/catalog", test_catalog);
  ADD ("/store/class", test_class);
  ADD ("/store/class-status", test_class_status);
  ADD ("/store/class-lock", test_class_lock);
  ADD ("/store/teachers", test_teachers);
  ADD ("/store/lessons", test_lessons);
  ADD ("/store/trainees", test_trainees);
  ADD ("/store/enrolments", test_enrolments);
  ADD ("/store/results", test_results);
  ADD ("/store/follow-ups", test_follow_ups);
  ADD ("/store/claims-and-packets", test_claims_and_packets);
  ADD ("/store/money-in-fen", test_money_in_fen);
  ADD ("/store/audit", test_audit);
  ADD ("/store/refused/duplicate-code", test_refused_duplicate_code);
  ADD ("/store/refused/remove-with-attendance", test_refused_remove_with_attendance);
  ADD ("/store/refused/lesson-times", test_refused_lesson_times);
  ADD ("/store/transactions/nested", test_nested_transactions);
  ADD ("/store/transactions/replace-lessons", test_replace_lessons_failure);
  ADD_EMPTY ("/store/open/migrate-from-v1", test_migrate_from_v1);
  ADD_EMPTY ("/store/open/too-new", test_refuse_too_new);
  ADD_EMPTY ("/store/open/corrupt", test_refuse_corrupt);
  ADD_EMPTY ("/store/open/foreign", test_refuse_foreign);
  ADD_EMPTY ("/store/open/text", test_refuse_text);
  ADD_EMPTY ("/store/open/missing", test_missing_file);
  ADD ("/store/open/locked", test_locked);
  ADD_EMPTY ("/store/backup/while-writing", test_backup_while_writing);
  ADD ("/store/backup/missing-folder", test_backup_missing_folder);
  return g_test_run ();
}
