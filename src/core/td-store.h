/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdStore: one SQLite file per institution.  All SQL of the program lives behind this
 * interface (src/core/td-store*.c).  Every write runs in a transaction; every insert,
 * update and delete is written to the audit log by the database itself. */
#pragma once

#include <gio/gio.h>

#include "core/td-class-lock.h"
#include "core/td-records.h"

G_BEGIN_DECLS

#define TD_STORE_ERROR (td_store_error_quark ())
GQuark td_store_error_quark (void);

typedef enum
{
  TD_STORE_ERROR_OPEN,          /* cannot open or create the file */
  TD_STORE_ERROR_NOT_TRAINDESK, /* a SQLite file of another program, or not SQLite */
  TD_STORE_ERROR_CORRUPT,       /* damaged */
  TD_STORE_ERROR_TOO_NEW,       /* written by a newer TrainDesk */
  TD_STORE_ERROR_LOCKED,        /* another program holds the write lock */
  TD_STORE_ERROR_READ_ONLY,     /* the file or folder is read-only */
  TD_STORE_ERROR_FULL,          /* the disk is full */
  TD_STORE_ERROR_NOT_FOUND,     /* no such class, trainee, packet … */
  TD_STORE_ERROR_CONSTRAINT,    /* refused: a duplicate, a record in use … (message says which) */
  TD_STORE_ERROR_LOCKED_RECORD, /* the record was carried by a packet and cannot change so */
  TD_STORE_ERROR_FAILED,
  TD_STORE_ERROR_CONFLICT,      /* changed on another desk since it was read: reload */
  TD_STORE_ERROR_NEEDS_PASSWORD,/* the server wants a password: ask for it and open again */
  TD_STORE_ERROR_SIGN_IN,       /* the server refused the user name or the password */
  TD_STORE_ERROR_NO_DATABASE,   /* the server has no database of that name */
  TD_STORE_ERROR_NOT_EMPTY,     /* a copy's target already holds a database */
} TdStoreError;

/* The schema version this build writes (PRAGMA user_version). */
#define TD_STORE_SCHEMA_VERSION 8

typedef enum
{
  TD_STORE_OPEN_DEFAULT = 0,    /* the file must exist */
  TD_STORE_OPEN_CREATE = 1 << 0,/* create it (readable by its owner only) when missing */
  TD_STORE_OPEN_READ_ONLY = 1 << 1,
} TdStoreOpenFlags;

#define TD_TYPE_STORE (td_store_get_type ())
G_DECLARE_FINAL_TYPE (TdStore, td_store, TD, STORE, GObject)

/* The default database: <user data dir>/traindesk/traindesk.db (TD_DB in the environment
 * overrides it).  Newly allocated. */
char *td_store_default_path (void);

/* Opens (or creates) the database and migrates it forward.  A file from a newer version,
 * a damaged file, or one that is not a TrainDesk database is refused with an error that
 * says so, and left untouched. */
TdStore *td_store_open (const char *path, TdStoreOpenFlags flags, GError **error);
/* The same on a server, signing in with @password (NULL: none; libpq still looks in
 * PGPASSWORD, .pgpass and the service file).  The password goes to libpq only: it is kept
 * nowhere.  TD_STORE_ERROR_NEEDS_PASSWORD: the server wants one and none was found. */
TdStore *td_store_open_with_password (const char *path, const char *password,
                                      TdStoreOpenFlags flags, GError **error);
/* Whether this desk may only read: on a server, a role without the right to write the
 * tables (asked of the server when opening); on SQLite, a store opened read-only. */
gboolean td_store_is_read_only (TdStore *self);
/* On a server: the role this desk signed in as (what the audit log records as who); NULL
 * on SQLite. */
const char *td_store_get_role (TdStore *self);
/* On a server, as its owner: lets the existing login role @role read this database, and
 * write it too when @write (every table, this schema only).  Nothing on SQLite (an error). */
gboolean td_store_grant_role (TdStore *self, const char *role, gboolean write, GError **error);
const char *td_store_get_path (TdStore *self);
/* On a server: from now on, what other desks change is told as ::changed (table, 0) within a
 * second, once per table, in the main loop of the thread that calls this (the window's).  On
 * SQLite nothing (td_store_get_change_count sees other programs' commits). */
