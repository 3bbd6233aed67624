/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a packet carries, gathered from the store. */
#define G_LOG_DOMAIN "td-packet-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "packet/td-packet-writer.h"

void
td_packet_data_free (TdPacketData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->inst, td_institution_free);
  g_clear_pointer (&data->klass, td_class_free);
  g_clear_pointer (&data->teachers, g_ptr_array_unref);
  g_clear_pointer (&data->lessons, g_ptr_array_unref);
  g_clear_pointer (&data->enrolments, g_ptr_array_unref);
  g_clear_object (&data->store);
  g_clear_pointer (&data->results, g_ptr_array_unref);
  g_clear_pointer (&data->follow_ups, g_ptr_array_unref);
  g_clear_pointer (&data->preview, td_subsidy_preview_free);
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_free (data->chain_prev);
  g_free (data->restates);
  g_free (data);
}

static gboolean
refuse (GError **error, const char *message)
{
  g_set_error_literal (error, TD_PACKET_WRITER_ERROR, TD_PACKET_WRITER_ERROR_DATA, message);
  return FALSE;
}

/* The batch: the pending records in chain order, cut before the first record that restates
 * a second packet (one correction per batch: its Packet names one packet in supersedes). */
static gboolean
load_attendance (TdStore *store, TdPacketData *data, GError **error)
{
  TdPendingAttendance pending;

  if (!td_store_get_pending_attendance (store, data->klass->id, &pending, error))
    return FALSE;
  data->store = g_object_ref (store);
  data->chain_prev = td_store_chain_sent_head (store, data->klass->id, error);
  if (data->chain_prev == NULL)
    {
      td_pending_attendance_clear (&pending);
      return FALSE;
    }
  data->n_pending = pending.n_pending;
  data->n_records = pending.n_batch;
  data->last_seq = pending.last_seq;
  data->restates = g_steal_pointer (&pending.restates);
  td_pending_attendance_clear (&pending);
  return TRUE;
}

static gboolean
load_class_parts (TdStore *store, TdPacketData *data, GError **error)
{
  gint64 id = data->klass->id;

  switch (data->kind)
    {
    case TD_KIND_FILING:
      if ((data->teachers = td_store_list_teachers (store, id, error)) == NULL
          || (data->lessons = td_store_list_lessons (store, id, error)) == NULL)
        return FALSE;
      if (data->teachers->len == 0 || data->lessons->len == 0)
        return refuse (error, _("The class needs at least one teacher and one lesson before "
                                "it can be filed."));
      return TRUE;
    case TD_KIND_ROSTER:
    case TD_KIND_NOTICE:
      data->enrolments = td_store_list_enrolments (store, id, error);
      if (data->enrolments == NULL)
        return FALSE;
      if (data->kind == TD_KIND_ROSTER && data->enrolments->len == 0)
        return refuse (error, _("The roster is empty: enrol the trainees first."));
      return TRUE;
    case TD_KIND_ATTENDANCE:
      return load_attendance (store, data, error);
    case TD_KIND_ASSESSMENT:
      data->results = td_store_list_results (store, id, error);
      return data->results != NULL;
    case TD_KIND_FOLLOWUP:
      data->follow_ups = td_store_list_follow_ups (store, id, error);
      return data->follow_ups != NULL;
    case TD_KIND_CLAIM:
      data->preview = td_subsidy_preview (store, id, error);
      return data->preview != NULL;
    case TD_KIND_QUARTERLY:
    case TD_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

TdPacketData *
td_packet_data_load (TdStore *store, TdPacketKind kind, const char *class_code, int year,
                     int quarter, GError **error)
{
  g_autoptr (TdPacketData) data = g_new0 (TdPacketData, 1);

  g_return_val_if_fail (TD_IS_STORE (store) && kind < TD_N_KINDS, NULL);
  data->kind = kind;
  {
    g_autoptr (GError) local = NULL;
    data->inst = td_store_get_institution (store, &local);
    if (local != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local));
        return NULL;
      }
  }
  if (data->inst == NULL)
    {
      refuse (error, _("The institution's profile is missing: fill it in first."));
      return NULL;
    }
  if (kind == TD_KIND_QUARTERLY)
    {
      data->year = year;
      data->quarter = quarter;
      data->rows = td_stats_quarter (store, year, quarter, error);
      return data->rows != NULL ? g_steal_pointer (&data) : NULL;
    }
  g_return_val_if_fail (class_code != NULL, NULL);
  data->klass = td_store_get_class_by_code (store, class_code, error);
  if (data->klass == NULL || !load_class_parts (store, data, error))
    return NULL;
  return g_steal_pointer (&data);
}

TdClaim *
td_packet_data_claim (const TdPacketData *data, const char *packet_id, const char *created)
{
  TdClaim *claim = td_claim_new ();
  const TdInstitution *inst = data->inst;

  g_return_val_if_fail (data->kind == TD_KIND_CLAIM && data->preview != NULL, claim);
  claim->class_id = data->klass->id;
  claim->packet_id = g_strdup (packet_id);
  claim->catalog_version = g_strdup (data->klass->catalog_version);
  claim->payee_type = data->klass->payee_type >= 1 && data->klass->payee_type <= 3
                      ? data->klass->payee_type : 1;
  claim->account_name = g_strdup (inst->account_name != NULL && *inst->account_name != '\0'
                                  ? inst->account_name : inst->name);
  claim->bank = g_strdup (inst->bank);
  claim->account = g_strdup (inst->account);
  claim->signed_by = g_strdup (inst->legal_rep);
  g_strlcpy (claim->date, created, sizeof claim->date);
  for (guint i = 0; i < data->preview->lines->len; i++)
    {
      const TdSubsidyLine *l = g_ptr_array_index (data->preview->lines, i);
      TdClaimLine *c;

      if (l->reason != TD_SUBSIDY_INCLUDED)
        continue;
      c = td_claim_line_new ();
      c->trainee_id = l->enrolment->trainee.id;
      memcpy (c->id_number, l->enrolment->trainee.id_number, sizeof c->id_number);
      c->certificate = l->certificate;
      c->level = l->level;
      c->attendance_rate = l->attendance_rate;
      c->standard = l->standard;
      c->uplift = l->uplift;
      c->amount = l->amount;
      if (claim->payee_type == 2)
        {
          c->bank = g_strdup (l->enrolment->bank);
          c->account = g_strdup (l->enrolment->account);
        }
      g_ptr_array_add (claim->lines, c);
      claim->count++;
      claim->total += l->amount;
    }
  return claim;
}
