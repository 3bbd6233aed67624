/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The database schema and its forward migrations.  Version n's script turns a version n-1
 * database into version n; a new file runs them all.  Never edit a released script: add
 * the next one. */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include "core/td-store-private.h"

/* Version 1: the first release. */
static const char schema_v1[] =
  "CREATE TABLE institution ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  credit_code TEXT NOT NULL, name TEXT NOT NULL, license_no TEXT,"
  "  region TEXT NOT NULL, contact_name TEXT NOT NULL, contact_phone TEXT NOT NULL,"
  "  legal_rep TEXT, account_name TEXT, bank TEXT, account TEXT);"

  "CREATE TABLE catalog ("
  "  id INTEGER PRIMARY KEY, version TEXT NOT NULL UNIQUE, effective TEXT NOT NULL,"
  "  filing_lead_workdays INTEGER NOT NULL, min_class_size INTEGER NOT NULL,"
  "  max_class_size INTEGER NOT NULL, min_age INTEGER NOT NULL, max_age INTEGER NOT NULL,"
  "  min_attendance_rate INTEGER NOT NULL, max_subsidies_per_year INTEGER NOT NULL,"
  "  employment_window_days INTEGER NOT NULL, employment_uplift_rate INTEGER NOT NULL,"
  "  claim_window_days INTEGER NOT NULL, source BLOB, imported TEXT NOT NULL);"
  "CREATE TABLE catalog_year ("
  "  id INTEGER PRIMARY KEY, catalog_id INTEGER NOT NULL REFERENCES catalog(id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL, UNIQUE (catalog_id, year));"
  "CREATE TABLE catalog_day ("
  "  id INTEGER PRIMARY KEY, catalog_id INTEGER NOT NULL REFERENCES catalog(id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('H','W')), name TEXT,"
  "  UNIQUE (catalog_id, date));"
  "CREATE TABLE catalog_item ("
  "  id INTEGER PRIMARY KEY, catalog_id INTEGER NOT NULL REFERENCES catalog(id) ON DELETE CASCADE,"
  "  code TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,"
  "  shortage INTEGER NOT NULL, green INTEGER NOT NULL, digital INTEGER NOT NULL,"
  "  UNIQUE (catalog_id, code));"
  "CREATE TABLE catalog_standard ("
  "  id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES catalog_item(id) ON DELETE CASCADE,"
  "  certificate INTEGER NOT NULL, level INTEGER NOT NULL, amount INTEGER NOT NULL,"
  "  per_hour INTEGER, min_hours INTEGER NOT NULL, UNIQUE (item_id, certificate, level));"

  "CREATE TABLE class ("
  "  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, title TEXT NOT NULL,"
  "  catalog_version TEXT NOT NULL, item_code TEXT NOT NULL, item_name TEXT NOT NULL,"
  "  level INTEGER NOT NULL, training_type TEXT NOT NULL, special_action TEXT NOT NULL,"
  "  project_mode INTEGER NOT NULL DEFAULT 0, mode INTEGER NOT NULL DEFAULT 1,"
  "  start_date TEXT NOT NULL, end_date TEXT NOT NULL,"
  "  planned_theory INTEGER NOT NULL DEFAULT 0, planned_practice INTEGER NOT NULL DEFAULT 0,"
  "  planned_online INTEGER NOT NULL DEFAULT 0, planned_size INTEGER NOT NULL,"
  "  venue_region TEXT NOT NULL, venue_address TEXT NOT NULL, online_platform TEXT,"
  "  funding_source INTEGER NOT NULL DEFAULT 1, certificate INTEGER NOT NULL,"
  "  assessment_method TEXT NOT NULL,"
  "  partner_credit_code TEXT, partner_name TEXT, partner_positions INTEGER,"
  "  commitment_signed_by TEXT, commitment_date TEXT,"
  "  filing_no TEXT, cancel_date TEXT, cancel_reason TEXT,"
  "  exam_theory_date TEXT, exam_practice_date TEXT, evaluator TEXT, exam_place TEXT,"
  "  payee_type INTEGER NOT NULL DEFAULT 1,"
  "  CHECK (end_date >= start_date));"
  "CREATE TABLE teacher ("
  "  id INTEGER PRIMARY KEY, class_id INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,"
  "  tid TEXT NOT NULL, name TEXT NOT NULL, id_number TEXT NOT NULL, qualification TEXT NOT NULL,"
  "  UNIQUE (class_id, tid));"
  "CREATE TABLE lesson ("
  "  id INTEGER PRIMARY KEY, class_id INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,"
  "  lid TEXT NOT NULL, date TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL,"
  "  hours INTEGER NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('T','P')),"
  "  online INTEGER NOT NULL DEFAULT 0, teacher TEXT NOT NULL, content TEXT NOT NULL,"
  "  UNIQUE (class_id, lid));"

  "CREATE TABLE trainee ("
  "  id INTEGER PRIMARY KEY, id_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
  "  gender INTEGER NOT NULL, birth_date TEXT NOT NULL, phone TEXT NOT NULL,"
  "  education TEXT NOT NULL, household_region TEXT NOT NULL);"
  "CREATE TABLE enrolment ("
  "  id INTEGER PRIMARY KEY, class_id INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,"
  "  trainee_id INTEGER NOT NULL REFERENCES trainee(id),"
  "  position INTEGER NOT NULL, categories TEXT NOT NULL, employment_before INTEGER NOT NULL,"
  "  consent_date TEXT NOT NULL, withdrawn_date TEXT, withdrawn_reason TEXT,"
  "  bank TEXT, account TEXT, UNIQUE (class_id, trainee_id));"

  "CREATE TABLE attendance ("
  "  id INTEGER PRIMARY KEY, class_id INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL, lesson_id INTEGER NOT NULL REFERENCES lesson(id),"
  "  trainee_id INTEGER NOT NULL REFERENCES trainee(id),"
  "  status TEXT NOT NULL CHECK (status IN ('P','L','E','V','A')),"
  "  time_in TEXT, time_out TEXT, hours INTEGER NOT NULL, method TEXT NOT NULL,"
  "  hash TEXT NOT NULL, packet_id TEXT, restates TEXT, replaced INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (class_id, seq));"
  "CREATE INDEX attendance_lesson ON attendance (lesson_id, trainee_id);"

  "CREATE TABLE result ("
  "  id INTEGER PRIMARY KEY, class_id INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,"
  "  trainee_id INTEGER NOT NULL REFERENCES trainee(id),"
  "  theory INTEGER, practice INTEGER, outcome INTEGER NOT NULL, retake INTEGER NOT NULL DEFAULT 0,"
  "  cert_type INTEGER, cert_level INTEGER, cert_number TEXT, cert_issued TEXT, cert_issuer TEXT,"
  "  UNIQUE (class_id, trainee_id));"
  "CREATE TABLE follow_up ("
  "  id INTEGER PRIMARY KEY, class_id INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,"
  "  trainee_id INTEGER NOT NULL REFERENCES trainee(id),"
  "  checked TEXT NOT NULL, status INTEGER NOT NULL, employer_credit_code TEXT, employer_name TEXT,"
  "  since TEXT, proof INTEGER, monthly_wage INTEGER,"
  "  UNIQUE (class_id, trainee_id, checked));"

  "CREATE TABLE packet ("
  "  id TEXT PRIMARY KEY, kind TEXT NOT NULL, class_id INTEGER REFERENCES class(id),"
  "  year INTEGER, quarter INTEGER, created TEXT NOT NULL, digest TEXT NOT NULL, file TEXT,"
  "  status TEXT NOT NULL, supersedes TEXT, filing_no TEXT, approved INTEGER,"
  "  received TEXT, issued TEXT, content BLOB NOT NULL, receipt BLOB);"
  "CREATE TABLE packet_issue ("
  "  id INTEGER PRIMARY KEY, packet_id TEXT NOT NULL REFERENCES packet(id) ON DELETE CASCADE,"
  "  rule TEXT NOT NULL, severity TEXT NOT NULL, ref TEXT, message TEXT NOT NULL);"
  "CREATE TABLE claim ("
  "  id INTEGER PRIMARY KEY, class_id INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,"
  "  packet_id TEXT NOT NULL UNIQUE REFERENCES packet(id), catalog_version TEXT NOT NULL,"
  "  payee_type INTEGER NOT NULL, account_name TEXT NOT NULL, bank TEXT NOT NULL,"
  "  account TEXT NOT NULL, signed_by TEXT NOT NULL, date TEXT NOT NULL,"
  "  count INTEGER NOT NULL, total INTEGER NOT NULL, approved INTEGER);"
  "CREATE TABLE claim_line ("
  "  id INTEGER PRIMARY KEY, claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,"
  "  trainee_id INTEGER NOT NULL REFERENCES trainee(id), certificate INTEGER NOT NULL,"
  "  level INTEGER NOT NULL, attendance_rate INTEGER NOT NULL, standard INTEGER NOT NULL,"
  "  uplift INTEGER NOT NULL, amount INTEGER NOT NULL, bank TEXT, account TEXT, approved INTEGER,"
  "  UNIQUE (claim_id, trainee_id));"

  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY, at TEXT NOT NULL, tbl TEXT NOT NULL, row INTEGER,"
  "  op TEXT NOT NULL, old TEXT, new TEXT);";

