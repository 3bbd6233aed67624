/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit log as evidence (schema version 3 on).
 *
 * The database's triggers write an entry for every change (td-store-schema.c); when the app
 * commits, the entries its transaction wrote are sealed: each gets the SHA-256 of the
 * previous sealed entry's hash and its own content, and audit_head keeps the last one.  An
 * entry written outside TrainDesk (another program changing a table fires the same triggers)
 * stays unsealed; an entry edited, removed or cut off breaks the chain or no longer matches
 * the head.  td_store_verify_audit() reports each.
 *
 * A bulk action (a batch marked sent, a lesson marked present, a roster imported) is one
 * entry: td_store_begin_bulk() pauses the per-row triggers (a row in audit_pause, which a
 * trigger logs as the bulk entry) and td_store_commit_bulk() completes that entry with what
 * the action touched. */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-store-private.h"

#define HASH_LEN 32

/* The content of an entry the chain covers, hashed after the previous hash. */
static void
entry_hash (const guint8 prev[HASH_LEN], TdStmt *stmt, guint8 out[HASH_LEN])
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize len = HASH_LEN;

  g_checksum_update (sum, prev, HASH_LEN);
  for (int c = 0; c < 7; c++)
    {
      const guchar *text = (const guchar *) td_stmt_text (stmt, c);
      int n = td_col_bytes (stmt, c);

      /* a field's length before it, so no two entries hash alike by moving a separator */
      g_autofree char *field_len = g_strdup_printf ("%d:", td_stmt_is_null (stmt, c) ? -1 : n);
      g_checksum_update (sum, (const guchar *) field_len, -1);
      if (text != NULL)
        g_checksum_update (sum, text, n);
    }
  g_checksum_get_digest (sum, out, &len);
}

#define ENTRY_COLUMNS "id, at, tbl, row, op, old, new"

/* The head (last sealed entry and its hash); FALSE when there is none. */
static gboolean
read_head (TdStore *self, gint64 *last, guint8 hash[HASH_LEN], GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT last, hash FROM audit_head WHERE id = 1",
                                         error);
  gboolean found = FALSE;
  int rc;

  *last = 0;
  memset (hash, 0, HASH_LEN);
  if (stmt == NULL)
    return FALSE;
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW
      && td_col_bytes (stmt, 1) == HASH_LEN)
    {
      *last = td_stmt_int64 (stmt, 0);
      memcpy (hash, td_col_blob (stmt, 1), HASH_LEN);
      found = TRUE;
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return FALSE;
  return found;
}

gint64
td_store_audit_mark (TdStore *self)
{
  TdStmt *stmt = NULL;
  gint64 mark = 0;

  /* not a cached statement: on opening, the table may be missing until it is repaired (then
   * there is no mark either way).  On a server a statement prepared once costs two more
   * round trips in every transaction: kept there, once the database's version is known. */
  if (td_store_on_server (self) && td_store_get_schema_version (self) >= 4)
    {
      TdStmt *kept = td_store_prepare (self, "SELECT coalesce(max(id), 0) FROM audit", NULL);

      if (kept != NULL && td_stmt_step (kept) == TD_DB_ROW)
        mark = td_stmt_int64 (kept, 0);
      if (kept != NULL)
        td_stmt_reset (kept);
      return mark;
    }
  if (td_store_prepare_once (self, "SELECT coalesce(max(id), 0) FROM audit", &stmt) == TD_DB_OK
      && td_stmt_step (stmt) == TD_DB_ROW)
    mark = td_stmt_int64 (stmt, 0);
  td_stmt_free (stmt);
  return mark;
}

typedef struct
{
  gint64 id;
  guint8 hash[HASH_LEN];
} Sealed;

/* On a server, where every statement is a round trip, the seals and the head in one
 * statement: a transaction that moved a class's records seals dozens of entries. */
static gboolean
write_seals_server (TdStore *self, GArray *sealed, GError **error)
{
  g_autoptr (GString) ids = g_string_new ("{");
  g_autoptr (GString) hashes = g_string_new ("{");
  const Sealed *last = &g_array_index (sealed, Sealed, sealed->len - 1);
  TdStmt *stmt = td_store_prepare (self, "WITH sealed AS (UPDATE audit a "
    "SET hash = decode (v.h, 'hex') FROM unnest (?1::bigint[], ?2::text[]) AS v (id, h) "
    "WHERE a.id = v.id) INSERT INTO audit_head (id, last, hash) VALUES (1, ?3, ?4) "
    "ON CONFLICT (id) DO UPDATE SET last = excluded.last, hash = excluded.hash", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < sealed->len; i++)
    {
      const Sealed *s = &g_array_index (sealed, Sealed, i);

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", s->id);
      g_string_append (hashes, i > 0 ? "," : "");
      for (guint b = 0; b < HASH_LEN; b++)
        g_string_append_printf (hashes, "%02x", s->hash[b]);
    }
  g_string_append_c (ids, '}');
  g_string_append_c (hashes, '}');
  td_bind_text (stmt, 1, ids->str);
  td_bind_text (stmt, 2, hashes->str);
  td_bind_int (stmt, 3, last->id);
  td_stmt_bind_blob (stmt, 4, last->hash, HASH_LEN);
  return td_store_step_done (self, stmt, error);
}

