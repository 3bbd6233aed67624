/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-filing-check.h"
#include "core/td-timetable.h"

void
td_filing_finding_free (TdFilingFinding *finding)
{
  g_free (finding->message);
  g_free (finding);
}

GPtrArray *
td_filing_findings_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) td_filing_finding_free);
}

gboolean
td_filing_findings_have_error (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    if (((TdFilingFinding *) g_ptr_array_index (findings, i))->error)
      return TRUE;
  return FALSE;
}

static void
add (GPtrArray *findings, const char *rule, gboolean error, const char *field, char *message)
{
  TdFilingFinding *finding = g_new0 (TdFilingFinding, 1);

  finding->rule = rule;
  finding->error = error;
  finding->field = field;
  finding->message = message;
  g_ptr_array_add (findings, finding);
}

static void
add_lesson (GPtrArray *findings, const char *rule, guint index, char *message)
{
  add (findings, rule, TRUE, "lesson", message);
  ((TdFilingFinding *) g_ptr_array_index (findings, findings->len - 1))->lesson = index;
}

static gboolean
empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* ---- the rules a filing is checked against by itself ---------------------------------- */

/* R-CLS-001 */
static void
check_dates (GPtrArray *findings, const TdClass *klass, TdFilingReader reader)
{
  TdDay start = td_day_from_iso (klass->start_date);
  TdDay end = td_day_from_iso (klass->end_date);
  gboolean form = reader == TD_FILING_FOR_FORM;

  if (start == 0 || end == 0)
    return;
  if (end < start)
    add (findings, "R-CLS-001", TRUE, "end_date",
         form ? g_strdup (_("The class ends before it starts."))
              : g_strdup (_("EndDate is before StartDate")));
  else if (end - start > TD_FILING_MAX_DAYS && form)
    add (findings, "R-CLS-001", TRUE, "end_date",
         g_strdup_printf (_("A class lasts at most %d days from start to end."),
                          TD_FILING_MAX_DAYS));
  else if (end - start > TD_FILING_MAX_DAYS)
    add (findings, "R-CLS-001", TRUE, "end_date",
         g_strdup_printf (_("EndDate is %u days after StartDate; a class lasts at most %d days"),
                          (guint) (end - start), TD_FILING_MAX_DAYS));
}

static gboolean
has_teacher (GPtrArray *teachers, const char *tid)
{
  for (guint i = 0; tid != NULL && teachers != NULL && i < teachers->len; i++)
    if (g_strcmp0 (((TdTeacher *) g_ptr_array_index (teachers, i))->tid, tid) == 0)
      return TRUE;
  return FALSE;
}

/* R-CLS-004 and the teacher of R-CLS-005 for one lesson. */
static void
check_lesson (GPtrArray *findings, guint index, const TdLesson *l, TdDay start, TdDay end,
              GPtrArray *teachers, TdFilingReader reader)
{
  TdDay day = td_day_from_iso (l->date);
  int from = td_time_from_iso (l->start), to = td_time_from_iso (l->end);
  gboolean form = reader == TD_FILING_FOR_FORM;

  if (day != 0 && ((start != 0 && day < start) || (end != 0 && day > end)))
    add_lesson (findings, "R-CLS-004", index,
                form ? g_strdup_printf (_("Lesson %s on %s is outside the class dates."),
                                        l->lid, l->date)
                     : g_strdup_printf (_("Lesson %s: the date %s is outside "
                                          "StartDate..EndDate"), l->lid, l->date));
  if (to <= from)
    add_lesson (findings, "R-CLS-004", index,
                form ? g_strdup_printf (_("Lesson %s ends before it starts."), l->lid)
                     : g_strdup_printf (_("Lesson %s: the end %s is not after the start %s"),
                                        l->lid, l->end, l->start));
  else if (l->hours > td_hours_of_interval (from, to))
    {
      g_autofree char *hours = td_hours_format (l->hours);
      g_autofree char *max = td_hours_format (td_hours_of_interval (from, to));

      add_lesson (findings, "R-CLS-004", index,
                  g_strdup_printf (_("Lesson %s: hours %s is more than the %s class hours of "
                                     "%s–%s"), l->lid, hours, max, l->start, l->end));
    }
  if (has_teacher (teachers, l->teacher))
    return;
  if (form)
    add_lesson (findings, "R-CLS-005", index,
                g_strdup_printf (_("Lesson %s has no teacher of this class."), l->lid));
  else if (l->teacher != NULL)
    add_lesson (findings, "R-CLS-005", index,
                g_strdup_printf (_("Lesson %s: the teacher %s is not a Teacher of the filing"),
                                 l->lid, l->teacher));
}

