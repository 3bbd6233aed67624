/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What is due next (see td-due.h). */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-due.h"
#include "core/td-subsidy.h"

typedef struct
{
  TdStore *store;
  TdDay today;
  const TdClass *klass;
  const TdCatalog *catalog;
  GPtrArray *items;
} DueScan;

void
td_due_item_free (TdDueItem *item)
{
  if (item == NULL)
    return;
  g_free (item->class_code);
  g_free (item->text);
  g_free (item);
}

/* Working days from @today to @day: positive ahead, negative behind. */
static int
working_days_left (const DueScan *scan, TdDay day)
{
  const TdCalendar *calendar = scan->catalog->calendar;

  if (day >= scan->today)
    return td_calendar_working_days_after (calendar, scan->today, day);
  return -td_calendar_working_days_after (calendar, day, scan->today);
}

/* The @n-th working day after @day. */
static TdDay
working_day_after (const TdCalendar *calendar, TdDay day, int n)
{
  while (n > 0)
    n -= td_calendar_is_working_day (calendar, ++day);
  return day;
}

TdDay
td_due_filing_send_by (const TdCatalog *catalog, TdDay start, TdDay *rule_day)
{
  TdDay last = td_calendar_filing_deadline (catalog->calendar, start,
                                            catalog->rules.filing_lead_workdays);
  TdDay day = last;

  if (rule_day != NULL)
    *rule_day = last;
  /* a week of holidays at most: the search stops well before the start of the year */
  for (int i = 0; day != 0 && i < 31 && !td_calendar_is_working_day (catalog->calendar, day); i++)
    day--;
  return day != 0 && td_calendar_is_working_day (catalog->calendar, day) ? day : last;
}

char *
td_due_filing_when (const TdCatalog *catalog, TdDay start, TdDay today)
{
  TdDay rule_day, send_by = td_due_filing_send_by (catalog, start, &rule_day);
  g_autofree char *by = td_day_to_iso_dup (send_by);
  g_autofree char *rule = td_day_to_iso_dup (rule_day);
  g_autofree char *when = NULL;
  int left;

  if (send_by == 0)
    return g_strdup ("");
  if (today > rule_day)
    return g_strdup_printf (_("late since %s"), rule);
  if (today >= send_by)
    when = g_strdup_printf (_("by %s: today is the last day"), today > send_by ? rule : by);
  else
    {
      left = td_calendar_working_days_after (catalog->calendar, today, send_by);
      when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "by %s, %d more working day after today",
                                           "by %s, %d more working days after today", left),
                              by, left);
    }
  if (send_by == rule_day || today > send_by)
    return g_steal_pointer (&when);
  return g_strdup_printf (_("%s (R-CLS-002 would allow %s, but that is not a working day)"),
                          when, rule);
}

static void
add_due (DueScan *scan, TdDueKind kind, TdDay due, char *text)
{
  TdDueItem *item = g_new0 (TdDueItem, 1);

  item->kind = kind;
  item->class_id = scan->klass->id;
  item->class_code = g_strdup (scan->klass->code);
  item->due = due;
  item->working_days_left = working_days_left (scan, due);
  item->text = text;
  g_ptr_array_add (scan->items, item);
}

static void
due_filing (DueScan *scan)
{
  const TdClass *k = scan->klass;
  TdDay start = td_day_from_iso (k->start_date), last, send_by;
  char iso[TD_DATE_LEN];
  g_autofree char *when = NULL;

  if (start == 0)
    return;
  send_by = td_due_filing_send_by (scan->catalog, start, &last);
  td_day_to_iso (send_by, iso);
  if (scan->today > last)
    {
      add_due (scan, TD_DUE_FILING, send_by,
               g_strdup_printf (_("%s: the filing is late (it was due by %s)"), k->code, iso));
      return;
    }
  when = td_due_filing_when (scan->catalog, start, scan->today);
  add_due (scan, TD_DUE_FILING, send_by,
           g_strdup_printf (_("%s: send the filing %s"), k->code, when));
}

static gboolean
due_attendance (DueScan *scan, GError **error)
{
  const TdClass *k = scan->klass;
  g_autoptr (GPtrArray) pending = td_store_list_pending_attendance (scan->store, k->id, error);
  const char *oldest = NULL;
  TdDay since;
  int days;

  if (pending == NULL)
    return FALSE;
  for (guint i = 0; i < pending->len; i++)
    {
      const TdAttendance *r = g_ptr_array_index (pending, i);
      if (oldest == NULL || strcmp (r->date, oldest) < 0)
        oldest = r->date;
    }
  if (oldest == NULL)
    return TRUE;
  since = td_day_from_iso (oldest);
  days = td_calendar_working_days_after (scan->catalog->calendar, since, scan->today);
  if (days > TD_DUE_ATTENDANCE_WORKDAYS)
    add_due (scan, TD_DUE_ATTENDANCE,
             working_day_after (scan->catalog->calendar, since, TD_DUE_ATTENDANCE_WORKDAYS),
             g_strdup_printf (_("%s: attendance of %s not sent for %d working days"),
                              k->code, oldest, days));
  return TRUE;
}

