/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Catalogue import: the shipped catalogue round-trips through the store; broken ones are
 * refused with a message that says why, and nothing is stored. */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "../td-test-db.h"
#include "../td-test-dir.h"

#include "core/td-store.h"
#include "packet/td-catalog-import.h"

typedef struct
{
  char *dir;
  char *schema;
  TdStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = td_test_make_dir ("td-catalog-XXXXXX");
  path = td_test_db_new (f->dir, "test.db", &f->schema);
  f->store = td_store_open (path, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  td_test_db_drop (f->schema);
  td_test_remove_tree (f->dir);
  g_free (f->dir);
}

static GBytes *
shipped_catalog (void)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (TD_CATALOG_DEFAULT_RESOURCE, 0, &error);

  g_assert_no_error (error);
  return bytes;
}

/* The shipped catalogue with @old replaced (once) by @new. */
/* @bytes with the first @old replaced by @new. */
static GBytes *
replaced (GBytes *bytes, const char *old, const char *new)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *at = strstr (text, old);
  char *out;

  g_assert_nonnull (at);
  out = g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
  return g_bytes_new_take (out, strlen (out));
}

static GBytes *
mutated_catalog (const char *old, const char *new)
{
  g_autoptr (GBytes) bytes = shipped_catalog ();

  return replaced (bytes, old, new);
}

static const TdStandard *
standard (const TdCatalog *c, const char *code, int certificate, int level)
{
  const TdCatalogItem *item = td_catalog_find_item (c, code);

  g_assert_nonnull (item);
  return td_catalog_item_find_standard (item, certificate, level);
}

static void
test_default_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCatalog) c = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GBytes) source = NULL;
  g_autoptr (GBytes) shipped = shipped_catalog ();
  const TdCatalogItem *item;
  const TdStandard *s;

  g_assert_true (td_catalog_import_default (f->store, &error));
  g_assert_no_error (error);
  /* the same bytes again: fine, nothing changes */
  g_assert_true (td_catalog_import_default (f->store, &error));
  g_assert_no_error (error);
  versions = td_store_list_catalog_versions (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (versions, 0), ==, "2026-1");
  source = td_store_get_catalog_source (f->store, "2026-1", &lerr);
  g_assert_no_error (lerr);
  g_assert_true (g_bytes_equal (source, shipped));

  c = td_store_get_catalog (f->store, "2026-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->effective, ==, "2026-01-01");
  g_assert_cmpuint (c->items->len, ==, 14);
  g_assert_cmpint (c->rules.filing_lead_workdays, ==, 5);
  g_assert_cmpint (c->rules.min_class_size, ==, 10);
  g_assert_cmpint (c->rules.max_class_size, ==, 60);
  g_assert_cmpint (c->rules.min_age, ==, 16);
  g_assert_cmpint (c->rules.max_age, ==, 65);
  g_assert_cmpint (c->rules.min_attendance_rate, ==, 8000);
  g_assert_cmpint (c->rules.max_subsidies_per_year, ==, 3);
  g_assert_cmpint (c->rules.employment_window_days, ==, 183);
  g_assert_cmpint (c->rules.employment_uplift_rate, ==, 2000);
  g_assert_cmpint (c->rules.claim_window_days, ==, 365);

  item = td_catalog_find_item (c, "4-10-01-05");
  g_assert_cmpstr (item->name, ==, "养老护理员");
  g_assert_cmpstr (item->kind, ==, "OCC");
  g_assert_true (item->shortage);
  g_assert_false (item->digital);
  g_assert_cmpuint (item->standards->len, ==, 3);
  s = standard (c, "4-10-01-05", 2, 4);
  g_assert_cmpint (s->amount, ==, 200000);
  g_assert_cmpint (s->per_hour, ==, -1);
  g_assert_cmpint (s->min_hours, ==, 200);
  s = standard (c, "4-10-01-05", 4, 0);
  g_assert_cmpint (s->amount, ==, 50000);
  g_assert_cmpint (s->per_hour, ==, 1000);
  g_assert_cmpint (s->min_hours, ==, 80);
  item = td_catalog_find_item (c, "ZX-MSGJ01");
  g_assert_true (item->green);
  g_assert_cmpstr (item->kind, ==, "SPEC");
  g_assert_true (td_catalog_find_item (c, "4-04-05-05")->digital);
  g_assert_cmpint (standard (c, "CY-SYB", 5, 0)->min_hours, ==, 112);
  g_assert_null (standard (c, "4-10-01-02", 4, 0));

  g_assert_true (td_calendar_covers_year (c->calendar, 2026));
  g_assert_false (td_calendar_covers_year (c->calendar, 2027));
  g_assert_cmpstr (td_calendar_holiday_name (c->calendar, td_day_make (2026, 1, 1)), ==, "元旦");
  g_assert_cmpstr (td_calendar_holiday_name (c->calendar, td_day_make (2026, 5, 1)), ==,
                   "劳动节");
  g_assert_cmpstr (td_calendar_holiday_name (c->calendar, td_day_make (2026, 10, 2)), ==,
                   "国庆节");
  g_assert_false (td_calendar_is_working_day (c->calendar, td_day_make (2026, 10, 1)));
  g_assert_true (td_calendar_is_working_day (c->calendar, td_day_make (2026, 10, 5)));
}

