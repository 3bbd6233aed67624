/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdStore: trainees (one row per person) and rosters (enrolments). */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-idnumber.h"
#include "core/td-store-private.h"

/* The last column is the row version, "%s": version_of () (0 before schema version 6). */
#define TRAINEE_COLUMNS \
  "t.id, t.id_number, t.name, t.gender, t.birth_date, t.phone, t.education, t.household_region, " \
  "%s"

/* The row version column of @alias's table as a reader selects it. */
static const char *
version_of (TdStore *self, const char *alias)
{
  if (td_store_get_schema_version (self) < 6)
    return "0";
  return g_str_equal (alias, "t") ? "t.row_version" : "e.row_version";
}

static void
trainee_from_row (TdStmt *stmt, int first, TdTrainee *t)
{
  t->id = td_stmt_int64 (stmt, first);
  td_col_copy (stmt, first + 1, t->id_number, sizeof t->id_number);
  t->name = td_col_dup (stmt, first + 2);
  t->gender = (int) td_stmt_int64 (stmt, first + 3);
  td_col_copy (stmt, first + 4, t->birth_date, sizeof t->birth_date);
  t->phone = td_col_dup (stmt, first + 5);
  td_col_copy (stmt, first + 6, t->education, sizeof t->education);
  td_col_copy (stmt, first + 7, t->household_region, sizeof t->household_region);
  t->row_version = td_stmt_int64 (stmt, first + 8);
}

static TdTrainee *
get_trainee_where (TdStore *self, const char *where, gint64 id, const char *id_number,
                   GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " TRAINEE_COLUMNS " FROM trainee t WHERE %s",
                                          version_of (self, "t"), where);
  TdStmt *stmt = td_store_prepare (self, sql, error);
  TdTrainee *t = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (id_number != NULL)
    td_bind_text (stmt, 1, id_number);
  else
    td_bind_int (stmt, 1, id);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      t = td_trainee_new ();
      trainee_from_row (stmt, 0, t);
    }
  if (!td_store_read_end (self, stmt, rc, error))
    g_clear_pointer (&t, td_trainee_free);
  return t;
}

TdTrainee *
td_store_find_trainee (TdStore *self, const char *id_number, GError **error)
{
  g_return_val_if_fail (TD_IS_STORE (self), NULL);
  if (id_number == NULL)
    return NULL;
  return get_trainee_where (self, "t.id_number = ?", 0, id_number, error);
}

TdTrainee *
td_store_get_trainee (TdStore *self, gint64 trainee_id, GError **error)
{
  g_autoptr (GError) local = NULL;
  TdTrainee *t = get_trainee_where (self, "t.id = ?", trainee_id, NULL, &local);

  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (t == NULL)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND,
                 _("There is no such trainee."));
  return t;
}

static gboolean
check_trainee (const TdTrainee *t, GError **error)
{
  if (!td_id_number_check_digit_ok (t->id_number))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("%s is not a valid id number (R-ID-001)."), t->id_number);
      return FALSE;
    }
  if (t->name == NULL || *t->name == '\0' || (t->gender != 1 && t->gender != 2)
      || td_day_from_iso (t->birth_date) == 0 || t->phone == NULL || t->education[0] == '\0'
      || t->household_region[0] == '\0')
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("Trainee %s: the name, gender, birth date, phone, education and household "
                     "region are all needed."), t->name != NULL ? t->name : t->id_number);
      return FALSE;
    }
  return TRUE;
}

