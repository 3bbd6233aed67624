/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exporting a packet: what the data allows now, and whether the packet supersedes an
 * accepted one, gives back one still waiting for its receipt, or is refused. */
#define G_LOG_DOMAIN "td-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "packet/td-export-private.h"

G_DEFINE_QUARK (td-export-error-quark, td_export_error)

void
td_export_result_free (TdExportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->packet_id);
  g_free (result->path);
  g_free (result->digest);
  g_free (result->supersedes);
  g_clear_pointer (&result->bytes, g_bytes_unref);
  g_clear_pointer (&result->findings, td_findings_free);
  g_free (result->note);
  g_free (result);
}

static gboolean
refuse (GError **error, int code, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError **error, int code, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, TD_EXPORT_ERROR, code, message);
  return FALSE;
}

static gboolean
dry_run (const TdExport *ex)
{
  return ex->options != NULL && ex->options->dry_run;
}

/* ---- where ---- */

char *
td_export_outbox_dir (TdStore *store, GError **error)
{
  g_autoptr (GError) local = NULL;
  char *dir = td_store_get_setting (store, "outbox", &local);
  const char *docs;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (dir != NULL && *dir != '\0')
    return dir;
  g_free (dir);
  docs = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (docs == NULL)
    docs = g_get_home_dir ();
  return g_build_filename (docs, "TrainDesk", "outbox", NULL);
}

char *
td_export_file_name (TdPacketKind kind, const char *class_code, int year, int quarter,
                     const char *created)
{
  char stamp[16];

  /* 2026-02-20T09:30:00+08:00 → 20260220-093000 */
  g_snprintf (stamp, sizeof stamp, "%.4s%.2s%.2s-%.2s%.2s%.2s", created, created + 5,
              created + 8, created + 11, created + 14, created + 17);
  if (kind == TD_KIND_QUARTERLY)
    return g_strdup_printf ("quarterly-%dQ%d-%s.xml", year, quarter, stamp);
  return g_strdup_printf ("%s-%s-%s.xml", td_packet_kind_token (kind), class_code, stamp);
}

static char *
target_path (TdExport *ex, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  const TdPacketData *d = ex->data;

  if (ex->options != NULL && ex->options->out_path != NULL)
    return g_strdup (ex->options->out_path);
  dir = td_export_outbox_dir (ex->store, error);
  if (dir == NULL)
    return NULL;
  if (!dry_run (ex) && g_mkdir_with_parents (dir, 0700) != 0)
    {
      refuse (error, TD_EXPORT_ERROR_WRITE,
              _("The outbox folder %s cannot be created: choose another folder with -o or in "
                "the preferences."), dir);
      return NULL;
    }
  name = td_export_file_name (d->kind, d->klass != NULL ? d->klass->code : NULL, d->year,
                              d->quarter, ex->created);
  return g_build_filename (dir, name, NULL);
}

/* ---- what the data allows now ---- */

/* 1 when the class has an accepted packet of @kind, 0 when not, -1 with @error when the
 * packet log cannot be read. */
static int
has_accepted (TdStore *store, gint64 class_id, TdPacketKind kind, GError **error)
{
  g_autoptr (GPtrArray) packets = td_store_list_packets (store, class_id, error);

  if (packets == NULL)
    return -1;
  for (guint i = 0; i < packets->len; i++)
    {
      const TdPacketLog *p = g_ptr_array_index (packets, i);
      if (p->kind == kind && td_packet_status_accepted (p->status))
        return 1;
    }
  return 0;
}

static gboolean
class_finished (TdExport *ex, GError **error)
{
  const TdClass *k = ex->data->klass;

  if (ex->today > td_day_from_iso (k->end_date))
    return TRUE;
  return refuse (error, TD_EXPORT_ERROR_REFUSED,
                 _("Class %s ends on %s: its %s can be exported after that day."), k->code,
                 k->end_date, td_packet_kind_label (ex->data->kind));
}

