/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verbs that read or write bureau packets: import-catalog, export, validate, import-receipt. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/td-cli.h"
#include "packet/td-export.h" /* td_cli_export */
#include <stdio.h>             /* td_cli_export */

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
  /* export KIND --class CODE [-o FILE] | export quarterly --year Y --quarter Q [-o FILE] */
  const char *usage = _("usage: export KIND --class CODE [-o FILE]  (KIND: filing roster "
                        "attendance assessment followup claim notice)\n"
                        "       export quarterly --year Y --quarter Q [-o FILE]");
  const char *code = NULL, *year_text = NULL, *quarter_text = NULL;
  TdExportOptions options = { 0 };
  g_autoptr (TdExportResult) result = NULL;
  g_autoptr (TdFindings) failed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  TdPacketKind kind;
  gboolean quarterly;
  TdStore *store;
  int year = 0, quarter = 0;

  if (argc < 2 || !td_packet_kind_from_string (argv[1], &kind))
    return td_cli_usage_error (argv[0], usage);
  for (int i = 2; i < argc; i++)
    {
      const char **slot = g_str_equal (argv[i], "--class") ? &code
                          : g_str_equal (argv[i], "--year") ? &year_text
                          : g_str_equal (argv[i], "--quarter") ? &quarter_text
                          : g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output")
                          ? &options.out_path : NULL;
      if (slot == NULL || i + 1 >= argc)
        return td_cli_usage_error (argv[0], usage);
      *slot = argv[++i];
    }
  quarterly = kind == TD_KIND_QUARTERLY;
  if (quarterly && year_text != NULL && quarter_text != NULL)
    {
      year = (int) g_ascii_strtoll (year_text, NULL, 10);
      quarter = (int) g_ascii_strtoll (quarter_text, NULL, 10);
    }
  if (quarterly ? (code != NULL || year < 2025 || quarter < 1 || quarter > 4)
                : (code == NULL || year_text != NULL || quarter_text != NULL))
    return td_cli_usage_error (argv[0], usage);
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
  printf ("%s\n", result->path);
  return TD_EXIT_OK;
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
