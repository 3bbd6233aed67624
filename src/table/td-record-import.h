/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Score sheets (成绩单) and follow-up sheets (就业回访表) into a class: columns found by
 * their headers (td-sheet.h) or mapped by hand, every row checked by the rules the
 * Assessment and Follow-up pages use (td-record-rules.h) and against the class's roster,
 * then stored all-or-nothing in one transaction:
 *
 *   imp = td_record_import_new (store, TD_RECORD_RESULTS, "LC2026-001", &error);
 *   td_record_import_map_column (imp, "证书编号=F", &error);            // optional
 *   td_record_import_load_file (imp, path, NULL, cancellable, &error);  // read + check
 *   … td_record_import_format_problems (imp) …
 *   td_record_import_commit (imp, &n, &error);                          // all or nothing
 */
#pragma once

#include "core/td-store.h"
#include "table/td-table.h"

G_BEGIN_DECLS

typedef enum
{
  TD_RECORD_RESULTS,            /* 身份证号 姓名 理论成绩 实操成绩 考核结果 证书编号 等级 … */
  TD_RECORD_FOLLOW_UPS,         /* 身份证号 姓名 回访日期 就业状态 就业单位 统一社会信用代码 … */
} TdRecordKind;

typedef struct _TdRecordImport TdRecordImport;

/* Refuses an unknown class (TD_STORE_ERROR_NOT_FOUND) and a cancelled one. */
TdRecordImport *td_record_import_new (TdStore *store, TdRecordKind kind, const char *class_code,
                                      GError **error);
void td_record_import_free (TdRecordImport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdRecordImport, td_record_import_free)

/* Maps a field to a column by hand before loading: "证书编号=F", "身份证号=2". */
gboolean td_record_import_map_column (TdRecordImport *self, const char *spec, GError **error);

/* Reads the file (@sheet: the .xlsx sheet, NULL for the first) and checks every row.  FALSE
 * only when the file as a whole is refused (unreadable, no header, a required column
 * missing, no rows); bad rows are reported by td_record_import_format_problems (). */
gboolean td_record_import_load_file (TdRecordImport *self, const char *path, const char *sheet,
                                     GCancellable *cancellable, GError **error);
/* The same on a table already read (taken). */
gboolean td_record_import_load_table (TdRecordImport *self, TdTable *table, GError **error);

guint td_record_import_get_n_rows (TdRecordImport *self);
guint td_record_import_get_n_valid (TdRecordImport *self);
/* "Row 5, column F (证书编号): …" for every problem of every row, in row order (char*). */
GPtrArray *td_record_import_format_problems (TdRecordImport *self);
/* Notices that refuse nothing: ignored columns, values taken from the class, credit codes
 * with a wrong check character (R-ORG-001, a warning) (char*). */
GPtrArray *td_record_import_get_notices (TdRecordImport *self);

/* Stores every row in one transaction, or nothing: any bad row refuses the whole import
 * (TD_IMPORT_ERROR_INVALID_ROWS), and a row the store refuses rolls everything back with
 * the row named. */
gboolean td_record_import_commit (TdRecordImport *self, guint *n_imported, GError **error);

/* The sheet to fill: the header row, one row per trainee of the roster not withdrawn (id
 * number as text, name), drop-downs for the coded columns.  .xlsx only. */
gboolean td_record_write_template (TdStore *store, TdRecordKind kind, const char *class_code,
                                   const char *path, GError **error);

G_END_DECLS
