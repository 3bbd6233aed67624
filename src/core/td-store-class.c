/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdStore: classes, teachers, timetables. */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-store-private.h"

#define CLASS_COLUMNS \
  "id, code, title, catalog_version, item_code, item_name, level, training_type, " \
  "special_action, project_mode, mode, start_date, end_date, planned_theory, " \
  "planned_practice, planned_online, planned_size, venue_region, venue_address, " \
  "online_platform, funding_source, certificate, assessment_method, partner_credit_code, " \
  "partner_name, partner_positions, commitment_signed_by, commitment_date, filing_no, " \
  "cancel_date, cancel_reason, exam_theory_date, exam_practice_date, evaluator, exam_place, " \
  "payee_type"

static TdClass *
class_from_row (TdStmt *stmt)
{
  TdClass *k = td_class_new ();

  k->id = td_stmt_int64 (stmt, 0);
  k->code = td_col_dup (stmt, 1);
  k->title = td_col_dup (stmt, 2);
  k->catalog_version = td_col_dup (stmt, 3);
  k->item_code = td_col_dup (stmt, 4);
  k->item_name = td_col_dup (stmt, 5);
  k->level = (int) td_stmt_int64 (stmt, 6);
  td_col_copy (stmt, 7, k->training_type, sizeof k->training_type);
  td_col_copy (stmt, 8, k->special_action, sizeof k->special_action);
  k->project_mode = (int) td_stmt_int64 (stmt, 9);
  k->mode = (int) td_stmt_int64 (stmt, 10);
  td_col_copy (stmt, 11, k->start_date, sizeof k->start_date);
  td_col_copy (stmt, 12, k->end_date, sizeof k->end_date);
  k->planned_theory = (int) td_stmt_int64 (stmt, 13);
  k->planned_practice = (int) td_stmt_int64 (stmt, 14);
  k->planned_online = (int) td_stmt_int64 (stmt, 15);
  k->planned_size = (int) td_stmt_int64 (stmt, 16);
  td_col_copy (stmt, 17, k->venue_region, sizeof k->venue_region);
  k->venue_address = td_col_dup (stmt, 18);
  k->online_platform = td_col_dup (stmt, 19);
  k->funding_source = (int) td_stmt_int64 (stmt, 20);
  k->certificate = (int) td_stmt_int64 (stmt, 21);
  k->assessment_method = td_col_dup (stmt, 22);
  k->partner_credit_code = td_col_dup (stmt, 23);
  k->partner_name = td_col_dup (stmt, 24);
  k->partner_positions = (int) td_col_int_or (stmt, 25, 0);
  k->commitment_signed_by = td_col_dup (stmt, 26);
  td_col_copy (stmt, 27, k->commitment_date, sizeof k->commitment_date);
  k->filing_no = td_col_dup (stmt, 28);
  td_col_copy (stmt, 29, k->cancel_date, sizeof k->cancel_date);
  k->cancel_reason = td_col_dup (stmt, 30);
  td_col_copy (stmt, 31, k->exam_theory_date, sizeof k->exam_theory_date);
  td_col_copy (stmt, 32, k->exam_practice_date, sizeof k->exam_practice_date);
  k->evaluator = td_col_dup (stmt, 33);
  k->exam_place = td_col_dup (stmt, 34);
  k->payee_type = (int) td_stmt_int64 (stmt, 35);
  return k;
}

/* The columns of a class or lesson as read for editing: the row version too (version 5). */
#define WITH_VERSION(self) (td_store_get_schema_version (self) >= 5 ? ", row_version" : "")

static TdClass *
get_class_where (TdStore *self, const char *where, gint64 id, const char *code, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " CLASS_COLUMNS "%s FROM class WHERE %s",
                                          WITH_VERSION (self), where);
  TdStmt *stmt = td_store_prepare (self, sql, error);
  TdClass *k = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (code != NULL)
    td_bind_text (stmt, 1, code);
  else
    td_bind_int (stmt, 1, id);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      k = class_from_row (stmt);
      if (td_stmt_column_count (stmt) > 36)
        k->row_version = td_stmt_int64 (stmt, 36);
    }
  if (!td_store_read_end (self, stmt, rc, error))
    {
      td_class_free (k);
      return NULL;
    }
  if (k == NULL)
    {
      if (code != NULL)
        g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND,
                     _("There is no class with the code %s."), code);
      else
        g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND,
                     _("There is no class number %lld."), (long long) id);
    }
  return k;
}

