/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdStore: assessment results, follow-ups, claims, the packet log, the audit log,
 * verification and backups. */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/td-file.h"
#include "core/td-store-private.h"

#ifndef O_BINARY
#define O_BINARY 0
#endif

static gboolean
finish_write (TdStore *self, gboolean ok, const char *table, gint64 row, GError **error)
{
  if (!ok)
    {
      td_store_rollback (self);
      return FALSE;
    }
  td_store_note_change (self, table, row);
  return td_store_commit (self, error);
}

static gboolean
delete_by_id (TdStore *self, const char *sql, const char *table, gint64 id, GError **error)
{
  TdStmt *stmt;

  if (!td_store_begin (self, error))
    return FALSE;
  stmt = td_store_prepare (self, sql, error);
  if (stmt != NULL)
    td_bind_int (stmt, 1, id);
  return finish_write (self, stmt != NULL && td_store_step_done (self, stmt, error), table, id,
                       error);
}

/* ---- results ---- */

GPtrArray *
td_store_list_results (TdStore *self, gint64 class_id, GError **error)
{
  int rc;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_result_free);
  TdStmt *stmt = td_store_prepare (self,
    "SELECT r.id, r.class_id, r.trainee_id, t.id_number, r.theory, r.practice, r.outcome, "
    "r.retake, r.cert_type, r.cert_level, r.cert_number, r.cert_issued, r.cert_issuer "
    "FROM result r JOIN trainee t ON t.id = r.trainee_id "
    "LEFT JOIN enrolment e ON e.class_id = r.class_id AND e.trainee_id = r.trainee_id "
    "WHERE r.class_id = ? ORDER BY e.position, r.id", error);

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      TdResult *r = td_result_new ();
      r->id = td_stmt_int64 (stmt, 0);
      r->class_id = td_stmt_int64 (stmt, 1);
      r->trainee_id = td_stmt_int64 (stmt, 2);
      td_col_copy (stmt, 3, r->id_number, sizeof r->id_number);
      r->theory = (int) td_col_int_or (stmt, 4, -1);
      r->practice = (int) td_col_int_or (stmt, 5, -1);
      r->outcome = (int) td_stmt_int64 (stmt, 6);
      r->retake = (int) td_stmt_int64 (stmt, 7);
      r->cert_type = (int) td_col_int_or (stmt, 8, 0);
      r->cert_level = (int) td_col_int_or (stmt, 9, 0);
      r->cert_number = td_col_dup (stmt, 10);
      td_col_copy (stmt, 11, r->cert_issued, sizeof r->cert_issued);
      r->cert_issuer = td_col_dup (stmt, 12);
      g_ptr_array_add (list, r);
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
td_store_save_result (TdStore *self, TdResult *r, GError **error)
{
  TdStmt *stmt;
  gboolean ok;
  g_autoptr (TdEnrolment) e = td_store_get_enrolment (self, r->class_id, r->trainee_id, error);

  if (e == NULL)
    {
      g_prefix_error (error, "R-ASM-001: ");
      return FALSE;
    }
  if (r->outcome < 1 || r->outcome > 3 || (r->outcome == 1) != (r->cert_type != 0))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("%s: a passed result carries its certificate; a failed or absent one "
                     "carries none (R-ASM-002)."), e->trainee.name);
      return FALSE;
    }
  if (!td_store_begin (self, error))
    return FALSE;
  stmt = td_store_prepare (self,
    "INSERT INTO result (class_id, trainee_id, theory, practice, outcome, retake, cert_type, "
    "cert_level, cert_number, cert_issued, cert_issuer) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
    "ON CONFLICT (class_id, trainee_id) DO UPDATE SET theory = excluded.theory, "
    "practice = excluded.practice, outcome = excluded.outcome, retake = excluded.retake, "
    "cert_type = excluded.cert_type, cert_level = excluded.cert_level, "
    "cert_number = excluded.cert_number, cert_issued = excluded.cert_issued, "
    "cert_issuer = excluded.cert_issuer RETURNING id", error);
  ok = stmt != NULL;
  if (ok)
    {
      td_bind_int (stmt, 1, r->class_id);
      td_bind_int (stmt, 2, r->trainee_id);
      td_bind_int_or_null (stmt, 3, r->theory, -1);
      td_bind_int_or_null (stmt, 4, r->practice, -1);
      td_bind_int (stmt, 5, r->outcome);
      td_bind_int (stmt, 6, r->retake);
      td_bind_int_or_null (stmt, 7, r->cert_type, 0);
      td_bind_int_or_null (stmt, 8, r->cert_type != 0 ? r->cert_level : -1, -1);
      td_bind_text (stmt, 9, r->cert_number);
      td_bind_text (stmt, 10, r->cert_issued);
      td_bind_text (stmt, 11, r->cert_issuer);
      ok = td_stmt_step (stmt) == TD_DB_ROW;
      if (ok)
        r->id = td_stmt_int64 (stmt, 0);
      else
        td_store_set_error (self, td_db_last_error (td_store_conn (self)), error, NULL);
      td_stmt_reset (stmt);
    }
  return finish_write (self, ok, "result", r->id, error);
}

