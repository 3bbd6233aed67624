/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the td-store*.c files only. */
#pragma once

#include <sqlite3.h>

#include "core/td-db.h"
#include "core/td-store.h"

G_BEGIN_DECLS

/* PRAGMA application_id of a TrainDesk database: "TDk1". */
#define TD_STORE_APPLICATION_ID 0x54446b31

/* The connection every statement goes through (td-db.h), and on SQLite its sqlite3 * for
 * what only SQLite has (backups, blob writes, the schema's sqlite_master). */
TdDb *td_store_conn (TdStore *self);
sqlite3 *td_store_db (TdStore *self);
gboolean td_store_exec (TdStore *self, const char *sql, GError **error);
/* A kept prepared statement, reset and with its bindings cleared. */
TdStmt *td_store_prepare (TdStore *self, const char *sql, GError **error);
/* A statement of the caller's in *@stmt (td_stmt_free), or why it could not be prepared. */
TdDbRc td_store_prepare_once (TdStore *self, const char *sql, TdStmt **stmt);
/* Steps a write statement to completion; FALSE with an error on failure. */
gboolean td_store_step_done (TdStore *self, TdStmt *stmt, GError **error);
/* Ends a read: resets @stmt; when @rc (the last td_stmt_step) is neither TD_DB_DONE nor
 * TD_DB_ROW, sets @error and returns FALSE.  A read that fails never looks like "none". */
gboolean td_store_read_end (TdStore *self, TdStmt *stmt, TdDbRc rc, GError **error);
/* The error of a read that failed with @rc ("in use", "damaged", "cannot be read"). */
void td_store_read_error (TdStore *self, TdDbRc rc, GError **error);
/* Turns the connection's last error (@rc says what kind) into a TD_STORE_ERROR. */
void td_store_set_error (TdStore *self, TdDbRc rc, GError **error, const char *what);
gboolean td_store_migrate (TdStore *self, int from, int to, GError **error);
/* PostgreSQL (td-store-schema-pg.c): the script that creates the newest schema a server
 * database can have, its version in *@version. */
const char *td_store_pg_schema_sql (int *version);
/* A server database's version (0: none there yet), its application id checked; -1 with an
 * error when it is not TrainDesk's, newer than this app, or cannot be read. */
int td_store_pg_read_version (TdStore *self, GError **error);
/* Creates the schema at @version (or finds it made by another desk meanwhile). */
gboolean td_store_pg_create (TdStore *self, int version, GError **error);
gboolean td_store_pg_migrate (TdStore *self, int from, int to, GError **error);
gboolean td_store_pg_check_audit (TdStore *self, GError **error);
/* A copy's target on a server (td-store-copy.c): signed in, the database as it is, nothing
 * created or migrated; its schema version reads 0, so its transactions seal no audit entry. */
TdStore *td_store_connect_server (const char *location, GError **error);
/* Whether the store is on a PostgreSQL server (else an SQLite file). */
#define td_store_on_server(self) (td_db_engine (td_store_conn (self)) == TD_DB_POSTGRESQL)
/* The SQL text for the store's engine. */
#define TD_SQL(self, sqlite_sql, pg_sql) (td_store_on_server (self) ? (pg_sql) : (sqlite_sql))
/* The tables whose rows carry a row version, and the schema version they have it from
 * (classes and lessons 5, trainees and enrolments 6). */
typedef struct
{
  const char *table;
  int since;
} TdVersionedTable;
extern const TdVersionedTable td_store_versioned_tables[4];
/* Whether @table's rows carry a row version at schema @version. */
gboolean td_store_table_versioned (const char *table, int version);
/* Inside a transaction, before a save of row @id of @table (a versioned table) read at
 * version @seen: FALSE with TD_STORE_ERROR_CONFLICT when another desk changed it since
 * (the message names @what, who changed it and when).  @seen 0 or a schema where @table has
 * no row version: no check.  On a server the row stays locked until the transaction ends. */
gboolean td_store_check_row_version (TdStore *self, const char *table, gint64 id, gint64 seen,
                                     const char *what, GError **error);
/* Inside a transaction: on a server, the class row locked until it ends (SELECT … FOR
 * UPDATE), so that one desk at a time appends to its attendance chain; SQLite has one writer
 * at a time anyway. */
gboolean td_store_lock_class (TdStore *self, gint64 class_id, GError **error);
/* The row version of row @id of @table now (0 where @table has none yet). */
gint64 td_store_get_row_version (TdStore *self, const char *table, gint64 id);
/* The lock of a running export on a server (td-store.c; SQLite: nothing to lock, every
 * call succeeds).  _take: inside the transaction that logs packet @packet_id "writing",
 * held until td_store_export_ended (finish or forget), or let go when that transaction rolls
 * back.  _try: TRUE when no desk is exporting the packet (the lock is then this
 * connection's: _drop it once settled); never for this connection's own running export. */
