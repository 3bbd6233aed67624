/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdStore itself: opening (a file checked before it is trusted, migrated forward with
 * td-store-schema.c), its connection (td-db.h: every statement goes through it, kept
 * prepared), errors said as what they mean (full disk, damage, a newer file), nested
 * transactions and the change count, the bind and column helpers the other td-store-*.c
 * share (td-store-private.h), and the notices shown after opening.
 * The records are elsewhere: td-store-setup.c (settings, institution, catalogues),
 * td-store-class.c (classes, teachers, timetables), td-store-roster.c (trainees, rosters),
 * td-store-attendance.c and td-store-import.c (attendance and its chain),
 * td-store-records.c (results, follow-ups, claims, the packet log, verification, backups),
 * td-store-audit.c (the audit log) and td-store-files.c (the files beside the database). */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/td-hours.h"
#include "core/td-store-private.h"

#ifndef O_BINARY
#define O_BINARY 0
#endif
#ifndef W_OK
#define W_OK 2                  /* g_access (): writable, where unistd.h is not included */
#endif

struct _TdStore
{
  GObject parent_instance;
  char *path;
  sqlite3 *db;                  /* SQLite: the handle conn wraps */
  TdDb *conn;                   /* every statement goes through it (td-db.h) */
  int depth;                    /* open transactions and savepoints */
  GArray *changes;              /* queued ::changed emissions */
  int schema_version;
  GPtrArray *notices;           /* what opening did that the user should know */
  gint64 audit_mark;            /* the newest audit entry when the transaction began */
  guint64 commits;              /* commits that changed something, for td_store_get_change_count */
  int bulk_depth;               /* the depth a bulk action began at, 0 when none */
  gint64 bulk_entry;            /* its audit entry */
  gboolean triggers_off;        /* this connection runs no triggers during the bulk action */
  int triggers_checked;         /* the schema_version td_store_only_audit_triggers saw + 1 */
  gboolean triggers_ours;       /* what it found then */
  GHashTable *table_commits;    /* table (static string) → commits that changed it */
  GHashTable *chain_marks;      /* class id → TdChainMark: how far its chain was verified */
  GArray *att_log;              /* TdAttendanceTouch: attendance records this connection wrote */
  guint64 att_log_base;         /* the serial of att_log's first entry */
  char *backend_pid;            /* PostgreSQL: this connection's server process, as text */
  guint64 heard;                /* PostgreSQL: other connections' changes heard of */
  GPtrArray *heard_tables;      /* PostgreSQL: the tables they changed, not yet told (interned) */
  guint64 told;                 /* PostgreSQL: td_store_watch (): heard as of the last look */
  guint watch_id;               /* that look's timeout */
  gboolean read_only;           /* PostgreSQL: the role may not write (the server said so) */
  char *role;                   /* PostgreSQL: the role signed in (session_user) */
  GHashTable *export_locks;     /* PostgreSQL: packets this connection is exporting (their locks
                                 * held) → the transaction depth that logged them, 0 once
                                 * committed */
};

typedef struct
{
  const char *table;            /* static strings only */
  gint64 row;
} Change;

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TdStore, td_store, G_TYPE_OBJECT)

const TdVersionedTable td_store_versioned_tables[4] = {
  { "class", 5 }, { "lesson", 5 }, { "trainee", 6 }, { "enrolment", 6 },
};
G_DEFINE_QUARK (td-store-error-quark, td_store_error)

static void
td_store_finalize (GObject *object)
{
  TdStore *self = TD_STORE (object);

  g_clear_pointer (&self->table_commits, g_hash_table_unref);
  g_clear_pointer (&self->chain_marks, g_hash_table_unref);
  g_clear_pointer (&self->att_log, g_array_unref);
  if (self->conn != NULL)
    td_db_free (self->conn);    /* closes self->db too */
  else if (self->db != NULL)
    sqlite3_close (self->db);
  g_array_unref (self->changes);
  g_ptr_array_unref (self->notices);
  g_free (self->role);
  g_hash_table_unref (self->export_locks);
  g_free (self->path);
  g_free (self->backend_pid);
  if (self->watch_id != 0)
    g_source_remove (self->watch_id);
  g_ptr_array_unref (self->heard_tables);
  G_OBJECT_CLASS (td_store_parent_class)->finalize (object);
}

static void
td_store_class_init (TdStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_store_finalize;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
td_store_init (TdStore *self)
{
  self->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  self->notices = g_ptr_array_new_with_free_func (g_free);
  self->table_commits = g_hash_table_new (g_str_hash, g_str_equal);
  self->chain_marks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->heard_tables = g_ptr_array_new ();
  self->att_log = g_array_new (FALSE, FALSE, sizeof (TdAttendanceTouch));
  self->export_locks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
td_store_add_notice (TdStore *self, char *notice)
{
  g_ptr_array_add (self->notices, notice);
}

GPtrArray *
td_store_get_notices (TdStore *self)
{
  g_return_val_if_fail (TD_IS_STORE (self), NULL);
  return self->notices;
}

/* ---- low-level helpers (td-store-private.h) ---- */

TdDb *
td_store_conn (TdStore *self)
{
  return self->conn;
}

sqlite3 *
td_store_db (TdStore *self)
{
  return self->db;
}

/* A desk whose role on the server may only read (an inspector's): why nothing was saved. */
static void
set_read_only_error (TdStore *self, GError **error)
{
  g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_READ_ONLY,
               _("You are signed in to %s as “%s”, who may only read this database, so "
                 "nothing was saved. To change records, sign in as an administrator who may "
                 "write (the database's owner gives that right with “traindesk-cli grant "
                 "ROLE write”)."), self->path, self->role != NULL ? self->role : "?");
}

void
td_store_set_error (TdStore *self, TdDbRc rc, GError **error, const char *what)
{
  const char *detail = td_db_message (self->conn);

  switch (rc)
    {
    case TD_DB_BUSY:
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED,
                   _("The database is in use by another program, so nothing was saved. "
                     "Close the other program (or wait for it to finish) and try again."));
      break;
    case TD_DB_READ_ONLY:
      if (self->db == NULL)
        {
          set_read_only_error (self, error);
          break;
        }
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_READ_ONLY,
                   _("The database file %s cannot be written (it or its folder is "
                     "read-only), so nothing was saved. Copy it to a folder you can write "
                     "to and open it from there."), self->path);
      break;
    case TD_DB_FULL:
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FULL,
                   _("The disk is full or failing, so nothing was saved (%s). Free some "
                     "space and save again; what you typed is still on screen."), detail);
      break;
    case TD_DB_CORRUPT:
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CORRUPT,
                   _("The database file %s is damaged (%s). Restore it from a backup."),
                   self->path, detail);
      break;
    case TD_DB_CONSTRAINT:
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("%s was refused: it would duplicate or break a stored record (%s)."),
                   what != NULL ? what : _("The change"), detail);
      break;
    default:
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FAILED, "%s: %s",
                   what != NULL ? what : _("Database error"), detail);
    }
}