gboolean
td_store_delete_result (TdStore *self, gint64 result_id, GError **error)
{
  return delete_by_id (self, "DELETE FROM result WHERE id = ?", "result", result_id, error);
}

/* ---- follow-ups ---- */

GPtrArray *
td_store_list_follow_ups (TdStore *self, gint64 class_id, GError **error)
{
  int rc;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_follow_up_free);
  TdStmt *stmt = td_store_prepare (self,
    "SELECT f.id, f.class_id, f.trainee_id, t.id_number, f.checked, f.status, "
    "f.employer_credit_code, f.employer_name, f.since, f.proof, f.monthly_wage "
    "FROM follow_up f JOIN trainee t ON t.id = f.trainee_id "
    "LEFT JOIN enrolment e ON e.class_id = f.class_id AND e.trainee_id = f.trainee_id "
    "WHERE f.class_id = ? ORDER BY f.checked, e.position, f.id", error);

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      TdFollowUp *f = td_follow_up_new ();
      f->id = td_stmt_int64 (stmt, 0);
      f->class_id = td_stmt_int64 (stmt, 1);
      f->trainee_id = td_stmt_int64 (stmt, 2);
      td_col_copy (stmt, 3, f->id_number, sizeof f->id_number);
      td_col_copy (stmt, 4, f->checked, sizeof f->checked);
      f->status = (int) td_stmt_int64 (stmt, 5);
      f->employer_credit_code = td_col_dup (stmt, 6);
      f->employer_name = td_col_dup (stmt, 7);
      td_col_copy (stmt, 8, f->since, sizeof f->since);
      f->proof = (int) td_col_int_or (stmt, 9, 0);
      f->monthly_wage = td_col_int_or (stmt, 10, -1);
      g_ptr_array_add (list, f);
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
td_store_save_follow_up (TdStore *self, TdFollowUp *f, GError **error)
{
  TdStmt *stmt;
  gboolean ok;
  g_autoptr (TdEnrolment) e = td_store_get_enrolment (self, f->class_id, f->trainee_id, error);

  if (e == NULL)
    {
      g_prefix_error (error, "R-EMP-001: ");
      return FALSE;
    }
  if (td_day_from_iso (f->checked) == 0)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("A follow-up needs the date it was checked."));
      return FALSE;
    }
  if (!td_store_begin (self, error))
    return FALSE;
  if (f->id != 0)
    stmt = td_store_prepare (self, "UPDATE follow_up SET checked=?, status=?, "
      "employer_credit_code=?, employer_name=?, since=?, proof=?, monthly_wage=? "
      "WHERE class_id=? AND trainee_id=? AND id=?", error);
  else
    stmt = td_store_prepare (self, "INSERT INTO follow_up (checked, status, employer_credit_code, "
      "employer_name, since, proof, monthly_wage, class_id, trainee_id) VALUES (?,?,?,?,?,?,?,?,?) "
      "ON CONFLICT (class_id, trainee_id, checked) DO UPDATE SET status = excluded.status, "
      "employer_credit_code = excluded.employer_credit_code, "
      "employer_name = excluded.employer_name, since = excluded.since, proof = excluded.proof, "
      "monthly_wage = excluded.monthly_wage", error);
  ok = stmt != NULL;
  if (ok)
    {
      td_bind_text (stmt, 1, f->checked);
      td_bind_int (stmt, 2, f->status);
      td_bind_text (stmt, 3, f->employer_credit_code);
      td_bind_text (stmt, 4, f->employer_name);
      td_bind_text (stmt, 5, f->since);
      td_bind_int_or_null (stmt, 6, f->proof, 0);
      td_bind_int_or_null (stmt, 7, f->monthly_wage, -1);
      td_bind_int (stmt, 8, f->class_id);
      td_bind_int (stmt, 9, f->trainee_id);
      if (f->id != 0)
        td_bind_int (stmt, 10, f->id);
      ok = td_store_step_done (self, stmt, error);
      if (ok && f->id == 0)
        f->id = td_store_last_insert_id (self, "follow_up");
    }
  return finish_write (self, ok, "follow_up", f->id, error);
}

gboolean
td_store_delete_follow_up (TdStore *self, gint64 follow_up_id, GError **error)
{
  return delete_by_id (self, "DELETE FROM follow_up WHERE id = ?", "follow_up", follow_up_id,
                       error);
}