typedef struct
{
  guint index;
  TdDay day;
  int start;
  int end;
} Span;

static int
compare_spans (gconstpointer a, gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->end > y->end) - (x->end < y->end);
}

/* R-CLS-005, half-open intervals: sorted by date and start, a lesson overlaps when it starts
 * before the latest end so far that day. */
static void
check_overlaps (GPtrArray *findings, GPtrArray *lessons, TdFilingReader reader)
{
  g_autoptr (GArray) spans = g_array_sized_new (FALSE, FALSE, sizeof (Span), lessons->len);
  const Span *latest = NULL;

  for (guint i = 0; i < lessons->len; i++)
    {
      const TdLesson *l = g_ptr_array_index (lessons, i);
      Span span = { i, td_day_from_iso (l->date), td_time_from_iso (l->start),
                    td_time_from_iso (l->end) };

      if (span.end > span.start)
        g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *s = &g_array_index (spans, Span, i);

      if (latest != NULL && latest->day == s->day && s->start < latest->end)
        {
          const TdLesson *l = g_ptr_array_index (lessons, s->index);
          const TdLesson *other = g_ptr_array_index (lessons, latest->index);

          add_lesson (findings, "R-CLS-005", s->index,
                      reader == TD_FILING_FOR_FORM
                      ? g_strdup_printf (_("Lesson %s overlaps lesson %s on %s."), l->lid,
                                         other->lid, l->date)
                      : g_strdup_printf (_("Lesson %s overlaps lesson %s"), l->lid,
                                         other->lid));
        }
      if (latest == NULL || latest->day != s->day || s->end > latest->end)
        latest = s;
    }
}

void
td_filing_check_lessons (GPtrArray *findings, GPtrArray *lessons, const char *start,
                         const char *end, GPtrArray *teachers, TdFilingReader reader)
{
  TdDay first = start != NULL ? td_day_from_iso (start) : 0;
  TdDay last = end != NULL ? td_day_from_iso (end) : 0;

  g_return_if_fail (findings != NULL && lessons != NULL);
  for (guint i = 0; i < lessons->len; i++)
    check_lesson (findings, i, g_ptr_array_index (lessons, i), first, last, teachers, reader);
  check_overlaps (findings, lessons, reader);
}

/* R-CLS-003 */
static void
check_hours_sum (GPtrArray *findings, const char *kind, TdHalves sum, TdHalves planned)
{
  g_autofree char *sum_text = td_hours_format (sum);
  g_autofree char *planned_text = td_hours_format (planned);

  if (planned == sum)
    return;
  if (g_str_equal (kind, "theory"))
    add (findings, "R-CLS-003", TRUE, "planned_theory",
         g_strdup_printf (_("The theory lessons add up to %s hours, but Hours/@theory is %s"),
                          sum_text, planned_text));
  else if (g_str_equal (kind, "practice"))
    add (findings, "R-CLS-003", TRUE, "planned_practice",
         g_strdup_printf (_("The practice lessons add up to %s hours, but Hours/@practice is "
                            "%s"), sum_text, planned_text));
  else
    add (findings, "R-CLS-003", TRUE, "planned_online",
         g_strdup_printf (_("The online lessons add up to %s hours, but Hours/@online is %s"),
                          sum_text, planned_text));
}

static void
check_hours (GPtrArray *findings, const TdClass *klass, GPtrArray *lessons)
{
  TdTimetableTotals sums = td_timetable_totals (lessons);

  check_hours_sum (findings, "theory", sums.theory, klass->planned_theory);
  check_hours_sum (findings, "practice", sums.practice, klass->planned_practice);
  check_hours_sum (findings, "online", sums.online, klass->planned_online);
}

/* R-CLS-007: the platform, then the online hours. */
static void
check_platform (GPtrArray *findings, const TdClass *klass, TdFilingReader reader)
{
  gboolean form = reader == TD_FILING_FOR_FORM;
  gboolean has_platform = !empty (klass->online_platform);

  if (klass->mode == 1 && has_platform)
    add (findings, "R-CLS-007", TRUE, "online_platform",
         form ? g_strdup (_("An in-person class has no online platform; clear the field."))
              : g_strdup (_("OnlinePlatform is given, but Mode 1 (in person) has no online "
                            "part")));
  else if (klass->mode != 1 && !has_platform)
    add (findings, "R-CLS-007", TRUE, "online_platform",
         form ? g_strdup (_("An online or blended class names its online platform."))
              : g_strdup_printf (_("Mode %d needs an OnlinePlatform"), klass->mode));
}