gboolean
td_store_exec (TdStore *self, const char *sql, GError **error)
{
  TdDbRc rc = td_db_exec (self->conn, sql);

  if (rc != TD_DB_OK)
    {
      td_store_set_error (self, rc, error, NULL);
      return FALSE;
    }
  return TRUE;
}

TdStmt *
td_store_prepare (TdStore *self, const char *sql, GError **error)
{
  TdDbRc rc;
  TdStmt *stmt = td_db_prepare (self->conn, sql, &rc);

  if (stmt == NULL)
    {
      /* a damaged or locked file fails here too (reading the schema): only a statement
       * the engine cannot compile is the program's fault */
      if (rc == TD_DB_FAILED)
        g_critical ("cannot prepare %s: %s", sql, td_db_message (self->conn));
      td_store_read_error (self, rc, error);
    }
  return stmt;
}

TdDbRc
td_store_prepare_once (TdStore *self, const char *sql, TdStmt **stmt)
{
  TdDbRc rc;

  *stmt = td_db_prepare_once (self->conn, sql, &rc);
  return rc;
}

gboolean
td_store_step_done (TdStore *self, TdStmt *stmt, GError **error)
{
  TdDbRc rc = td_stmt_step (stmt);

  td_stmt_reset (stmt);
  if (rc != TD_DB_DONE && rc != TD_DB_ROW)
    {
      td_store_set_error (self, rc, error, NULL);
      return FALSE;
    }
  return TRUE;
}

void
td_store_read_error (TdStore *self, TdDbRc rc, GError **error)
{
  switch (rc)
    {
    case TD_DB_BUSY:
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED,
                   _("The database is in use by another program and cannot be read now. "
                     "Close the other program (or wait for it to finish) and try again."));
      break;
    case TD_DB_FULL:
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FULL,
                   _("The database file %s cannot be read: the disk is failing or was "
                     "removed (%s)."), self->path, td_db_message (self->conn));
      break;
    default:
      td_store_set_error (self, rc, error, NULL);
    }
}

gboolean
td_store_read_end (TdStore *self, TdStmt *stmt, TdDbRc rc, GError **error)
{
  td_stmt_reset (stmt);
  if (rc != TD_DB_DONE && rc != TD_DB_ROW)
    {
      td_store_read_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

void
td_store_set_busy_timeout (TdStore *self, int ms)
{
  g_return_if_fail (TD_IS_STORE (self));
  if (self->db != NULL)
    sqlite3_busy_timeout (self->db, ms);
}

/* PostgreSQL: what the audit triggers of other connections told this one (each
 * committed transaction that changed something says "traindesk" once, with its server
 * process as payload; ours are not counted: self->commits has them). */
static guint64
heard_version (TdStore *self)
{
  g_autoptr (GPtrArray) heard = td_db_take_notifications (self->conn);

  for (guint i = 0; heard != NULL && i < heard->len; i++)
    {
      g_auto (GStrv) parts = g_strsplit (heard->pdata[i], " ", 2);
      const char *table;

      if (parts[0] == NULL || g_strcmp0 (parts[0], self->backend_pid) == 0)
        continue;
      self->heard++;
      table = g_intern_string (parts[1] != NULL ? parts[1] : "");
      if (!g_ptr_array_find (self->heard_tables, table, NULL))
        g_ptr_array_add (self->heard_tables, (gpointer) table);
    }
  return self->heard;
}

/* Every half second: what the other desks changed since the last look, told as ::changed
 * (table, row 0) once per table, so that the pages showing it reload. */
static gboolean
watch_other_desks (gpointer data)
{
  TdStore *self = data;

  if (self->depth > 0)
    return G_SOURCE_CONTINUE;   /* told after this desk's own transaction */
  if (heard_version (self) == self->told)
    return G_SOURCE_CONTINUE;
  self->told = self->heard;
  {
    g_autoptr (GPtrArray) tables = g_steal_pointer (&self->heard_tables);

    self->heard_tables = g_ptr_array_new ();
    for (guint i = 0; i < tables->len; i++)
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (const char *) tables->pdata[i],
                     (gint64) 0);
  }
  return G_SOURCE_CONTINUE;
}

void
td_store_watch_other_desks (TdStore *self)
{
  g_return_if_fail (TD_IS_STORE (self));
  if (self->db != NULL || self->watch_id != 0)
    return;   /* SQLite: another program's change is seen by the page's next look */
  self->told = heard_version (self);
  g_ptr_array_set_size (self->heard_tables, 0);
  self->watch_id = g_timeout_add (500, watch_other_desks, self);
}

guint64
td_store_data_version (TdStore *self)
{
  TdStmt *stmt;
  guint64 version = 0;

  if (self->db == NULL)
    return heard_version (self);
  stmt = td_store_prepare (self, "PRAGMA data_version", NULL);

  if (stmt != NULL && td_stmt_step (stmt) == TD_DB_ROW)
    version = (guint64) td_stmt_int64 (stmt, 0);
  if (stmt != NULL)
    td_stmt_reset (stmt);
  return version;
}

guint64
td_store_get_change_count (TdStore *self)
{
  g_return_val_if_fail (TD_IS_STORE (self), 0);
  /* both only grow: their sum moves when either does */
  return self->commits + td_store_data_version (self);
}

guint64
td_store_get_change_count_of (TdStore *self, const char *const *tables)
{
  guint64 count;

  g_return_val_if_fail (TD_IS_STORE (self) && tables != NULL, 0);
  count = td_store_data_version (self);
  for (const char *const *t = tables; *t != NULL; t++)
    count += GPOINTER_TO_SIZE (g_hash_table_lookup (self->table_commits, *t));
  return count;
}

GHashTable *
td_store_chain_marks (TdStore *self)
{
  return self->chain_marks;
}

/* The log keeps the newest entries: a reader whose mark is older reads its class whole. */
#define ATT_LOG_MAX 65536

void
td_store_attendance_touched (TdStore *self, gint64 class_id, gint64 id)
{
  TdAttendanceTouch t = { class_id, id };

  if (self->att_log->len >= ATT_LOG_MAX)
    {
      g_array_remove_range (self->att_log, 0, ATT_LOG_MAX / 2);
      self->att_log_base += ATT_LOG_MAX / 2;
    }
  g_array_append_val (self->att_log, t);
}

TdAttendanceMark
td_store_attendance_mark (TdStore *self)
{
  g_return_val_if_fail (TD_IS_STORE (self), (TdAttendanceMark){ 0 });
  /* inside a transaction what is read may still be rolled back: a mark that resumes nothing */
  if (self->depth > 0)
    return (TdAttendanceMark){ 0, G_MAXUINT64 };
  return (TdAttendanceMark){ td_store_data_version (self),
                             self->att_log_base + self->att_log->len };
}

const TdAttendanceTouch *
td_store_attendance_log (TdStore *self, const TdAttendanceMark *since, guint *n)
{
  *n = 0;
  if (since->serial < self->att_log_base
      || since->serial > self->att_log_base + self->att_log->len
      || since->data_version != td_store_data_version (self))
    return NULL;
  *n = (guint) (self->att_log_base + self->att_log->len - since->serial);
  return &g_array_index (self->att_log, TdAttendanceTouch, since->serial - self->att_log_base);
}

int
td_store_bulk_depth (TdStore *self)
{
  return self->bulk_depth;
}

gint64
td_store_bulk_entry (TdStore *self)
{
  return self->bulk_entry;
}

void
td_store_bulk_started (TdStore *self, gint64 entry)
{
  self->bulk_depth = entry != 0 ? self->depth : 0;
  self->bulk_entry = entry;
  /* While the pause is in audit_pause every audit trigger does nothing, yet SQLite still
   * runs each one's program for every row (and keeps a statement journal because of it):
   * two thirds of a 10,000-row import.  When the file has no trigger but TrainDesk's own,
   * unchanged, this connection runs no triggers until the bulk action ends, which changes
   * nothing but the time; a trigger of anyone else's keeps them all running.  Other
   * connections do not see the uncommitted pause and run every trigger.  The bulk entry was
   * written by the trigger on audit_pause before this.  SQLite prepares the cached
   * statements again when the setting changes. */
  if (self->db == NULL)
    return;
  if (entry != 0 && !self->triggers_off && td_store_only_audit_triggers (self))
    {
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
      self->triggers_off = TRUE;
    }
  else if (entry == 0 && self->triggers_off)
    {
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);
      self->triggers_off = FALSE;
    }
}

