/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Attendance from the punches of sign-in terminals and the study records of online
 * platforms (td-punch.h): each lesson's record of each trainee computed exactly by
 * RULES.md R-ATT-003/004, compared with what is stored, the cases a person must decide
 * listed as exceptions, then everything stored in one transaction.
 *
 *   imp = td_attendance_import_new (store, "YL2026-011", &error);
 *   td_attendance_import_run (imp, punches, problems, &error);   // preview
 *   … show the rows and exceptions; td_attendance_import_decide () what needs deciding …
 *   td_attendance_import_apply (imp, "attlog.dat", sha256, &error);
 *
 * Matching: a punch belongs to a trainee by id number when the file has one, otherwise by
 * the terminal person number (td_store_list_terminal_numbers).  For a lesson, a trainee's
 * punches on its date from 60 minutes before its start to 60 minutes after its end count;
 * the first is the sign-in, the last the sign-out, and punches within 2 minutes of each
 * other are one (a single one is the one-punch exception).  Lessons on the days the file
 * covers are matched (a study-record file: the lessons it names); others are left alone. */
#pragma once

#include "core/td-punch.h"
#include "core/td-store.h"

G_BEGIN_DECLS

/* Punches less than this far apart are one punch. */
#define TD_PUNCH_MERGE_SECONDS 120
/* R-ATT-003: sign-in from 60 minutes before the start, sign-out until 60 minutes after
 * the end. */
#define TD_PUNCH_WINDOW_SECONDS 3600

typedef enum
{
  TD_ATT_EXCEPTION_BAD_LINE,    /* a line of the file that could not be read */
  TD_ATT_EXCEPTION_ONE_PUNCH,   /* sign-in or sign-out missing: absent, or enter the time */
  TD_ATT_EXCEPTION_NOT_ON_ROSTER,
  TD_ATT_EXCEPTION_WITHDRAWN,   /* punches after the trainee withdrew */
  TD_ATT_EXCEPTION_OUTSIDE,     /* punches in no lesson's window */
  TD_ATT_EXCEPTION_NO_PUNCHES,  /* a lesson nobody punched for (device off?) */
  TD_ATT_EXCEPTION_MANUAL,      /* recorded by hand with another status: keep or take */
  TD_ATT_EXCEPTION_NAME,        /* the file's name differs from the roster's: take or ignore */
  TD_ATT_EXCEPTION_NO_LESSON,   /* a study record names a lesson the timetable lacks */
} TdAttExceptionKind;

typedef enum
{
  TD_ATT_DECISION_NONE,         /* not decided */
  TD_ATT_DECISION_ABSENT,       /* one punch: record absent */
  TD_ATT_DECISION_TIME,         /* one punch: the missing time as entered */
  TD_ATT_DECISION_KEEP,         /* keep the stored record / ignore the file's punches */
  TD_ATT_DECISION_TAKE,         /* take the terminal's record / match despite the name */
} TdAttDecision;

typedef struct
{
  TdAttExceptionKind kind;
  guint line;                   /* the file's line, 0 when the exception is about a lesson */
  const TdLesson *lesson;       /* NULL when not about one lesson */
  const TdEnrolment *enrolment; /* NULL when not about one trainee */
  char *reason;                 /* a translated sentence */
  gboolean needs_decision;      /* the import cannot be stored until it is decided */
  TdAttDecision decision;
  int time;                     /* TD_ATT_DECISION_TIME: the entered time (seconds) */
} TdAttException;

typedef enum
{
  TD_ATT_CHANGE_NONE,           /* stored exactly so already */
  TD_ATT_CHANGE_NEW,
  TD_ATT_CHANGE_UPDATE,         /* a pending record changes in place */
  TD_ATT_CHANGE_CORRECTION,     /* a record of a sent batch: corrected (supersedes) */
  TD_ATT_CHANGE_KEPT,           /* the hand record stays (exception decided so) */
  TD_ATT_CHANGE_UNDECIDED,      /* waits for an exception's decision */
} TdAttChange;

