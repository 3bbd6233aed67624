/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verbs that read or write bureau packets: import-catalog, export, validate, import-receipt. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/td-cli.h"
#include "core/td-db.h"          /* td_db_location_engine */
#include "packet/td-export.h" /* td_cli_export */

#include "packet/td-catalog-import.h" /* td_cli_import_catalog */
#include "packet/td-receipt.h"        /* td_cli_import_receipt */
#include "packet/td-validator.h"      /* td_cli_validate */

int
td_cli_import_catalog (TdCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  TdStore *store;
  int status = td_cli_parse (ctx, NULL, 1, 1);

  if (status != TD_CLI_GO_ON)
    return status;
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (!td_catalog_import_file (store, ctx->args[1], &error))
    return td_cli_refused (error);
  return TD_EXIT_OK;
}

int
td_cli_export (TdCliContext *ctx)
{
  g_autofree char *code = NULL, *out = NULL;
  int year = 0, quarter = 0;
  const GOptionEntry entries[] = {
    { "class", 0, 0, G_OPTION_ARG_STRING, &code, N_("The class"), N_("CODE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year of a quarterly report"), N_("Y") },
    { "quarter", 0, 0, G_OPTION_ARG_INT, &quarter, N_("The quarter (1–4)"), N_("Q") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Where to write it (default: the outbox folder)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  TdExportOptions options = { 0 };
  g_autoptr (TdExportResult) result = NULL;
  g_autoptr (TdFindings) failed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  TdPacketKind kind;
  TdStore *store;
  int status = td_cli_parse (ctx, entries, 1, 1);

  if (status != TD_CLI_GO_ON)
    return status;
  if (!td_packet_kind_from_string (ctx->args[1], &kind))
    return td_cli_usage (ctx);
  if (kind == TD_KIND_QUARTERLY ? (code != NULL || year < 2025 || quarter < 1 || quarter > 4)
                                : (code == NULL || year != 0 || quarter != 0))
    return td_cli_usage (ctx);
  if (out != NULL
      && (status = td_cli_check_output (ctx, out, (const char *const[]) { ".xml", NULL }))
           != TD_CLI_GO_ON)
    return status;
  options.out_path = out;
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  result = td_export_packet (store, kind, code, year, quarter, &options, &failed, &error);
  if (result != NULL || failed != NULL)
    report = td_findings_format (result != NULL ? result->findings : failed);
  g_printerr ("%s", report != NULL ? report : "");
  if (result == NULL)
    return td_cli_refused (error);
  if (result->reused)
    g_printerr (_("Packet %s is still waiting for its receipt; it was written again "
                  "unchanged.\n"), result->packet_id);
  if (result->note != NULL)
    g_printerr ("%s\n", result->note);
  g_print ("%s\n", result->path);
  return TD_EXIT_OK;
}

int
td_cli_validate (TdCliContext *ctx)
{
  g_autoptr (TdFindings) findings = td_findings_new ();
  g_autoptr (TdStore) store = NULL;
  g_autofree char *report = NULL;
  int status = td_cli_parse (ctx, NULL, 1, 1);

  if (status != TD_CLI_GO_ON)
    return status;
  /* History rules need the database; without one they are listed as not checked.  A file
   * that is there but cannot be opened (newer, damaged, not TrainDesk's) is refused:
   * checking without its history would pass what the history forbids.  A database on a
   * server is always opened (refused in words when unreachable or not TrainDesk's). */
  if (ctx->db_path != NULL
      && (td_db_location_engine (ctx->db_path) == TD_DB_POSTGRESQL
          || g_file_test (ctx->db_path, G_FILE_TEST_EXISTS)))
    {
      g_autoptr (GError) error = NULL;
      store = td_store_open (ctx->db_path, TD_STORE_OPEN_DEFAULT, &error);
      if (store == NULL)
        return td_cli_refused (error);
    }
  td_validator_check_file (store, ctx->args[1], NULL, findings);
  report = td_findings_format (findings);
  g_print ("%s", report);
  return td_findings_has_errors (findings) ? TD_EXIT_REFUSED : TD_EXIT_OK;
}

int
td_cli_import_receipt (TdCliContext *ctx)
{
  g_autoptr (TdReceiptSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  TdStore *store;
  int status = td_cli_parse (ctx, NULL, 1, 1);

  if (status != TD_CLI_GO_ON)
    return status;
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (!td_receipt_apply_file (store, ctx->args[1], &summary, &error))
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
