/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdStore: attendance records and the class's chain (RULES.md R-ATT-005).
 *
 * The chain of a class is the sequence of its attendance records in the order the
 * attendance packets carry them.  Records already carried are frozen.  The records not yet
 * carried (the pending tail) follow them; the program may change the tail (a record typed
 * again, a lesson's records kept together) and then recomputes the tail's hashes, so the
 * next batch's Chain continues exactly from the last batch's head.  A change to a carried
 * record appends a correction that restates every record of the packet that carried it;
 * the next batch supersedes that packet. */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-chain.h"
#include "core/td-hours.h"
#include "core/td-store-private.h"

#define ATT_SELECT \
  "SELECT a.id, a.class_id, a.seq, a.lesson_id, l.lid, l.date, a.trainee_id, t.id_number, " \
  "a.status, a.time_in, a.time_out, a.hours, a.method, a.hash, a.packet_id, a.restates, " \
  "a.replaced FROM attendance a JOIN lesson l ON l.id = a.lesson_id " \
  "JOIN trainee t ON t.id = a.trainee_id "

static TdAttendance *
attendance_from_row (TdStmt *stmt)
{
  TdAttendance *r = td_attendance_new ();
  const char *status;

  r->id = td_stmt_int64 (stmt, 0);
  r->class_id = td_stmt_int64 (stmt, 1);
  r->seq = td_stmt_int64 (stmt, 2);
  r->lesson_id = td_stmt_int64 (stmt, 3);
  td_col_copy (stmt, 4, r->lid, sizeof r->lid);
  td_col_copy (stmt, 5, r->date, sizeof r->date);
  r->trainee_id = td_stmt_int64 (stmt, 6);
  td_col_copy (stmt, 7, r->id_number, sizeof r->id_number);
  status = td_stmt_text (stmt, 8);
  r->status = status != NULL ? status[0] : 'A';
  td_col_copy (stmt, 9, r->time_in, sizeof r->time_in);
  td_col_copy (stmt, 10, r->time_out, sizeof r->time_out);
  r->hours = (int) td_stmt_int64 (stmt, 11);
  td_col_copy (stmt, 12, r->method, sizeof r->method);
  td_col_copy (stmt, 13, r->hash, sizeof r->hash);
  r->packet_id = td_col_dup (stmt, 14);
  r->restates = td_col_dup (stmt, 15);
  r->replaced = (int) td_stmt_int64 (stmt, 16);
  return r;
}

/* The records of @class_id that @where (with ?2 bound to @after) selects, in chain order. */
static GPtrArray *
list_where (TdStore *self, const char *where, gint64 class_id, gint64 after, GError **error)
{
  g_autofree char *sql = g_strdup_printf (ATT_SELECT "WHERE a.class_id = ?1 %s ORDER BY a.seq",
                                          where);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                td_attendance_free);
  TdStmt *stmt = td_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  if (td_stmt_param_count (stmt) > 1)
    td_bind_int (stmt, 2, after);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    g_ptr_array_add (list, attendance_from_row (stmt));
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
td_store_list_attendance (TdStore *self, gint64 class_id, GError **error)
{
  return list_where (self, "AND a.replaced = 0", class_id, 0, error);
}

GPtrArray *
td_store_list_attendance_since (TdStore *self, gint64 class_id, const TdAttendanceMark *since,
                                gboolean *whole, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                td_attendance_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n = 0;
  const TdAttendanceTouch *log;
  TdStmt *stmt;

  g_return_val_if_fail (TD_IS_STORE (self) && since != NULL && whole != NULL, NULL);
  log = td_store_attendance_log (self, since, &n);
  for (guint i = 0; log != NULL && i < n; i++)
    if (log[i].class_id == class_id && log[i].id == 0)
      log = NULL;
  *whole = log == NULL;
  if (*whole)
    return td_store_list_attendance (self, class_id, error);
  stmt = td_store_prepare (self, ATT_SELECT "WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      TdAttendance *r;
      int rc;

      if (log[i].class_id != class_id || !g_hash_table_add (seen, (gpointer) &log[i].id))
        continue;
      td_bind_int (stmt, 1, log[i].id);
      if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
        r = attendance_from_row (stmt);
      else
        {
          /* gone: a record a transaction added and then rolled back */
          r = td_attendance_new ();
          r->id = log[i].id;
          r->class_id = class_id;
          r->replaced = TRUE;
        }
      if (!td_store_read_end (self, stmt, rc, error))
        {
          td_attendance_free (r);
          return NULL;
        }
      g_ptr_array_add (list, r);
    }
  return g_steal_pointer (&list);
}

GPtrArray *
td_store_list_chain (TdStore *self, gint64 class_id, GError **error)
{
  return list_where (self, "", class_id, 0, error);
}

GPtrArray *
td_store_list_pending_attendance (TdStore *self, gint64 class_id, GError **error)
{
  return list_where (self, "AND a.packet_id IS NULL", class_id, 0, error);
}

void
td_store_chain_touched (TdStore *self, gint64 class_id, gint64 from_seq)
{
  TdChainMark *mark = g_hash_table_lookup (td_store_chain_marks (self), &class_id);

  if (mark == NULL)
    return;
  if (from_seq <= 1)
    g_hash_table_remove (td_store_chain_marks (self), &class_id);
  else if (mark->seq >= from_seq)
    {
      /* verified up to the record before: its hash is read again when the check resumes */
      mark->seq = from_seq - 1;
      mark->hash[0] = '\0';
    }
}

/* The chain line of a record, exactly as a packet writes it. */
static char *
record_line (const TdAttendance *r)
{
  g_autofree char *hours = td_hours_format (r->hours);

  return td_chain_line (r->date, r->lid, r->id_number, r->status, r->time_in, r->time_out,
                        hours, r->method);
}

static char *
hash_before (TdStore *self, gint64 class_id, gint64 seq)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT hash FROM attendance WHERE class_id = ? "
                                         "AND seq < ? ORDER BY seq DESC LIMIT 1", NULL);
  char *hash = NULL;

  td_bind_int (stmt, 1, class_id);
  td_bind_int (stmt, 2, seq);
  if (td_stmt_step (stmt) == TD_DB_ROW)
    hash = td_col_dup (stmt, 0);
  td_stmt_reset (stmt);
  return hash != NULL ? hash : g_strdup (TD_CHAIN_ZERO);
}

