/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Punches: what a sign-in terminal or a learning platform logged, one line of its export
 * each, before they are matched to lessons (td-attendance-import.h).  The readers of the
 * files live in src/table (td-punch-reader.h); these records are all the core needs. */
#pragma once

#include "core/td-records.h"

G_BEGIN_DECLS

typedef struct
{
  guint line;                   /* where the file has it (CSV/attlog line, sheet row) */
  char *person_no;              /* terminal person number (考勤号), normalised; NULL if none */
  char *id_number;              /* 18 characters, normalised; NULL when the file has none */
  char *name;                   /* as the file writes it; NULL when none */
  char date[TD_DATE_LEN];
  int seconds;                  /* time of day */
  char method[8];               /* FACE CARD QR ONLINE; "" for the device's method */
  /* A study record of an online platform names its lesson: by lid, or by date and start. */
  char *lesson;                 /* NULL when the record does not name one by lid */
  char lesson_date[TD_DATE_LEN];
  int lesson_start;             /* -1 when none */
} TdPunch;

TdPunch *td_punch_new (void);
TdPunch *td_punch_copy (const TdPunch *punch);
void td_punch_free (TdPunch *punch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPunch, td_punch_free)

/* A line of the file that could not be read, and why (translated). */
typedef struct
{
  guint line;
  char *reason;
} TdPunchProblem;

TdPunchProblem *td_punch_problem_new (guint line, char *reason);  /* takes @reason */
void td_punch_problem_free (TdPunchProblem *problem);

/* A terminal person number as written ("  12", "0012", "１２") → "12"; NULL when it is not a
 * whole number above 0.  Newly allocated. */
char *td_terminal_number_normalize (const char *text);

G_END_DECLS
