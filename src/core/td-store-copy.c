/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moving an institution in and out (issue 16): td_store_copy () copies a database, row for row
 * with its ids, from one engine to the other (or the same), and td_store_backup () of a server
 * database uses it to write an SQLite file.
 *
 * The target is made new at this version's schema (td_store_pg_create, or td_store_open on a
 * temporary file), then every table is copied in the order of its foreign keys, the columns
 * being the target's own (a column only one engine has, none now, would be left out).  Nothing
 * is logged for the copied rows: the audit log is copied as it is, entries, hashes and seal,
 * so the target's triggers are off while the rows go in (on a server ALTER TABLE … DISABLE
 * TRIGGER USER inside the copy's transaction, so no other desk ever sees them off; on SQLite
 * the connection runs none).  The source is read in one snapshot, so a desk writing meanwhile
 * changes nothing of what is copied. */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/td-file.h"
#include "core/td-store-private.h"

typedef struct
{
  const char *table;
  const char *key;          /* the order of a server's rows (SQLite's: the rowid) */
} CopyTable;

/* Every table of the schema but "traindesk" (what SQLite keeps in PRAGMAs, written when the
 * target is made) and audit_pause (empty but during a bulk write), parents first. */
static const CopyTable copy_tables[] = {
  { "institution", "id" }, { "setting", "key" }, { "catalog", "id" },
  { "catalog_year", "id" }, { "catalog_day", "id" }, { "catalog_item", "id" },
  { "catalog_standard", "id" }, { "class", "id" }, { "teacher", "id" }, { "lesson", "id" },
  { "trainee", "id" }, { "enrolment", "id" }, { "terminal_no", "enrolment_id" },
  { "attendance", "id" }, { "result", "id" }, { "follow_up", "id" },
  /* SQLite logs a packet's rowid: the packets go into a file in the order they were made */
  { "packet", "created, id" }, { "packet_content", "packet_id" }, { "packet_issue", "id" }, { "claim", "id" },
  { "claim_line", "id" }, { "audit", "id" }, { "audit_head", "id" },
};

static const char *const not_copied[] = { "traindesk", "audit_pause" };

typedef enum { COL_INT, COL_TEXT, COL_BLOB } ColumnKind;

typedef struct
{
  char *name;
  ColumnKind kind;
} Column;

static void
column_clear (gpointer data)
{
  g_free (((Column *) data)->name);
}

/* The columns of @table in @store, in the table's order. */
static GArray *
table_columns (TdStore *store, const char *table, GError **error)
{
  g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  TdStmt *stmt = td_store_prepare (store, TD_SQL (store,
    "SELECT name, upper (type) FROM pragma_table_info (?1) ORDER BY cid",
    "SELECT column_name, upper (data_type) FROM information_schema.columns "
    "WHERE table_schema = current_schema () AND table_name = ?1 ORDER BY ordinal_position"),
    error);
  TdDbRc rc;

  g_array_set_clear_func (columns, column_clear);
  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, table);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      const char *type = td_stmt_text (stmt, 1);
      Column c = { td_col_dup (stmt, 0), COL_TEXT };

      if (type != NULL && strstr (type, "INT") != NULL)
        c.kind = COL_INT;
      else if (type != NULL && (strstr (type, "BLOB") != NULL || strstr (type, "BYTEA") != NULL))
        c.kind = COL_BLOB;
      g_array_append_val (columns, c);
    }
  if (!td_store_read_end (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&columns);
}