void td_store_watch_other_desks (TdStore *self);
/* Whether the store is a database on a PostgreSQL server (opened from a
 * "postgresql://…" or "service=…" location) rather than an SQLite file. */
gboolean td_store_is_on_server (TdStore *self);
/* Messages for the user about what opening did: a database others could read made private,
 * a half-finished export completed or undone.  Strings; owned by the store. */
GPtrArray *td_store_get_notices (TdStore *self);
int td_store_get_schema_version (TdStore *self);
/* TRUE when the database has no institution yet (a first start); FALSE with @error when it
 * cannot be read. */
gboolean td_store_is_empty (TdStore *self, GError **error);
/* For a td_store_get_* whose "not found" is an answer, not a failure: TRUE when *@local is
 * unset or says not found (TD_STORE_ERROR_NOT_FOUND, then cleared); otherwise FALSE with
 * *@local moved into @error (the database could not be read). */
gboolean td_store_missing_ok (GError **local, GError **error);

/* For tests of migrations: a new file at schema version @version (1 … current). */
TdStore *td_store_create_at_version (const char *path, int version, GError **error);

/* How long a statement waits for another program's lock before it reports the database in
 * use (default 5000 ms). */
void td_store_set_busy_timeout (TdStore *self, int ms);

/* Transactions nest (savepoints).  A write function called outside one runs in its own. */
gboolean td_store_begin (TdStore *self, GError **error);
gboolean td_store_commit (TdStore *self, GError **error);
void td_store_rollback (TdStore *self);

/* Emitted after a committed change: ::changed (const char *table, gint64 row or 0). */

/* A bulk action (a batch marked sent, a lesson marked present, a roster imported): a
 * transaction like td_store_begin()'s whose rows the audit log does not list one by one; it
 * keeps one entry instead, {"action": @action, "table": @table, "class_id": …} completed at
 * the commit with @details (a JSON object: counts, lesson range, packet id).  Nested in
 * another bulk action, @details are added to that one's entry ("parts").  td_store_rollback()
 * ends it with nothing stored. */
gboolean td_store_begin_bulk (TdStore *self, const char *action, const char *table,
                              gint64 class_id, GError **error);
gboolean td_store_commit_bulk (TdStore *self, const char *details, GError **error);

/* Readers: every td_store_list_* / td_store_get_* / td_store_count_* takes a GError and
 * returns NULL (a count: -1) with the error set when the database cannot be read (damaged,
 * locked, disk failing).  A list that is empty because there is nothing is an empty array,
 * never NULL, so a caller can tell "none" from "could not read" and say which. */

/* ---- settings ---------------------------------------------------------- */
/* NULL when unset (@error not set) or when it cannot be read (@error set). */
char *td_store_get_setting (TdStore *self, const char *key, GError **error);
gboolean td_store_set_setting (TdStore *self, const char *key, const char *value,
                               GError **error);

/* ---- institution ------------------------------------------------------- */
/* NULL when none (@error not set) or when it cannot be read (@error set). */
TdInstitution *td_store_get_institution (TdStore *self, GError **error);
gboolean td_store_save_institution (TdStore *self, const TdInstitution *inst, GError **error);

/* ---- catalogues -------------------------------------------------------- */
/* Stores a parsed catalogue with its source XML; refuses a version already stored with
 * different content (same content: TRUE, nothing changes). */
gboolean td_store_add_catalog (TdStore *self, const TdCatalog *catalog, GBytes *source,
                               GError **error);
/* char* versions, newest first. */
GPtrArray *td_store_list_catalog_versions (TdStore *self, GError **error);
TdCatalog *td_store_get_catalog (TdStore *self, const char *version, GError **error);
/* The version in force on @date: the latest effective on or before it (NULL if none). */
TdCatalog *td_store_get_catalog_in_force (TdStore *self, const char *date, GError **error);
/* The Catalog of the class (RULES.md): the version its filing names. */
TdCatalog *td_store_get_class_catalog (TdStore *self, const TdClass *klass, GError **error);
GBytes *td_store_get_catalog_source (TdStore *self, const char *version, GError **error);

