/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard's charts built from the store: outcomes, attendance, actions, subsidy. */
#pragma once

#include "core/td-store.h"
#include "render/td-chart.h"

G_BEGIN_DECLS

typedef enum
{
  TD_CHART_OUTCOMES,            /* per class: enrolled, completed, certified, employed */
  TD_CHART_ATTENDANCE,          /* one class: trainees per attendance-rate band, threshold */
  TD_CHART_ACTIONS,             /* this year's trainees per special-action target vs target */
  TD_CHART_SUBSIDY,             /* claimed and approved per month */
  TD_N_CHARTS
} TdChartKind;

const char *td_chart_kind_token (TdChartKind kind);     /* "outcomes" … the CLI's NAME */
gboolean td_chart_kind_from_string (const char *text, TdChartKind *kind);
/* TRUE when the chart is about one class (--class is required). */
gboolean td_chart_kind_needs_class (TdChartKind kind);

/* @class_code NULL: every class (outcomes, subsidy); required for attendance. */
TdChart *td_chart_build (TdStore *store, TdChartKind kind, const char *class_code,
                         GError **error);

/* ---- the city's targets (data/charts/action-targets.tsv) --------------- */

typedef struct
{
  char *label;
  int target;                   /* trainees per year */
  char **actions;               /* SpecialAction codes; empty: any */
  char **categories;            /* 人员类别 codes, one of which the trainee has; empty: any */
  char **items;                 /* catalogue item codes; empty: any */
} TdActionTarget;

void td_action_target_free (TdActionTarget *target);
/* Parses the TSV (format in the file's comment); an error names the bad line. */
GPtrArray *td_action_targets_parse (const char *text, GError **error);
/* The targets compiled into the GResource. */
GPtrArray *td_action_targets_load (GError **error);
/* TRUE when a trainee with @categories ("03,07") in a class of @action and @item counts
 * for @target. */
gboolean td_action_target_matches (const TdActionTarget *target, const char *action,
                                   const char *item, const char *categories);

G_END_DECLS
