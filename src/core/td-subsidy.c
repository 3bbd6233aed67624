/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The subsidy per trainee: RULES.md R-SUB-001 (attendance, outcome, roster), R-SUB-002
 * (standard), R-SUB-003 with R-EMP-003 (uplift) and R-SUB-005 (limits). */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-subsidy.h"

void
td_subsidy_line_free (TdSubsidyLine *line)
{
  if (line == NULL)
    return;
  td_enrolment_free (line->enrolment);
  g_strfreev (line->reasons);
  g_free (line->explanation);
  g_free (line);
}

void
td_subsidy_preview_free (TdSubsidyPreview *p)
{
  if (p == NULL)
    return;
  td_class_free (p->klass);
  td_catalog_free (p->catalog);
  g_ptr_array_unref (p->lines);
  g_free (p);
}

TdFen
td_subsidy_standard (const TdCatalogItem *item, int certificate, int level, TdHalves planned)
{
  const TdStandard *s;
  TdFen by_hour;

  if (item == NULL)
    return -1;
  s = td_catalog_item_find_standard (item, certificate, level);
  if (s == NULL)
    return -1;
  if (s->per_hour < 0)
    return s->amount;
  by_hour = td_money_times_halves (s->per_hour, planned);
  return MIN (by_hour, s->amount);
}

gboolean
td_subsidy_follow_up_earns_uplift (const TdFollowUp *f, const char *end_date, int window_days)
{
  TdDay end = td_day_from_iso (end_date), since;

  if (f == NULL || (f->status != 1 && f->status != 2 && f->status != 3) || f->proof == 0)
    return FALSE;
  since = td_day_from_iso (f->since);
  return since != 0 && end != 0 && since > end && since <= end + (TdDay) window_days;
}

const TdFollowUp *
td_subsidy_latest_follow_up (GPtrArray *follow_ups, gint64 trainee_id)
{
  const TdFollowUp *latest = NULL;

  for (guint i = 0; i < follow_ups->len; i++)
    {
      const TdFollowUp *f = g_ptr_array_index (follow_ups, i);
      /* ties on the date: the later record wins, as the later packet would */
      if (f->trainee_id == trainee_id && (latest == NULL || strcmp (f->checked, latest->checked) >= 0))
        latest = f;
    }
  return latest;
}

static const TdResult *
find_result (GPtrArray *results, gint64 trainee_id)
{
  for (guint i = 0; i < results->len; i++)
    {
      const TdResult *r = g_ptr_array_index (results, i);
      if (r->trainee_id == trainee_id)
        return r;
    }
  return NULL;
}

TdHalves
td_subsidy_planned_hours (const TdClass *k, GPtrArray *lessons)
{
  TdHalves sum = 0;

  if (lessons == NULL || lessons->len == 0)
    return k->planned_theory + k->planned_practice;
  for (guint i = 0; i < lessons->len; i++)
    sum += ((TdLesson *) g_ptr_array_index (lessons, i))->hours;
  return sum;
}

/* Everything the per-trainee decision reads, loaded once for the class. */
typedef struct
{
  TdStore *store;
  const TdClass *klass;
  const TdCatalog *catalog;
  const TdCatalogItem *item;
  TdHalves planned;
  GPtrArray *results;
  GPtrArray *follow_ups;
} Context;

/* Adds why @line is left out; the first reason added is line->reason. */
static void
add_reason (GPtrArray *why, TdSubsidyLine *line, TdSubsidyReason reason, char *text)
{
  if (why->len == 0)
    line->reason = reason;
  g_ptr_array_add (why, text);
}

