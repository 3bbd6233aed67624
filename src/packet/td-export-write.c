/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing an exported packet: into a temporary file beside the target (td-file.c), checked
 * (td_packet_check on the tree once written, or for a large attendance batch streamed to
 * the stream check as it is written), logged in the state "writing", renamed onto the
 * target, then marked sent.  A failure at any step leaves no file and logs nothing. */
#define G_LOG_DOMAIN "td-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/td-file.h"
#include "packet/td-export-private.h"
#include "packet/td-validator.h"
#include "packet/td-xml-safe.h"

typedef struct
{
  TdFile *file;
  TdStreamCheck *check;          /* a large batch: checked as it is written */
  GError *error;
} Sink;

static int
sink_write (void *context, const char *buffer, int len)
{
  Sink *sink = context;

  if (sink->error != NULL)
    return -1;
  if (!td_file_write (sink->file, buffer, len, &sink->error))
    return -1;
  if (sink->check != NULL)
    td_export_stream_check_feed (sink->check, buffer, len);
  return len;
}

static int
sink_close (void *context)
{
  return 0;
}

static gboolean
write_failed (GError *cause, GError **error)
{
  g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE,
               _("The packet was not written and nothing was logged: %s"), cause->message);
  g_error_free (cause);
  return FALSE;
}

/* Streams the packet into a temporary file beside @path, and to @check when not NULL;
 * @digest receives the Body digest. */
static TdFile *
write_temp (TdExport *ex, const TdPacketHead *head, const char *path, TdStreamCheck *check,
            char digest[65], char chain_head[65], GError **error)
{
  GError *local = NULL;
  g_autoptr (TdFile) file = td_file_new (path, &local);
  Sink sink = { file, check };
  xmlOutputBufferPtr out;
  gboolean ok;

  if (file == NULL)
    {
      write_failed (local, error);
      return NULL;
    }
  out = xmlOutputBufferCreateIO (sink_write, sink_close, &sink, NULL);
  ok = td_packet_write (ex->data, head, out, digest, chain_head, &local);
  if (ok && sink.error == NULL)
    return g_steal_pointer (&file);
  if (sink.error != NULL)
    {
      g_clear_error (&local);
      write_failed (sink.error, error);
    }
  else
    g_propagate_error (error, local);
  return NULL;
}

/* The tree checks: every rule the validator knows (packet rules with td_packet_check, which
 * recomputes the digest of the written Body for R-PKT-002; catalogue and history rules
 * against the store). */
static void
check_tree (TdStore *store, GBytes *bytes, const char *name, const char *created,
            TdFindings *findings)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlDoc *doc = td_xml_read_memory (data, len, name, findings);

  if (doc == NULL)
    return;
  td_validator_check (store, doc, created, findings);
  xmlFreeDoc (doc);
}

static gboolean
refuse_check (const TdFindings *findings, GError **error)
{
  guint n = td_findings_count (findings, TD_SEVERITY_ERROR);

  g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_CHECK,
               g_dngettext (GETTEXT_PACKAGE, "The packet breaks %u rule check; nothing was "
                            "written.", "The packet breaks %u rule checks; nothing was written.",
                            n), n);
  return FALSE;
}

static gboolean
streamed (const TdPacketData *data)
{
  return data->kind == TD_KIND_ATTENDANCE && data->n_records > TD_EXPORT_STREAM_RECORDS;
}

/* The tree checks of a packet that was not checked as it was written. */
static gboolean
check_temp (TdExport *ex, const char *temp_path, TdExportResult *result, TdFindings *findings,
            GError **error)
{
  g_autofree char *name = g_path_get_basename (temp_path);
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (temp_path, &contents, &len, error))
    return FALSE;
  result->bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  check_tree (ex->store, result->bytes, name, ex->created, findings);
  return TRUE;
}

static TdPacketLog *
make_log (TdExport *ex, const TdExportResult *result, const char *path)
{
  TdPacketLog *log = td_packet_log_new ();
  const TdPacketData *d = ex->data;

  g_strlcpy (log->id, result->packet_id, sizeof log->id);
  log->kind = d->kind;
  log->class_id = d->klass != NULL ? d->klass->id : 0;
  log->year = d->kind == TD_KIND_QUARTERLY ? d->year : 0;
  log->quarter = d->kind == TD_KIND_QUARTERLY ? d->quarter : 0;
  g_strlcpy (log->created, ex->created, sizeof log->created);
  g_strlcpy (log->digest, result->digest, sizeof log->digest);
  /* absolute: the file must be found from wherever TrainDesk runs next */
  log->file = td_file_absolute (path);
  log->status = TD_PACKET_WRITING;
  log->supersedes = g_strdup (ex->supersedes);
  return log;
}

/* The log entry (state "writing"), the attendance marked as carried, the claim's lines: one
 * transaction, before the file is renamed into place.  @chain_head: the chain value of the
 * last record the packet carries, as written; the records are marked only while the store
 * still has exactly them (another desk may have sent or changed some since they were read). */
static gboolean
log_packet (TdExport *ex, const TdExportResult *result, TdFile *file, GBytes *content,
            const char *chain_head, GError **error)
{
  g_autoptr (TdPacketLog) log = make_log (ex, result, td_file_get_path (file));
  const TdPacketData *d = ex->data;
  gboolean ok;

  if (!td_store_begin (ex->store, error))
    return FALSE;
  /* a streamed batch is logged from its file in pieces, never whole in memory */
  ok = content != NULL ? td_store_log_packet (ex->store, log, content, error)
                       : td_store_log_packet_file (ex->store, log,
                                                   td_file_get_temp_path (file), error);
  if (ok && d->kind == TD_KIND_ATTENDANCE && d->n_records > 0)
    ok = td_store_mark_attendance_carried (ex->store, d->klass->id, d->last_seq,
                                           d->n_records, chain_head, log->id, error);
  if (ok && d->kind == TD_KIND_CLAIM)
    {
      g_autoptr (TdClaim) claim = td_packet_data_claim (d, log->id, ex->created);
      ok = td_store_save_claim (ex->store, claim, error);
    }
  if (ok)
    return td_store_commit (ex->store, error);
  td_store_rollback (ex->store);
  return FALSE;
}