static void
check_mode (GPtrArray *findings, const TdClass *klass, TdFilingReader reader)
{
  gboolean form = reader == TD_FILING_FOR_FORM;
  TdHalves total = klass->planned_theory + klass->planned_practice;
  TdHalves online = klass->planned_online;
  g_autofree char *online_text = td_hours_format (online);
  g_autofree char *total_text = td_hours_format (total);

  check_platform (findings, klass, reader);
  if (klass->mode == 1 && online != 0)
    add (findings, "R-CLS-007", TRUE, "planned_online",
         form ? g_strdup (_("An in-person class has no online lessons."))
              : g_strdup_printf (_("Hours/@online is %s, but Mode 1 (in person) has no online "
                                   "hours"), online_text));
  else if (klass->mode == 2 && online != total)
    add (findings, "R-CLS-007", TRUE, "planned_online",
         form ? g_strdup (_("In an online class every lesson is online."))
              : g_strdup_printf (_("Hours/@online is %s, but Mode 2 (online) gives all %s "
                                   "hours online"), online_text, total_text));
  else if (klass->mode == 3 && (online < 0 || online > total))
    add (findings, "R-CLS-007", TRUE, "planned_online",
         g_strdup_printf (_("Hours/@online is %s, more than the %s hours of theory and "
                            "practice"), online_text, total_text));
  /* The form asks more than the bureau: a blended class plans lessons of both kinds. */
  else if (form && klass->mode == 3 && total > 0 && (online == 0 || online == total))
    add (findings, "R-CLS-007", TRUE, "planned_online",
         g_strdup (_("A blended class has both online and in-person lessons.")));
}

/* R-CLS-008 (the schema makes a packet's Partner complete) */
static void
check_partner (GPtrArray *findings, const TdClass *klass, TdFilingReader reader)
{
  gboolean form = reader == TD_FILING_FOR_FORM;
  gboolean has_partner = !empty (klass->partner_name) || !empty (klass->partner_credit_code);

  if (klass->project_mode != 0
      && (empty (klass->partner_name) || empty (klass->partner_credit_code)
          || klass->partner_positions <= 0))
    add (findings, "R-CLS-008", TRUE, "partner",
         form ? g_strdup (_("A project-mode class names its partner employer: credit code, "
                            "name and positions."))
              : g_strdup_printf (_("ProjectMode %d needs a Partner employer"),
                                 klass->project_mode));
  if (klass->project_mode == 0 && has_partner)
    add (findings, "R-CLS-008", TRUE, "project_mode",
         form ? g_strdup (_("Only a project-mode class has a partner employer; clear the "
                            "partner."))
              : g_strdup (_("A Partner is given, but ProjectMode is 0 (not a project-mode "
                            "class)")));
}

/* R-CLS-011 (a warning) */
static void
check_action (GPtrArray *findings, const TdClass *klass, TdFilingReader reader)
{
  gboolean form = reader == TD_FILING_FOR_FORM;
  const char *action = klass->special_action, *type = klass->training_type;
  gboolean type03 = g_strcmp0 (type, "03") == 0;

  if (g_strcmp0 (action, "09") == 0 && !type03)
    add (findings, "R-CLS-011", FALSE, "special_action",
         form ? g_strdup (_("Special action 09 is for training type 03."))
              : g_strdup_printf (_("SpecialAction 09 (entrepreneurship) is for TrainingType "
                                   "03, not %s"), type));
  else if (type03 && g_strcmp0 (action, "01") != 0 && g_strcmp0 (action, "02") != 0
           && g_strcmp0 (action, "09") != 0)
    add (findings, "R-CLS-011", FALSE, "special_action",
         form ? g_strdup (_("Training type 03 is filed under special action 01, 02 or 09."))
              : g_strdup_printf (_("TrainingType 03 (entrepreneurship) is filed under "
                                   "SpecialAction 01, 02 or 09, not %s"), action));
}

void
td_filing_check_content (GPtrArray *findings, const TdClass *klass, GPtrArray *lessons,
                         GPtrArray *teachers, TdFilingReader reader)
{
  g_return_if_fail (findings != NULL && klass != NULL);
  check_dates (findings, klass, reader);
  if (lessons != NULL)
    {
      td_filing_check_lessons (findings, lessons, klass->start_date, klass->end_date, teachers,
                               reader);
      check_hours (findings, klass, lessons);
    }
  check_mode (findings, klass, reader);
  check_partner (findings, klass, reader);
  check_action (findings, klass, reader);
}