static gboolean
allowed_kind (TdExport *ex, GError **error)
{
  const TdPacketData *d = ex->data;
  const TdClass *k = d->klass;
  int accepted;

  switch (d->kind)
    {
    case TD_KIND_ASSESSMENT:
      if (!class_finished (ex, error))
        return FALSE;
      if (d->results->len == 0)
        return refuse (error, TD_EXPORT_ERROR_REFUSED,
                       _("Class %s has no assessment results yet."), k->code);
      if (k->exam_theory_date[0] == '\0' || k->exam_practice_date[0] == '\0')
        return refuse (error, TD_EXPORT_ERROR_REFUSED,
                       _("Enter the exam dates, the evaluator and the place of class %s first."),
                       k->code);
      return TRUE;
    case TD_KIND_FOLLOWUP:
      if (!class_finished (ex, error))
        return FALSE;
      if (d->follow_ups->len == 0)
        return refuse (error, TD_EXPORT_ERROR_REFUSED,
                       _("Class %s has no follow-up records yet."), k->code);
      return TRUE;
    case TD_KIND_CLAIM:
      if (!class_finished (ex, error))
        return FALSE;
      accepted = has_accepted (ex->store, k->id, TD_KIND_ASSESSMENT, error);
      if (accepted < 0)
        return FALSE;
      if (accepted == 0)
        return refuse (error, TD_EXPORT_ERROR_REFUSED,
                       _("R-SUB-006: the claim of class %s can be sent only after its "
                         "assessment packet was accepted; import that receipt first."), k->code);
      if (d->preview->count == 0)
        return refuse (error, TD_EXPORT_ERROR_REFUSED,
                       _("No trainee of class %s qualifies for a subsidy: nothing to claim."),
                       k->code);
      return TRUE;
    case TD_KIND_NOTICE:
      for (guint i = 0; k->cancel_date[0] == '\0' && i < d->enrolments->len; i++)
        if (((TdEnrolment *) g_ptr_array_index (d->enrolments, i))->withdrawn_date[0] != '\0')
          return TRUE;
      if (k->cancel_date[0] != '\0')
        return TRUE;
      return refuse (error, TD_EXPORT_ERROR_REFUSED,
                     _("Class %s is not cancelled and nobody withdrew: there is nothing to "
                       "notify."), k->code);
    case TD_KIND_FILING:
    case TD_KIND_ROSTER:
    case TD_KIND_ATTENDANCE:
    case TD_KIND_QUARTERLY:
    case TD_N_KINDS:
    default:
      return TRUE;
    }
}

static gboolean
allowed (TdExport *ex, GError **error)
{
  const TdPacketData *d = ex->data;
  const TdClass *k = d->klass;
  int filed;

  if (k == NULL)
    return TRUE;
  if (k->cancel_date[0] != '\0' && d->kind != TD_KIND_NOTICE)
    return refuse (error, TD_EXPORT_ERROR_REFUSED,
                   _("R-NOT-001: class %s was cancelled on %s; only its notice can be sent."),
                   k->code, k->cancel_date);
  filed = d->kind == TD_KIND_FILING ? 1 : has_accepted (ex->store, k->id, TD_KIND_FILING, error);
  if (filed < 0)
    return FALSE;
  if (filed == 0)
    return refuse (error, TD_EXPORT_ERROR_REFUSED,
                   _("R-PKT-005: class %s has no accepted filing yet; send the filing and "
                     "import its receipt first."), k->code);
  return allowed_kind (ex, error);
}

/* ---- supersedes, waiting, unchanged ---- */

static gboolean
waiting (TdPacketStatus status)
{
  return status == TD_PACKET_SENT || status == TD_PACKET_DRAFT;
}

/* The Body digest the data gives when written as of @created. */
static char *
probe_digest (TdExport *ex, const char *created, GError **error)
{
  TdPacketHead head = { .id = "00000000-0000-0000-0000-000000000000", .created = created };
  char digest[65];

  if (!td_packet_write (ex->data, &head, NULL, digest, NULL, error))
    return NULL;
  return g_strdup (digest);
}

