/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdStore: set-up records: settings, institution, catalogues. */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-store-private.h"

/* ---- settings ---- */

char *
td_store_get_setting (TdStore *self, const char *key, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT value FROM setting WHERE key = ?", error);
  char *value = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, key);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    value = td_col_dup (stmt, 0);
  if (!td_store_read_end (self, stmt, rc, error))
    g_clear_pointer (&value, g_free);
  return value;
}

gboolean
td_store_set_setting (TdStore *self, const char *key, const char *value, GError **error)
{
  TdStmt *stmt;

  if (!td_store_begin (self, error))
    return FALSE;
  if (value == NULL)
    stmt = td_store_prepare (self, "DELETE FROM setting WHERE key = ?", error);
  else
    stmt = td_store_prepare (self, "INSERT INTO setting (key, value) VALUES (?, ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             error);
  if (stmt == NULL)
    goto fail;
  td_bind_text (stmt, 1, key);
  if (value != NULL)
    td_stmt_bind_text (stmt, 2, value);
  if (!td_store_step_done (self, stmt, error))
    goto fail;
  td_store_note_change (self, "setting", 0);
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}

/* ---- institution ---- */

TdInstitution *
td_store_get_institution (TdStore *self, GError **error)
{
  TdStmt *stmt = td_store_prepare (self,
    "SELECT credit_code, name, license_no, region, contact_name, contact_phone, legal_rep, "
    "account_name, bank, account FROM institution WHERE id = 1", error);
  TdInstitution *inst = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      inst = td_institution_new ();
      inst->credit_code = td_col_dup (stmt, 0);
      inst->name = td_col_dup (stmt, 1);
      inst->license_no = td_col_dup (stmt, 2);
      inst->region = td_col_dup (stmt, 3);
      inst->contact_name = td_col_dup (stmt, 4);
      inst->contact_phone = td_col_dup (stmt, 5);
      inst->legal_rep = td_col_dup (stmt, 6);
      inst->account_name = td_col_dup (stmt, 7);
      inst->bank = td_col_dup (stmt, 8);
      inst->account = td_col_dup (stmt, 9);
    }
  if (!td_store_read_end (self, stmt, rc, error))
    g_clear_pointer (&inst, td_institution_free);
  return inst;
}

static gboolean
require_text (const char *value, const char *field, GError **error)
{
  if (value != NULL && *value != '\0')
    return TRUE;
  g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT, _("%s is required."), field);
  return FALSE;
}

gboolean
td_store_save_institution (TdStore *self, const TdInstitution *inst, GError **error)
{
  TdStmt *stmt;

  g_return_val_if_fail (TD_IS_STORE (self) && inst != NULL, FALSE);
  if (!require_text (inst->credit_code, _("The unified social credit code"), error)
      || !require_text (inst->name, _("The institution's name"), error)
      || !require_text (inst->region, _("The region"), error)
      || !require_text (inst->contact_name, _("The contact's name"), error)
      || !require_text (inst->contact_phone, _("The contact's phone"), error))
    return FALSE;
  if (!td_store_begin (self, error))
    return FALSE;
  stmt = td_store_prepare (self,
    "INSERT INTO institution (id, credit_code, name, license_no, region, contact_name, "
    "contact_phone, legal_rep, account_name, bank, account) "
    "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
    "credit_code = excluded.credit_code, name = excluded.name, license_no = excluded.license_no, "
    "region = excluded.region, contact_name = excluded.contact_name, "
    "contact_phone = excluded.contact_phone, legal_rep = excluded.legal_rep, "
    "account_name = excluded.account_name, bank = excluded.bank, account = excluded.account",
    error);
  if (stmt == NULL)
    goto fail;
  td_bind_text (stmt, 1, inst->credit_code);
  td_bind_text (stmt, 2, inst->name);
  td_bind_text (stmt, 3, inst->license_no);
  td_bind_text (stmt, 4, inst->region);
  td_bind_text (stmt, 5, inst->contact_name);
  td_bind_text (stmt, 6, inst->contact_phone);
  td_bind_text (stmt, 7, inst->legal_rep);
  td_bind_text (stmt, 8, inst->account_name);
  td_bind_text (stmt, 9, inst->bank);
  td_bind_text (stmt, 10, inst->account);
  if (!td_store_step_done (self, stmt, error))
    goto fail;
  td_store_note_change (self, "institution", 1);
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}

/* ---- catalogues ---- */

static gint64
catalog_row (TdStore *self, const char *version)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT id FROM catalog WHERE version = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  td_bind_text (stmt, 1, version);
  if (td_stmt_step (stmt) == TD_DB_ROW)
    id = td_stmt_int64 (stmt, 0);
  td_stmt_reset (stmt);
  return id;
}

