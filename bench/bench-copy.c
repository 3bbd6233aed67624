/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moving an institution (td_store_copy, issue 16): the demo database with ROWS more audit
 * entries (an institution some years in) copied file → file, and when TD_TEST_PG names a
 * server (build-aux/pg-cluster start DIR prints one) file → server and server → file.
 * Prints the rows, the seconds and the rows a second of each, with the machine's load.
 *   bench-copy [ROWS]   (default 100000) */
#define G_LOG_DOMAIN "td-bench"

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "core/td-db.h"
#include "core/td-store.h"
#include "packet/td-catalog-import.h"
#include "packet/td-demo.h"
#include "bench-util.h"

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

/* The demo in @path, and @rows audit entries of attendance added behind it. */
static void
make_source (const char *path, int rows)
{
  GError *error = NULL;
  g_autoptr (TdStore) store = td_store_open (path, TD_STORE_OPEN_CREATE, &error);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  check (store != NULL, error);
  check (td_catalog_import_default (store, &error), error);
  check (td_demo_fill (store, &error), error);
  g_clear_object (&store);
  sql = g_strdup_printf ("WITH RECURSIVE n (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
                         "WHERE x < %d) INSERT INTO audit (at, tbl, row, op, new) SELECT "
                         "'2026-01-05T08:00:00', 'attendance', x, 'insert', '{\"class_id\":1,"
                         "\"seq\":' || x || ',\"status\":\"P\",\"hours\":4,\"method\":\"FACE\"}' "
                         "FROM n", rows);
  if (sqlite3_open (path, &db) != SQLITE_OK
      || sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_close (db);
}

static void
timed_copy (const char *what, const char *from, const char *to)
{
  GError *error = NULL;
  g_autoptr (TdStore) source = td_store_open (from, TD_STORE_OPEN_DEFAULT, &error);
  gint64 rows = 0, start;
  double seconds;

  check (source != NULL, error);
  start = g_get_monotonic_time ();
  check (td_store_copy (source, to, TD_STORE_COPY_DEFAULT, &rows, NULL, &error), error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  printf ("copy %-16s %8" G_GINT64_FORMAT " rows  %6.2f s  %8.0f rows/s  (load %.2f)\n", what,
          rows, seconds, rows / seconds, bench_load_average ());
}

int
main (int argc, char **argv)
{
  int rows = argc > 1 ? atoi (argv[1]) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("td-bench-copy-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (dir, "source.db", NULL);
  g_autofree char *file = g_build_filename (dir, "file.db", NULL);
  g_autofree char *back = g_build_filename (dir, "back.db", NULL);
  g_autofree char *outbox = g_build_filename (dir, "traindesk-outbox", NULL);
  const char *server = g_getenv ("TD_TEST_PG");

  make_source (source, rows);
  timed_copy ("file → file", source, file);
  if (server != NULL && *server != '\0' && td_db_have_postgresql ())
    {
      GError *error = NULL;
      g_autofree char *schema = g_strdup_printf ("td_bench_%08x", g_random_int ());
      g_autofree char *create = g_strdup_printf ("CREATE SCHEMA %s", schema);
      g_autofree char *drop = g_strdup_printf ("DROP SCHEMA %s CASCADE", schema);
      /* a URI or libpq keywords, with the schema first on the search path */
      g_autofree char *location = g_str_has_prefix (server, "postgres")
        ? g_strdup_printf ("%s%soptions=-csearch_path%%3D%s", server,
                           strchr (server, '?') != NULL ? "&" : "?", schema)
        : g_strdup_printf ("%s options='-csearch_path=%s'", server, schema);
      g_autoptr (TdDb) db = td_db_open_postgresql (server, &error);

      check (db != NULL && td_db_exec (db, create) == TD_DB_OK, error);
      timed_copy ("file → server", source, location);
      timed_copy ("server → file", location, back);
      td_db_exec (db, drop);
    }
  else
    printf ("copy to and from a server: TD_TEST_PG names none, not measured\n");
  bench_remove_db (source);
  bench_remove_db (file);
  bench_remove_db (back);
  {
    g_autoptr (GDir) d = g_dir_open (outbox, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (outbox, name, NULL);
        g_remove (path);
      }
  }
  g_rmdir (outbox);
  g_rmdir (dir);
  return 0;
}