/* The newest accepted packet of the kind about the class (quarter) in *@out (NULL if none);
 * FALSE with @error when the packet log cannot be read. */
static gboolean
latest_accepted (TdExport *ex, TdPacketLog **out, GError **error)
{
  const TdPacketData *d = ex->data;
  g_autoptr (GPtrArray) packets = td_store_list_packets (ex->store,
                                                         d->klass != NULL ? d->klass->id : 0,
                                                         error);

  *out = NULL;
  if (packets == NULL)
    return FALSE;
  for (guint i = 0; i < packets->len; i++)
    {
      TdPacketLog *p = g_ptr_array_index (packets, i);
      if (p->kind == d->kind && td_packet_status_accepted (p->status)
          && (d->kind != TD_KIND_QUARTERLY || (p->year == d->year && p->quarter == d->quarter)))
        {
          *out = g_ptr_array_steal_index (packets, i);
          break;
        }
    }
  return TRUE;
}

static gboolean
load_reuse (TdExport *ex, const TdPacketLog *latest, GError **error)
{
  ex->reuse = td_store_get_packet (ex->store, latest->id, error);
  return ex->reuse != NULL;
}

static gboolean
refuse_waiting (const TdPacketLog *latest, GError **error)
{
  return refuse (error, TD_EXPORT_ERROR_WAITING,
                 _("Waiting for the receipt of packet %s (created %s): import its receipt "
                   "before sending a changed %s."), latest->id, latest->created,
                 td_packet_kind_label (latest->kind));
}

static gboolean
decide_against (TdExport *ex, const TdPacketLog *base, GError **error)
{
  g_autofree char *digest = probe_digest (ex, base->created, error);

  if (digest == NULL)
    return FALSE;
  if (strcmp (digest, base->digest) == 0)
    return refuse (error, TD_EXPORT_ERROR_UNCHANGED,
                   _("Nothing changed since packet %s was accepted: nothing to send."),
                   base->id);
  ex->supersedes = g_strdup (base->id);
  return TRUE;
}

static gboolean
decide (TdExport *ex, GError **error)
{
  const TdPacketData *d = ex->data;
  g_autoptr (GError) local = NULL;
  g_autoptr (TdPacketLog) latest = td_store_latest_packet (ex->store, d->kind,
                                                           d->klass != NULL ? d->klass->id : 0,
                                                           d->year, d->quarter, &local);
  g_autoptr (TdPacketLog) base = NULL;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (latest != NULL && waiting (latest->status))
    {
      g_autofree char *digest = probe_digest (ex, latest->created, error);

      if (digest == NULL)
        return FALSE;
      if (strcmp (digest, latest->digest) == 0)
        return load_reuse (ex, latest, error);
      return refuse_waiting (latest, error);
    }
  if (latest != NULL && td_packet_status_accepted (latest->status))
    return decide_against (ex, latest, error);
  /* None, or the latest was rejected: supersede the newest accepted one, if any. */
  if (!latest_accepted (ex, &base, error))
    return FALSE;
  if (base != NULL)
    return decide_against (ex, base, error);
  return TRUE;
}