char *
td_store_chain_sent_head (TdStore *self, gint64 class_id, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT hash FROM attendance WHERE class_id = ? "
                                         "AND packet_id IS NOT NULL ORDER BY seq DESC "
                                         "LIMIT 1", error);
  char *hash = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    hash = td_col_dup (stmt, 0);
  if (!td_store_read_end (self, stmt, rc, error))
    {
      g_free (hash);
      return NULL;
    }
  return hash != NULL ? hash : g_strdup (TD_CHAIN_ZERO);
}

/* Recomputes the hashes of the pending records from @from_seq on. */
/* Records selected by @sql (an ATT_SELECT with ?1 ?2 ?3 bound to @a @b @c). */
static GPtrArray *
list_bound (TdStore *self, const char *sql, gint64 a, gint64 b, gint64 c)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_attendance_free);
  TdStmt *stmt = td_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return list;
  td_bind_int (stmt, 1, a);
  td_bind_int (stmt, 2, b);
  if (td_stmt_param_count (stmt) > 2)
    td_bind_int (stmt, 3, c);
  while (td_stmt_step (stmt) == TD_DB_ROW)
    g_ptr_array_add (list, attendance_from_row (stmt));
  td_stmt_reset (stmt);
  return list;
}

/* The chain values @hashes ("{…,…}") of the records @ids ("{…,…}"): on a server. */
static gboolean
set_hashes (TdStore *self, GString *ids, GString *hashes, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "UPDATE attendance a SET hash = v.h "
                                         "FROM unnest (?::bigint[], ?::text[]) AS v (id, h) "
                                         "WHERE a.id = v.id", error);

  if (stmt == NULL)
    return FALSE;
  g_string_append_c (ids, '}');
  g_string_append_c (hashes, '}');
  td_bind_text (stmt, 1, ids->str);
  td_bind_text (stmt, 2, hashes->str);
  return td_store_step_done (self, stmt, error);
}

static gboolean
rechain_pending (TdStore *self, gint64 class_id, gint64 from_seq, GError **error)
{
  /* only the tail from @from_seq: appending a record rehashes one record, not the class */
  g_autoptr (GPtrArray) pending = list_bound (self, ATT_SELECT "WHERE a.class_id = ?1 AND "
                                              "a.packet_id IS NULL AND a.seq >= ?2 "
                                              "ORDER BY a.seq", class_id, from_seq, 0);
  g_autofree char *prev = hash_before (self, class_id, from_seq);
  /* on a server, where every statement is a round trip, the new values go in one */
  g_autoptr (GString) ids = td_store_on_server (self) ? g_string_new ("{") : NULL;
  g_autoptr (GString) hashes = ids != NULL ? g_string_new ("{") : NULL;
  char next[65];

  td_store_chain_touched (self, class_id, from_seq);
  for (guint i = 0; i < pending->len; i++)
    {
      TdAttendance *r = g_ptr_array_index (pending, i);
      g_autofree char *line = NULL;
      TdStmt *stmt;

      if (r->seq < from_seq)
        continue;
      line = record_line (r);
      td_chain_step (prev, line, next);
      if (strcmp (next, r->hash) != 0 && ids != NULL)
        {
          g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "", r->id);
          g_string_append_printf (hashes, "%s%s", hashes->len > 1 ? "," : "", next);
        }
      else if (strcmp (next, r->hash) != 0)
        {
          stmt = td_store_prepare (self, "UPDATE attendance SET hash = ? WHERE id = ?", error);
          if (stmt == NULL)
            return FALSE;
          td_bind_text (stmt, 1, next);
          td_bind_int (stmt, 2, r->id);
          if (!td_store_step_done (self, stmt, error))
            return FALSE;
        }
      g_free (prev);
      prev = g_strdup (next);
    }
  return ids == NULL || ids->len == 1 || set_hashes (self, ids, hashes, error);
}

/* Where a new pending record of @lesson_id goes (t->seq): after the pending records of the
 * same lesson (a packet's Session keeps a lesson's records together), or at the end.  Also
 * the packet that carried the lesson's current records (t->carried, NULL: none), from the
 * same pass.  The lesson's records are found by the lesson index (+class_id keeps SQLite
 * from walking the whole class backwards by seq instead, which made each new record cost
 * the size of the class). */
typedef struct
{
  gint64 seq;                   /* where the new record goes */
  gboolean at_end;              /* after the last record of the chain */
  char *last_hash;              /* on a server: that last record's chain value (NULL: none) */
  char *carried;                /* the packet that carried the lesson's current records */
} Tail;

static void
tail_clear (Tail *t)
{
  g_free (t->last_hash);
  g_free (t->carried);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tail, tail_clear)

static void
lesson_tail (TdStore *self, gint64 class_id, gint64 lesson_id, Tail *t)
{
  /* on a server also the last record's chain value, which a record appended after it
   * chains from (append_record): one round trip less */
  TdStmt *stmt = td_store_prepare (self, TD_SQL (self,
    "SELECT max(CASE WHEN packet_id IS NULL THEN seq END), (SELECT coalesce(max(seq), 0) "
    "FROM attendance WHERE class_id = ?1), max(CASE WHEN replaced = 0 THEN packet_id END) "
    "FROM attendance WHERE +class_id = ?1 AND lesson_id = ?2",
    "SELECT max(CASE WHEN packet_id IS NULL THEN seq END), (SELECT coalesce(max(seq), 0) "
    "FROM attendance WHERE class_id = ?1), max(CASE WHEN replaced = 0 THEN packet_id END), "
    "(SELECT hash FROM attendance WHERE class_id = ?1 ORDER BY seq DESC LIMIT 1) "
    "FROM attendance WHERE +class_id = ?1 AND lesson_id = ?2"), NULL);

  td_bind_int (stmt, 1, class_id);
  td_bind_int (stmt, 2, lesson_id);
  td_stmt_step (stmt);
  t->seq = !td_stmt_is_null (stmt, 0) ? td_stmt_int64 (stmt, 0) + 1
                                      : td_stmt_int64 (stmt, 1) + 1;
  t->at_end = t->seq > td_stmt_int64 (stmt, 1);
  t->carried = td_col_dup (stmt, 2);
  if (td_store_on_server (self))
    t->last_hash = td_col_dup (stmt, 3);
  td_stmt_reset (stmt);
}

