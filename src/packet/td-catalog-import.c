/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-catalog"

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "packet/td-catalog-import.h"
#include "packet/td-schema.h"
#include "packet/td-xml-safe.h"

#define RULE "R-PKT-001"
/* How many problems the error message of a refused catalogue lists. */
#define MAX_MESSAGE_PROBLEMS 10

G_DEFINE_QUARK (td-catalog-error-quark, td_catalog_error)

/* An integer element of Rules (the schema has checked it is one). */
static int
rules_int (xmlNode *rules, const char *name)
{
  g_autofree char *text = td_xml_child_text (rules, name);

  return text != NULL ? (int) g_ascii_strtoll (text, NULL, 10) : 0;
}

static TdRate
rules_rate (xmlNode *rules, const char *name)
{
  g_autofree char *text = td_xml_child_text (rules, name);

  return td_rate_parse (text);
}

static void
read_rules (xmlNode *rules, TdCatalogRules *r, TdFindings *findings)
{
  r->filing_lead_workdays = rules_int (rules, "FilingLeadWorkdays");
  r->min_class_size = rules_int (rules, "MinClassSize");
  r->max_class_size = rules_int (rules, "MaxClassSize");
  r->min_age = rules_int (rules, "MinAge");
  r->max_age = rules_int (rules, "MaxAge");
  r->min_attendance_rate = rules_rate (rules, "MinAttendanceRate");
  r->max_subsidies_per_year = rules_int (rules, "MaxSubsidiesPerYear");
  r->employment_window_days = rules_int (rules, "EmploymentWindowDays");
  r->employment_uplift_rate = rules_rate (rules, "EmploymentUpliftRate");
  r->claim_window_days = rules_int (rules, "ClaimWindowDays");

  if (r->min_class_size > r->max_class_size)
    td_findings_add (findings, RULE, TD_SEVERITY_ERROR, "MinClassSize", td_xml_line (rules),
                     _("The catalogue's MinClassSize %d is larger than its MaxClassSize %d."),
                     r->min_class_size, r->max_class_size);
  if (r->min_age > r->max_age)
    td_findings_add (findings, RULE, TD_SEVERITY_ERROR, "MinAge", td_xml_line (rules),
                     _("The catalogue's MinAge %d is larger than its MaxAge %d."),
                     r->min_age, r->max_age);
}

/* A Holiday (@holiday TRUE) or Workday of the calendar of @year; FALSE when misplaced. */
static gboolean
check_calendar_day (xmlNode *node, int year, gboolean holiday, TdDay day,
                    TdFindings *findings)
{
  g_autofree char *date = td_xml_attr (node, "date");
  int wd = td_day_weekday (day);

  if (td_day_year (day) != year)
    {
      td_findings_add (findings, RULE, TD_SEVERITY_ERROR, date, td_xml_line (node),
                       _("The date %s of the catalogue's calendar is not in its year %d."),
                       date, year);
      return FALSE;
    }
  if (holiday && wd >= 6)
    {
      td_findings_add (findings, RULE, TD_SEVERITY_ERROR, date, td_xml_line (node),
                       _("The holiday %s of the catalogue's calendar is a Saturday or Sunday; "
                         "a holiday must be a Monday–Friday date."), date);
      return FALSE;
    }
  if (!holiday && wd <= 5)
    {
      td_findings_add (findings, RULE, TD_SEVERITY_ERROR, date, td_xml_line (node),
                       _("The workday %s of the catalogue's calendar is a Monday–Friday date; "
                         "a workday must be a Saturday or Sunday."), date);
      return FALSE;
    }
  return TRUE;
}

static void
read_calendar (xmlNode *cal, TdCalendar *calendar, TdFindings *findings)
{
  g_autofree char *year_text = td_xml_attr (cal, "year");
  int year = year_text != NULL ? (int) g_ascii_strtoll (year_text, NULL, 10) : 0;

  td_calendar_add_year (calendar, year);
  for (xmlNode *n = td_xml_first_element (cal); n != NULL; n = td_xml_next_element (n))
    {
      gboolean holiday = td_xml_is (n, "Holiday");
      g_autofree char *date = td_xml_attr (n, "date");
      g_autofree char *name = td_xml_attr (n, "name");
      TdDay day = td_day_from_iso (date);

      if (day == 0 || !check_calendar_day (n, year, holiday, day, findings))
        continue;
      if (holiday)
        td_calendar_add_holiday (calendar, day, name);
      else
        td_calendar_add_workday (calendar, day);
    }
}

static void
read_standard (xmlNode *node, TdCatalogItem *item)
{
  g_autofree char *amount = td_xml_attr (node, "amount");
  g_autofree char *per_hour = td_xml_attr (node, "perHour");
  g_autofree char *min_hours = td_xml_attr (node, "minHours");
  TdStandard s = { 0 };

  s.certificate = td_xml_attr_int (node, "certificate", 0);
  s.level = td_xml_attr_int (node, "level", 0);
  if (!td_money_parse (amount, &s.amount))
    s.amount = 0;
  if (per_hour == NULL || !td_money_parse (per_hour, &s.per_hour))
    s.per_hour = -1;
  s.min_hours = td_hours_parse (min_hours);
  g_array_append_val (item->standards, s);
}

