/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moving an institution in and out (td_store_copy, td_store_backup of a server database;
 * issue 16), against the server TD_TEST_PG names: the demo database copied from its SQLite
 * file to the server and back keeps every row as it was (ids, chain hashes, packet bytes and
 * digests, the audit log and its seal), verify finds nothing on any side, and the server's id
 * counters go on after the copied ids.  A target that holds a database is refused, and so are
 * a server that cannot be reached and a database of a newer TrainDesk; a copy that fails
 * half-way leaves the target as it was. */
#include "config.h"

#include <glib.h>

#include "packet/td-catalog-import.h"
#include "packet/td-demo.h"
#include "packet/td-packet-verify.h"
#include "store-fixture.h"

/* The demo database in a file of the test's folder, closed. */
static char *
make_demo_file (StoreFixture *f)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (f->dir, "demo.db", NULL);
  g_autoptr (TdStore) store = sf_store_create (path);

  g_assert_true (td_catalog_import_default (store, &error));
  g_assert_no_error (error);
  g_assert_true (td_demo_fill (store, &error));
  g_assert_no_error (error);
  return path;
}

static TdStore *
open_store (const char *location)
{
  g_autoptr (GError) error = NULL;
  TdStore *store = td_store_open (location, TD_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

/* What verify says of @location (empty: nothing wrong). */
static guint
n_problems (const char *location)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = open_store (location);
  g_autoptr (GPtrArray) problems = td_verify_all (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((TdVerifyProblem *) problems->pdata[i])->message);
  return problems->len;
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static TdDb *
raw_connection (const char *location)
{
  sqlite3 *db = NULL;

  if (td_db_location_engine (location) == TD_DB_POSTGRESQL)
    return sf_server_db (location);
  g_assert_cmpint (sqlite3_open_v2 (location, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return td_db_new_sqlite (db);
}

/* Every row of every table of @columns_from's schema in @location, one line per row (each
 * value's bytes in base64, NULL apart), sorted: two databases holding the same rows with the
 * same ids, hashes and bytes give the same text, whichever engine holds them. */
static char *
dump (const char *location, const char *columns_from)
{
  g_autoptr (TdDb) db = raw_connection (location);
  g_autoptr (TdDb) schema = raw_connection (columns_from);
  g_autoptr (TdStmt) tables = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  TdDbRc rc;

  tables = td_db_prepare_once (schema, "SELECT name FROM sqlite_master WHERE type = 'table' "
                               "ORDER BY name", &rc);
  g_assert_nonnull (tables);
  while (td_stmt_step (tables) == TD_DB_ROW)
    {
      const char *table = td_stmt_text (tables, 0);
      g_autofree char *info = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s')",
                                               table);
      g_autoptr (TdStmt) cols = td_db_prepare_once (schema, info, &rc);
      g_autoptr (GString) names = g_string_new (NULL);
      g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *select = NULL;
      g_autoptr (TdStmt) rows = NULL;

      while (td_stmt_step (cols) == TD_DB_ROW)
        g_string_append_printf (names, "%s\"%s\"", names->len > 0 ? ", " : "",
                                td_stmt_text (cols, 0));
      select = g_strdup_printf ("SELECT %s FROM %s", names->str, table);
      rows = td_db_prepare_once (db, select, &rc);
      g_assert_nonnull (rows);
      while ((rc = td_stmt_step (rows)) == TD_DB_ROW)
        {
          GString *line = g_string_new (table);

          for (int c = 0; c < td_stmt_column_count (rows); c++)
            {
              gsize size = 0;
              gconstpointer bytes = td_stmt_blob (rows, c, &size);
              g_autofree char *b64 = g_base64_encode (bytes, size);

              g_string_append_printf (line, "\t%s", td_stmt_is_null (rows, c) ? "NULL" : b64);
            }
          g_ptr_array_add (lines, g_string_free (line, FALSE));
        }
      g_assert_cmpint (rc, ==, TD_DB_DONE);
      g_ptr_array_sort (lines, compare_lines);
      for (guint i = 0; i < lines->len; i++)
        g_string_append_printf (out, "%s\n", (const char *) lines->pdata[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
count_rows (const char *location, const char *sql)
{
  g_autoptr (TdDb) db = raw_connection (location);
  g_autoptr (TdStmt) stmt = NULL;
  TdDbRc rc;
  gint64 n;

  stmt = td_db_prepare_once (db, sql, &rc);
  g_assert_nonnull (stmt);
  g_assert_cmpint (td_stmt_step (stmt), ==, TD_DB_ROW);
  n = td_stmt_int64 (stmt, 0);
  return n;
}

/* The tables of the test's server schema. */
static gint64
server_tables (StoreFixture *f)
{
  return count_rows (f->path, "SELECT count(*) FROM information_schema.tables "
                              "WHERE table_schema = current_schema ()");
}

/* The test's folder holds the demo (with the -wal and -shm a read-only look left), its
 * outbox and @made (NULL: nothing else), no temporary or journal file of a copy. */
static void
assert_only_files (StoreFixture *f, const char *made)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "demo.db") && !g_str_equal (name, "traindesk-outbox")
        && g_strcmp0 (name, made) != 0)
      g_error ("%s was left in the folder", name);
}

static gboolean
copy (const char *from, const char *to, TdStoreCopyFlags flags, gint64 *rows, GError **error)
{
  g_autoptr (TdStore) source = open_store (from);

  return td_store_copy (source, to, flags, rows, NULL, error);
}

/* SQLite → server → SQLite: the same rows everywhere, verify clean everywhere. */
static void
test_round_trip (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *demo = make_demo_file (f);
  g_autofree char *back = g_build_filename (f->dir, "back.db", NULL);
  g_autofree char *want = NULL, *on_server = NULL, *in_file = NULL;
  gint64 rows = 0, rows_back = 0;

  g_assert_cmpuint (n_problems (demo), ==, 0);
  want = dump (demo, demo);
  g_assert_true (copy (demo, f->path, TD_STORE_COPY_DEFAULT, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, count_rows (demo, "SELECT (SELECT count(*) FROM institution) + "
    "(SELECT count(*) FROM setting) + (SELECT count(*) FROM catalog) + "
    "(SELECT count(*) FROM catalog_year) + (SELECT count(*) FROM catalog_day) + "
    "(SELECT count(*) FROM catalog_item) + (SELECT count(*) FROM catalog_standard) + "
    "(SELECT count(*) FROM class) + (SELECT count(*) FROM teacher) + "
    "(SELECT count(*) FROM lesson) + (SELECT count(*) FROM trainee) + "
    "(SELECT count(*) FROM enrolment) + (SELECT count(*) FROM terminal_no) + "
    "(SELECT count(*) FROM attendance) + (SELECT count(*) FROM result) + "
    "(SELECT count(*) FROM follow_up) + (SELECT count(*) FROM packet) + "
    "(SELECT count(*) FROM packet_content) + "
    "(SELECT count(*) FROM packet_issue) + (SELECT count(*) FROM claim) + "
    "(SELECT count(*) FROM claim_line) + (SELECT count(*) FROM audit) + "
    "(SELECT count(*) FROM audit_head)"));
  /* the demo has packets with their bytes, chains and a sealed audit log */
  g_assert_cmpint (count_rows (demo, "SELECT count(*) FROM packet"), >, 5);
  g_assert_cmpint (count_rows (demo, "SELECT count(*) FROM attendance"), >, 100);
  g_assert_cmpint (count_rows (demo, "SELECT count(*) FROM audit WHERE hash IS NOT NULL"), >, 10);
  on_server = dump (f->path, demo);
  g_assert_cmpstr (on_server, ==, want);
  g_assert_cmpuint (n_problems (f->path), ==, 0);

  g_assert_true (copy (f->path, back, TD_STORE_COPY_DEFAULT, &rows_back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows_back, ==, rows);
  in_file = dump (back, demo);
  g_assert_cmpstr (in_file, ==, want);
  g_assert_cmpuint (n_problems (back), ==, 0);
  /* nothing but the file: no journal, no temporary file beside it */
  assert_only_files (f, "back.db");
}

/* On the server the ids go on after the copied ones, the audit log goes on from the copied
 * seal, and the copied rows left no audit entry of their own. */
static void
test_server_goes_on (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *demo = make_demo_file (f);
  gint64 max_class = count_rows (demo, "SELECT max(id) FROM class");
  gint64 max_audit = count_rows (demo, "SELECT max(id) FROM audit");
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdClass) k = NULL;

  g_assert_true (copy (demo, f->path, TD_STORE_COPY_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT max(id) FROM audit"), ==, max_audit);
  store = open_store (f->path);
  /* who wrote the copied entries is not known on the server: not the role that opened it */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit WHERE who IS NOT NULL"),
                   ==, 0);
  k = td_store_get_class (store, max_class, &error);
  g_assert_no_error (error);
  g_assert_nonnull (k);
  g_free (k->code);
  k->code = g_strdup ("YL2026-999");
  k->id = 0;
  g_assert_true (td_store_save_class (store, k, &error));
  g_assert_no_error (error);
  g_assert_cmpint (k->id, ==, max_class + 1);
  g_assert_cmpint (count_rows (f->path, "SELECT max(id) FROM audit"), >, max_audit);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit WHERE who IS NOT NULL"),
                   ==, count_rows (f->path, "SELECT max(id) FROM audit") - max_audit);
  g_clear_object (&store);
  g_assert_cmpuint (n_problems (f->path), ==, 0);
}

/* A target that holds a database is refused, and left as it was; --replace replaces it. */
static void
test_not_empty (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *demo = make_demo_file (f);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *sum = NULL, *want = NULL;
  gint64 audit;

  /* a server database */
  g_assert_true (copy (demo, f->path, TD_STORE_COPY_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  sf_sql (f->path, "DELETE FROM packet_issue");
  audit = count_rows (f->path, "SELECT count(*) FROM audit");
  g_assert_false (copy (demo, f->path, TD_STORE_COPY_DEFAULT, NULL, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, "already holds a TrainDesk database"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit"), ==, audit);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM packet_issue"), ==, 0);
  /* replaced */
  g_assert_true (copy (demo, f->path, TD_STORE_COPY_REPLACE, NULL, &error));
  g_assert_no_error (error);
  want = dump (demo, demo);
  {
    g_autofree char *got = dump (f->path, demo);
    g_assert_cmpstr (got, ==, want);
  }

  /* a file */
  {
    g_autoptr (TdStore) store = sf_store_create (other);
  }
  sum = sf_file_sum (other);
  g_assert_false (copy (f->path, other, TD_STORE_COPY_DEFAULT, NULL, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, "already exists"));
  g_clear_error (&error);
  {
    g_autofree char *now = sf_file_sum (other);
    g_assert_cmpstr (now, ==, sum);
  }
  g_assert_true (copy (f->path, other, TD_STORE_COPY_REPLACE, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *got = dump (other, demo);
    g_assert_cmpstr (got, ==, want);
  }
}

/* A server schema with another program's tables, a newer TrainDesk's database, a server
 * that cannot be reached: refused in words, nothing written. */
static void
test_refused (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *demo = make_demo_file (f);
  g_autofree char *nowhere = g_strdup_printf ("host=%s/no-server dbname=traindesk", f->dir);
  g_autoptr (TdStore) source = open_store (demo);

  sf_sql (f->path, "CREATE TABLE class (id INTEGER)");
  g_assert_false (td_store_copy (source, f->path, TD_STORE_COPY_REPLACE, NULL, NULL, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, "tables of another program (class)"));
  g_clear_error (&error);
  g_assert_cmpint (server_tables (f), ==, 1);
  sf_sql (f->path, "DROP TABLE class");

  /* a newer TrainDesk's database is not replaced by an older one */
  g_assert_true (td_store_copy (source, f->path, TD_STORE_COPY_DEFAULT, NULL, NULL, &error));
  g_assert_no_error (error);
  sf_sql (f->path, "UPDATE traindesk SET version = 99");
  g_assert_false (td_store_copy (source, f->path, TD_STORE_COPY_REPLACE, NULL, NULL, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of TrainDesk (database version 99"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "SELECT version FROM traindesk"), ==, 99);

  /* onto itself */
  g_assert_false (td_store_copy (source, demo, TD_STORE_COPY_REPLACE, NULL, NULL, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, "is the database being copied"));
  g_clear_error (&error);
  {
    g_autoptr (TdStore) server = NULL;

    sf_sql (f->path, "UPDATE traindesk SET version = " G_STRINGIFY (TD_STORE_SCHEMA_VERSION));
    server = open_store (f->path);
    g_assert_false (td_store_copy (server, f->path, TD_STORE_COPY_REPLACE, NULL, NULL, &error));
    g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_EMPTY);
    g_clear_error (&error);
  }

  g_assert_false (td_store_copy (source, nowhere, TD_STORE_COPY_DEFAULT, NULL, NULL, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "Cannot reach the database server"));
}

/* A row the server cannot take (a word in a number's column of a late table, as another
 * program could write into an SQLite file): the copy stops there, and neither the server
 * schema nor the file target holds anything of it. */
static void
test_fails_half_way (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *demo = make_demo_file (f);
  g_autofree char *file = g_build_filename (f->dir, "copy.db", NULL);

  sf_sql (demo, "UPDATE claim_line SET amount = 'lots' WHERE id = (SELECT max(id) FROM claim_line)");
  g_assert_false (copy (demo, f->path, TD_STORE_COPY_DEFAULT, NULL, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "The table claim_line holds “lots” in its column amount, "
                   "where a whole number belongs, so nothing was copied. Correct that row and "
                   "copy again.");
  g_clear_error (&error);
  g_assert_cmpint (server_tables (f), ==, 0);

  g_assert_false (copy (demo, file, TD_STORE_COPY_DEFAULT, NULL, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  assert_only_files (f, NULL);
}

/* A backup of a server database is an SQLite file that opens anywhere with the same rows;
 * one that fails (cancelled) leaves the previous backup as it was. */
static void
test_backup (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *demo = make_demo_file (f);
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *want = dump (demo, demo);
  g_autofree char *sum = NULL;
  g_autoptr (GCancellable) cancel = g_cancellable_new ();
  g_autoptr (TdStore) store = NULL;

  g_assert_true (copy (demo, f->path, TD_STORE_COPY_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  store = open_store (f->path);
  g_assert_true (td_store_backup (store, backup, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *got = dump (backup, demo);
    g_assert_cmpstr (got, ==, want);
  }
  g_assert_cmpuint (n_problems (backup), ==, 0);
  /* again over it: replaced; cancelled: left */
  g_assert_true (td_store_backup (store, backup, NULL, &error));
  g_assert_no_error (error);
  sum = sf_file_sum (backup);
  g_cancellable_cancel (cancel);
  g_assert_false (td_store_backup (store, backup, cancel, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  {
    g_autofree char *now = sf_file_sum (backup);
    g_assert_cmpstr (now, ==, sum);
  }
  assert_only_files (f, "backup.db");
}

/* traindesk-cli @args…, its status, output and errors. */
static int
cli (char **out, char **err, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TD_CLI"));
  for (int i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &wait_status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (wait_status, &error))
    return 0;
  g_assert_true (error->domain == G_SPAWN_EXIT_ERROR);
  return error->code;
}
#define CLI(out, err, ...) cli (out, err, (const char *const[]) { __VA_ARGS__, NULL })

/* The verbs as a user runs them against a server: copy --to, refused the second time (with
 * the way on), --from into a new file, backup of the server database. */
static void
test_cli (StoreFixture *f, gconstpointer data)
{
  g_autofree char *demo = make_demo_file (f);
  g_autofree char *back = g_build_filename (f->dir, "back.db", NULL);
  g_autofree char *saved = g_build_filename (f->dir, "saved.db", NULL);
  g_autofree char *want = dump (demo, demo);
  g_autofree char *backed = g_strdup_printf ("Backed up to %s\n", saved);
  g_autofree char *o1 = NULL, *e1 = NULL, *o2 = NULL, *e2 = NULL, *o3 = NULL, *e3 = NULL;
  g_autofree char *o4 = NULL, *e4 = NULL, *got = NULL;
  const char *done = "^Copied .+ to .+: [0-9]+ rows, with their ids, the attendance chains, "
                     "the packets and the audit log as they were\\.\n$";

  g_assert_cmpint (CLI (&o1, &e1, "--db", demo, "copy", "--to", f->path), ==, 0);
  g_assert_true (g_regex_match_simple (done, o1, 0, 0));
  g_assert_cmpint (CLI (&o2, &e2, "--db", demo, "copy", "--to", f->path), ==, 1);
  g_assert_cmpstr (o2, ==, "");
  g_assert_true (g_str_has_prefix (e2, "The server database "));
  g_assert_true (g_str_has_suffix (e2, " already holds a TrainDesk database, so nothing was "
                                   "copied into it. Copy into an empty database, or replace "
                                   "that one.\nTo replace it, and lose what it holds, add "
                                   "--replace.\n"));
  g_assert_cmpint (CLI (&o3, &e3, "--db", back, "copy", "--from", f->path), ==, 0);
  g_assert_true (g_regex_match_simple (done, o3, 0, 0));
  got = dump (back, demo);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpint (CLI (&o4, &e4, "--db", f->path, "backup", saved), ==, 0);
  g_assert_cmpstr (o4, ==, backed);
  g_clear_pointer (&got, g_free);
  got = dump (saved, demo);
  g_assert_cmpstr (got, ==, want);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (sf_server () != NULL)
    {
      SF_ADD_EMPTY ("/copy/round-trip", test_round_trip);
      SF_ADD_EMPTY ("/copy/server-goes-on", test_server_goes_on);
      SF_ADD_EMPTY ("/copy/not-empty", test_not_empty);
      SF_ADD_EMPTY ("/copy/refused", test_refused);
      SF_ADD_EMPTY ("/copy/fails-half-way", test_fails_half_way);
      SF_ADD_EMPTY ("/copy/backup", test_backup);
      SF_ADD_EMPTY ("/copy/cli", test_cli);
    }
  return g_test_run ();
}