/* The tables of @store's database (the schema's, on a server). */
static GPtrArray *
list_tables (TdStore *store, GError **error)
{
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  TdStmt *stmt = td_store_prepare (store, TD_SQL (store,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
    "ESCAPE '\\'",
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema () "
    "AND table_type = 'BASE TABLE'"), error);
  TdDbRc rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    g_ptr_array_add (tables, td_col_dup (stmt, 0));
  if (!td_store_read_end (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&tables);
}

/* Every table of the target is one the copy knows: a table added to the schema and not to
 * copy_tables would otherwise be left empty without a word. */
static gboolean
check_tables_known (TdStore *dst, GError **error)
{
  g_autoptr (GPtrArray) tables = list_tables (dst, error);

  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      const char *t = tables->pdata[i];
      gboolean known = FALSE;

      for (gsize k = 0; k < G_N_ELEMENTS (not_copied) && !known; k++)
        known = g_str_equal (not_copied[k], t);

      for (gsize k = 0; k < G_N_ELEMENTS (copy_tables) && !known; k++)
        known = g_str_equal (copy_tables[k].table, t);
      if (!known)
        {
          g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FAILED,
                       _("This version of TrainDesk cannot copy the table %s, so nothing was "
                         "copied."), t);
          return FALSE;
        }
    }
  return TRUE;
}

/* Why a write to the target failed, in words; nothing of the copy is left. */
static void
set_write_error (TdStore *dst, TdDbRc rc, const char *display, const char *table,
                 GError **error)
{
  const char *detail = td_db_message (td_store_conn (dst));

  if (rc == TD_DB_FULL)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FULL,
                 _("The disk is full (%s), so nothing was copied to %s. Free some space and "
                   "copy again."), detail, display);
  else if (rc == TD_DB_GONE)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_OPEN,
                 _("The connection to the database server was lost (%s), so nothing was "
                   "copied to %s. Check that the server is running and copy again."), detail,
                 display);
  else
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FAILED,
                 _("Copying the table %s to %s failed (%s), so nothing was copied."),
                 table != NULL ? table : "-", display, detail);
}

/* Binds column @i of the source's current row to parameter @i + 1 of @ins. */
static gboolean
bind_value (TdStmt *sel, TdStmt *ins, int i, const Column *c, const char *table, GError **error)
{
  const char *text;
  gint64 value;
  gsize size = 0;
  gconstpointer bytes;

  if (td_stmt_is_null (sel, i))
    {
      td_stmt_bind_null (ins, i + 1);
      return TRUE;
    }
  switch (c->kind)
    {
    case COL_INT:
      /* as text: SQLite keeps what it is given, and a word in a number's column is said,
       * not copied as 0 */
      text = td_stmt_text (sel, i);
      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, (gint64 *) &value, NULL))
        {
          g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                       _("The table %s holds “%s” in its column %s, where a whole number "
                         "belongs, so nothing was copied. Correct that row and copy again."),
                       table, text, c->name);
          return FALSE;
        }
      td_stmt_bind_int64 (ins, i + 1, value);
      break;
    case COL_TEXT:
      td_stmt_bind_text (ins, i + 1, td_stmt_text (sel, i));   /* "" stays "", not NULL */
      break;
    case COL_BLOB:
      bytes = td_stmt_blob (sel, i, &size);
      td_stmt_bind_blob (ins, i + 1, size > 0 ? bytes : "", size);
      break;
    }
  return TRUE;
}

/* Rows read from a server at a time. */
#define COPY_FETCH 256