gboolean td_store_export_lock_take (TdStore *self, const char *packet_id, GError **error);
gboolean td_store_export_lock_try (TdStore *self, const char *packet_id);
void td_store_export_lock_drop (TdStore *self, const char *packet_id);
void td_store_export_ended (TdStore *self, const char *packet_id);
/* Queues ::changed for after the outermost commit. */
void td_store_note_change (TdStore *self, const char *table, gint64 row);
/* The id the last INSERT into @table gave its row (SQLite: the last rowid; PostgreSQL: the
 * current value of the table's id sequence in this session). */
gint64 td_store_last_insert_id (TdStore *self, const char *table);

/* Bind helpers: NULL and "" bind NULL. */
void td_bind_text (TdStmt *stmt, int index, const char *text);
/* td_bind_text without a copy (td_stmt_bind_text_static): @text must outlive the step. */
void td_bind_text_static (TdStmt *stmt, int index, const char *text);
void td_bind_char (TdStmt *stmt, int index, char c);     /* a one-character text */
void td_bind_int (TdStmt *stmt, int index, gint64 value);
/* Binds NULL when @value equals @none. */
void td_bind_int_or_null (TdStmt *stmt, int index, gint64 value, gint64 none);
char *td_col_dup (TdStmt *stmt, int column);                 /* NULL for NULL */
void td_col_copy (TdStmt *stmt, int column, char *buf, gsize size); /* "" for NULL */
gint64 td_col_int_or (TdStmt *stmt, int column, gint64 none);
/* A column's bytes (a blob's, or a text's without its NUL) and their length. */
gconstpointer td_col_blob (TdStmt *stmt, int column);
int td_col_bytes (TdStmt *stmt, int column);

/* Something opening did that the user should know (td_store_get_notices); takes @notice. */
void td_store_add_notice (TdStore *self, char *notice);
/* On open (td-store-files.c): the database and its -wal/-shm made readable by the owner
 * only (with a notice when others could read them); exports that a killed program left
 * half finished reconciled (on a server those whose desk is gone), and our stale temporary
 * files beside the packets removed. */
void td_store_make_private (TdStore *self);
void td_store_tidy_files (TdStore *self);

/* @text as a JSON string ("…" with \" \\ and control characters escaped) after @json. */
void td_json_append_string (GString *json, const char *text);

/* The audit log (td-store-audit.c). */
gint64 td_store_audit_mark (TdStore *self);          /* the newest entry's id, 0 for none */
/* Seals the entries after @after: each chained to the previous sealed one; the head moves. */
gboolean td_store_audit_seal (TdStore *self, gint64 after, GError **error);
/* An entry of the app's own (op @what, new {"notice": @message}). */
gboolean td_store_audit_note (TdStore *self, const char *what, const char *message,
                              GError **error);
/* On opening: the audit log's tables and triggers as this version has them; what was
 * missing or changed is repaired, logged and told (td_store_get_notices). */
gboolean td_store_check_audit (TdStore *self, GError **error);
GPtrArray *td_store_verify_audit (TdStore *self, GError **error);
/* TRUE when every trigger of the file is one of the audit triggers TrainDesk makes at its
 * schema version, unchanged (td-store-schema.c; td_store_only_audit_triggers caches it until
 * the schema changes). */
gboolean td_store_schema_triggers_ours (TdStore *self);
gboolean td_store_only_audit_triggers (TdStore *self);
/* Bulk bookkeeping (td-store.c): the depth the bulk action began at (0: none) and its entry.
 * While one runs, a connection whose file has only TrainDesk's triggers runs none. */
int td_store_bulk_depth (TdStore *self);
gint64 td_store_bulk_entry (TdStore *self);
void td_store_bulk_started (TdStore *self, gint64 entry);
int td_store_depth (TdStore *self);

/* Attendance chain helpers (td-store-attendance.c). */
GPtrArray *td_store_verify_chains (TdStore *self, GError **error);
/* SQLite's data_version: moves when another connection committed. */
guint64 td_store_data_version (TdStore *self);
/* How far this connection verified a class's chain (td_store_verify_class): the records up
 * to @seq recompute, the one at @seq has @hash, and no other connection had written when
 * the database was at @data_version. */
typedef struct
{
  gint64 seq;
  char hash[65];
  guint64 data_version;
} TdChainMark;
/* class id → TdChainMark* (owned by the store). */
GHashTable *td_store_chain_marks (TdStore *self);
/* What this connection wrote to the attendance of a class (td_store_list_attendance_since):
 * the record @id (its values, its status as replaced, or the record itself added), or with
 * @id 0 any of the class's records.  Called by every write to the attendance table; a
 * record's place and hash in the chain (make_room, rechain_pending) are not logged. */
typedef struct
{
  gint64 class_id;
  gint64 id;
} TdAttendanceTouch;
void td_store_attendance_touched (TdStore *self, gint64 class_id, gint64 id);
/* The entries logged since @since (*@n of them); NULL when they cannot be told (the log
 * moved past @since, another connection wrote, @since was taken inside a transaction). */
const TdAttendanceTouch *td_store_attendance_log (TdStore *self, const TdAttendanceMark *since,
                                                  guint *n);
/* This connection rewrote the chain of @class_id from @from_seq on (0: all of it). */
void td_store_chain_touched (TdStore *self, gint64 class_id, gint64 from_seq);

G_END_DECLS