/* ---- classes ----------------------------------------------------------- */
/* TdClassSummary*, by start date. */
GPtrArray *td_store_list_classes (TdStore *self, GError **error);
TdClass *td_store_get_class (TdStore *self, gint64 id, GError **error);
/* What of the class the bureau already has, and so what may still change (td-class-lock.h):
 * td_store_save_class () refuses a change to a locked field, naming it and the way on.
 * TD_CLASS_LOCK_CLOSED with @error when the store cannot be read. */
TdClassLock td_store_class_lock (TdStore *self, const TdClass *k, TdDay today,
                                 GError **error);
TdClass *td_store_get_class_by_code (TdStore *self, const char *code, GError **error);
/* Inserts (id 0; sets klass->id) or updates.  Refuses a duplicate code. */
gboolean td_store_save_class (TdStore *self, TdClass *klass, GError **error);
/* Only a class no packet has been written for. */
gboolean td_store_delete_class (TdStore *self, gint64 class_id, GError **error);
gboolean td_store_cancel_class (TdStore *self, gint64 class_id, const char *date,
                                const char *reason, GError **error);
TdClassStatus td_store_class_status (TdStore *self, const TdClass *klass, TdDay today,
                                     GError **error);
gboolean td_store_set_filing_no (TdStore *self, gint64 class_id, const char *filing_no,
                                 GError **error);

/* TdTeacher*, by tid. */
GPtrArray *td_store_list_teachers (TdStore *self, gint64 class_id, GError **error);
/* Replaces the class's teachers with @teachers (TdTeacher*). */
gboolean td_store_set_teachers (TdStore *self, gint64 class_id, GPtrArray *teachers,
                                GError **error);

/* TdLesson*, by date, start. */
GPtrArray *td_store_list_lessons (TdStore *self, gint64 class_id, GError **error);
TdLesson *td_store_get_lesson (TdStore *self, gint64 lesson_id, GError **error);
/* Inserts (id 0; sets lesson->id) or updates; refuses a duplicate lid and a change to a
 * lesson that has attendance in a way that alters its times. */
gboolean td_store_save_lesson (TdStore *self, TdLesson *lesson, GError **error);
gboolean td_store_delete_lesson (TdStore *self, gint64 lesson_id, GError **error);
/* Replaces every lesson of a class that has no attendance yet (a generated timetable). */
gboolean td_store_replace_lessons (TdStore *self, gint64 class_id, GPtrArray *lessons,
                                   GError **error);

/* ---- trainees and rosters ---------------------------------------------- */
/* NULL if none (@error not set) or when it cannot be read (@error set). */
TdTrainee *td_store_find_trainee (TdStore *self, const char *id_number, GError **error);
TdTrainee *td_store_get_trainee (TdStore *self, gint64 trainee_id, GError **error);
/* Inserts (matching an existing person by id number: one row per person) or updates;
 * sets trainee->id. */
gboolean td_store_save_trainee (TdStore *self, TdTrainee *trainee, GError **error);
gint64 td_store_count_trainees (TdStore *self, GError **error);   /* -1 on error */
/* Row ids of all trainees ordered by @order ("name", "id_number", "birth_date" or NULL for
 * insertion), for list models that build rows on demand. */
GArray *td_store_list_trainee_ids (TdStore *self, const char *order, GError **error);
/* Classes (codes) a trainee is or was enrolled in. */
GPtrArray *td_store_list_trainee_classes (TdStore *self, gint64 trainee_id, GError **error);
/* Everyone on the roster of a class other than @class_id: id number → GPtrArray of the
 * codes of those classes (char*, by start date, as td_store_list_trainee_classes () gives
 * them).  One read for a whole import's R-ROS-001 checks. */
GHashTable *td_store_list_enrolled_elsewhere (TdStore *self, gint64 class_id, GError **error);

/* TdEnrolment*, by position. */
GPtrArray *td_store_list_enrolments (TdStore *self, gint64 class_id, GError **error);
TdEnrolment *td_store_get_enrolment (TdStore *self, gint64 class_id, gint64 trainee_id,
                                     GError **error);