gboolean
td_store_save_trainee (TdStore *self, TdTrainee *t, GError **error)
{
  TdStmt *stmt;

  g_return_val_if_fail (TD_IS_STORE (self) && t != NULL, FALSE);
  if (!check_trainee (t, error) || !td_store_begin (self, error))
    return FALSE;
  /* a person read for editing, changed on another desk since: refused */
  if (t->id != 0 && !td_store_check_row_version (self, "trainee", t->id, t->row_version,
                                                  t->name, error))
    goto fail;
  stmt = td_store_prepare (self,
    "INSERT INTO trainee (id_number, name, gender, birth_date, phone, education, "
    "household_region) VALUES (?,?,?,?,?,?,?) ON CONFLICT (id_number) DO UPDATE SET "
    "name = excluded.name, gender = excluded.gender, birth_date = excluded.birth_date, "
    "phone = excluded.phone, education = excluded.education, "
    "household_region = excluded.household_region RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  td_bind_text (stmt, 1, t->id_number);
  td_bind_text (stmt, 2, t->name);
  td_bind_int (stmt, 3, t->gender);
  td_bind_text (stmt, 4, t->birth_date);
  td_bind_text (stmt, 5, t->phone);
  td_bind_text (stmt, 6, t->education);
  td_bind_text (stmt, 7, t->household_region);
  if (td_stmt_step (stmt) != TD_DB_ROW)
    {
      td_store_set_error (self, td_db_last_error (td_store_conn (self)), error, NULL);
      td_stmt_reset (stmt);
      goto fail;
    }
  t->id = td_stmt_int64 (stmt, 0);
  td_stmt_reset (stmt);
  t->row_version = td_store_get_row_version (self, "trainee", t->id);
  td_store_note_change (self, "trainee", t->id);
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}

gint64
td_store_count_trainees (TdStore *self, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT count(*) FROM trainee", error);
  gint64 n = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    n = td_stmt_int64 (stmt, 0);
  if (!td_store_read_end (self, stmt, rc, error))
    return -1;
  return n;
}

GArray *
td_store_list_trainee_ids (TdStore *self, const char *order, GError **error)
{
  int rc;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *sql = "SELECT id FROM trainee ORDER BY id";
  TdStmt *stmt;

  if (g_strcmp0 (order, "name") == 0)
    sql = "SELECT id FROM trainee ORDER BY name, id";
  else if (g_strcmp0 (order, "id_number") == 0)
    sql = "SELECT id FROM trainee ORDER BY id_number";
  else if (g_strcmp0 (order, "birth_date") == 0)
    sql = "SELECT id FROM trainee ORDER BY birth_date, id";
  stmt = td_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      gint64 id = td_stmt_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

GPtrArray *
td_store_list_trainee_classes (TdStore *self, gint64 trainee_id, GError **error)
{
  int rc;
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  TdStmt *stmt = td_store_prepare (self, "SELECT c.code FROM enrolment e JOIN class c "
    "ON c.id = e.class_id WHERE e.trainee_id = ? ORDER BY c.start_date", error);

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, trainee_id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    g_ptr_array_add (codes, td_col_dup (stmt, 0));
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  return codes;
}

GHashTable *
td_store_list_enrolled_elsewhere (TdStore *self, gint64 class_id, GError **error)
{
  g_autoptr (GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  TdStmt *stmt = td_store_prepare (self, "SELECT t.id_number, c.code FROM enrolment e "
    "JOIN class c ON c.id = e.class_id JOIN trainee t ON t.id = e.trainee_id "
    "WHERE e.class_id != ? ORDER BY t.id_number, c.start_date", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    {
      const char *id = td_stmt_text (stmt, 0);
      GPtrArray *codes = g_hash_table_lookup (people, id);

      if (codes == NULL)
        {
          codes = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (people, g_strdup (id), codes);
        }
      g_ptr_array_add (codes, td_col_dup (stmt, 1));
    }
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&people);
}

/* ---- enrolments ---- */

/* The enrolment's row version and the person's: version_of (self, "e"), (self, "t"). */
#define ENROLMENT_SELECT \
  "SELECT e.id, e.class_id, e.position, e.categories, e.employment_before, e.consent_date, " \
  "e.withdrawn_date, e.withdrawn_reason, e.bank, e.account, %s, " TRAINEE_COLUMNS \
  " FROM enrolment e JOIN trainee t ON t.id = e.trainee_id "

static TdEnrolment *
enrolment_from_row (TdStmt *stmt)
{
  TdEnrolment *e = td_enrolment_new ();

  e->id = td_stmt_int64 (stmt, 0);
  e->class_id = td_stmt_int64 (stmt, 1);
  e->position = (int) td_stmt_int64 (stmt, 2);
  e->categories = td_col_dup (stmt, 3);
  e->employment_before = (int) td_stmt_int64 (stmt, 4);
  td_col_copy (stmt, 5, e->consent_date, sizeof e->consent_date);
  td_col_copy (stmt, 6, e->withdrawn_date, sizeof e->withdrawn_date);
  e->withdrawn_reason = td_col_dup (stmt, 7);
  e->bank = td_col_dup (stmt, 8);
  e->account = td_col_dup (stmt, 9);
  e->row_version = td_stmt_int64 (stmt, 10);
  trainee_from_row (stmt, 11, &e->trainee);
  return e;
}

GPtrArray *
td_store_list_enrolments (TdStore *self, gint64 class_id, GError **error)
{
  int rc;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_enrolment_free);
  g_autofree char *sql = g_strdup_printf (ENROLMENT_SELECT "WHERE e.class_id = ? ORDER BY "
                                          "e.position, e.id", version_of (self, "e"),
                                          version_of (self, "t"));
  TdStmt *stmt = td_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    g_ptr_array_add (list, enrolment_from_row (stmt));
  if (!td_store_read_end (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

TdEnrolment *
td_store_get_enrolment (TdStore *self, gint64 class_id, gint64 trainee_id, GError **error)
{
  g_autofree char *sql = g_strdup_printf (ENROLMENT_SELECT "WHERE e.class_id = ? AND "
                                          "e.trainee_id = ?", version_of (self, "e"),
                                          version_of (self, "t"));
  TdStmt *stmt = td_store_prepare (self, sql, error);
  TdEnrolment *e = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  td_bind_int (stmt, 2, trainee_id);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    e = enrolment_from_row (stmt);
  if (!td_store_read_end (self, stmt, rc, error))
    {
      td_enrolment_free (e);
      return NULL;
    }
  if (e == NULL)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND,
                 _("The trainee is not on this class's roster."));
  return e;
}

/* -1 with @error set when the value cannot be read. */
static gint64
scalar (TdStore *self, const char *sql, gint64 a, gint64 b, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, sql, error);
  gint64 n = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  td_bind_int (stmt, 1, a);
  if (td_stmt_param_count (stmt) > 1)
    td_bind_int (stmt, 2, b);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    n = td_stmt_int64 (stmt, 0);
  if (!td_store_read_end (self, stmt, rc, error))
    return -1;
  return n;
}

/* The enrolment's columns as the INSERT and the UPDATE of the enrolment take them:
 * categories … position, then class_id and trainee_id, from parameter @first + 1 on.  Not
 * copied: @e outlives the step. */
static void
bind_enrolment_at (TdStmt *stmt, int first, const TdEnrolment *e)
{
  td_bind_text_static (stmt, first + 1, e->categories);
  td_bind_int (stmt, first + 2, e->employment_before);
  td_bind_text_static (stmt, first + 3, e->consent_date);
  td_bind_text_static (stmt, first + 4, e->withdrawn_date);
  td_bind_text_static (stmt, first + 5, e->withdrawn_reason);
  td_bind_text_static (stmt, first + 6, e->bank);
  td_bind_text_static (stmt, first + 7, e->account);
  td_bind_int (stmt, first + 8, e->position);
  td_bind_int (stmt, first + 9, e->class_id);
  td_bind_int (stmt, first + 10, e->trainee.id);
}

#define bind_enrolment(stmt, e) bind_enrolment_at ((stmt), 0, (e))

static gboolean
write_enrolment (TdStore *self, TdEnrolment *e, GError **error)
{
  TdStmt *stmt;

  if (e->id == 0)
    {
      gint64 next = scalar (self, "SELECT coalesce(max(position), 0) + 1 FROM enrolment "
                                  "WHERE class_id = ?", e->class_id, 0, error);
      if (next < 0)
        return FALSE;
      e->position = (int) next;
      stmt = td_store_prepare (self, "INSERT INTO enrolment (categories, employment_before, "
        "consent_date, withdrawn_date, withdrawn_reason, bank, account, position, class_id, "
        "trainee_id) VALUES (?,?,?,?,?,?,?,?,?,?)", error);
    }
  else
    stmt = td_store_prepare (self, "UPDATE enrolment SET categories=?, employment_before=?, "
      "consent_date=?, withdrawn_date=?, withdrawn_reason=?, bank=?, account=?, position=? "
      "WHERE class_id=? AND trainee_id=?", error);
  if (stmt == NULL)
    return FALSE;
  bind_enrolment (stmt, e);
  if (!td_store_step_done (self, stmt, error))
    return FALSE;
  if (e->id == 0)
    e->id = td_store_last_insert_id (self, "enrolment");
  return TRUE;
}

gboolean
td_store_save_enrolment (TdStore *self, TdEnrolment *e, GError **error)
{
  g_return_val_if_fail (TD_IS_STORE (self) && e != NULL && e->class_id != 0, FALSE);
  if (e->categories == NULL || *e->categories == '\0' || td_day_from_iso (e->consent_date) == 0)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("Trainee %s: at least one category and the consent date are needed."),
                   e->trainee.name != NULL ? e->trainee.name : e->trainee.id_number);
      return FALSE;
    }
  if (!td_store_begin (self, error))
    return FALSE;
  if (!td_store_save_trainee (self, &e->trainee, error))
    goto fail;
  if (e->id == 0)
    {
      gint64 n = scalar (self, "SELECT count(*) FROM enrolment WHERE class_id = ? AND "
                               "trainee_id = ?", e->class_id, e->trainee.id, error);
      if (n > 0)
        g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                     _("%s (%s) is already on this class's roster."), e->trainee.name,
                     e->trainee.id_number);
      if (n != 0)
        goto fail;
    }
  {
    g_autofree char *what = g_strdup_printf (_("The enrolment of %s"), e->trainee.name);

    if (e->id != 0 && !td_store_check_row_version (self, "enrolment", e->id, e->row_version,
                                                   what, error))
      goto fail;
  }
  if (!write_enrolment (self, e, error))
    goto fail;
  e->row_version = td_store_get_row_version (self, "enrolment", e->id);
  td_store_note_change (self, "enrolment", e->id);
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}

