/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's set-up records (src/core/td-store-setup.c): the file readable by its owner
 * only, the institution, settings and catalogues round trip. */
#include "config.h"

#include "core/td-file.h"
#include "core/td-store.h"
#include "../td-test-private.h"
#include "store-fixture.h"

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

  g_assert_true (td_store_is_empty (f->store, NULL));
  g_assert_null (td_store_get_institution (f->store, &lerr));
  g_assert_no_error (lerr);
  g_assert_true (td_store_save_institution (f->store, inst, &error));
  g_assert_no_error (error);
  g_assert_false (td_store_is_empty (f->store, &error));
  g_assert_no_error (error);
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  SF_ADD_FILE ("/store/file-mode", test_file_mode);
  SF_ADD ("/store/institution", test_institution);
  SF_ADD ("/store/settings", test_settings);
  SF_ADD ("/store/catalog", test_catalog);
  return g_test_run ();
}