gboolean
td_store_audit_seal (TdStore *self, gint64 after, GError **error)
{
  g_autoptr (GArray) sealed = g_array_new (FALSE, FALSE, sizeof (Sealed));
  g_autoptr (GError) local = NULL;
  gboolean server = td_store_on_server (self);
  guint8 prev[HASH_LEN];
  gint64 last;
  TdStmt *stmt;
  int rc;

  /* on a server every statement is a round trip: the head comes with the entries there */
  if (server)
    memset (prev, 0, HASH_LEN);
  else
    read_head (self, &last, prev, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  stmt = td_store_prepare (self, server ? "SELECT a.id, a.at, a.tbl, a.row, a.op, a.old, a.new, "
                                          "h.hash FROM audit a LEFT JOIN audit_head h "
                                          "ON h.id = 1 WHERE a.id > ? ORDER BY a.id"
                                        : "SELECT " ENTRY_COLUMNS " FROM audit WHERE id > ? "
                                          "ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, after);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      Sealed s = { td_stmt_int64 (stmt, 0) };

      if (server && sealed->len == 0 && td_col_bytes (stmt, 7) == HASH_LEN)
        memcpy (prev, td_col_blob (stmt, 7), HASH_LEN);
      entry_hash (prev, stmt, s.hash);
      memcpy (prev, s.hash, HASH_LEN);
      g_array_append_val (sealed, s);
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return FALSE;
  if (sealed->len == 0)
    return TRUE;
  if (server)
    return write_seals_server (self, sealed, error);
  for (guint i = 0; i < sealed->len; i++)
    {
      Sealed *s = &g_array_index (sealed, Sealed, i);

      stmt = td_store_prepare (self, "UPDATE audit SET hash = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_blob (stmt, 1, s->hash, HASH_LEN);
      td_bind_int (stmt, 2, s->id);
      if (!td_store_step_done (self, stmt, error))
        return FALSE;
    }
  stmt = td_store_prepare (self, "INSERT INTO audit_head (id, last, hash) VALUES (1, ?, ?) "
                                 "ON CONFLICT (id) DO UPDATE SET last = excluded.last, "
                                 "hash = excluded.hash", error);
  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, g_array_index (sealed, Sealed, sealed->len - 1).id);
  td_stmt_bind_blob (stmt, 2, g_array_index (sealed, Sealed, sealed->len - 1).hash, HASH_LEN);
  return td_store_step_done (self, stmt, error);
}

gboolean
td_store_audit_note (TdStore *self, const char *what, const char *message, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, TD_SQL (self,
    "INSERT INTO audit (at, tbl, op, new) VALUES "
    "(strftime('%Y-%m-%dT%H:%M:%S','now','localtime'), 'audit', ?, json_object('notice', ?))",
    "INSERT INTO audit (at, tbl, op, new) VALUES (to_char (statement_timestamp (), "
    "'YYYY-MM-DD\"T\"HH24:MI:SS'), 'audit', ?, '{\"notice\":' || to_json (?::text)::text || '}')"),
    error);

  if (stmt == NULL)
    return FALSE;
  td_bind_text (stmt, 1, what);
  td_bind_text (stmt, 2, message);
  return td_store_step_done (self, stmt, error);
}

/* ---- verification ---- */

static void
add_problem (GPtrArray *problems, char *message)
{
  TdVerifyProblem *p = g_new0 (TdVerifyProblem, 1);

  p->message = message;
  g_ptr_array_add (problems, p);
}

#define MAX_OUTSIDE 20

GPtrArray *
td_store_verify_audit (TdStore *self, GError **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                    td_verify_problem_free);
  g_autoptr (GError) local = NULL;
  guint8 prev[HASH_LEN] = { 0 }, head_hash[HASH_LEN];
  gint64 head_last = 0, last_sealed = 0, n_entries = 0, outside = 0;
  gboolean has_head, broken = FALSE;
  TdStmt *stmt;
  int rc;

  has_head = read_head (self, &head_last, head_hash, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  stmt = td_store_prepare (self, "SELECT " ENTRY_COLUMNS ", hash FROM audit ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      gint64 id = td_stmt_int64 (stmt, 0);
      guint8 mine[HASH_LEN];

      n_entries++;
      if (td_stmt_is_null (stmt, 7))
        {
          if (outside++ < MAX_OUTSIDE)
            add_problem (problems, g_strdup_printf (
              _("the audit log has an entry TrainDesk did not write: %s of %s row %lld at %s "
                "(a change made outside TrainDesk)"), td_stmt_text (stmt, 4),
              td_stmt_text (stmt, 2),
              (long long) td_stmt_int64 (stmt, 3),
              td_stmt_text (stmt, 1)));
          continue;
        }
      entry_hash (prev, stmt, mine);
      if (td_col_bytes (stmt, 7) != HASH_LEN
          || memcmp (mine, td_col_blob (stmt, 7), HASH_LEN) != 0)
        {
          if (!broken)
            add_problem (problems, g_strdup_printf (
              _("the audit log does not verify at entry %lld: that entry or the one before it "
                "was changed or removed outside TrainDesk"), (long long) id));
          broken = TRUE;   /* one break is reported once, not at every later entry */
        }
      if (td_col_bytes (stmt, 7) == HASH_LEN)
        memcpy (prev, td_col_blob (stmt, 7), HASH_LEN);
      last_sealed = id;
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  if (outside > MAX_OUTSIDE)
    add_problem (problems, g_strdup_printf (
      _("%lld more audit entries were written outside TrainDesk"),
      (long long) (outside - MAX_OUTSIDE)));
  if (!has_head && last_sealed > 0)
    add_problem (problems, g_strdup (_("the audit log's head is missing: it was removed "
                                       "outside TrainDesk")));
  else if (has_head && n_entries == 0)
    add_problem (problems, g_strdup (_("the audit log is empty: it was emptied or dropped "
                                       "outside TrainDesk")));
  else if (has_head && (head_last != last_sealed || memcmp (head_hash, prev, HASH_LEN) != 0))
    add_problem (problems, g_strdup_printf (
      _("the audit log ends at entry %lld but TrainDesk last wrote entry %lld: it was cut or "
        "edited outside TrainDesk"), (long long) last_sealed, (long long) head_last));
  return g_steal_pointer (&problems);
}

/* ---- bulk actions ---- */

void
td_json_append_string (GString *json, const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (json, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (json, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

gboolean
td_store_begin_bulk (TdStore *self, const char *action, const char *table, gint64 class_id,
                     GError **error)
{
  TdStmt *stmt;

  g_return_val_if_fail (TD_IS_STORE (self) && action != NULL, FALSE);
  if (!td_store_begin (self, error))
    return FALSE;
  if (td_store_bulk_depth (self) > 0 || td_store_get_schema_version (self) < 3)
    return TRUE;   /* nested: the outer action's entry covers it */
  stmt = td_store_prepare (self, TD_SQL (self,
    "INSERT INTO audit_pause (id, what) VALUES (1, "
    "json_object('action', ?, 'table', ?, 'class_id', ?))",
    /* as SQLite's json_object () prints it */
    "INSERT INTO audit_pause (id, what) VALUES (1, '{\"action\":' || "
    "coalesce (to_json (?::text)::text, 'null') || ',\"table\":' || "
    "coalesce (to_json (?::text)::text, 'null') || ',\"class_id\":' || "
    "coalesce (?::bigint::text, 'null') || '}')"), error);
  if (stmt != NULL)
    {
      td_bind_text (stmt, 1, action);
      td_bind_text (stmt, 2, table);
      td_bind_int_or_null (stmt, 3, class_id, 0);
    }
  if (stmt == NULL || !td_store_step_done (self, stmt, error))
    {
      td_store_rollback (self);
      return FALSE;
    }
  td_store_bulk_started (self, td_store_audit_mark (self));
  return TRUE;
}

gboolean
td_store_commit_bulk (TdStore *self, const char *details, GError **error)
{
  gint64 entry = td_store_bulk_entry (self);
  const char *sql;
  TdStmt *stmt;

  g_return_val_if_fail (TD_IS_STORE (self), FALSE);
  if (entry == 0 || details == NULL)
    sql = NULL;
  else if (td_store_depth (self) == td_store_bulk_depth (self))
    /* the trigger on audit_pause wrote the entry; what the action touched completes it
     * (on a server as SQLite's json_patch () prints it: the details' keys are new ones) */
    sql = TD_SQL (self, "UPDATE audit SET new = json_patch(new, ?) WHERE id = ?",
                  "UPDATE audit SET new = CASE WHEN new = '{}' THEN ?1 "
                  "ELSE left (new, -1) || ',' || substr (?1, 2) END WHERE id = ?2");
  else
    /* nested in another bulk action: its entry lists this one too (on a server: "parts"
     * is the last key, as only the parts come before the outer action's own details) */
    sql = TD_SQL (self, "UPDATE audit SET new = json_set(new, '$.parts', json_insert(coalesce("
                  "json_extract(new, '$.parts'), '[]'), '$[#]', json(?))) WHERE id = ?",
                  "UPDATE audit SET new = CASE WHEN position ('\"parts\":[' IN new) = 0 "
                  "THEN left (new, -1) || ',\"parts\":[' || ?1 || ']}' "
                  "ELSE left (new, -2) || ',' || ?1 || ']}' END WHERE id = ?2");
  if (sql != NULL)
    {
      stmt = td_store_prepare (self, sql, error);
      if (stmt == NULL)
        goto fail;
      td_bind_text (stmt, 1, details);
      td_bind_int (stmt, 2, entry);
      if (!td_store_step_done (self, stmt, error))
        goto fail;
    }
  if (entry > 0 && td_store_depth (self) == td_store_bulk_depth (self))
    {
      if (!td_store_exec (self, "DELETE FROM audit_pause", error))
        goto fail;
      td_store_bulk_started (self, 0);
    }
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}