/* The checks of td_store_save_enrolment () that need nothing stored. */
static gboolean
check_enrolment (TdEnrolment *e, GError **error)
{
  if (e->categories == NULL || *e->categories == '\0' || td_day_from_iso (e->consent_date) == 0)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("Trainee %s: at least one category and the consent date are needed."),
                   e->trainee.name != NULL ? e->trainee.name : e->trainee.id_number);
      return FALSE;
    }
  return check_trainee (&e->trainee, error);
}

/* On SQLite the rows are added ADD_BATCH at a time: one statement of ADD_BATCH rows for the
 * people and one for their enrolments instead of one per row.  Each statement SQLite runs
 * costs its own start and end (the cursors of every index, the statement journal below),
 * which was a fifth of an import's time in the store. */
#define ADD_BATCH 50
#define TRAINEE_INTO \
  "INTO trainee (name, gender, birth_date, phone, education, household_region, id_number"
#define ENROLMENT_INTO \
  "INTO enrolment (categories, employment_before, consent_date, withdrawn_date, " \
  "withdrawn_reason, bank, account, position, class_id, trainee_id"

typedef struct
{
  TdStmt *find, *insert, *update, *enrolment, *number;
  /* SQLite only: ADD_BATCH rows a statement, each with the row id it takes (batch_*) */
  TdStmt *batch_insert, *batch_enrolment, *find_enrolment;
  gint64 next_trainee, next_enrolment;    /* the row ids the next batch's rows take */
} AddStatements;

