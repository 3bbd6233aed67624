/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard's charts from the store (td-charts.h). */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "core/td-stats.h"
#include "core/td-subsidy.h"
#include "render/td-charts.h"

#define TARGETS_RESOURCE "/io/github/traindesk/TrainDesk/data/charts/action-targets.tsv"

static const char *const tokens[TD_N_CHARTS] = { "outcomes", "attendance", "actions",
                                                 "subsidy" };

const char *
td_chart_kind_token (TdChartKind kind)
{
  g_return_val_if_fail (kind < TD_N_CHARTS, NULL);
  return tokens[kind];
}

gboolean
td_chart_kind_from_string (const char *text, TdChartKind *kind)
{
  for (int i = 0; i < TD_N_CHARTS; i++)
    if (g_strcmp0 (text, tokens[i]) == 0)
      {
        *kind = (TdChartKind) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
td_chart_kind_needs_class (TdChartKind kind)
{
  return kind == TD_CHART_ATTENDANCE;
}

/* ---- outcomes --------------------------------------------------------- */

static gboolean
add_outcome (TdStore *store, TdChart *chart, gint64 class_id, GError **error)
{
  TdClassOutcome *o = td_stats_class_outcome (store, class_id, error);
  int c;

  if (o == NULL)
    return FALSE;
  c = td_chart_add_category (chart, o->code);
  td_chart_set_value (chart, 0, c, o->enrolled);
  td_chart_set_value (chart, 1, c, o->completed);
  td_chart_set_value (chart, 2, c, o->certified);
  td_chart_set_value (chart, 3, c, o->employed);
  td_class_outcome_free (o);
  return TRUE;
}

static TdChart *
build_outcomes (TdStore *store, const TdClass *only, GError **error)
{
  g_autoptr (TdChart) chart = td_chart_new (_("Class outcomes"));
  g_autoptr (GPtrArray) classes = NULL;

  td_chart_set_axis_titles (chart, _("Class"), _("Trainees"));
  td_chart_add_series (chart, _("Enrolled"), TD_CHART_SERIES_BAR);
  td_chart_add_series (chart, _("Completed"), TD_CHART_SERIES_BAR);
  td_chart_add_series (chart, _("Certified"), TD_CHART_SERIES_BAR);
  td_chart_add_series (chart, _("Employed"), TD_CHART_SERIES_BAR);
  if (only != NULL)
    return add_outcome (store, chart, only->id, error) ? g_steal_pointer (&chart) : NULL;
  classes = td_store_list_classes (store, error);
  if (classes == NULL)
    return NULL;
  for (guint i = 0; i < classes->len; i++)
    {
      TdClassSummary *summary = g_ptr_array_index (classes, i);

      if (summary->status == TD_CLASS_CANCELLED)
        continue;
      if (!add_outcome (store, chart, summary->id, error))
        return NULL;
    }
  return g_steal_pointer (&chart);
}

/* ---- attendance ------------------------------------------------------- */

static TdChart *
build_attendance (TdStore *store, const TdClass *klass, GError **error)
{
  g_autoptr (TdCatalog) catalog = td_store_get_class_catalog (store, klass, error);
  g_autoptr (GPtrArray) enrolments = NULL;
  g_autoptr (TdChart) chart = NULL;
  g_autofree char *title = NULL, *threshold = NULL;
  g_autoptr (GPtrArray) lessons = NULL;
  TdHalves planned;
  TdRate min_rate;

  if (catalog == NULL || (lessons = td_store_list_lessons (store, klass->id, error)) == NULL)
    return NULL;
  planned = td_subsidy_planned_hours (klass, lessons);
  min_rate = catalog->rules.min_attendance_rate;
  title = g_strdup_printf (_("Attendance of class %s"), klass->code);
  chart = td_chart_new (title);
  td_chart_set_axis_titles (chart, _("Attendance rate"), _("Trainees"));
  td_chart_add_series (chart, _("Trainees"), TD_CHART_SERIES_BAR);
  for (int b = 0; b < 10; b++)
    {
      g_autofree char *band = g_strdup_printf ("%d–%d%%", b * 10, b * 10 + 10);

      td_chart_add_category (chart, band);
    }
  enrolments = td_store_list_enrolments (store, klass->id, error);
  if (enrolments == NULL)
    return NULL;
  for (guint i = 0; i < enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (enrolments, i);
      g_autoptr (GError) local = NULL;
      TdHalves credited;
      TdRate rate;
      int band;

      if (e->withdrawn_date[0] != '\0')
        continue;
      credited = td_store_credited_hours (store, klass->id, e->trainee.id, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      rate = td_rate_of (credited, planned);
      band = CLAMP (rate / 1000, 0, 9);
      td_chart_set_value (chart, 0, band, td_chart_get_value (chart, 0, band) + 1);
    }
  threshold = g_strdup_printf (_("Minimum %g%%"), min_rate / 100.0);
  td_chart_set_threshold (chart, min_rate / 1000.0, threshold);
  return g_steal_pointer (&chart);
}

/* ---- the targets ------------------------------------------------------ */

void
td_action_target_free (TdActionTarget *target)
{
  g_free (target->label);
  g_strfreev (target->actions);
  g_strfreev (target->categories);
  g_strfreev (target->items);
  g_free (target);
}

static char **
split_codes (const char *column)
{
  g_auto (GStrv) parts = g_strsplit (column != NULL ? column : "", ",", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

GPtrArray *
td_action_targets_parse (const char *text, GError **error)
{
  g_autoptr (GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                  td_action_target_free);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_auto (GStrv) columns = NULL;
      TdActionTarget *target;
      char *end = NULL;
      gint64 value;

      g_strchomp (lines[n]);
      if (lines[n][0] == '\0' || lines[n][0] == '#')
        continue;
      columns = g_strsplit (lines[n], "\t", 5);
      value = g_ascii_strtoll (columns[1] != NULL ? columns[1] : "", &end, 10);
      if (columns[1] == NULL || end == columns[1] || *end != '\0' || value < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Targets, line %u: the second column must be a number of trainees"),
                       n + 1);
          return NULL;
        }
      target = g_new0 (TdActionTarget, 1);
      target->label = g_strdup (columns[0]);
      target->target = (int) value;
      target->actions = split_codes (g_strv_length (columns) > 2 ? columns[2] : NULL);
      target->categories = split_codes (g_strv_length (columns) > 3 ? columns[3] : NULL);
      target->items = split_codes (g_strv_length (columns) > 4 ? columns[4] : NULL);
      g_ptr_array_add (targets, target);
    }
  return g_steal_pointer (&targets);
}

GPtrArray *
td_action_targets_load (GError **error)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data (TARGETS_RESOURCE,
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autofree char *text = NULL;

  if (bytes == NULL)
    return NULL;
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return td_action_targets_parse (text, error);
}

static gboolean
any_or_in (char **list, const char *value)
{
  return list[0] == NULL || (value != NULL && g_strv_contains ((const char *const *) list,
                                                               value));
}

gboolean
td_action_target_matches (const TdActionTarget *target, const char *action, const char *item,
                          const char *categories)
{
  g_auto (GStrv) mine = NULL;

  if (!any_or_in (target->actions, action) || !any_or_in (target->items, item))
    return FALSE;
  if (target->categories[0] == NULL)
    return TRUE;
  mine = split_codes (categories);
  for (guint i = 0; mine[i] != NULL; i++)
    if (g_strv_contains ((const char *const *) target->categories, mine[i]))
      return TRUE;
  return FALSE;
}

/* ---- actions ---------------------------------------------------------- */

/* Counts, per target, the distinct trainees of @klass that match it into @seen. */
static gboolean
count_class (TdStore *store, const TdClass *klass, GPtrArray *targets, GHashTable **seen,
             GError **error)
{
  g_autoptr (GPtrArray) enrolments = td_store_list_enrolments (store, klass->id, error);

  if (enrolments == NULL)
    return FALSE;
  for (guint i = 0; i < enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (enrolments, i);

      if (e->withdrawn_date[0] != '\0')
        continue;
      for (guint t = 0; t < targets->len; t++)
        if (td_action_target_matches (g_ptr_array_index (targets, t), klass->special_action,
                                      klass->item_code, e->categories))
          g_hash_table_add (seen[t], g_strdup (e->trainee.id_number));
    }
  return TRUE;
}

static void
free_seen (GHashTable **seen, guint n)
{
  for (guint t = 0; t < n; t++)
    g_clear_pointer (&seen[t], g_hash_table_unref);
}

static TdChart *
build_actions (TdStore *store, GError **error)
{
  g_autoptr (GPtrArray) targets = td_action_targets_load (error);
  g_autoptr (GPtrArray) classes = NULL;
  g_autoptr (TdChart) chart = NULL;
  g_autofree char *title = NULL;
  g_autofree GHashTable **seen = NULL;
  int year = td_day_year (td_day_today ());

  if (targets == NULL)
    return NULL;
  seen = g_new0 (GHashTable *, targets->len + 1);
  for (guint t = 0; t < targets->len; t++)
    seen[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  classes = td_store_list_classes (store, error);
  for (guint i = 0; classes != NULL && i < classes->len; i++)
    {
      TdClassSummary *summary = g_ptr_array_index (classes, i);
      g_autoptr (TdClass) klass = NULL;

      if (summary->status == TD_CLASS_CANCELLED
          || td_day_year (td_day_from_iso (summary->start_date)) != year)
        continue;
      klass = td_store_get_class (store, summary->id, error);
      if (klass == NULL || !count_class (store, klass, targets, seen, error))
        g_clear_pointer (&classes, g_ptr_array_unref);
    }
  if (classes == NULL)
    {
      free_seen (seen, targets->len);
      return NULL;
    }
  title = g_strdup_printf (_("Special actions in %d"), year);
  chart = td_chart_new (title);
  /* the institution's trainees are a small share of the city's targets (thousands): drawn
   * as a percentage of each target on an axis scaled to them, the counts under the bars
   * (issue 17.15) */
  td_chart_set_format (chart, TD_CHART_FORMAT_SHARE);
  td_chart_set_axis_titles (chart, NULL, _("Share of the city's yearly target, in percent"));
  td_chart_add_series (chart, _("Our trainees, as a share of the city's yearly target"),
                       TD_CHART_SERIES_BAR);
  for (guint t = 0; t < targets->len; t++)
    {
      TdActionTarget *target = g_ptr_array_index (targets, t);
      guint ours = g_hash_table_size (seen[t]);
      g_autofree char *label = g_strdup_printf (_("%s\n%u of %d"), target->label, ours,
                                                target->target);
      int c = td_chart_add_category (chart, label);

      td_chart_set_value (chart, 0, c, target->target > 0 ? 100.0 * ours / target->target : 0);
    }
  free_seen (seen, targets->len);
  return g_steal_pointer (&chart);
}

/* ---- subsidy ---------------------------------------------------------- */

static gboolean
add_claims (TdStore *store, gint64 class_id, GTree *months, GError **error)
{
  g_autoptr (GPtrArray) claims = td_store_list_claims (store, class_id, error);

  if (claims == NULL)
    return FALSE;
  for (guint i = 0; i < claims->len; i++)
    {
      TdClaim *claim = g_ptr_array_index (claims, i);
      char *month = g_strndup (claim->date, 7);
      double *sums = g_tree_lookup (months, month);

      if (sums == NULL)
        {
          sums = g_new0 (double, 2);
          g_tree_insert (months, g_strdup (month), sums);
        }
      sums[0] += claim->total / 100.0;
      sums[1] += MAX (claim->approved, 0) / 100.0;
      g_free (month);
    }
  return TRUE;
}

static gboolean
add_month (gpointer key, gpointer value, gpointer data)
{
  TdChart *chart = data;
  double *sums = value;
  int c = td_chart_add_category (chart, key);

  td_chart_set_value (chart, 0, c, sums[0]);
  td_chart_set_value (chart, 1, c, sums[1]);
  return FALSE;
}

static TdChart *
build_subsidy (TdStore *store, const TdClass *only, GError **error)
{
  g_autoptr (GTree) months = g_tree_new_full ((GCompareDataFunc) (void (*) (void)) strcmp,
                                              NULL, g_free, g_free);
  g_autoptr (TdChart) chart = td_chart_new (_("Subsidy claimed and approved"));

  td_chart_set_axis_titles (chart, _("Month"), _("Yuan"));
  td_chart_set_format (chart, TD_CHART_FORMAT_MONEY);
  td_chart_add_series (chart, _("Claimed"), TD_CHART_SERIES_BAR);
  td_chart_add_series (chart, _("Approved"), TD_CHART_SERIES_BAR);
  if (only != NULL)
    {
      if (!add_claims (store, only->id, months, error))
        return NULL;
    }
  else
    {
      g_autoptr (GPtrArray) classes = td_store_list_classes (store, error);

      if (classes == NULL)
        return NULL;
      for (guint i = 0; i < classes->len; i++)
        if (!add_claims (store, ((TdClassSummary *) g_ptr_array_index (classes, i))->id, months,
                         error))
          return NULL;
    }
  g_tree_foreach (months, add_month, chart);
  return g_steal_pointer (&chart);
}

/* ---- dispatch --------------------------------------------------------- */

TdChart *
td_chart_build (TdStore *store, TdChartKind kind, const char *class_code, GError **error)
{
  g_autoptr (TdClass) klass = NULL;

  g_return_val_if_fail (TD_IS_STORE (store) && kind < TD_N_CHARTS, NULL);
  if (class_code != NULL)
    {
      klass = td_store_get_class_by_code (store, class_code, error);
      if (klass == NULL)
        return NULL;
    }
  else if (td_chart_kind_needs_class (kind))
    {
      g_set_error (error, TD_RENDER_ERROR, TD_RENDER_ERROR_NOT_FOUND,
                   _("The %s chart is about one class: name it with --class"),
                   tokens[kind]);
      return NULL;
    }
  switch (kind)
    {
    case TD_CHART_OUTCOMES:
      return build_outcomes (store, klass, error);
    case TD_CHART_ATTENDANCE:
      return build_attendance (store, klass, error);
    case TD_CHART_ACTIONS:
      return build_actions (store, error);
    case TD_CHART_SUBSIDY:
    default:
      return build_subsidy (store, klass, error);
    }
}
