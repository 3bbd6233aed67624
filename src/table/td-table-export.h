/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A class's roster, attendance summary and claim lines as .xlsx or .csv (by the file name),
 * and the empty roster template.  Headers and code names are Chinese, as on the forms, so
 * that an exported roster can be imported again. */
#pragma once

#include "core/td-store.h"
#include "table/td-table.h"
#include "table/td-table-writer.h"

G_BEGIN_DECLS

typedef enum
{
  TD_EXPORT_ROSTER,
  TD_EXPORT_ATTENDANCE,
  TD_EXPORT_CLAIM,
} TdExportKind;

/* "roster", "attendance", "claim"; FALSE when unknown. */
gboolean td_export_kind_from_string (const char *text, TdExportKind *kind);

/* Writes the table of @kind for the class @class_code to @path (.xlsx or .csv): id numbers
 * masked, CSV in UTF-8 with a byte order mark. */
gboolean td_table_export (TdStore *store, TdExportKind kind, const char *class_code,
                          const char *path, GError **error);
/* The same with full id numbers or GBK as @options say (NULL: as td_table_export). */
gboolean td_table_export_with_options (TdStore *store, TdExportKind kind,
                                       const char *class_code, const char *path,
                                       const TdTableOptions *options, GError **error);

/* The roster template: the header row, an example row (TD_ROSTER_EXAMPLE_ID, refused on
 * import) and drop-down lists for education, category and employment status.  .xlsx only. */
gboolean td_roster_write_template (const char *path, GError **error);

G_END_DECLS