/* Version 2: settings kept in the database (the outbox folder follows the file, not the
 * machine), and indexes that the lists need once an institution has years of data. */
static const char schema_v2[] =
  "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE INDEX enrolment_trainee ON enrolment (trainee_id);"
  "CREATE INDEX enrolment_position ON enrolment (class_id, position);"
  "CREATE INDEX packet_class ON packet (class_id, kind, created);"
  "CREATE INDEX trainee_name ON trainee (name);"
  "CREATE INDEX audit_row ON audit (tbl, row);";

/* Version 3: the terminal person number (考勤号) of an enrolment, where it is not the
 * default (the roster position).  Its own table, so a roster without one stays as it was. */
static const char schema_v3[] =
  "CREATE TABLE terminal_no ("
  "  enrolment_id INTEGER PRIMARY KEY REFERENCES enrolment(id) ON DELETE CASCADE,"
  "  class_id INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,"
  "  number TEXT NOT NULL, UNIQUE (class_id, number));";

static const char *const migrations[] = { NULL, schema_v1, schema_v2, schema_v3 };
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TD_STORE_SCHEMA_VERSION + 1);

/* Tables whose changes the audit log records; it leaves out the columns declared BLOB
 * (a packet's bytes and receipt, a catalogue's source). */
static const char *const audited_tables[] = {
  "institution", "catalog", "class", "teacher", "lesson", "trainee", "enrolment",
  "attendance", "result", "follow_up", "packet", "packet_issue", "claim", "claim_line",
  "setting", "terminal_no",
};

