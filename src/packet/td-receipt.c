/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-receipt"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "packet/td-finding.h"
#include "packet/td-receipt.h"
#include "packet/td-schema.h"
#include "packet/td-xml-safe.h"

G_DEFINE_QUARK (td-receipt-error-quark, td_receipt_error)

void
td_receipt_summary_free (TdReceiptSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->packet_id);
  g_free (summary->class_code);
  g_free (summary->filing_no);
  g_clear_pointer (&summary->issues, g_ptr_array_unref);
  g_free (summary);
}

/* The safely read, schema-valid Receipt, or NULL with an error listing what is wrong. */
static xmlDoc *
read_receipt (GBytes *bytes, GError **error)
{
  g_autoptr (TdFindings) findings = td_findings_new ();
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlDoc *doc = td_xml_read_memory (data != NULL ? data : "", len, NULL, findings);
  g_autofree char *text = NULL;

  if (doc != NULL && !td_xml_is (xmlDocGetRootElement (doc), "Receipt"))
    td_findings_add (findings, "R-PKT-001", TD_SEVERITY_ERROR, NULL, 0, "%s",
                     _("the document is not a receipt"));
  else if (doc != NULL)
    td_schema_validate (doc, findings);
  if (!td_findings_has_errors (findings))
    return doc;
  g_clear_pointer (&doc, xmlFreeDoc);
  text = td_findings_format (findings);
  g_set_error (error, TD_RECEIPT_ERROR, TD_RECEIPT_ERROR_INVALID,
               _("The receipt was refused:\n%s"), g_strchomp (text));
  return NULL;
}

gboolean
td_receipt_status_parse (const char *token, TdPacketStatus *status)
{
  if (g_strcmp0 (token, "ACCEPTED") == 0)
    *status = TD_PACKET_ACCEPTED;
  else if (g_strcmp0 (token, "ACCEPTED_WITH_WARNINGS") == 0)
    *status = TD_PACKET_ACCEPTED_WITH_WARNINGS;
  else if (g_strcmp0 (token, "REJECTED") == 0)
    *status = TD_PACKET_REJECTED;
  else
    return FALSE;
  return TRUE;
}

/* The schema allows only the three tokens. */
static TdPacketStatus
status_from (const char *token)
{
  TdPacketStatus status = TD_PACKET_REJECTED;

  td_receipt_status_parse (token, &status);
  return status;
}

static GPtrArray *
read_issues (xmlNode *root)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) td_packet_issue_free);

  for (xmlNode *n = td_xml_child (root, "Issue"); n != NULL; n = td_xml_next (n, "Issue"))
    {
      TdPacketIssue *issue = g_new0 (TdPacketIssue, 1);
      issue->rule = td_xml_attr (n, "rule");
      issue->severity = td_xml_attr (n, "severity");
      issue->ref = td_xml_attr (n, "ref");
      issue->message = td_xml_text (n);
      g_ptr_array_add (issues, issue);
    }
  return issues;
}

/* The claimed amount of each line of the logged claim packet: id → TdFen*. */
static GHashTable *
claimed_lines (const TdPacketLog *log)
{
  g_autoptr (TdFindings) ignored = td_findings_new ();
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gsize len = 0;
  const char *data = log->content ? g_bytes_get_data (log->content, &len) : NULL;
  xmlDoc *doc = data != NULL ? td_xml_read_memory (data, len, NULL, ignored) : NULL;
  xmlNode *body = doc ? td_xml_child (xmlDocGetRootElement (doc), "Body") : NULL;
  xmlNode *claim = td_xml_child (body, "SubsidyClaim");

  for (xmlNode *l = td_xml_child (claim, "Line"); l != NULL; l = td_xml_next (l, "Line"))
    {
      g_autofree char *amount = td_xml_attr (l, "amount");
      TdFen *fen = g_new0 (TdFen, 1);
      td_money_parse (amount, fen);
      g_hash_table_insert (map, td_xml_attr (l, "id"), fen);
    }
  if (doc != NULL)
    xmlFreeDoc (doc);
  return map;
}

static TdFen
claimed_total (GHashTable *claimed)
{
  GHashTableIter iter;
  gpointer fen;
  TdFen sum = 0;

  g_hash_table_iter_init (&iter, claimed);
  while (g_hash_table_iter_next (&iter, NULL, &fen))
    sum += *(TdFen *) fen;
  return sum;
}

