/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Several desks at once as separate programs (issue 16): each desk is a process of its own
 * (desk-process, spawned twice), not a thread, on the test's database — an SQLite file, or
 * in the -pg run a schema on the PostgreSQL server.  The processes are lined up by what they
 * say on their output, so what the tests check holds however the two interleave:
 *  - two processes appending attendance into one class: one chain, every record in it,
 *    verify passes (the store's and traindesk-cli's);
 *  - two processes editing the same class (person): the second save is refused with
 *    "changed on another desk", the first one's change stays;
 *  - an export racing a process that records: one packet, or the export refused; every
 *    record ends up in exactly one packet, none lost;
 *  - a process killed while it exports (its packet logged "writing", its file not yet in
 *    place, or just put in place): the next desk to open settles it and exports the batch
 *    once; on a server, an export still running is left alone by a desk that opens. */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "../td-test-db.h"
#include "export-fixture.h"
#include "packet/td-export.h"

typedef struct
{
  GSubprocess *proc;
  GDataInputStream *out;
  GOutputStream *in;
} Desk;

static Desk *
desk_spawn (Fixture *f, const char *const *args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  Desk *d = g_new0 (Desk, 1);

  g_ptr_array_add (argv, (gpointer) g_getenv ("TD_DESK_PROCESS"));
  g_ptr_array_add (argv, (gpointer) td_store_get_path (f->store));
  for (; *args != NULL; args++)
    g_ptr_array_add (argv, (gpointer) *args);
  g_ptr_array_add (argv, NULL);
  d->proc = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                               &error);
  g_assert_no_error (error);
  d->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (d->proc));
  d->in = g_subprocess_get_stdin_pipe (d->proc);
  return d;
}

/* The desk's next line (the test fails when it ends without one). */
static char *
desk_hear (Desk *d)
{
  g_autoptr (GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (d->out, NULL, NULL, &error);

  g_assert_no_error (error);
  if (line == NULL)
    {
      /* what it said on stderr is in the test's log */
      g_subprocess_wait (d->proc, NULL, NULL);
      g_error ("a desk process ended without a word (exit status %d)",
               g_subprocess_get_if_exited (d->proc) ? g_subprocess_get_exit_status (d->proc)
                                                    : -1);
    }
  return line;
}

static void
desk_expect (Desk *d, const char *word)
{
  g_autofree char *line = desk_hear (d);

  g_assert_cmpstr (line, ==, word);
}

static void
desk_tell (Desk *d, const char *word)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *line = g_strconcat (word, "\n", NULL);

  g_assert_true (g_output_stream_write_all (d->in, line, strlen (line), NULL, NULL, &error));
  g_assert_true (g_output_stream_flush (d->in, NULL, &error));
  g_assert_no_error (error);
}

/* Waits for the desk to end, asserts it ended well, and frees it. */
static void
desk_finish (Desk *d)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (g_subprocess_wait (d->proc, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (d->proc));
  g_assert_cmpint (g_subprocess_get_exit_status (d->proc), ==, 0);
  g_object_unref (d->out);
  g_object_unref (d->proc);
  g_free (d);
}

/* Kills the desk (as a crash or the task manager would) and frees it. */
static void
desk_kill (Desk *d)
{
  g_subprocess_force_exit (d->proc);
  g_assert_true (g_subprocess_wait (d->proc, NULL, NULL));
  g_assert_false (g_subprocess_get_if_exited (d->proc) && g_subprocess_get_exit_status (d->proc)
                  == 0);
  g_object_unref (d->out);
  g_object_unref (d->proc);
  g_free (d);
}

/* On a server: waits until the server has seen a killed desk's connection end, i.e. until
 * the lock its export of @packet_id held (td_store_export_lock_take) is free — taken here
 * on a connection of the test's own, which lets it go at once. */
static void
wait_until_export_gone (Fixture *f, const char *packet_id)
{
  g_autofree char *sql = NULL;

  if (!td_test_on_server ())
    return;   /* a file's locks went with the process */
  sql = g_strdup_printf ("SELECT pg_advisory_lock (1413770034, hashtext (current_schema () "
                         "|| ' ' || '%s'))", packet_id);
  td_test_db_sql (td_store_get_path (f->store), sql);
}

