/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The statement layer on SQLite: each call is the sqlite3_ call it names. */
#define G_LOG_DOMAIN "td-db"

#include "config.h"

#include <sqlite3.h>

#include "core/td-db-private.h"

typedef struct
{
  TdDb base;
  sqlite3 *handle;
} SqliteDb;

typedef struct
{
  TdStmt base;
  sqlite3_stmt *handle;
} SqliteStmt;

#define HANDLE(stmt) (((SqliteStmt *) (stmt))->handle)
#define DB_HANDLE(db) (((SqliteDb *) (db))->handle)

TdDbRc
td_db_sqlite_rc (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_OK: return TD_DB_OK;
    case SQLITE_ROW: return TD_DB_ROW;
    case SQLITE_DONE: return TD_DB_DONE;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return TD_DB_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM: return TD_DB_READ_ONLY;
    case SQLITE_FULL:
    case SQLITE_IOERR: return TD_DB_FULL;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return TD_DB_CORRUPT;
    case SQLITE_CONSTRAINT: return TD_DB_CONSTRAINT;
    default: return TD_DB_FAILED;
    }
}

static void
lite_close (TdDb *db)
{
  sqlite3_close (DB_HANDLE (db));
  g_free (db);
}

static TdDbRc
lite_exec (TdDb *db, const char *sql)
{
  return td_db_sqlite_rc (sqlite3_exec (DB_HANDLE (db), sql, NULL, NULL, NULL));
}

static TdStmt *
lite_prepare (TdDb *db, const char *sql, TdDbRc *rc)
{
  sqlite3_stmt *handle = NULL;
  SqliteStmt *stmt;

  *rc = td_db_sqlite_rc (sqlite3_prepare_v3 (DB_HANDLE (db), sql, -1, SQLITE_PREPARE_PERSISTENT,
                                   &handle, NULL));
  if (*rc != TD_DB_OK)
    return NULL;
  stmt = g_new0 (SqliteStmt, 1);
  stmt->base.db = db;
  stmt->handle = handle;
  return &stmt->base;
}

static void
lite_finalize (TdStmt *stmt)
{
  sqlite3_finalize (HANDLE (stmt));
  g_free (stmt);
}

static void
lite_clear_bindings (TdStmt *stmt)
{
  sqlite3_clear_bindings (HANDLE (stmt));
}

static void
lite_reset (TdStmt *stmt)
{
  sqlite3_reset (HANDLE (stmt));
}

static void
lite_bind_null (TdStmt *stmt, int index)
{
  sqlite3_bind_null (HANDLE (stmt), index);
}

static void
lite_bind_int64 (TdStmt *stmt, int index, gint64 value)
{
  sqlite3_bind_int64 (HANDLE (stmt), index, value);
}

static void
lite_bind_text (TdStmt *stmt, int index, const char *text)
{
  sqlite3_bind_text (HANDLE (stmt), index, text, -1, SQLITE_TRANSIENT);
}

static void
lite_bind_text_static (TdStmt *stmt, int index, const char *text)
{
  sqlite3_bind_text (HANDLE (stmt), index, text, -1, SQLITE_STATIC);
}

static void
lite_bind_blob (TdStmt *stmt, int index, gconstpointer data, gsize size)
{
  sqlite3_bind_blob64 (HANDLE (stmt), index, data != NULL ? data : "", size, SQLITE_TRANSIENT);
}

static int
lite_param_count (TdStmt *stmt)
{
  return sqlite3_bind_parameter_count (HANDLE (stmt));
}

static TdDbRc
lite_step (TdStmt *stmt)
{
  return td_db_sqlite_rc (sqlite3_step (HANDLE (stmt)));
}

static int
lite_column_count (TdStmt *stmt)
{
  return sqlite3_column_count (HANDLE (stmt));
}

static gboolean
lite_is_null (TdStmt *stmt, int column)
{
  return sqlite3_column_type (HANDLE (stmt), column) == SQLITE_NULL;
}

static gint64
lite_int64 (TdStmt *stmt, int column)
{
  return sqlite3_column_int64 (HANDLE (stmt), column);
}

static const char *
lite_text (TdStmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (HANDLE (stmt), column);
}

static gconstpointer
lite_blob (TdStmt *stmt, int column, gsize *size)
{
  gconstpointer data = sqlite3_column_blob (HANDLE (stmt), column);

  *size = (gsize) sqlite3_column_bytes (HANDLE (stmt), column);
  return data;
}

static gint64
lite_changes (TdDb *db)
{
  return sqlite3_changes (DB_HANDLE (db));
}

static const char *
lite_message (TdDb *db)
{
  return sqlite3_errmsg (DB_HANDLE (db));
}

static TdDbRc
lite_last_error (TdDb *db)
{
  return td_db_sqlite_rc (sqlite3_errcode (DB_HANDLE (db)));
}

static const TdDbClass sqlite_class = {
  .engine = TD_DB_SQLITE,
  .begin_sql = "BEGIN IMMEDIATE",
  .close = lite_close,
  .exec = lite_exec,
  .prepare = lite_prepare,
  .finalize = lite_finalize,
  .clear_bindings = lite_clear_bindings,
  .reset = lite_reset,
  .bind_null = lite_bind_null,
  .bind_int64 = lite_bind_int64,
  .bind_text = lite_bind_text,
  .bind_text_static = lite_bind_text_static,
  .bind_blob = lite_bind_blob,
  .param_count = lite_param_count,
  .step = lite_step,
  .column_count = lite_column_count,
  .is_null = lite_is_null,
  .int64 = lite_int64,
  .text = lite_text,
  .blob = lite_blob,
  .changes = lite_changes,
  .message = lite_message,
  .last_error = lite_last_error,
};

TdDb *
td_db_new_sqlite (gpointer handle)
{
  SqliteDb *db = g_new0 (SqliteDb, 1);

  td_db_init (&db->base, &sqlite_class);
  db->handle = handle;
  return &db->base;
}

gpointer
td_db_sqlite_handle (TdDb *db)
{
  g_return_val_if_fail (db->klass == &sqlite_class, NULL);
  return DB_HANDLE (db);
}
