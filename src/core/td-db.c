/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The statement layer: what is the same for every engine (the statement cache, the
 * transactions, which engine a location names) and the calls handed to the engine. */
#define G_LOG_DOMAIN "td-db"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-db-private.h"

G_DEFINE_QUARK (td-db-error-quark, td_db_error)

/* The keywords a libpq connection string may begin with (the ones a person writes). */
static const char *const pg_keywords[] = {
  "service", "host", "hostaddr", "port", "dbname", "user", NULL,
};

TdDbEngine
td_db_location_engine (const char *location)
{
  const char *eq;

  g_return_val_if_fail (location != NULL, TD_DB_SQLITE);
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TD_DB_POSTGRESQL;
  eq = strchr (location, '=');
  if (eq == NULL)
    return TD_DB_SQLITE;
  for (int i = 0; pg_keywords[i] != NULL; i++)
    {
      gsize n = strlen (pg_keywords[i]);
      const char *p = location + n;

      if (strncmp (location, pg_keywords[i], n) != 0)
        continue;
      while (*p == ' ')
        p++;
      if (*p == '=')
        return TD_DB_POSTGRESQL;
    }
  return TD_DB_SQLITE;
}

char *
td_db_location_display (const char *location)
{
  g_autoptr (GRegex) user = NULL, query = NULL, keyword = NULL;
  g_autofree char *step1 = NULL, *step2 = NULL;

  g_return_val_if_fail (location != NULL, NULL);
  if (td_db_location_engine (location) != TD_DB_POSTGRESQL)
    return g_strdup (location);
  /* postgresql://user:secret@host → postgresql://user@host; ?password=secret& → ?;
   * password=secret or password='sec ret' in a keyword string → gone */
  user = g_regex_new ("^(postgres(ql)?://[^:@/?]*):[^@/?]*@", 0, 0, NULL);
  query = g_regex_new ("([?&])password=[^&]*(&|$)", 0, 0, NULL);
  keyword = g_regex_new ("(^| )password *= *('([^'\\\\]|\\\\.|'')*'|[^ ]*) *", 0, 0, NULL);
  step1 = g_regex_replace (user, location, -1, 0, "\\1@", 0, NULL);
  if (g_str_has_prefix (location, "postgres"))
    return g_regex_replace (query, step1, -1, 0, "\\1", 0, NULL);
  step2 = g_regex_replace (keyword, step1, -1, 0, "\\1", 0, NULL);
  return g_strchomp (g_steal_pointer (&step2));
}

gboolean
td_db_have_postgresql (void)
{
#ifdef HAVE_LIBPQ
  return TRUE;
#else
  return FALSE;
#endif
}

#ifndef HAVE_LIBPQ
TdDb *
td_db_open_postgresql_with_password (const char *conninfo, const char *password,
                                     GError **error)
{
  g_set_error (error, TD_DB_ERROR, TD_DB_FAILED,
               _("This copy of TrainDesk was built without PostgreSQL support, so it cannot "
                 "open %s. Use a database file, or a TrainDesk built with libpq."), conninfo);
  return NULL;
}
#endif

TdDb *
td_db_open_postgresql (const char *conninfo, GError **error)
{
  return td_db_open_postgresql_with_password (conninfo, NULL, error);
}

void
td_db_init (TdDb *db, const TdDbClass *klass)
{
  db->klass = klass;
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) td_stmt_free);
}

void
td_db_free (TdDb *db)
{
  if (db == NULL)
    return;
  /* the statements go before the connection they belong to */
  db->closing = TRUE;
  g_clear_pointer (&db->statements, g_hash_table_unref);
  db->klass->close (db);
}

TdDbEngine
td_db_engine (TdDb *db)
{
  return db->klass->engine;
}

const char *
td_db_message (TdDb *db)
{
  return db->klass->message (db);
}

TdDbRc
td_db_last_error (TdDb *db)
{
  return db->klass->last_error (db);
}

void
td_db_set_error (TdDb *db, TdDbRc rc, GError **error, const char *what)
{
  if (what != NULL)
    g_set_error (error, TD_DB_ERROR, rc, "%s: %s", what, td_db_message (db));
  else
    g_set_error_literal (error, TD_DB_ERROR, rc, td_db_message (db));
}

TdDbRc
td_db_exec (TdDb *db, const char *sql)
{
  return db->klass->exec (db, sql);
}

TdStmt *
td_db_prepare_once (TdDb *db, const char *sql, TdDbRc *rc)
{
  TdDbRc ignored;

  return db->klass->prepare (db, sql, rc != NULL ? rc : &ignored);
}