static gboolean
make_room (TdStore *self, gint64 class_id, gint64 seq, GError **error)
{
  /* Two steps, so the unique (class_id, seq) never sees two rows with one number. */
  static const char *const steps[] = {
    "UPDATE attendance SET seq = -(seq + 1) WHERE class_id = ? AND seq >= ?",
    "UPDATE attendance SET seq = -seq WHERE class_id = ? AND seq < 0 AND CAST(? AS BIGINT) IS NOT NULL",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      TdStmt *stmt = td_store_prepare (self, steps[i], error);
      if (stmt == NULL)
        return FALSE;
      td_bind_int (stmt, 1, class_id);
      td_bind_int (stmt, 2, seq);
      if (!td_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* A new record's values, @seq its place, as an INSERT's parameters 1 … 9. */
static void
bind_new_record (TdStmt *stmt, const TdAttendance *r, gint64 seq)
{
  td_bind_int (stmt, 1, r->class_id);
  td_bind_int (stmt, 2, seq);
  td_bind_int (stmt, 3, r->lesson_id);
  td_bind_int (stmt, 4, r->trainee_id);
  td_bind_char (stmt, 5, r->status);
  td_bind_text (stmt, 6, r->time_in);
  td_bind_text (stmt, 7, r->time_out);
  td_bind_int (stmt, 8, r->hours);
  td_bind_text (stmt, 9, r->method);
}

/* On a server every statement is a round trip: a record appended at the end of the chain
 * (the usual case) is inserted with its chain value and gives back its id, instead of being
 * rehashed and looked up after. */
static gboolean
append_record (TdStore *self, const TdAttendance *r, gint64 seq, const char *prev,
               GError **error)
{
  g_autofree char *line = record_line (r);
  TdStmt *stmt = td_store_prepare (self, "INSERT INTO attendance (class_id, seq, lesson_id, "
    "trainee_id, status, time_in, time_out, hours, method, hash, restates) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id", error);
  char hash[65];
  TdDbRc rc;
  gint64 id = 0;

  if (stmt == NULL)
    return FALSE;
  td_chain_step (prev != NULL ? prev : TD_CHAIN_ZERO, line, hash);
  bind_new_record (stmt, r, seq);
  td_bind_text (stmt, 10, hash);
  td_bind_text (stmt, 11, r->restates);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    id = td_stmt_int64 (stmt, 0);
  if (!td_store_read_end (self, stmt, rc, error))
    return FALSE;
  td_store_attendance_touched (self, r->class_id, id);
  td_store_chain_touched (self, r->class_id, seq);
  return TRUE;
}

static gboolean
insert_record_at (TdStore *self, const TdAttendance *r, const Tail *t, GError **error)
{
  gint64 seq = t->seq;
  TdStmt *stmt;

  if (t->at_end && td_store_on_server (self))
    return append_record (self, r, seq, t->last_hash, error);
  /* (nothing to move up after the last record) */
  if (!t->at_end && !make_room (self, r->class_id, seq, error))
    return FALSE;
  stmt = td_store_prepare (self, "INSERT INTO attendance (class_id, seq, lesson_id, trainee_id, "
    "status, time_in, time_out, hours, method, hash, restates) VALUES (?,?,?,?,?,?,?,?,?,'',?)",
    error);
  if (stmt == NULL)
    return FALSE;
  bind_new_record (stmt, r, seq);
  td_bind_text (stmt, 10, r->restates);
  if (!td_store_step_done (self, stmt, error))
    return FALSE;
  td_store_attendance_touched (self, r->class_id, td_store_last_insert_id (self, "attendance"));
  return rechain_pending (self, r->class_id, seq, error);
}

static gboolean
insert_record (TdStore *self, const TdAttendance *r, GError **error)
{
  g_auto (Tail) t = { 0 };

  lesson_tail (self, r->class_id, r->lesson_id, &t);
  return insert_record_at (self, r, &t, error);
}

static gboolean
update_pending (TdStore *self, const TdAttendance *old, const TdAttendance *r, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "UPDATE attendance SET status = ?, time_in = ?, "
    "time_out = ?, hours = ?, method = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  td_bind_char (stmt, 1, r->status);
  td_bind_text (stmt, 2, r->time_in);
  td_bind_text (stmt, 3, r->time_out);
  td_bind_int (stmt, 4, r->hours);
  td_bind_text (stmt, 5, r->method);
  td_bind_int (stmt, 6, old->id);
  if (!td_store_step_done (self, stmt, error))
    return FALSE;
  td_store_attendance_touched (self, r->class_id, old->id);
  return rechain_pending (self, r->class_id, old->seq, error);
}

static gboolean
set_replaced (TdStore *self, const TdAttendance *r, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "UPDATE attendance SET replaced = 1 WHERE id = ?",
                                         error);

  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, r->id);
  td_store_attendance_touched (self, r->class_id, r->id);
  return td_store_step_done (self, stmt, error);
}

/* A carried record changes, or a record is added to a lesson a packet carried: every
 * current record of @packet_id is restated in the pending tail (with @r in place of the
 * record @old_id, or after them when @old_id is 0), the originals marked replaced. */
static gboolean
restate_packet (TdStore *self, const char *packet_id, gint64 old_id, TdAttendance *r,
                GError **error)
{
  g_autoptr (GPtrArray) current = td_store_list_attendance (self, r->class_id, error);
  g_autofree char *restated = g_strdup (packet_id);

  if (current == NULL)
    return FALSE;
  g_free (r->restates);
  r->restates = g_strdup (restated);
  for (guint i = 0; i < current->len; i++)
    {
      TdAttendance *c = g_ptr_array_index (current, i);

      if (g_strcmp0 (c->packet_id, restated) != 0)
        continue;
      if (!set_replaced (self, c, error))
        return FALSE;
      g_free (c->restates);
      c->restates = g_strdup (restated);
      if (!insert_record (self, c->id == old_id ? r : c, error))
        return FALSE;
    }
  return old_id != 0 || insert_record (self, r, error);
}

static const TdAttendance *
find_current (GPtrArray *current, gint64 lesson_id, gint64 trainee_id)
{
  for (guint i = 0; i < current->len; i++)
    {
      const TdAttendance *c = g_ptr_array_index (current, i);
      if (c->lesson_id == lesson_id && c->trainee_id == trainee_id)
        return c;
    }
  return NULL;
}

static gboolean
same_values (const TdAttendance *a, const TdAttendance *b)
{
  return a->status == b->status && strcmp (a->time_in, b->time_in) == 0
         && strcmp (a->time_out, b->time_out) == 0 && a->hours == b->hours
         && strcmp (a->method, b->method) == 0;
}

/* Fills r->hours and checks status and times against the lesson (R-ATT-003/004). */
static gboolean
credit_record (const TdLesson *l, TdAttendance *r, GError **error)
{
  int start = td_time_from_iso (l->start), end = td_time_from_iso (l->end);
  int in = td_time_from_iso (r->time_in), out = td_time_from_iso (r->time_out);

  if (r->status == 'A' || r->status == 'V')
    {
      r->time_in[0] = r->time_out[0] = '\0';
      r->hours = 0;
      return TRUE;
    }
  if (in < 0 || out < 0 || out <= in)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("Present, late and left-early records need sign-in and sign-out times, "
                     "sign-out after sign-in (R-ATT-003)."));
      return FALSE;
    }
  if (in < start - 3600 || out > end + 3600)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("Sign-in is at most 60 minutes before the lesson (%s) and sign-out at most "
                     "60 minutes after it (%s) (R-ATT-003)."), l->start, l->end);
      return FALSE;
    }
  if ((r->status == 'P' && (in > start || out < end)) || (r->status == 'L' && in <= start)
      || (r->status == 'E' && (in > start || out >= end)))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("The status does not fit the times %s–%s for the lesson %s–%s: present "
                     "means signed in by the start and out after the end, late means signed "
                     "in after the start, left early means out before the end (R-ATT-003)."),
                   r->time_in, r->time_out, l->start, l->end);
      return FALSE;
    }
  r->hours = r->status == 'P' ? l->hours : td_hours_credited (start, end, l->hours, in, out);
  return TRUE;
}

