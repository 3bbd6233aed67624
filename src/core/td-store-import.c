/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdStore: what an attendance import needs beyond the attendance records themselves — the
 * terminal person numbers (考勤号) of a roster, and one audit entry for the whole import. */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-punch.h"
#include "core/td-store-private.h"

/* Trainee id, enrolment id, the number (own or the roster position), the trainee's name. */
#define NUMBERS_SELECT \
  "SELECT e.trainee_id, e.id, coalesce (n.number, CAST (e.position AS TEXT)), t.name " \
  "FROM enrolment e JOIN trainee t ON t.id = e.trainee_id " \
  "LEFT JOIN terminal_no n ON n.enrolment_id = e.id WHERE e.class_id = ? "

GHashTable *
td_store_list_terminal_numbers (TdStore *self, gint64 class_id, GError **error)
{
  g_autoptr (GHashTable) numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          g_free);
  TdStmt *stmt;
  int rc;

  g_return_val_if_fail (TD_IS_STORE (self), NULL);
  stmt = td_store_prepare (self, NUMBERS_SELECT, error);
  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  while ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    g_hash_table_insert (numbers, g_memdup2 (&(gint64) { td_stmt_int64 (stmt, 0) },
                                             sizeof (gint64)), td_col_dup (stmt, 2));
  td_stmt_reset (stmt);
  if (rc != TD_DB_DONE)
    {
      td_store_set_error (self, rc, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&numbers);
}

gboolean
td_store_find_shared_terminal_number (TdStore *self, gint64 class_id, char **number,
                                      GError **error)
{
  /* Positions are distinct: only a class with a number of its own can have two alike, so
   * a class without one (most) costs one look-up in terminal_no's index. */
  TdStmt *stmt;
  int rc;

  g_return_val_if_fail (TD_IS_STORE (self) && number != NULL, FALSE);
  *number = NULL;
  stmt = td_store_prepare (self, "SELECT num FROM (SELECT coalesce (n.number, CAST "
    "(e.position AS TEXT)) AS num FROM enrolment e LEFT JOIN terminal_no n ON n.enrolment_id "
    "= e.id WHERE e.class_id = ?1 AND EXISTS (SELECT 1 FROM terminal_no WHERE class_id = ?1)) "
    "AS numbers GROUP BY num HAVING count(*) > 1 ORDER BY num LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, class_id);
  if ((rc = td_stmt_step (stmt)) == TD_DB_ROW)
    *number = td_col_dup (stmt, 0);
  if (!td_store_read_end (self, stmt, rc, error))
    {
      g_clear_pointer (number, g_free);
      return FALSE;
    }
  return TRUE;
}

/* The enrolment of @trainee_id and its roster position; FALSE when not on the roster. */
static gboolean
find_enrolment (TdStore *self, gint64 class_id, gint64 trainee_id, gint64 *enrolment_id,
                char **position, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT id, CAST (position AS TEXT) FROM "
                                         "enrolment WHERE class_id = ? AND trainee_id = ?",
                                         error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, class_id);
  td_bind_int (stmt, 2, trainee_id);
  found = td_stmt_step (stmt) == TD_DB_ROW;
  if (found)
    {
      *enrolment_id = td_stmt_int64 (stmt, 0);
      *position = td_col_dup (stmt, 1);
    }
  td_stmt_reset (stmt);
  if (!found)
    g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND,
                 _("The trainee is not on this class's roster."));
  return found;
}

/* The name of another trainee of the class whose number is @number, or NULL. */
static char *
holder_of (TdStore *self, gint64 class_id, gint64 enrolment_id, const char *number)
{
  char *name = NULL;
  TdStmt *stmt = td_store_prepare (self,
    "SELECT t.name FROM enrolment e JOIN trainee t ON t.id = e.trainee_id "
    "LEFT JOIN terminal_no n ON n.enrolment_id = e.id WHERE e.class_id = ?1 AND e.id != ?2 "
    "AND coalesce (n.number, CAST (e.position AS TEXT)) = ?3", NULL);
  if (stmt == NULL)
    return NULL;
  td_bind_int (stmt, 1, class_id);
  td_bind_int (stmt, 2, enrolment_id);
  td_bind_text (stmt, 3, number);
  if (td_stmt_step (stmt) == TD_DB_ROW)
    name = td_col_dup (stmt, 0);
  td_stmt_reset (stmt);
  return name;
}