static gboolean
decide_attendance (TdExport *ex, GError **error)
{
  const TdPacketData *d = ex->data;
  g_autoptr (GError) local = NULL;
  g_autoptr (TdPacketLog) latest = td_store_latest_packet (ex->store, TD_KIND_ATTENDANCE,
                                                           d->klass->id, 0, 0, &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (latest != NULL && waiting (latest->status))
    {
      if (d->n_records == 0)
        return load_reuse (ex, latest, error);
      return refuse (error, TD_EXPORT_ERROR_WAITING,
                     _("R-ATT-005: the next attendance batch of class %s can be sent only "
                       "after the receipt of packet %s (created %s); import that receipt "
                       "first."), d->klass->code, latest->id, latest->created);
    }
  if (d->n_records == 0)
    return refuse (error, TD_EXPORT_ERROR_REFUSED,
                   _("Class %s has no attendance records waiting to be sent."), d->klass->code);
  if (d->restates != NULL)
    {
      g_autoptr (GError) missing = NULL;
      g_autoptr (TdPacketLog) restated = td_store_get_packet (ex->store, d->restates, &missing);

      if (!td_store_missing_ok (&missing, error))
        return FALSE;
      /* R-ATT-006 / R-PKT-004: a correction supersedes the accepted batch it restates. */
      if (restated != NULL && td_packet_status_accepted (restated->status))
        ex->supersedes = g_strdup (d->restates);
    }
  return TRUE;
}

/* ---- the export ---- */

static gboolean
prepare (TdExport *ex, const TdExportOptions *options, GError **error)
{
  ex->options = options;
  ex->created = options != NULL && options->created != NULL ? g_strdup (options->created)
                                                            : td_instant_now ();
  if (td_instant_parse (ex->created) == G_MININT64)
    return refuse (error, TD_EXPORT_ERROR_REFUSED, _("%s is not an instant like "
                   "2026-02-20T09:30:00+08:00."), ex->created);
  ex->today = options != NULL && options->today != NULL ? td_day_from_iso (options->today)
                                                        : td_instant_day (ex->created);
  if (ex->today == 0)
    return refuse (error, TD_EXPORT_ERROR_REFUSED, _("%s is not a date like 2026-03-02."),
                   options->today);
  return TRUE;
}

static void
export_clear (TdExport *ex)
{
  g_free (ex->created);
  g_free (ex->supersedes);
  g_clear_pointer (&ex->reuse, td_packet_log_free);
}

TdExportResult *
td_export_packet (TdStore *store, TdPacketKind kind, const char *class_code, int year,
                  int quarter, const TdExportOptions *options, TdFindings **findings_out,
                  GError **error)
{
  g_autoptr (TdPacketData) data = NULL;
  g_autoptr (TdExportResult) result = g_new0 (TdExportResult, 1);
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) settled = NULL;
  TdExport ex = { .store = store };
  gboolean ok;

  g_return_val_if_fail (TD_IS_STORE (store) && kind < TD_N_KINDS, NULL);
  g_return_val_if_fail ((kind == TD_KIND_QUARTERLY) == (class_code == NULL), NULL);
  if (findings_out != NULL)
    *findings_out = NULL;
  /* on a server, an export a desk that is gone left half done would stand in the way */
  settled = td_store_settle_exports (store);
  ok = prepare (&ex, options, error);
  if (ok)
    ok = (data = td_packet_data_load (store, kind, class_code, year, quarter, error)) != NULL;
  ex.data = data;
  if (ok)
    ok = allowed (&ex, error)
         && (kind == TD_KIND_ATTENDANCE ? decide_attendance (&ex, error) : decide (&ex, error));
  if (ok && ex.reuse != NULL)
    {
      path = options != NULL && options->out_path != NULL ? g_strdup (options->out_path)
             : ex.reuse->file != NULL ? g_strdup (ex.reuse->file) : target_path (&ex, error);
      ok = path != NULL && td_export_write_again (&ex, path, result, error);
    }
  else if (ok)
    {
      path = target_path (&ex, error);
      ok = path != NULL && td_export_write_new (&ex, path, result, findings_out, error);
      if (ok && data->n_records < data->n_pending)
        result->note = g_strdup (_("Only the first correction is in this batch: export again "
                                   "after its receipt for the rest."));
    }
  export_clear (&ex);
  if (settled->len > 0)
    {
      g_autofree char *said = NULL;

      g_ptr_array_add (settled, NULL);
      said = g_strjoinv ("\n", (char **) settled->pdata);

      if (!ok)
        g_prefix_error (error, "%s\n", said);
      else
        {
          char *note = result->note;

          result->note = note != NULL ? g_strconcat (said, "\n", note, NULL)
                                      : g_steal_pointer (&said);
          g_free (note);
        }
    }
  return ok ? g_steal_pointer (&result) : NULL;
}