static gboolean
check_method (const char *method, GError **error)
{
  static const char *const methods[] = { "FACE", "CARD", "QR", "ONLINE", "MANUAL", NULL };

  if (method != NULL && g_strv_contains (methods, method))
    return TRUE;
  g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
               _("The sign-in method must be FACE, CARD, QR, ONLINE or MANUAL."));
  return FALSE;
}

/* Stores @r; *@stored says whether anything changed (the same values again change nothing). */
static gboolean
store_record (TdStore *self, TdAttendance *r, gboolean *stored, GError **error)
{
  g_autoptr (GPtrArray) current = list_bound (self, ATT_SELECT "WHERE a.class_id = ?1 AND "
                                              "a.lesson_id = ?2 AND a.trainee_id = ?3 AND "
                                              "a.replaced = 0", r->class_id, r->lesson_id,
                                              r->trainee_id);
  const TdAttendance *old = find_current (current, r->lesson_id, r->trainee_id);

  *stored = old == NULL || !same_values (old, r);
  if (old == NULL)
    {
      g_auto (Tail) t = { 0 };

      lesson_tail (self, r->class_id, r->lesson_id, &t);
      /* a lesson goes out whole, in one accepted batch (R-ATT-006): a record added to a
       * lesson a packet carried restates that packet */
      return t.carried != NULL ? restate_packet (self, t.carried, 0, r, error)
                               : insert_record_at (self, r, &t, error);
    }
  if (!*stored)
    return TRUE;
  if (old->packet_id == NULL)
    return update_pending (self, old, r, error);
  return restate_packet (self, old->packet_id, old->id, r, error);
}

/* What the records of one bulk write check against: the class's lessons and roster, read
 * once. */
typedef struct
{
  GHashTable *lessons;          /* lesson id → TdLesson* (owned by lesson_list) */
  GHashTable *roster;           /* trainee id → TdEnrolment* (owned by roster_list) */
  GPtrArray *lesson_list;
  GPtrArray *roster_list;
} BulkContext;

static void
bulk_context_clear (BulkContext *c)
{
  g_clear_pointer (&c->lessons, g_hash_table_unref);
  g_clear_pointer (&c->roster, g_hash_table_unref);
  g_clear_pointer (&c->lesson_list, g_ptr_array_unref);
  g_clear_pointer (&c->roster_list, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BulkContext, bulk_context_clear)

static gboolean
not_found (GError **local, GError **error)
{
  if (*local == NULL || g_error_matches (*local, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND))
    {
      g_clear_error (local);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (local));
  return FALSE;
}

/* The lessons and roster entries the entries name: the whole class read once for many
 * entries, each looked up by itself for a few (a keystroke on the page, a record of an
 * import).  What does not exist is left out, for bulk_record to refuse. */
static gboolean
bulk_context_load (TdStore *self, gint64 class_id, const TdAttendanceEntry *entries, guint n,
                   BulkContext *c, GError **error)
{
  c->lessons = g_hash_table_new (g_int64_hash, g_int64_equal);
  c->roster = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (n >= 16)
    {
      c->lesson_list = td_store_list_lessons (self, class_id, error);
      if (c->lesson_list == NULL)
        return FALSE;
      c->roster_list = td_store_list_enrolments (self, class_id, error);
      if (c->roster_list == NULL)
        return FALSE;
    }
  else
    {
      c->lesson_list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
      c->roster_list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_enrolment_free);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (GError) local = NULL;
          TdLesson *l = td_store_get_lesson (self, entries[i].lesson_id, &local);
          TdEnrolment *e;

          if (l == NULL && !not_found (&local, error))
            return FALSE;
          if (l != NULL && l->class_id == class_id)
            g_ptr_array_add (c->lesson_list, l);
          else
            td_lesson_free (l);
          e = td_store_get_enrolment (self, class_id, entries[i].trainee_id, &local);
          if (e == NULL && !not_found (&local, error))
            return FALSE;
          if (e != NULL)
            g_ptr_array_add (c->roster_list, e);
        }
    }
  for (guint i = 0; i < c->lesson_list->len; i++)
    {
      TdLesson *l = g_ptr_array_index (c->lesson_list, i);
      g_hash_table_insert (c->lessons, &l->id, l);
    }
  for (guint i = 0; i < c->roster_list->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (c->roster_list, i);
      g_hash_table_insert (c->roster, &e->trainee.id, e);
    }
  return TRUE;
}

