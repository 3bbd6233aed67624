/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Quarterly statistics (RULES.md R-QTR-003) and the figures the charts draw. */
#pragma once

#include "core/td-store.h"

G_BEGIN_DECLS

typedef struct
{
  char action[3];
  char training_type[3];
  char category[3];
  int enrolled;                  /* on the roster and not withdrawn */
  int completed;                 /* enrolled with an attendance rate ≥ MinAttendanceRate */
  int certified;                 /* completed with outcome 1 */
  int employed;                  /* completed with a latest follow-up of status 1, 2 or 3 */
  TdFen subsidy;                 /* approved amounts of accepted claims */
} TdQuarterRow;

/* Rows (TdQuarterRow*, sorted by action, training type, category) for the classes, not
 * cancelled, whose end date falls in the quarter. */
GPtrArray *td_stats_quarter (TdStore *store, int year, int quarter, GError **error);

/* Per class: enrolled, completed, certified, employed (for the outcomes chart). */
typedef struct
{
  gint64 class_id;
  char *code;
  char *title;
  int enrolled;
  int completed;
  int certified;
  int employed;
} TdClassOutcome;

void td_class_outcome_free (TdClassOutcome *outcome);
TdClassOutcome *td_stats_class_outcome (TdStore *store, gint64 class_id, GError **error);

G_END_DECLS
