/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdClaimRow: a line of the Subsidy page's claim preview, as the properties its columns
 * show: position, name, id-number, credited, credited-halves, rate, rate-value,
 * certificate, standard, standard-fen, uplift, uplift-fen, amount, amount-fen and reason
 * ("Included", or every reason it is not, one a line; reason-flagged then, and dimmed). */
#pragma once

#include "core/td-subsidy.h"
#include "ui/td-list-row.h"

G_BEGIN_DECLS

#define TD_TYPE_CLAIM_ROW (td_claim_row_get_type ())
G_DECLARE_FINAL_TYPE (TdClaimRow, td_claim_row, TD, CLAIM_ROW, TdListRow)

TdClaimRow *td_claim_row_new (const TdSubsidyLine *line);

G_END_DECLS