gboolean
td_store_only_audit_triggers (TdStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  /* the answer holds until the schema changes (another program adding a trigger too) */
  if (sqlite3_prepare_v2 (self->db, "PRAGMA schema_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (version < 0)
    return FALSE;
  if (self->triggers_checked != version + 1)
    {
      self->triggers_ours = td_store_schema_triggers_ours (self);
      self->triggers_checked = version + 1;
    }
  return self->triggers_ours;
}

int
td_store_depth (TdStore *self)
{
  return self->depth;
}

gint64
td_store_last_insert_id (TdStore *self, const char *table)
{
  g_autofree char *sql = NULL;
  TdStmt *stmt = NULL;
  gint64 id = 0;

  if (self->db != NULL)
    return sqlite3_last_insert_rowid (self->db);
  /* not lastval (): the audit trigger's insert comes after the row's */
  sql = g_strdup_printf ("SELECT currval (pg_get_serial_sequence ('%s', 'id'))", table);
  stmt = td_store_prepare (self, sql, NULL);
  if (stmt != NULL && td_stmt_step (stmt) == TD_DB_ROW)
    id = td_stmt_int64 (stmt, 0);
  if (stmt != NULL)
    td_stmt_reset (stmt);
  return id;
}

gboolean
td_store_lock_class (TdStore *self, gint64 class_id, GError **error)
{
  TdStmt *stmt;

  if (self->db != NULL)
    return TRUE;
  stmt = td_store_prepare (self, "SELECT id FROM class WHERE id = ? FOR UPDATE", error);
  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, class_id);
  return td_store_step_done (self, stmt, error);
}

gboolean
td_store_table_versioned (const char *table, int version)
{
  for (gsize i = 0; i < G_N_ELEMENTS (td_store_versioned_tables); i++)
    if (g_str_equal (td_store_versioned_tables[i].table, table))
      return version >= td_store_versioned_tables[i].since;
  return FALSE;
}

gint64
td_store_get_row_version (TdStore *self, const char *table, gint64 id)
{
  g_autofree char *sql = NULL;
  TdStmt *stmt;
  gint64 version = 0;

  if (!td_store_table_versioned (table, self->schema_version))
    return 0;
  sql = g_strdup_printf ("SELECT row_version FROM %s WHERE id = ?", table);
  stmt = td_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return 0;
  td_bind_int (stmt, 1, id);
  if (td_stmt_step (stmt) == TD_DB_ROW)
    version = td_stmt_int64 (stmt, 0);
  td_stmt_reset (stmt);
  return version;
}

gboolean
td_store_check_row_version (TdStore *self, const char *table, gint64 id, gint64 seen,
                            const char *what, GError **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *by = NULL, *at = NULL;
  TdStmt *stmt;
  gint64 now = 0;
  TdDbRc rc;

  if (seen == 0 || !td_store_table_versioned (table, self->schema_version))
    return TRUE;
  /* the time from the audit log: the row's last logged change */
  sql = g_strdup_printf ("SELECT row_version, changed_by, (SELECT max(at) FROM audit "
                         "WHERE tbl = '%s' AND row = ?1) FROM %s WHERE id = ?1%s", table, table,
                         self->db == NULL ? " FOR UPDATE" : "");
  stmt = td_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, id);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      now = td_stmt_int64 (stmt, 0);
      by = td_col_dup (stmt, 1);
      at = td_col_dup (stmt, 2);
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return FALSE;
  if (rc != TD_DB_ROW)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND,
                   _("%s was removed on another desk after you opened it, so your changes "
                     "were not saved."), what);
      return FALSE;
    }
  if (now == seen)
    return TRUE;
  if (by != NULL)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONFLICT,
                 _("%s was changed on another desk (by %s, at %s) after you opened it, so your "
                   "changes were not saved. Reload it and make them again."), what, by,
                 at != NULL ? at : "?");
  else
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONFLICT,
                 _("%s was changed on another desk (at %s) after you opened it, so your "
                   "changes were not saved. Reload it and make them again."), what,
                 at != NULL ? at : "?");
  return FALSE;
}