TdClass *
td_store_get_class (TdStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (TD_IS_STORE (self), NULL);
  return get_class_where (self, "id = ?", id, NULL, error);
}

TdClass *
td_store_get_class_by_code (TdStore *self, const char *code, GError **error)
{
  g_return_val_if_fail (TD_IS_STORE (self) && code != NULL, NULL);
  return get_class_where (self, "code = ?", 0, code, error);
}

static void
bind_class (TdStmt *stmt, const TdClass *k)
{
  td_bind_text (stmt, 1, k->code);
  td_bind_text (stmt, 2, k->title);
  td_bind_text (stmt, 3, k->catalog_version);
  td_bind_text (stmt, 4, k->item_code);
  td_bind_text (stmt, 5, k->item_name);
  td_bind_int (stmt, 6, k->level);
  td_bind_text (stmt, 7, k->training_type);
  td_bind_text (stmt, 8, k->special_action);
  td_bind_int (stmt, 9, k->project_mode);
  td_bind_int (stmt, 10, k->mode);
  td_bind_text (stmt, 11, k->start_date);
  td_bind_text (stmt, 12, k->end_date);
  td_bind_int (stmt, 13, k->planned_theory);
  td_bind_int (stmt, 14, k->planned_practice);
  td_bind_int (stmt, 15, k->planned_online);
  td_bind_int (stmt, 16, k->planned_size);
  td_bind_text (stmt, 17, k->venue_region);
  td_bind_text (stmt, 18, k->venue_address);
  td_bind_text (stmt, 19, k->online_platform);
  td_bind_int (stmt, 20, k->funding_source);
  td_bind_int (stmt, 21, k->certificate);
  td_bind_text (stmt, 22, k->assessment_method);
  td_bind_text (stmt, 23, k->partner_credit_code);
  td_bind_text (stmt, 24, k->partner_name);
  td_bind_int_or_null (stmt, 25, k->partner_positions, 0);
  td_bind_text (stmt, 26, k->commitment_signed_by);
  td_bind_text (stmt, 27, k->commitment_date);
  td_bind_text (stmt, 28, k->filing_no);
  td_bind_text (stmt, 29, k->cancel_date);
  td_bind_text (stmt, 30, k->cancel_reason);
  td_bind_text (stmt, 31, k->exam_theory_date);
  td_bind_text (stmt, 32, k->exam_practice_date);
  td_bind_text (stmt, 33, k->evaluator);
  td_bind_text (stmt, 34, k->exam_place);
  td_bind_int (stmt, 35, k->payee_type);
}

static gboolean
class_code_taken (TdStore *self, const TdClass *k)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT 1 FROM class WHERE code = ? AND id != ?",
                                         NULL);
  gboolean taken;

  td_bind_text (stmt, 1, k->code);
  td_bind_int (stmt, 2, k->id);
  taken = td_stmt_step (stmt) == TD_DB_ROW;
  td_stmt_reset (stmt);
  return taken;
}

static gboolean
check_class (TdStore *self, const TdClass *k, GError **error)
{
  if (k->code == NULL || *k->code == '\0' || k->title == NULL || *k->title == '\0'
      || td_day_from_iso (k->start_date) == 0 || td_day_from_iso (k->end_date) == 0
      || k->item_code == NULL || k->catalog_version == NULL)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("A class needs a code, a title, a catalogue item and its start and end "
                     "dates."));
      return FALSE;
    }
  if (g_strcmp0 (k->end_date, k->start_date) < 0)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("The class ends (%s) before it starts (%s)."), k->end_date, k->start_date);
      return FALSE;
    }
  if (class_code_taken (self, k))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("Another class already has the code %s. Class codes are unique within "
                     "the institution."), k->code);
      return FALSE;
    }
  return TRUE;
}

static gint64 count_with_id (TdStore *self, const char *sql, gint64 id, GError **error);