/* Saves the person (reusing the row of the same id number) and the enrolment.
 * Refuses a trainee already on this roster (when enrolment->id is 0). */
gboolean td_store_save_enrolment (TdStore *self, TdEnrolment *enrolment, GError **error);
/* A roster grows by @n new enrolments of @class_id at once (an import): each checked as
 * td_store_save_enrolment() checks it, in memory before anything is written; then the
 * people stored (the row of the same id number reused) and the enrolments added, positions
 * after the roster's last, with @terminal_numbers (NULL, or one per enrolment: NULL for
 * the roster position) — one transaction, statements prepared once.  @progress (may be
 * NULL) is told after each enrolment; @cancellable stops it.  On a refusal or a cancel
 * nothing is stored, and after a refusal *@failed is the index of the enrolment refused.
 * Sets each enrolment's id, trainee id and position. */
typedef void (*TdStoreProgress) (guint done, guint total, gpointer user_data);
gboolean td_store_add_enrolments (TdStore *self, gint64 class_id, TdEnrolment *const *enrolments,
                                  const char *const *terminal_numbers, guint n,
                                  TdStoreProgress progress, gpointer user_data,
                                  GCancellable *cancellable, guint *failed, GError **error);
/* Only a trainee with no attendance, result or follow-up in the class. */
gboolean td_store_remove_enrolment (TdStore *self, gint64 class_id, gint64 trainee_id,
                                    GError **error);
gboolean td_store_withdraw (TdStore *self, gint64 class_id, gint64 trainee_id,
                            const char *date, const char *reason, GError **error);
/* Not withdrawn; -1 on error. */
int td_store_count_enrolled (TdStore *self, gint64 class_id, GError **error);

/* ---- attendance -------------------------------------------------------- */
/* Stores one trainee's record for one lesson.  The store computes the credited hours
 * (R-ATT-004) and appends the record to the class's chain (R-ATT-005).  A record not yet
 * carried by a packet is changed in place and the pending part of the chain recomputed;
 * a carried one is locked: the change is appended as a correction that restates the
 * packet that carried it, so the next batch supersedes that packet. */
gboolean td_store_record_attendance (TdStore *self, gint64 class_id, gint64 lesson_id,
                                     gint64 trainee_id, char status, const char *time_in,
                                     const char *time_out, const char *method,
                                     GError **error);
/* Bulk attendance, the one write path for many records (mark a lesson or the class present,
 * an attendance import): each entry is checked as td_store_record_attendance() checks one,
 * all of them before the first is written, then all are stored in one transaction with the
 * class's lessons and roster read once and the statements reused.  A refused entry or a
 * failed write stores nothing; the error starts with the lesson and the trainee
 * ("Lesson 03, 王芳: …") when there is more than one entry.  An entry with the values already
 * stored changes nothing; *@n_changed (may be NULL) counts those that changed.  One ::changed
 * ("attendance", class_id) after the commit. */
typedef struct
{
  gint64 lesson_id;
  gint64 trainee_id;
  char status;                  /* P L E V A */
  const char *time_in;          /* "HH:MM:SS"; NULL for V and A */
  const char *time_out;
  const char *method;           /* FACE CARD QR ONLINE MANUAL */
} TdAttendanceEntry;

gboolean td_store_record_attendance_many (TdStore *self, gint64 class_id,
                                          const TdAttendanceEntry *entries, guint n_entries,
                                          guint *n_changed, GError **error);
/* The current record of every lesson × trainee (the latest of each), TdAttendance*. */
GPtrArray *td_store_list_attendance (TdStore *self, gint64 class_id, GError **error);
/* Where the attendance this store wrote stands: a reader keeps it with the records it read
 * and asks td_store_list_attendance_since() what changed after it. */
typedef struct
{
  guint64 data_version;         /* another connection's commit moves it */
  guint64 serial;               /* this connection's writes */
} TdAttendanceMark;
TdAttendanceMark td_store_attendance_mark (TdStore *self);
/* The records of @class_id written since @since, as they are now (TdAttendance*): those
 * replaced by a later record, or gone, with replaced set (one gone has only its id).  Their
 * values, packet and replaced flag are current; their seq and hash are too, but the other
 * records' seq and hash may have moved (a record put into the chain before them).  When
 * that cannot be told — another program wrote to the database, the class's records were
 * changed in bulk (a packet sent or rejected), @since is too old — *@whole is TRUE and the
 * list is td_store_list_attendance() (every current record).  NULL with @error when the
 * store cannot be read. */
