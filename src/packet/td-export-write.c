/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing an exported packet: into a temporary file beside the target, checked there
 * (td_packet_check on the tree, or streamed for a large attendance batch), renamed onto
 * the target, then logged.  A failure at any step leaves no file and logs nothing. */
#define G_LOG_DOMAIN "td-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "packet/td-export-private.h"
#include "packet/td-validator.h"
#include "packet/td-xml-safe.h"

typedef struct
{
  GOutputStream *stream;
  GError *error;
} Sink;

static int
sink_write (void *context, const char *buffer, int len)
{
  Sink *sink = context;

  if (sink->error != NULL)
    return -1;
  if (!g_output_stream_write_all (sink->stream, buffer, len, NULL, NULL, &sink->error))
    return -1;
  return len;
}

static int
sink_close (void *context)
{
  return 0;
}

static gboolean
write_failed (const char *path, const GError *cause, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE,
               _("The packet could not be written into the folder %s (%s). Nothing was "
                 "written or logged: free some space or make the folder writable, or choose "
                 "another file with -o."), dir, cause != NULL ? cause->message : "");
  return FALSE;
}

/* A new file beside @path that nobody else uses. */
static GFileOutputStream *
create_temp (const char *path, char **temp_path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  for (int attempt = 0; attempt < 16; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      g_autofree char *candidate = g_build_filename (dir, name, NULL);
      g_autoptr (GFile) file = g_file_new_for_path (candidate);
      g_autoptr (GError) local = NULL;
      GFileOutputStream *stream = g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, &local);

      if (stream != NULL)
        {
          *temp_path = g_steal_pointer (&candidate);
          return stream;
        }
      if (!g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "no temporary name");
  return NULL;
}

/* Streams the packet into @temp_path; @digest receives the Body digest. */
static gboolean
write_temp (TdExport *ex, const TdPacketHead *head, const char *path, char **temp_path,
            char digest[65], char chain_head[65], GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GFileOutputStream) stream = create_temp (path, temp_path, &local);
  Sink sink = { 0 };
  xmlOutputBufferPtr out;
  gboolean ok;

  if (stream == NULL)
    return write_failed (path, local, error);
  sink.stream = G_OUTPUT_STREAM (stream);
  out = xmlOutputBufferCreateIO (sink_write, sink_close, &sink, NULL);
  ok = td_packet_write (ex->data, head, out, digest, chain_head, &local);
  if (!g_output_stream_close (sink.stream, NULL, sink.error == NULL ? &sink.error : NULL))
    ok = FALSE;
  if (ok && sink.error == NULL)
    return TRUE;
  g_unlink (*temp_path);
  g_clear_pointer (temp_path, g_free);
  if (sink.error != NULL)
    write_failed (path, sink.error, error);
  else
    g_propagate_error (error, g_steal_pointer (&local));
  g_clear_error (&sink.error);
  return FALSE;
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

static gboolean
check_temp (TdExport *ex, const char *temp_path, const char *digest, TdExportResult *result,
            TdFindings *findings, GError **error)
{
  g_autofree char *name = g_path_get_basename (temp_path);

  if (streamed (ex->data))
    td_export_stream_check (temp_path, ex->data, ex->created, findings);
  else
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (!g_file_get_contents (temp_path, &contents, &len, error))
        return FALSE;
      result->bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      check_tree (ex->store, result->bytes, name, ex->created, findings);
    }
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
  log->file = g_strdup (path);
  log->status = TD_PACKET_SENT;
  log->supersedes = g_strdup (ex->supersedes);
  return log;
}

/* The log entry, the attendance marked as carried, the claim's lines: one transaction. */
static gboolean
log_packet (TdExport *ex, const TdExportResult *result, const char *path, GBytes *content,
            GError **error)
{
  g_autoptr (TdPacketLog) log = make_log (ex, result, path);
  const TdPacketData *d = ex->data;
  gboolean ok;

  if (!td_store_begin (ex->store, error))
    return FALSE;
  /* a streamed batch is logged from its file in pieces, never whole in memory */
  ok = content != NULL ? td_store_log_packet (ex->store, log, content, error)
                       : td_store_log_packet_file (ex->store, log, path, error);
  if (ok && d->kind == TD_KIND_ATTENDANCE && d->n_records > 0)
    ok = td_store_mark_attendance_sent (ex->store, d->klass->id, d->last_seq, log->id, error);
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

static gboolean
finish (TdExport *ex, const char *temp_path, const char *path, TdExportResult *result,
        GError **error)
{
  g_autoptr (GFile) temp = g_file_new_for_path (temp_path);
  g_autoptr (GFile) target = g_file_new_for_path (path);
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) content = NULL;

  if (!g_file_move (temp, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    NULL, NULL, NULL, &local))
    {
      g_unlink (temp_path);
      return write_failed (path, local, error);
    }
  content = result->bytes != NULL ? g_bytes_ref (result->bytes) : NULL;
  if (!log_packet (ex, result, path, content, error))
    {
      g_unlink (path);
      return FALSE;
    }
  result->path = g_strdup (path);
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
  g_autofree char *temp_path = NULL;
  g_autofree char *scratch = NULL;
  TdPacketHead head = { .id = id, .created = ex->created, .supersedes = ex->supersedes };
  char digest[65], chain_head[65];
  gboolean dry = ex->options != NULL && ex->options->dry_run;
  g_autoptr (TdFindings) findings = td_findings_new ();

  if (dry)
    path = scratch = g_build_filename (g_get_tmp_dir (), "traindesk-dry-run.xml", NULL);
  if (!write_temp (ex, &head, path, &temp_path, digest, chain_head, error))
    return FALSE;
  result->packet_id = g_strdup (id);
  result->digest = g_strdup (digest);
  result->supersedes = g_strdup (ex->supersedes);
  if (!check_temp (ex, temp_path, digest, result, findings, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }
  {
    GStatBuf st;
    if (g_stat (temp_path, &st) == 0)
      result->size = st.st_size;
  }
  if (td_findings_has_errors (findings) && !note_receipts_after (ex, findings, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }
  if (td_findings_has_errors (findings))
    {
      g_unlink (temp_path);
      if (findings_out != NULL)
        {
          *findings_out = td_findings_new ();
          td_findings_merge (*findings_out, findings);
        }
      return refuse_check (findings, error);
    }
  result->findings = g_steal_pointer (&findings);
  if (dry)
    {
      g_unlink (temp_path);
      return TRUE;
    }
  return finish (ex, temp_path, path, result, error);
}

gboolean
td_export_write_again (TdExport *ex, const char *path, TdExportResult *result, GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (ex->reuse->content, &len);
  g_autoptr (GError) local = NULL;

  result->packet_id = g_strdup (ex->reuse->id);
  result->digest = g_strdup (ex->reuse->digest);
  result->supersedes = g_strdup (ex->reuse->supersedes);
  result->bytes = g_bytes_ref (ex->reuse->content);
  result->size = len;
  result->reused = TRUE;
  result->findings = td_findings_new ();
  if (ex->options != NULL && ex->options->dry_run)
    return TRUE;
  if (!g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local))
    return write_failed (path, local, error);
  result->path = g_strdup (path);
  return TRUE;
}