TdClassLock
td_store_class_lock (TdStore *self, const TdClass *k, TdDay today, GError **error)
{
  GError *local = NULL;
  gint64 claims, filings;

  g_return_val_if_fail (TD_IS_STORE (self) && k != NULL, TD_CLASS_LOCK_CLOSED);
  if (k->id == 0)
    return TD_CLASS_LOCK_NONE;
  claims = count_with_id (self, "SELECT count(*) FROM packet WHERE class_id = ? AND "
                                "kind = 'claim' AND status IN ('sent', 'accepted', "
                                "'accepted_with_warnings')", k->id, &local);
  if (local == NULL)
    filings = count_with_id (self, "SELECT count(*) FROM packet WHERE class_id = ? AND "
                                   "kind = 'filing' AND status IN ('sent', 'accepted', "
                                   "'accepted_with_warnings')", k->id, &local);
  if (local != NULL)
    {
      /* what was sent is unknown: nothing may change */
      g_propagate_error (error, local);
      return TD_CLASS_LOCK_CLOSED;
    }
  if (claims > 0)
    return TD_CLASS_LOCK_CLOSED;
  if (filings == 0)
    return TD_CLASS_LOCK_NONE;
  return today >= td_day_from_iso (k->start_date) ? TD_CLASS_LOCK_STARTED : TD_CLASS_LOCK_FILED;
}

/* The class as stored before @id's change: NULL without an error when there is none. */
static TdClass *
stored_class (TdStore *self, gint64 id, GError **error)
{
  GError *local = NULL;
  TdClass *old = id != 0 ? td_store_get_class (self, id, &local) : NULL;

  if (local != NULL && g_error_matches (local, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND))
    g_clear_error (&local);
  if (local != NULL)
    g_propagate_error (error, local);
  return old;
}

/* Issue 18.1: what the bureau already has changes only as its lock allows. */
static gboolean
check_lock (TdStore *self, const TdClass *k, GError **error)
{
  GError *local = NULL;
  g_autoptr (TdClass) old = stored_class (self, k->id, &local);
  g_autofree char *fields = NULL;
  TdClassLock lock;
  guint refused;

  if (old == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      return local == NULL;
    }
  lock = td_store_class_lock (self, old, td_day_today (), &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  refused = td_class_locked_fields (td_class_changed_fields (old, k), lock);
  if (refused == 0)
    return TRUE;
  fields = td_class_fields_text (refused);
  if (lock == TD_CLASS_LOCK_CLOSED)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD,
                 _("The subsidy claim of class %s was sent: the class is closed, and its %s "
                   "cannot change any more."), old->code, fields);
  else if (lock == TD_CLASS_LOCK_STARTED)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD,
                 _("Class %s was filed and started on %s: the bureau accepts no change to its "
                   "%s any more (R-CLS-002). Only the end date, the class hours, the "
                   "commitment, the teachers and the lessons still to come can change, and "
                   "they are re-sent in a correction of the filing."), old->code,
                 old->start_date, fields);
  else
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD,
                 _("Class %s was filed with the bureau under this code: the code cannot "
                   "change. Create a new class for another code."), old->code);
  return FALSE;
}

/* The timetable of a class whose claim was sent does not change (issue 18.1). */
static gboolean
check_timetable_open (TdStore *self, gint64 class_id, GError **error)
{
  GError *local = NULL;
  g_autoptr (TdClass) k = stored_class (self, class_id, &local);
  TdClassLock lock;

  if (k == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      return local == NULL;
    }
  lock = td_store_class_lock (self, k, td_day_today (), &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (lock != TD_CLASS_LOCK_CLOSED)
    return TRUE;
  g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD,
               _("The subsidy claim of class %s was sent: the class is closed, and its "
                 "timetable cannot change any more."), k->code);
  return FALSE;
}

