/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing a roster from a table: columns found by their header in any order (Chinese or
 * English), every row checked with the core rules, then the good rows stored in one
 * transaction.  The steps are separate so that a dialog can show a preview:
 *
 *   imp = td_roster_import_new (store, "LC2026-001", &error);
 *   td_roster_import_load_file (imp, path, cancellable, &error);   // read + check
 *   … show td_roster_import_get_row (imp, i) with its problems …
 *   td_roster_import_commit (imp, skip_invalid, progress, data, cancellable, &n, &error);
 *
 * Cancelling a commit rolls it back: the roster is left as it was. */
#pragma once

#include "core/td-store.h"
#include "table/td-table.h"

G_BEGIN_DECLS

#define TD_IMPORT_ERROR (td_import_error_quark ())
GQuark td_import_error_quark (void);

typedef enum
{
  TD_IMPORT_ERROR_NO_HEADER,      /* no row of the first ones names the roster's columns */
  TD_IMPORT_ERROR_MISSING_COLUMN, /* a required column is absent (the message lists them) */
  TD_IMPORT_ERROR_EMPTY,          /* a header but no data rows */
  TD_IMPORT_ERROR_TOO_MANY_ROWS,
  TD_IMPORT_ERROR_INVALID_ROWS,   /* rows have problems and --skip-invalid was not given */
  TD_IMPORT_ERROR_CLASS,          /* the class cannot take a roster (cancelled) */
  TD_IMPORT_ERROR_NOTHING,        /* with skip_invalid: no good row at all */
} TdImportError;

typedef enum
{
  TD_ROSTER_FIELD_NAME,
  TD_ROSTER_FIELD_ID_NUMBER,
  TD_ROSTER_FIELD_PHONE,
  TD_ROSTER_FIELD_EDUCATION,
  TD_ROSTER_FIELD_HOUSEHOLD,
  TD_ROSTER_FIELD_CATEGORIES,
  TD_ROSTER_FIELD_EMPLOYMENT,
  TD_ROSTER_FIELD_CONSENT,
  TD_ROSTER_FIELD_GENDER,
  TD_ROSTER_FIELD_BIRTH_DATE,
  TD_ROSTER_FIELD_TERMINAL_NO,  /* 考勤号: the sign-in terminal's person number (optional) */
  TD_ROSTER_N_FIELDS,
  TD_ROSTER_FIELD_NONE = -1,      /* a problem of the row as a whole */
} TdRosterField;

/* The header the template and the exports write (Chinese: 姓名, 身份证号码 …). */
const char *td_roster_field_header (TdRosterField field);
/* The field a header names (Chinese or English, any case, full-width, spaces, a trailing
 * "*" or "(…)" tolerated), or TD_ROSTER_FIELD_NONE. */
TdRosterField td_roster_field_from_header (const char *header);
gboolean td_roster_field_required (TdRosterField field);

/* The example row of the template: its id number is refused on import. */
#define TD_ROSTER_EXAMPLE_ID "371502198001010018"

typedef struct
{
  guint line;                   /* CSV line or sheet row */
  TdRosterField field;
  char *column;                 /* "C" (.xlsx) or "3" (CSV); NULL when field is NONE */
  char *header;                 /* the header as the file writes it; NULL when field is NONE */
  char *reason;                 /* a translated sentence */
} TdImportProblem;

void td_import_problem_free (TdImportProblem *problem);
/* "Row 5, column C (身份证号码): The check digit should be 7, not 3." (.xlsx) or
 * "Line 5, column 2 (…): …" (CSV), translated.  Newly allocated. */
char *td_import_problem_format (const TdImportProblem *problem, TdTableFormat format);

typedef struct
{
  guint line;
  TdEnrolment *enrolment;       /* what would be stored; partly empty when the row is bad */
  GPtrArray *problems;          /* TdImportProblem*; empty for a good row */
  char *terminal_no;            /* the 考勤号 column's number, normalised; NULL: the position */
} TdImportRow;

typedef struct _TdRosterImport TdRosterImport;

/* Refuses an unknown class (TD_STORE_ERROR_NOT_FOUND) and a cancelled one. */
TdRosterImport *td_roster_import_new (TdStore *store, const char *class_code, GError **error);
void td_roster_import_free (TdRosterImport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdRosterImport, td_roster_import_free)

/* Reads the file (TdTable errors) and checks every row against the class.  FALSE only when
 * the file as a whole is refused; bad rows are reported through the rows. */
gboolean td_roster_import_load_file (TdRosterImport *self, const char *path,
                                     GCancellable *cancellable, GError **error);
/* The same on a table already read (taken). */
gboolean td_roster_import_load_table (TdRosterImport *self, TdTable *table, GError **error);

const TdTable *td_roster_import_get_table (TdRosterImport *self);
guint td_roster_import_get_n_rows (TdRosterImport *self);
const TdImportRow *td_roster_import_get_row (TdRosterImport *self, guint index);
guint td_roster_import_get_n_valid (TdRosterImport *self);
/* After a load: the 0-based column of the file that holds @field, as the header rows named
 * it (the first column naming a field wins), or -1 when no column does. */
int td_roster_import_get_column (TdRosterImport *self, TdRosterField field);
/* After a load: the table row of the first trainee (row 0 is the table's first); the rows
 * above it are the header row(s) and whatever precedes them. */
guint td_roster_import_get_first_data_row (TdRosterImport *self);
/* Notices about the file that refuse nothing ("Column H (备注) is not a roster column:
 * ignored."), translated, char*. */
GPtrArray *td_roster_import_get_notices (TdRosterImport *self);
/* Every problem of every row, formatted, in row order (char*, newly allocated array). */
GPtrArray *td_roster_import_format_problems (TdRosterImport *self);

/* @done of @total rows stored. */
typedef void (*TdImportProgress) (guint done, guint total, gpointer user_data);

/* Stores the good rows in one transaction.  Without @skip_invalid, any bad row refuses the
 * whole import (TD_IMPORT_ERROR_INVALID_ROWS, nothing stored).  Cancelled: G_IO_ERROR_CANCELLED
 * and nothing stored. */
gboolean td_roster_import_commit (TdRosterImport *self, gboolean skip_invalid,
                                  TdImportProgress progress, gpointer user_data,
                                  GCancellable *cancellable, guint *n_imported,
                                  GError **error);

G_END_DECLS