/* ---- the catalogue ------------------------------------------------------------------------- */

/* R-CLS-009: the item (for a packet also under its name), its standard, the hours. */
static void
check_standard (GPtrArray *findings, const TdClass *klass, const TdCatalog *catalog,
                TdFilingReader reader)
{
  gboolean form = reader == TD_FILING_FOR_FORM;
  const TdCatalogItem *item = empty (klass->item_code)
                              ? NULL : td_catalog_find_item (catalog, klass->item_code);
  const TdStandard *standard;
  TdHalves planned = MAX (klass->planned_theory, 0) + MAX (klass->planned_practice, 0);
  g_autofree char *min = NULL;

  if (item == NULL || (!form && g_strcmp0 (item->name, klass->item_name) != 0))
    {
      add (findings, "R-CLS-009", TRUE, "item_code",
           form ? g_strdup_printf (_("Choose a catalogue item of catalogue %s."),
                                   catalog->version)
                : g_strdup_printf (_("The catalogue item %s “%s” is not in catalogue %s under "
                                     "that name."), klass->item_code, klass->item_name,
                                   catalog->version));
      return;
    }
  standard = td_catalog_item_find_standard (item, klass->certificate, klass->level);
  if (standard == NULL)
    {
      add (findings, "R-CLS-009", TRUE, "certificate",
           form ? g_strdup (_("The item has no subsidy standard for this certificate and "
                              "level."))
                : g_strdup_printf (_("The catalogue item %s has no subsidy standard for "
                                     "certificate type %d at level %d."), klass->item_code,
                                   klass->certificate, klass->level));
      return;
    }
  if (planned >= standard->min_hours)
    return;
  min = td_hours_format (standard->min_hours);
  if (form)
    {
      g_autofree char *have = td_hours_format (planned);

      add (findings, "R-CLS-009", TRUE, "timetable",
           g_strdup_printf (_("The timetable has %s class hours; this standard needs at least "
                              "%s."), have, min));
    }
  else
    add (findings, "R-CLS-009", TRUE, "timetable",
         g_strdup_printf (_("Theory and practice add up to fewer than the %s class hours the "
                            "standard needs."), min));
}

void
td_filing_check_catalog (GPtrArray *findings, const TdClass *klass, const TdCatalog *catalog,
                         TdFilingReader reader)
{
  g_return_if_fail (findings != NULL && klass != NULL && catalog != NULL);
  check_standard (findings, klass, catalog, reader);
  /* R-CLS-006 */
  if (klass->planned_size < catalog->rules.min_class_size
      || klass->planned_size > catalog->rules.max_class_size)
    add (findings, "R-CLS-006", TRUE, "planned_size",
         reader == TD_FILING_FOR_FORM
         ? g_strdup_printf (_("The planned size must be between %d and %d trainees."),
                            catalog->rules.min_class_size, catalog->rules.max_class_size)
         : g_strdup_printf (_("The planned size %d is outside %d–%d of catalogue %s."),
                            klass->planned_size, catalog->rules.min_class_size,
                            catalog->rules.max_class_size, catalog->version));
}

/* ---- the lead time ----------------------------------------------------------------------- */

void
td_filing_check_lead (GPtrArray *findings, const char *start, const TdCatalog *catalog,
                      TdDay created, TdFilingReader reader)
{
  TdDay first = start != NULL ? td_day_from_iso (start) : 0;
  int n = catalog != NULL ? catalog->rules.filing_lead_workdays : 0;
  TdDay deadline;
  g_autofree char *when = NULL;

  g_return_if_fail (findings != NULL && catalog != NULL);
  if (first == 0)
    return;
  /* the last day with n working days strictly between it and the start */
  deadline = td_calendar_filing_deadline (catalog->calendar, first, n);
  if (created <= deadline)
    return;
  when = td_day_to_iso_dup (deadline);
  add (findings, "R-CLS-002", TRUE, "start_date",
       reader == TD_FILING_FOR_FORM
       ? g_strdup_printf (_("The filing had to be sent by %s (%d working days before the "
                            "start); choose a later start date."), when, n)
       : g_strdup_printf (_("The filing is created fewer than %d working days before the "
                            "start date %s."), n, start));
}

/* ---- what the form checks besides ------------------------------------------------------ */

