/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What is due next, for the Overview page and anyone else: filings not yet sent and their
 * deadline (R-CLS-002), attendance batches not sent for more than 3 working days
 * (R-ATT-007), trainees to follow up within the employment window (R-EMP-003) and claims
 * near the end of the claim window (R-SUB-006). */
#pragma once

#include "core/td-store.h"

G_BEGIN_DECLS

/* Attendance is overdue once its oldest pending session is more than this many working
 * days old (R-ATT-007). */
#define TD_DUE_ATTENDANCE_WORKDAYS 3
/* A claim not yet accepted is shown this many days before the claim window closes. */
#define TD_DUE_CLAIM_WARN_DAYS 14

typedef enum
{
  TD_DUE_FILING,       /* a draft class: the first filing, due by @due (late when past) */
  TD_DUE_ATTENDANCE,   /* pending attendance: @due is the last working day to send it */
  TD_DUE_FOLLOW_UP,    /* trainees without a follow-up: @due ends the employment window */
  TD_DUE_CLAIM,        /* no claim sent, or it was refused: @due ends the claim window */
} TdDueKind;

typedef struct
{
  TdDueKind kind;
  gint64 class_id;
  char *class_code;
  TdDay due;
  int working_days_left;   /* working days d with today < d <= @due; negative when past */
  char *text;              /* one line in the UI language */
} TdDueItem;

void td_due_item_free (TdDueItem *item);

/* The day the first filing of a class starting @start is to be sent by, as the bureau's office
 * works: the R-CLS-002 deadline (td_calendar_filing_deadline), moved back to the last working
 * day of @catalog's calendar on or before it when it is a weekend or a holiday.  *@rule_day
 * (may be NULL) receives the deadline itself.  0 when @start is 0. */
TdDay td_due_filing_send_by (const TdCatalog *catalog, TdDay start, TdDay *rule_day);
/* When to send that filing, said as of @today: "by 2026-12-04: today is the last day",
 * "by 2026-12-14, 6 more working days after today" or "late since 2026-12-04", with why the
 * day is not the rule's own deadline when that is not a working day. */
char *td_due_filing_when (const TdCatalog *catalog, TdDay start, TdDay today);

/* The items due for every class not cancelled, as of @today, sorted by @due (items on the
 * same day in the order of the classes, by start date).  A class whose catalogue is not in
 * the store is left out.  NULL with @error when the store fails. */
GPtrArray *td_due_list (TdStore *store, TdDay today, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdDueItem, td_due_item_free)

G_END_DECLS