GBytes *
td_store_get_catalog_source (TdStore *self, const char *version, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT source FROM catalog WHERE version = ?",
                                         error);
  GBytes *bytes = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, version);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW && !td_stmt_is_null (stmt, 0))
    bytes = g_bytes_new (td_col_blob (stmt, 0), td_col_bytes (stmt, 0));
  if (!td_store_read_end (self, stmt, rc, error))
    g_clear_pointer (&bytes, g_bytes_unref);
  return bytes;
}

static gboolean
insert_catalog_rules (TdStore *self, const TdCatalog *c, GBytes *source, GError **error)
{
#define CATALOG_INSERT \
    "INSERT INTO catalog (version, effective, filing_lead_workdays, min_class_size, " \
    "max_class_size, min_age, max_age, min_attendance_rate, max_subsidies_per_year, " \
    "employment_window_days, employment_uplift_rate, claim_window_days, source, imported) " \
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
  TdStmt *stmt = td_store_prepare (self, TD_SQL (self,
    CATALOG_INSERT "strftime('%Y-%m-%dT%H:%M:%S','now','localtime'))",
    CATALOG_INSERT "to_char (statement_timestamp (), 'YYYY-MM-DD\"T\"HH24:MI:SS'))"), error);
  const TdCatalogRules *r = &c->rules;

  if (stmt == NULL)
    return FALSE;
  td_bind_text (stmt, 1, c->version);
  td_bind_text (stmt, 2, c->effective);
  td_bind_int (stmt, 3, r->filing_lead_workdays);
  td_bind_int (stmt, 4, r->min_class_size);
  td_bind_int (stmt, 5, r->max_class_size);
  td_bind_int (stmt, 6, r->min_age);
  td_bind_int (stmt, 7, r->max_age);
  td_bind_int (stmt, 8, r->min_attendance_rate);
  td_bind_int (stmt, 9, r->max_subsidies_per_year);
  td_bind_int (stmt, 10, r->employment_window_days);
  td_bind_int (stmt, 11, r->employment_uplift_rate);
  td_bind_int (stmt, 12, r->claim_window_days);
  if (source != NULL)
    td_stmt_bind_blob (stmt, 13, g_bytes_get_data (source, NULL), (int) g_bytes_get_size (source));
  return td_store_step_done (self, stmt, error);
}