/* ---- claims ---- */

static gboolean
insert_claim_lines (TdStore *self, TdClaim *c, GError **error)
{
  for (guint i = 0; i < c->lines->len; i++)
    {
      TdClaimLine *l = g_ptr_array_index (c->lines, i);
      TdStmt *stmt = td_store_prepare (self, "INSERT INTO claim_line (claim_id, trainee_id, "
        "certificate, level, attendance_rate, standard, uplift, amount, bank, account, approved) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?)", error);
      if (stmt == NULL)
        return FALSE;
      td_bind_int (stmt, 1, c->id);
      td_bind_int (stmt, 2, l->trainee_id);
      td_bind_int (stmt, 3, l->certificate);
      td_bind_int (stmt, 4, l->level);
      td_bind_int (stmt, 5, l->attendance_rate);
      td_bind_int (stmt, 6, l->standard);
      td_bind_int (stmt, 7, l->uplift);
      td_bind_int (stmt, 8, l->amount);
      td_bind_text (stmt, 9, l->bank);
      td_bind_text (stmt, 10, l->account);
      td_bind_int_or_null (stmt, 11, l->approved, -1);
      if (!td_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
td_store_save_claim (TdStore *self, TdClaim *c, GError **error)
{
  TdStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (TD_IS_STORE (self) && c != NULL && c->packet_id != NULL, FALSE);
  if (!td_store_begin (self, error))
    return FALSE;
  stmt = td_store_prepare (self, "INSERT INTO claim (class_id, packet_id, catalog_version, "
    "payee_type, account_name, bank, account, signed_by, date, count, total, approved) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", error);
  ok = stmt != NULL;
  if (ok)
    {
      td_bind_int (stmt, 1, c->class_id);
      td_bind_text (stmt, 2, c->packet_id);
      td_bind_text (stmt, 3, c->catalog_version);
      td_bind_int (stmt, 4, c->payee_type);
      td_bind_text (stmt, 5, c->account_name);
      td_bind_text (stmt, 6, c->bank);
      td_bind_text (stmt, 7, c->account);
      td_bind_text (stmt, 8, c->signed_by);
      td_bind_text (stmt, 9, c->date);
      td_bind_int (stmt, 10, c->count);
      td_bind_int (stmt, 11, c->total);
      td_bind_int_or_null (stmt, 12, c->approved, -1);
      ok = td_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      c->id = td_store_last_insert_id (self, "claim");
      ok = insert_claim_lines (self, c, error);
    }
  return finish_write (self, ok, "claim", c->id, error);
}

static gboolean
load_claim_lines (TdStore *self, TdClaim *c, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT l.trainee_id, t.id_number, l.certificate, "
    "l.level, l.attendance_rate, l.standard, l.uplift, l.amount, l.bank, l.account, l.approved "
    "FROM claim_line l JOIN trainee t ON t.id = l.trainee_id WHERE l.claim_id = ? ORDER BY l.id",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, c->id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      TdClaimLine *l = td_claim_line_new ();
      l->trainee_id = td_stmt_int64 (stmt, 0);
      td_col_copy (stmt, 1, l->id_number, sizeof l->id_number);
      l->certificate = (int) td_stmt_int64 (stmt, 2);
      l->level = (int) td_stmt_int64 (stmt, 3);
      l->attendance_rate = (int) td_stmt_int64 (stmt, 4);
      l->standard = td_stmt_int64 (stmt, 5);
      l->uplift = td_stmt_int64 (stmt, 6);
      l->amount = td_stmt_int64 (stmt, 7);
      l->bank = td_col_dup (stmt, 8);
      l->account = td_col_dup (stmt, 9);
      l->approved = td_col_int_or (stmt, 10, -1);
      g_ptr_array_add (c->lines, l);
    }
  return td_store_read_end (self, stmt, rc, error);
}

#define CLAIM_SELECT \
  "SELECT id, class_id, packet_id, catalog_version, payee_type, account_name, bank, account, " \
  "signed_by, date, count, total, approved FROM claim "

static TdClaim *
claim_from_row (TdStmt *stmt)
{
  TdClaim *c = td_claim_new ();

  c->id = td_stmt_int64 (stmt, 0);
  c->class_id = td_stmt_int64 (stmt, 1);
  c->packet_id = td_col_dup (stmt, 2);
  c->catalog_version = td_col_dup (stmt, 3);
  c->payee_type = (int) td_stmt_int64 (stmt, 4);
  c->account_name = td_col_dup (stmt, 5);
  c->bank = td_col_dup (stmt, 6);
  c->account = td_col_dup (stmt, 7);
  c->signed_by = td_col_dup (stmt, 8);
  td_col_copy (stmt, 9, c->date, sizeof c->date);
  c->count = (int) td_stmt_int64 (stmt, 10);
  c->total = td_stmt_int64 (stmt, 11);
  c->approved = td_col_int_or (stmt, 12, -1);
  return c;
}

GPtrArray *
td_store_list_claims (TdStore *self, gint64 class_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_claim_free);
  TdStmt *stmt = td_store_prepare (self, CLAIM_SELECT "WHERE class_id = ? ORDER BY id",
                                         error);
  int rc;

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    g_ptr_array_add (list, claim_from_row (stmt));
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  for (guint i = 0; i < list->len; i++)
    if (!load_claim_lines (self, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

TdClaim *
td_store_get_claim_by_packet (TdStore *self, const char *packet_id, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, CLAIM_SELECT "WHERE packet_id = ?", error);
  g_autoptr (TdClaim) c = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, packet_id);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    c = claim_from_row (stmt);
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  if (c != NULL && !load_claim_lines (self, c, error))
    return NULL;
  return g_steal_pointer (&c);
}

gboolean
td_store_set_claim_approved (TdStore *self, const char *packet_id, TdFen total,
                             GHashTable *approved, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (TdClaim) c = td_store_get_claim_by_packet (self, packet_id, &local);
  TdStmt *stmt;
  gboolean ok = TRUE;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (c == NULL)
    return TRUE;  /* a claim packet logged without its lines (imported): nothing to apply */
  if (!td_store_begin (self, error))
    return FALSE;
  stmt = td_store_prepare (self, "UPDATE claim SET approved = ? WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      td_bind_int (stmt, 1, total);
      td_bind_int (stmt, 2, c->id);
      ok = td_store_step_done (self, stmt, error);
    }
  for (guint i = 0; ok && i < c->lines->len; i++)
    {
      TdClaimLine *l = g_ptr_array_index (c->lines, i);
      TdFen *fen = approved != NULL ? g_hash_table_lookup (approved, l->id_number) : NULL;
      stmt = td_store_prepare (self, "UPDATE claim_line SET approved = ? WHERE claim_id = ? "
                                     "AND trainee_id = ?", error);
      ok = stmt != NULL;
      if (!ok)
        break;
      td_bind_int (stmt, 1, approved == NULL ? l->amount : fen != NULL ? *fen : 0);
      td_bind_int (stmt, 2, c->id);
      td_bind_int (stmt, 3, l->trainee_id);
      ok = td_store_step_done (self, stmt, error);
    }
  return finish_write (self, ok, "claim", c->id, error);
}

void
td_subsidy_history_free (TdSubsidyHistory *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->class_code);
  g_free (entry->item_code);
  g_free (entry);
}

GPtrArray *
td_store_list_subsidy_history (TdStore *self, gint64 trainee_id, gint64 exclude_class_id, GError **error)
{
  int rc;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_subsidy_history_free);
  TdStmt *stmt = td_store_prepare (self,
    "SELECT k.code, k.item_code, l.certificate, l.level, k.end_date, "
    "coalesce(l.approved, l.amount) FROM claim_line l JOIN claim c ON c.id = l.claim_id "
    "JOIN packet p ON p.id = c.packet_id JOIN class k ON k.id = c.class_id "
    "WHERE l.trainee_id = ? AND c.class_id != ? AND p.status IN ('accepted', "
    "'accepted_with_warnings') AND coalesce(l.approved, l.amount) > 0 "
    "AND NOT EXISTS (SELECT 1 FROM packet q WHERE q.supersedes = p.id AND q.status IN "
    "('accepted', 'accepted_with_warnings')) ORDER BY k.end_date", error);

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, trainee_id);
  td_bind_int (stmt, 2, exclude_class_id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      TdSubsidyHistory *h = g_new0 (TdSubsidyHistory, 1);
      h->class_code = td_col_dup (stmt, 0);
      h->item_code = td_col_dup (stmt, 1);
      h->certificate = (int) td_stmt_int64 (stmt, 2);
      h->level = (int) td_stmt_int64 (stmt, 3);
      td_col_copy (stmt, 4, h->end_date, sizeof h->end_date);
      h->approved = td_stmt_int64 (stmt, 5);
      g_ptr_array_add (list, h);
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* ---- packet log ---- */

static gboolean
status_from_token (const char *token, TdPacketStatus *status)
{
  for (int s = TD_PACKET_DRAFT; s <= TD_PACKET_WRITING; s++)
    if (g_strcmp0 (token, td_packet_status_token ((TdPacketStatus) s)) == 0)
      {
        *status = (TdPacketStatus) s;
        return TRUE;
      }
  return FALSE;
}

gboolean
td_store_log_packet (TdStore *self, const TdPacketLog *log, GBytes *content, GError **error)
{
  TdStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (TD_IS_STORE (self) && log != NULL && content != NULL, FALSE);
  if (!td_store_begin (self, error))
    return FALSE;
  /* on a server, other desks see the export running for as long as this desk holds this */
  ok = log->status != TD_PACKET_WRITING || td_store_export_lock_take (self, log->id, error);
  stmt = ok ? td_store_prepare (self, "INSERT INTO packet (id, kind, class_id, year, quarter, "
    "created, digest, file, status, supersedes) VALUES (?,?,?,?,?,?,?,?,?,?)", error) : NULL;
  ok = stmt != NULL;
  if (ok)
    {
      td_bind_text (stmt, 1, log->id);
      td_bind_text (stmt, 2, td_packet_kind_token (log->kind));
      td_bind_int_or_null (stmt, 3, log->class_id, 0);
      td_bind_int_or_null (stmt, 4, log->year, 0);
      td_bind_int_or_null (stmt, 5, log->quarter, 0);
      td_bind_text (stmt, 6, log->created);
      td_bind_text (stmt, 7, log->digest);
      td_bind_text (stmt, 8, log->file);
      td_bind_text (stmt, 9, td_packet_status_token (log->status));
      td_bind_text (stmt, 10, log->supersedes);
      ok = td_store_step_done (self, stmt, error);
    }
  /* the bytes apart: the packet row changes later, they never do */
  if (ok)
    ok = (stmt = td_store_prepare (self, "INSERT INTO packet_content (packet_id, content) "
                                         "VALUES (?, ?)", error)) != NULL;
  if (ok)
    {
      td_bind_text (stmt, 1, log->id);
      td_stmt_bind_blob (stmt, 2, g_bytes_get_data (content, NULL),
                         (int) g_bytes_get_size (content));
      ok = td_store_step_done (self, stmt, error);
    }
  return finish_write (self, ok, "packet", 0, error);
}

#define PACKET_SELECT \
  "SELECT p.id, p.kind, coalesce(p.class_id, 0), k.code, coalesce(p.year, 0), " \
  "coalesce(p.quarter, 0), p.created, p.digest, p.file, p.status, p.supersedes, p.filing_no, " \
  "p.approved, p.received, p.issued FROM packet p LEFT JOIN class k ON k.id = p.class_id "

static TdPacketLog *
packet_from_row (TdStmt *stmt)
{
  TdPacketLog *log = td_packet_log_new ();

  td_col_copy (stmt, 0, log->id, sizeof log->id);
  td_packet_kind_from_string (td_stmt_text (stmt, 1), &log->kind);
  log->class_id = td_stmt_int64 (stmt, 2);
  log->class_code = td_col_dup (stmt, 3);
  log->year = (int) td_stmt_int64 (stmt, 4);
  log->quarter = (int) td_stmt_int64 (stmt, 5);
  td_col_copy (stmt, 6, log->created, sizeof log->created);
  td_col_copy (stmt, 7, log->digest, sizeof log->digest);
  log->file = td_col_dup (stmt, 8);
  status_from_token (td_stmt_text (stmt, 9), &log->status);
  log->supersedes = td_col_dup (stmt, 10);
  log->filing_no = td_col_dup (stmt, 11);
  log->approved = td_col_int_or (stmt, 12, -1);
  td_col_copy (stmt, 13, log->received, sizeof log->received);
  td_col_copy (stmt, 14, log->issued, sizeof log->issued);
  return log;
}

static GBytes *
blob_of (TdStmt *stmt, int column)
{
  if (td_stmt_is_null (stmt, column))
    return NULL;
  return g_bytes_new (td_col_blob (stmt, column), td_col_bytes (stmt, column));
}

static GPtrArray *
load_issues (TdStore *self, const char *packet_id)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) td_packet_issue_free);
  TdStmt *stmt = td_store_prepare (self, "SELECT rule, severity, ref, message FROM "
                                         "packet_issue WHERE packet_id = ? ORDER BY id",
                                         NULL);

  td_bind_text (stmt, 1, packet_id);
  while (td_stmt_step (stmt) == TD_DB_ROW)
    {
      TdPacketIssue *i = g_new0 (TdPacketIssue, 1);
      i->rule = td_col_dup (stmt, 0);
      i->severity = td_col_dup (stmt, 1);
      i->ref = td_col_dup (stmt, 2);
      i->message = td_col_dup (stmt, 3);
      g_ptr_array_add (issues, i);
    }
  td_stmt_reset (stmt);
  return issues;
}