typedef struct
{
  const TdLesson *lesson;
  const TdEnrolment *enrolment;
  char status;                  /* P L E A (V kept from the store); '?' while undecided */
  char time_in[TD_TIME_LEN];
  char time_out[TD_TIME_LEN];
  TdHalves hours;
  char method[8];
  TdAttChange change;
  const TdAttendance *stored;   /* the current stored record, or NULL */
  int exception;                /* index of its exception, or -1 */
} TdAttRow;

typedef struct
{
  guint n_new, n_update, n_correction, n_same, n_kept, n_undecided;
} TdAttCounts;

typedef struct _TdAttendanceImport TdAttendanceImport;

/* Refuses an unknown class (TD_STORE_ERROR_NOT_FOUND). */
TdAttendanceImport *td_attendance_import_new (TdStore *store, const char *class_code,
                                              GError **error);
void td_attendance_import_free (TdAttendanceImport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdAttendanceImport, td_attendance_import_free)

const TdClass *td_attendance_import_get_class (TdAttendanceImport *self);
/* The method of punches whose line does not say (FACE, CARD, QR or ONLINE; FACE if unset). */
void td_attendance_import_set_method (TdAttendanceImport *self, const char *method);
/* Every one-punch exception decided as absent (the CLI's --one-punch absent). */
void td_attendance_import_set_one_punch_absent (TdAttendanceImport *self, gboolean absent);

/* Matches @punches (TdPunch*, copied) to the lessons; @problems (TdPunchProblem*, may be
 * NULL) are the reader's bad lines, listed as exceptions.  Decisions already taken for the
 * same cases are kept.  FALSE only when the store cannot be read. */
gboolean td_attendance_import_run (TdAttendanceImport *self, GPtrArray *punches,
                                   GPtrArray *problems, GError **error);

/* Rows by lesson (date, start), then roster position. */
guint td_attendance_import_get_n_rows (TdAttendanceImport *self);
const TdAttRow *td_attendance_import_get_row (TdAttendanceImport *self, guint index);
/* Exceptions by line (those about a lesson after them). */
guint td_attendance_import_get_n_exceptions (TdAttendanceImport *self);
const TdAttException *td_attendance_import_get_exception (TdAttendanceImport *self,
                                                          guint index);
guint td_attendance_import_get_n_punches (TdAttendanceImport *self);
void td_attendance_import_get_counts (TdAttendanceImport *self, TdAttCounts *counts);
/* Exceptions that still need a decision. */
guint td_attendance_import_count_undecided (TdAttendanceImport *self);

/* Decides exception @index and computes the rows again.  TD_ATT_DECISION_TIME takes @time
 * (seconds) as the missing sign-in or sign-out and refuses one outside the lesson's window
 * (R-ATT-003). */
gboolean td_attendance_import_decide (TdAttendanceImport *self, guint index,
                                      TdAttDecision decision, int time, GError **error);

/* Stores every new and changed record in one transaction with one audit entry naming
 * @file_name and @sha256, or nothing.  Refuses while exceptions need a decision
 * (TD_STORE_ERROR_CONSTRAINT).  Stores nothing (and logs nothing) when nothing changes.
 * @counts (may be NULL) receives what was stored. */
gboolean td_attendance_import_apply (TdAttendanceImport *self, const char *file_name,
                                     const char *sha256, TdAttCounts *counts, GError **error);

/* R-ATT-003/004 for a lesson and sign-in/out times in seconds (@in < @out, both within
 * the window): P, L or E, and the credited hours into @hours. */
char td_attendance_status_of (const TdLesson *lesson, int in, int out, TdHalves *hours);

/* "P", "L" … as the user reads it: 出勤 / present … (translated). */
const char *td_attendance_change_label (TdAttChange change);

G_END_DECLS