/* The calendar as rows: the years it covers, then every day it names. */
static gboolean
insert_calendar (TdStore *self, gint64 catalog_id, const TdCalendar *calendar, GError **error)
{
  TdStmt *year_stmt, *day_stmt;

  for (int year = 1900; year < 2200; year++)
    {
      if (!td_calendar_covers_year (calendar, year))
        continue;
      year_stmt = td_store_prepare (self, "INSERT INTO catalog_year (catalog_id, year) "
                                          "VALUES (?, ?)", error);
      if (year_stmt == NULL)
        return FALSE;
      td_bind_int (year_stmt, 1, catalog_id);
      td_bind_int (year_stmt, 2, year);
      if (!td_store_step_done (self, year_stmt, error))
        return FALSE;
      for (TdDay d = td_day_make (year, 1, 1); td_day_year (d) == year; d++)
        {
          const char *holiday = td_calendar_holiday_name (calendar, d);
          int wd = td_day_weekday (d);
          gboolean weekend_workday = wd >= 6 && td_calendar_is_working_day (calendar, d);
          char iso[TD_DATE_LEN];

          if (holiday == NULL && !weekend_workday)
            continue;
          td_day_to_iso (d, iso);
          day_stmt = td_store_prepare (self, "INSERT INTO catalog_day (catalog_id, date, kind, "
                                             "name) VALUES (?, ?, ?, ?)", error);
          if (day_stmt == NULL)
            return FALSE;
          td_bind_int (day_stmt, 1, catalog_id);
          td_bind_text (day_stmt, 2, iso);
          td_bind_text (day_stmt, 3, holiday != NULL ? "H" : "W");
          td_bind_text (day_stmt, 4, holiday);
          if (!td_store_step_done (self, day_stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_items (TdStore *self, gint64 catalog_id, const TdCatalog *c, GError **error)
{
  for (guint i = 0; i < c->items->len; i++)
    {
      const TdCatalogItem *item = g_ptr_array_index (c->items, i);
      TdStmt *stmt = td_store_prepare (self,
        "INSERT INTO catalog_item (catalog_id, code, name, kind, shortage, green, digital) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      gint64 item_id;

      if (stmt == NULL)
        return FALSE;
      td_bind_int (stmt, 1, catalog_id);
      td_bind_text (stmt, 2, item->code);
      td_bind_text (stmt, 3, item->name);
      td_bind_text (stmt, 4, item->kind);
      td_bind_int (stmt, 5, item->shortage);
      td_bind_int (stmt, 6, item->green);
      td_bind_int (stmt, 7, item->digital);
      if (!td_store_step_done (self, stmt, error))
        return FALSE;
      item_id = td_store_last_insert_id (self, "catalog_item");
      for (guint j = 0; j < item->standards->len; j++)
        {
          const TdStandard *s = &g_array_index (item->standards, TdStandard, j);
          stmt = td_store_prepare (self,
            "INSERT INTO catalog_standard (item_id, certificate, level, amount, per_hour, "
            "min_hours) VALUES (?, ?, ?, ?, ?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          td_bind_int (stmt, 1, item_id);
          td_bind_int (stmt, 2, s->certificate);
          td_bind_int (stmt, 3, s->level);
          td_bind_int (stmt, 4, s->amount);
          td_bind_int_or_null (stmt, 5, s->per_hour, -1);
          td_bind_int (stmt, 6, s->min_hours);
          if (!td_store_step_done (self, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Two catalogues in force from the same day leave it to chance which one applies: the stored
 * catalogue with the effective date of @catalog, or NULL. */
static char *
catalog_same_day (TdStore *self, const TdCatalog *catalog)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT version FROM catalog WHERE effective = ? "
                                         "AND version != ? LIMIT 1", NULL);
  char *version = NULL;

  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, catalog->effective);
  td_bind_text (stmt, 2, catalog->version);
  if (td_stmt_step (stmt) == TD_DB_ROW)
    version = td_col_dup (stmt, 0);
  td_stmt_reset (stmt);
  return version;
}

gboolean
td_store_add_catalog (TdStore *self, const TdCatalog *catalog, GBytes *source, GError **error)
{
  g_autofree char *clash = NULL;
  gint64 id;

  g_return_val_if_fail (TD_IS_STORE (self) && catalog != NULL && catalog->version != NULL,
                        FALSE);
  if (catalog_row (self, catalog->version) != 0)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (GBytes) old = td_store_get_catalog_source (self, catalog->version, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (old != NULL && source != NULL && g_bytes_equal (old, source))
        return TRUE;
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("Catalogue version %s is already stored with other content. The bureau "
                     "publishes a change as a new version; this file was not imported."),
                   catalog->version);
      return FALSE;
    }
  clash = catalog_same_day (self, catalog);
  if (clash != NULL)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("Catalogue version %s takes effect on %s, the same day as the stored "
                     "catalogue version %s, so which one applies from that day cannot be told. "
                     "It was not imported: ask the bureau which version is in force."),
                   catalog->version, catalog->effective, clash);
      return FALSE;
    }
  if (!td_store_begin (self, error))
    return FALSE;
  if (!insert_catalog_rules (self, catalog, source, error))
    goto fail;
  id = td_store_last_insert_id (self, "catalog");
  if (!insert_calendar (self, id, catalog->calendar, error)
      || !insert_items (self, id, catalog, error))
    goto fail;
  td_store_note_change (self, "catalog", id);
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}

GPtrArray *
td_store_list_catalog_versions (TdStore *self, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  TdStmt *stmt = td_store_prepare (self, "SELECT version FROM catalog "
                                         "ORDER BY effective DESC, id DESC", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    g_ptr_array_add (list, td_col_dup (stmt, 0));
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
load_calendar (TdStore *self, gint64 id, TdCatalog *c, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT year FROM catalog_year "
                                         "WHERE catalog_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    td_calendar_add_year (c->calendar, (int) td_stmt_int64 (stmt, 0));
  if (!td_store_read_end (self, stmt, rc, error))
    return FALSE;
  stmt = td_store_prepare (self, "SELECT date, kind, name FROM catalog_day "
                                 "WHERE catalog_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      TdDay day = td_day_from_iso (td_stmt_text (stmt, 0));
      if (g_strcmp0 (td_stmt_text (stmt, 1), "H") == 0)
        td_calendar_add_holiday (c->calendar, day, td_stmt_text (stmt, 2));
      else
        td_calendar_add_workday (c->calendar, day);
    }
  return td_store_read_end (self, stmt, rc, error);
}

static gboolean
load_items (TdStore *self, gint64 id, TdCatalog *c, GError **error)
{
  TdStmt *stmt = td_store_prepare (self,
    "SELECT i.id, i.code, i.name, i.kind, i.shortage, i.green, i.digital, s.certificate, "
    "s.level, s.amount, s.per_hour, s.min_hours FROM catalog_item i "
    "LEFT JOIN catalog_standard s ON s.item_id = i.id WHERE i.catalog_id = ? "
    "ORDER BY i.id, s.id", error);
  gint64 last = 0;
  TdCatalogItem *item = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      gint64 item_id = td_stmt_int64 (stmt, 0);
      if (item_id != last)
        {
          item = td_catalog_item_new ();
          item->code = td_col_dup (stmt, 1);
          item->name = td_col_dup (stmt, 2);
          item->kind = td_col_dup (stmt, 3);
          item->shortage = (int) td_stmt_int64 (stmt, 4);
          item->green = (int) td_stmt_int64 (stmt, 5);
          item->digital = (int) td_stmt_int64 (stmt, 6);
          g_ptr_array_add (c->items, item);
          last = item_id;
        }
      if (!td_stmt_is_null (stmt, 7))
        {
          TdStandard s = {
            .certificate = (int) td_stmt_int64 (stmt, 7),
            .level = (int) td_stmt_int64 (stmt, 8),
            .amount = td_stmt_int64 (stmt, 9),
            .per_hour = td_col_int_or (stmt, 10, -1),
            .min_hours = (int) td_stmt_int64 (stmt, 11),
          };
          g_array_append_val (item->standards, s);
        }
    }
  return td_store_read_end (self, stmt, rc, error);
}

/* NULL without @error when there is no such catalogue; NULL with it when it cannot be read
 * (a damaged or locked file is not "no catalogue"). */
static TdCatalog *
load_catalog (TdStore *self, const char *where, const char *arg, GError **error)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT id, version, effective, filing_lead_workdays, min_class_size, max_class_size, "
    "min_age, max_age, min_attendance_rate, max_subsidies_per_year, employment_window_days, "
    "employment_uplift_rate, claim_window_days FROM catalog %s", where);
  TdStmt *stmt = td_store_prepare (self, sql, error);
  g_autoptr (TdCatalog) c = NULL;
  gint64 id;
  int rc;

  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, arg);
  if ((rc = td_stmt_step (stmt)) != TD_DB_ROW)
    {
      td_store_read_end (self, stmt, rc, error);
      return NULL;
    }
  c = td_catalog_new ();
  id = td_stmt_int64 (stmt, 0);
  c->version = td_col_dup (stmt, 1);
  td_col_copy (stmt, 2, c->effective, sizeof c->effective);
  c->rules.filing_lead_workdays = (int) td_stmt_int64 (stmt, 3);
  c->rules.min_class_size = (int) td_stmt_int64 (stmt, 4);
  c->rules.max_class_size = (int) td_stmt_int64 (stmt, 5);
  c->rules.min_age = (int) td_stmt_int64 (stmt, 6);
  c->rules.max_age = (int) td_stmt_int64 (stmt, 7);
  c->rules.min_attendance_rate = (int) td_stmt_int64 (stmt, 8);
  c->rules.max_subsidies_per_year = (int) td_stmt_int64 (stmt, 9);
  c->rules.employment_window_days = (int) td_stmt_int64 (stmt, 10);
  c->rules.employment_uplift_rate = (int) td_stmt_int64 (stmt, 11);
  c->rules.claim_window_days = (int) td_stmt_int64 (stmt, 12);
  td_stmt_reset (stmt);
  if (!load_calendar (self, id, c, error) || !load_items (self, id, c, error))
    return NULL;
  return g_steal_pointer (&c);
}

TdCatalog *
td_store_get_catalog (TdStore *self, const char *version, GError **error)
{
  TdCatalog *c;

  g_return_val_if_fail (TD_IS_STORE (self), NULL);
  c = load_catalog (self, "WHERE version = ?", version, error);
  if (c == NULL && error != NULL && *error == NULL)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND,
                 _("Catalogue version %s is not in the database. Import it first."),
                 version != NULL ? version : "?");
  return c;
}

TdCatalog *
td_store_get_catalog_in_force (TdStore *self, const char *date, GError **error)
{
  TdCatalog *c;

  g_return_val_if_fail (TD_IS_STORE (self), NULL);
  c = load_catalog (self, "WHERE effective <= ? ORDER BY effective DESC, id DESC LIMIT 1",
                    date, error);
  if (c == NULL && error != NULL && *error == NULL)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND,
                 _("No catalogue is in force on %s. Import the bureau's catalogue for that "
                   "date first."), date != NULL ? date : "?");
  return c;
}

TdCatalog *
td_store_get_class_catalog (TdStore *self, const TdClass *klass, GError **error)
{
  g_return_val_if_fail (klass != NULL, NULL);
  if (klass->catalog_version != NULL && *klass->catalog_version != '\0')
    return td_store_get_catalog (self, klass->catalog_version, error);
  return td_store_get_catalog_in_force (self, klass->start_date, error);
}