TdPacketLog *
td_store_get_packet (TdStore *self, const char *packet_id, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT c.content, p.receipt FROM packet p "
                                         "JOIN packet_content c ON c.packet_id = p.id "
                                         "WHERE p.id = ?", error);
  g_autoptr (GBytes) content = NULL;
  g_autoptr (GBytes) receipt = NULL;
  TdPacketLog *log = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, packet_id);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      content = blob_of (stmt, 0);
      receipt = blob_of (stmt, 1);
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  if (content == NULL)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND,
                   _("No packet with the id %s was written by this database."), packet_id);
      return NULL;
    }
  stmt = td_store_prepare (self, PACKET_SELECT "WHERE p.id = ?", error);
  td_bind_text (stmt, 1, packet_id);
  if (td_stmt_step (stmt) == TD_DB_ROW)
    log = packet_from_row (stmt);
  td_stmt_reset (stmt);
  log->content = g_steal_pointer (&content);
  log->receipt = g_steal_pointer (&receipt);
  log->issues = load_issues (self, packet_id);
  return log;
}

/* Packets of one second in the order they were logged: SQLite's rowid.  A server table has
 * no rowid: packets logged in one second are listed in the order of their ids there. */
#define PACKET_SQL(self, head, tail) \
  TD_SQL (self, PACKET_SELECT head "p.rowid DESC" tail, PACKET_SELECT head "p.id DESC" tail)

