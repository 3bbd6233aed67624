/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdStore and the files beside it: the database readable by its owner only, packets logged
 * before their file is in place ("writing") and reconciled on open after a kill (on a server
 * only when the desk exporting it is gone: td_store_export_lock_take), our stale temporary
 * files removed. */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/td-file.h"
#include "core/td-store-private.h"

/* A temporary file this old is a leftover of a killed program, not one being written. */
#define STALE_SECONDS 600

void
td_store_make_private (TdStore *self)
{
  const char *path = td_store_get_path (self);
  const char *const suffixes[] = { "", "-wal", "-shm" };
  gboolean was_open = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      gboolean open = FALSE;
      g_autoptr (GError) error = NULL;

      if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!td_file_make_private (file, &open, &error))
        g_warning ("%s", error->message);
      was_open |= open;
    }
  if (was_open)
    td_store_add_notice (self, g_strdup_printf (_("Other users of this computer could read "
                                                  "%s. It holds personal data, so it is now "
                                                  "readable by you only."), path));
}

static gboolean
set_status (TdStore *self, const char *packet_id, const char *from, const char *to,
            GError **error)
{
  TdStmt *stmt;

  if (!td_store_begin (self, error))
    return FALSE;
  stmt = td_store_prepare (self, "UPDATE packet SET status = ? WHERE id = ? AND status = ?",
                           error);
  if (stmt == NULL)
    {
      td_store_rollback (self);
      return FALSE;
    }
  td_bind_text (stmt, 1, to);
  td_bind_text (stmt, 2, packet_id);
  td_bind_text (stmt, 3, from);
  if (!td_store_step_done (self, stmt, error))
    {
      td_store_rollback (self);
      return FALSE;
    }
  td_store_note_change (self, "packet", 0);
  return td_store_commit (self, error);
}

gboolean
td_store_finish_packet (TdStore *self, const char *packet_id, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (TD_IS_STORE (self) && packet_id != NULL, FALSE);
  ok = set_status (self, packet_id, td_packet_status_token (TD_PACKET_WRITING),
                   td_packet_status_token (TD_PACKET_SENT), error);
  /* done or failed, this desk's export has ended: a row left "writing" is for others to
   * settle */
  td_store_export_ended (self, packet_id);
  return ok;
}

static gboolean
delete_for (TdStore *self, const char *sql, const char *packet_id, GError **error)
{
  TdStmt *stmt = td_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  td_bind_text (stmt, 1, packet_id);
  return td_store_step_done (self, stmt, error);
}

static gboolean
forget (TdStore *self, const char *packet_id, GError **error)
{
  g_return_val_if_fail (TD_IS_STORE (self) && packet_id != NULL, FALSE);
  if (!td_store_begin (self, error))
    return FALSE;
  if (td_store_unmark_attendance (self, packet_id, error)
      && delete_for (self, "DELETE FROM claim_line WHERE claim_id IN "
                           "(SELECT id FROM claim WHERE packet_id = ?)", packet_id, error)
      && delete_for (self, "DELETE FROM claim WHERE packet_id = ?", packet_id, error)
      && delete_for (self, "DELETE FROM packet_content WHERE packet_id = "
                           "(SELECT id FROM packet WHERE id = ? AND status = 'writing')",
                     packet_id, error)
      && delete_for (self, "DELETE FROM packet WHERE id = ? AND status = 'writing'", packet_id,
                     error))
    {
      td_store_note_change (self, "packet", 0);
      return td_store_commit (self, error);
    }
  td_store_rollback (self);
  return FALSE;
}

gboolean
td_store_forget_packet (TdStore *self, const char *packet_id, GError **error)
{
  gboolean ok = forget (self, packet_id, error);

  td_store_export_ended (self, packet_id);
  return ok;
}

/* TRUE when the file at @path holds exactly the logged bytes. */
static gboolean
file_holds (const char *path, const void *content, gsize len)
{
  g_autofree char *data = NULL;
  gsize got = 0;
  GStatBuf st;

  /* the size first: a large file that cannot be it is never read */
  return path != NULL && g_stat (path, &st) == 0 && (guint64) st.st_size == len
         && g_file_get_contents (path, &data, &got, NULL) && got == len
         && memcmp (data, content, len) == 0;
}

gboolean
td_store_relocate_packet (TdStore *self, const char *packet_id, const char *path,
                          GError **error)
{
  g_autoptr (TdPacketLog) log = td_store_get_packet (self, packet_id, error);
  g_autofree char *absolute = NULL;
  gsize len;
  const void *content;

  g_return_val_if_fail (TD_IS_STORE (self) && path != NULL, FALSE);
  if (log == NULL)
    return FALSE;
  content = g_bytes_get_data (log->content, &len);
  if (!file_holds (path, content, len))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_FAILED,
                   _("%s is not the file of packet %s: it does not hold what was sent. Choose "
                     "the file that was sent."), path, packet_id);
      return FALSE;
    }
  absolute = td_file_absolute (path);
  return td_store_set_packet_file (self, packet_id, absolute, error);
}

/* A program killed between logging a packet and marking it done: when its file is in place
 * the export was complete; otherwise it never happened for the user, and is undone.  On a
 * server the file may have been written on another desk's computer, which this one cannot
 * look at: what it cannot see here does not count as sent. */