/* "INSERT OR FAIL INTO … (columns, id) VALUES (?,…,?), … ON CONFLICT (…) DO NOTHING" of
 * ADD_BATCH rows of @n_columns values each (the row id last).  OR FAIL: a statement that
 * could stop half way with its rows undone keeps a copy of every page it changes (a
 * statement journal), a quarter of the store's time with the rows spread over the indexes;
 * here a refused row fails the whole add, which the caller rolls back. */
static char *
batch_sql (const char *into, int n_columns, const char *conflict)
{
  GString *sql = g_string_new ("INSERT OR FAIL ");

  g_string_append (sql, into);
  g_string_append (sql, ", id) VALUES ");
  for (int r = 0; r < ADD_BATCH; r++)
    {
      g_string_append (sql, r == 0 ? "(?" : ",(?");
      for (int c = 1; c < n_columns; c++)
        g_string_append (sql, ",?");
      g_string_append_c (sql, ')');
    }
  g_string_append_printf (sql, " ON CONFLICT (%s) DO NOTHING", conflict);
  return g_string_free (sql, FALSE);
}

/* The statements of td_store_add_enrolments (), kept by the connection: prepared once for
 * every row of every import.  The person is inserted unless the id number is stored, and
 * only then looked up and updated: most people of a roster are new, and a look-up before
 * each insert was a tenth of the store's time.  Not an upsert with RETURNING: SQLite makes
 * a table for the RETURNING rows at each step, which was a third of an import's time in
 * the store.  The batches give each new row its id themselves, the next after the
 * largest (as SQLite would): the rows it did not insert (a person stored before, one
 * already on the roster) are then told by their id. */
