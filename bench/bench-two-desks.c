/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two desks on one PostgreSQL server (issue 16): each records 5,000 attendance records
 * into the same class at once (the morning and the afternoon lessons of 50 days, 100
 * trainees), record by record (each its own transaction, as at a sign-in
 * desk), on a connection of its own in a thread of its own.  A third desk watches, as a
 * page does (td_store_watch_other_desks: LISTEN/NOTIFY, looked at every half second), and
 * reads how many records it sees at each ::changed.  Prints the throughput (records/s, both
 * desks together and each) and the time from a record's commit until the watching desk sees
 * it (median, 95th percentile, the largest).
 * The server is the one TD_TEST_PG names (bench/run starts a throwaway one with
 * build-aux/pg-cluster); without one it says why and skips.  The class lives in a schema of
 * its own, dropped at the end. */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "core/td-db.h"
#include "bench-util.h"

#define N_TRAINEES 100
#define N_LESSONS 100           /* desk one records the morning lessons, desk two the
                                 * afternoon ones (two rooms), both in time order */
#define PER_DESK (N_TRAINEES * N_LESSONS / 2)
#define N_RECORDS (2 * PER_DESK)

typedef struct
{
  const char *location;
  gint64 class_id;
  GPtrArray *lessons;           /* TdLesson* */
  gint64 *trainees;
  gint64 *commit_times;         /* N_RECORDS: when each record (in commit order) was stored */
  gint n_committed;             /* atomic */
} Shared;

typedef struct
{
  Shared *shared;
  int first_lesson;             /* 0 or 1: then every second one */
  gint64 started, ended;
} Desk;

/* One desk: its half of the lessons, every trainee, one record per transaction.  (The
 * pending part of a chain is kept in lesson order: a record for an earlier lesson than
 * records already pending renumbers those after it.) */