void
td_store_note_change (TdStore *self, const char *table, gint64 row)
{
  Change c = { table, row };

  g_array_append_val (self->changes, c);
}

void
td_bind_text (TdStmt *stmt, int index, const char *text)
{
  if (text == NULL || *text == '\0')
    td_stmt_bind_null (stmt, index);
  else
    td_stmt_bind_text (stmt, index, text);
}

void
td_bind_text_static (TdStmt *stmt, int index, const char *text)
{
  if (text == NULL || *text == '\0')
    td_stmt_bind_null (stmt, index);
  else
    td_stmt_bind_text_static (stmt, index, text);
}

void
td_bind_char (TdStmt *stmt, int index, char c)
{
  char text[2] = { c, '\0' };

  td_stmt_bind_text (stmt, index, text);
}

void
td_bind_int (TdStmt *stmt, int index, gint64 value)
{
  td_stmt_bind_int64 (stmt, index, value);
}

void
td_bind_int_or_null (TdStmt *stmt, int index, gint64 value, gint64 none)
{
  if (value == none)
    td_stmt_bind_null (stmt, index);
  else
    td_stmt_bind_int64 (stmt, index, value);
}

char *
td_col_dup (TdStmt *stmt, int column)
{
  return g_strdup (td_stmt_text (stmt, column));
}

void
td_col_copy (TdStmt *stmt, int column, char *buf, gsize size)
{
  const char *text = td_stmt_text (stmt, column);

  g_strlcpy (buf, text != NULL ? text : "", size);
}

gint64
td_col_int_or (TdStmt *stmt, int column, gint64 none)
{
  if (td_stmt_is_null (stmt, column))
    return none;
  return td_stmt_int64 (stmt, column);
}

gconstpointer
td_col_blob (TdStmt *stmt, int column)
{
  gsize size;

  return td_stmt_blob (stmt, column, &size);
}

int
td_col_bytes (TdStmt *stmt, int column)
{
  gsize size = 0;

  td_stmt_blob (stmt, column, &size);
  return (int) size;
}

/* ---- transactions ---- */

gboolean
td_store_begin (TdStore *self, GError **error)
{
  TdDbRc rc;

  g_return_val_if_fail (TD_IS_STORE (self), FALSE);
  /* refused before the server refuses a statement in its words */
  if (self->read_only && self->depth == 0)
    {
      set_read_only_error (self, error);
      return FALSE;
    }
  /* On a server as on SQLite (BEGIN IMMEDIATE), one desk writes at a time: the audit
   * entries are then numbered in the order their transactions commit, and each commit seals
   * exactly its own after the last one sealed.  Readers do not wait.  (One round trip.) */
  if (self->depth == 0 && self->db == NULL)
    {
      rc = td_db_exec (self->conn, "BEGIN; SELECT pg_advisory_xact_lock (1413770033, "
                                   "hashtext (current_schema ()))");
      if (rc != TD_DB_OK)
        {
          td_store_set_error (self, rc, error, NULL);
          td_db_rollback (self->conn);
          return FALSE;
        }
    }
  else
    rc = self->depth == 0 ? td_db_begin (self->conn)
                          : td_db_savepoint (self->conn, self->depth);
  if (rc != TD_DB_OK)
    {
      td_store_set_error (self, rc, error, NULL);
      return FALSE;
    }
  /* what the audit log held before: the entries after it are this transaction's to seal */
  if (self->depth == 0 && self->schema_version >= 4)
    self->audit_mark = td_store_audit_mark (self);
  self->depth++;
  return TRUE;
}

static void
emit_changes (TdStore *self)
{
  g_autoptr (GArray) changes = self->changes;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  self->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  /* each table changed counts once for this commit (td_store_get_change_count_of) */
  for (guint i = 0; i < changes->len; i++)
    {
      const char *table = g_array_index (changes, Change, i).table;

      if (g_hash_table_add (seen, (gpointer) table))
        g_hash_table_insert (self->table_commits, (gpointer) table, GSIZE_TO_POINTER (
          GPOINTER_TO_SIZE (g_hash_table_lookup (self->table_commits, table)) + 1));
    }
  for (guint i = 0; i < changes->len; i++)
    {
      Change *c = &g_array_index (changes, Change, i);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0, c->table, c->row);
    }
}

/* Rewriting a row rewrites its blob (a packet's bytes, when its status changes): the old
 * pages go back to the file system once more than a megabyte is free, so a sent batch does
 * not leave the file twice its size.  (A file created before auto_vacuum was set is
 * rewritten with it once, when it is opened: give_back_space_from_now_on.) */
static gboolean
give_back_space (TdStore *self, GError **error)
{
  TdStmt *stmt;
  gint64 free_pages = 0;

  if (self->db == NULL)
    return TRUE;   /* a server's own VACUUM does it */
  stmt = td_store_prepare (self, "PRAGMA freelist_count", error);
  if (stmt == NULL)
    return FALSE;
  if (td_stmt_step (stmt) == TD_DB_ROW)
    free_pages = td_stmt_int64 (stmt, 0);
  td_stmt_reset (stmt);
  return free_pages < 256 || td_store_exec (self, "PRAGMA incremental_vacuum", error);
}