/* Logged as "writing", renamed into place, marked sent.  A kill between the steps is
 * reconciled when the database is opened next (td_store_tidy_files). */
static gboolean
finish (TdExport *ex, TdFile *file, TdExportResult *result, const char *chain_head,
        GError **error)
{
  GError *local = NULL;

  if (!log_packet (ex, result, file, result->bytes, chain_head, error))
    return FALSE;
  if (!td_file_commit (file, &local))
    {
      td_store_forget_packet (ex->store, result->packet_id, NULL);
      return write_failed (local, error);
    }
  if (!td_store_finish_packet (ex->store, result->packet_id, error))
    return FALSE;
  result->path = td_file_absolute (td_file_get_path (file));
  return TRUE;
}

/* A receipt counts from its issued instant (RULES.md), so a packet created before an earlier
 * packet's receipt was issued does not see that acceptance.  When the rules refuse a packet
 * and such a receipt exists, say so: the computer's clock is the likely cause. */
static gboolean
note_receipts_after (TdExport *ex, TdFindings *findings, GError **error)
{
  g_autoptr (GPtrArray) logged = NULL;
  gint64 created = td_instant_parse (ex->created);

  if (ex->data->klass == NULL)
    return TRUE;
  logged = td_store_list_packets (ex->store, ex->data->klass->id, error);
  if (logged == NULL)
    return FALSE;
  for (guint i = 0; i < logged->len; i++)
    {
      const TdPacketLog *p = g_ptr_array_index (logged, i);

      if (p->issued[0] != '\0' && td_instant_parse (p->issued) > created)
        {
          td_findings_add (findings, "R-PKT-003", TD_SEVERITY_INFO, p->id, 0,
                           _("The receipt of the %s packet was issued at %s, after this "
                             "packet's time %s, so the rules do not count it yet. Check the "
                             "computer's date and time, or export again later."),
                           td_packet_kind_label (p->kind), p->issued, ex->created);
          return TRUE;
        }
    }
  return TRUE;
}

gboolean
td_export_write_new (TdExport *ex, const char *path, TdExportResult *result,
                     TdFindings **findings_out, GError **error)
{
  g_autofree char *id = td_packet_new_id ();
  g_autofree char *scratch = NULL;
  g_autoptr (TdFile) file = NULL;
  TdPacketHead head = { .id = id, .created = ex->created, .supersedes = ex->supersedes };
  char digest[65], chain_head[65] = "";
  gboolean dry = ex->options != NULL && ex->options->dry_run;
  g_autoptr (TdFindings) findings = td_findings_new ();
  TdStreamCheck *check = NULL;
  GStatBuf st;

  if (dry)
    path = scratch = g_build_filename (g_get_tmp_dir (), "traindesk-dry-run.xml", NULL);
  /* a large batch is checked while it is written, beside the writer; anything else is
   * checked as a tree once written */
  if (streamed (ex->data))
    check = td_export_stream_check_start (ex->data, findings);
  file = write_temp (ex, &head, path, check, digest, chain_head, error);
  if (check != NULL)
    td_export_stream_check_finish (check);
  if (file == NULL)
    return FALSE;
  result->packet_id = g_strdup (id);
  result->digest = g_strdup (digest);
  result->supersedes = g_strdup (ex->supersedes);
  if (check == NULL && !check_temp (ex, td_file_get_temp_path (file), result, findings, error))
    return FALSE;
  if (g_stat (td_file_get_temp_path (file), &st) == 0)
    result->size = st.st_size;
  if (td_findings_has_errors (findings) && !note_receipts_after (ex, findings, error))
    return FALSE;
  if (td_findings_has_errors (findings))
    {
      if (findings_out != NULL)
        {
          *findings_out = td_findings_new ();
          td_findings_merge (*findings_out, findings);
        }
      return refuse_check (findings, error);
    }
  result->findings = g_steal_pointer (&findings);
  if (dry)
    return TRUE;   /* the temporary file goes with @file */
  return finish (ex, file, result, ex->data->kind == TD_KIND_ATTENDANCE ? chain_head : NULL,
                 error);
}

gboolean
td_export_write_again (TdExport *ex, const char *path, TdExportResult *result, GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (ex->reuse->content, &len);
  GError *local = NULL;

  result->packet_id = g_strdup (ex->reuse->id);
  result->digest = g_strdup (ex->reuse->digest);
  result->supersedes = g_strdup (ex->reuse->supersedes);
  result->bytes = g_bytes_ref (ex->reuse->content);
  result->size = len;
  result->reused = TRUE;
  result->findings = td_findings_new ();
  if (ex->options != NULL && ex->options->dry_run)
    return TRUE;
  if (!td_file_set_contents (path, data, len, &local))
    return write_failed (local, error);
  result->path = td_file_absolute (path);
  /* the log says where the packet is now */
  if (g_strcmp0 (result->path, ex->reuse->file) != 0)
    return td_store_set_packet_file (ex->store, ex->reuse->id, result->path, error);
  return TRUE;
}