static gboolean
add_prepare (TdStore *self, AddStatements *st, GError **error)
{
  st->find = td_store_prepare (self, "SELECT id FROM trainee WHERE id_number = ?", error);
  st->insert = st->find == NULL ? NULL : td_store_prepare (self,
    "INSERT " TRAINEE_INTO ") VALUES (?,?,?,?,?,?,?) ON CONFLICT (id_number) DO NOTHING",
    error);
  /* An import runs no triggers on SQLite (td_store_bulk_started): the UPDATE moves the
   * person's row version itself when it changes anything, as the trigger version_trainee
   * does (which then sees the version moved and does nothing).  The server's trigger moves
   * it and says who did. */
  st->update = st->insert == NULL ? NULL : td_store_prepare (self,
    td_store_get_schema_version (self) >= 6 && !td_store_on_server (self)
    ? "UPDATE trainee SET name = ?1, gender = ?2, birth_date = ?3, phone = ?4, education = ?5, "
      "household_region = ?6, row_version = row_version + (name IS NOT ?1 OR gender IS NOT ?2 "
      "OR birth_date IS NOT ?3 OR phone IS NOT ?4 OR education IS NOT ?5 OR household_region "
      "IS NOT ?6) WHERE id = ?7"
    : "UPDATE trainee SET name = ?, gender = ?, birth_date = ?, phone = ?, education = ?, "
      "household_region = ? WHERE id = ?", error);
  st->enrolment = st->update == NULL ? NULL : td_store_prepare (self,
    "INSERT " ENROLMENT_INTO ") VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (class_id, trainee_id) "
    "DO NOTHING", error);
  st->number = st->enrolment == NULL ? NULL : td_store_prepare (self,
    "INSERT INTO terminal_no (enrolment_id, class_id, number) VALUES (?, ?, ?)", error);
  if (st->number == NULL)
    return FALSE;
  if (!td_store_on_server (self))
    {
      g_autofree char *people = batch_sql (TRAINEE_INTO, 8, "id_number");
      g_autofree char *rosters = batch_sql (ENROLMENT_INTO, 11, "class_id, trainee_id");

      st->next_trainee = scalar (self, "SELECT coalesce(max(id), 0) + 1 FROM trainee", 0, 0,
                                 error);
      st->next_enrolment = st->next_trainee < 0 ? -1 : scalar (self,
        "SELECT coalesce(max(id), 0) + 1 FROM enrolment", 0, 0, error);
      if (st->next_enrolment < 0)
        return FALSE;
      st->batch_insert = td_store_prepare (self, people, error);
      st->batch_enrolment = st->batch_insert == NULL ? NULL
                            : td_store_prepare (self, rosters, error);
      st->find_enrolment = st->batch_enrolment == NULL ? NULL : td_store_prepare (self,
        "SELECT id FROM enrolment WHERE class_id = ? AND trainee_id = ?", error);
      return st->find_enrolment != NULL;
    }
  return TRUE;
}