/* The transaction at the current depth ends: the export locks it took pass to the enclosing
 * one (committed at depth 1), or, rolled back, are let go — the packet rows went with it, so
 * nobody needs to see those exports as running. */
static void
export_locks_pass (TdStore *self, gboolean rolled_back)
{
  GHashTableIter iter;
  gpointer id, depth;

  if (g_hash_table_size (self->export_locks) == 0)
    return;
  g_hash_table_iter_init (&iter, self->export_locks);
  while (g_hash_table_iter_next (&iter, &id, &depth))
    if (GPOINTER_TO_INT (depth) == self->depth && rolled_back)
      {
        td_store_export_lock_drop (self, id);
        g_hash_table_iter_remove (&iter);
      }
    else if (GPOINTER_TO_INT (depth) == self->depth)
      g_hash_table_iter_replace (&iter, GINT_TO_POINTER (self->depth - 1));
}

gboolean
td_store_commit (TdStore *self, GError **error)
{
  TdDbRc rc;

  g_return_val_if_fail (TD_IS_STORE (self) && self->depth > 0, FALSE);
  if (self->depth == 1 && self->schema_version >= 4
      && (!td_store_audit_seal (self, self->audit_mark, error) || !give_back_space (self, error)))
    {
      td_store_rollback (self);
      return FALSE;
    }
  rc = self->depth == 1 ? td_db_commit (self->conn) : td_db_release (self->conn, self->depth - 1);
  if (rc != TD_DB_OK)
    {
      td_store_set_error (self, rc, error, NULL);
      td_store_rollback (self);
      return FALSE;
    }
  export_locks_pass (self, FALSE);
  self->depth--;
  if (self->depth == 0)
    {
      self->commits += self->changes->len > 0;
      emit_changes (self);
    }
  return TRUE;
}

void
td_store_rollback (TdStore *self)
{
  g_return_if_fail (TD_IS_STORE (self));
  if (self->depth == 0)
    return;
  if (self->depth == self->bulk_depth)
    td_store_bulk_started (self, 0);   /* the pause and its entry went with the savepoint */
  if (self->depth == 1)
    {
      td_db_rollback (self->conn);
      g_array_set_size (self->changes, 0);
    }
  else
    td_db_rollback_to (self->conn, self->depth - 1);
  export_locks_pass (self, TRUE);
  self->depth--;
}

/* ---- the lock of a running export (PostgreSQL) ----
 * A packet is logged "writing" before its file is put in place (td_store_finish_packet).
 * On a server the desk that logs it holds a session lock keyed by the packet from inside the
 * transaction that logs it until the export ends: as long as the row can be seen, a desk
 * that cannot take the lock knows its export is running; one that can knows the exporter is
 * gone (closed, killed, its connection lost: the server let the lock go) and settles it
 * (td-store-files.c).  Two keys: TrainDesk's, and the packet in this database's schema (a
 * collision only makes a gone export look running until the other ends). */
#define EXPORT_LOCK_KEY "1413770034, hashtext (current_schema () || ' ' || ?::text)"

static gboolean
export_lock_call (TdStore *self, const char *sql, const char *packet_id, gboolean *got,
                  GError **error)
{
  TdStmt *stmt = td_store_prepare (self, sql, error);
  TdDbRc rc;

  if (stmt == NULL)
    return FALSE;
  td_bind_text (stmt, 1, packet_id);
  rc = td_stmt_step (stmt);
  if (rc == TD_DB_ROW && got != NULL)
    *got = td_stmt_int64 (stmt, 0) != 0;
  return td_store_read_end (self, stmt, rc, error);
}

gboolean
td_store_export_lock_take (TdStore *self, const char *packet_id, GError **error)
{
  if (self->db != NULL)
    return TRUE;
  g_return_val_if_fail (self->depth > 0, FALSE);
  if (!export_lock_call (self, "SELECT pg_advisory_lock (" EXPORT_LOCK_KEY ")", packet_id,
                         NULL, error))
    return FALSE;
  g_hash_table_insert (self->export_locks, g_strdup (packet_id),
                       GINT_TO_POINTER (self->depth));
  return TRUE;
}

gboolean
td_store_export_lock_try (TdStore *self, const char *packet_id)
{
  gboolean got = FALSE;
  g_autoptr (GError) error = NULL;

  if (self->db != NULL)
    return TRUE;
  /* this connection's own export is running (the lock is taken again by its holder) */
  if (g_hash_table_contains (self->export_locks, packet_id))
    return FALSE;
  if (!export_lock_call (self, "SELECT pg_try_advisory_lock (" EXPORT_LOCK_KEY ")::int",
                         packet_id, &got, &error))
    g_debug ("%s", error->message);
  return got;
}

void
td_store_export_lock_drop (TdStore *self, const char *packet_id)
{
  g_autoptr (GError) error = NULL;

  if (self->db != NULL)
    return;
  /* a connection lost meanwhile took the lock with it */
  if (!export_lock_call (self, "SELECT pg_advisory_unlock (" EXPORT_LOCK_KEY ")::int",
                         packet_id, NULL, &error))
    g_debug ("%s", error->message);
}

void
td_store_export_ended (TdStore *self, const char *packet_id)
{
  if (self->db == NULL && g_hash_table_remove (self->export_locks, packet_id))
    td_store_export_lock_drop (self, packet_id);
}

/* ---- opening ---- */

