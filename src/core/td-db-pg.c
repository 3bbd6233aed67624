/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The statement layer on a PostgreSQL server through libpq.  Statements are prepared on
 * the server (PQprepare) with parameters sent as text (blobs as bytes) and rows read as
 * text; a step fetches the whole result the first time and walks it after. */
#define G_LOG_DOMAIN "td-db"

#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "core/td-db-private.h"

#define BYTEA_OID 17

typedef struct
{
  TdDb base;
  PGconn *conn;
  char *message;          /* the last failure, libpq's words */
  TdDbRc last_error;
  gint64 changes;
  guint statements;       /* for naming them */
} PgDb;

typedef struct
{
  TdStmt base;
  char name[24];
  int n_params;
  char **values;
  int *lengths;
  int *formats;
  PGresult *result;       /* after the first step */
  int row;
  GPtrArray *decoded;     /* the current row's blobs (PQunescapeBytea) */
} PgStmt;

#define PG_DB(db) ((PgDb *) (db))
#define PG_STMT(stmt) ((PgStmt *) (stmt))

static void
set_message (PgDb *db, const char *text)
{
  g_free (db->message);
  db->message = g_strchomp (g_strdup (text != NULL && *text != '\0' ? text : "unknown error"));
}

/* What a failed result means, from its SQLSTATE (PostgreSQL's appendix A). */
static TdDbRc
rc_of_state (PgDb *db, const char *state)
{
  if (PQstatus (db->conn) == CONNECTION_BAD)
    return TD_DB_GONE;
  if (state == NULL)
    return TD_DB_FAILED;
  if (g_str_has_prefix (state, "23"))
    return TD_DB_CONSTRAINT;
  if (strcmp (state, "25006") == 0 || strcmp (state, "42501") == 0)
    return TD_DB_READ_ONLY;
  if (strcmp (state, "53100") == 0)
    return TD_DB_FULL;
  if (strcmp (state, "55P03") == 0 || strcmp (state, "40001") == 0
      || strcmp (state, "40P01") == 0)
    return TD_DB_BUSY;
  if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))
    return TD_DB_GONE;
  if (g_str_has_prefix (state, "XX00"))
    return TD_DB_CORRUPT;
  if (g_str_has_prefix (state, "28"))
    return TD_DB_DENIED;
  return TD_DB_FAILED;
}

static TdDbRc check_result_rc (PgDb *db, PGresult *result);

/* TD_DB_OK for a result that succeeded (its changed rows noted), else why it failed. */
static TdDbRc
check_result (PgDb *db, PGresult *result)
{
  TdDbRc rc = check_result_rc (db, result);

  if (rc != TD_DB_OK)
    db->last_error = rc;
  return rc;
}

static TdDbRc
check_result_rc (PgDb *db, PGresult *result)
{
  ExecStatusType status = PQresultStatus (result);
  const char *tuples;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    {
      tuples = PQcmdTuples (result);
      if (*tuples != '\0')
        db->changes = g_ascii_strtoll (tuples, NULL, 10);
      return TD_DB_OK;
    }
  if (result == NULL)
    {
      set_message (db, PQerrorMessage (db->conn));
      return rc_of_state (db, NULL);
    }
  set_message (db, PQresultErrorMessage (result));
  return rc_of_state (db, PQresultErrorField (result, PG_DIAG_SQLSTATE));
}

static void
pq_close (TdDb *db)
{
  PQfinish (PG_DB (db)->conn);
  g_free (PG_DB (db)->message);
  g_free (db);
}

static TdDbRc
pq_exec (TdDb *db, const char *sql)
{
  PGresult *result = PQexec (PG_DB (db)->conn, sql);
  TdDbRc rc = check_result (PG_DB (db), result);

  PQclear (result);
  return rc;
}

static TdStmt *
pq_prepare (TdDb *db, const char *sql, TdDbRc *rc)
{
  int n_params = 0;
  g_autofree char *numbered = td_db_number_params (sql, &n_params);
  g_autofree PgStmt *stmt = g_new0 (PgStmt, 1);
  PGresult *result;

  g_snprintf (stmt->name, sizeof stmt->name, "td%u", ++PG_DB (db)->statements);
  result = PQprepare (PG_DB (db)->conn, stmt->name, numbered, n_params, NULL);
  *rc = check_result (PG_DB (db), result);
  PQclear (result);
  if (*rc != TD_DB_OK)
    return NULL;
  stmt->base.db = db;
  stmt->n_params = n_params;
  stmt->values = g_new0 (char *, n_params + 1);
  stmt->lengths = g_new0 (int, n_params + 1);
  stmt->formats = g_new0 (int, n_params + 1);
  stmt->row = -1;
  stmt->decoded = g_ptr_array_new_with_free_func (PQfreemem);
  return &g_steal_pointer (&stmt)->base;
}