static gboolean
write_number (TdStore *self, gint64 class_id, gint64 enrolment_id, const char *number,
              const char *position, GError **error)
{
  gboolean is_default = number == NULL || g_strcmp0 (number, position) == 0;
  TdStmt *stmt = td_store_prepare (self, is_default
    ? "DELETE FROM terminal_no WHERE enrolment_id = ?1"
    : "INSERT INTO terminal_no (enrolment_id, class_id, number) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (enrolment_id) DO UPDATE SET number = excluded.number "
      "WHERE terminal_no.number != excluded.number", error);

  if (stmt == NULL)
    return FALSE;
  td_bind_int (stmt, 1, enrolment_id);
  if (!is_default)
    {
      td_bind_int (stmt, 2, class_id);
      td_bind_text (stmt, 3, number);
    }
  return td_store_step_done (self, stmt, error);
}

gboolean
td_store_set_terminal_number (TdStore *self, gint64 class_id, gint64 trainee_id,
                              const char *number, GError **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *position = NULL;
  g_autofree char *holder = NULL;
  gint64 enrolment_id = 0;

  g_return_val_if_fail (TD_IS_STORE (self), FALSE);
  if (number != NULL && number[0] != '\0')
    {
      normal = td_terminal_number_normalize (number);
      if (normal == NULL)
        {
          g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                       _("“%s” is not a terminal person number: use the whole number above 0 "
                         "that the sign-in terminal shows for the trainee."), number);
          return FALSE;
        }
    }
  if (!td_store_begin (self, error))
    return FALSE;
  if (!find_enrolment (self, class_id, trainee_id, &enrolment_id, &position, error))
    goto fail;
  holder = holder_of (self, class_id, enrolment_id, normal != NULL ? normal : position);
  if (holder != NULL)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("%s already has the terminal person number %s in this class: give one of "
                     "them another number."), holder, normal != NULL ? normal : position);
      goto fail;
    }
  if (!write_number (self, class_id, enrolment_id, normal, position, error))
    goto fail;
  td_store_note_change (self, "enrolment", enrolment_id);
  return td_store_commit (self, error);
fail:
  td_store_rollback (self);
  return FALSE;
}

char *
td_store_import_details (TdStore *self, const TdImportLog *log)
{
  TdStmt *stmt;
  char *json = NULL;

  g_return_val_if_fail (TD_IS_STORE (self) && log != NULL, NULL);
  /* SQLite writes the JSON: a file name is escaped as JSON wants it */
  stmt = td_store_prepare (self, TD_SQL (self,
    "SELECT json_object ('file', ?1, 'sha256', ?2, 'punches', ?3, "
    "'records', ?4, 'new', ?5, 'changed', ?6, 'corrections', ?7, 'exceptions', ?8)",
    /* as SQLite prints it */
    "SELECT '{\"file\":' || coalesce (to_json (?1::text)::text, 'null') || ',\"sha256\":' || "
    "coalesce (to_json (?2::text)::text, 'null') || ',\"punches\":' || ?3::bigint || "
    "',\"records\":' || ?4::bigint || ',\"new\":' || ?5::bigint || ',\"changed\":' || "
    "?6::bigint || ',\"corrections\":' || ?7::bigint || ',\"exceptions\":' || ?8::bigint || '}'"),
    NULL);
  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, log->file_name);
  td_bind_text (stmt, 2, log->sha256);
  td_bind_int (stmt, 3, log->n_punches);
  td_bind_int (stmt, 4, log->n_records);
  td_bind_int (stmt, 5, log->n_new);
  td_bind_int (stmt, 6, log->n_changed);
  td_bind_int (stmt, 7, log->n_corrections);
  td_bind_int (stmt, 8, log->n_exceptions);
  if (td_stmt_step (stmt) == TD_DB_ROW)
    json = td_col_dup (stmt, 0);
  td_stmt_reset (stmt);
  return json;
}