static gpointer
record (gpointer data)
{
  Desk *d = data;
  Shared *s = d->shared;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = td_store_open (s->location, TD_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  d->started = g_get_monotonic_time ();
  for (int l = d->first_lesson; l < N_LESSONS; l += 2)
    for (int t = 0; t < N_TRAINEES; t++)
      {
        const TdLesson *lesson = g_ptr_array_index (s->lessons, l);

        if (!td_store_record_attendance (store, s->class_id, lesson->id, s->trainees[t], 'P',
                                         lesson->start, lesson->end, "FACE", &error))
          g_error ("%s", error->message);
        s->commit_times[g_atomic_int_add (&s->n_committed, 1)] = g_get_monotonic_time ();
      }
  d->ended = g_get_monotonic_time ();
  return NULL;
}

typedef struct
{
  Shared *shared;
  TdStore *store;               /* the watching desk */
  GMainLoop *loop;
  GArray *latencies;            /* double, ms, one per record seen */
  gint64 seen;                  /* records seen so far (they are seen in commit order) */
} Watcher;

static void
on_changed (TdStore *store, const char *table, gint64 row, gpointer data)
{
  Watcher *w = data;
  g_auto (TdPendingAttendance) pending = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 now = g_get_monotonic_time ();

  if (g_strcmp0 (table, "attendance") != 0)
    return;
  if (!td_store_get_pending_attendance (store, w->shared->class_id, &pending, &error))
    g_error ("%s", error->message);
  for (; w->seen < (gint64) pending.n_pending && w->seen < N_RECORDS; w->seen++)
    {
      gint64 at = w->shared->commit_times[w->seen];

      /* 0: committed, but its desk had not yet noted the time (a few microseconds) */
      if (at != 0)
        {
          double ms = (now - at) / 1000.0;

          g_array_append_val (w->latencies, ms);
        }
    }
  if (w->seen >= N_RECORDS)
    g_main_loop_quit (w->loop);
}

static char *
schema_location (const char *server, const char *schema)
{
  if (g_str_has_prefix (server, "postgres"))
    return g_strdup_printf ("%s%soptions=-csearch_path%%3D%s", server,
                            strchr (server, '?') != NULL ? "&" : "?", schema);
  return g_strdup_printf ("%s options='-csearch_path=%s'", server, schema);
}

static void
exec_or_die (const char *server, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_open_postgresql (server, &error);

  if (db == NULL)
    g_error ("%s", error->message);
  if (td_db_exec (db, sql) != TD_DB_OK)
    g_error ("%s: %s", sql, td_db_message (db));
}

int
main (int argc, char **argv)
{
  const char *server = g_getenv ("TD_TEST_PG");
  g_autoptr (GError) error = NULL;
  g_autofree char *schema = NULL, *location = NULL, *create = NULL, *drop = NULL;
  g_autoptr (TdStore) setup = NULL;
  g_autoptr (TdClass) klass = NULL;
  g_autoptr (GPtrArray) lessons = NULL;
  g_autofree gint64 *trainees = NULL;
  g_autofree gint64 *commit_times = g_new0 (gint64, N_RECORDS);
  g_autoptr (GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Shared shared = { 0 };
  Desk one = { &shared, 0 }, two = { &shared, 1 };
  Watcher watcher = { &shared, NULL, loop, latencies, 0 };
  GThread *t1, *t2;
  gint64 started, ended;
  double wall, *lat;
  guint n;

  setlocale (LC_ALL, "");
  if (!td_db_have_postgresql ())
    {
      printf ("two desks: skipped (built without libpq)\n");
      return 0;
    }
  if (server == NULL || *server == '\0')
    {
      printf ("two desks: skipped (no PostgreSQL server: TD_TEST_PG is not set; bench/run "
              "starts one with build-aux/pg-cluster when initdb is installed)\n");
      return 0;
    }
  g_setenv ("TD_TODAY", "2026-06-30", TRUE);
  schema = g_strdup_printf ("bench_two_desks_%08x", g_random_int ());
  create = g_strdup_printf ("CREATE SCHEMA %s", schema);
  drop = g_strdup_printf ("DROP SCHEMA %s CASCADE", schema);
  exec_or_die (server, create);
  location = schema_location (server, schema);
  setup = td_store_open (location, TD_STORE_OPEN_CREATE, &error);
  if (setup == NULL)
    g_error ("%s", error->message);
  klass = bench_add_class (setup, "BENCH-DESKS", "2026-03-02", "2026-05-31", 0);
  lessons = bench_add_lessons (setup, klass->id, "2026-03-02", N_LESSONS);
  trainees = bench_enrol (setup, klass->id, N_TRAINEES, "2026-02-20");
  g_clear_object (&setup);

  shared.location = location;
  shared.class_id = klass->id;
  shared.lessons = lessons;
  shared.trainees = trainees;
  shared.commit_times = commit_times;
  watcher.store = td_store_open (location, TD_STORE_OPEN_DEFAULT, &error);
  if (watcher.store == NULL)
    g_error ("%s", error->message);
  td_store_watch_other_desks (watcher.store);
  g_signal_connect (watcher.store, "changed", G_CALLBACK (on_changed), &watcher);

  started = g_get_monotonic_time ();
  t1 = g_thread_new ("desk-one", record, &one);
  t2 = g_thread_new ("desk-two", record, &two);
  g_main_loop_run (loop);
  g_thread_join (t1);
  g_thread_join (t2);
  ended = MAX (one.ended, two.ended);
  g_clear_object (&watcher.store);

  wall = (ended - started) / 1e6;
  printf ("two desks (load %.1f): %d attendance records into one class at once, one "
          "transaction each, on PostgreSQL\n", bench_load_average (), N_RECORDS);
  printf ("  together %.0f records/s (%.2f s); desk one %.0f/s, desk two %.0f/s\n",
          N_RECORDS / wall, wall, PER_DESK / ((one.ended - one.started) / 1e6),
          PER_DESK / ((two.ended - two.started) / 1e6));
  n = latencies->len;
  lat = (double *) (void *) latencies->data;
  if (n > 0)
    {
      double median = bench_median (lat, (int) n);   /* sorts them */

      printf ("  seen by a third desk's page (::changed, LISTEN/NOTIFY looked at every 0.5 s): "
              "median %.0f ms, 95%% %.0f ms, largest %.0f ms after the commit (goal < 1 s)\n",
              median, lat[(guint) (n * 95 / 100)], lat[n - 1]);
    }
  exec_or_die (server, drop);
  return 0;
}