static void
reconcile (TdStore *self, const char *id, const char *path, const void *content, gsize len,
           GPtrArray *said)
{
  g_autoptr (GError) error = NULL;
  gboolean done = file_holds (path, content, len);

  if (!(done ? td_store_finish_packet (self, id, &error)
             : td_store_forget_packet (self, id, &error)))
    g_warning ("%s", error->message);
  else if (done)
    g_ptr_array_add (said, g_strdup_printf (_("The export of packet %s to %s was interrupted "
                                              "after its file was written; it is now logged "
                                              "as sent."), id, path));
  else if (td_store_on_server (self))
    g_ptr_array_add (said, g_strdup_printf (_("The export of packet %s to %s was interrupted "
                                              "(the desk exporting it was closed or lost its "
                                              "connection to the server) before its file "
                                              "could be found here; it was undone. Export it "
                                              "again. If that file exists on the computer "
                                              "that exported it, delete it: it was not "
                                              "logged as sent."), id, path));
  else
    g_ptr_array_add (said, g_strdup_printf (_("The export of packet %s was interrupted before "
                                              "its file was written; it was undone. Export "
                                              "it again."), id));
}

/* Reads packet @id's file and bytes while it is still "writing", and reconciles it. */
static gboolean
reconcile_one (TdStore *self, const char *id, GHashTable *dirs, GPtrArray *said)
{
  /* before version 7 (a file opened at its own version for a test) the bytes are in the row */
  TdStmt *stmt = td_store_prepare (self, td_store_get_schema_version (self) >= 7
                                         ? "SELECT p.file, c.content FROM packet p "
                                           "JOIN packet_content c ON c.packet_id = p.id "
                                           "WHERE p.id = ? AND p.status = 'writing'"
                                         : "SELECT file, content FROM packet "
                                           "WHERE id = ? AND status = 'writing'", NULL);
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize len;
  const void *data;

  if (stmt == NULL)
    return FALSE;
  td_bind_text (stmt, 1, id);
  if (td_stmt_step (stmt) == TD_DB_ROW)
    {
      path = td_col_dup (stmt, 0);
      bytes = g_bytes_new (td_col_blob (stmt, 1), td_col_bytes (stmt, 1));
    }
  td_stmt_reset (stmt);
  if (bytes == NULL)
    return FALSE;   /* settled meanwhile */
  if (path != NULL)
    g_hash_table_add (dirs, g_path_get_dirname (path));
  data = g_bytes_get_data (bytes, &len);
  reconcile (self, id, path, data, len, said);
  return TRUE;
}

/* Our temporary files a killed program left in @dirs removed. */
static void
clean_stale (GHashTable *dirs)
{
  GHashTableIter iter;
  const char *dir;

  g_hash_table_iter_init (&iter, dirs);
  while (g_hash_table_iter_next (&iter, (gpointer *) &dir, NULL))
    td_file_clean_stale (dir, STALE_SECONDS);
}

/* Every export left "writing" whose exporter is gone, reconciled; what was done in @said,
 * the folders of their files in @dirs.  On a server an export another desk is running holds
 * its lock (td_store_export_lock_take) and is left alone; the lock taken here keeps two
 * desks from settling one export twice. */
static void
reconcile_writing (TdStore *self, GHashTable *dirs, GPtrArray *said)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT id FROM packet WHERE status = 'writing'",
                                   NULL);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  while (stmt != NULL && td_stmt_step (stmt) == TD_DB_ROW)
    g_ptr_array_add (ids, td_col_dup (stmt, 0));
  if (stmt != NULL)
    td_stmt_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (!td_store_export_lock_try (self, id))
        continue;
      reconcile_one (self, id, dirs, said);
      td_store_export_lock_drop (self, id);
    }
}

GPtrArray *
td_store_settle_exports (TdStore *self)
{
  g_autoptr (GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *said = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (TD_IS_STORE (self), said);
  /* a file has one desk: its exports were settled when it was opened */
  if (!td_store_on_server (self) || td_store_is_read_only (self))
    return said;
  reconcile_writing (self, dirs, said);
  clean_stale (dirs);
  return said;
}

/* The folders packets were written to, and the outbox. */
static void
packet_dirs (TdStore *self, GHashTable *dirs)
{
  TdStmt *stmt = td_store_prepare (self, "SELECT DISTINCT file FROM packet WHERE file "
                                         "IS NOT NULL", NULL);
  /* tidying is best effort: an unreadable setting only leaves the outbox untidied */
  char *outbox = td_store_get_setting (self, "outbox", NULL);

  if (outbox != NULL && g_path_is_absolute (outbox))
    g_hash_table_add (dirs, outbox);
  else
    g_free (outbox);

  while (stmt != NULL && td_stmt_step (stmt) == TD_DB_ROW)
    {
      const char *file = td_stmt_text (stmt, 0);

      if (file != NULL && g_path_is_absolute (file))
        g_hash_table_add (dirs, g_path_get_dirname (file));
    }
  if (stmt != NULL)
    td_stmt_reset (stmt);
}

void
td_store_tidy_files (TdStore *self)
{
  g_autoptr (GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) names = NULL;
  /* (a database on a server has no folder here) */
  g_autofree char *own = td_store_on_server (self) ? NULL
                         : g_path_get_dirname (td_store_get_path (self));

  reconcile_writing (self, dirs, td_store_get_notices (self));
  packet_dirs (self, dirs);
  if (own != NULL)
    g_hash_table_add (dirs, g_steal_pointer (&own));
  clean_stale (dirs);
}
