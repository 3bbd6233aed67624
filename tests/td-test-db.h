/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where a test's database lives, on either engine, written once for the store suites
 * (tests/core/store-fixture.h) and the packet suites.
 *
 * A suite that opens a TdStore runs twice (see tests/meson.build): on SQLite, and with
 * TD_TEST_ENGINE=postgresql on the PostgreSQL server TD_TEST_PG names (build-aux/pg-cluster
 * starts one; without one that run has no tests).  On the server every test's database is a
 * schema of its own: td_test_db_new () makes it and gives its location, td_test_db_drop ()
 * removes it.  td_test_db_sql () runs SQL there (or in the SQLite file) as another program
 * would. */
#pragma once

#include <glib.h>
#include <sqlite3.h>
#include <string.h>

#include "core/td-db.h"

/* Whether this run is the one on PostgreSQL. */
static inline gboolean
td_test_on_server (void)
{
  return g_strcmp0 (g_getenv ("TD_TEST_ENGINE"), "postgresql") == 0;
}

/* The server of this run (NULL: on SQLite, or no server to run on). */
static inline const char *
td_test_server (void)
{
  const char *pg = g_getenv ("TD_TEST_PG");

  return td_test_on_server () && pg != NULL && *pg != '\0' && td_db_have_postgresql () ? pg
                                                                                         : NULL;
}

/* Whether the tests that open a store run at all in this run. */
#define TD_TEST_DB_RUNS() (!td_test_on_server () || td_test_server () != NULL)

/* A connection of the test's own to a server location. */
static inline TdDb *
td_test_server_db (const char *location)
{
  g_autoptr (GError) error = NULL;
  TdDb *db = td_db_open_postgresql (location, &error);

  g_assert_no_error (error);
  return db;
}

/* @server with its search_path set to @schema (keyword string or URI). */
static inline char *
td_test_server_location (const char *server, const char *schema)
{
  if (g_str_has_prefix (server, "postgres"))
    return g_strdup_printf ("%s%soptions=-csearch_path%%3D%s", server,
                            strchr (server, '?') != NULL ? "&" : "?", schema);
  return g_strdup_printf ("%s options='-csearch_path=%s'", server, schema);
}

/* The location of a new, not yet created database: the file @name in @dir on SQLite; on the
 * server an empty schema of its own, its name in *@schema (else NULL) for td_test_db_drop. */
static inline char *
td_test_db_new (const char *dir, const char *name, char **schema)
{
  g_autoptr (TdDb) db = NULL;
  g_autofree char *sql = NULL;

  *schema = NULL;
  if (td_test_server () == NULL)
    return g_build_filename (dir, name, NULL);
  db = td_test_server_db (td_test_server ());
  *schema = g_strdup_printf ("td_test_%08x%08x", g_random_int (), g_random_int ());
  sql = g_strdup_printf ("CREATE SCHEMA %s", *schema);
  g_assert_cmpint (td_db_exec (db, sql), ==, TD_DB_OK);
  return td_test_server_location (td_test_server (), *schema);
}

/* Drops the schema td_test_db_new () made (nothing for NULL) and frees its name. */
static inline void
td_test_db_drop (char *schema)
{
  g_autoptr (TdDb) db = NULL;
  g_autofree char *sql = NULL;

  if (schema == NULL)
    return;
  db = td_test_server_db (td_test_server ());
  sql = g_strdup_printf ("DROP SCHEMA %s CASCADE", schema);
  g_assert_cmpint (td_db_exec (db, sql), ==, TD_DB_OK);
  g_free (schema);
}

/* Runs SQL in the database at @location on a connection of its own, as another program
 * would. */
static inline void
td_test_db_sql (const char *location, const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;
  int rc;

  if (td_db_location_engine (location) == TD_DB_POSTGRESQL)
    {
      g_autoptr (TdDb) server = td_test_server_db (location);

      if (td_db_exec (server, sql) != TD_DB_OK)
        g_error ("%s: %s", sql, td_db_message (server));
      return;
    }
  rc = sqlite3_open_v2 (location, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  rc = sqlite3_exec (db, sql, NULL, NULL, &msg);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
  sqlite3_close (db);
}

/* One integer from a query on a connection of its own (-1 without a row). */
static inline gint64
td_test_db_int (const char *location, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (td_db_location_engine (location) == TD_DB_POSTGRESQL)
    {
      g_autoptr (TdDb) server = td_test_server_db (location);
      g_autoptr (TdStmt) query = td_db_prepare_once (server, sql, NULL);

      if (query == NULL)
        g_error ("%s: %s", sql, td_db_message (server));
      if (td_stmt_step (query) == TD_DB_ROW)
        value = td_stmt_int64 (query, 0);
      return value;
    }
  g_assert_cmpint (sqlite3_open_v2 (location, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}