gboolean
td_store_save_class (TdStore *self, TdClass *k, GError **error)
{
  TdStmt *stmt;

  g_return_val_if_fail (TD_IS_STORE (self) && k != NULL, FALSE);
  if (!check_class (self, k, error) || !check_lock (self, k, error)
      || !td_store_begin (self, error))
    return FALSE;
  if (k->id != 0 && !td_store_check_row_version (self, "class", k->id, k->row_version,
                                                  k->code, error))
    goto fail;
  if (k->id == 0)
    stmt = td_store_prepare (self, "INSERT INTO class (code, title, catalog_version, item_code, "
      "item_name, level, training_type, special_action, project_mode, mode, start_date, "
      "end_date, planned_theory, planned_practice, planned_online, planned_size, venue_region, "
      "venue_address, online_platform, funding_source, certificate, assessment_method, "
      "partner_credit_code, partner_name, partner_positions, commitment_signed_by, "
      "commitment_date, filing_no, cancel_date, cancel_reason, exam_theory_date, "
      "exam_practice_date, evaluator, exam_place, payee_type) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,"
      "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", error);
  else
    stmt = td_store_prepare (self, "UPDATE class SET code=?, title=?, catalog_version=?, "
      "item_code=?, item_name=?, level=?, training_type=?, special_action=?, project_mode=?, "
      "mode=?, start_date=?, end_date=?, planned_theory=?, planned_practice=?, "
      "planned_online=?, planned_size=?, venue_region=?, venue_address=?, online_platform=?, "
      "funding_source=?, certificate=?, assessment_method=?, partner_credit_code=?, "
      "partner_name=?, partner_positions=?, commitment_signed_by=?, commitment_date=?, "
      "filing_no=?, cancel_date=?, cancel_reason=?, exam_theory_date=?, exam_practice_date=?, "
      "evaluator=?, exam_place=?, payee_type=? WHERE id=?", error);
  if (stmt == NULL)
    goto fail;
  bind_class (stmt, k);
  if (k->id != 0)
    td_bind_int (stmt, 36, k->id);
  if (!td_store_step_done (self, stmt, error))
    goto fail;
  if (k->id == 0)
    k->id = td_store_last_insert_id (self, "class");
  k->row_version = td_store_get_row_version (self, "class", k->id);
  td_store_note_change (self, "class", k->id);
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}

static gboolean
exec_with_id (TdStore *self, const char *sql, gint64 id, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, id);
  return td_store_step_done (self, stmt, error);
}

/* -1 with @error set when the count cannot be read. */
static gint64
count_with_id (TdStore *self, const char *sql, gint64 id, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, sql, error);
  gint64 n = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  td_bind_int (stmt, 1, id);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    n = td_stmt_int64 (stmt, 0);
  if (!td_store_read_end (self, stmt, rc, error))
    return -1;
  return n;
}

gboolean
td_store_delete_class (TdStore *self, gint64 class_id, GError **error)
{
  g_return_val_if_fail (TD_IS_STORE (self), FALSE);
  if (count_with_id (self, "SELECT count(*) FROM packet WHERE class_id = ?", class_id, NULL) != 0)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD,
                   _("Packets about this class were already written, so it cannot be "
                     "deleted. Cancel it instead (a class notice tells the bureau)."));
      return FALSE;
    }
  if (!td_store_begin (self, error))
    return FALSE;
  if (!exec_with_id (self, "DELETE FROM attendance WHERE class_id = ?", class_id, error)
      || !exec_with_id (self, "DELETE FROM class WHERE id = ?", class_id, error))
    {
      td_store_rollback (self);
      return FALSE;
    }
  td_store_chain_touched (self, class_id, 0);
  td_store_attendance_touched (self, class_id, 0);
  td_store_note_change (self, "class", class_id);
  return td_store_commit (self, error);
}

gboolean
td_store_cancel_class (TdStore *self, gint64 class_id, const char *date, const char *reason,
                       GError **error)
{
  g_autoptr (TdClass) k = td_store_get_class (self, class_id, error);

  if (k == NULL)
    return FALSE;
  if (td_day_from_iso (date) == 0 || reason == NULL || *reason == '\0')
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("A cancellation needs its date and a reason."));
      return FALSE;
    }
  if (g_strcmp0 (date, k->end_date) > 0)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("A class can be cancelled on or before its end date %s (R-NOT-001)."),
                   k->end_date);
      return FALSE;
    }
  g_strlcpy (k->cancel_date, date, sizeof k->cancel_date);
  g_free (k->cancel_reason);
  k->cancel_reason = g_strdup (reason);
  return td_store_save_class (self, k, error);
}