/* R-SUB-005: the item already paid at this or a higher level, the yearly limit reached. */
static void
add_limit_reasons (const Context *ctx, TdSubsidyLine *line, GPtrArray *history, GPtrArray *why)
{
  int year = td_day_year (td_day_from_iso (ctx->klass->end_date)), in_year = 0;
  gboolean item_seen = FALSE;

  for (guint i = 0; i < history->len; i++)
    {
      const TdSubsidyHistory *h = g_ptr_array_index (history, i);
      if (td_day_year (td_day_from_iso (h->end_date)) == year)
        in_year++;
      if (item_seen || g_strcmp0 (h->item_code, ctx->klass->item_code) != 0)
        continue;
      if (h->certificate == line->certificate && h->level == line->level)
        {
          item_seen = TRUE;
          add_reason (why, line, TD_SUBSIDY_SAME_ITEM_LEVEL,
                      g_strdup_printf (_("already subsidised for this item at this certificate "
                                         "and level in class %s (R-SUB-005)"), h->class_code));
        }
      else if (h->level >= 1 && line->level >= 1 && line->level > h->level)
        {
          item_seen = TRUE;
          add_reason (why, line, TD_SUBSIDY_LOWER_LEVEL,
                      g_strdup_printf (_("level %d of this item was already subsidised in class "
                                         "%s; a lower level is not (R-SUB-005)"), h->level,
                                       h->class_code));
        }
    }
  if (in_year >= ctx->catalog->rules.max_subsidies_per_year)
    add_reason (why, line, TD_SUBSIDY_YEARLY_LIMIT,
                g_strdup_printf (_("already subsidised %d times in %d, the most a year allows "
                                   "(R-SUB-005)"), in_year, year));
}

/* R-SUB-001: passed the assessment and attended enough. */
static void
add_eligibility_reasons (const Context *ctx, TdSubsidyLine *line, const TdResult *r,
                         GPtrArray *why)
{
  TdRate min = ctx->catalog->rules.min_attendance_rate;

  if (r == NULL)
    add_reason (why, line, TD_SUBSIDY_NO_RESULT, g_strdup (_("no assessment result yet")));
  else if (r->outcome != 1)
    add_reason (why, line, TD_SUBSIDY_FAILED,
                g_strdup (r->outcome == 3 ? _("absent from the assessment (R-SUB-001)")
                                          : _("failed the assessment (R-SUB-001)")));
  if (line->attendance_rate < min)
    {
      g_autofree char *rate = td_rate_format_percent (line->attendance_rate);
      g_autofree char *floor = td_rate_format_percent (min);
      add_reason (why, line, TD_SUBSIDY_LOW_ATTENDANCE,
                  g_strdup_printf (_("attendance rate %s is below %s (R-SUB-001)"), rate,
                                   floor));
    }
}

/* R-SUB-002 and R-SUB-005 for a trainee who passed: the standard and the limits.  FALSE
 * with @error when the store cannot be read. */
static gboolean
add_standard_reasons (const Context *ctx, TdSubsidyLine *line, const TdResult *r,
                      GPtrArray *why, GError **error)
{
  g_autoptr (GPtrArray) history = NULL;

  line->certificate = r->cert_type;
  line->level = r->cert_level;
  line->standard = td_subsidy_standard (ctx->item, r->cert_type, r->cert_level, ctx->planned);
  if (line->standard < 0)
    {
      add_reason (why, line, TD_SUBSIDY_NO_STANDARD,
                  g_strdup_printf (_("the catalogue has no standard for certificate type %d "
                                     "at level %d (R-SUB-002)"), r->cert_type, r->cert_level));
      return TRUE;
    }
  history = td_store_list_subsidy_history (ctx->store, line->enrolment->trainee.id,
                                           ctx->klass->id, error);
  if (history == NULL)
    return FALSE;
  add_limit_reasons (ctx, line, history, why);
  return TRUE;
}

/* Marks @line as left out for every reason in @why. */
static void
leave_out (TdSubsidyLine *line, GPtrArray *why)
{
  g_ptr_array_add (why, NULL);
  line->reasons = (char **) g_ptr_array_steal (why, NULL);
  line->explanation = g_strjoinv (_("; "), line->reasons);
  line->standard = line->uplift = line->amount = 0;
}

/* Fills certificate, standard, uplift and amount, or every reason it is left out.  A trainee
 * who withdrew is left out for that alone: nothing after the withdrawal is expected.  FALSE
 * with @error when the store cannot be read. */
