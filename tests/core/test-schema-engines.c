/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema a server database gets (src/core/td-store-schema-pg.c) is SQLite's at the same
 * version: the same tables, the same columns in the same order with the same kind of value
 * and the same "may be empty", the same indexes.  Needs a server (TD_TEST_PG). */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "../td-test-dir.h"
#include "core/td-db.h"
#include "core/td-store-private.h"

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* "table pos column TYPE null|not-null" for every column, then "index NAME", sorted. */
static char *
join_sorted (GPtrArray *lines)
{
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static char *
sqlite_schema (const char *path)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name FROM sqlite_master WHERE "
                                       "name NOT LIKE 'sqlite_%' AND sql IS NOT NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (strcmp (type, "table") == 0)
        g_ptr_array_add (tables, g_strdup (name));
      else if (strcmp (type, "index") == 0)
        g_ptr_array_add (lines, g_strdup_printf ("index %s", name));
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)",
                                              (char *) tables->pdata[i]);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (lines, g_strdup_printf (
          "%s %02d %s %s %s", (char *) tables->pdata[i], sqlite3_column_int (stmt, 0),
          sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
          /* a primary key is never empty (SQLite's table_info does not say so) */
          sqlite3_column_int (stmt, 3) || sqlite3_column_int (stmt, 5) ? "not-null" : "null"));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return join_sorted (lines);
}

static const char *
sqlite_type (const char *pg_type)
{
  if (strcmp (pg_type, "bigint") == 0)
    return "INTEGER";
  if (strcmp (pg_type, "text") == 0)
    return "TEXT";
  if (strcmp (pg_type, "bytea") == 0)
    return "BLOB";
  return pg_type;
}

static char *
pg_schema (TdDb *db, const char *schema)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (TdStmt) stmt = td_db_prepare_once (db,
    "SELECT table_name, ordinal_position, column_name, data_type, is_nullable "
    "FROM information_schema.columns WHERE table_schema = ?1 AND table_name <> 'traindesk'",
    NULL);
  g_autoptr (TdStmt) indexes = td_db_prepare_once (db,
    "SELECT indexname FROM pg_indexes WHERE schemaname = ?1 "
    "AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key'", NULL);

  g_assert_nonnull (stmt);
  g_assert_nonnull (indexes);
  td_stmt_bind_text (stmt, 1, schema);
  while (td_stmt_step (stmt) == TD_DB_ROW)
    g_ptr_array_add (lines, g_strdup_printf (
      "%s %02d %s %s %s", td_stmt_text (stmt, 0), (int) td_stmt_int64 (stmt, 1) - 1,
      td_stmt_text (stmt, 2), sqlite_type (td_stmt_text (stmt, 3)),
      strcmp (td_stmt_text (stmt, 4), "NO") == 0 ? "not-null" : "null"));
  td_stmt_bind_text (indexes, 1, schema);
  while (td_stmt_step (indexes) == TD_DB_ROW)
    g_ptr_array_add (lines, g_strdup_printf ("index %s", td_stmt_text (indexes, 0)));
  return join_sorted (lines);
}

static gint64
pg_int (TdDb *db, const char *sql)
{
  g_autoptr (TdStmt) stmt = td_db_prepare_once (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (td_stmt_step (stmt), ==, TD_DB_ROW);
  return td_stmt_int64 (stmt, 0);
}

static void
test_same_schema (void)
{
  const char *conninfo = g_getenv ("TD_TEST_PG");
  g_autofree char *dir = NULL, *path = NULL, *lite = NULL, *server = NULL;
  g_autofree char *schema = g_strdup_printf ("td_test_schema_%08x", g_random_int ());
  g_autofree char *create = g_strdup_printf ("CREATE SCHEMA %s; SET search_path = %s",
                                             schema, schema);
  g_autofree char *drop = g_strdup_printf ("DROP SCHEMA %s CASCADE", schema);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdDb) db = NULL;
  int version = 0;
  const char *sql = td_store_pg_schema_sql (&version);

  if (conninfo == NULL || *conninfo == '\0' || !td_db_have_postgresql ())
    {
      g_test_skip ("needs a PostgreSQL server: TD_TEST_PG (build-aux/dev test starts one)");
      return;
    }
  dir = td_test_make_dir ("td-schema-XXXXXX");
  path = g_build_filename (dir, "traindesk.db", NULL);
  store = td_store_create_at_version (path, version, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  lite = sqlite_schema (path);

  db = td_db_open_postgresql (conninfo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_db_exec (db, create), ==, TD_DB_OK);
  if (td_db_exec (db, sql) != TD_DB_OK)
    g_error ("the PostgreSQL schema: %s", td_db_message (db));
  server = pg_schema (db, schema);
  g_assert_cmpstr (server, ==, lite);
  g_assert_cmpint (pg_int (db, "SELECT version FROM traindesk"), ==, version);
  g_assert_cmpint (pg_int (db, "SELECT application_id FROM traindesk"), ==,
                   TD_STORE_APPLICATION_ID);
  /* ids are numbered by the server as SQLite numbers its rowids */
  g_assert_cmpint (pg_int (db, "INSERT INTO trainee (id_number, name, gender, birth_date, "
                               "phone, education, household_region) VALUES ('x', 'y', 1, "
                               "'1990-01-01', '1', '1', '371502') RETURNING id"), ==, 1);
  g_assert_cmpint (td_db_exec (db, drop), ==, TD_DB_OK);
  td_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schema-engines/same-schema", test_same_schema);
  return g_test_run ();
}
