/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who did it, on a PostgreSQL server: each administrator signs in as a role of their own and
 * the audit log records that role; a role that may only read (an inspector's) gets a store
 * that refuses every write in words; the password goes to libpq only, and libpq's .pgpass is
 * honoured.  Needs a server (TD_TEST_ENGINE=postgresql and TD_TEST_PG). */
#include "config.h"

#include "store-fixture.h"

typedef struct
{
  char *clerk;                  /* may write */
  char *inspector;              /* may only read */
} Roles;

/* Two login roles with passwords, given their rights on the test's database the way the
 * README says (td_store_grant_role, what "traindesk-cli grant" runs). */
static void
make_roles (StoreFixture *f, Roles *r)
{
  g_autoptr (GError) error = NULL;
  guint32 n = g_random_int ();
  g_autofree char *sql = NULL;

  r->clerk = g_strdup_printf ("td_clerk_%08x", n);
  r->inspector = g_strdup_printf ("td_inspector_%08x", n);
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'clerk-pw';"
                         "CREATE ROLE %s LOGIN PASSWORD 'inspector-pw'", r->clerk, r->inspector);
  sf_sql (sf_server (), sql);
  g_assert_true (td_store_grant_role (f->store, r->clerk, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_grant_role (f->store, r->inspector, FALSE, &error));
  g_assert_no_error (error);
}

static void
drop_roles (StoreFixture *f, Roles *r)
{
  g_autofree char *sql = g_strdup_printf ("DROP OWNED BY %s, %s; DROP ROLE %s; DROP ROLE %s",
                                          r->clerk, r->inspector, r->clerk, r->inspector);

  g_clear_object (&f->store);
  sf_sql (sf_server (), sql);
  g_free (r->clerk);
  g_free (r->inspector);
}

static char *
as_role (StoreFixture *f, const char *role)
{
  return g_strdup_printf ("%s user=%s", f->path, role);
}

/* The audit entries of one table's row, newest first: "op who" lines. */
static char *
who_did (TdStore *store, const char *table, gint64 row)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = td_store_list_audit (store, table, row, 0, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      const TdAuditEntry *e = g_ptr_array_index (entries, i);

      g_string_append_printf (text, "%s %s\n", e->op, e->who != NULL ? e->who : "-");
    }
  return g_string_free (text, FALSE);
}

/* Two administrators change the same class: the audit log names each one's role. */
static void
test_role_in_audit (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) clerk = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) mine = NULL;
  g_autofree char *location = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *log = NULL;
  Roles r;

  make_roles (f, &r);
  location = as_role (f, r.clerk);
  clerk = td_store_open_with_password (location, "clerk-pw", TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (td_store_get_role (clerk), ==, r.clerk);
  g_assert_false (td_store_is_read_only (clerk));
  g_assert_cmpstr (td_store_get_role (f->store), ==, "traindesk");

  mine = td_store_get_class (clerk, k->id, &error);
  g_assert_no_error (error);
  g_free (mine->title);
  mine->title = g_strdup ("养老护理员（二期）");
  g_assert_true (td_store_save_class (clerk, mine, &error));
  g_assert_no_error (error);

  log = who_did (f->store, "class", k->id);
  expected = g_strdup_printf ("update %s\ninsert traindesk\n", r.clerk);
  g_assert_cmpstr (log, ==, expected);
  /* the role also stands as the class's "changed by" (the stale-save message names it) */
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count (*) FROM class WHERE changed_by "
                                        "LIKE 'td_clerk_%'"), ==, 1);
  sf_assert_verifies (f->store);
  g_clear_object (&clerk);
  drop_roles (f, &r);
}

/* An inspector's role may read everything and write nothing: the store knows it from the
 * server, and a save is refused with a sentence that says why, not the server's SQL error. */
static void
test_read_only_role (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) inspector = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) seen = NULL;
  g_autoptr (GPtrArray) classes = NULL;
  g_autofree char *location = NULL;
  gint64 before;
  Roles r;

  make_roles (f, &r);
  location = as_role (f, r.inspector);
  g_assert_false (td_store_is_read_only (f->store));
  inspector = td_store_open_with_password (location, "inspector-pw", TD_STORE_OPEN_DEFAULT,
                                           &error);
  g_assert_no_error (error);
  g_assert_true (td_store_is_read_only (inspector));
  g_assert_cmpstr (td_store_get_role (inspector), ==, r.inspector);

  classes = td_store_list_classes (inspector, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (classes->len, ==, 1);
  sf_assert_verifies (inspector);

  before = sf_sql_int (f->path, "SELECT count (*) FROM audit");
  seen = td_store_get_class (inspector, k->id, &error);
  g_assert_no_error (error);
  g_free (seen->title);
  seen->title = g_strdup ("changed by an inspector");
  g_assert_false (td_store_save_class (inspector, seen, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "who may only read this database"));
  g_assert_nonnull (strstr (error->message, r.inspector));
  g_assert_null (strstr (error->message, "permission denied"));
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count (*) FROM audit"), ==, before);
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count (*) FROM class WHERE title = "
                                        "'changed by an inspector'"), ==, 0);
  g_clear_object (&inspector);
  drop_roles (f, &r);
}