GPtrArray *td_store_list_attendance_since (TdStore *self, gint64 class_id,
                                           const TdAttendanceMark *since, gboolean *whole,
                                           GError **error);
/* The whole chain in order, replaced records included. */
GPtrArray *td_store_list_chain (TdStore *self, gint64 class_id, GError **error);
/* Records no packet has carried yet, in chain order. */
GPtrArray *td_store_list_pending_attendance (TdStore *self, gint64 class_id, GError **error);
/* Calls @func for each pending record, in chain order, up to @last_seq (0: all), reading one
 * record at a time so a batch of any size streams; stops early when @func returns FALSE.
 * @func must not write to the store. */
typedef gboolean (*TdAttendanceFunc) (const TdAttendance *record, gpointer user_data);
gboolean td_store_foreach_pending_attendance (TdStore *self, gint64 class_id, gint64 last_seq,
                                              TdAttendanceFunc func, gpointer user_data,
                                              GError **error);

/* What the next attendance batch carries: the pending records up to the first record that
 * restates a second packet (a batch supersedes at most one packet). */
typedef struct
{
  guint n_pending;              /* all pending records */
  guint n_batch;                /* those the next batch carries */
  gint64 last_seq;              /* the last of them (0 when none) */
  char *restates;               /* the packet the batch supersedes, or NULL */
} TdPendingAttendance;

void td_pending_attendance_clear (TdPendingAttendance *pending);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TdPendingAttendance, td_pending_attendance_clear)
gboolean td_store_get_pending_attendance (TdStore *self, gint64 class_id,
                                          TdPendingAttendance *out, GError **error);
/* Head of the class's chain after the last carried record (64 zeros when none). */
char *td_store_chain_sent_head (TdStore *self, gint64 class_id, GError **error);
/* Marks records seq ≤ @last_seq still pending as carried by @packet_id. */
gboolean td_store_mark_attendance_sent (TdStore *self, gint64 class_id, gint64 last_seq,
                                        const char *packet_id, GError **error);
/* The same for a packet that carries @n_records records whose chain ends at @chain_head (the
 * value after record @last_seq, as the packet has it; NULL: not checked): refused
 * (TD_STORE_ERROR_CONFLICT, nothing marked) unless exactly those records are still pending,
 * as when another desk exported or changed some of them meanwhile: a batch is sent in one
 * packet, never in two, and a packet never marks what it does not carry. */
gboolean td_store_mark_attendance_carried (TdStore *self, gint64 class_id, gint64 last_seq,
                                           gint64 n_records, const char *chain_head,
                                           const char *packet_id, GError **error);
/* After a rejection: the records @packet_id carried become pending again. */
gboolean td_store_unmark_attendance (TdStore *self, const char *packet_id, GError **error);
/* Credited hours of a trainee in a class (current records). */
TdHalves td_store_credited_hours (TdStore *self, gint64 class_id, gint64 trainee_id,
                                  GError **error);

/* ---- attendance import ------------------------------------------------ */
/* Terminal person numbers (考勤号) of a class's roster: trainee id (gint64*) → number (char*)
 * for every enrolment; one without a number of its own has its roster position. */
GHashTable *td_store_list_terminal_numbers (TdStore *self, gint64 class_id, GError **error);
/* *@number: a number two trainees of the class would have (one of their own, or a roster
 * position), NULL when every number is distinct.  FALSE with @error when the roster cannot
 * be read. */
gboolean td_store_find_shared_terminal_number (TdStore *self, gint64 class_id, char **number,
                                               GError **error);
/* Sets a trainee's number in the class (NULL or "": back to the roster position); "0012"
 * is stored as 12.  Refuses a number another trainee of the class has. */
gboolean td_store_set_terminal_number (TdStore *self, gint64 class_id, gint64 trainee_id,
                                       const char *number, GError **error);