/* Copies the rows of @t from @src (inside its snapshot) into @dst; *@n_rows counts them. */
static gboolean
copy_table (TdStore *src, TdStore *dst, const char *display, const CopyTable *t,
            gint64 *n_rows, GCancellable *cancellable, GError **error)
{
  g_autoptr (GArray) columns = table_columns (dst, t->table, error);
  g_autoptr (GArray) theirs = columns != NULL ? table_columns (src, t->table, error) : NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  g_autoptr (GString) params = g_string_new (NULL);
  g_autofree char *select = NULL, *insert = NULL;
  g_autoptr (TdStmt) sel = NULL;
  g_autoptr (TdStmt) ins = NULL;
  TdDbRc rc;

  if (theirs == NULL)
    return FALSE;
  /* a column only the target has (a server's audit "who") is left to its default */
  for (guint i = columns->len; i-- > 0;)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < theirs->len && !found; j++)
        found = g_str_equal (g_array_index (theirs, Column, j).name,
                             g_array_index (columns, Column, i).name);
      if (!found)
        g_array_remove_index (columns, i);
    }
  for (guint i = 0; i < columns->len; i++)
    {
      g_string_append_printf (names, "%s\"%s\"", i > 0 ? ", " : "",
                              g_array_index (columns, Column, i).name);
      g_string_append_printf (params, "%s?%u", i > 0 ? ", " : "", i + 1);
    }
  select = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s", names->str, t->table,
                            td_store_on_server (src) ? t->key : "rowid");
  insert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", t->table, names->str,
                            params->str);
  /* a server hands a statement's rows over all at once: read through a cursor instead, so
   * that a large table (the audit log, the packets' bytes) is never whole in memory */
  if (td_store_on_server (src))
    {
      g_autofree char *declare = g_strdup_printf ("DECLARE td_copy NO SCROLL CURSOR FOR %s",
                                                  select);

      if ((rc = td_db_exec (td_store_conn (src), declare)) != TD_DB_OK)
        {
          td_store_read_error (src, rc, error);
          return FALSE;
        }
      g_free (select);
      select = g_strdup_printf ("FETCH %d FROM td_copy", COPY_FETCH);
    }
  if ((rc = td_store_prepare_once (src, select, &sel)) != TD_DB_OK)
    {
      td_store_read_error (src, rc, error);
      return FALSE;
    }
  if ((rc = td_store_prepare_once (dst, insert, &ins)) != TD_DB_OK)
    {
      set_write_error (dst, rc, display, t->table, error);
      return FALSE;
    }
  for (;;)
    {
      gint64 fetched = 0;

      while ((rc = td_stmt_step (sel)) == TD_DB_ROW)
        {
          for (guint i = 0; i < columns->len; i++)
            if (!bind_value (sel, ins, (int) i, &g_array_index (columns, Column, i), t->table,
                             error))
              return FALSE;
          rc = td_stmt_step (ins);
          td_stmt_reset (ins);
          if (rc != TD_DB_DONE)
            {
              set_write_error (dst, rc, display, t->table, error);
              return FALSE;
            }
          fetched++;
          ++*n_rows;
          if (*n_rows % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
        }
      if (rc != TD_DB_DONE)
        {
          td_store_read_error (src, rc, error);
          return FALSE;
        }
      if (!td_store_on_server (src) || fetched < COPY_FETCH)
        break;
      td_stmt_reset (sel);   /* the next rows of the cursor */
    }
  return !td_store_on_server (src) || td_store_exec (src, "CLOSE td_copy", error);
}

/* Every table's rows, inside the target's transaction (its triggers off). */
static gboolean
copy_rows (TdStore *src, TdStore *dst, const char *display, gint64 *n_rows,
           GCancellable *cancellable, GError **error)
{
  TdDb *conn = td_store_conn (src);
  gboolean ok = TRUE;
  TdDbRc rc;

  if (!check_tables_known (dst, error))
    return FALSE;
  /* what making the target wrote (its first audit seal …) goes: the source's comes instead */
  for (gsize i = G_N_ELEMENTS (copy_tables); i-- > 0;)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", copy_tables[i].table);

      if ((rc = td_db_exec (td_store_conn (dst), sql)) != TD_DB_OK)
        {
          set_write_error (dst, rc, display, copy_tables[i].table, error);
          return FALSE;
        }
    }
  /* one snapshot of the source: what another desk commits meanwhile is not half in it */
  rc = td_db_exec (conn, TD_SQL (src, "BEGIN", "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
  if (rc != TD_DB_OK)
    {
      td_store_read_error (src, rc, error);
      return FALSE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (copy_tables) && ok; i++)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error)
         && copy_table (src, dst, display, &copy_tables[i], n_rows, cancellable, error);
  td_db_exec (conn, "ROLLBACK");   /* it only read */
  return ok;
}

/* On a server: the triggers of every copied table off or on again (@how: DISABLE, ENABLE). */
static gboolean
server_triggers (TdStore *dst, const char *how, GError **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (copy_tables); i++)
    g_string_append_printf (sql, "ALTER TABLE %s %s TRIGGER USER;", copy_tables[i].table, how);
  return td_store_exec (dst, sql->str, error);
}