/* Binds the person's details to @stmt (the insert or the update of add_prepare) from
 * parameter @first + 1 on, the id number or the row id last; not copied, @t outlives the
 * step. */
static void
bind_trainee_at (TdStmt *stmt, int first, const TdTrainee *t)
{
  td_bind_text_static (stmt, first + 1, t->name);
  td_bind_int (stmt, first + 2, t->gender);
  td_bind_text_static (stmt, first + 3, t->birth_date);
  td_bind_text_static (stmt, first + 4, t->phone);
  td_bind_text_static (stmt, first + 5, t->education);
  td_bind_text_static (stmt, first + 6, t->household_region);
  if (t->id != 0)
    td_bind_int (stmt, first + 7, t->id);
  else
    td_bind_text_static (stmt, first + 7, t->id_number);
}

#define bind_trainee(stmt, t) bind_trainee_at ((stmt), 0, (t))

/* The stored id of the person with @t's id number in @id; FALSE with @error when it cannot
 * be read (or is not there). */
static gboolean
find_person (TdStore *self, AddStatements *st, const TdTrainee *t, gint64 *id, GError **error)
{
  TdDbRc rc;

  td_bind_text (st->find, 1, t->id_number);
  rc = td_stmt_step (st->find);
  *id = rc == TD_DB_ROW ? td_stmt_int64 (st->find, 0) : 0;
  td_stmt_reset (st->find);
  if (rc != TD_DB_ROW)
    td_store_set_error (self, rc == TD_DB_DONE ? TD_DB_FAILED : rc, error, NULL);
  return rc == TD_DB_ROW;
}

static void
set_on_roster_error (const TdEnrolment *e, GError **error)
{
  g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
               _("%s (%s) is already on this class's roster."), e->trainee.name,
               e->trainee.id_number);
}

/* Stores the person and the enrolment of @e (a new one); FALSE with @error when the person
 * is on the roster already or SQLite refuses. */
static gboolean
add_one (TdStore *self, AddStatements *st, TdEnrolment *e, GError **error)
{
  e->trainee.id = 0;
  bind_trainee (st->insert, &e->trainee);
  if (!td_store_step_done (self, st->insert, error))
    return FALSE;
  if (td_db_changes (td_store_conn (self)) > 0)
    e->trainee.id = td_store_last_insert_id (self, "trainee");
  else
    {
      /* a person already known takes the file's details, as td_store_save_trainee has it */
      if (!find_person (self, st, &e->trainee, &e->trainee.id, error))
        return FALSE;
      bind_trainee (st->update, &e->trainee);
      if (!td_store_step_done (self, st->update, error))
        return FALSE;
    }
  bind_enrolment (st->enrolment, e);
  if (!td_store_step_done (self, st->enrolment, error))
    return FALSE;
  if (td_db_changes (td_store_conn (self)) == 0)
    {
      set_on_roster_error (e, error);
      return FALSE;
    }
  e->id = td_store_last_insert_id (self, "enrolment");
  return TRUE;
}

/* add_one () for the ADD_BATCH rows from @rows on (SQLite); FALSE with @error and the
 * index of the row refused in *@bad. */