gboolean
td_store_set_filing_no (TdStore *self, gint64 class_id, const char *filing_no, GError **error)
{
  TdStmt *stmt;

  if (!td_store_begin (self, error))
    return FALSE;
  stmt = td_store_prepare (self, "UPDATE class SET filing_no = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  td_bind_text (stmt, 1, filing_no);
  td_bind_int (stmt, 2, class_id);
  if (!td_store_step_done (self, stmt, error))
    goto fail;
  td_store_note_change (self, "class", class_id);
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}

TdClassStatus
td_store_class_status (TdStore *self, const TdClass *k, TdDay today, GError **error)
{
  gint64 filings, accepted;

  if (k->cancel_date[0] != '\0')
    return TD_CLASS_CANCELLED;
  filings = count_with_id (self, "SELECT count(*) FROM packet WHERE class_id = ? AND "
                                 "kind = 'filing' AND status != 'rejected'", k->id, error);
  if (filings <= 0)
    return TD_CLASS_DRAFT;
  /* exported is not filed: the class is filed once a receipt accepts a filing */
  accepted = count_with_id (self, "SELECT count(*) FROM packet WHERE class_id = ? AND "
                                  "kind = 'filing' AND status IN ('accepted', "
                                  "'accepted_with_warnings')", k->id, error);
  if (accepted < 0)
    return TD_CLASS_DRAFT;
  if (accepted == 0)
    return TD_CLASS_AWAITING_RECEIPT;
  if (today < td_day_from_iso (k->start_date))
    return TD_CLASS_FILED;
  if (today <= td_day_from_iso (k->end_date))
    return TD_CLASS_RUNNING;
  return TD_CLASS_FINISHED;
}

GPtrArray *
td_store_list_classes (TdStore *self, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                td_class_summary_free);
  TdStmt *stmt = td_store_prepare (self, "SELECT " CLASS_COLUMNS ", (SELECT count(*) "
    "FROM enrolment e WHERE e.class_id = class.id AND e.withdrawn_date IS NULL) "
    "FROM class ORDER BY start_date, code", error);
  TdDay today = td_day_today ();
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      g_autoptr (TdClass) k = class_from_row (stmt);
      TdClassSummary *s = g_new0 (TdClassSummary, 1);

      s->id = k->id;
      s->code = g_strdup (k->code);
      s->title = g_strdup (k->title);
      memcpy (s->start_date, k->start_date, sizeof s->start_date);
      memcpy (s->end_date, k->end_date, sizeof s->end_date);
      s->planned_size = k->planned_size;
      s->enrolled = (int) td_stmt_int64 (stmt, 36);
      s->filing_no = g_strdup (k->filing_no);
      memcpy (s->special_action, k->special_action, sizeof s->special_action);
      s->item_name = g_strdup (k->item_name);
      g_ptr_array_add (list, s);
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  /* Status needs other statements: fill it once the list statement is done. */
  for (guint i = 0; i < list->len; i++)
    {
      TdClassSummary *s = g_ptr_array_index (list, i);
      g_autoptr (TdClass) k = td_store_get_class (self, s->id, error);
      g_autoptr (GError) local = NULL;

      if (k == NULL)
        return NULL;
      s->status = td_store_class_status (self, k, today, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  return g_steal_pointer (&list);
}

/* ---- teachers ---- */

GPtrArray *
td_store_list_teachers (TdStore *self, gint64 class_id, GError **error)
{
  int rc;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_teacher_free);
  TdStmt *stmt = td_store_prepare (self, "SELECT id, class_id, tid, name, id_number, "
    "qualification FROM teacher WHERE class_id = ? ORDER BY id", error);

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      TdTeacher *t = td_teacher_new ();
      t->id = td_stmt_int64 (stmt, 0);
      t->class_id = td_stmt_int64 (stmt, 1);
      t->tid = td_col_dup (stmt, 2);
      t->name = td_col_dup (stmt, 3);
      t->id_number = td_col_dup (stmt, 4);
      t->qualification = td_col_dup (stmt, 5);
      g_ptr_array_add (list, t);
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
td_store_set_teachers (TdStore *self, gint64 class_id, GPtrArray *teachers, GError **error)
{
  g_return_val_if_fail (TD_IS_STORE (self) && teachers != NULL, FALSE);
  if (!td_store_begin (self, error))
    return FALSE;
  if (!exec_with_id (self, "DELETE FROM teacher WHERE class_id = ?", class_id, error))
    goto fail;
  for (guint i = 0; i < teachers->len; i++)
    {
      TdTeacher *t = g_ptr_array_index (teachers, i);
      TdStmt *stmt = td_store_prepare (self, "INSERT INTO teacher (class_id, tid, name, "
                                             "id_number, qualification) VALUES (?,?,?,?,?)",
                                             error);
      if (stmt == NULL)
        goto fail;
      td_bind_int (stmt, 1, class_id);
      td_bind_text (stmt, 2, t->tid);
      td_bind_text (stmt, 3, t->name);
      td_bind_text (stmt, 4, t->id_number);
      td_bind_text (stmt, 5, t->qualification);
      if (!td_store_step_done (self, stmt, error))
        goto fail;
      t->id = td_store_last_insert_id (self, "teacher");
      t->class_id = class_id;
    }
  td_store_note_change (self, "teacher", class_id);
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}

/* ---- lessons ---- */

#define LESSON_COLUMNS "id, class_id, lid, date, start, \"end\", hours, kind, online, teacher, content"

static TdLesson *
lesson_from_row (TdStmt *stmt)
{
  TdLesson *l = td_lesson_new ();
  const char *kind;

  l->id = td_stmt_int64 (stmt, 0);
  l->class_id = td_stmt_int64 (stmt, 1);
  l->lid = td_col_dup (stmt, 2);
  td_col_copy (stmt, 3, l->date, sizeof l->date);
  td_col_copy (stmt, 4, l->start, sizeof l->start);
  td_col_copy (stmt, 5, l->end, sizeof l->end);
  l->hours = (int) td_stmt_int64 (stmt, 6);
  kind = td_stmt_text (stmt, 7);
  l->kind = kind != NULL ? kind[0] : 'T';
  l->online = (int) td_stmt_int64 (stmt, 8);
  l->teacher = td_col_dup (stmt, 9);
  l->content = td_col_dup (stmt, 10);
  if (td_stmt_column_count (stmt) > 11)
    l->row_version = td_stmt_int64 (stmt, 11);
  return l;
}

GPtrArray *
td_store_list_lessons (TdStore *self, gint64 class_id, GError **error)
{
  int rc;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
  g_autofree char *sql = g_strdup_printf ("SELECT " LESSON_COLUMNS "%s FROM lesson WHERE "
                                          "class_id = ? ORDER BY date, start, lid",
                                          WITH_VERSION (self));
  TdStmt *stmt = td_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    g_ptr_array_add (list, lesson_from_row (stmt));
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

TdLesson *
td_store_get_lesson (TdStore *self, gint64 lesson_id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " LESSON_COLUMNS "%s FROM lesson WHERE id = ?",
                                          WITH_VERSION (self));
  TdStmt *stmt = td_store_prepare (self, sql, error);
  TdLesson *l = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, lesson_id);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    l = lesson_from_row (stmt);
  if (!td_store_read_end (self, stmt, rc, error))
    {
      td_lesson_free (l);
      return NULL;
    }
  if (l == NULL)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND, _("There is no such lesson."));
  return l;
}