static void
pq_reset (TdStmt *stmt)
{
  PgStmt *s = PG_STMT (stmt);

  g_clear_pointer (&s->result, PQclear);
  g_ptr_array_set_size (s->decoded, 0);
  s->row = -1;
}

static void
pq_clear_bindings (TdStmt *stmt)
{
  PgStmt *s = PG_STMT (stmt);

  for (int i = 0; i < s->n_params; i++)
    g_clear_pointer (&s->values[i], g_free);
}

static void
pq_finalize (TdStmt *stmt)
{
  PgStmt *s = PG_STMT (stmt);
  TdDb *db = stmt->db;

  pq_reset (stmt);
  pq_clear_bindings (stmt);
  /* the server keeps a statement for the session: one the caller frees goes there too */
  if (!db->closing && PQstatus (PG_DB (db)->conn) == CONNECTION_OK)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", s->name);
      PQclear (PQexec (PG_DB (db)->conn, sql));
    }
  g_ptr_array_unref (s->decoded);
  g_free (s->values);
  g_free (s->lengths);
  g_free (s->formats);
  g_free (s);
}

/* The slot of parameter @index, emptied; NULL (and a critical) when there is none. */
static char **
param_slot (TdStmt *stmt, int index)
{
  PgStmt *s = PG_STMT (stmt);

  g_return_val_if_fail (index >= 1 && index <= s->n_params, NULL);
  g_clear_pointer (&s->values[index - 1], g_free);
  s->lengths[index - 1] = 0;
  s->formats[index - 1] = 0;
  return &s->values[index - 1];
}

static void
pq_bind_null (TdStmt *stmt, int index)
{
  param_slot (stmt, index);
}

