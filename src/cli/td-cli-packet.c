/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verbs that read or write bureau packets: import-catalog, export, validate, import-receipt. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/td-cli.h"

#include "packet/td-catalog-import.h" /* td_cli_import_catalog */
#include "packet/td-receipt.h"        /* td_cli_import_receipt */
#include "packet/td-validator.h"      /* td_cli_validate */

int
td_cli_import_catalog (TdCliContext *ctx, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  TdStore *store;

  if (argc != 2)
    return td_cli_usage_error (argv[0], _("usage: import-catalog CATALOG.xml"));
  store = td_cli_open_store (ctx, TRUE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (!td_catalog_import_file (store, argv[1], &error))
    return td_cli_refused (error);
  return TD_EXIT_OK;
}

int
td_cli_export (TdCliContext *ctx, int argc, char **argv)
{
  return td_cli_usage_error (argv[0], _("not available in this build"));
}

int
td_cli_validate (TdCliContext *ctx, int argc, char **argv)
{
  g_autoptr (TdFindings) findings = td_findings_new ();
  g_autoptr (TdStore) store = NULL;
  g_autofree char *report = NULL;

  if (argc != 2)
    return td_cli_usage_error (argv[0], _("usage: validate PACKET.xml"));
  /* History rules need the database; without one (or one that cannot be opened) they are
   * listed as not checked. */
  if (ctx->db_path != NULL && g_file_test (ctx->db_path, G_FILE_TEST_IS_REGULAR))
    store = td_store_open (ctx->db_path, TD_STORE_OPEN_DEFAULT, NULL);
  td_validator_check_file (store, argv[1], NULL, findings);
  report = td_findings_format (findings);
  g_print ("%s", report);
  return td_findings_has_errors (findings) ? TD_EXIT_REFUSED : TD_EXIT_OK;
}

int
td_cli_import_receipt (TdCliContext *ctx, int argc, char **argv)
{
  g_autoptr (TdReceiptSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  TdStore *store;

  if (argc != 2)
    return td_cli_usage_error (argv[0], _("usage: import-receipt RECEIPT.xml"));
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (!td_receipt_apply_file (store, argv[1], &summary, &error))
    return td_cli_refused (error);
  g_print (_("Packet %s: %s\n"), summary->packet_id, td_packet_status_label (summary->status));
  if (summary->already_applied)
    g_print ("%s\n", _("This receipt was already applied; nothing changed."));
  if (summary->filing_no != NULL)
    g_print (_("Filing number of class %s: %s\n"), summary->class_code, summary->filing_no);
  if (summary->approved >= 0)
    {
      g_autofree char *amount = td_money_format (summary->approved);
      g_print (_("Approved amount: %s\n"), amount);
    }
  if (summary->reopened)
    g_print ("%s\n", _("The batch's attendance records can be corrected and sent again."));
  for (guint i = 0; i < summary->issues->len; i++)
    {
      TdPacketIssue *issue = g_ptr_array_index (summary->issues, i);
      g_print ("%s %s %s\n", issue->rule, issue->severity, issue->message);
    }
  return TD_EXIT_OK;
}