/* On a server: each identity counter goes on after the highest id copied. */
static gboolean
server_counters (TdStore *dst, GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (copy_tables); i++)
    {
      const char *t = copy_tables[i].table;
      g_autofree char *sql = NULL;

      if (!g_str_equal (copy_tables[i].key, "id") || g_str_equal (t, "institution")
          || g_str_equal (t, "audit_head"))
        continue;   /* no counter: a text key, or a table of one row (id 1) */
      sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', 'id'), max (id)) "
                             "FROM %s HAVING max (id) IS NOT NULL", t, t);
      if (!td_store_exec (dst, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Whether the server schema of @dst may receive the copy: none of TrainDesk there yet, and no
 * table of another program's; or, with TD_STORE_COPY_REPLACE, a TrainDesk database of this
 * version or older, dropped here (inside the copy's transaction). */
static gboolean
server_target_free (TdStore *dst, TdStoreCopyFlags flags, GError **error)
{
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (GString) drop = NULL;
  int version = td_store_pg_read_version (dst, error);

  if (version < 0)
    return FALSE;   /* another program's "traindesk" table, or a newer TrainDesk's */
  if (version == 0)
    {
      tables = list_tables (dst, error);
      if (tables == NULL)
        return FALSE;
      if (tables->len > 0)
        {
          g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_EMPTY,
                       _("The server database %s holds tables of another program (%s), so "
                         "nothing was copied into it. Copy into an empty database."),
                       td_store_get_path (dst), (const char *) tables->pdata[0]);
          return FALSE;
        }
      return TRUE;
    }
  if (!(flags & TD_STORE_COPY_REPLACE))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_EMPTY,
                   _("The server database %s already holds a TrainDesk database, so nothing "
                     "was copied into it. Copy into an empty database, or replace that one."),
                   td_store_get_path (dst));
      return FALSE;
    }
  drop = g_string_new ("DROP TABLE IF EXISTS traindesk");
  for (gsize i = 0; i < G_N_ELEMENTS (copy_tables); i++)
    g_string_append_printf (drop, ", %s", copy_tables[i].table);
  g_string_append (drop, ", audit_pause CASCADE");
  return td_store_exec (dst, drop->str, error);
}

static gboolean
copy_to_server (TdStore *self, const char *target, TdStoreCopyFlags flags, gint64 *n_rows,
                GCancellable *cancellable, GError **error)
{
  g_autoptr (TdStore) dst = td_store_connect_server (target, error);

  if (dst == NULL)
    return FALSE;
  /* one transaction: a failure anywhere leaves the server as it was */
  if (!td_store_begin (dst, error))
    return FALSE;
  /* as two desks making a database at once (td_store_pg_create): one at a time */
  if (!td_store_exec (dst, "SELECT pg_advisory_xact_lock (1413770033)", error)
      || !server_target_free (dst, flags, error)
      || !td_store_pg_create (dst, TD_STORE_SCHEMA_VERSION, error)
      /* the audit's "who" (td-store-schema-pg.c adds it on opening) here already, so that
       * the copied entries keep theirs, or none from a file: not the role that opens the
       * copy first, which is what adding it with its default would write into each */
      || !td_store_exec (dst, "ALTER TABLE audit ADD COLUMN IF NOT EXISTS who TEXT", error)
      || !server_triggers (dst, "DISABLE", error)
      || !copy_rows (self, dst, td_store_get_path (dst), n_rows, cancellable, error)
      || !td_store_exec (dst, "ALTER TABLE audit ALTER COLUMN who SET DEFAULT session_user",
                         error)
      || !server_counters (dst, error)
      || !server_triggers (dst, "ENABLE", error))
    {
      td_store_rollback (dst);
      return FALSE;
    }
  return td_store_commit (dst, error);
}