char *
td_store_default_path (void)
{
  const char *env = g_getenv ("TD_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "traindesk", "traindesk.db", NULL);
}

static gboolean
create_private_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_BINARY, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TD_STORE_ERROR,
                   saved == EROFS || saved == EACCES ? TD_STORE_ERROR_READ_ONLY
                                                     : TD_STORE_ERROR_OPEN,
                   _("Cannot create the database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  return TRUE;
}

static gboolean
errno_means_full (int sys)
{
#ifdef EDQUOT
  if (sys == EDQUOT)
    return TRUE;
#endif
  return sys == ENOSPC || sys == EFBIG;
}

/* Why SQLite could not open or read @path, said truly: "damaged" only when SQLite found
 * damage.  A full disk or a folder where SQLite cannot keep its -wal/-shm/-journal files
 * beside the database fail the same reads, and restoring a backup would not help. */
static void
set_open_error (const char *path, sqlite3 *db, int rc, GError **error)
{
  int code = (db != NULL ? sqlite3_errcode (db) : rc) & 0xff;
  int sys = db != NULL ? sqlite3_system_errno (db) : 0;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_autofree char *dir = g_path_get_dirname (path);

  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED,
                 _("The database %s is locked by another program. Close it and try "
                   "again."), path);
  else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CORRUPT,
                 _("The database %s is damaged (%s) and was not opened. It was left as "
                   "it is; restore it from a backup."), path, detail);
  else if (code == SQLITE_FULL || errno_means_full (sys))
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FULL,
                 _("The disk holding %s is full, so the database cannot be opened (it is not "
                   "damaged). Free some space on that disk and try again."), path);
  else if (g_access (dir, W_OK) != 0)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_READ_ONLY,
                 _("The folder %s is not writable, so the database %s cannot be opened: SQLite "
                   "keeps its journal files beside the database (it is not damaged). Make the "
                   "folder writable, or move the database to a folder you can write to, and "
                   "try again."), dir, path);
  else
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_OPEN,
                 _("The database %s cannot be read (%s). It was left as it is."), path, detail);
}

/* One integer a PRAGMA of @db returns, or the SQLite result code that failed in *@rc. */
static gint64
pragma_int (sqlite3 *db, const char *sql, int *rc)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      *rc = sqlite3_step (stmt);
      if (*rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          *rc = SQLITE_OK;
        }
      else
        *rc = sqlite3_errcode (db);
    }
  sqlite3_finalize (stmt);
  return value;
}

/* Whether @path is a TrainDesk database this version can open, asked of SQLite on a
 * read-only connection: after a crash the newest pages (the application id and the
 * version among them) are still in the -wal file, and only SQLite reads the two together.
 * A foreign, newer or damaged file is refused before anything writes to it.  *@is_empty is
 * set for a file with no table yet (new, or created by a run that stopped before its
 * first commit). */
static gboolean
check_file (const char *path, gboolean *is_empty, GError **error)
{
  sqlite3 *db = NULL;
  GStatBuf st;
  gint64 pages = 0, tables = 0, app_id = 0, version = 0;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  gboolean ok = FALSE;

  *is_empty = FALSE;
  if (rc == SQLITE_OK)
    pages = pragma_int (db, "PRAGMA page_count", &rc);
  if (rc == SQLITE_OK)
    tables = pragma_int (db, "SELECT count(*) FROM sqlite_master", &rc);
  if (rc == SQLITE_OK)
    app_id = pragma_int (db, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    version = pragma_int (db, "PRAGMA user_version", &rc);
  if ((rc & 0xff) == SQLITE_NOTADB
      /* SQLite takes a file shorter than one page for an empty database */
      || (rc == SQLITE_OK && pages == 0 && g_stat (path, &st) == 0 && st.st_size > 0))
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_TRAINDESK,
                 _("%s is not a TrainDesk database (it is not an SQLite file). "
                   "It was left as it is."), path);
  else if (rc != SQLITE_OK)
    set_open_error (path, db, rc, error);   /* locked, full disk, folder not writable … */
  else if (tables == 0 && app_id == 0)
    ok = *is_empty = TRUE;
  else if (app_id != TD_STORE_APPLICATION_ID)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_TRAINDESK,
                 _("%s is a database of another program, not of TrainDesk. "
                   "It was left as it is."), path);
  else if (version > TD_STORE_SCHEMA_VERSION)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_TOO_NEW,
                 _("%s was written by a newer version of TrainDesk (database version %u; "
                   "this one reads up to %d). Install the newer version to open it. "
                   "The file was left as it is."), path, (guint) version,
                 TD_STORE_SCHEMA_VERSION);
  else
    ok = TRUE;
  sqlite3_close (db);
  return ok;
}

/* Damage check on a read-only connection before anything writes to the file. */
static gboolean
check_integrity (const char *path, GError **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      if (!ok)
        g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CORRUPT,
                     _("The database %s is damaged (%s) and was not opened. It was left as "
                       "it is; restore it from a backup."), path,
                     (const char *) sqlite3_column_text (stmt, 0));
    }
  else
    set_open_error (path, db, rc, error);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

static TdStore *
open_connection (const char *path, gboolean read_only, GError **error)
{
  g_autoptr (TdStore) self = g_object_new (TD_TYPE_STORE, NULL);
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  int rc;

  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (self->db, 0);
      sqlite3_busy_timeout (self->db, 5000);
      /* 8 MiB of page cache instead of SQLite's 2: a bulk write (an import's 10,000
       * trainees) no longer spills pages to the log before its commit, and reading a large
       * class's chain again hits the cache */
      rc = sqlite3_exec (self->db, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -8192; "
                         "PRAGMA temp_store = MEMORY",
                         NULL, NULL, NULL);
    }
  /* a new file gives freed pages back (give_back_space): set before anything writes its
   * header; on an existing file it changes nothing */
  if (rc == SQLITE_OK && !read_only)
    rc = sqlite3_exec (self->db, "PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = WAL; "
                       "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (path, self->db, rc, error);
      return NULL;
    }
  self->conn = td_db_new_sqlite (self->db);
  return g_steal_pointer (&self);
}

/* A file made before TrainDesk set auto_vacuum (and before the audit log was compacted by
 * the migration to version 4) keeps every page it ever used: rewritten once with
 * incremental auto_vacuum, its free pages go back to the file system, now and at each
 * commit after (give_back_space).  Not being able to (a full disk) only leaves it as large
 * as it was. */