/* ApprovedLine elements as id → TdFen* (NULL when none), checked against the claim. */
static gboolean
read_approved (xmlNode *root, const TdPacketLog *log, TdFen total, GHashTable **out,
               GError **error)
{
  g_autoptr (GHashTable) claimed = claimed_lines (log);
  g_autoptr (GHashTable) map = NULL;
  TdFen sum = 0;

  for (xmlNode *n = td_xml_child (root, "ApprovedLine"); n != NULL;
       n = td_xml_next (n, "ApprovedLine"))
    {
      g_autofree char *id = td_xml_attr (n, "id"), *amount = td_xml_attr (n, "amount");
      TdFen *fen = g_new0 (TdFen, 1), *asked = g_hash_table_lookup (claimed, id);
      td_money_parse (amount, fen);
      if (map == NULL)
        map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (map, g_strdup (id), fen);
      sum += *fen;
      if (asked == NULL || *fen > *asked)
        {
          g_set_error (error, TD_RECEIPT_ERROR, TD_RECEIPT_ERROR_AMOUNTS,
                       _("The receipt approves %s for %s, which the claim does not ask for."),
                       amount, id);
          return FALSE;
        }
    }
  /* without ApprovedLine every line is approved as claimed */
  if (map == NULL && g_hash_table_size (claimed) > 0 && claimed_total (claimed) != total)
    {
      g_autofree char *a = td_money_format (total);
      g_autofree char *b = td_money_format (claimed_total (claimed));
      g_set_error (error, TD_RECEIPT_ERROR, TD_RECEIPT_ERROR_AMOUNTS,
                   _("The receipt approves %s without listing approved lines, but the claim "
                     "asks for %s."), a, b);
      return FALSE;
    }
  if (map != NULL && sum != total)
    {
      g_autofree char *a = td_money_format (total), *b = td_money_format (sum);
      g_set_error (error, TD_RECEIPT_ERROR, TD_RECEIPT_ERROR_AMOUNTS,
                   _("The receipt's approved amount %s is not the sum %s of its approved lines."),
                   a, b);
      return FALSE;
    }
  *out = g_steal_pointer (&map);
  return TRUE;
}

static gboolean
check_names_packet (xmlNode *root, TdStore *store, TdPacketLog **out, GError **error)
{
  g_autofree char *id = td_xml_attr (root, "packet");
  g_autofree char *digest = td_xml_attr (root, "digest");
  g_autoptr (GError) local = NULL;
  TdPacketLog *log = td_store_get_packet (store, id, &local);

  if (!td_store_missing_ok (&local, error))
    return FALSE;
  if (log == NULL)
    {
      g_set_error (error, TD_RECEIPT_ERROR, TD_RECEIPT_ERROR_UNKNOWN,
                   _("The receipt answers packet %s, which this database did not write."), id);
      return FALSE;
    }
  if (g_strcmp0 (log->digest, digest) != 0)
    {
      g_set_error (error, TD_RECEIPT_ERROR, TD_RECEIPT_ERROR_DIGEST,
                   _("The receipt was issued for another version of packet %s (digest %s, the "
                     "packet's is %s); it was not applied."), id, digest, log->digest);
      td_packet_log_free (log);
      return FALSE;
    }
  *out = log;
  return TRUE;
}

static gboolean
store_receipt (TdStore *store, TdReceiptSummary *s, xmlNode *root, const TdPacketLog *log,
               GHashTable *approved, GBytes *bytes, GError **error)
{
  g_autofree char *received = td_xml_attr (root, "received");
  g_autofree char *issued = td_xml_attr (root, "issued");
  gboolean accepted = td_packet_status_accepted (s->status);

  if (!td_store_begin (store, error))
    return FALSE;
  if (!td_store_set_packet_receipt (store, log->id, s->status, received, issued, s->filing_no,
                                    s->approved, s->issues, bytes, error)
      || (accepted && log->kind == TD_KIND_FILING && s->filing_no != NULL
          && !td_store_set_filing_no (store, log->class_id, s->filing_no, error))
      || (accepted && log->kind == TD_KIND_CLAIM && s->approved >= 0
          && !td_store_set_claim_approved (store, log->id, s->approved, approved, error))
      || (s->reopened && !td_store_unmark_attendance (store, log->id, error)))
    {
      td_store_rollback (store);
      return FALSE;
    }
  return td_store_commit (store, error);
}

/* A receipt already applied to the packet stands: another one that decides otherwise (status,
 * filing number, approved amount) would silently reopen or change what the bureau decided. */