static TdCatalogItem *
read_item (xmlNode *node)
{
  TdCatalogItem *item = td_catalog_item_new ();

  item->code = td_xml_attr (node, "code");
  item->name = td_xml_attr (node, "name");
  item->kind = td_xml_attr (node, "kind");
  item->shortage = td_xml_attr_is (node, "shortage", "true");
  item->green = td_xml_attr_is (node, "green", "true");
  item->digital = td_xml_attr_is (node, "digital", "true");
  for (xmlNode *s = td_xml_child (node, "Standard"); s != NULL; s = td_xml_next (s, "Standard"))
    read_standard (s, item);
  return item;
}

static TdCatalog *
read_catalog (xmlNode *root, TdFindings *findings)
{
  g_autoptr (TdCatalog) catalog = td_catalog_new ();
  g_autofree char *effective = td_xml_attr (root, "effective");

  catalog->version = td_xml_attr (root, "version");
  g_strlcpy (catalog->effective, effective != NULL ? effective : "", TD_DATE_LEN);
  read_rules (td_xml_child (root, "Rules"), &catalog->rules, findings);
  for (xmlNode *c = td_xml_child (root, "Calendar"); c != NULL; c = td_xml_next (c, "Calendar"))
    read_calendar (c, catalog->calendar, findings);
  for (xmlNode *i = td_xml_child (root, "Item"); i != NULL; i = td_xml_next (i, "Item"))
    g_ptr_array_add (catalog->items, read_item (i));
  return g_steal_pointer (&catalog);
}

/* The refusal as one message: a sentence, then the problems found, one per line. */
static void
set_refused (GError **error, const TdFindings *findings, guint from)
{
  g_autoptr (GString) text = g_string_new (_("The catalogue was refused:"));
  guint n = td_findings_get_n (findings);

  for (guint i = from; i < n && i < from + MAX_MESSAGE_PROBLEMS; i++)
    {
      const TdFinding *f = td_findings_get (findings, i);
      g_string_append_printf (text, "\n%s", f->message);
    }
  if (n - from > MAX_MESSAGE_PROBLEMS)
    g_string_append_printf (text, _("\n… and %u more problems."),
                            n - from - MAX_MESSAGE_PROBLEMS);
  g_set_error_literal (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID, text->str);
}

TdCatalog *
td_catalog_parse (GBytes *xml, TdFindings *findings, GError **error)
{
  g_autoptr (TdFindings) own = NULL;
  g_autoptr (TdCatalog) catalog = NULL;
  xmlDoc *doc;
  xmlNode *root;
  gsize len = 0;
  const char *data;
  guint from;

  g_return_val_if_fail (xml != NULL, NULL);

  if (findings == NULL)
    findings = own = td_findings_new ();
  from = td_findings_get_n (findings);
  data = g_bytes_get_data (xml, &len);
  doc = td_xml_read_memory (data != NULL ? data : "", len, NULL, findings);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (doc != NULL && !td_xml_is (root, "Catalog"))
    td_findings_add (findings, RULE, TD_SEVERITY_ERROR, NULL, td_xml_line (root),
                     _("The document is not a catalogue (its root element is not Catalog in "
                       "the bureau's namespace)."));
  else if (doc != NULL && td_schema_validate (doc, findings))
    catalog = read_catalog (root, findings);
  if (doc != NULL)
    xmlFreeDoc (doc);
  if (td_findings_has_errors (findings) && td_findings_get_n (findings) > from)
    {
      set_refused (error, findings, from);
      return NULL;
    }
  return g_steal_pointer (&catalog);
}

gboolean
td_catalog_import_bytes (TdStore *store, GBytes *xml, GError **error)
{
  g_autoptr (TdCatalog) catalog = NULL;

  g_return_val_if_fail (TD_IS_STORE (store) && xml != NULL, FALSE);

  catalog = td_catalog_parse (xml, NULL, error);
  if (catalog == NULL)
    return FALSE;
  return td_store_add_catalog (store, catalog, xml, error);
}

/* The file's bytes, refused when larger than any document we read (read no further). */
static GBytes *
read_file (const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  GBytes *bytes = td_xml_load_capped (path, &local);

  if (bytes == NULL && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID,
                 _("The catalogue %s is larger than 64 MB and was not read."), path);
  else if (bytes == NULL)
    g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_READ,
                 _("Cannot read the catalogue %s: %s"), path, local->message);
  return bytes;
}

gboolean
td_catalog_import_file (TdStore *store, const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (TD_IS_STORE (store) && path != NULL, FALSE);

  bytes = read_file (path, error);
  return bytes != NULL && td_catalog_import_bytes (store, bytes, error);
}

gboolean
td_catalog_import_default (TdStore *store, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (TD_IS_STORE (store), FALSE);

  bytes = g_resources_lookup_data (TD_CATALOG_DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                   error);
  return bytes != NULL && td_catalog_import_bytes (store, bytes, error);
}
