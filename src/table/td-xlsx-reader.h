/* SPDX-License-Identifier: GPL-3.0-or-later */
/* .xlsx in: the zip through libzip, every part streamed through libxml2's xmlReader
 * (XML_PARSE_NONET, no DTD, no entities) so that memory and time stay bounded; shared and
 * inline strings, numbers, dates (by the cell's number format, 1900 and 1904 systems),
 * merged cells filled from their top-left cell.  An entry larger than the limit is refused
 * from the zip directory, and again while inflating if the directory lied. */
#pragma once

#include "table/td-table.h"

G_BEGIN_DECLS

/* Reads the sheet named @sheet (compared without case), or the first visible one. */
TdTable *td_xlsx_read (GBytes *bytes, const char *sheet, const TdTableLimits *limits,
                       GCancellable *cancellable, GError **error);

/* The names of the workbook's sheets, in order (char*). */
GPtrArray *td_xlsx_list_sheets (GBytes *bytes, GError **error);

G_END_DECLS