static gboolean
add_batch (TdStore *self, AddStatements *st, TdEnrolment *const *rows, guint *bad,
           GError **error)
{
  guint j;

  *bad = 0;
  for (j = 0; j < ADD_BATCH; j++)
    {
      rows[j]->trainee.id = 0;
      bind_trainee_at (st->batch_insert, j * 8, &rows[j]->trainee);
      td_bind_int (st->batch_insert, j * 8 + 8, st->next_trainee + j);
    }
  if (!td_store_step_done (self, st->batch_insert, error))
    return FALSE;
  if (td_db_changes (td_store_conn (self)) == ADD_BATCH)
    for (j = 0; j < ADD_BATCH; j++)
      rows[j]->trainee.id = st->next_trainee + j;
  else
    /* a row whose person holds another id than the one it gave was stored before (or
     * earlier in the file): it takes the file's details, as in add_one () */
    for (j = 0; j < ADD_BATCH; j++)
      {
        TdTrainee *t = &rows[j]->trainee;

        *bad = j;
        if (!find_person (self, st, t, &t->id, error))
          return FALSE;
        if (t->id == st->next_trainee + j)
          continue;
        bind_trainee (st->update, t);
        if (!td_store_step_done (self, st->update, error))
          return FALSE;
      }
  st->next_trainee += ADD_BATCH;
  for (j = 0; j < ADD_BATCH; j++)
    {
      rows[j]->id = st->next_enrolment + j;
      bind_enrolment_at (st->batch_enrolment, j * 11, rows[j]);
      td_bind_int (st->batch_enrolment, j * 11 + 11, rows[j]->id);
    }
  *bad = 0;
  if (!td_store_step_done (self, st->batch_enrolment, error))
    return FALSE;
  st->next_enrolment += ADD_BATCH;
  if (td_db_changes (td_store_conn (self)) == ADD_BATCH)
    return TRUE;
  /* the first row whose enrolment holds another id than the one it gave was on the roster */
  for (j = 0; j < ADD_BATCH; j++)
    {
      TdStmt *stmt = st->find_enrolment;
      TdDbRc rc;

      *bad = j;
      td_bind_int (stmt, 1, rows[j]->class_id);
      td_bind_int (stmt, 2, rows[j]->trainee.id);
      rc = td_stmt_step (stmt);
      if (rc == TD_DB_ROW && td_stmt_int64 (stmt, 0) != rows[j]->id)
        {
          td_stmt_reset (stmt);
          set_on_roster_error (rows[j], error);
          return FALSE;
        }
      td_stmt_reset (stmt);
      if (rc != TD_DB_ROW)
        {
          td_store_set_error (self, rc == TD_DB_DONE ? TD_DB_FAILED : rc, error, NULL);
          return FALSE;
        }
    }
  td_store_set_error (self, TD_DB_FAILED, error, NULL);
  return FALSE;
}