static void
pq_bind_int64 (TdStmt *stmt, int index, gint64 value)
{
  char **slot = param_slot (stmt, index);

  if (slot != NULL)
    *slot = g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static void
pq_bind_text (TdStmt *stmt, int index, const char *text)
{
  char **slot = param_slot (stmt, index);

  if (slot != NULL)
    *slot = g_strdup (text);
}

static void
pq_bind_blob (TdStmt *stmt, int index, gconstpointer data, gsize size)
{
  char **slot = param_slot (stmt, index);

  g_return_if_fail (size <= G_MAXINT);
  if (slot == NULL)
    return;
  *slot = g_malloc (size + 1);
  if (size > 0)
    memcpy (*slot, data, size);
  PG_STMT (stmt)->lengths[index - 1] = (int) size;
  PG_STMT (stmt)->formats[index - 1] = 1;   /* the bytes as they are */
}

static int
pq_param_count (TdStmt *stmt)
{
  return PG_STMT (stmt)->n_params;
}

static TdDbRc
pq_step (TdStmt *stmt)
{
  PgStmt *s = PG_STMT (stmt);
  PgDb *db = PG_DB (stmt->db);

  if (s->result == NULL)
    {
      TdDbRc rc;

      s->result = PQexecPrepared (db->conn, s->name, s->n_params,
                                  (const char *const *) s->values, s->lengths, s->formats, 0);
      rc = check_result (db, s->result);
      if (rc != TD_DB_OK)
        {
          g_clear_pointer (&s->result, PQclear);
          return rc;
        }
      s->row = -1;
    }
  g_ptr_array_set_size (s->decoded, 0);
  if (s->row < PQntuples (s->result))
    s->row++;
  return s->row < PQntuples (s->result) ? TD_DB_ROW : TD_DB_DONE;
}

static int
pq_column_count (TdStmt *stmt)
{
  return PG_STMT (stmt)->result != NULL ? PQnfields (PG_STMT (stmt)->result) : 0;
}

static gboolean
on_row (PgStmt *s, int column)
{
  return s->result != NULL && s->row >= 0 && s->row < PQntuples (s->result)
         && column >= 0 && column < PQnfields (s->result);
}

static gboolean
pq_is_null (TdStmt *stmt, int column)
{
  PgStmt *s = PG_STMT (stmt);

  return !on_row (s, column) || PQgetisnull (s->result, s->row, column);
}

static const char *
pq_text (TdStmt *stmt, int column)
{
  PgStmt *s = PG_STMT (stmt);

  if (pq_is_null (stmt, column))
    return NULL;
  return PQgetvalue (s->result, s->row, column);
}

static gint64
pq_int64 (TdStmt *stmt, int column)
{
  const char *text = pq_text (stmt, column);

  if (text == NULL)
    return 0;
  if (strcmp (text, "t") == 0 || strcmp (text, "f") == 0)   /* a boolean */
    return text[0] == 't';
  return g_ascii_strtoll (text, NULL, 10);
}

static gconstpointer
pq_blob (TdStmt *stmt, int column, gsize *size)
{
  PgStmt *s = PG_STMT (stmt);
  const char *text = pq_text (stmt, column);
  size_t len = 0;
  unsigned char *bytes;

  *size = 0;
  if (text == NULL)
    return NULL;
  if (PQftype (s->result, column) != BYTEA_OID)
    {
      *size = (gsize) PQgetlength (s->result, s->row, column);
      return text;
    }
  bytes = PQunescapeBytea ((const unsigned char *) text, &len);
  if (bytes == NULL)
    return NULL;
  g_ptr_array_add (s->decoded, bytes);
  *size = len;
  return bytes;
}

static gint64
pq_changes (TdDb *db)
{
  return PG_DB (db)->changes;
}

static const char *
pq_message (TdDb *db)
{
  return PG_DB (db)->message != NULL ? PG_DB (db)->message : "not an error";
}

static TdDbRc
pq_last_error (TdDb *db)
{
  return PG_DB (db)->last_error;
}

static TdDbRc
pq_listen (TdDb *db, const char *channel)
{
  PGconn *conn = PG_DB (db)->conn;
  char *quoted = PQescapeIdentifier (conn, channel, strlen (channel));
  g_autofree char *sql = NULL;

  if (quoted == NULL)
    {
      set_message (PG_DB (db), PQerrorMessage (conn));
      return TD_DB_FAILED;
    }
  sql = g_strdup_printf ("LISTEN %s", quoted);
  PQfreemem (quoted);
  return pq_exec (db, sql);
}

static gboolean
pq_take_notifications (TdDb *db, GPtrArray *into)
{
  PGconn *conn = PG_DB (db)->conn;
  PGnotify *notify;

  /* reads what the server sent without waiting; a lost connection fails here */
  if (!PQconsumeInput (conn))
    {
      set_message (PG_DB (db), PQerrorMessage (conn));
      PG_DB (db)->last_error = TD_DB_GONE;
      return FALSE;
    }
  while ((notify = PQnotifies (conn)) != NULL)
    {
      g_ptr_array_add (into, g_strdup (notify->extra));
      PQfreemem (notify);
    }
  return TRUE;
}

static const TdDbClass pg_class = {
  .engine = TD_DB_POSTGRESQL,
  .begin_sql = "BEGIN",
  .close = pq_close,
  .exec = pq_exec,
  .prepare = pq_prepare,
  .finalize = pq_finalize,
  .clear_bindings = pq_clear_bindings,
  .reset = pq_reset,
  .bind_null = pq_bind_null,
  .bind_int64 = pq_bind_int64,
  .bind_text = pq_bind_text,
  .bind_blob = pq_bind_blob,
  .param_count = pq_param_count,
  .step = pq_step,
  .column_count = pq_column_count,
  .is_null = pq_is_null,
  .int64 = pq_int64,
  .text = pq_text,
  .blob = pq_blob,
  .changes = pq_changes,
  .message = pq_message,
  .last_error = pq_last_error,
  .listen = pq_listen,
  .take_notifications = pq_take_notifications,
};

static void
ignore_notice (void *data, const char *message)
{
  /* "NOTICE: relation … already exists, skipping" and the like: not the user's concern */
}

TdDb *
td_db_open_postgresql_with_password (const char *conninfo, const char *password,
                                     GError **error)
{
  const char *const keys[] = { "dbname", "fallback_application_name", "client_encoding",
                               password != NULL ? "password" : NULL, NULL };
  const char *const values[] = { conninfo, "TrainDesk", "UTF8", password, NULL };
  PGconn *conn;
  PgDb *db;

  g_return_val_if_fail (conninfo != NULL, NULL);
  /* expand_dbname: @conninfo may be a whole URI or keyword string */
  conn = PQconnectdbParams (keys, values, 1);
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *words = g_strchomp (g_strdup (conn != NULL ? PQerrorMessage (conn)
                                                                  : "out of memory"));
      TdDbRc code = TD_DB_GONE;

      /* a password wanted and missing; one given and refused (not "no such database" after
       * a good one); the server reached but without that database (SQLSTATE 3D000, which
       * libpq does not hand over before a connection: its words, as the server sends them
       * to a client that asked for UTF8 and no language) */
      if (conn != NULL && PQconnectionNeedsPassword (conn))
        code = TD_DB_NO_PASSWORD;
      else if (conn != NULL && PQconnectionUsedPassword (conn)
               && strstr (words, "authentication") != NULL)
        code = TD_DB_DENIED;
      else if (strstr (words, "database \"") != NULL && strstr (words, "does not exist") != NULL)
        code = TD_DB_NO_DATABASE;
      g_set_error_literal (error, TD_DB_ERROR, code, words);
      PQfinish (conn);
      return NULL;
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  db = g_new0 (PgDb, 1);
  td_db_init (&db->base, &pg_class);
  db->conn = conn;
  return &db->base;
}