GPtrArray *
td_store_list_packets (TdStore *self, gint64 class_id, GError **error)
{
  int rc;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_packet_log_free);
  TdStmt *stmt = td_store_prepare (self, PACKET_SQL (self,
    "WHERE ?1 = 0 OR p.class_id = ?1 ORDER BY p.created DESC, ", ""), error);

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    g_ptr_array_add (list, packet_from_row (stmt));
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

TdPacketLog *
td_store_latest_packet (TdStore *self, TdPacketKind kind, gint64 class_id, int year, int quarter,
                        GError **error)
{
  TdStmt *stmt = td_store_prepare (self, PACKET_SQL (self, "WHERE p.kind = ? AND "
    "coalesce(p.class_id, 0) = ? AND coalesce(p.year, 0) = ? AND coalesce(p.quarter, 0) = ? "
    "ORDER BY p.created DESC, ", " LIMIT 1"), error);
  TdPacketLog *log = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, td_packet_kind_token (kind));
  td_bind_int (stmt, 2, class_id);
  td_bind_int (stmt, 3, year);
  td_bind_int (stmt, 4, quarter);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    log = packet_from_row (stmt);
  if (!td_store_read_end (self, stmt, rc, error))
    g_clear_pointer (&log, td_packet_log_free);
  return log;
}