/* The checked record of @entry (hours credited), or NULL with the reason. */
static TdAttendance *
bulk_record (TdStore *self, const BulkContext *c, gint64 class_id,
             const TdAttendanceEntry *entry, GError **error)
{
  g_autoptr (TdAttendance) r = td_attendance_new ();
  const TdLesson *l = g_hash_table_lookup (c->lessons, &entry->lesson_id);
  const TdEnrolment *e = g_hash_table_lookup (c->roster, &entry->trainee_id);

  if (strchr ("PLEVA", entry->status) == NULL || entry->status == '\0')
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("The status must be P (present), L (late), E (left early), V (on leave) or "
                     "A (absent)."));
      return NULL;
    }
  if (l == NULL)
    {
      g_autoptr (TdLesson) other = td_store_get_lesson (self, entry->lesson_id, error);

      if (other != NULL)
        g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                     _("Lesson %s is not in this class's timetable (R-ATT-001)."), other->lid);
      return NULL;
    }
  if (!check_method (entry->method, error))
    return NULL;
  if (td_day_from_iso (l->date) > td_day_today ())
    {
      g_autofree char *today = td_day_to_iso_dup (td_day_today ());

      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("Lesson %s is on %s, after today (%s): attendance is recorded on the day "
                     "of the lesson or later, as it happened."), l->lid, l->date, today);
      return NULL;
    }
  if (e == NULL)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND,
                   _("The trainee is not on this class's roster."));
      return NULL;
    }
  if (!td_enrolment_on_roster (e, l->date))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("%s withdrew on %s and has no attendance after that (R-ATT-002)."),
                   e->trainee.name, e->withdrawn_date);
      return NULL;
    }
  r->class_id = class_id;
  r->lesson_id = entry->lesson_id;
  r->trainee_id = entry->trainee_id;
  r->status = entry->status;
  g_strlcpy (r->time_in, entry->time_in != NULL ? entry->time_in : "", sizeof r->time_in);
  g_strlcpy (r->time_out, entry->time_out != NULL ? entry->time_out : "", sizeof r->time_out);
  g_strlcpy (r->method, entry->method, sizeof r->method);
  g_strlcpy (r->lid, l->lid, sizeof r->lid);
  memcpy (r->date, l->date, sizeof r->date);
  memcpy (r->id_number, e->trainee.id_number, sizeof r->id_number);
  if (!credit_record (l, r, error))
    return NULL;
  return g_steal_pointer (&r);
}

/* "Lesson 03, 371502…: " before the reason a record was refused. */
static void
prefix_entry (const BulkContext *c, const TdAttendanceEntry *entry, GError **error)
{
  const TdLesson *l = g_hash_table_lookup (c->lessons, &entry->lesson_id);
  const TdEnrolment *e = g_hash_table_lookup (c->roster, &entry->trainee_id);

  g_prefix_error (error, _("Lesson %s, %s: "), l != NULL ? l->lid : "?",
                  e != NULL ? e->trainee.name : "?");
}

gboolean
td_store_record_attendance_many (TdStore *self, gint64 class_id,
                                 const TdAttendanceEntry *entries, guint n_entries,
                                 guint *n_changed, GError **error)
{
  g_auto (BulkContext) c = { 0 };
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                   td_attendance_free);
  const char *first = NULL, *last = NULL;
  guint changed = 0;

  g_return_val_if_fail (TD_IS_STORE (self) && (entries != NULL || n_entries == 0), FALSE);
  if (n_changed != NULL)
    *n_changed = 0;
  if (!bulk_context_load (self, class_id, entries, n_entries, &c, error))
    return FALSE;
  /* every record checked before the first is written: a bad one refuses the whole set */
  for (guint i = 0; i < n_entries; i++)
    {
      TdAttendance *r = bulk_record (self, &c, class_id, &entries[i], error);

      if (r == NULL)
        {
          if (n_entries > 1)
            prefix_entry (&c, &entries[i], error);
          return FALSE;
        }
      g_ptr_array_add (records, r);
    }
  /* one record: its own audit entry with what changed; more: one entry for them all */
  if (n_entries > 1 ? !td_store_begin_bulk (self, "record-attendance", "attendance", class_id,
                                            error)
                    : !td_store_begin (self, error))
    return FALSE;
  /* one desk at a time appends to the class's chain */
  if (!td_store_lock_class (self, class_id, error))
    {
      td_store_rollback (self);
      return FALSE;
    }
  for (guint i = 0; i < records->len; i++)
    {
      TdAttendance *r = g_ptr_array_index (records, i);
      gboolean stored = FALSE;

      if (!store_record (self, r, &stored, error))
        {
          if (n_entries > 1)
            prefix_entry (&c, &entries[i], error);
          td_store_rollback (self);
          return FALSE;
        }
      changed += stored;
      if (first == NULL || strcmp (r->lid, first) < 0)
        first = r->lid;
      if (last == NULL || strcmp (r->lid, last) > 0)
        last = r->lid;
    }
  if (changed > 0)
    td_store_note_change (self, "attendance", class_id);
  if (n_entries > 1)
    {
      g_autoptr (GString) json = g_string_new (NULL);

      g_string_append_printf (json, "{\"records\":%u,\"changed\":%u", records->len, changed);
      if (first != NULL)
        {
          g_string_append (json, ",\"lessons\":");
          td_json_append_string (json, first);
          g_string_append (json, ",\"to_lesson\":");
          td_json_append_string (json, last);
        }
      g_string_append_c (json, '}');
      if (!td_store_commit_bulk (self, json->str, error))
        return FALSE;
    }
  else if (!td_store_commit (self, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;
}

gboolean
td_store_record_attendance (TdStore *self, gint64 class_id, gint64 lesson_id, gint64 trainee_id,
                            char status, const char *time_in, const char *time_out,
                            const char *method, GError **error)
{
  TdAttendanceEntry entry = { lesson_id, trainee_id, status, time_in, time_out, method };

  return td_store_record_attendance_many (self, class_id, &entry, 1, NULL, error);
}

gboolean
td_store_mark_attendance_sent (TdStore *self, gint64 class_id, gint64 last_seq,
                               const char *packet_id, GError **error)
{
  return td_store_mark_attendance_carried (self, class_id, last_seq, -1, NULL, packet_id, error);
}

/* Whether the record @seq of the class has the chain value @hash. */
static gboolean
chain_ends_at (TdStore *self, gint64 class_id, gint64 seq, const char *hash)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT hash FROM attendance WHERE class_id = ? AND "
                                         "seq = ?", NULL);
  gboolean same = FALSE;

  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, class_id);
  td_bind_int (stmt, 2, seq);
  if (td_stmt_step (stmt) == TD_DB_ROW)
    same = g_strcmp0 (td_stmt_text (stmt, 0), hash) == 0;
  td_stmt_reset (stmt);
  return same;
}