static gboolean
decide (const Context *ctx, TdSubsidyLine *line, GError **error)
{
  const TdEnrolment *e = line->enrolment;
  const TdResult *r = find_result (ctx->results, e->trainee.id);
  const TdCatalogRules *rules = &ctx->catalog->rules;
  g_autoptr (GPtrArray) why = g_ptr_array_new_with_free_func (g_free);
  const TdFollowUp *latest;

  if (e->withdrawn_date[0] != '\0')
    add_reason (why, line, TD_SUBSIDY_WITHDRAWN,
                g_strdup_printf (_("withdrew on %s (R-SUB-001)"), e->withdrawn_date));
  else
    {
      add_eligibility_reasons (ctx, line, r, why);
      if (r != NULL && r->outcome == 1 && !add_standard_reasons (ctx, line, r, why, error))
        return FALSE;
      if (ctx->klass->payee_type == 2 && (e->bank == NULL || e->account == NULL))
        add_reason (why, line, TD_SUBSIDY_NO_ACCOUNT,
                    g_strdup (_("the subsidy is paid to trainees, and this trainee's bank "
                                "account is missing (R-SUB-007)")));
    }
  if (why->len > 0)
    {
      leave_out (line, why);
      return TRUE;
    }
  latest = td_subsidy_latest_follow_up (ctx->follow_ups, e->trainee.id);
  if (td_subsidy_follow_up_earns_uplift (latest, ctx->klass->end_date,
                                         rules->employment_window_days))
    line->uplift = td_money_times_rate (line->standard, rules->employment_uplift_rate);
  line->amount = line->standard + line->uplift;
  line->reason = TD_SUBSIDY_INCLUDED;
  return TRUE;
}

static gboolean
fill_lines (const Context *ctx, TdSubsidyPreview *p, GError **error)
{
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (ctx->store, ctx->klass->id, error);

  if (roster == NULL)
    return FALSE;
  for (guint i = 0; i < roster->len; i++)
    {
      TdSubsidyLine *line = g_new0 (TdSubsidyLine, 1);
      g_autoptr (GError) local = NULL;

      g_ptr_array_add (p->lines, line);
      line->enrolment = td_enrolment_copy (g_ptr_array_index (roster, i));
      line->credited = td_store_credited_hours (ctx->store, ctx->klass->id,
                                                line->enrolment->trainee.id, &local);
      if (local == NULL)
        {
          line->attendance_rate = td_rate_of (line->credited, ctx->planned);
          decide (ctx, line, &local);
        }
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (line->enrolment->withdrawn_date[0] != '\0')
        p->withdrawn++;
      else
        p->enrolled++;
      if (line->reason == TD_SUBSIDY_INCLUDED)
        {
          p->count++;
          p->total += line->amount;
        }
    }
  return TRUE;
}

TdSubsidyPreview *
td_subsidy_preview (TdStore *store, gint64 class_id, GError **error)
{
  g_autoptr (TdSubsidyPreview) p = g_new0 (TdSubsidyPreview, 1);
  g_autoptr (GPtrArray) lessons = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GPtrArray) follow_ups = NULL;
  Context ctx = { store };

  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  p->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) td_subsidy_line_free);
  p->klass = td_store_get_class (store, class_id, error);
  if (p->klass == NULL)
    return NULL;
  p->catalog = td_store_get_class_catalog (store, p->klass, error);
  if (p->catalog == NULL)
    return NULL;
  lessons = td_store_list_lessons (store, class_id, error);
  if (lessons == NULL)
    return NULL;
  ctx.klass = p->klass;
  ctx.catalog = p->catalog;
  ctx.item = td_catalog_find_item (p->catalog, p->klass->item_code);
  ctx.planned = td_subsidy_planned_hours (p->klass, lessons);
  results = ctx.results = td_store_list_results (store, class_id, error);
  if (results == NULL)
    return NULL;
  follow_ups = ctx.follow_ups = td_store_list_follow_ups (store, class_id, error);
  if (follow_ups == NULL || !fill_lines (&ctx, p, error))
    return NULL;
  return g_steal_pointer (&p);
}