gboolean
td_store_set_packet_file (TdStore *self, const char *packet_id, const char *file,
                          GError **error)
{
  TdStmt *stmt;

  if (!td_store_begin (self, error))
    return FALSE;
  stmt = td_store_prepare (self, "UPDATE packet SET file = ? WHERE id = ?", error);
  if (stmt != NULL)
    {
      td_bind_text (stmt, 1, file);
      td_bind_text (stmt, 2, packet_id);
    }
  return finish_write (self, stmt != NULL && td_store_step_done (self, stmt, error), "packet", 0,
                       error);
}

static gboolean
insert_issues (TdStore *self, const char *packet_id, GPtrArray *issues, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "DELETE FROM packet_issue WHERE packet_id = ?",
                                         error);

  if (stmt == NULL)
    return FALSE;
  td_bind_text (stmt, 1, packet_id);
  if (!td_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      TdPacketIssue *issue = g_ptr_array_index (issues, i);
      stmt = td_store_prepare (self, "INSERT INTO packet_issue (packet_id, rule, severity, ref, "
                                     "message) VALUES (?,?,?,?,?)", error);
      if (stmt == NULL)
        return FALSE;
      td_bind_text (stmt, 1, packet_id);
      td_bind_text (stmt, 2, issue->rule);
      td_bind_text (stmt, 3, issue->severity);
      td_bind_text (stmt, 4, issue->ref);
      td_stmt_bind_text (stmt, 5, issue->message != NULL ? issue->message : "");
      if (!td_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
td_store_set_packet_receipt (TdStore *self, const char *packet_id, TdPacketStatus status,
                             const char *received, const char *issued, const char *filing_no,
                             TdFen approved, GPtrArray *issues, GBytes *receipt, GError **error)
{
  TdStmt *stmt;
  gboolean ok;

  if (!td_store_begin (self, error))
    return FALSE;
  stmt = td_store_prepare (self, "UPDATE packet SET status = ?, received = ?, issued = ?, "
                                 "filing_no = ?, approved = ?, receipt = ? WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      td_bind_text (stmt, 1, td_packet_status_token (status));
      td_bind_text (stmt, 2, received);
      td_bind_text (stmt, 3, issued);
      td_bind_text (stmt, 4, filing_no);
      td_bind_int_or_null (stmt, 5, approved, -1);
      if (receipt != NULL)
        td_stmt_bind_blob (stmt, 6, g_bytes_get_data (receipt, NULL),
                           (int) g_bytes_get_size (receipt));
      td_bind_text (stmt, 7, packet_id);
      ok = td_store_step_done (self, stmt, error)
           && (int) td_db_changes (td_store_conn (self)) == 1;
      if (!ok && error != NULL && *error == NULL)
        g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND,
                     _("No packet with the id %s was written by this database."), packet_id);
    }
  ok = ok && insert_issues (self, packet_id, issues, error);
  return finish_write (self, ok, "packet", 0, error);
}

/* ---- audit ---- */

GPtrArray *
td_store_list_audit (TdStore *self, const char *table, gint64 row, int limit, GError **error)
{
  int rc;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_audit_entry_free);
  /* who: a server's column only (td-store-schema-pg.c) */
  TdStmt *stmt = td_store_prepare (self, td_store_on_server (self)
    ? "SELECT id, at, tbl, row, op, old, new, who FROM audit "
      "WHERE (CAST(?1 AS TEXT) IS NULL OR tbl = ?1) AND (?2 = 0 OR row = ?2) ORDER BY id DESC LIMIT ?3"
    : "SELECT id, at, tbl, row, op, old, new, NULL FROM audit "
      "WHERE (CAST(?1 AS TEXT) IS NULL OR tbl = ?1) AND (?2 = 0 OR row = ?2) ORDER BY id DESC LIMIT ?3",
    error);

  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, table);
  td_bind_int (stmt, 2, row);
  td_bind_int (stmt, 3, limit > 0 ? limit : G_MAXINT);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      TdAuditEntry *e = g_new0 (TdAuditEntry, 1);
      e->id = td_stmt_int64 (stmt, 0);
      e->at = td_col_dup (stmt, 1);
      e->table_name = td_col_dup (stmt, 2);
      e->row = td_stmt_int64 (stmt, 3);
      e->op = td_col_dup (stmt, 4);
      e->old_values = td_col_dup (stmt, 5);
      e->new_values = td_col_dup (stmt, 6);
      e->who = td_col_dup (stmt, 7);
      g_ptr_array_add (list, e);
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* ---- verify and backup ---- */

