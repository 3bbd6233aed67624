/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdFindingRow: a line of the findings window: one rule finding, as the properties its
 * columns show (rule, severity, severity-rank, ref, message; severity-flagged for an
 * error).  severity-rank sorts errors first, then warnings, then notes. */
#pragma once

#include "packet/td-finding.h"
#include "ui/td-list-row.h"

G_BEGIN_DECLS

#define TD_TYPE_FINDING_ROW (td_finding_row_get_type ())
G_DECLARE_FINAL_TYPE (TdFindingRow, td_finding_row, TD, FINDING_ROW, TdListRow)

TdFindingRow *td_finding_row_new (const TdFinding *finding);
const char *td_finding_row_get_rule (TdFindingRow *self);
/* What the finding is about ("" when nothing in particular). */
const char *td_finding_row_get_ref (TdFindingRow *self);

G_END_DECLS