static gboolean
check_agrees (const TdReceiptSummary *s, const TdPacketLog *full, GError **error)
{
  const char *was = td_packet_status_label (full->status);
  const char *now = td_packet_status_label (s->status);

  if (full->receipt == NULL || full->status == TD_PACKET_SENT || full->status == TD_PACKET_DRAFT)
    return TRUE;
  if (s->status == full->status && g_strcmp0 (s->filing_no, full->filing_no) == 0
      && (full->kind != TD_KIND_CLAIM || s->approved == full->approved))
    return TRUE;
  if (s->status != full->status)
    g_set_error (error, TD_RECEIPT_ERROR, TD_RECEIPT_ERROR_CONTRADICTS,
                 _("Packet %s already has a receipt (issued %s) that says “%s”; this one says "
                   "“%s”. A receipt that contradicts an applied one is not applied: ask the "
                   "bureau which decision stands."), full->id, full->issued, was, now);
  else if (g_strcmp0 (s->filing_no, full->filing_no) != 0)
    g_set_error (error, TD_RECEIPT_ERROR, TD_RECEIPT_ERROR_CONTRADICTS,
                 _("Packet %s already has a receipt (issued %s) with the filing number %s; this "
                   "one gives %s. A receipt that contradicts an applied one is not applied: ask "
                   "the bureau which decision stands."), full->id, full->issued,
                 full->filing_no != NULL ? full->filing_no : "-",
                 s->filing_no != NULL ? s->filing_no : "-");
  else
    {
      g_autofree char *a = td_money_format (full->approved), *b = td_money_format (s->approved);
      g_set_error (error, TD_RECEIPT_ERROR, TD_RECEIPT_ERROR_CONTRADICTS,
                   _("Packet %s already has a receipt (issued %s) approving %s; this one "
                     "approves %s. A receipt that contradicts an applied one is not applied: "
                     "ask the bureau which decision stands."), full->id, full->issued, a, b);
    }
  return FALSE;
}

gboolean
td_receipt_apply_bytes (TdStore *store, GBytes *bytes, TdReceiptSummary **out, GError **error)
{
  g_autoptr (TdReceiptSummary) s = g_new0 (TdReceiptSummary, 1);
  g_autoptr (TdPacketLog) log = NULL;   /* with its content and receipt */
  g_autoptr (GHashTable) approved = NULL;
  g_autofree char *status = NULL, *amount = NULL;
  xmlDoc *doc;
  xmlNode *root;
  gboolean ok = FALSE;

  g_return_val_if_fail (TD_IS_STORE (store) && bytes != NULL, FALSE);

  if ((doc = read_receipt (bytes, error)) == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (!check_names_packet (root, store, &log, error))
    goto out;
  status = td_xml_attr (root, "status");
  amount = td_xml_child_text (root, "ApprovedAmount");
  s->packet_id = g_strdup (log->id);
  s->kind = log->kind;
  s->class_code = g_strdup (log->class_code);
  s->status = status_from (status);
  s->approved = -1;
  s->issues = read_issues (root);
  s->already_applied = log->receipt != NULL && g_bytes_equal (log->receipt, bytes);
  if (td_packet_status_accepted (s->status) && log->kind == TD_KIND_FILING)
    s->filing_no = td_xml_child_text (root, "FilingNo");
  if (td_packet_status_accepted (s->status) && log->kind == TD_KIND_CLAIM && amount != NULL)
    {
      td_money_parse (amount, &s->approved);
      if (!read_approved (root, log, s->approved, &approved, error))
        goto out;
    }
  s->reopened = s->status == TD_PACKET_REJECTED && log->kind == TD_KIND_ATTENDANCE;
  if (!s->already_applied && !check_agrees (s, log, error))
    goto out;
  ok = s->already_applied || store_receipt (store, s, root, log, approved, bytes, error);
out:
  xmlFreeDoc (doc);
  if (ok && out != NULL)
    *out = g_steal_pointer (&s);
  return ok;
}

gboolean
td_receipt_apply_file (TdStore *store, const char *path, TdReceiptSummary **out,
                       GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (TD_IS_STORE (store) && path != NULL, FALSE);

  bytes = td_xml_load_capped (path, &local);
  if (bytes == NULL && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_set_error (error, TD_RECEIPT_ERROR, TD_RECEIPT_ERROR_INVALID,
                   _("The receipt %s is larger than 64 MB and was not read."), path);
      return FALSE;
    }
  if (bytes == NULL)
    {
      g_set_error (error, TD_RECEIPT_ERROR, TD_RECEIPT_ERROR_INVALID,
                   _("Cannot read the receipt %s: %s"), path, local->message);
      return FALSE;
    }
  return td_receipt_apply_bytes (store, bytes, out, error);
}