void
td_verify_problem_free (TdVerifyProblem *p)
{
  if (p == NULL)
    return;
  g_free (p->class_code);
  g_free (p->lid);
  g_free (p->id_number);
  g_free (p->message);
  g_free (p);
}

GPtrArray *
td_store_verify (TdStore *self, GError **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  TdStmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_STORE (self), NULL);
  /* a server checks its own pages; the chains and the audit log are ours to check */
  rc = td_store_prepare_once (self, TD_SQL (self, "PRAGMA integrity_check", "SELECT 'ok'"),
                              &stmt);
  if (rc != TD_DB_OK)
    {
      td_store_set_error (self, rc, error, NULL);
      return NULL;
    }
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) td_verify_problem_free);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      const char *msg = td_stmt_text (stmt, 0);
      if (g_strcmp0 (msg, "ok") != 0)
        {
          TdVerifyProblem *p = g_new0 (TdVerifyProblem, 1);
          p->message = g_strdup_printf (_("database integrity: %s"), msg);
          g_ptr_array_add (problems, p);
        }
    }
  td_stmt_free (stmt);
  if (rc != TD_DB_DONE)
    {
      td_store_set_error (self, rc, error, NULL);
      return NULL;
    }
  {
    g_autoptr (GPtrArray) chains = td_store_verify_chains (self, error);
    g_autoptr (GPtrArray) audit = NULL;

    if (chains == NULL)
      return NULL;
    g_ptr_array_extend_and_steal (problems, g_steal_pointer (&chains));
    if (td_store_get_schema_version (self) >= 4)
      {
        audit = td_store_verify_audit (self, error);
        if (audit == NULL)
          return NULL;
        g_ptr_array_extend_and_steal (problems, g_steal_pointer (&audit));
      }
  }
  return g_steal_pointer (&problems);
}

static gboolean
backup_failed (const char *path, int rc, GCancellable *cancellable, GError **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc == SQLITE_FULL)
    td_file_set_error_from_errno (error, path, ENOSPC);
  else
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FAILED,
                 _("The backup to %s failed (%s); no backup file was left."), path,
                 sqlite3_errstr (rc));
  return FALSE;
}

/* Copied into a temporary file beside @path (td-file.c: owner-only, no journal or partial
 * file left on failure), renamed over @path when complete. */
