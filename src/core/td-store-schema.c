/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The database schema and its forward migrations.  Version n's script turns a version n-1
 * database into version n; a new file runs them all.  Never edit a released script: add
 * the next one. */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

/* Version 4: the audit log by change and chained (td-store-audit.c).  The bulky entries of
 * earlier versions are compacted, nothing of what they say lost: an update keeps the columns
 * it changed (the attendance chain's hashes, derived, are dropped); the rows an export marked
 * sent become one entry per packet with their count and record range. */
static const char schema_v4[] =
  "ALTER TABLE audit ADD COLUMN hash BLOB;"
  "CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL,"
  "  hash BLOB NOT NULL);"
  "CREATE TABLE audit_pause (id INTEGER PRIMARY KEY CHECK (id = 1), what TEXT NOT NULL);"
  "UPDATE audit SET old = json_remove(old, '$.hash'), new = json_remove(new, '$.hash')"
  "  WHERE tbl = 'attendance';"
  "UPDATE audit SET"
  "  old = (SELECT json_group_object(o.key, o.value) FROM json_each(audit.old) o"
  "         JOIN json_each(audit.new) n ON n.key = o.key WHERE o.value IS NOT n.value),"
  "  new = (SELECT json_group_object(n.key, n.value) FROM json_each(audit.new) n"
  "         JOIN json_each(audit.old) o ON o.key = n.key WHERE o.value IS NOT n.value)"
  "  WHERE op = 'update' AND old IS NOT NULL AND new IS NOT NULL;"
  "DELETE FROM audit WHERE op = 'update' AND old = '{}' AND new = '{}';"
  "CREATE TEMP TABLE sent_groups AS SELECT min(a.id) AS first, json_extract(a.new, '$.packet_id')"
  "  AS packet, count(*) AS n, min(a.row) AS first_row, max(a.row) AS last_row"
  "  FROM audit a WHERE a.tbl = 'attendance' AND a.op = 'update'"
  "  AND (SELECT count(*) FROM json_each(a.new)) = 1"
  "  AND json_extract(a.new, '$.packet_id') IS NOT NULL"
  "  GROUP BY a.at, json_extract(a.new, '$.packet_id') HAVING count(*) > 1;"
  "DELETE FROM audit WHERE tbl = 'attendance' AND op = 'update'"
  "  AND (SELECT count(*) FROM json_each(audit.new)) = 1"
  "  AND json_extract(audit.new, '$.packet_id') IN (SELECT packet FROM sent_groups)"
  "  AND id NOT IN (SELECT first FROM sent_groups);"
  "UPDATE audit SET op = 'bulk', row = NULL, old = NULL,"
  "  new = (SELECT json_object('action', 'mark-sent', 'table', 'attendance', 'class_id',"
  "         (SELECT class_id FROM attendance WHERE id = g.first_row), 'packet_id', g.packet, 'records', g.n, 'first_record', g.first_row,"
  "         'last_record', g.last_row) FROM sent_groups g WHERE g.first = audit.id)"
  "  WHERE id IN (SELECT first FROM sent_groups);"
  "DROP TABLE temp.sent_groups;";

/* Version 5: desks at once (issue 16).  Classes and lessons (edited on forms) carry a row
 * version that every change moves (a trigger: version_TABLE) and who made it, so that a save
 * based on what another desk has changed since is refused instead of overwriting it. */
#define VERSIONED(t) \
  "ALTER TABLE " t " ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;" \
  "ALTER TABLE " t " ADD COLUMN changed_by TEXT;"
static const char schema_v5[] =
  VERSIONED ("class") VERSIONED ("lesson");

/* Version 6: trainees and enrolments (edited on the roster's form) carry one too.  The roster
 * import, which runs no triggers, moves a person's version in its own UPDATE
 * (td-store-roster.c). */
static const char schema_v6[] =
  VERSIONED ("trainee") VERSIONED ("enrolment");