/* By declared type, not by name: lesson.content is text and belongs in the log. */
static gboolean
column_is_blob (const char *declared_type)
{
  return declared_type != NULL && g_ascii_strcasecmp (declared_type, "BLOB") == 0;
}

static char *
json_of_row (TdStore *self, const char *table, const char *prefix)
{
  g_autoptr (GString) json = g_string_new ("json_object(");
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", table);
  sqlite3_stmt *stmt = NULL;
  gboolean first = TRUE;

  if (sqlite3_prepare_v2 (td_store_db (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *col = (const char *) sqlite3_column_text (stmt, 1);
      if (column_is_blob ((const char *) sqlite3_column_text (stmt, 2)))
        continue;
      g_string_append_printf (json, "%s'%s',%s.\"%s\"", first ? "" : ",", col, prefix, col);
      first = FALSE;
    }
  sqlite3_finalize (stmt);
  if (first)
    return NULL;  /* no such table at this version: table_info gives no rows */
  g_string_append_c (json, ')');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* (Re)creates the audit triggers from the tables' current columns. */
static gboolean
create_audit_triggers (TdStore *self, GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    {
      const char *t = audited_tables[i];
      const char *key = g_str_equal (t, "packet") || g_str_equal (t, "setting") ? "rowid"
                        : g_str_equal (t, "terminal_no") ? "enrolment_id" : "id";
      g_autofree char *js_new = json_of_row (self, t, "NEW");
      g_autofree char *js_old = json_of_row (self, t, "OLD");
      g_autofree char *sql = NULL;

      if (js_new == NULL || js_old == NULL)
        continue;  /* the table does not exist at this version */
      sql = g_strdup_printf (
        "DROP TRIGGER IF EXISTS audit_%1$s_i; DROP TRIGGER IF EXISTS audit_%1$s_u;"
        "DROP TRIGGER IF EXISTS audit_%1$s_d;"
        "CREATE TRIGGER audit_%1$s_i AFTER INSERT ON %1$s BEGIN INSERT INTO audit"
        " (at, tbl, row, op, new) VALUES (strftime('%%Y-%%m-%%dT%%H:%%M:%%S','now','localtime'),"
        " '%1$s', NEW.%2$s, 'insert', %3$s); END;"
        "CREATE TRIGGER audit_%1$s_u AFTER UPDATE ON %1$s BEGIN INSERT INTO audit"
        " (at, tbl, row, op, old, new) VALUES (strftime('%%Y-%%m-%%dT%%H:%%M:%%S','now','localtime'),"
        " '%1$s', NEW.%2$s, 'update', %4$s, %3$s); END;"
        "CREATE TRIGGER audit_%1$s_d AFTER DELETE ON %1$s BEGIN INSERT INTO audit"
        " (at, tbl, row, op, old) VALUES (strftime('%%Y-%%m-%%dT%%H:%%M:%%S','now','localtime'),"
        " '%1$s', OLD.%2$s, 'delete', %4$s); END;",
        t, key, js_new, js_old);
      if (!td_store_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
td_store_migrate (TdStore *self, int from, int to, GError **error)
{
  g_return_val_if_fail (from >= 0 && to <= TD_STORE_SCHEMA_VERSION && from <= to, FALSE);

  if (from == to)
    return TRUE;
  if (!td_store_begin (self, error))
    return FALSE;
  for (int v = from + 1; v <= to; v++)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", v);

      g_debug ("migrating to schema version %d", v);
      if (!td_store_exec (self, migrations[v], error) || !td_store_exec (self, pragma, error))
        {
          td_store_rollback (self);
          return FALSE;
        }
    }
  if (!td_store_exec (self, "PRAGMA application_id = " G_STRINGIFY (TD_STORE_APPLICATION_ID),
                      error)
      || !create_audit_triggers (self, error))
    {
      td_store_rollback (self);
      return FALSE;
    }
  return td_store_commit (self, error);
}