/* What one import of a terminal's or platform's file did, for the audit log. */
typedef struct
{
  const char *file_name;
  const char *sha256;           /* of the file's bytes, 64 lower-case hex digits */
  guint n_punches;
  guint n_records;              /* records the import computed */
  guint n_new;
  guint n_changed;              /* pending records changed in place */
  guint n_corrections;          /* records of sent batches restated */
  guint n_exceptions;
} TdImportLog;

/* The details of the import's one audit entry (td_store_commit_bulk), as a JSON object:
 * file, sha256 and the counts.  Newly allocated; NULL when SQLite cannot write it. */
char *td_store_import_details (TdStore *self, const TdImportLog *log);

/* ---- assessment and follow-up ------------------------------------------- */
GPtrArray *td_store_list_results (TdStore *self, gint64 class_id, GError **error);
gboolean td_store_save_result (TdStore *self, TdResult *result, GError **error);
gboolean td_store_delete_result (TdStore *self, gint64 result_id, GError **error);

/* TdFollowUp*, by checked. */
GPtrArray *td_store_list_follow_ups (TdStore *self, gint64 class_id, GError **error);
gboolean td_store_save_follow_up (TdStore *self, TdFollowUp *follow_up, GError **error);
gboolean td_store_delete_follow_up (TdStore *self, gint64 follow_up_id, GError **error);

/* ---- claims ------------------------------------------------------------- */
/* Stores the claim a packet carries, with its lines (sets claim->id). */
gboolean td_store_save_claim (TdStore *self, TdClaim *claim, GError **error);
/* TdClaim*, with lines. */
GPtrArray *td_store_list_claims (TdStore *self, gint64 class_id, GError **error);
/* NULL if none (@error not set) or when it cannot be read (@error set). */
TdClaim *td_store_get_claim_by_packet (TdStore *self, const char *packet_id, GError **error);
/* Approved amounts from a receipt: @approved maps id number → TdFen* (NULL: all as claimed). */
gboolean td_store_set_claim_approved (TdStore *self, const char *packet_id, TdFen total,
                                      GHashTable *approved, GError **error);
/* What a trainee was already subsidised for (R-SUB-005): the approved lines of accepted
 * claims of other classes. */
typedef struct
{
  char *class_code;
  char *item_code;
  int certificate;
  int level;
  char end_date[TD_DATE_LEN];   /* the class's EndDate: its year counts */
  TdFen approved;
} TdSubsidyHistory;

void td_subsidy_history_free (TdSubsidyHistory *entry);
GPtrArray *td_store_list_subsidy_history (TdStore *self, gint64 trainee_id,
                                          gint64 exclude_class_id, GError **error);

/* ---- packet log --------------------------------------------------------- */
gboolean td_store_log_packet (TdStore *self, const TdPacketLog *log, GBytes *content,
                              GError **error);
/* The same, with the content read from @path in pieces (a large batch never sits in
 * memory whole). */
gboolean td_store_log_packet_file (TdStore *self, const TdPacketLog *log, const char *path,
                                   GError **error);
TdPacketLog *td_store_get_packet (TdStore *self, const char *packet_id, GError **error);
/* TdPacketLog* without content, newest first; class_id 0 for all. */
GPtrArray *td_store_list_packets (TdStore *self, gint64 class_id, GError **error);
/* The latest packet of @kind for a class (or a quarter), any status; NULL if none (@error
 * not set) or when it cannot be read (@error set). */
TdPacketLog *td_store_latest_packet (TdStore *self, TdPacketKind kind, gint64 class_id,
                                     int year, int quarter, GError **error);
gboolean td_store_set_packet_file (TdStore *self, const char *packet_id, const char *file,
                                   GError **error);
/* A packet is logged in the state "writing" before its file is renamed into place: then
 * marked sent (td_store_finish_packet), or, when the file could not be put in place, taken
 * out of the log again with what it carried (attendance marks, the claim). */
gboolean td_store_finish_packet (TdStore *self, const char *packet_id, GError **error);
/* The sent file of a packet was moved: @path is where it is now, checked to hold exactly the
 * bytes that were sent before the log points at it (absolute). */