/* Version 7: a packet's bytes in a table of their own (issue 13).  The packet row changes
 * (written, sent, its receipt) while its bytes never do: in the row, each change rewrote
 * them (6.4 MB for a batch of 60,000 records). */
static const char schema_v7[] =
  "CREATE TABLE packet_content ("
  "  packet_id TEXT PRIMARY KEY REFERENCES packet(id) ON DELETE CASCADE,"
  "  content BLOB NOT NULL);"
  "INSERT INTO packet_content (packet_id, content) SELECT id, content FROM packet;"
  "ALTER TABLE packet DROP COLUMN content;";

/* Version 8: no index of the roster by position (issue 13).  Every row a roster import adds
 * was written into it too, a tenth of the import's time in the store; the rosters read by
 * class find their rows by the (class, trainee) key and put a class's few dozen in order
 * themselves. */
static const char schema_v8[] =
  "DROP INDEX enrolment_position;";

static const char *const migrations[] = {
  NULL, schema_v1, schema_v2, schema_v3, schema_v4, schema_v5, schema_v6, schema_v7, schema_v8,
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TD_STORE_SCHEMA_VERSION + 1);

/* Tables whose changes the audit log records; it leaves out the columns declared BLOB
 * (a packet's bytes and receipt, a catalogue's source) and the attendance chain's hashes,
 * which the chain itself checks. */
static const char *const audited_tables[] = {
  "institution", "catalog", "class", "teacher", "lesson", "trainee", "enrolment",
  "attendance", "result", "follow_up", "packet", "packet_issue", "claim", "claim_line",
  "setting", "terminal_no",
};

/* By declared type, not by name: lesson.content is text and belongs in the log.  The row
 * version and who moved it are bookkeeping (versions 5 and 6). */
static gboolean
column_logged (const char *table, const char *column, const char *declared_type, int version)
{
  if (declared_type != NULL && g_ascii_strcasecmp (declared_type, "BLOB") == 0)
    return FALSE;
  if (g_str_equal (column, "row_version") || g_str_equal (column, "changed_by"))
    return FALSE;
  return version < 4 || !(g_str_equal (table, "attendance") && g_str_equal (column, "hash"));
}

/* The logged columns of @table (none when it does not exist at this version). */
static GPtrArray *
logged_columns (TdStore *self, const char *table, int version)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", table);
  TdStmt *stmt = NULL;

  if (td_store_prepare_once (self, sql, &stmt) != TD_DB_OK)
    return columns;
  while (td_stmt_step (stmt) == TD_DB_ROW)
    {
      const char *col = td_stmt_text (stmt, 1);
      if (column_logged (table, col, td_stmt_text (stmt, 2), version))
        g_ptr_array_add (columns, g_strdup (col));
    }
  td_stmt_free (stmt);
  return columns;
}

static char *
json_of_row (GPtrArray *columns, const char *prefix)
{
  GString *json = g_string_new ("json_object(");

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (json, "%s'%s',%s.\"%s\"", i > 0 ? "," : "",
                            (const char *) columns->pdata[i], prefix,
                            (const char *) columns->pdata[i]);
  g_string_append_c (json, ')');
  return g_string_free (json, FALSE);
}

#define NOW "strftime('%Y-%m-%dT%H:%M:%S','now','localtime')"
#define NOW_FMT "strftime('%%Y-%%m-%%dT%%H:%%M:%%S','now','localtime')"

/* Version 4 on: an update logs only the columns it changed, old → new, and nothing when it
 * changed none; no row is logged while a bulk action runs (its one entry says what it did). */