/* No password and none in libpq's places: the store says one is wanted (the app and the CLI
 * then ask for it); a wrong one is a refused sign-in, told apart. */
static void
test_password_needed (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autofree char *location = NULL;
  Roles r;

  make_roles (f, &r);
  location = as_role (f, r.clerk);
  g_unsetenv ("PGPASSWORD");
  g_setenv ("PGPASSFILE", "/nonexistent-td-pgpass", TRUE);
  store = td_store_open (location, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NEEDS_PASSWORD);
  g_assert_nonnull (strstr (error->message, "wants a password"));
  g_clear_error (&error);

  store = td_store_open_with_password (location, "wrong", TD_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_SIGN_IN);
  g_assert_nonnull (strstr (error->message, "Check the user name and the password"));
  g_assert_null (strstr (error->message, "wrong"));
  g_clear_error (&error);
  g_unsetenv ("PGPASSFILE");
  drop_roles (f, &r);
}

/* libpq's own password file: with one (PGPASSFILE), the role signs in without being asked. */
static void
test_pgpass_honoured (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autofree char *pgpass = g_build_filename (f->dir, "pgpass", NULL);
  g_autofree char *line = NULL;
  g_autofree char *location = NULL;
  Roles r;

  make_roles (f, &r);
  line = g_strdup_printf ("*:*:*:%s:inspector-pw\n", r.inspector);
  g_assert_true (g_file_set_contents_full (pgpass, line, -1, G_FILE_SET_CONTENTS_NONE, 0600,
                                           &error));
  g_assert_no_error (error);
  location = as_role (f, r.inspector);
  g_unsetenv ("PGPASSWORD");
  g_setenv ("PGPASSFILE", pgpass, TRUE);
  store = td_store_open (location, TD_STORE_OPEN_DEFAULT, &error);
  g_unsetenv ("PGPASSFILE");
  g_assert_no_error (error);
  g_assert_cmpstr (td_store_get_role (store), ==, r.inspector);
  g_assert_true (td_store_is_read_only (store));
  g_clear_object (&store);
  drop_roles (f, &r);
}

/* Rights given before an upgrade hold for the tables the upgrade adds: a database made at
 * version 6, its roles given their rights, then brought to this version by its owner (7 put a
 * packet's bytes in the new table packet_content): the clerk logs a packet (its bytes go into
 * the new table), the inspector reads it and still may not write. */
static void
test_grants_survive_upgrade (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) clerk = NULL;
  g_autoptr (TdStore) inspector = NULL;
  g_autoptr (TdPacketLog) log = td_packet_log_new ();
  g_autoptr (TdPacketLog) seen = NULL;
  g_autoptr (GBytes) content = g_bytes_new_static ("<Packet>filing</Packet>", 23);
  g_autofree char *location = NULL;
  Roles r;

  f->store = td_store_create_at_version (f->path, 6, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count (*) FROM pg_tables WHERE tablename = "
                                        "'packet_content' AND schemaname = current_schema ()"),
                   ==, 0);
  make_roles (f, &r);
  sf_reopen (f);
  g_assert_cmpint (td_store_get_schema_version (f->store), ==, TD_STORE_SCHEMA_VERSION);

  location = as_role (f, r.clerk);
  clerk = td_store_open_with_password (location, "clerk-pw", TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (td_store_is_read_only (clerk));
  g_strlcpy (log->id, "7d1f2c9e-3b1a-4c55-9e0f-2a6b8c4d1e01", sizeof log->id);
  log->kind = TD_KIND_FILING;
  g_strlcpy (log->created, "2026-02-20T09:30:00+08:00", sizeof log->created);
  g_strlcpy (log->digest, "00", sizeof log->digest);
  log->status = TD_PACKET_SENT;
  g_assert_true (td_store_log_packet (clerk, log, content, &error));
  g_assert_no_error (error);

  g_free (location);
  location = as_role (f, r.inspector);
  inspector = td_store_open_with_password (location, "inspector-pw", TD_STORE_OPEN_DEFAULT,
                                           &error);
  g_assert_no_error (error);
  g_assert_true (td_store_is_read_only (inspector));
  seen = td_store_get_packet (inspector, log->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (seen->content, content));
  sf_assert_verifies (inspector);
  g_clear_object (&clerk);
  g_clear_object (&inspector);
  drop_roles (f, &r);
}

/* Rights are for server roles; a file has none, and a name that is not plain is refused. */
static void
test_grant_refused (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (td_store_grant_role (f->store, "Robert'); DROP TABLE class; --", TRUE,
                                       &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "is not a role name"));
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count (*) FROM class"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (sf_server () != NULL)
    {
      SF_ADD ("/roles/role-in-audit", test_role_in_audit);
      SF_ADD ("/roles/read-only-role", test_read_only_role);
      SF_ADD ("/roles/password-needed", test_password_needed);
      SF_ADD ("/roles/pgpass-honoured", test_pgpass_honoured);
      SF_ADD ("/roles/grant-refused", test_grant_refused);
      SF_ADD_EMPTY ("/roles/grants-survive-upgrade", test_grants_survive_upgrade);
    }
  return g_test_run ();
}