gboolean
td_store_mark_attendance_carried (TdStore *self, gint64 class_id, gint64 last_seq,
                                  gint64 n_records, const char *chain_head,
                                  const char *packet_id, GError **error)
{
  TdStmt *stmt;
  g_autoptr (GString) details = NULL;

  /* one statement over the range, one audit entry for the batch */
  if (!td_store_begin_bulk (self, "mark-sent", "attendance", class_id, error))
    return FALSE;
  if (!td_store_lock_class (self, class_id, error))
    goto fail;
  /* restates stays: if this packet is rejected, its records are pending again and still
   * restate the packet they correct (td_store_unmark_attendance). */
  stmt = td_store_prepare (self, "UPDATE attendance SET packet_id = ? "
                                 "WHERE class_id = ? AND seq <= ? AND packet_id IS NULL", error);
  if (stmt == NULL)
    goto fail;
  td_bind_text (stmt, 1, packet_id);
  td_bind_int (stmt, 2, class_id);
  td_bind_int (stmt, 3, last_seq);
  if (!td_store_step_done (self, stmt, error))
    goto fail;
  /* another desk sent some of them, recorded one among them or changed one since they were
   * read: the count or the chain's value at the last of them is not the packet's */
  if ((n_records >= 0 && td_db_changes (td_store_conn (self)) != n_records)
      || (chain_head != NULL && !chain_ends_at (self, class_id, last_seq, chain_head)))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONFLICT,
                   _("The attendance of this class changed on another desk while the packet "
                     "was being made (it sent or recorded some of these records), so this "
                     "packet was not kept and nothing was marked sent. Export again: the new "
                     "packet carries what is pending now."));
      goto fail;
    }
  details = g_string_new ("{\"packet_id\":");
  td_json_append_string (details, packet_id);
  g_string_append_printf (details, ",\"last_seq\":%" G_GINT64_FORMAT ",\"records\":%d}",
                          last_seq, (int) td_db_changes (td_store_conn (self)));
  td_store_attendance_touched (self, class_id, 0);
  td_store_note_change (self, "attendance", class_id);
  return td_store_commit_bulk (self, details->str, error);
fail:
  td_store_rollback (self);
  return FALSE;
}

static gint64
class_scalar (TdStore *self, const char *sql, gint64 class_id, const char *text)
{
  TdStmt *stmt = td_store_prepare (self, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  td_bind_int (stmt, 1, class_id);
  if (text != NULL)
    td_bind_text (stmt, 2, text);
  if (td_stmt_step (stmt) == TD_DB_ROW)
    value = td_col_int_or (stmt, 0, 0);
  td_stmt_reset (stmt);
  return value;
}

/* Runs @sql with ?1 the class and ?2 the packet id. */
static gboolean
class_exec (TdStore *self, const char *sql, gint64 class_id, const char *packet_id,
            GError **error)
{
  TdStmt *stmt = td_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, class_id);
  if (td_stmt_param_count (stmt) > 1)
    td_bind_text (stmt, 2, packet_id);
  return td_store_step_done (self, stmt, error);
}

/* The rejected packet's records become pending.  Those a correction replaced meanwhile
 * leave the chain (the correction holds the current values, and a batch carries each
 * lesson and trainee once); a correction of the rejected packet restates nothing any more.
 * The chain is then numbered 1…n again and its pending part rehashed. */