gboolean
td_store_add_enrolments (TdStore *self, gint64 class_id, TdEnrolment *const *enrolments,
                         const char *const *terminal_numbers, guint n,
                         TdStoreProgress progress, gpointer user_data,
                         GCancellable *cancellable, guint *failed, GError **error)
{
  AddStatements st = { NULL };
  gint64 next;
  guint i, j, k, bad = 0;

  g_return_val_if_fail (TD_IS_STORE (self) && (enrolments != NULL || n == 0), FALSE);
  for (i = 0; i < n; i++)
    if (!check_enrolment (enrolments[i], error))
      goto refused;
  if (!td_store_begin (self, error))
    return FALSE;
  next = scalar (self, "SELECT coalesce(max(position), 0) + 1 FROM enrolment WHERE class_id = ?",
                 class_id, 0, error);
  if (next < 0 || !add_prepare (self, &st, error))
    goto fail;
  for (i = 0; i < n; i += k)
    {
      k = st.batch_insert != NULL && n - i >= ADD_BATCH ? ADD_BATCH : 1;
      for (j = i; j < i + k; j++)
        {
          enrolments[j]->class_id = class_id;
          enrolments[j]->position = (int) next++;
        }
      if (k == ADD_BATCH ? !add_batch (self, &st, enrolments + i, &bad, error)
                         : !add_one (self, &st, enrolments[i], error))
        {
          i += bad;
          goto fail_at;
        }
      for (j = i; j < i + k; j++)
        {
          const TdEnrolment *e = enrolments[j];
          const char *number = terminal_numbers != NULL ? terminal_numbers[j] : NULL;

          /* a number equal to the position is the default, as td_store_set_terminal_number
           * has it */
          if (number != NULL && *number != '\0'
              && g_ascii_strtoll (number, NULL, 10) != e->position)
            {
              td_bind_int (st.number, 1, e->id);
              td_bind_int (st.number, 2, class_id);
              td_bind_text_static (st.number, 3, number);
              if (!td_store_step_done (self, st.number, error))
                {
                  i = j;
                  goto fail_at;
                }
            }
          if (progress != NULL)
            progress (j + 1, n, user_data);
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
    }
  td_store_note_change (self, "trainee", 0);
  td_store_note_change (self, "enrolment", 0);
  return td_store_commit (self, error);
fail_at:
  if (failed != NULL)
    *failed = i;
fail:
  td_store_rollback (self);
  return FALSE;
refused:
  if (failed != NULL)
    *failed = i;
  return FALSE;
}

gboolean
td_store_remove_enrolment (TdStore *self, gint64 class_id, gint64 trainee_id, GError **error)
{
  TdStmt *stmt;
  gint64 used = scalar (self, "SELECT (SELECT count(*) FROM attendance WHERE class_id = ?1 AND "
                              "trainee_id = ?2) + (SELECT count(*) FROM result WHERE class_id "
                              "= ?1 AND trainee_id = ?2) + (SELECT count(*) FROM follow_up "
                              "WHERE class_id = ?1 AND trainee_id = ?2)", class_id, trainee_id,
                        error);

  if (used < 0)
    return FALSE;
  if (used > 0)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD,
                   _("This trainee already has attendance or results in the class and cannot "
                     "be removed from the roster. Record a withdrawal (退训) instead."));
      return FALSE;
    }
  if (!td_store_begin (self, error))
    return FALSE;
  stmt = td_store_prepare (self, "DELETE FROM enrolment WHERE class_id = ? AND trainee_id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  td_bind_int (stmt, 1, class_id);
  td_bind_int (stmt, 2, trainee_id);
  if (!td_store_step_done (self, stmt, error))
    goto fail;
  td_store_note_change (self, "enrolment", 0);
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}

gboolean
td_store_withdraw (TdStore *self, gint64 class_id, gint64 trainee_id, const char *date,
                   const char *reason, GError **error)
{
  g_autoptr (TdEnrolment) e = td_store_get_enrolment (self, class_id, trainee_id, error);
  g_autoptr (TdClass) k = NULL;

  if (e == NULL)
    return FALSE;
  k = td_store_get_class (self, class_id, error);
  if (k == NULL)
    return FALSE;
  if (td_day_from_iso (date) == 0 || reason == NULL || *reason == '\0')
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("A withdrawal needs its date and a reason."));
      return FALSE;
    }
  if (g_strcmp0 (date, k->start_date) < 0 || g_strcmp0 (date, k->end_date) > 0)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("A withdrawal is dated within the class, %s to %s (R-NOT-002)."),
                   k->start_date, k->end_date);
      return FALSE;
    }
  g_strlcpy (e->withdrawn_date, date, sizeof e->withdrawn_date);
  g_free (e->withdrawn_reason);
  e->withdrawn_reason = g_strdup (reason);
  return td_store_save_enrolment (self, e, error);
}

int
td_store_count_enrolled (TdStore *self, gint64 class_id, GError **error)
{
  return (int) scalar (self, "SELECT count(*) FROM enrolment WHERE class_id = ? AND "
                             "withdrawn_date IS NULL", class_id, 0, error);
}
