/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The statement layer under TdStore: a connection, prepared statements, bindings, rows and
 * transactions, with one implementation per engine (td-db-sqlite.c, td-db-pg.c).  Not an
 * ORM: callers write SQL.  The SQL text numbers its parameters as SQLite does (?1, ?2, or
 * a plain ? for "the next one"); the PostgreSQL implementation turns them into $1, $2.
 * Only src/core uses it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TD_DB_SQLITE,
  TD_DB_POSTGRESQL,
} TdDbEngine;

/* What a call did: TD_DB_OK, a step's TD_DB_ROW / TD_DB_DONE, or why it failed, in the
 * terms the store tells the user (the engine's own message is td_db_message). */
typedef enum
{
  TD_DB_OK = 0,
  TD_DB_ROW,
  TD_DB_DONE,
  TD_DB_BUSY,        /* another connection holds a lock the statement needs */
  TD_DB_READ_ONLY,   /* the file, the connection or the role may not write */
  TD_DB_FULL,        /* the disk is full or failing */
  TD_DB_CORRUPT,     /* the database is damaged */
  TD_DB_CONSTRAINT,  /* a unique, foreign key, check or not-null constraint refused a row */
  TD_DB_GONE,        /* the server cannot be reached, or the connection was lost */
  TD_DB_DENIED,      /* the server refused the sign-in (wrong or missing password …) */
  TD_DB_FAILED,      /* anything else (a statement the engine cannot compile …) */
  TD_DB_NO_PASSWORD, /* the server wants a password and none was given (nor in .pgpass) */
  TD_DB_NO_DATABASE, /* the server has no database of that name */
} TdDbRc;

typedef struct _TdDb TdDb;
typedef struct _TdStmt TdStmt;

/* Which engine a database location names: "postgresql://…", "postgres://…" or a libpq
 * keyword string ("service=NAME", "host=… dbname=…") → PostgreSQL; anything else is the
 * path of an SQLite file. */
TdDbEngine td_db_location_engine (const char *location);
/* @location as it may be shown or logged: a password in it left out. */
char *td_db_location_display (const char *location);
/* Whether this build can open PostgreSQL locations (built with libpq). */
gboolean td_db_have_postgresql (void);

/* An SQLite connection taking over @handle (a sqlite3 *, so that this header needs no
 * engine's header); it is closed by td_db_free. */
TdDb *td_db_new_sqlite (gpointer handle);
/* The sqlite3 * of an SQLite connection (for what only SQLite has: backups, blobs). */
gpointer td_db_sqlite_handle (TdDb *db);
/* A PostgreSQL connection through libpq; @conninfo is a URI or a keyword string (libpq
 * reads ~/.pgpass and the service file itself).  Errors are TD_DB_ERROR with a TdDbRc
 * code (TD_DB_GONE: unreachable; TD_DB_DENIED: wrong password) and libpq's words. */
TdDb *td_db_open_postgresql (const char *conninfo, GError **error);
/* The same signing in with @password (NULL: none, libpq looks in PGPASSWORD, .pgpass and the
 * service file), which goes to libpq only.  Also TD_DB_NO_PASSWORD: a password is needed and
 * none was found; TD_DB_NO_DATABASE: the server has no such database. */
TdDb *td_db_open_postgresql_with_password (const char *conninfo, const char *password,
                                           GError **error);
void td_db_free (TdDb *db);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdDb, td_db_free)

#define TD_DB_ERROR (td_db_error_quark ())
GQuark td_db_error_quark (void);

TdDbEngine td_db_engine (TdDb *db);
/* The engine's words for the last failure on @db. */
const char *td_db_message (TdDb *db);
/* What the last call on @db that failed failed with (TD_DB_OK when none has). */
TdDbRc td_db_last_error (TdDb *db);
/* An SQLite result code in the layer's terms (for the calls only SQLite has). */
TdDbRc td_db_sqlite_rc (int rc);
/* The last failure as a TD_DB_ERROR (code: @rc), prefixed with @what when not NULL. */
void td_db_set_error (TdDb *db, TdDbRc rc, GError **error, const char *what);

/* Runs @sql (one statement or several separated by ';', no parameters). */
TdDbRc td_db_exec (TdDb *db, const char *sql);
/* A statement prepared once per connection and kept: every call returns it reset, with
 * its bindings cleared.  NULL on failure (*@rc says why; td_db_message has the words). */
TdStmt *td_db_prepare (TdDb *db, const char *sql, TdDbRc *rc);
/* A statement of the caller's, freed with td_stmt_free. */
TdStmt *td_db_prepare_once (TdDb *db, const char *sql, TdDbRc *rc);
void td_stmt_free (TdStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdStmt, td_stmt_free)

/* Transactions: begin takes the write lock at once on SQLite (BEGIN IMMEDIATE) so that two
 * writers queue instead of failing at commit; savepoints nest inside. */
TdDbRc td_db_begin (TdDb *db);
TdDbRc td_db_commit (TdDb *db);
TdDbRc td_db_rollback (TdDb *db);
TdDbRc td_db_savepoint (TdDb *db, int depth);
TdDbRc td_db_release (TdDb *db, int depth);
TdDbRc td_db_rollback_to (TdDb *db, int depth);

/* Rows the last INSERT, UPDATE or DELETE on @db changed. */
gint64 td_db_changes (TdDb *db);

/* Other desks' changes.  On PostgreSQL, @db hears "NOTIFY @channel" from now on (a
 * notification reaches it once the sender's transaction commits); on SQLite there is no
 * server to tell it and td_store_get_change_count reads the file's data_version instead. */
TdDbRc td_db_listen (TdDb *db, const char *channel);
/* What @db heard since the last call, without waiting (the payloads, oldest first; empty
 * when nothing came).  NULL when the connection was lost (td_db_message says why). */
GPtrArray *td_db_take_notifications (TdDb *db);

/* Parameters count from 1.  Text and blobs are copied. */
void td_stmt_bind_null (TdStmt *stmt, int index);
void td_stmt_bind_int64 (TdStmt *stmt, int index, gint64 value);
void td_stmt_bind_text (TdStmt *stmt, int index, const char *text);
/* Not copied where the engine can do without (SQLite): @text must stay as it is until the
 * statement has run and is reset or bound again.  For the rows of a bulk write, whose
 * copies were a twentieth of an import's time. */
void td_stmt_bind_text_static (TdStmt *stmt, int index, const char *text);
void td_stmt_bind_blob (TdStmt *stmt, int index, gconstpointer data, gsize size);
int td_stmt_param_count (TdStmt *stmt);

/* TD_DB_ROW while there is a row, then TD_DB_DONE; or why it failed. */
TdDbRc td_stmt_step (TdStmt *stmt);
/* Back to before the first step; the bindings are kept. */
void td_stmt_reset (TdStmt *stmt);

/* Columns count from 0; valid until the next step or reset. */
int td_stmt_column_count (TdStmt *stmt);
gboolean td_stmt_is_null (TdStmt *stmt, int column);
gint64 td_stmt_int64 (TdStmt *stmt, int column);            /* 0 for NULL */
const char *td_stmt_text (TdStmt *stmt, int column);        /* NULL for NULL */
gconstpointer td_stmt_blob (TdStmt *stmt, int column, gsize *size);

/* For PostgreSQL: @sql with ?N and ? turned into $N (outside quotes and comments), and the
 * highest parameter number in *@n_params. */
char *td_db_number_params (const char *sql, int *n_params);

G_END_DECLS