static gboolean
reopen_packet (TdStore *self, gint64 class_id, const char *packet_id, GError **error)
{
  static const char *const steps[] = {
    "UPDATE attendance SET packet_id = NULL WHERE class_id = ?1 AND packet_id = ?2",
    "DELETE FROM attendance WHERE class_id = ?1 AND packet_id IS NULL AND replaced = 1",
    "UPDATE attendance SET restates = NULL WHERE class_id = ?1 AND packet_id IS NULL "
    "AND restates = ?2",
    "UPDATE attendance SET seq = -seq WHERE class_id = ?1",
    "UPDATE attendance SET seq = r.n FROM (SELECT id, row_number () OVER (ORDER BY seq DESC) "
    "AS n FROM attendance WHERE class_id = ?1) AS r WHERE attendance.id = r.id",
  };
  gint64 first;

  td_store_chain_touched (self, class_id, 0);   /* numbered again from 1 */
  td_store_attendance_touched (self, class_id, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    if (!class_exec (self, steps[i], class_id, packet_id, error))
      return FALSE;
  first = class_scalar (self, "SELECT min(seq) FROM attendance WHERE class_id = ? AND "
                              "packet_id IS NULL", class_id, NULL);
  return first == 0 || rechain_pending (self, class_id, first, error);
}

gboolean
td_store_unmark_attendance (TdStore *self, const char *packet_id, GError **error)
{
  gint64 class_id = class_scalar (self, "SELECT class_id FROM attendance WHERE CAST(?1 AS BIGINT) IS NOT NULL "
                                        "AND packet_id = ?2 LIMIT 1", 0, packet_id);

  g_autoptr (GString) details = NULL;

  if (class_id == 0)
    return TRUE;  /* no attendance record was carried by it */
  if (!td_store_begin_bulk (self, "reopen", "attendance", class_id, error))
    return FALSE;
  if (!reopen_packet (self, class_id, packet_id, error))
    {
      td_store_rollback (self);
      return FALSE;
    }
  details = g_string_new ("{\"packet_id\":");
  td_json_append_string (details, packet_id);
  g_string_append_c (details, '}');
  td_store_note_change (self, "attendance", class_id);
  return td_store_commit_bulk (self, details->str, error);
}

TdHalves
td_store_credited_hours (TdStore *self, gint64 class_id, gint64 trainee_id, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT coalesce(sum(hours), 0) FROM attendance "
    "WHERE class_id = ? AND trainee_id = ? AND replaced = 0", error);
  TdHalves total = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  td_bind_int (stmt, 1, class_id);
  td_bind_int (stmt, 2, trainee_id);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    total = (int) td_stmt_int64 (stmt, 0);
  if (!td_store_read_end (self, stmt, rc, error))
    return 0;
  return total;
}

/* ---- verification ---- */

static TdVerifyProblem *
problem_new (const char *code, const TdAttendance *r, char *message)
{
  TdVerifyProblem *p = g_new0 (TdVerifyProblem, 1);

  p->class_code = g_strdup (code);
  if (r != NULL)
    {
      p->lid = g_strdup (r->lid);
      p->id_number = g_strdup (r->id_number);
      p->seq = r->seq;
    }
  p->message = message;
  return p;
}

/* The lesson and trainee of the deleted record @seq, from the audit log's entry for the
 * deletion (a statement of its own: the log may be gone too, and then it stays unnamed). */
static void
name_from_audit (TdStore *self, gint64 class_id, gint64 seq, TdVerifyProblem *p)
{
  TdStmt *stmt = NULL;

  if (td_store_prepare_once (self, TD_SQL (self,
        "SELECT l.lid, t.id_number FROM audit a "
        "JOIN lesson l ON l.id = json_extract (a.old, '$.lesson_id') "
        "JOIN trainee t ON t.id = json_extract (a.old, '$.trainee_id') "
        "WHERE a.tbl = 'attendance' AND a.op = 'delete' "
        "AND json_extract (a.old, '$.class_id') = ?1 AND json_extract (a.old, '$.seq') = ?2 "
        "ORDER BY a.id DESC LIMIT 1",
        "SELECT l.lid, t.id_number FROM audit a "
        "JOIN lesson l ON l.id = (a.old::json ->> 'lesson_id')::bigint "
        "JOIN trainee t ON t.id = (a.old::json ->> 'trainee_id')::bigint "
        "WHERE a.tbl = 'attendance' AND a.op = 'delete' "
        "AND (a.old::json ->> 'class_id')::bigint = ?1 AND (a.old::json ->> 'seq')::bigint = ?2 "
        "ORDER BY a.id DESC LIMIT 1"), &stmt) != TD_DB_OK)
    return;
  td_bind_int (stmt, 1, class_id);
  td_bind_int (stmt, 2, seq);
  if (td_stmt_step (stmt) == TD_DB_ROW)
    {
      p->lid = td_col_dup (stmt, 0);
      p->id_number = td_col_dup (stmt, 1);
    }
  td_stmt_free (stmt);
}

/* Records missing from the chain leave a gap in the sequence numbers: one problem for the gap
 * (seq: the first missing one), not one for every record after it. */
static TdVerifyProblem *
gap_problem (TdStore *self, gint64 class_id, const char *code, gint64 first, gint64 last)
{
  TdVerifyProblem *p = problem_new (code, NULL, first == last
    ? g_strdup_printf (_("record %lld is missing from the attendance chain: it was deleted "
                         "outside TrainDesk"), (long long) first)
    : g_strdup_printf (_("records %lld–%lld are missing from the attendance chain: they were "
                         "deleted outside TrainDesk"), (long long) first, (long long) last));

  p->seq = first;
  if (first == last)
    name_from_audit (self, class_id, first, p);
  return p;
}

/* Checks the chain of @class_id after @from (NULL: the whole chain) into @problems; where
 * it ends (seq 0 and the zero hash for an empty chain) into @end. */
static gboolean
verify_class_chain (TdStore *self, gint64 class_id, const char *code, const TdChainMark *from,
                    GPtrArray *problems, TdChainMark *end, GError **error)
{
  g_autoptr (GPtrArray) chain = from != NULL
    ? list_where (self, "AND a.seq > ?2", class_id, from->seq, error)
    : td_store_list_chain (self, class_id, error);
  g_autofree char *prev = g_strdup (from != NULL ? from->hash : TD_CHAIN_ZERO);
  gint64 expected = from != NULL ? from->seq + 1 : 1;
  char next[65];

  if (chain == NULL)
    return FALSE;
  for (guint i = 0; i < chain->len; i++)
    {
      TdAttendance *r = g_ptr_array_index (chain, i);
      g_autofree char *line = record_line (r);
      gboolean after_gap = r->seq > expected;

      if (after_gap)
        g_ptr_array_add (problems, gap_problem (self, class_id, code, expected, r->seq - 1));
      expected = r->seq + 1;
      td_chain_step (prev, line, next);
      /* after a gap the record follows one that is gone: its hash cannot be recomputed */
      if (strcmp (next, r->hash) != 0 && !after_gap)
        g_ptr_array_add (problems, problem_new (code, r, g_strdup_printf (
          _("record %lld was changed outside TrainDesk: it no longer matches its hash "
            "in the attendance chain"), (long long) r->seq)));
      g_free (prev);
      /* report each changed record once, not every later one */
      prev = g_strdup (strcmp (next, r->hash) != 0 ? r->hash : next);
    }
  end->seq = expected - 1;
  g_strlcpy (end->hash, prev, sizeof end->hash);
  return TRUE;
}

