/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The statement layer (src/core/td-db*.c): the same tests on an SQLite file and, when
 * TD_TEST_PG names a server (build-aux/pg-cluster starts one), on PostgreSQL. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "core/td-db.h"
#include "store-fixture.h"

typedef struct
{
  TdDbEngine engine;
  char *dir;             /* SQLite: the folder of the file */
  char *path;
  char *schema;          /* PostgreSQL: the test's own schema */
  TdDb *db;
} DbFixture;

static TdDb *
open_sqlite (const char *path, int flags)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, flags, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 0);
  return td_db_new_sqlite (handle);
}

/* A second connection to the fixture's database (another desk). */
static TdDb *
open_other (DbFixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *set_path = NULL;
  TdDb *db;

  if (f->engine == TD_DB_SQLITE)
    return open_sqlite (f->path, SQLITE_OPEN_READWRITE);
  db = td_db_open_postgresql (g_getenv ("TD_TEST_PG"), &error);
  g_assert_no_error (error);
  set_path = g_strdup_printf ("SET search_path = %s", f->schema);
  g_assert_cmpint (td_db_exec (db, set_path), ==, TD_DB_OK);
  return db;
}

static void
fixture_setup (DbFixture *f, gconstpointer data)
{
  static int serial;
  g_autoptr (GError) error = NULL;
  g_autofree char *create = NULL;

  f->engine = GPOINTER_TO_INT (data);
  if (f->engine == TD_DB_SQLITE)
    {
      f->dir = td_test_make_dir ("td-db-XXXXXX");
      f->path = g_build_filename (f->dir, "test.db", NULL);
      f->db = open_sqlite (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      return;
    }
  f->schema = g_strdup_printf ("td_test_db_%08x_%d", g_random_int (), ++serial);
  f->db = td_db_open_postgresql (g_getenv ("TD_TEST_PG"), &error);
  g_assert_no_error (error);
  create = g_strdup_printf ("CREATE SCHEMA %s; SET search_path = %s", f->schema, f->schema);
  g_assert_cmpint (td_db_exec (f->db, create), ==, TD_DB_OK);
}

static void
fixture_teardown (DbFixture *f, gconstpointer data)
{
  if (f->schema != NULL)
    {
      g_autofree char *drop = g_strdup_printf ("DROP SCHEMA %s CASCADE", f->schema);

      td_db_exec (f->db, "ROLLBACK");
      g_assert_cmpint (td_db_exec (f->db, drop), ==, TD_DB_OK);
    }
  g_clear_pointer (&f->db, td_db_free);
  if (f->dir != NULL)
    td_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->schema);
}

/* The DDL differs (an engine's own types); what runs on it does not. */
static void
create_table (DbFixture *f, TdDb *db)
{
  const char *sql = f->engine == TD_DB_SQLITE
    ? "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER, data BLOB)"
    : "CREATE TABLE t (id BIGSERIAL PRIMARY KEY, name TEXT UNIQUE, n BIGINT, data BYTEA)";

  g_assert_cmpint (td_db_exec (db, sql), ==, TD_DB_OK);
}