static void
check_required (GPtrArray *findings, const TdClass *klass)
{
  if (empty (klass->code))
    add (findings, "", TRUE, "code", g_strdup (_("Fill in the class code.")));
  if (empty (klass->title))
    add (findings, "", TRUE, "title", g_strdup (_("Fill in the class title.")));
  if (empty (klass->venue_address))
    add (findings, "", TRUE, "venue_address", g_strdup (_("Fill in the venue address.")));
  if (empty (klass->commitment_signed_by))
    add (findings, "", TRUE, "commitment_signed_by",
         g_strdup (_("Fill in who signs the commitment.")));
  if (td_day_from_iso (klass->start_date) == 0 || td_day_from_iso (klass->end_date) == 0)
    add (findings, "", TRUE, "start_date", g_strdup (_("Fill in the start and end dates.")));
}

/* R-CLS-002 for a class not filed yet, by today. */
static void
check_deadline (GPtrArray *findings, const TdClass *klass, const TdCatalog *catalog, TdDay today)
{
  if (catalog == NULL || klass->filing_no != NULL || td_day_from_iso (klass->end_date) == 0)
    return;
  td_filing_check_lead (findings, klass->start_date, catalog, today, TD_FILING_FOR_FORM);
}

/* What the database holds, for the message of a class with no catalogue in force: the
 * catalogue with the earliest effective date, that there is none, or why it is not known. */
static char *
catalogues_held (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (TdCatalog) earliest = NULL;

  if (store == NULL)
    return g_strdup (_("the database has no catalogue yet"));
  versions = td_store_list_catalog_versions (store, &error);
  if (versions != NULL && versions->len > 0)
    /* listed latest first */
    earliest = td_store_get_catalog (store, g_ptr_array_index (versions, versions->len - 1),
                                     &error);
  if (error != NULL)
    return g_strdup (error->message);
  if (earliest == NULL)
    return g_strdup (_("the database has no catalogue yet"));
  return g_strdup_printf (_("the earliest in the database, %s, takes effect on %s"),
                          earliest->version, earliest->effective);
}

char *
td_filing_catalog_gap (TdStore *store, const char *start, const TdCatalog *catalog)
{
  TdDay day = td_day_from_iso (start);
  int year;

  if (day == 0)
    return NULL;
  year = td_day_year (day);
  if (catalog == NULL)
    {
      g_autofree char *have = catalogues_held (store);

      return g_strdup_printf (_("No subsidy catalogue is in force on %s, the start date (%s). "
                                "Import the bureau’s catalogue for that date: Settings → "
                                "Subsidy catalogues → Import Catalogue…"), start, have);
    }
  if (td_calendar_covers_year (catalog->calendar, year))
    return NULL;
  return g_strdup_printf (_("The subsidy catalogue for %d is missing: the one in force, %s "
                            "(effective %s), has no calendar for %d, so the holidays and "
                            "working days of %d are not known (Monday to Friday are counted). "
                            "Import the bureau’s %d catalogue: Settings → Subsidy catalogues → "
                            "Import Catalogue…"),
                          year, catalog->version, catalog->effective, year, year, year);
}

/* R-CLS-009: the catalogue in force; then the item, its standard and hours, the size. */
static void
check_item (GPtrArray *findings, TdStore *store, const TdClass *klass, const TdCatalog *catalog)
{
  char *gap = td_filing_catalog_gap (store, klass->start_date, catalog);

  if (gap != NULL)
    add (findings, "R-CLS-009", catalog == NULL, "start_date", gap);
  if (catalog != NULL)
    td_filing_check_catalog (findings, klass, catalog, TD_FILING_FOR_FORM);
}

GPtrArray *
td_filing_check (TdStore *store, const TdClass *klass, const TdCatalog *catalog,
                 GPtrArray *lessons, GPtrArray *teachers, TdDay today)
{
  GPtrArray *findings = td_filing_findings_new ();

  g_return_val_if_fail (klass != NULL, findings);
  check_required (findings, klass);
  check_deadline (findings, klass, catalog, today);
  check_item (findings, store, klass, catalog);
  if (teachers == NULL || teachers->len == 0)
    add (findings, "", TRUE, "teachers", g_strdup (_("Add at least one teacher.")));
  if (lessons == NULL || lessons->len == 0)
    add (findings, "", TRUE, "timetable", g_strdup (_("Add the lessons of the timetable.")));
  td_filing_check_content (findings, klass, lessons != NULL && lessons->len > 0 ? lessons : NULL,
                           teachers, TD_FILING_FOR_FORM);
  return findings;
}