/* Where the check of @class_id can resume: the mark, when no other connection wrote since
 * and the record at it still has the hash verified (read again after a change here); NULL
 * for the whole chain. */
static TdChainMark *
resume_mark (TdStore *self, gint64 class_id, guint64 data_version)
{
  TdChainMark *mark = g_hash_table_lookup (td_store_chain_marks (self), &class_id);
  TdStmt *stmt;
  gboolean same = FALSE;

  if (mark == NULL || mark->data_version != data_version)
    return NULL;
  if (mark->seq == 0)
    {
      g_strlcpy (mark->hash, TD_CHAIN_ZERO, sizeof mark->hash);
      return mark;
    }
  stmt = td_store_prepare (self, "SELECT hash FROM attendance WHERE class_id = ? AND seq = ?",
                           NULL);
  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  td_bind_int (stmt, 2, mark->seq);
  if (td_stmt_step (stmt) == TD_DB_ROW && td_col_bytes (stmt, 0) == 64)
    {
      const char *hash = td_stmt_text (stmt, 0);

      /* the record before a change here: the hash it has was recomputed when it was marked */
      if (mark->hash[0] == '\0')
        g_strlcpy (mark->hash, hash, sizeof mark->hash);
      same = strcmp (mark->hash, hash) == 0;
    }
  td_stmt_reset (stmt);
  return same ? mark : NULL;
}

GPtrArray *
td_store_verify_class (TdStore *self, gint64 class_id, GError **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                    td_verify_problem_free);
  g_autoptr (TdClass) k = td_store_get_class (self, class_id, error);
  /* inside a transaction what is read may still be rolled back: checked whole, not marked */
  gboolean marks = td_store_depth (self) == 0;
  guint64 data_version = td_store_data_version (self);
  TdChainMark *from = marks ? resume_mark (self, class_id, data_version) : NULL;
  TdChainMark end = { 0 };

  if (k == NULL || !verify_class_chain (self, class_id, k->code, from, problems, &end, error))
    return NULL;
  if (marks && problems->len == 0)
    {
      end.data_version = data_version;
      g_hash_table_insert (td_store_chain_marks (self), g_memdup2 (&class_id, sizeof class_id),
                           g_memdup2 (&end, sizeof end));
    }
  else
    g_hash_table_remove (td_store_chain_marks (self), &class_id);
  return g_steal_pointer (&problems);
}

GPtrArray *
td_store_verify_chains (TdStore *self, GError **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                    td_verify_problem_free);
  g_autoptr (GPtrArray) classes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TdStmt *stmt = td_store_prepare (self, "SELECT id, code FROM class ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      gint64 id = td_stmt_int64 (stmt, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (classes, td_col_dup (stmt, 1));
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    if (!verify_class_chain (self, g_array_index (ids, gint64, i),
                             g_ptr_array_index (classes, i), NULL, problems, &(TdChainMark){ 0 },
                             error))
      return NULL;
  return g_steal_pointer (&problems);
}

/* ---- streaming the pending records ---- */

gboolean
td_store_foreach_pending_attendance (TdStore *self, gint64 class_id, gint64 last_seq,
                                     TdAttendanceFunc func, gpointer user_data, GError **error)
{
  TdStmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_STORE (self) && func != NULL, FALSE);
  /* a statement of its own: @func may read the store through the cached ones */
  rc = td_store_prepare_once (self, ATT_SELECT "WHERE a.class_id = ?1 AND "
                                    "a.packet_id IS NULL AND (?2 = 0 OR a.seq <= ?2) ORDER BY a.seq",
                              &stmt);
  if (rc != TD_DB_OK)
    {
      td_store_set_error (self, rc, error, NULL);
      return FALSE;
    }
  td_bind_int (stmt, 1, class_id);
  td_bind_int (stmt, 2, last_seq);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      g_autoptr (TdAttendance) r = attendance_from_row (stmt);
      if (!func (r, user_data))
        {
          rc = TD_DB_DONE;
          break;
        }
    }
  td_stmt_free (stmt);
  if (rc != TD_DB_DONE)
    {
      td_store_set_error (self, rc, error, NULL);
      return FALSE;
    }
  return TRUE;
}

void
td_pending_attendance_clear (TdPendingAttendance *pending)
{
  g_clear_pointer (&pending->restates, g_free);
  memset (pending, 0, sizeof *pending);
}

/* One pass over the pending records in chain order: the batch runs up to the first record
 * that restates another packet than the first restating record does (a batch supersedes one
 * packet at most). */
gboolean
td_store_get_pending_attendance (TdStore *self, gint64 class_id, TdPendingAttendance *out,
                                 GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT seq, restates FROM attendance "
                                         "WHERE class_id = ? AND packet_id IS NULL ORDER BY seq",
                                   error);
  gboolean cut = FALSE;
  int rc;

  memset (out, 0, sizeof *out);
  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, class_id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      const char *restates = td_stmt_text (stmt, 1);

      out->n_pending++;
      if (restates != NULL && out->restates == NULL)
        out->restates = g_strdup (restates);
      else if (restates != NULL && strcmp (restates, out->restates) != 0)
        cut = TRUE;
      if (!cut)
        {
          out->n_batch++;
          out->last_seq = td_stmt_int64 (stmt, 0);
        }
    }
  if (!td_store_read_end (self, stmt, rc, error))
    {
      td_pending_attendance_clear (out);
      return FALSE;
    }
  return TRUE;
}