/* The files SQLite may keep beside @path. */
static void
remove_journals (const char *path)
{
  const char *const suffixes[] = { "-wal", "-shm", "-journal" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

static gboolean
copy_to_file (TdStore *self, const char *target, TdStoreCopyFlags flags, gint64 *n_rows,
              GCancellable *cancellable, GError **error)
{
  g_autoptr (TdFile) file = NULL;
  g_autoptr (TdStore) dst = NULL;
  GStatBuf st;
  TdDbRc rc;

  /* (a folder is td_file_new ()'s to refuse, in its words) */
  if (!(flags & TD_STORE_COPY_REPLACE) && g_stat (target, &st) == 0 && st.st_size > 0
      && !g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_EMPTY,
                   _("%s already exists, so nothing was copied into it. Copy into a new file, "
                     "or replace that one."), target);
      return FALSE;
    }
  /* made whole under a temporary name beside @target, renamed over it when complete */
  file = td_file_new (target, error);
  if (file == NULL)
    return FALSE;
  dst = td_store_open (td_file_get_temp_path (file), TD_STORE_OPEN_CREATE, error);
  if (dst == NULL)
    {
      remove_journals (td_file_get_temp_path (file));
      return FALSE;
    }
  sqlite3_db_config (td_store_db (dst), SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  /* not td_store_begin (): its commit would seal the copied audit entries again */
  rc = td_db_begin (td_store_conn (dst));
  if (rc != TD_DB_OK)
    set_write_error (dst, rc, target, NULL, error);
  else if (!copy_rows (self, dst, target, n_rows, cancellable, error))
    rc = TD_DB_FAILED;
  else if ((rc = td_db_commit (td_store_conn (dst))) != TD_DB_OK
           || (rc = td_db_exec (td_store_conn (dst), "PRAGMA journal_mode = DELETE")) != TD_DB_OK)
    set_write_error (dst, rc, target, NULL, error);
  if (rc != TD_DB_OK)
    td_db_rollback (td_store_conn (dst));
  g_clear_object (&dst);   /* closed: the file stands alone */
  if (rc != TD_DB_OK)
    {
      remove_journals (td_file_get_temp_path (file));
      return FALSE;
    }
  return td_file_commit (file, error);
}

/* Whether @target names @self's own database (a copy onto itself would wait for itself on a
 * server, and replace the file it reads from). */
static gboolean
same_database (TdStore *self, const char *target)
{
  g_autofree char *shown = NULL, *mine = NULL, *theirs = NULL;

  if (td_store_on_server (self) != (td_db_location_engine (target) == TD_DB_POSTGRESQL))
    return FALSE;
  if (td_store_on_server (self))
    {
      shown = td_db_location_display (target);
      return g_str_equal (shown, td_store_get_path (self));
    }
  mine = td_file_absolute (td_store_get_path (self));
  theirs = td_file_absolute (target);
  return g_str_equal (mine, theirs);
}

gboolean
td_store_copy (TdStore *self, const char *target, TdStoreCopyFlags flags, gint64 *n_rows,
               GCancellable *cancellable, GError **error)
{
  gint64 rows = 0;
  gboolean ok;

  g_return_val_if_fail (TD_IS_STORE (self) && target != NULL, FALSE);
  g_return_val_if_fail (td_store_depth (self) == 0, FALSE);
  if (td_store_get_schema_version (self) != TD_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FAILED,
                   _("%s is at database version %d and this TrainDesk copies version %d: open "
                     "it once for writing (it is brought up to date), then copy it."),
                   td_store_get_path (self), td_store_get_schema_version (self),
                   TD_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (same_database (self, target))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_EMPTY,
                   _("%s is the database being copied: copy it somewhere else."),
                   td_store_get_path (self));
      return FALSE;
    }
  if (td_db_location_engine (target) == TD_DB_POSTGRESQL)
    ok = copy_to_server (self, target, flags, &rows, cancellable, error);
  else
    ok = copy_to_file (self, target, flags, &rows, cancellable, error);
  if (n_rows != NULL)
    *n_rows = ok ? rows : 0;
  return ok;
}