static void
test_import_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("TD_TEST_DATA"), "bureau",
                                            "catalog-2026-1.xml", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.xml", NULL);
  g_autoptr (TdCatalog) c = NULL;

  g_assert_true (td_catalog_import_file (f->store, path, &error));
  g_assert_no_error (error);
  c = td_store_get_catalog_in_force (f->store, "2026-03-02", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->version, ==, "2026-1");

  g_assert_false (td_catalog_import_file (f->store, missing, &error));
  g_assert_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "missing.xml"));
}

/* A refused catalogue: the error names the problem and nothing is stored. */
static void
assert_refused (Fixture *f, GBytes *bytes, const char *expected)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (TdFindings) findings = td_findings_new ();
  g_autoptr (TdCatalog) c = td_catalog_parse (bytes, findings, &error);

  g_assert_null (c);
  g_assert_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL)
    g_error ("'%s' does not say '%s'", error->message, expected);
  g_assert_cmpuint (td_findings_count_rule (findings, "R-PKT-001"), >=, 1);
  g_clear_error (&error);

  g_assert_false (td_catalog_import_bytes (f->store, bytes, &error));
  g_assert_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID);
  versions = td_store_list_catalog_versions (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (versions->len, ==, 0);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) bad_money = mutated_catalog ("amount=\"1500.00\"", "amount=\"1500\"");
  g_autoptr (GBytes) saturday = mutated_catalog ("<Holiday date=\"2026-05-01\"",
                                                 "<Holiday date=\"2026-05-02\"");
  g_autoptr (GBytes) weekday_workday = mutated_catalog (
    "</Calendar>", "<Workday date=\"2026-05-06\"/></Calendar>");
  g_autoptr (GBytes) other_year = mutated_catalog ("<Holiday date=\"2026-10-02\"",
                                                   "<Holiday date=\"2027-10-01\"");
  g_autoptr (GBytes) sizes = mutated_catalog ("<MinClassSize>10<", "<MinClassSize>61<");
  g_autoptr (GBytes) ages = mutated_catalog ("<MinAge>16<", "<MinAge>66<");
  g_autoptr (GBytes) doctype = mutated_catalog (
    "<Catalog ", "<!DOCTYPE Catalog [<!ENTITY x \"y\">]><Catalog ");
  static const char receipt_text[] =
    "<Receipt xmlns=\"urn:lc-hrss:training:1.0\" version=\"1.0\"/>";
  static const char truncated_text[] = "<Catalog xmlns=\"urn:lc-";
  g_autoptr (GBytes) receipt = g_bytes_new_static (receipt_text, strlen (receipt_text));
  g_autoptr (GBytes) truncated = g_bytes_new_static (truncated_text, strlen (truncated_text));

  assert_refused (f, bad_money, "amount");
  assert_refused (f, saturday, "The holiday 2026-05-02 of the catalogue's calendar is a Saturday");
  assert_refused (f, weekday_workday, "The workday 2026-05-06");
  assert_refused (f, other_year, "2027-10-01 of the catalogue's calendar is not in its year 2026");
  assert_refused (f, sizes, "MinClassSize 61 is larger than its MaxClassSize 60");
  assert_refused (f, ages, "MinAge 66 is larger than its MaxAge 65");
  assert_refused (f, doctype, "DOCTYPE");
  assert_refused (f, receipt, "not a catalogue");
  assert_refused (f, truncated, "line");
}

/* Another version with other content is refused; the stored one stays. */
static void
test_version_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) changed = mutated_catalog ("<MaxClassSize>60<", "<MaxClassSize>50<");
  g_autoptr (GBytes) same_day = mutated_catalog ("version=\"2026-1\"", "version=\"2026-2\"");
  g_autoptr (GBytes) next = replaced (same_day, "effective=\"2026-01-01\"",
                                      "effective=\"2026-07-01\"");
  g_autoptr (TdCatalog) c = NULL;
  g_autoptr (GPtrArray) versions = NULL;

  g_assert_true (td_catalog_import_default (f->store, &error));
  g_assert_false (td_catalog_import_bytes (f->store, changed, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  c = td_store_get_catalog (f->store, "2026-1", &error);
  g_assert_cmpint (c->rules.max_class_size, ==, 60);
  /* a new version from the same effective day: which applies would be a guess */
  g_assert_false (td_catalog_import_bytes (f->store, same_day, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "2026-2 takes effect on 2026-01-01, the same day "
                                            "as the stored catalogue version 2026-1"));
  g_clear_error (&error);
  versions = td_store_list_catalog_versions (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_true (td_catalog_import_bytes (f->store, next, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!TD_TEST_DB_RUNS ())
    return g_test_run ();   /* the run on a server, with no server: no tests */
  g_test_add ("/packet/catalog/default-round-trip", Fixture, NULL, fixture_set_up,
              test_default_round_trip, fixture_tear_down);
  g_test_add ("/packet/catalog/import-file", Fixture, NULL, fixture_set_up,
              test_import_file, fixture_tear_down);
  g_test_add ("/packet/catalog/refused", Fixture, NULL, fixture_set_up,
              test_refused, fixture_tear_down);
  g_test_add ("/packet/catalog/version-conflict", Fixture, NULL, fixture_set_up,
              test_version_conflict, fixture_tear_down);
  return g_test_run ();
}