/* Trainees on the roster, not withdrawn, with no follow-up record; -1 on error. */
static int
count_not_followed (TdStore *store, gint64 class_id, GError **error)
{
  g_autoptr (GPtrArray) enrolments = td_store_list_enrolments (store, class_id, error);
  g_autoptr (GPtrArray) follow_ups = NULL;
  int n = 0;

  if (enrolments == NULL)
    return -1;
  follow_ups = td_store_list_follow_ups (store, class_id, error);
  if (follow_ups == NULL)
    return -1;
  for (guint i = 0; i < enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (enrolments, i);
      n += e->withdrawn_date[0] == '\0'
           && td_subsidy_latest_follow_up (follow_ups, e->trainee.id) == NULL;
    }
  return n;
}

static gboolean
due_follow_up (DueScan *scan, TdDay end, GError **error)
{
  TdDay window = end + scan->catalog->rules.employment_window_days;
  char iso[TD_DATE_LEN];
  int n;

  if (scan->today > window)
    return TRUE;
  n = count_not_followed (scan->store, scan->klass->id, error);
  if (n <= 0)
    return n == 0;
  td_day_to_iso (window, iso);
  add_due (scan, TD_DUE_FOLLOW_UP, window,
           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %d trainee to follow up by %s",
                                         "%s: %d trainees to follow up by %s", n),
                            scan->klass->code, n, iso));
  return TRUE;
}

static gboolean
due_claim (DueScan *scan, TdDay end, GError **error)
{
  TdDay claim_end = end + scan->catalog->rules.claim_window_days;
  g_autoptr (TdPacketLog) claim = NULL;
  g_autoptr (GError) local = NULL;
  char iso[TD_DATE_LEN];
  int days;

  if (scan->today > claim_end || claim_end - scan->today > TD_DUE_CLAIM_WARN_DAYS)
    return TRUE;
  claim = td_store_latest_packet (scan->store, TD_KIND_CLAIM, scan->klass->id, 0, 0, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (claim != NULL && claim->status != TD_PACKET_DRAFT && claim->status != TD_PACKET_REJECTED)
    return TRUE;
  days = (int) (claim_end - scan->today);
  td_day_to_iso (claim_end, iso);
  add_due (scan, TD_DUE_CLAIM, claim_end,
           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s: send the subsidy claim by %s (%d day left)",
                                         "%s: send the subsidy claim by %s (%d days left)", days),
                            scan->klass->code, iso, days));
  return TRUE;
}

/* The items of one class; FALSE with @error when the store fails. */
static gboolean
collect_class (DueScan *scan, gint64 class_id, GError **error)
{
  g_autoptr (TdClass) k = td_store_get_class (scan->store, class_id, error);
  g_autoptr (TdCatalog) cat = NULL;
  g_autoptr (GError) local = NULL;
  TdClassStatus status;
  TdDay end;
  gboolean ok;

  if (k == NULL)
    return FALSE;
  status = td_store_class_status (scan->store, k, scan->today, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (status == TD_CLASS_CANCELLED)
    return TRUE;
  cat = td_store_get_class_catalog (scan->store, k, &local);
  if (cat == NULL)
    {
      /* none in force: no rules to measure it against; one that cannot be read: said */
      if (g_error_matches (local, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  scan->klass = k;
  scan->catalog = cat;
  if (status == TD_CLASS_DRAFT)
    due_filing (scan);
  ok = due_attendance (scan, error);
  end = td_day_from_iso (k->end_date);
  if (ok && end != 0 && scan->today > end)
    ok = due_follow_up (scan, end, error) && due_claim (scan, end, error);
  scan->klass = NULL;
  scan->catalog = NULL;
  return ok;
}

static int
compare_due (gconstpointer a, gconstpointer b)
{
  const TdDueItem *x = *(TdDueItem *const *) a, *y = *(TdDueItem *const *) b;

  return x->due < y->due ? -1 : x->due > y->due;
}

GPtrArray *
td_due_list (TdStore *store, TdDay today, GError **error)
{
  g_autoptr (GPtrArray) classes = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 td_due_item_free);
  DueScan scan = { store, today, NULL, NULL, items };

  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  classes = td_store_list_classes (store, error);
  if (classes == NULL)
    return NULL;
  for (guint i = 0; i < classes->len; i++)
    {
      const TdClassSummary *s = g_ptr_array_index (classes, i);
      if (!collect_class (&scan, s->id, error))
        return NULL;
    }
  /* g_ptr_array_sort is stable: same-day items keep the order of the classes */
  g_ptr_array_sort (items, compare_due);
  return g_steal_pointer (&items);
}
