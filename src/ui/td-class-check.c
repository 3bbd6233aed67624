/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-class-check.h"
#include "ui/td-timetable.h"

void
td_class_finding_free (TdClassFinding *finding)
{
  g_free (finding->message);
  g_free (finding);
}

static void
add (GPtrArray *findings, const char *rule, gboolean error, const char *field, char *message)
{
  TdClassFinding *finding = g_new0 (TdClassFinding, 1);

  finding->rule = rule;
  finding->error = error;
  finding->field = field;
  finding->message = message;
  g_ptr_array_add (findings, finding);
}

static gboolean
empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static void
check_required (GPtrArray *findings, const TdClass *klass)
{
  if (empty (klass->code))
    add (findings, "", TRUE, "code", g_strdup (_("Fill in the class code.")));
  if (empty (klass->title))
    add (findings, "", TRUE, "title_row", g_strdup (_("Fill in the class title.")));
  if (empty (klass->venue_address))
    add (findings, "", TRUE, "venue_address", g_strdup (_("Fill in the venue address.")));
  if (empty (klass->commitment_signed_by))
    add (findings, "", TRUE, "commitment_signed_by",
         g_strdup (_("Fill in who signs the commitment.")));
}

static void
check_dates (GPtrArray *findings, const TdClass *klass, const TdCatalog *catalog, TdDay today)
{
  TdDay start = td_day_from_iso (klass->start_date);
  TdDay end = td_day_from_iso (klass->end_date);
  TdDay deadline;

  if (start == 0 || end == 0)
    {
      add (findings, "", TRUE, "start_date", g_strdup (_("Fill in the start and end dates.")));
      return;
    }
  if (end < start)
    add (findings, "R-CLS-001", TRUE, "end_date",
         g_strdup (_("The class ends before it starts.")));
  else if (end - start > 366)
    add (findings, "R-CLS-001", TRUE, "end_date",
         g_strdup (_("A class lasts at most 366 days from start to end.")));
  if (catalog == NULL || klass->filing_no != NULL)
    return;
  deadline = td_calendar_filing_deadline (catalog->calendar, start,
                                          catalog->rules.filing_lead_workdays);
  if (today > deadline)
    {
      g_autofree char *when = td_day_to_iso_dup (deadline);

      add (findings, "R-CLS-002", TRUE, "start_date",
           g_strdup_printf (_("The filing had to be sent by %s (%d working days before the "
                              "start); choose a later start date."),
                            when, catalog->rules.filing_lead_workdays));
    }
}

static void
check_size (GPtrArray *findings, const TdClass *klass, const TdCatalog *catalog)
{
  if (catalog == NULL)
    return;
  if (klass->planned_size < catalog->rules.min_class_size
      || klass->planned_size > catalog->rules.max_class_size)
    add (findings, "R-CLS-006", TRUE, "planned_size",
         g_strdup_printf (_("The planned size must be between %d and %d trainees."),
                          catalog->rules.min_class_size, catalog->rules.max_class_size));
}

static void
check_mode (GPtrArray *findings, const TdClass *klass)
{
  TdHalves total = klass->planned_theory + klass->planned_practice;
  gboolean has_platform = !empty (klass->online_platform);

  if ((klass->mode == 2 || klass->mode == 3) && !has_platform)
    add (findings, "R-CLS-007", TRUE, "online_platform",
         g_strdup (_("An online or blended class names its online platform.")));
  if (klass->mode == 1 && has_platform)
    add (findings, "R-CLS-007", TRUE, "online_platform",
         g_strdup (_("An in-person class has no online platform; clear the field.")));
  if (klass->mode == 1 && klass->planned_online != 0)
    add (findings, "R-CLS-007", TRUE, "mode",
         g_strdup (_("An in-person class has no online lessons.")));
  if (klass->mode == 2 && klass->planned_online != total)
    add (findings, "R-CLS-007", TRUE, "mode",
         g_strdup (_("In an online class every lesson is online.")));
  if (klass->mode == 3 && total > 0
      && (klass->planned_online == 0 || klass->planned_online == total))
    add (findings, "R-CLS-007", TRUE, "mode",
         g_strdup (_("A blended class has both online and in-person lessons.")));
}