static void
give_back_space_from_now_on (TdStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 mode = -1, pages = 0, free_pages = 0;
  GStatBuf before, after;

  if (sqlite3_prepare_v2 (self->db, "SELECT * FROM pragma_auto_vacuum, pragma_page_count, "
                          "pragma_freelist_count", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      mode = sqlite3_column_int64 (stmt, 0);
      pages = sqlite3_column_int64 (stmt, 1);
      free_pages = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_finalize (stmt);
  if (mode != 0 || free_pages < 256)
    return;   /* set already, or less than a megabyte to give back (it can wait) */
  g_debug ("%s: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " pages free, rewritten with "
           "auto_vacuum", self->path, free_pages, pages);
  if (g_stat (self->path, &before) != 0
      || sqlite3_exec (self->db, "PRAGMA auto_vacuum = INCREMENTAL; VACUUM; "
                       "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK
      || g_stat (self->path, &after) != 0)
    return;
  if (before.st_size - after.st_size >= 1000000)
    td_store_add_notice (self, g_strdup_printf (_("The database was made smaller (%.1f MB to "
                                                  "%.1f MB): the space of old audit entries and "
                                                  "removed records went back to the disk."),
                                                before.st_size / 1e6, after.st_size / 1e6));
}

static int
read_user_version (TdStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static TdStore *
open_at_version (const char *path, TdStoreOpenFlags flags, int target, GError **error)
{
  gboolean read_only = (flags & TD_STORE_OPEN_READ_ONLY) != 0;
  gboolean is_empty = FALSE;
  g_autoptr (TdStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & TD_STORE_OPEN_CREATE) || read_only)
        {
          g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_OPEN,
                       _("No such database: %s. Check the path, or create one with "
                         "“traindesk-cli init” or by starting TrainDesk."), path);
          return NULL;
        }
      if (!create_private_file (path, error))
        return NULL;
    }
  if (!check_file (path, &is_empty, error))
    return NULL;
  /* Only a caller that may create a database writes the schema into an empty file. */
  if (is_empty && !(flags & TD_STORE_OPEN_CREATE))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_TRAINDESK,
                   _("%s is an empty file, not a TrainDesk database. It was left as it is; "
                     "create a database with “traindesk-cli init”."), path);
      return NULL;
    }
  if (!is_empty && !check_integrity (path, error))
    return NULL;
  self = open_connection (path, read_only, error);
  if (self == NULL)
    return NULL;
  td_store_make_private (self);
  self->schema_version = read_user_version (self);
  if (!read_only && self->schema_version < target)
    {
      if (!td_store_migrate (self, self->schema_version, target, error))
        return NULL;
      self->schema_version = target;
    }
  if (!read_only && !td_store_check_audit (self, error))
    return NULL;
  if (!read_only)
    give_back_space_from_now_on (self);
  if (!read_only && self->schema_version >= 2)
    td_store_tidy_files (self);
  return g_steal_pointer (&self);
}

/* ---- a database on a PostgreSQL server ---- */

/* The server's words about a sign-in that failed, said as what the user can do. */
static void
set_connect_error (const char *location, const GError *local, GError **error)
{
  switch (local->code)
    {
    case TD_DB_NO_PASSWORD:
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NEEDS_PASSWORD,
                   _("The database server of %s wants a password. Type it when asked (it is "
                     "not saved), or keep it in your .pgpass file."), location);
      break;
    case TD_DB_DENIED:
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_SIGN_IN,
                   _("The database server refused the sign-in to %s (%s). Check the user "
                     "name and the password."), location, local->message);
      break;
    case TD_DB_NO_DATABASE:
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NO_DATABASE,
                   _("The database server of %s has no database of that name (%s). Check "
                     "the name, or ask the server's administrator to create it."),
                   location, local->message);
      break;
    default:
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_OPEN,
                   _("Cannot reach the database server of %s (%s). Check the address and "
                     "that the server is running, then try again."), location,
                   local->message);
    }
}

/* Who this desk is on the server, and whether that role may only read: it may write when
 * it may add and change the records of every table an administrator's work touches
 * (the audit log is written as the role that changes a record).  A table another program
 * removed is left out: opening repairs the audit log's. */
static gboolean
read_role (TdStore *self, GError **error)
{
  TdStmt *stmt = td_store_prepare (self,
    "SELECT session_user::text, NOT bool_and (to_regclass (t) IS NULL "
    "  OR (has_table_privilege (t, 'INSERT') AND has_table_privilege (t, 'UPDATE') "
    "      AND has_table_privilege (t, 'DELETE'))) "
    "FROM unnest (ARRAY['class', 'lesson', 'trainee', 'enrolment', 'attendance', 'result', "
    "  'follow_up', 'packet', 'packet_content', 'claim', 'setting', 'audit', 'audit_head']) t",
    error);
  TdDbRc rc;

  if (stmt == NULL)
    return FALSE;
  rc = td_stmt_step (stmt);
  if (rc == TD_DB_ROW)
    {
      self->role = td_col_dup (stmt, 0);
      self->read_only = td_stmt_int64 (stmt, 1) != 0;
    }
  return td_store_read_end (self, stmt, rc, error);
}

/* The session as the store wants it: times in this desk's time zone (as SQLite's
 * 'localtime'), read-only when asked, and hearing the other desks' changes. */
