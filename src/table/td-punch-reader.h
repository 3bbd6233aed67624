/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading what sign-in terminals and learning platforms export, as punches (core/td-punch.h):
 *
 * - ZKTeco-style attlog.dat / .txt: one punch a line, tab-separated: person number (padded
 *   with spaces), "YYYY-MM-DD HH:MM:SS", status, verify mode (15 face, 4 card; others take
 *   the device's method), work code, reserved fields;
 * - spreadsheets (.xlsx, CSV in UTF-8 or GBK) of terminals and attendance software, columns
 *   found by their usual headers (考勤号码, 姓名, 身份证号, 日期时间 or 日期 + 时间, 设备名称,
 *   验证方式 …) or mapped by hand;
 * - study records of online platforms: id number, lesson (课次 or date + start), study start
 *   and end, each a pair of ONLINE punches naming the lesson.
 *
 * Lines that cannot be read are listed with their line and the reason; nothing is guessed. */
#pragma once

#include "core/td-punch.h"
#include "core/td-store.h"
#include "table/td-table.h"

G_BEGIN_DECLS

typedef enum
{
  TD_PUNCH_FILE_ATTLOG,
  TD_PUNCH_FILE_TABLE,          /* a terminal's or attendance software's spreadsheet */
  TD_PUNCH_FILE_STUDY,          /* an online platform's study records */
} TdPunchFileKind;

typedef enum
{
  TD_PUNCH_COLUMN_PERSON_NO,
  TD_PUNCH_COLUMN_NAME,
  TD_PUNCH_COLUMN_ID_NUMBER,
  TD_PUNCH_COLUMN_DATETIME,
  TD_PUNCH_COLUMN_DATE,
  TD_PUNCH_COLUMN_TIME,
  TD_PUNCH_COLUMN_DEVICE,
  TD_PUNCH_COLUMN_VERIFY,
  TD_PUNCH_COLUMN_LESSON,
  TD_PUNCH_COLUMN_LESSON_DATE,
  TD_PUNCH_COLUMN_LESSON_START,
  TD_PUNCH_COLUMN_STUDY_START,
  TD_PUNCH_COLUMN_STUDY_END,
  TD_PUNCH_N_COLUMNS,
} TdPunchColumn;

/* Which column of a table holds what (-1: none), and the first data row (0-based). */
typedef struct
{
  int columns[TD_PUNCH_N_COLUMNS];
  guint first_row;
} TdPunchMapping;

void td_punch_mapping_init (TdPunchMapping *mapping);      /* all -1, first row 0 */
/* "first=1;person=0;datetime=2" and back; FALSE for a string that is not one. */
char *td_punch_mapping_to_string (const TdPunchMapping *mapping);
gboolean td_punch_mapping_from_string (const char *text, TdPunchMapping *mapping);
/* The key of a column in those strings ("person", "datetime" …) and its label for people
 * (translated). */
const char *td_punch_column_key (TdPunchColumn column);
const char *td_punch_column_label (TdPunchColumn column);

typedef struct _TdPunchFile TdPunchFile;

/* Reads the file (at most 32 MiB) and, for a table, finds its columns by their headers.
 * FALSE-worthy only when the file as a whole cannot be read; a table whose headers are
 * unknown loads with td_punch_file_needs_mapping () TRUE. */
TdPunchFile *td_punch_file_load (const char *path, GCancellable *cancellable, GError **error);
TdPunchFile *td_punch_file_load_bytes (GBytes *bytes, const char *name,
                                       GCancellable *cancellable, GError **error);
void td_punch_file_free (TdPunchFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPunchFile, td_punch_file_free)

TdPunchFileKind td_punch_file_get_kind (const TdPunchFile *file);
const char *td_punch_file_get_name (const TdPunchFile *file);     /* the file's base name */
const char *td_punch_file_get_sha256 (const TdPunchFile *file);   /* of its bytes */
/* The table read (NULL for an attlog file). */
const TdTable *td_punch_file_get_table (const TdPunchFile *file);
/* A table whose columns were not found: map them (td_punch_file_set_mapping). */
gboolean td_punch_file_needs_mapping (const TdPunchFile *file);
/* What identifies tables of one layout (the columns and the text of the first row), to
 * remember a mapping made by hand; NULL for an attlog file.  Newly allocated. */
char *td_punch_file_get_shape (const TdPunchFile *file);
/* The mapping in use (found or set); FALSE when there is none. */
gboolean td_punch_file_get_mapping (const TdPunchFile *file, TdPunchMapping *mapping);
/* Reads the table again with @mapping.  Refuses one without a person or id number column
 * and a time (date and time, or study start and end). */
gboolean td_punch_file_set_mapping (TdPunchFile *file, const TdPunchMapping *mapping,
                                    GError **error);

/* A mapping made by hand is remembered in the store's settings for tables of the file's
 * shape.  _apply_saved: a table whose headers were not recognised takes the mapping saved
 * for its shape (TRUE also when there is none or nothing to map); _remember: saves the
 * mapping in use. */
gboolean td_punch_file_apply_saved_mapping (TdPunchFile *file, TdStore *store, GError **error);
gboolean td_punch_file_remember_mapping (const TdPunchFile *file, TdStore *store,
                                         GError **error);

GPtrArray *td_punch_file_get_punches (const TdPunchFile *file);   /* TdPunch* */
GPtrArray *td_punch_file_get_problems (const TdPunchFile *file);  /* TdPunchProblem* */

G_END_DECLS
