/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdClassRow: a class in the Overview page's list, as the properties its columns show:
 * code, title, status, start, start-day, end, end-day, enrolled ("12/30"),
 * enrolled-count, filing-no.  Dimmed when the class was cancelled. */
#pragma once

#include "core/td-store.h"
#include "ui/td-list-row.h"

G_BEGIN_DECLS

#define TD_TYPE_CLASS_ROW (td_class_row_get_type ())
G_DECLARE_FINAL_TYPE (TdClassRow, td_class_row, TD, CLASS_ROW, TdListRow)

TdClassRow *td_class_row_new (const TdClassSummary *summary);

G_END_DECLS