static void
check_partner (GPtrArray *findings, const TdClass *klass)
{
  gboolean has_partner = !empty (klass->partner_name) || !empty (klass->partner_credit_code);

  if (klass->project_mode != 0
      && (empty (klass->partner_name) || empty (klass->partner_credit_code)
          || klass->partner_positions <= 0))
    add (findings, "R-CLS-008", TRUE, "partner_name",
         g_strdup (_("A project-mode class names its partner employer: credit code, name and "
                     "positions.")));
  if (klass->project_mode == 0 && has_partner)
    add (findings, "R-CLS-008", TRUE, "project_mode",
         g_strdup (_("Only a project-mode class has a partner employer; clear the partner.")));
}

static void
check_action (GPtrArray *findings, const TdClass *klass)
{
  gboolean type03 = g_strcmp0 (klass->training_type, "03") == 0;

  if (g_strcmp0 (klass->special_action, "09") == 0 && !type03)
    add (findings, "R-CLS-011", FALSE, "special_action",
         g_strdup (_("Special action 09 is for training type 03.")));
  if (type03 && g_strcmp0 (klass->special_action, "01") != 0
      && g_strcmp0 (klass->special_action, "02") != 0
      && g_strcmp0 (klass->special_action, "09") != 0)
    add (findings, "R-CLS-011", FALSE, "special_action",
         g_strdup (_("Training type 03 is filed under special action 01, 02 or 09.")));
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
td_class_catalog_gap (TdStore *store, const char *start, const TdCatalog *catalog)
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

static void
check_item (GPtrArray *findings, TdStore *store, const TdClass *klass, const TdCatalog *catalog)
{
  const TdCatalogItem *item;
  const TdStandard *standard;
  g_autofree char *min = NULL;
  g_autofree char *have = NULL;
  char *gap = td_class_catalog_gap (store, klass->start_date, catalog);

  if (gap != NULL)
    add (findings, "R-CLS-009", catalog == NULL, "start_date", gap);
  if (catalog == NULL)
    return;
  item = empty (klass->item_code) ? NULL : td_catalog_find_item (catalog, klass->item_code);
  if (item == NULL)
    {
      add (findings, "R-CLS-009", TRUE, "item_search",
           g_strdup_printf (_("Choose a catalogue item of catalogue %s."), catalog->version));
      return;
    }
  standard = td_catalog_item_find_standard (item, klass->certificate, klass->level);
  if (standard == NULL)
    {
      add (findings, "R-CLS-009", TRUE, "certificate",
           g_strdup (_("The item has no subsidy standard for this certificate and level.")));
      return;
    }
  if (klass->planned_theory + klass->planned_practice < standard->min_hours)
    {
      min = td_hours_format (standard->min_hours);
      have = td_hours_format (klass->planned_theory + klass->planned_practice);
      add (findings, "R-CLS-009", TRUE, "generate_button",
           g_strdup_printf (_("The timetable has %s class hours; this standard needs at least "
                              "%s."), have, min));
    }
}

static void
check_lessons (GPtrArray *findings, const TdClass *klass, GPtrArray *lessons,
               GPtrArray *teachers)
{
  g_autoptr (GPtrArray) problems = NULL;

  if (teachers == NULL || teachers->len == 0)
    add (findings, "", TRUE, "add_teacher_button", g_strdup (_("Add at least one teacher.")));
  if (lessons == NULL || lessons->len == 0)
    {
      add (findings, "", TRUE, "generate_button",
           g_strdup (_("Add the lessons of the timetable.")));
      return;
    }
  problems = td_timetable_problems (lessons, klass->start_date, klass->end_date, teachers);
  for (guint i = 0; i < problems->len; i++)
    {
      TdLessonProblem *problem = g_ptr_array_index (problems, i);

      add (findings, problem->rule, TRUE, "lesson_list", g_strdup (problem->message));
    }
}

GPtrArray *
td_class_check (TdStore *store, const TdClass *klass, const TdCatalog *catalog,
                GPtrArray *lessons, GPtrArray *teachers, TdDay today)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) td_class_finding_free);

  g_return_val_if_fail (klass != NULL, findings);
  check_required (findings, klass);
  check_dates (findings, klass, catalog, today);
  check_item (findings, store, klass, catalog);
  check_size (findings, klass, catalog);
  check_mode (findings, klass);
  check_partner (findings, klass);
  check_action (findings, klass);
  check_lessons (findings, klass, lessons, teachers);
  return findings;
}

gboolean
td_class_findings_have_error (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    if (((TdClassFinding *) g_ptr_array_index (findings, i))->error)
      return TRUE;
  return FALSE;
}