static gboolean
set_up_session (TdStore *self, gboolean read_only, GError **error)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  const char *name = g_time_zone_get_identifier (zone);
  g_autofree char *channel = NULL;
  TdStmt *stmt;

  if (name != NULL && strchr (name, '\'') == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SET TimeZone = '%s'", name);
      /* a zone the server does not know keeps the server's */
      if (td_db_exec (self->conn, sql) != TD_DB_OK)
        g_debug ("%s: %s", sql, td_db_message (self->conn));
    }
  if (read_only && !td_store_exec (self, "SET default_transaction_read_only = on", error))
    return FALSE;
  stmt = td_store_prepare (self, "SELECT pg_backend_pid ()::text, current_schema ()", error);
  if (stmt == NULL)
    return FALSE;
  if (td_stmt_step (stmt) == TD_DB_ROW)
    {
      self->backend_pid = td_col_dup (stmt, 0);
      /* the desks of this database only (another may share the server's database) */
      channel = g_strconcat ("traindesk:", td_stmt_text (stmt, 1), NULL);
    }
  td_stmt_reset (stmt);
  if (channel == NULL || td_db_listen (self->conn, channel) != TD_DB_OK)
    {
      td_store_set_error (self, td_db_last_error (self->conn), error, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Signed in and the session set up; the database as it is (nothing created or migrated). */
static TdStore *
connect_server (const char *location, const char *password, gboolean read_only,
                GError **error)
{
  g_autoptr (TdStore) self = g_object_new (TD_TYPE_STORE, NULL);
  g_autoptr (GError) local = NULL;

  /* what messages and the title bar show: never the password */
  self->path = td_db_location_display (location);
  self->conn = td_db_open_postgresql_with_password (location, password, &local);
  if (self->conn == NULL)
    {
      set_connect_error (self->path, local, error);
      return NULL;
    }
  if (!set_up_session (self, read_only, error))
    return NULL;
  return g_steal_pointer (&self);
}

TdStore *
td_store_connect_server (const char *location, GError **error)
{
  g_return_val_if_fail (td_db_location_engine (location) == TD_DB_POSTGRESQL, NULL);
  return connect_server (location, NULL, FALSE, error);
}

static TdStore *
open_server (const char *location, const char *password, TdStoreOpenFlags flags, int target,
             GError **error)
{
  gboolean read_only = (flags & TD_STORE_OPEN_READ_ONLY) != 0;
  g_autoptr (TdStore) self = connect_server (location, password, read_only, error);
  int version;

  if (self == NULL)
    return NULL;
  version = td_store_pg_read_version (self, error);
  if (version < 0)
    return NULL;
  if (version == 0 && (!(flags & TD_STORE_OPEN_CREATE) || read_only))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_TRAINDESK,
                   _("The server database %s holds no TrainDesk database yet. Create one "
                     "with “traindesk-cli init %s”."), self->path, self->path);
      return NULL;
    }
  if (version > 0)
    {
      if (!read_role (self, error))
        return NULL;
      /* an inspector's desk: what the role may do, not a setting, makes it read-only */
      read_only = read_only || self->read_only;
      if (self->read_only && version < target)
        {
          g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_READ_ONLY,
                       _("The server database %s is at version %d and must first be "
                         "brought to version %d by a desk that may write it, such as its "
                         "owner's; “%s” may only read it."), self->path, version, target,
                       self->role);
          return NULL;
        }
    }
  if (version == 0 ? !td_store_pg_create (self, target, error)
      : !read_only && version < target && !td_store_migrate (self, version, target, error))
    return NULL;
  if (version == 0 && !read_role (self, error))
    return NULL;
  self->schema_version = version == 0 || (!read_only && version < target) ? target : version;
  if (!read_only && !td_store_check_audit (self, error))
    return NULL;
  if (!read_only)
    td_store_tidy_files (self);
  return g_steal_pointer (&self);
}

TdStore *
td_store_open (const char *path, TdStoreOpenFlags flags, GError **error)
{
  return td_store_open_with_password (path, NULL, flags, error);
}

TdStore *
td_store_open_with_password (const char *path, const char *password, TdStoreOpenFlags flags,
                             GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  if (td_db_location_engine (path) == TD_DB_POSTGRESQL)
    return open_server (path, password, flags, TD_STORE_SCHEMA_VERSION, error);
  return open_at_version (path, flags, TD_STORE_SCHEMA_VERSION, error);
}

gboolean
td_store_is_read_only (TdStore *self)
{
  g_return_val_if_fail (TD_IS_STORE (self), FALSE);
  return self->read_only;
}

const char *
td_store_get_role (TdStore *self)
{
  g_return_val_if_fail (TD_IS_STORE (self), NULL);
  return self->role;
}

/* A role's name as SQL text: only what CREATE ROLE takes unquoted, lower case. */
static gboolean
plain_role_name (const char *role)
{
  if (role == NULL || !g_ascii_islower (*role) || strlen (role) > 63)
    return FALSE;
  for (const char *c = role; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '_')
      return FALSE;
  return TRUE;
}

gboolean
td_store_grant_role (TdStore *self, const char *role, gboolean write, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TD_IS_STORE (self), FALSE);
  if (self->db != NULL)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FAILED,
                   _("%s is a database file: it has no roles. Roles are for a database on a "
                     "PostgreSQL server."), self->path);
      return FALSE;
    }
  if (!plain_role_name (role))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FAILED,
                   _("“%s” is not a role name TrainDesk can give rights to: use lower-case "
                     "letters, digits and “_”, beginning with a letter."), role);
      return FALSE;
    }
  /* the schema's name from the server: current_schema () is the one this store works in */
  sql = g_strdup_printf (
    "DO $td$ DECLARE s text := quote_ident (current_schema ()); r text := '%s'; BEGIN "
    "EXECUTE 'GRANT USAGE ON SCHEMA ' || s || ' TO ' || r; "
    "EXECUTE 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA ' || s "
    "  || ' FROM ' || r; "
    "EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA ' || s || ' TO ' || r; "
    "IF %s THEN "
    "  EXECUTE 'GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ' || s || ' TO ' || r; "
    "  EXECUTE 'GRANT USAGE ON ALL SEQUENCES IN SCHEMA ' || s || ' TO ' || r; "
    "END IF; END $td$", role, write ? "true" : "false");
  return td_store_exec (self, sql, error);
}

gboolean
td_store_is_on_server (TdStore *self)
{
  g_return_val_if_fail (TD_IS_STORE (self), FALSE);
  return self->db == NULL;
}

TdStore *
td_store_create_at_version (const char *path, int version, GError **error)
{
  g_return_val_if_fail (version >= 1 && version <= TD_STORE_SCHEMA_VERSION, NULL);
  if (td_db_location_engine (path) == TD_DB_POSTGRESQL)
    {
      /* a server database starts at version 4 (td-store-schema-pg.c) */
      g_return_val_if_fail (version >= 4, NULL);
      return open_server (path, NULL, TD_STORE_OPEN_CREATE, version, error);
    }
  return open_at_version (path, TD_STORE_OPEN_CREATE, version, error);
}

const char *
td_store_get_path (TdStore *self)
{
  g_return_val_if_fail (TD_IS_STORE (self), NULL);
  return self->path;
}

int
td_store_get_schema_version (TdStore *self)
{
  g_return_val_if_fail (TD_IS_STORE (self), 0);
  return self->schema_version;
}

gboolean
td_store_is_empty (TdStore *self, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (TdInstitution) inst = td_store_get_institution (self, &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return inst == NULL;
}

gboolean
td_store_missing_ok (GError **local, GError **error)
{
  if (*local == NULL)
    return TRUE;
  if (g_error_matches (*local, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND))
    {
      g_clear_error (local);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (local));
  return FALSE;
}