static char *
update_trigger (const char *t, const char *key, GPtrArray *columns)
{
  g_autoptr (GString) changed = g_string_new (NULL);
  g_autoptr (GString) pairs = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    {
      const char *c = columns->pdata[i];
      g_string_append_printf (changed, "%sOLD.\"%s\" IS NOT NEW.\"%s\"", i > 0 ? " OR " : "",
                              c, c);
      g_string_append_printf (pairs, "%sSELECT '%s' AS k, OLD.\"%s\" AS o, NEW.\"%s\" AS n "
                              "WHERE OLD.\"%s\" IS NOT NEW.\"%s\"", i > 0 ? " UNION ALL " : "",
                              c, c, c, c, c);
    }
  return g_strdup_printf ("CREATE TRIGGER audit_%s_u AFTER UPDATE ON %s WHEN NOT EXISTS "
                          "(SELECT 1 FROM audit_pause) AND (%s) BEGIN INSERT INTO audit (at, tbl, "
                          "row, op, old, new) SELECT " NOW_FMT ", '%s', NEW.%s, 'update', "
                          "json_group_object(k, o), json_group_object(k, n) FROM (%s); END",
                          t, t, changed->str, t, key, pairs->str);
}

/* The audit triggers the schema at @version has: name → CREATE TRIGGER text. */
static GHashTable *
expected_triggers (TdStore *self, int version)
{
  GHashTable *triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *when = version >= 4 ? " WHEN NOT EXISTS (SELECT 1 FROM audit_pause)" : "";

  for (gsize i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    {
      const char *t = audited_tables[i];
      const char *key = g_str_equal (t, "packet") || g_str_equal (t, "setting") ? "rowid"
                        : g_str_equal (t, "terminal_no") ? "enrolment_id" : "id";
      g_autoptr (GPtrArray) columns = logged_columns (self, t, version);
      g_autofree char *js_new = NULL, *js_old = NULL;

      if (columns->len == 0)
        continue;  /* the table does not exist at this version */
      js_new = json_of_row (columns, "NEW");
      js_old = json_of_row (columns, "OLD");
      g_hash_table_insert (triggers, g_strdup_printf ("audit_%s_i", t), g_strdup_printf (
        "CREATE TRIGGER audit_%s_i AFTER INSERT ON %s%s BEGIN INSERT INTO audit (at, tbl, row, "
        "op, new) VALUES (" NOW_FMT ", '%s', NEW.%s, 'insert', %s); END", t, t, when, t, key, js_new));
      g_hash_table_insert (triggers, g_strdup_printf ("audit_%s_u", t), version >= 4
        ? update_trigger (t, key, columns)
        : g_strdup_printf ("CREATE TRIGGER audit_%s_u AFTER UPDATE ON %s BEGIN INSERT INTO "
                           "audit (at, tbl, row, op, old, new) VALUES (" NOW_FMT ", '%s', NEW.%s, "
                           "'update', %s, %s); END", t, t, t, key, js_old, js_new));
      g_hash_table_insert (triggers, g_strdup_printf ("audit_%s_d", t), g_strdup_printf (
        "CREATE TRIGGER audit_%s_d AFTER DELETE ON %s%s BEGIN INSERT INTO audit (at, tbl, row, "
        "op, old) VALUES (" NOW_FMT ", '%s', OLD.%s, 'delete', %s); END", t, t, when, t, key, js_old));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (td_store_versioned_tables); i++)
    {
      const char *t = td_store_versioned_tables[i].table;
      g_autoptr (GPtrArray) columns = NULL;
      g_autoptr (GString) changed = NULL;

      if (version < td_store_versioned_tables[i].since)
        continue;
      columns = logged_columns (self, t, version);
      changed = g_string_new (NULL);

      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (changed, "%sOLD.\"%s\" IS NOT NEW.\"%s\"", c > 0 ? " OR " : "",
                                (const char *) columns->pdata[c],
                                (const char *) columns->pdata[c]);
      /* a change that did not move the version itself moves it (not recursive: SQLite's
       * recursive_triggers is off, and the audit trigger sees no logged column change) */
      g_hash_table_insert (triggers, g_strdup_printf ("version_%s", t), g_strdup_printf (
        "CREATE TRIGGER version_%s AFTER UPDATE ON %s WHEN NEW.row_version = OLD.row_version "
        "AND (%s) BEGIN UPDATE %s SET row_version = OLD.row_version + 1 WHERE id = NEW.id; END",
        t, t, changed->str, t));
    }
  if (version >= 4)
    g_hash_table_insert (triggers, g_strdup ("audit_bulk"), g_strdup (
      "CREATE TRIGGER audit_bulk AFTER INSERT ON audit_pause BEGIN INSERT INTO audit (at, tbl, "
      "op, new) VALUES (" NOW ", coalesce(json_extract(NEW.what, '$.table'), 'bulk'), 'bulk', "
      "NEW.what); END"));
  return triggers;
}

static gboolean
create_trigger (TdStore *self, const char *name, const char *sql, GError **error)
{
  g_autofree char *drop = g_strdup_printf ("DROP TRIGGER IF EXISTS %s", name);

  return td_store_exec (self, drop, error) && td_store_exec (self, sql, error);
}

/* (Re)creates the audit triggers from the tables' current columns. */
static gboolean
create_audit_triggers (TdStore *self, int version, GError **error)
{
  g_autoptr (GHashTable) triggers = expected_triggers (self, version);
  GHashTableIter it;
  gpointer name, sql;

  g_hash_table_iter_init (&it, triggers);
  while (g_hash_table_iter_next (&it, &name, &sql))
    if (!create_trigger (self, name, sql, error))
      return FALSE;
  return TRUE;
}

/* Version 4's pieces of the audit log that another program may have removed. */
static const struct
{
  const char *table;
  const char *sql;
} audit_tables[] = {
  { "audit", "CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL, tbl TEXT NOT NULL,"
             " row INTEGER, op TEXT NOT NULL, old TEXT, new TEXT, hash BLOB);"
             "CREATE INDEX audit_row ON audit (tbl, row)" },
  { "audit_head", "CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1),"
                  " last INTEGER NOT NULL, hash BLOB NOT NULL)" },
  { "audit_pause", "CREATE TABLE audit_pause (id INTEGER PRIMARY KEY CHECK (id = 1),"
                   " what TEXT NOT NULL)" },
};

/* What is wrong with the audit log's machinery: tables gone, triggers gone or changed,
 * triggers that are not ours, a bulk pause left on.  Empty when all is in order. */
static GPtrArray *
audit_damage (TdStore *self, GHashTable *expected, GPtrArray *stray)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  TdStmt *stmt = NULL;
  GHashTableIter it;
  gpointer name, sql;

  if (td_store_prepare_once (self, "SELECT type, name, sql FROM sqlite_master WHERE "
                                   "type IN ('table', 'trigger')", &stmt) != TD_DB_OK)
    return found;
  while (td_stmt_step (stmt) == TD_DB_ROW)
    g_hash_table_insert (present, g_strdup (td_stmt_text (stmt, 1)),
                         g_strdup (td_stmt_text (stmt, 2)));
  td_stmt_reset (stmt);
  td_stmt_free (stmt);
  for (gsize i = 0; i < G_N_ELEMENTS (audit_tables); i++)
    if (!g_hash_table_contains (present, audit_tables[i].table))
      g_ptr_array_add (found, g_strdup_printf (_("the table %s was missing"),
                                               audit_tables[i].table));
  g_hash_table_iter_init (&it, expected);
  while (g_hash_table_iter_next (&it, &name, &sql))
    {
      const char *have = g_hash_table_lookup (present, name);
      if (have == NULL)
        g_ptr_array_add (found, g_strdup_printf (_("the trigger %s was missing"),
                                                 (const char *) name));
      else if (strcmp (have, sql) != 0)
        g_ptr_array_add (found, g_strdup_printf (_("the trigger %s was changed"),
                                                 (const char *) name));
    }
  if (td_store_prepare_once (self, "SELECT name FROM sqlite_master WHERE type = "
                                   "'trigger'", &stmt) == TD_DB_OK)
    {
      while (td_stmt_step (stmt) == TD_DB_ROW)
        {
          const char *t = td_stmt_text (stmt, 0);
          if (!g_hash_table_contains (expected, t))
            {
              g_ptr_array_add (found, g_strdup_printf (_("the trigger %s is not TrainDesk's"),
                                                       t));
              g_ptr_array_add (stray, g_strdup (t));
            }
        }
      td_stmt_free (stmt);
    }
  if (g_hash_table_contains (present, "audit_pause")
      && td_store_prepare_once (self, "SELECT count(*) FROM audit_pause", &stmt) == TD_DB_OK)
    {
      if (td_stmt_step (stmt) == TD_DB_ROW && (int) td_stmt_int64 (stmt, 0) > 0)
        g_ptr_array_add (found, g_strdup (_("the audit log was paused")));
      td_stmt_free (stmt);
    }
  return found;
}