TdStmt *
td_db_prepare (TdDb *db, const char *sql, TdDbRc *rc)
{
  TdStmt *stmt = g_hash_table_lookup (db->statements, sql);

  if (stmt != NULL)
    {
      db->klass->reset (stmt);
      db->klass->clear_bindings (stmt);
      if (rc != NULL)
        *rc = TD_DB_OK;
      return stmt;
    }
  stmt = td_db_prepare_once (db, sql, rc);
  if (stmt != NULL)
    g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

void
td_stmt_free (TdStmt *stmt)
{
  if (stmt != NULL)
    stmt->db->klass->finalize (stmt);
}

TdDbRc
td_db_begin (TdDb *db)
{
  return td_db_exec (db, db->klass->begin_sql);
}

TdDbRc
td_db_commit (TdDb *db)
{
  return td_db_exec (db, "COMMIT");
}

TdDbRc
td_db_rollback (TdDb *db)
{
  return td_db_exec (db, "ROLLBACK");
}

static TdDbRc
exec_free (TdDb *db, char *sql)
{
  g_autofree char *owned = sql;

  return td_db_exec (db, owned);
}

TdDbRc
td_db_savepoint (TdDb *db, int depth)
{
  return exec_free (db, g_strdup_printf ("SAVEPOINT sp%d", depth));
}

TdDbRc
td_db_release (TdDb *db, int depth)
{
  return exec_free (db, g_strdup_printf ("RELEASE sp%d", depth));
}

TdDbRc
td_db_rollback_to (TdDb *db, int depth)
{
  return exec_free (db, g_strdup_printf ("ROLLBACK TO sp%d; RELEASE sp%d", depth, depth));
}

TdDbRc
td_db_listen (TdDb *db, const char *channel)
{
  g_return_val_if_fail (channel != NULL, TD_DB_FAILED);
  return db->klass->listen != NULL ? db->klass->listen (db, channel) : TD_DB_OK;
}

GPtrArray *
td_db_take_notifications (TdDb *db)
{
  g_autoptr (GPtrArray) heard = g_ptr_array_new_with_free_func (g_free);

  if (db->klass->take_notifications != NULL && !db->klass->take_notifications (db, heard))
    return NULL;
  return g_steal_pointer (&heard);
}

gint64
td_db_changes (TdDb *db)
{
  return db->klass->changes (db);
}

void
td_stmt_bind_null (TdStmt *stmt, int index)
{
  stmt->db->klass->bind_null (stmt, index);
}

void
td_stmt_bind_int64 (TdStmt *stmt, int index, gint64 value)
{
  stmt->db->klass->bind_int64 (stmt, index, value);
}

void
td_stmt_bind_text (TdStmt *stmt, int index, const char *text)
{
  if (text == NULL)
    stmt->db->klass->bind_null (stmt, index);
  else
    stmt->db->klass->bind_text (stmt, index, text);
}

void
td_stmt_bind_text_static (TdStmt *stmt, int index, const char *text)
{
  if (text == NULL)
    stmt->db->klass->bind_null (stmt, index);
  else if (stmt->db->klass->bind_text_static != NULL)
    stmt->db->klass->bind_text_static (stmt, index, text);
  else
    stmt->db->klass->bind_text (stmt, index, text);
}

void
td_stmt_bind_blob (TdStmt *stmt, int index, gconstpointer data, gsize size)
{
  stmt->db->klass->bind_blob (stmt, index, data, size);
}

int
td_stmt_param_count (TdStmt *stmt)
{
  return stmt->db->klass->param_count (stmt);
}

TdDbRc
td_stmt_step (TdStmt *stmt)
{
  return stmt->db->klass->step (stmt);
}

void
td_stmt_reset (TdStmt *stmt)
{
  stmt->db->klass->reset (stmt);
}

int
td_stmt_column_count (TdStmt *stmt)
{
  return stmt->db->klass->column_count (stmt);
}

gboolean
td_stmt_is_null (TdStmt *stmt, int column)
{
  return stmt->db->klass->is_null (stmt, column);
}

gint64
td_stmt_int64 (TdStmt *stmt, int column)
{
  return stmt->db->klass->int64 (stmt, column);
}

const char *
td_stmt_text (TdStmt *stmt, int column)
{
  return stmt->db->klass->text (stmt, column);
}

gconstpointer
td_stmt_blob (TdStmt *stmt, int column, gsize *size)
{
  return stmt->db->klass->blob (stmt, column, size);
}

/* Copies @sql[*@i] and what belongs to it up to the end of a quoted string or comment. */
static void
copy_quoted (GString *out, const char *sql, gsize *i)
{
  char open = sql[*i];
  const char *end;

  if (open == '-')                       /* "--" to the end of the line */
    end = strchr (sql + *i, '\n');
  else if (open == '/')                  /* slash-star to star-slash */
    {
      end = strstr (sql + *i + 2, "*/");
      end = end != NULL ? end + 1 : NULL;
    }
  else                                   /* '…' or "…", doubled quotes inside */
    {
      end = sql + *i + 1;
      while ((end = strchr (end, open)) != NULL && end[1] == open)
        end += 2;
    }
  if (end == NULL)
    end = sql + strlen (sql) - 1;
  g_string_append_len (out, sql + *i, end - (sql + *i) + 1);
  *i = end - sql;
}

char *
td_db_number_params (const char *sql, int *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int highest = 0;

  for (gsize i = 0; sql[i] != '\0'; i++)
    {
      char c = sql[i];

      if (c == '\'' || c == '"' || (c == '-' && sql[i + 1] == '-')
          || (c == '/' && sql[i + 1] == '*'))
        copy_quoted (out, sql, &i);
      else if (c == '?')
        {
          int n = 0;

          while (g_ascii_isdigit (sql[i + 1]))
            n = n * 10 + (sql[++i] - '0');
          if (n == 0)
            n = highest + 1;     /* SQLite: a plain ? is one more than the highest so far */
          highest = MAX (highest, n);
          g_string_append_printf (out, "$%d", n);
        }
      else
        g_string_append_c (out, c);
    }
  if (n_params != NULL)
    *n_params = highest;
  return g_string_free (out, FALSE);
}