gboolean td_store_relocate_packet (TdStore *self, const char *packet_id, const char *path,
                                   GError **error);
gboolean td_store_forget_packet (TdStore *self, const char *packet_id, GError **error);
/* On a server: exports that a desk left "writing" because it is gone (closed, killed, its
 * connection to the server lost), settled as opening a file settles them: a file in place
 * here with exactly the logged bytes is logged as sent, otherwise the export is undone and
 * its records can be exported again.  An export a desk is running is left alone.  Opening
 * does it too (td_store_get_notices); an export does it first.  Returns what was settled,
 * one sentence each (empty when nothing; always on a file, whose exports opening settled). */
GPtrArray *td_store_settle_exports (TdStore *self);
/* Applies a receipt's decision: status, instants, filing number, approved amount, issues. */
gboolean td_store_set_packet_receipt (TdStore *self, const char *packet_id,
                                      TdPacketStatus status, const char *received,
                                      const char *issued, const char *filing_no,
                                      TdFen approved, GPtrArray *issues, GBytes *receipt,
                                      GError **error);

/* ---- audit, integrity, backup ------------------------------------------- */
GPtrArray *td_store_list_audit (TdStore *self, const char *table, gint64 row, int limit,
                                GError **error);

typedef struct
{
  char *class_code;
  char *lid;                    /* NULL for a database-level problem */
  char *id_number;
  gint64 seq;
  char *message;
} TdVerifyProblem;

void td_verify_problem_free (TdVerifyProblem *problem);
/* A number that moves whenever the data changed, by this program or another (a commit here,
 * or SQLite's data_version for commits of other connections): a page re-checks what it
 * shows only when it moved. */
guint64 td_store_get_change_count (TdStore *self);
/* The same for what @tables hold (NULL-terminated, the names ::changed gives): it moves
 * when a commit here changed one of them, or another connection committed anything. */
guint64 td_store_get_change_count_of (TdStore *self, const char *const *tables);
/* The attendance chain of one class recomputed (what the attendance page shows; the full
 * td_store_verify() is for the CLI, the backup and the settings page).  Incremental: the
 * records this connection verified before are not read again while no other connection
 * wrote to the database (then the whole chain is checked) and this one changed none of them
 * (a change marks the chain from the first changed record on); a chain with a problem is
 * checked whole every time. */
GPtrArray *td_store_verify_class (TdStore *self, gint64 class_id, GError **error);
/* SQLite's integrity check and every attendance chain recomputed.  Returns the problems
 * (empty when all is well). */
GPtrArray *td_store_verify (TdStore *self, GError **error);
/* A consistent copy of the database in the SQLite file @path, replacing it atomically (a
 * failure leaves @path as it was).  A file: SQLite's online backup (consistent while another
 * process writes); a server database: td_store_copy (), so the file opens on any desk. */
gboolean td_store_backup (TdStore *self, const char *path, GCancellable *cancellable,
                          GError **error);

typedef enum
{
  TD_STORE_COPY_DEFAULT = 0,
  TD_STORE_COPY_REPLACE = 1 << 0,  /* replace a TrainDesk database (or file) at the target */
} TdStoreCopyFlags;

/* Copies everything @self holds, as one consistent snapshot, into a new database at @target
 * (td-store-copy.c): an SQLite file path or a server location ("postgresql://…", either way
 * round).  Every row keeps its id; the attendance chains, the packets (bytes and digests)
 * and the audit log (its entries and seal) are copied as they are, the audit triggers not
 * firing for the copied rows, so td_store_verify () says the same on both sides.  On a
 * server, the id counters go on after the copied ids.  All or nothing: one transaction on a
 * server, a temporary file renamed into place for a file; on failure @target is as it was.
 * A target that already holds a database (a file that exists, a server schema with a
 * TrainDesk database) is refused with TD_STORE_ERROR_NOT_EMPTY unless @flags has
 * TD_STORE_COPY_REPLACE; a server schema holding another program's tables is always refused.
 * *@n_rows (may be NULL): the rows copied. */
gboolean td_store_copy (TdStore *self, const char *target, TdStoreCopyFlags flags,
                        gint64 *n_rows, GCancellable *cancellable, GError **error);

G_END_DECLS