static gboolean
check_lesson (TdStore *self, const TdLesson *l, GError **error)
{
  int start = td_time_from_iso (l->start), end = td_time_from_iso (l->end);

  if (l->lid == NULL || *l->lid == '\0' || td_day_from_iso (l->date) == 0 || start < 0
      || end < 0 || (l->kind != 'T' && l->kind != 'P') || l->teacher == NULL
      || l->content == NULL || *l->content == '\0')
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("A lesson needs an id, a date, start and end times, theory or practice, "
                     "a teacher and its content."));
      return FALSE;
    }
  if (end <= start || l->hours > td_hours_of_interval (start, end) || l->hours <= 0)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("Lesson %s: %s–%s gives at most %g class hours of 45 minutes "
                     "(R-CLS-004)."), l->lid, l->start, l->end,
                   td_hours_of_interval (start, end) / 2.0);
      return FALSE;
    }
  return TRUE;
}

static gboolean
lesson_has_attendance (TdStore *self, gint64 lesson_id)
{
  return count_with_id (self, "SELECT count(*) FROM attendance WHERE lesson_id = ?",
                        lesson_id, NULL) != 0;
}

gboolean
td_store_save_lesson (TdStore *self, TdLesson *l, GError **error)
{
  TdStmt *stmt;

  g_return_val_if_fail (TD_IS_STORE (self) && l != NULL, FALSE);
  if (!check_lesson (self, l, error) || !check_timetable_open (self, l->class_id, error))
    return FALSE;
  if (l->id != 0 && lesson_has_attendance (self, l->id))
    {
      g_autoptr (TdLesson) old = td_store_get_lesson (self, l->id, error);
      /* unreadable: refused, not saved over what could not be compared */
      if (old == NULL)
        return FALSE;
      if (g_strcmp0 (old->date, l->date) != 0 || g_strcmp0 (old->start, l->start)
          || g_strcmp0 (old->end, l->end) || old->hours != l->hours
          || g_strcmp0 (old->lid, l->lid))
        {
          g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD,
                       _("Lesson %s already has attendance, so its id, date, times and hours "
                         "cannot change."), old->lid);
          return FALSE;
        }
    }
  if (!td_store_begin (self, error))
    return FALSE;
  if (l->id != 0 && !td_store_check_row_version (self, "lesson", l->id, l->row_version, l->lid,
                                                  error))
    goto fail;
  if (l->id == 0)
    stmt = td_store_prepare (self, "INSERT INTO lesson (lid, date, start, \"end\", hours, kind, "
                                   "online, teacher, content, class_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
                             error);
  else
    stmt = td_store_prepare (self, "UPDATE lesson SET lid=?, date=?, start=?, \"end\"=?, hours=?, "
                                   "kind=?, online=?, teacher=?, content=? WHERE class_id=? AND id=?",
                             error);
  if (stmt == NULL)
    goto fail;
  td_bind_text (stmt, 1, l->lid);
  td_bind_text (stmt, 2, l->date);
  td_bind_text (stmt, 3, l->start);
  td_bind_text (stmt, 4, l->end);
  td_bind_int (stmt, 5, l->hours);
  td_stmt_bind_text (stmt, 6, l->kind == 'P' ? "P" : "T");
  td_bind_int (stmt, 7, l->online);
  td_bind_text (stmt, 8, l->teacher);
  td_bind_text (stmt, 9, l->content);
  td_bind_int (stmt, 10, l->class_id);
  if (l->id != 0)
    td_bind_int (stmt, 11, l->id);
  if (!td_store_step_done (self, stmt, error))
    {
      g_prefix_error (error, _("Lesson %s: "), l->lid);
      goto fail;
    }
  if (l->id == 0)
    l->id = td_store_last_insert_id (self, "lesson");
  l->row_version = td_store_get_row_version (self, "lesson", l->id);
  td_store_note_change (self, "lesson", l->id);
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}

