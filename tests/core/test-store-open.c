/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a database (src/core/td-store.c, td-store-schema.c, td-store-records.c): forward
 * migrations, files refused and left untouched, a locked file, backups while writing. */
#include "config.h"

#include "core/td-file.h"
#include "core/td-store.h"
#include "../td-test-private.h"
#include "store-fixture.h"

/* ---- opening ------------------------------------------------------------------------------- */

static void
test_migrate_from_v1 (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdInstitution) inst = sf_institution ();
  g_autoptr (TdClass) k = NULL;
  g_autoptr (TdInstitution) got = NULL;
  g_autoptr (GPtrArray) roster = NULL;
  g_autofree char *value = NULL;
  gint64 trainee;

  f->store = td_store_create_at_version (f->path, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  g_assert_cmpint (td_store_get_schema_version (f->store), ==, 1);
  g_assert_cmpint (sf_sql_int (f->path, "PRAGMA user_version"), ==, 1);
  g_assert_true (td_store_save_institution (f->store, inst, &error));
  g_assert_no_error (error);
  k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  trainee = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  g_clear_object (&f->store);

  f->store = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_store_get_schema_version (f->store), ==, TD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sf_sql_int (f->path, "PRAGMA user_version"), ==, TD_STORE_SCHEMA_VERSION);
  got = td_store_get_institution (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (got->name, ==, "聊城市东昌府区光岳职业培训学校");
  roster = td_store_list_enrolments (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (roster->len, ==, 1);
  g_assert_cmpint (((TdEnrolment *) g_ptr_array_index (roster, 0))->trainee.id, ==, trainee);
  /* Version 2's table works, and its changes are audited like the others. */
  g_assert_true (td_store_set_setting (f->store, "outbox", "/home/w/outbox", &error));
  g_assert_no_error (error);
  value = td_store_get_setting (f->store, "outbox", &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (value, ==, "/home/w/outbox");
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count(*) FROM audit WHERE tbl = 'setting'"), ==,
                   1);
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count(*) FROM audit WHERE tbl = 'class'"), ==,
                   1);
}

/* A file that must be refused, and left byte for byte as it was. */
static void
assert_refused (StoreFixture *f, TdStoreError code, const char *message_part)
{
  g_autofree char *before = sf_file_sum (f->path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr (GError) error = NULL;
  TdStore *store = td_store_open (f->path, TD_STORE_OPEN_CREATE, &error);

  g_assert_null (store);
  g_assert_error (error, TD_STORE_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, message_part));
  after = sf_file_sum (f->path);
  g_assert_cmpstr (after, ==, before);
  /* Nothing was written beside it either.  (A damaged file in WAL mode gets an empty -wal
   * and a -shm from SQLite's read-only look at it; no page of the database is in them.) */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      GStatBuf st;
      g_assert_cmpint (g_stat (wal, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, 0);
    }
}

static void
make_database (StoreFixture *f, int trainees)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) k = NULL;
  static const char *const ids[] = { ID_M1975, ID_F1993, ID_M1988, ID_F1990, ID_M1985,
                                     ID_F1992, ID_M1979, ID_F1996 };

  f->store = td_store_open (f->path, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  for (int i = 0; i < trainees && i < (int) G_N_ELEMENTS (ids); i++)
    sf_enrol (f->store, k->id, ids[i], "某某", "01");
  /* Some bulk, so the file has pages in its middle to damage. */
  g_assert_true (td_store_begin (f->store, NULL));
  for (int i = 0; i < 400; i++)
    {
      g_autofree char *key = g_strdup_printf ("bulk.%03d", i);
      g_autofree char *value = g_strnfill (300, 'a' + i % 26);
      g_assert_true (td_store_set_setting (f->store, key, value, NULL));
    }
  g_assert_true (td_store_commit (f->store, NULL));
  g_clear_object (&f->store);
}

static void
test_refuse_too_new (StoreFixture *f, gconstpointer data)
{
  make_database (f, 2);
  sf_sql (f->path, "PRAGMA user_version = 99");
  assert_refused (f, TD_STORE_ERROR_TOO_NEW, "newer version of TrainDesk (database version 99;"
                                             " this one reads up to "
                                             G_STRINGIFY (TD_STORE_SCHEMA_VERSION) ")");
}

static void
test_refuse_corrupt (StoreFixture *f, gconstpointer data)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261126);

  make_database (f, 8);
  g_assert_true (g_file_get_contents (f->path, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 40 * 4096);
  /* Pages 10 to 30 (of 4096 bytes) overwritten with garbage; the header is intact. */
  for (gsize i = 9 * 4096; i < 30 * 4096; i++)
    bytes[i] = (char) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (f->path, bytes, (gssize) len, NULL));
  assert_refused (f, TD_STORE_ERROR_CORRUPT, "is damaged");
}

static void
test_refuse_foreign (StoreFixture *f, gconstpointer data)
{
  sf_sql (f->path, "PRAGMA journal_mode = DELETE; CREATE TABLE notes (id INTEGER PRIMARY KEY, "
                   "body TEXT); INSERT INTO notes (body) VALUES ('shopping list');");
  assert_refused (f, TD_STORE_ERROR_NOT_TRAINDESK, "is a database of another program");
}

static void
test_refuse_text (StoreFixture *f, gconstpointer data)
{
  g_assert_true (g_file_set_contents (f->path, "姓名,身份证号\n刘芳,371502199310111124\n"
                                      "陈建国,371502197502191019\n陈建国,371502197502191019\n"
                                      "陈建国,371502197502191019\n", -1, NULL));
  assert_refused (f, TD_STORE_ERROR_NOT_TRAINDESK, "it is not an SQLite file");
  g_assert_true (g_file_set_contents (f->path, "short", -1, NULL));
  assert_refused (f, TD_STORE_ERROR_NOT_TRAINDESK, "it is not an SQLite file");
}

