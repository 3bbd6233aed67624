/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store on a PostgreSQL server, what only a server has: opening one and its errors, the
 * audit log written there entry for entry as SQLite writes it (so verify, the chains and the
 * digests agree across engines).  The store suites run there too (their -pg runs).
 * Needs a server: runs with TD_TEST_ENGINE=postgresql and TD_TEST_PG (build-aux/pg-cluster). */
#include "config.h"

#include "store-fixture.h"

#define ID_A ID_F1993
#define ID_B ID_M1975

static void
test_open_errors (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autofree char *role = g_strdup_printf ("td_clerk_%08x", g_random_int ());
  g_autofree char *create_role = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'right'", role);
  g_autofree char *drop_role = g_strdup_printf ("DROP ROLE %s", role);
  g_autofree char *wrong = g_strdup_printf ("%s user=%s password=wrong", sf_server (), role);

  /* an empty schema: opened only by a caller that may create the database */
  store = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_TRAINDESK);
  g_assert_nonnull (strstr (error->message, "holds no TrainDesk database yet"));
  g_clear_error (&error);

  store = td_store_open (f->path, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (td_store_is_on_server (store));
  g_assert_cmpint (td_store_get_schema_version (store), ==, TD_STORE_SCHEMA_VERSION);
  g_clear_object (&store);
  /* opened again: nothing to create, nothing to repair */
  store = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (td_store_get_notices (store)->len, ==, 0);
  g_clear_object (&store);

  /* written by a newer TrainDesk */
  sf_sql (f->path, "UPDATE traindesk SET version = 99");
  store = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "database version 99"));
  g_clear_error (&error);

  /* no server there */
  store = td_store_open ("host=/nonexistent-td-folder user=traindesk dbname=traindesk",
                         TD_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "Cannot reach the database server"));
  g_clear_error (&error);

  /* a wrong password */
  sf_sql (sf_server (), create_role);
  store = td_store_open (wrong, TD_STORE_OPEN_DEFAULT, &error);
  sf_sql (sf_server (), drop_role);
  g_assert_null (store);
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_SIGN_IN);
  g_assert_nonnull (strstr (error->message, "refused the sign-in"));
  g_assert_nonnull (strstr (error->message, "Check the user name and the password"));
}

/* The same work on either engine: a class, its lessons and roster, a lesson's content
 * changed, a lesson marked present (a bulk action), one record alone, a trainee edited. */
static void
fill (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) k = sf_save_class (store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 l1 = sf_save_lesson (store, k->id, "L01A", "2026-03-02", "08:00:00", "11:45:00", 10);
  gint64 l2 = sf_save_lesson (store, k->id, "L01B", "2026-03-02", "14:00:00", "17:00:00", 8);
  gint64 a = sf_enrol (store, k->id, ID_A, "刘芳 \"芳芳\"\t\\", "03");
  gint64 b = sf_enrol (store, k->id, ID_B, "陈建国", "01");
  g_autoptr (TdLesson) lesson = td_store_get_lesson (store, l1, &error);
  TdAttendanceEntry entries[] = {
    { l1, a, 'P', "08:00:00", "11:45:00", "FACE" },
    { l1, b, 'L', "08:20:00", "11:45:00", "CARD" },
  };

  g_assert_no_error (error);
  g_free (lesson->content);
  lesson->content = g_strdup ("老年人生活照料\n第二行");
  g_assert_true (td_store_save_lesson (store, lesson, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_record_attendance_many (store, k->id, entries, 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_record_attendance (store, k->id, l2, a, 'P', "14:00:00", "17:00:00",
                                             "QR", &error));
  g_assert_no_error (error);
}

static char *
audit_text (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = td_store_list_audit (store, NULL, 0, 1000, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      const TdAuditEntry *e = g_ptr_array_index (entries, i);

      g_string_append_printf (text, "%" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT " %s %s %s\n",
                              e->id, e->table_name, e->row, e->op,
                              e->old_values != NULL ? e->old_values : "-",
                              e->new_values != NULL ? e->new_values : "-");
    }
  return g_string_free (text, FALSE);
}

static char *
chain_text (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) chain = td_store_list_chain (store, 1, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < chain->len; i++)
    {
      const TdAttendance *r = g_ptr_array_index (chain, i);

      g_string_append_printf (text, "%" G_GINT64_FORMAT " %.*s\n", r->seq, TD_DIGEST_LEN,
                              r->hash);
    }
  return g_string_free (text, FALSE);
}

static void
test_same_audit_as_sqlite (StoreFixture *f, gconstpointer data)
{
  g_autofree char *file = g_build_filename (f->dir, "desk.db", NULL);
  g_autoptr (TdStore) lite = NULL;
  g_autofree char *lite_audit = NULL, *server_audit = NULL;
  g_autofree char *lite_chain = NULL, *server_chain = NULL;
  g_autoptr (GError) error = NULL;

  lite = td_store_open (file, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fill (lite);
  fill (f->store);
  lite_audit = audit_text (lite);
  server_audit = audit_text (f->store);
  g_assert_nonnull (strstr (server_audit, "\"content\":\"老年人生活照料\\n第二行\""));
  g_assert_nonnull (strstr (server_audit, "\"name\":\"刘芳 \\\"芳芳\\\"\\t\\\\\""));
  g_assert_nonnull (strstr (server_audit, "attendance 0 bulk - {\"action\":"));
  g_assert_cmpstr (server_audit, ==, lite_audit);
  lite_chain = chain_text (lite);
  server_chain = chain_text (f->store);
  g_assert_cmpuint (strlen (server_chain), >, 0);
  g_assert_cmpstr (server_chain, ==, lite_chain);
  sf_assert_verifies (lite);
  sf_assert_verifies (f->store);
  /* a change behind the store's back is told on the server as on a file */
  sf_sql (f->path, "UPDATE trainee SET phone = '13900000000' WHERE id_number = '" ID_B "'");
  {
    g_autoptr (GPtrArray) problems = td_store_verify (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_nonnull (strstr (((TdVerifyProblem *) g_ptr_array_index (problems, 0))->message,
                              "an entry TrainDesk did not write: update of trainee row 2"));
  }
}

static void
on_changed (TdStore *store, const char *table, gint64 row, GPtrArray *seen)
{
  g_ptr_array_add (seen, g_strdup (table));
}

static gboolean
seen_table (GPtrArray *seen, const char *table)
{
  return g_ptr_array_find_with_equal_func (seen, table, g_str_equal, NULL);
}

/* What one desk commits reaches the other desk's pages: its change count moves and it tells
 * ::changed for the tables changed (within a second: waited for here up to 20 s, so that a
 * slow machine does not fail the test); a desk is not told its own changes twice. */
static void
test_other_desks_told (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) other = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) mine = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (TdClass) k = NULL;
  guint64 before;
  gint64 deadline;

  g_assert_no_error (error);
  td_store_watch_other_desks (other);
  td_store_watch_other_desks (f->store);
  g_signal_connect (other, "changed", G_CALLBACK (on_changed), seen);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), mine);
  before = td_store_get_change_count (other);
  k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!seen_table (seen, "class") && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_true (seen_table (seen, "class"));
  g_assert_cmpuint (td_store_get_change_count (other), >, before);
  /* the saving desk heard of it once, from its own commit */
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (mine, 0), ==, "class");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (sf_server () != NULL)
    {
      SF_ADD_EMPTY ("/server/open-errors", test_open_errors);
      SF_ADD ("/server/same-audit-as-sqlite", test_same_audit_as_sqlite);
      SF_ADD ("/server/other-desks-told", test_other_desks_told);
    }
  return g_test_run ();
}