gboolean
td_store_delete_lesson (TdStore *self, gint64 lesson_id, GError **error)
{
  if (lesson_has_attendance (self, lesson_id))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD,
                   _("This lesson already has attendance and cannot be removed."));
      return FALSE;
    }
  if (!td_store_begin (self, error))
    return FALSE;
  if (!exec_with_id (self, "DELETE FROM lesson WHERE id = ?", lesson_id, error))
    {
      td_store_rollback (self);
      return FALSE;
    }
  td_store_note_change (self, "lesson", lesson_id);
  return td_store_commit (self, error);
}

gboolean
td_store_replace_lessons (TdStore *self, gint64 class_id, GPtrArray *lessons, GError **error)
{
  g_return_val_if_fail (TD_IS_STORE (self) && lessons != NULL, FALSE);
  if (!check_timetable_open (self, class_id, error))
    return FALSE;
  if (count_with_id (self, "SELECT count(*) FROM attendance WHERE class_id = ?", class_id, NULL)
      != 0)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD,
                   _("The class already has attendance, so its timetable cannot be replaced "
                     "as a whole. Edit single lessons instead."));
      return FALSE;
    }
  if (!td_store_begin (self, error))
    return FALSE;
  if (!exec_with_id (self, "DELETE FROM lesson WHERE class_id = ?", class_id, error))
    goto fail;
  for (guint i = 0; i < lessons->len; i++)
    {
      TdLesson *l = g_ptr_array_index (lessons, i);
      l->id = 0;
      l->class_id = class_id;
      if (!td_store_save_lesson (self, l, error))
        goto fail;
    }
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}
