/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Quarterly statistics (R-QTR-003) and per-class outcomes. */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-stats.h"
#include "core/td-subsidy.h"

void
td_class_outcome_free (TdClassOutcome *o)
{
  if (o == NULL)
    return;
  g_free (o->code);
  g_free (o->title);
  g_free (o);
}

/* Approved amount of a trainee's lines in the class's accepted claims. */
static TdFen
approved_for (GPtrArray *claims, gint64 trainee_id)
{
  TdFen sum = 0;

  for (guint i = 0; i < claims->len; i++)
    {
      const TdClaim *c = g_ptr_array_index (claims, i);
      if (c->approved < 0)
        continue;  /* no receipt (or not accepted) yet */
      for (guint j = 0; j < c->lines->len; j++)
        {
          const TdClaimLine *l = g_ptr_array_index (c->lines, j);
          if (l->trainee_id == trainee_id)
            sum += l->approved >= 0 ? l->approved : 0;
        }
    }
  return sum;
}

typedef struct
{
  gboolean enrolled, completed, certified, employed;
  TdFen subsidy;
} Fate;

static Fate
trainee_fate (const TdSubsidyPreview *p, const TdSubsidyLine *line, GPtrArray *results,
              GPtrArray *follow_ups, GPtrArray *claims)
{
  Fate f = { 0 };
  gint64 id = line->enrolment->trainee.id;
  const TdFollowUp *latest;

  f.enrolled = line->enrolment->withdrawn_date[0] == '\0';
  f.completed = f.enrolled && line->attendance_rate >= p->catalog->rules.min_attendance_rate;
  for (guint i = 0; f.completed && i < results->len; i++)
    {
      const TdResult *r = g_ptr_array_index (results, i);
      if (r->trainee_id == id && r->outcome == 1)
        f.certified = TRUE;
    }
  latest = td_subsidy_latest_follow_up (follow_ups, id);
  f.employed = f.completed && latest != NULL && latest->status >= 1 && latest->status <= 3;
  f.subsidy = approved_for (claims, id);
  return f;
}

static TdQuarterRow *
row_for (GHashTable *rows, const TdClass *k, const char *category)
{
  g_autofree char *key = g_strdup_printf ("%s|%s|%s", k->special_action, k->training_type,
                                          category);
  TdQuarterRow *row = g_hash_table_lookup (rows, key);

  if (row == NULL)
    {
      row = g_new0 (TdQuarterRow, 1);
      g_strlcpy (row->action, k->special_action, sizeof row->action);
      g_strlcpy (row->training_type, k->training_type, sizeof row->training_type);
      g_strlcpy (row->category, category, sizeof row->category);
      g_hash_table_insert (rows, g_steal_pointer (&key), row);
    }
  return row;
}

static gboolean
add_class (TdStore *store, gint64 class_id, GHashTable *rows, GError **error)
{
  g_autoptr (TdSubsidyPreview) p = td_subsidy_preview (store, class_id, error);
  g_autoptr (GPtrArray) results = NULL, follow_ups = NULL, claims = NULL;

  if (p == NULL)
    return FALSE;
  if ((results = td_store_list_results (store, class_id, error)) == NULL
      || (follow_ups = td_store_list_follow_ups (store, class_id, error)) == NULL
      || (claims = td_store_list_claims (store, class_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < p->lines->len; i++)
    {
      const TdSubsidyLine *line = g_ptr_array_index (p->lines, i);
      Fate f = trainee_fate (p, line, results, follow_ups, claims);
      g_auto (GStrv) cats = g_strsplit (line->enrolment->categories, ",", -1);

      if (!f.enrolled)
        continue;
      for (int c = 0; cats[c] != NULL; c++)
        {
          TdQuarterRow *row = row_for (rows, p->klass, cats[c]);
          row->enrolled++;
          row->completed += f.completed;
          row->certified += f.certified;
          row->employed += f.employed;
          row->subsidy += f.subsidy;
        }
    }
  return TRUE;
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const TdQuarterRow *x = *(TdQuarterRow *const *) a, *y = *(TdQuarterRow *const *) b;
  int c = strcmp (x->action, y->action);

  if (c == 0)
    c = strcmp (x->training_type, y->training_type);
  return c != 0 ? c : strcmp (x->category, y->category);
}

static gboolean
free_row (gpointer key, gpointer value, gpointer data)
{
  g_free (value);
  return TRUE;
}

GPtrArray *
td_stats_quarter (TdStore *store, int year, int quarter, GError **error)
{
  g_autoptr (GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) classes = NULL;
  GPtrArray *out;

  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);
  classes = td_store_list_classes (store, error);
  if (classes == NULL)
    return NULL;
  for (guint i = 0; i < classes->len; i++)
    {
      const TdClassSummary *s = g_ptr_array_index (classes, i);
      TdDay end = td_day_from_iso (s->end_date);

      if (s->status == TD_CLASS_CANCELLED || s->status == TD_CLASS_DRAFT
          || td_day_year (end) != year || (td_day_month (end) - 1) / 3 + 1 != quarter)
        continue;
      if (!add_class (store, s->id, rows, error))
        {
          g_hash_table_foreach_remove (rows, (GHRFunc) free_row, NULL);
          return NULL;
        }
    }
  out = g_ptr_array_new_with_free_func (g_free);
  {
    GHashTableIter it;
    gpointer value;
    g_hash_table_iter_init (&it, rows);
    while (g_hash_table_iter_next (&it, NULL, &value))
      g_ptr_array_add (out, value);
  }
  g_ptr_array_sort (out, compare_rows);
  return out;
}

TdClassOutcome *
td_stats_class_outcome (TdStore *store, gint64 class_id, GError **error)
{
  g_autoptr (TdSubsidyPreview) p = td_subsidy_preview (store, class_id, error);
  g_autoptr (GPtrArray) results = NULL, follow_ups = NULL, claims = NULL;
  TdClassOutcome *o;

  if (p == NULL)
    return NULL;
  if ((results = td_store_list_results (store, class_id, error)) == NULL
      || (follow_ups = td_store_list_follow_ups (store, class_id, error)) == NULL
      || (claims = td_store_list_claims (store, class_id, error)) == NULL)
    return NULL;
  o = g_new0 (TdClassOutcome, 1);
  o->class_id = class_id;
  o->code = g_strdup (p->klass->code);
  o->title = g_strdup (p->klass->title);
  for (guint i = 0; i < p->lines->len; i++)
    {
      Fate f = trainee_fate (p, g_ptr_array_index (p->lines, i), results, follow_ups, claims);
      o->enrolled += f.enrolled;
      o->completed += f.completed;
      o->certified += f.certified;
      o->employed += f.employed;
    }
  return o;
}
