/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo's packets: exported as of their day into the outbox beside the database, and
 * answered by the bureau's receipt (accepted, with the filing number or the approved
 * amount), exactly as an institution's log looks after real use. */
#define G_LOG_DOMAIN "td-demo"

#include "config.h"

#include "core/td-money.h"
#include "packet/td-demo-private.h"
#include "packet/td-demo.h"
#include "packet/td-export.h"

/* @created plus a few seconds: when the bureau's system received it. */
static char *
received_after (const char *created)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("+08:00");
  g_autoptr (GDateTime) t = g_date_time_new_from_iso8601 (created, tz);
  g_autoptr (GDateTime) later = t != NULL ? g_date_time_add_seconds (t, 6) : NULL;

  return later != NULL ? g_date_time_format (later, "%Y-%m-%dT%H:%M:%S+08:00")
                       : g_strdup (created);
}

static GBytes *
receipt_xml (const TdExportResult *r, const char *received, const char *issued,
             const char *filing_no, TdFen approved)
{
  GString *xml = g_string_new ("<?xml version='1.0' encoding='UTF-8'?>\n");

  g_string_append_printf (xml, "<Receipt xmlns=\"urn:lc-hrss:training:1.0\" version=\"1.0\" "
                               "packet=\"%s\" digest=\"%s\" received=\"%s\" issued=\"%s\" "
                               "status=\"ACCEPTED\"", r->packet_id, r->digest, received, issued);
  if (filing_no == NULL && approved < 0)
    g_string_append (xml, "/>\n");
  else
    {
      g_autofree char *amount = approved >= 0 ? td_money_format (approved) : NULL;
      g_string_append (xml, ">\n");
      if (filing_no != NULL)
        g_string_append_printf (xml, "  <FilingNo>%s</FilingNo>\n", filing_no);
      if (amount != NULL)
        g_string_append_printf (xml, "  <ApprovedAmount>%s</ApprovedAmount>\n", amount);
      g_string_append (xml, "</Receipt>\n");
    }
  return g_string_free_to_bytes (xml);
}

char *
td_demo_outbox_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "traindesk-outbox", NULL);
}

static gboolean
ensure_outbox (TdStore *store, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *current = td_store_get_setting (store, "outbox", &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* a database on a server has no folder of its own: the exports' usual outbox */
  if (current != NULL || td_store_is_on_server (store))
    return TRUE;
  current = td_demo_outbox_dir (td_store_get_path (store));
  return td_store_set_setting (store, "outbox", current, error);
}

gboolean
td_demo_send (TdStore *store, TdPacketKind kind, const char *class_code, const char *created,
              const char *issued, const char *filing_no, GError **error)
{
  g_autoptr (TdClass) k = td_store_get_class_by_code (store, class_code, error);
  g_autoptr (TdExportResult) r = NULL;
  g_autoptr (GBytes) receipt = NULL;
  g_autofree char *received = received_after (created);
  TdExportOptions options = { .created = created };
  TdFen approved = -1;
  g_autoptr (TdFindings) findings = NULL;

  if (k == NULL || !ensure_outbox (store, error))
    return FALSE;
  r = td_export_packet (store, kind, class_code, 0, 0, &options, &findings, error);
  if (r == NULL)
    {
      g_autofree char *lines = findings != NULL ? td_findings_format (findings) : NULL;
      g_prefix_error (error, "demo %s %s: ", td_packet_kind_token (kind), class_code);
      if (lines != NULL && error != NULL && *error != NULL)
        {
          char *message = g_strconcat ((*error)->message, "\n", lines, NULL);
          g_free ((*error)->message);
          (*error)->message = message;
        }
      return FALSE;
    }
  if (kind == TD_KIND_CLAIM)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (TdClaim) claim = td_store_get_claim_by_packet (store, r->packet_id, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      approved = claim != NULL ? claim->total : 0;
    }
  receipt = receipt_xml (r, received, issued, filing_no, approved);
  if (!td_store_set_packet_receipt (store, r->packet_id, TD_PACKET_ACCEPTED, received, issued,
                                    filing_no, approved, NULL, receipt, error))
    return FALSE;
  if (filing_no != NULL && !td_store_set_filing_no (store, k->id, filing_no, error))
    return FALSE;
  if (approved >= 0)
    return td_store_set_claim_approved (store, r->packet_id, approved, NULL, error);
  return TRUE;
}