static void
test_missing_file (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* Another program holds the write lock: a write waits for the busy timeout, then fails
 * with LOCKED, and nothing of it reaches the file. */
static void
test_locked (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdEnrolment) e = sf_enrolment (k->id, ID_F1993, "刘芳", "03");
  g_autoptr (GPtrArray) roster = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *other = NULL;
  gint64 started, took;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  started = g_get_monotonic_time ();
  g_assert_false (td_store_save_enrolment (f->store, e, &error));
  took = g_get_monotonic_time () - started;
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==, "The database is in use by another program, so nothing "
                                       "was saved. Close the other program (or wait for it to "
                                       "finish) and try again.");
  g_assert_cmpint (took, <, 8 * G_USEC_PER_SEC);
  g_clear_error (&error);
  /* Reading still works while the other program writes. */
  roster = td_store_list_enrolments (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (roster->len, ==, 0);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_cmpint (td_store_count_trainees (f->store, &lerr), ==, 0);
  g_assert_no_error (lerr);
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count(*) FROM audit WHERE tbl = 'trainee'"), ==,
                   0);
  /* Once the other program is done, the same write goes through. */
  e->id = 0;
  e->trainee.id = 0;
  g_assert_true (td_store_save_enrolment (f->store, e, &error));
  g_assert_no_error (error);
  g_clear_pointer (&roster, g_ptr_array_unref);
  roster = td_store_list_enrolments (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (roster->len, ==, 1);
}

/* ---- backup -------------------------------------------------------------------------------- */

typedef struct
{
  const char *path;
  gint stop;
  gint written;
  gboolean failed;
} Writer;

/* Another connection (as another window or process would have) writing all the time. */
static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = td_store_open (w->path, TD_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    {
      w->failed = TRUE;
      return NULL;
    }
  while (!g_atomic_int_get (&w->stop))
    {
      int n = g_atomic_int_add (&w->written, 1);
      g_autofree char *key = g_strdup_printf ("writer.%06d", n);
      g_autofree char *value = g_strnfill (2000, 'w');

      if (!td_store_set_setting (store, key, value, NULL))
        g_usleep (1000);   /* the backup reads, it does not lock writers out for long */
    }
  return NULL;
}

static void
test_backup_while_writing (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *part = g_strconcat (copy, ".part", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) restored = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) classes = NULL;
  Writer w = { f->path, 0, 0, FALSE };
  GThread *thread;
  GStatBuf st;
  int before;

  make_database (f, 8);
  /* Several MB, so the copy takes many steps while the writer keeps committing. */
  f->store = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (td_store_begin (f->store, NULL));
  for (int i = 0; i < 1500; i++)
    {
      g_autofree char *key = g_strdup_printf ("big.%04d", i);
      g_autofree char *value = g_strnfill (3000, 'b');
      g_assert_true (td_store_set_setting (f->store, key, value, NULL));
    }
  g_assert_true (td_store_commit (f->store, NULL));

  thread = g_thread_new ("writer", writer_thread, &w);
  /* The counter moves before each write: at 21, twenty are committed. */
  while (g_atomic_int_get (&w.written) < 21 && !w.failed)
    g_usleep (1000);
  before = g_atomic_int_get (&w.written);
  g_assert_true (td_store_backup (f->store, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_atomic_int_get (&w.written), >, before);   /* it wrote meanwhile */
  g_atomic_int_set (&w.stop, 1);
  g_thread_join (thread);
  g_assert_false (w.failed);

  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  td_test_assert_private (copy);
  restored = td_store_open (copy, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  problems = td_store_verify (restored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  classes = td_store_list_classes (restored, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (classes->len, ==, 1);
  g_assert_cmpint (sf_sql_int (copy, "SELECT count(*) FROM setting WHERE key LIKE 'big.%'"), ==,
                   1500);
  g_assert_cmpint (sf_sql_int (copy, "SELECT count(*) FROM setting WHERE key LIKE 'writer.%'"),
                   >=, 20);
  /* A snapshot from the middle: the writer went on after it. */
  g_assert_cmpint (sf_sql_int (copy, "SELECT count(*) FROM setting WHERE key LIKE 'writer.%'"),
                   <, sf_sql_int (f->path, "SELECT count(*) FROM setting WHERE key LIKE "
                                           "'writer.%'"));
}

static void
test_backup_missing_folder (StoreFixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "no-such-folder", NULL);
  g_autofree char *copy = g_build_filename (folder, "backup.db", NULL);
  g_autofree char *part = g_strconcat (copy, ".part", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (td_store_backup (f->store, copy, NULL, &error));
  g_assert_error (error, TD_FILE_ERROR, TD_FILE_ERROR_NOT_WRITABLE);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  SF_ADD_EMPTY_FILE ("/store/open/migrate-from-v1", test_migrate_from_v1);
  SF_ADD_EMPTY_FILE ("/store/open/too-new", test_refuse_too_new);
  SF_ADD_EMPTY_FILE ("/store/open/corrupt", test_refuse_corrupt);
  SF_ADD_EMPTY_FILE ("/store/open/foreign", test_refuse_foreign);
  SF_ADD_EMPTY_FILE ("/store/open/text", test_refuse_text);
  SF_ADD_EMPTY_FILE ("/store/open/missing", test_missing_file);
  SF_ADD_FILE ("/store/open/locked", test_locked);
  SF_ADD_EMPTY_FILE ("/store/backup/while-writing", test_backup_while_writing);
  SF_ADD_FILE ("/store/backup/missing-folder", test_backup_missing_folder);
  return g_test_run ();
}