gboolean
td_store_backup (TdStore *self, const char *path, GCancellable *cancellable, GError **error)
{
  g_autoptr (TdFile) file = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (TD_IS_STORE (self) && path != NULL, FALSE);
  /* SQLite's backup copies pages of a file; a server database is copied row by row */
  if (td_store_on_server (self))
    return td_store_copy (self, path, TD_STORE_COPY_REPLACE, NULL, cancellable, error);
  file = td_file_new (path, error);
  if (file == NULL)
    return FALSE;
  rc = sqlite3_open_v2 (td_file_get_temp_path (file), &dest, SQLITE_OPEN_READWRITE, NULL);
  backup = rc == SQLITE_OK ? sqlite3_backup_init (dest, "main", td_store_db (self), "main")
                           : NULL;
  if (backup != NULL)
    {
      /* All pages in one step, under one read transaction: a consistent snapshot that
       * writers in WAL mode do not wait for.  Copied in slices instead, every commit of
       * another connection restarts the copy, and a steady writer keeps it from ever
       * finishing. */
      do
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            g_usleep (20000);
        }
      while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
             && !g_cancellable_is_cancelled (cancellable));
      sqlite3_backup_finish (backup);
    }
  else if (rc == SQLITE_OK)
    rc = sqlite3_errcode (dest);
  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  else if (rc == SQLITE_OK)
    rc = SQLITE_INTERRUPT;
  sqlite3_close (dest);
  if (rc != SQLITE_OK)
    return backup_failed (path, rc, cancellable, error);
  return td_file_commit (file, error);
}

/* Copies @path into the content blob of packet @id, 64 KiB at a time. */
static gboolean
write_content_from_file (TdStore *self, const char *id, const char *path, goffset size,
                         GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, error);
  g_autofree guint8 *buf = g_malloc (65536);
  sqlite3_blob *blob = NULL;
  TdStmt *stmt;
  gint64 rowid = 0;
  goffset done = 0;
  int rc;

  if (in == NULL)
    return FALSE;
  stmt = td_store_prepare (self, "SELECT rowid FROM packet_content WHERE packet_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  td_bind_text (stmt, 1, id);
  if (td_stmt_step (stmt) == TD_DB_ROW)
    rowid = td_stmt_int64 (stmt, 0);
  td_stmt_reset (stmt);
  rc = sqlite3_blob_open (td_store_db (self), "main", "packet_content", "content", rowid, 1,
                          &blob);
  while (rc == SQLITE_OK && done < size)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buf, 65536, NULL, error);
      if (n <= 0)
        {
          sqlite3_blob_close (blob);
          if (n == 0)
            g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FAILED,
                         _("%s changed while it was being logged."), path);
          return FALSE;
        }
      rc = sqlite3_blob_write (blob, buf, (int) n, (int) done);
      done += n;
    }
  if (blob != NULL)
    sqlite3_blob_close (blob);
  if (rc != SQLITE_OK)
    {
      td_store_set_error (self, td_db_sqlite_rc (rc), error, NULL);
      return FALSE;
    }
  return TRUE;
}

/* On a server there are no blob writes: the file goes in whole. */
static gboolean
log_packet_file_whole (TdStore *self, const TdPacketLog *log, const char *path, GError **error)
{
  g_autofree char *content = NULL;
  gsize length = 0;
  g_autoptr (GBytes) bytes = NULL;

  if (!g_file_get_contents (path, &content, &length, error))
    return FALSE;
  bytes = g_bytes_new_take (g_steal_pointer (&content), length);
  return td_store_log_packet (self, log, bytes, error);
}

gboolean
td_store_log_packet_file (TdStore *self, const TdPacketLog *log, const char *path,
                          GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                  G_FILE_QUERY_INFO_NONE, NULL, error);
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  TdStmt *stmt;
  goffset size;

  g_return_val_if_fail (TD_IS_STORE (self) && log != NULL && path != NULL, FALSE);
  if (info == NULL)
    return FALSE;
  size = g_file_info_get_size (info);
  if (size > G_MAXINT)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FAILED,
                   _("%s is too large to keep in the packet log."), path);
      return FALSE;
    }
  if (td_store_on_server (self))
    return log_packet_file_whole (self, log, path, error);
  if (!td_store_begin (self, error))
    return FALSE;
  if (!td_store_log_packet (self, log, empty, error))
    goto fail;
  stmt = td_store_prepare (self, "UPDATE packet_content SET content = zeroblob (?) "
                                 "WHERE packet_id = ?", error);
  if (stmt == NULL)
    goto fail;
  td_bind_int (stmt, 1, size);
  td_bind_text (stmt, 2, log->id);
  if (!td_store_step_done (self, stmt, error)
      || !write_content_from_file (self, log->id, path, size, error))
    goto fail;
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}