static gint64
count_rows (TdDb *db)
{
  g_autoptr (TdStmt) stmt = td_db_prepare_once (db, "SELECT count(*) FROM t", NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (td_stmt_step (stmt), ==, TD_DB_ROW);
  n = td_stmt_int64 (stmt, 0);
  g_assert_cmpint (td_stmt_step (stmt), ==, TD_DB_DONE);
  return n;
}

static TdDbRc
insert_name (TdDb *db, const char *name)
{
  TdStmt *stmt = td_db_prepare (db, "INSERT INTO t (name, n) VALUES (?1, ?2)", NULL);
  TdDbRc rc;

  g_assert_nonnull (stmt);
  td_stmt_bind_text (stmt, 1, name);
  td_stmt_bind_int64 (stmt, 2, 7);
  rc = td_stmt_step (stmt);
  td_stmt_reset (stmt);
  return rc;
}

/* Text (with quotes and a question mark), big integers, bytes with NUL and NULL come back
 * as they went in. */
static void
test_round_trip (DbFixture *f, gconstpointer data)
{
  static const guint8 bytes[] = { 0x00, 0x01, 0xff, '\\', 'x', 0x00 };
  const char *name = "王立新 'quoted' \"double\" ?3";
  TdStmt *stmt;
  gconstpointer blob;
  gsize size = 99;

  create_table (f, f->db);
  stmt = td_db_prepare (f->db, "INSERT INTO t (name, n, data) VALUES (?1, ?2, ?3)", NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (td_stmt_param_count (stmt), ==, 3);
  td_stmt_bind_text (stmt, 1, name);
  td_stmt_bind_int64 (stmt, 2, G_GINT64_CONSTANT (9007199254740993));
  td_stmt_bind_blob (stmt, 3, bytes, sizeof bytes);
  g_assert_cmpint (td_stmt_step (stmt), ==, TD_DB_DONE);
  g_assert_cmpint (td_db_changes (f->db), ==, 1);
  g_assert_cmpint (insert_name (f->db, NULL), ==, TD_DB_DONE);

  stmt = td_db_prepare (f->db, "SELECT name, n, data, id FROM t WHERE n > ? ORDER BY id", NULL);
  td_stmt_bind_int64 (stmt, 1, 0);
  g_assert_cmpint (td_stmt_step (stmt), ==, TD_DB_ROW);
  g_assert_cmpint (td_stmt_column_count (stmt), ==, 4);
  g_assert_cmpstr (td_stmt_text (stmt, 0), ==, name);
  g_assert_cmpint (td_stmt_int64 (stmt, 1), ==, G_GINT64_CONSTANT (9007199254740993));
  blob = td_stmt_blob (stmt, 2, &size);
  g_assert_cmpmem (blob, size, bytes, sizeof bytes);
  g_assert_cmpint (td_stmt_int64 (stmt, 3), ==, 1);
  g_assert_cmpint (td_stmt_step (stmt), ==, TD_DB_ROW);
  g_assert_true (td_stmt_is_null (stmt, 0));
  g_assert_null (td_stmt_text (stmt, 0));
  g_assert_true (td_stmt_is_null (stmt, 2));
  g_assert_null (td_stmt_blob (stmt, 2, &size));
  g_assert_cmpuint (size, ==, 0);
  g_assert_cmpint (td_stmt_int64 (stmt, 1), ==, 7);
  g_assert_cmpint (td_stmt_step (stmt), ==, TD_DB_DONE);

  /* UPDATE counts what it changed */
  g_assert_cmpint (td_db_exec (f->db, "UPDATE t SET n = n + 1"), ==, TD_DB_OK);
  g_assert_cmpint (td_db_changes (f->db), ==, 2);
}

/* A kept statement comes back reset, its bindings cleared: no value of a previous caller
 * leaks into the next. */
static void
test_kept_statement (DbFixture *f, gconstpointer data)
{
  const char *sql = "SELECT CAST(?1 AS TEXT) IS NULL";
  TdStmt *stmt = td_db_prepare (f->db, sql, NULL), *again;

  g_assert_nonnull (stmt);
  td_stmt_bind_text (stmt, 1, "something");
  g_assert_cmpint (td_stmt_step (stmt), ==, TD_DB_ROW);
  g_assert_cmpint (td_stmt_int64 (stmt, 0), ==, 0);
  again = td_db_prepare (f->db, sql, NULL);
  g_assert_true (again == stmt);
  g_assert_cmpint (td_stmt_step (again), ==, TD_DB_ROW);
  g_assert_cmpint (td_stmt_int64 (again, 0), ==, 1);

  /* a text bound without a copy is what the step reads; freed afterwards, it is not read
   * again: the statement comes back with its bindings cleared */
  {
    const char *echo = "SELECT CAST(?1 AS TEXT)";
    char *kept = g_strdup ("王立新");

    stmt = td_db_prepare (f->db, echo, NULL);
    td_stmt_bind_text_static (stmt, 1, kept);
    g_assert_cmpint (td_stmt_step (stmt), ==, TD_DB_ROW);
    g_assert_cmpstr (td_stmt_text (stmt, 0), ==, "王立新");
    td_stmt_reset (stmt);
    g_free (kept);
    stmt = td_db_prepare (f->db, echo, NULL);
    g_assert_cmpint (td_stmt_step (stmt), ==, TD_DB_ROW);
    g_assert_true (td_stmt_is_null (stmt, 0));
    td_stmt_reset (stmt);
  }
}

/* A rollback leaves nothing; a savepoint rolled back undoes only its own part. */
static void
test_transactions (DbFixture *f, gconstpointer data)
{
  create_table (f, f->db);
  g_assert_cmpint (td_db_begin (f->db), ==, TD_DB_OK);
  g_assert_cmpint (insert_name (f->db, "a"), ==, TD_DB_DONE);
  g_assert_cmpint (td_db_rollback (f->db), ==, TD_DB_OK);
  g_assert_cmpint (count_rows (f->db), ==, 0);

  g_assert_cmpint (td_db_begin (f->db), ==, TD_DB_OK);
  g_assert_cmpint (insert_name (f->db, "b"), ==, TD_DB_DONE);
  g_assert_cmpint (td_db_savepoint (f->db, 1), ==, TD_DB_OK);
  g_assert_cmpint (insert_name (f->db, "c"), ==, TD_DB_DONE);
  g_assert_cmpint (td_db_rollback_to (f->db, 1), ==, TD_DB_OK);
  g_assert_cmpint (td_db_savepoint (f->db, 1), ==, TD_DB_OK);
  g_assert_cmpint (insert_name (f->db, "d"), ==, TD_DB_DONE);
  g_assert_cmpint (td_db_release (f->db, 1), ==, TD_DB_OK);
  g_assert_cmpint (td_db_commit (f->db), ==, TD_DB_OK);
  g_assert_cmpint (count_rows (f->db), ==, 2);
}

/* A duplicate is a constraint failure with the engine's words naming it. */
static void
test_constraint (DbFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *lower = NULL;

  create_table (f, f->db);
  g_assert_cmpint (insert_name (f->db, "same"), ==, TD_DB_DONE);
  g_assert_cmpint (insert_name (f->db, "same"), ==, TD_DB_CONSTRAINT);
  td_db_set_error (f->db, TD_DB_CONSTRAINT, &error, "Saving");
  g_assert_error (error, TD_DB_ERROR, TD_DB_CONSTRAINT);
  lower = g_utf8_strdown (error->message, -1);
  g_assert_true (g_str_has_prefix (lower, "saving: "));
  g_assert_nonnull (strstr (lower, "unique"));
  g_assert_cmpint (count_rows (f->db), ==, 1);
}

/* A write another connection holds the lock for is "busy", not a failure of the data. */
static void
test_busy (DbFixture *f, gconstpointer data)
{
  g_autoptr (TdDb) other = NULL;

  create_table (f, f->db);
  g_assert_cmpint (insert_name (f->db, "row"), ==, TD_DB_DONE);
  other = open_other (f);
  g_assert_cmpint (td_db_begin (f->db), ==, TD_DB_OK);
  g_assert_cmpint (td_db_exec (f->db, "UPDATE t SET n = 8"), ==, TD_DB_OK);
  if (f->engine == TD_DB_SQLITE)
    g_assert_cmpint (td_db_begin (other), ==, TD_DB_BUSY);
  else
    g_assert_cmpint (td_db_exec (other, "SELECT * FROM t FOR UPDATE NOWAIT"), ==, TD_DB_BUSY);
  g_assert_cmpint (td_db_commit (f->db), ==, TD_DB_OK);
}

/* A connection that may only read says so when asked to write. */
static void
test_read_only (DbFixture *f, gconstpointer data)
{
  g_autoptr (TdDb) reader = NULL;

  create_table (f, f->db);
  if (f->engine == TD_DB_SQLITE)
    reader = open_sqlite (f->path, SQLITE_OPEN_READONLY);
  else
    {
      reader = open_other (f);
      g_assert_cmpint (td_db_exec (reader, "SET default_transaction_read_only = on"), ==,
                       TD_DB_OK);
    }
  g_assert_cmpint (insert_name (reader, "x"), ==, TD_DB_READ_ONLY);
  g_assert_cmpint (count_rows (reader), ==, 0);
}

/* Another desk's change is heard once it commits, not before (PostgreSQL's LISTEN/NOTIFY);
 * an SQLite file has no server to tell it: nothing is heard, nothing fails. */
static void
test_notify (DbFixture *f, gconstpointer data)
{
  g_autoptr (TdDb) other = open_other (f);
  g_autoptr (GPtrArray) heard = NULL;
  g_autofree char *notify = NULL;
  const char *channel = f->schema != NULL ? f->schema : "td_change";

  g_assert_cmpint (td_db_listen (f->db, channel), ==, TD_DB_OK);
  heard = td_db_take_notifications (f->db);
  g_assert_cmpuint (heard->len, ==, 0);
  if (f->engine == TD_DB_SQLITE)
    return;
  notify = g_strdup_printf ("SELECT pg_notify('%s', 'attendance 5')", channel);
  g_assert_cmpint (td_db_begin (other), ==, TD_DB_OK);
  g_assert_cmpint (td_db_exec (other, notify), ==, TD_DB_OK);
  g_assert_cmpint (td_db_exec (f->db, "SELECT 1"), ==, TD_DB_OK);
  g_clear_pointer (&heard, g_ptr_array_unref);
  heard = td_db_take_notifications (f->db);
  g_assert_cmpuint (heard->len, ==, 0);
  g_assert_cmpint (td_db_commit (other), ==, TD_DB_OK);
  /* the server sends it as soon as the commit is done; a round trip on the listening
   * connection brings it in (waits up to 10 s on a loaded machine, never fails early) */
  for (int i = 0; i < 1000 && heard->len == 0; i++)
    {
      g_assert_cmpint (td_db_exec (f->db, "SELECT 1"), ==, TD_DB_OK);
      g_clear_pointer (&heard, g_ptr_array_unref);
      heard = td_db_take_notifications (f->db);
      if (heard->len == 0)
        g_usleep (10000);
    }
  g_assert_cmpuint (heard->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (heard, 0), ==, "attendance 5");
  g_clear_pointer (&heard, g_ptr_array_unref);
  heard = td_db_take_notifications (f->db);
  g_assert_cmpuint (heard->len, ==, 0);
}

static void
test_number_params (void)
{
  int n = 0;
  g_autofree char *a = td_db_number_params ("SELECT '?', \"a?\", ?2 -- ?\n, ? /* ? */ , ?",
                                            &n);
  g_autofree char *b = td_db_number_params ("INSERT INTO t VALUES ('it''s ?', ?1, ?1, ?10)", &n);

  g_assert_cmpstr (a, ==, "SELECT '?', \"a?\", $2 -- ?\n, $3 /* ? */ , $4");
  g_assert_cmpstr (b, ==, "INSERT INTO t VALUES ('it''s ?', $1, $1, $10)");
  g_assert_cmpint (n, ==, 10);
}

static void
test_location_engine (void)
{
  g_assert_cmpint (td_db_location_engine ("postgresql://li@db.example:5432/school"), ==,
                   TD_DB_POSTGRESQL);
  g_assert_cmpint (td_db_location_engine ("postgres:///school"), ==, TD_DB_POSTGRESQL);
  g_assert_cmpint (td_db_location_engine ("service=traindesk"), ==, TD_DB_POSTGRESQL);
  g_assert_cmpint (td_db_location_engine ("host=/tmp dbname=school"), ==, TD_DB_POSTGRESQL);
  g_assert_cmpint (td_db_location_engine ("/home/li/traindesk.db"), ==, TD_DB_SQLITE);
  g_assert_cmpint (td_db_location_engine ("C:\\Users\\li\\traindesk.db"), ==, TD_DB_SQLITE);
  g_assert_cmpint (td_db_location_engine ("data/a=b.db"), ==, TD_DB_SQLITE);
  g_assert_cmpint (td_db_location_engine ("hostel=1.db"), ==, TD_DB_SQLITE);
}

/* What is shown of a location never has its password. */
static void
test_location_display (void)
{
  static const char *const cases[][2] = {
    { "postgresql://li:s3cret@db.example:5432/school", "postgresql://li@db.example:5432/school" },
    { "postgres://li@db.example/school?password=s3cret&sslmode=require",
      "postgres://li@db.example/school?sslmode=require" },
    { "host=db.example user=li password=s3cret dbname=school",
      "host=db.example user=li dbname=school" },
    { "host=db.example password = 'it''s \\ a secret' dbname=school",
      "host=db.example dbname=school" },
    { "service=traindesk", "service=traindesk" },
    { "/home/li/password=1.db", "/home/li/password=1.db" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = td_db_location_display (cases[i][0]);

      g_assert_cmpstr (shown, ==, cases[i][1]);
    }
}

/* A server that is not there: "cannot reach", with libpq's words. */
static void
test_pg_unreachable (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_open_postgresql ("host=/nonexistent-td-socket-dir dbname=x",
                                               &error);

  g_assert_null (db);
  if (!td_db_have_postgresql ())
    {
      g_assert_error (error, TD_DB_ERROR, TD_DB_FAILED);
      g_assert_nonnull (strstr (error->message, "without PostgreSQL support"));
      return;
    }
  g_assert_error (error, TD_DB_ERROR, TD_DB_GONE);
  g_assert_nonnull (strstr (error->message, "/nonexistent-td-socket-dir"));
}

/* A wrong password is told apart from an unreachable server (build-aux/pg-cluster asks the
 * roles other than its superuser for a password). */
static void
test_pg_wrong_password (void)
{
  const char *conninfo = g_getenv ("TD_TEST_PG");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) admin = NULL, db = NULL;
  g_autofree char *role = g_strdup_printf ("td_test_pw_%08x", g_random_int ());
  g_autofree char *create = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'right'", role);
  g_autofree char *drop = g_strdup_printf ("DROP ROLE %s", role);
  g_autofree char *wrong = g_strdup_printf ("%s user=%s password=wrong", conninfo, role);
  g_autofree char *right = g_strdup_printf ("%s user=%s password=right", conninfo, role);

  admin = td_db_open_postgresql (conninfo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_db_exec (admin, create), ==, TD_DB_OK);
  db = td_db_open_postgresql (wrong, &error);
  g_assert_null (db);
  g_assert_error (error, TD_DB_ERROR, TD_DB_DENIED);
  g_clear_error (&error);
  db = td_db_open_postgresql (right, &error);
  g_assert_no_error (error);
  g_clear_pointer (&db, td_db_free);
  g_assert_cmpint (td_db_exec (admin, drop), ==, TD_DB_OK);
}

static void
add_engine_tests (const char *engine, TdDbEngine which)
{
  static const struct { const char *name; void (*func) (DbFixture *, gconstpointer); } tests[] = {
    { "round-trip", test_round_trip },
    { "kept-statement", test_kept_statement },
    { "transactions", test_transactions },
    { "constraint", test_constraint },
    { "busy", test_busy },
    { "read-only", test_read_only },
    { "notify", test_notify },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      g_autofree char *path = g_strdup_printf ("/db/%s/%s", engine, tests[i].name);

      g_test_add (path, DbFixture, GINT_TO_POINTER (which), fixture_setup, tests[i].func,
                  fixture_teardown);
    }
}

int
main (int argc, char **argv)
{
  const char *pg = g_getenv ("TD_TEST_PG");

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/db/number-params", test_number_params);
  g_test_add_func ("/db/location-engine", test_location_engine);
  g_test_add_func ("/db/location-display", test_location_display);
  g_test_add_func ("/db/postgresql/unreachable", test_pg_unreachable);
  add_engine_tests ("sqlite", TD_DB_SQLITE);
  if (pg != NULL && *pg != '\0' && td_db_have_postgresql ())
    {
      add_engine_tests ("postgresql", TD_DB_POSTGRESQL);
      if (!g_str_has_prefix (pg, "postgres"))
        g_test_add_func ("/db/postgresql/wrong-password", test_pg_wrong_password);
    }
  else
    g_test_message ("TD_TEST_PG not set (or no libpq in this build): the PostgreSQL half "
                    "is not run; build-aux/dev test starts a server for it");
  return g_test_run ();
}