gboolean
td_store_schema_triggers_ours (TdStore *self)
{
  int version = td_store_get_schema_version (self);
  g_autoptr (GHashTable) expected = NULL;
  TdStmt *stmt = NULL;
  gboolean ours = TRUE;
  TdDbRc rc = TD_DB_DONE;

  if (version < 4)
    return FALSE;   /* no pause before version 4: the triggers log every row */
  expected = expected_triggers (self, version);
  if (td_store_prepare_once (self, "SELECT name, sql FROM sqlite_master WHERE type = "
                                   "'trigger'", &stmt) != TD_DB_OK)
    return FALSE;
  while (ours && (rc = td_stmt_step (stmt)) == TD_DB_ROW)
    ours = g_strcmp0 (g_hash_table_lookup (expected, td_stmt_text (stmt, 0)),
                      td_stmt_text (stmt, 1)) == 0;
  if (ours && rc != TD_DB_DONE)
    ours = FALSE;
  td_stmt_free (stmt);
  return ours;
}

gboolean
td_store_check_audit (TdStore *self, GError **error)
{
  int version = td_store_get_schema_version (self);
  g_autoptr (GHashTable) expected = NULL;
  g_autoptr (GPtrArray) stray = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) damage = NULL;
  g_autofree char *what = NULL;

  if (version < 4)
    return TRUE;
  if (td_store_on_server (self))
    return td_store_pg_check_audit (self, error);
  expected = expected_triggers (self, version);
  damage = audit_damage (self, expected, stray);
  if (damage->len == 0)
    return TRUE;
  g_ptr_array_add (damage, NULL);
  what = g_strjoinv ("; ", (char **) damage->pdata);
  if (!td_store_begin (self, error))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (audit_tables); i++)
    {
      if (sqlite3_table_column_metadata (td_store_db (self), NULL, audit_tables[i].table, NULL,
                                         NULL, NULL, NULL, NULL, NULL) == SQLITE_OK)
        continue;
      if (!td_store_exec (self, audit_tables[i].sql, error))
        goto fail;
    }
  for (guint i = 0; i < stray->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER IF EXISTS \"%s\"",
                                               (const char *) stray->pdata[i]);
      if (!td_store_exec (self, drop, error))
        goto fail;
    }
  if (!td_store_exec (self, "DELETE FROM audit_pause", error)
      || !create_audit_triggers (self, version, error)
      || !td_store_audit_note (self, "repair", what, error))
    goto fail;
  if (!td_store_commit (self, error))
    return FALSE;
  td_store_add_notice (self, g_strdup_printf (
    _("The audit log of %s had been tampered with outside TrainDesk (%s). It was repaired; "
      "“traindesk-cli verify” reports what may have changed meanwhile."),
    td_store_get_path (self), what));
  return TRUE;
fail:
  td_store_rollback (self);
  return FALSE;
}

gboolean
td_store_migrate (TdStore *self, int from, int to, GError **error)
{
  g_return_val_if_fail (from >= 0 && to <= TD_STORE_SCHEMA_VERSION && from <= to, FALSE);

  if (from == to)
    return TRUE;
  if (td_store_on_server (self))
    return td_store_pg_migrate (self, from, to, error);
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
      || !create_audit_triggers (self, to, error)
      || (from < 4 && to >= 4 && !td_store_audit_seal (self, 0, error)))
    {
      td_store_rollback (self);
      return FALSE;
    }
  return td_store_commit (self, error);
}