static void
accept_packet (Fixture *f, const char *packet_id, const char *issued)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (td_store_set_packet_receipt (f->store, packet_id, TD_PACKET_ACCEPTED, issued,
                                              issued, NULL, -1, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* `traindesk-cli --db LOCATION verify` passes, but for the @n_by_hand packets this test
 * marked accepted without a bureau receipt (verify names those, and only those). */
static void
assert_cli_verifies (Fixture *f, guint n_by_hand)
{
  const char *argv[] = { g_getenv ("TD_CLI"), "--db", td_store_get_path (f->store), "verify",
                         NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_problems = 0;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (n_by_hand == 0)
    {
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("verify failed:\n%s%s", out, err);
      return;
    }
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], " is marked ") != NULL)
      {
        if (strstr (lines[i], "holds no receipt from the bureau") == NULL)
          g_error ("verify failed:\n%s%s", out, err);
        n_problems++;
      }
    else if (*lines[i] != '\0' && !g_str_has_suffix (lines[i], "problems found."))
      g_error ("verify failed:\n%s%s", out, err);
  g_assert_cmpuint (n_problems, ==, n_by_hand);
}

static void
assert_verifies (Fixture *f, guint n_by_hand)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = td_store_verify (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((TdVerifyProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_cli_verifies (f, n_by_hand);
}

/* Two processes record lessons 1-4 and 5-8 of the class, three rounds each, at once (a
 * pending record recorded again is changed in place and the pending chain recomputed): the
 * chain holds the 8 × 3 records numbered 1 … 24, each as its last round left it, and
 * verifies. */
static void
test_appends_at_once (Fixture *f, gconstpointer data)
{
  g_autofree char *class_id = g_strdup_printf ("%" G_GINT64_FORMAT, f->klass->id);
  const char *first[] = { "append", class_id, "0", "4", "3", NULL };
  const char *second[] = { "append", class_id, "4", "4", "3", NULL };
  Desk *a = desk_spawn (f, first), *b = desk_spawn (f, second);
  g_autoptr (GPtrArray) chain = NULL;
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (GError) error = NULL;

  desk_expect (a, "ready");
  desk_expect (b, "ready");
  desk_tell (a, "go");
  desk_tell (b, "go");
  desk_expect (a, "done 36");
  desk_expect (b, "done 36");
  desk_finish (a);
  desk_finish (b);

  chain = td_store_list_chain (f->store, f->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, ==, 24);
  for (guint i = 0; i < chain->len; i++)
    g_assert_cmpint (((TdAttendance *) g_ptr_array_index (chain, i))->seq, ==, i + 1);
  /* the last round of each (present) is what stands, for all 8 lessons × 3 trainees */
  current = td_store_list_attendance (f->store, f->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (current->len, ==, 24);
  for (guint i = 0; i < current->len; i++)
    g_assert_cmpint (((TdAttendance *) g_ptr_array_index (current, i))->status, ==, 'P');
  assert_verifies (f, 0);
}

/* Two processes have the same class open; the first saves, the second's save is refused with
 * the words the form shows, and the first one's title stands.  The same for a person. */
static void
test_conflicting_edits (Fixture *f, gconstpointer data)
{
  g_autofree char *class_id = g_strdup_printf ("%" G_GINT64_FORMAT, f->klass->id);
  g_autofree char *trainee_id = g_strdup_printf ("%" G_GINT64_FORMAT, f->trainees[0]);
  const char *first[] = { "edit-class", class_id, "甲工作台的名称", NULL };
  const char *second[] = { "edit-class", class_id, "乙工作台的名称", NULL };
  const char *person_a[] = { "edit-trainee", trainee_id, "13906351111", NULL };
  const char *person_b[] = { "edit-trainee", trainee_id, "13906352222", NULL };
  Desk *a = desk_spawn (f, first), *b = desk_spawn (f, second);
  g_autofree char *refused = NULL;
  g_autoptr (TdClass) k = NULL;
  g_autoptr (TdTrainee) t = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("refused %s was changed on another desk (",
                                               FIX_CLASS);

  desk_expect (a, "read");
  desk_expect (b, "read");
  desk_tell (a, "save");
  desk_expect (a, "saved");
  desk_tell (b, "save");
  refused = desk_hear (b);
  g_assert_true (g_str_has_prefix (refused, expected));
  g_assert_nonnull (strstr (refused, "Reload it and make them again."));
  desk_finish (a);
  desk_finish (b);
  k = td_store_get_class (f->store, f->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (k->title, ==, "甲工作台的名称");

  a = desk_spawn (f, person_a);
  b = desk_spawn (f, person_b);
  desk_expect (a, "read");
  desk_expect (b, "read");
  desk_tell (b, "save");
  desk_expect (b, "saved");
  desk_tell (a, "save");
  g_clear_pointer (&refused, g_free);
  refused = desk_hear (a);
  g_assert_true (g_str_has_prefix (refused, "refused "));
  g_assert_nonnull (strstr (refused, " was changed on another desk ("));
  desk_finish (a);
  desk_finish (b);
  t = td_store_get_trainee (f->store, f->trainees[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (t->phone, ==, "13906352222");
  assert_verifies (f, 0);
}

/* How many records the packet's file carries. */
static guint
records_in_file (const char *path)
{
  g_autofree char *text = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (const char *p = text; (p = strstr (p, "<Record ")) != NULL; p++)
    n++;
  return n;
}

/* How many records the store marks as sent in @packet_id. */
static gint64
records_marked (Fixture *f, const char *packet_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM attendance WHERE packet_id = "
                                          "'%s'", packet_id);

  return td_test_db_int (td_store_get_path (f->store), sql);
}

/* Whether the packet file at @path carries @r as it stands (status, sign-in) in its lesson's
 * session. */
static gboolean
file_carries (const char *path, const TdAttendance *r)
{
  g_autofree char *text = NULL;
  g_autofree char *session = g_strdup_printf ("<Session lesson=\"%s\"", r->lid);
  g_autofree char *record = g_strdup_printf ("<Record id=\"%s\" status=\"%c\" in=\"%s\"",
                                             r->id_number, r->status, r->time_in);
  char *start, *end;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  start = strstr (text, session);
  if (start == NULL)
    return FALSE;
  end = strstr (start, "</Session>");
  g_assert_nonnull (end);
  *end = '\0';
  return strstr (start, record) != NULL;
}

/* A process exports the pending attendance (lessons 1-2) while another records lessons 1-4
 * twice over (changing lessons 1-2's records, adding 3-4's): the export gives one packet or
 * is refused whole.  Once the rest is exported, no record is left unsent, each file carries
 * what its packet marks, and every record as it now stands is in the packet that carried
 * it: no change was lost. */
static void
test_export_races_an_edit (Fixture *f, gconstpointer data)
{
  g_autofree char *class_id = g_strdup_printf ("%" G_GINT64_FORMAT, f->klass->id);
  const char *exporter[] = { "export", FIX_CLASS, "2026-03-03T18:00:00+08:00", NULL };
  const char *recorder[] = { "append", class_id, "0", "4", "2", NULL };
  g_autoptr (GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        g_free);
  Desk *x, *r;
  g_autofree char *said = NULL;
  g_autoptr (TdExportResult) rest = NULL;
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  g_autoptr (GError) error = NULL;
  GHashTableIter iter;
  gpointer id, path;

  fixture_file_and_roster (f);
  fixture_attend (f, 0);
  fixture_attend (f, 1);
  x = desk_spawn (f, exporter);
  r = desk_spawn (f, recorder);
  desk_expect (x, "ready");
  desk_expect (r, "ready");
  desk_tell (x, "go");
  /* (run "export-first": the recorder starts once the export has ended, so its changes to
   * lessons 1-2 are corrections of a sent packet) */
  if (data != NULL)
    said = desk_hear (x);
  desk_tell (r, "go");
  if (data == NULL)
    said = desk_hear (x);
  desk_expect (r, "done 24");
  desk_finish (x);
  desk_finish (r);

  g_assert_true (data == NULL || g_str_has_prefix (said, "exported "));
  if (g_str_has_prefix (said, "exported "))
    {
      g_auto (GStrv) words = g_strsplit (said, " ", 3);

      g_hash_table_insert (paths, g_strdup (words[1]), g_strdup (words[2]));
      accept_packet (f, words[1], "2026-03-03T19:00:00+08:00");
    }
  else
    {
      /* refused whole: another desk changed the batch while the packet was made */
      g_test_message ("the export was refused: %s", said);
      g_assert_nonnull (strstr (said, "changed on another desk"));
    }
  /* (the recorder may have finished before the exporter read the batch: then its packet
   * carried every record, and nothing is left to send) */
  if (td_test_db_int (td_store_get_path (f->store), "SELECT count(*) FROM attendance WHERE "
                      "packet_id IS NULL") > 0)
    {
      rest = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-04T18:00:00+08:00");
      g_hash_table_insert (paths, g_strdup (rest->packet_id), g_strdup (rest->path));
    }
  else
    g_test_message ("the export came after the recorder's last round and carried everything");
  g_assert_cmpuint (g_hash_table_size (paths), >=, 1);

  g_hash_table_iter_init (&iter, paths);
  while (g_hash_table_iter_next (&iter, &id, &path))
    g_assert_cmpint (records_marked (f, id), ==, records_in_file (path));
  g_assert_cmpint (td_test_db_int (td_store_get_path (f->store), "SELECT count(*) FROM "
                                   "attendance WHERE packet_id IS NULL"), ==, 0);
  pending = td_store_list_pending_attendance (f->store, f->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 0);
  /* the recorder's last round (late) stands for all 4 lessons × 3 trainees, and was sent */
  current = td_store_list_attendance (f->store, f->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (current->len, ==, 12);
  for (guint i = 0; i < current->len; i++)
    {
      const TdAttendance *a = g_ptr_array_index (current, i);

      g_assert_cmpint (a->status, ==, 'L');
      g_assert_nonnull (a->packet_id);
      g_assert_true (file_carries (g_hash_table_lookup (paths, a->packet_id), a));
    }
  /* the filing, the roster and a first attendance packet were accepted by hand */
  assert_verifies (f, 2 + (g_str_has_prefix (said, "exported ") ? 1 : 0));
}

/* The temporary file a killed export left beside @path renamed onto it: the kill came just
 * after the export put its file in place. */
static void
put_left_file_in_place (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *temp = NULL;
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, ".td-") && g_str_has_suffix (name, ".part"))
      {
        g_assert_null (temp);
        temp = g_build_filename (dir, name, NULL);
      }
  g_assert_nonnull (temp);
  g_assert_cmpint (g_rename (temp, path), ==, 0);
}

static gint64
n_rows (Fixture *f, const char *sql)
{
  return td_test_db_int (td_store_get_path (f->store), sql);
}

/* Lessons 1-2 attended, and a desk process exporting them held once their packet is logged
 * "writing": its id and path in @logged ("writing", ID, PATH). */
static Desk *
start_held_export (Fixture *f, GStrv *logged)
{
  const char *held[] = { "export-held", FIX_CLASS, "2026-03-03T18:00:00+08:00", NULL };
  g_autofree char *writing = NULL;
  Desk *x;

  fixture_file_and_roster (f);
  fixture_attend (f, 0);
  fixture_attend (f, 1);
  x = desk_spawn (f, held);
  desk_expect (x, "ready");
  desk_tell (x, "go");
  writing = desk_hear (x);
  g_assert_true (g_str_has_prefix (writing, "writing "));
  *logged = g_strsplit (writing, " ", 3);
  return x;
}

/* A process exporting the pending attendance (lessons 1-2) is killed once its packet is
 * logged "writing": before its file is in place, or (run "after-rename") just after.  The
 * next desk to open tells the user the export was settled — undone, or logged as sent —
 * and exports the batch: one packet carries the 6 records, nothing is left "writing". */
static void
test_killed_exporting (Fixture *f, gconstpointer data)
{
  gboolean renamed = data != NULL;
  const char *again[] = { "export", FIX_CLASS, "2026-03-03T18:30:00+08:00", NULL };
  g_autofree char *notice = NULL, *exported = NULL, *expected = NULL;
  g_auto (GStrv) logged = NULL;
  g_auto (GStrv) sent = NULL;
  g_autoptr (TdPacketLog) log = NULL;
  g_autoptr (GError) error = NULL;
  Desk *x, *y;

  x = start_held_export (f, &logged);
  desk_kill (x);
  wait_until_export_gone (f, logged[1]);
  g_assert_false (g_file_test (logged[2], G_FILE_TEST_EXISTS));
  if (renamed)
    put_left_file_in_place (logged[2]);

  y = desk_spawn (f, again);
  notice = desk_hear (y);
  if (renamed)
    expected = g_strdup_printf ("notice The export of packet %s to %s was interrupted after "
                                "its file was written; it is now logged as sent.", logged[1],
                                logged[2]);
  else if (td_test_on_server ())
    expected = g_strdup_printf ("notice The export of packet %s to %s was interrupted (the "
                                "desk exporting it was closed or lost its connection to the "
                                "server) before its file could be found here; it was undone. "
                                "Export it again. If that file exists on the computer that "
                                "exported it, delete it: it was not logged as sent.",
                                logged[1], logged[2]);
  else
    expected = g_strdup_printf ("notice The export of packet %s was interrupted before its "
                                "file was written; it was undone. Export it again.",
                                logged[1]);
  g_assert_cmpstr (notice, ==, expected);
  desk_expect (y, "ready");
  desk_tell (y, "go");
  exported = desk_hear (y);
  desk_finish (y);
  g_assert_true (g_str_has_prefix (exported, "exported "));
  sent = g_strsplit (exported, " ", 3);

  /* logged as sent (and written again, unchanged), or undone and exported anew */
  log = td_store_get_packet (f->store, logged[1], renamed ? &error : NULL);
  g_assert_no_error (error);
  if (renamed)
    {
      g_assert_cmpstr (sent[1], ==, logged[1]);
      g_assert_cmpint (log->status, ==, TD_PACKET_SENT);
    }
  else
    {
      g_assert_cmpstr (sent[1], !=, logged[1]);
      g_assert_null (log);
    }
  g_assert_cmpint (records_marked (f, sent[1]), ==, 6);
  g_assert_cmpuint (records_in_file (sent[2]), ==, 6);
  g_assert_cmpint (n_rows (f, "SELECT count(*) FROM packet WHERE kind = 'attendance'"), ==, 1);
  g_assert_cmpint (n_rows (f, "SELECT count(*) FROM packet WHERE status = 'writing'"), ==, 0);
  g_assert_cmpint (n_rows (f, "SELECT count(*) FROM attendance WHERE packet_id IS NULL"), ==,
                   0);
  /* the filing and the roster were accepted by hand */
  assert_verifies (f, 2);
}

/* On a server, a desk that opens while another exports leaves that export alone: nothing
 * settled, the packet still "writing", the same batch not exported a second time; the
 * export then ends as usual. */
static void
test_live_export_left_alone (Fixture *f, gconstpointer data)
{
  TdExportOptions options = { .created = "2026-03-03T18:30:00+08:00" };
  g_autofree char *exported = NULL, *expected = NULL;
  g_auto (GStrv) logged = NULL;
  g_autoptr (TdStore) other = NULL;
  g_autoptr (TdPacketLog) log = NULL;
  g_autoptr (TdPacketLog) done = NULL;
  g_autoptr (TdExportResult) twice = NULL;
  g_autoptr (GPtrArray) settled = NULL;
  g_autoptr (GError) error = NULL;
  Desk *x;

  x = start_held_export (f, &logged);

  other = td_store_open (td_store_get_path (f->store), TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (td_store_get_notices (other)->len, ==, 0);
  settled = td_store_settle_exports (f->store);
  g_assert_cmpuint (settled->len, ==, 0);
  twice = td_export_packet (other, TD_KIND_ATTENDANCE, FIX_CLASS, 0, 0, &options, NULL,
                            &error);
  g_assert_null (twice);
  expected = g_strdup_printf ("Class %s has no attendance records waiting to be sent.",
                              FIX_CLASS);
  g_assert_cmpstr (error->message, ==, expected);
  log = td_store_get_packet (other, logged[1], NULL);
  g_assert_nonnull (log);
  g_assert_cmpint (log->status, ==, TD_PACKET_WRITING);

  desk_tell (x, "go");
  exported = desk_hear (x);
  desk_finish (x);
  g_free (expected);
  expected = g_strdup_printf ("exported %s %s", logged[1], logged[2]);
  g_assert_cmpstr (exported, ==, expected);
  done = td_store_get_packet (other, logged[1], NULL);
  g_assert_cmpint (done->status, ==, TD_PACKET_SENT);
  g_assert_cmpint (records_marked (f, logged[1]), ==, 6);
  g_assert_cmpuint (records_in_file (logged[2]), ==, 6);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!TD_TEST_DB_RUNS ())
    return g_test_run ();   /* the run on a server, with no server: no tests */
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/packet/desk-processes/appends-at-once", test_appends_at_once);
  ADD ("/packet/desk-processes/conflicting-edits", test_conflicting_edits);
  ADD ("/packet/desk-processes/export-races-an-edit", test_export_races_an_edit);
  g_test_add ("/packet/desk-processes/export-first", Fixture, "export-first", fixture_set_up,
              test_export_races_an_edit, fixture_tear_down);
  ADD ("/packet/desk-processes/killed-exporting", test_killed_exporting);
  g_test_add ("/packet/desk-processes/killed-exporting-after-rename", Fixture, "after-rename",
              fixture_set_up, test_killed_exporting, fixture_tear_down);
  /* (a file has one desk at a time: opening it settles whatever is left "writing") */
  if (td_test_on_server ())
    ADD ("/packet/desk-processes/live-export-left-alone", test_live_export_left_alone);
#undef ADD
  return g_test_run ();
}
