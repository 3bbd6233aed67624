/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The verbs of traindesk-cli: a new job is one line here and one function that declares its
 * options and calls td_cli_parse () (see td-cli.h). */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/td-cli.h"

const TdCliVerb td_cli_verbs[] = {
  { "init", N_("init [--demo]"),
    N_("Create the database (with the demo data)."), td_cli_init },
  { "institution", N_("institution show | institution set [--keep-check-character] KEY=VALUE…"),
    N_("Print the institution's profile as KEY=VALUE lines, or change some of it."),
    td_cli_institution },
  { "class", N_("class show CODE | class new --from FILING.xml"),
    N_("Print a class's filing data as KEY=VALUE lines, or make a draft class from a filing."),
    td_cli_class },
  { "list",
    N_("list classes | list trainees|results|follow-ups|claim|attendance --class CODE [--show-id]\n"
       "       list packets [--class CODE]"),
    N_("Print one tab-separated line per row, ids masked unless --show-id."), td_cli_list },
  { "import-catalog", N_("import-catalog CATALOG.xml"),
    N_("Add a version of the bureau's catalogue."), td_cli_import_catalog },
  { "import-roster",
    N_("import-roster --class CODE [--skip-invalid] [--sheet NAME] FILE.csv|FILE.xlsx"),
    N_("Enrol the trainees of a spreadsheet, every row checked."), td_cli_import_roster },
  { "import-attendance",
    N_("import-attendance --class CODE [--method FACE|CARD|QR|ONLINE] [--one-punch absent] "
       "[--columns MAPPING] [--apply] FILE"),
    N_("Match a sign-in terminal's or learning platform's file to the lessons: the preview "
       "and the exceptions, and with --apply the records stored."), td_cli_import_attendance },
  { "roster-template", N_("roster-template -o FILE.xlsx"),
    N_("Write an empty roster to fill in."), td_cli_roster_template },
  { "import-results",
    N_("import-results --class CODE [--sheet NAME] [--column FIELD=COLUMN…] "
       "FILE.xlsx|FILE.csv"),
    N_("Record the results of a score sheet (成绩单), every row checked; all or nothing."),
    td_cli_import_results },
  { "results-template", N_("results-template --class CODE -o FILE.xlsx"),
    N_("Write the score sheet to fill in, with the class's trainees."),
    td_cli_results_template },
  { "import-follow-ups",
    N_("import-follow-ups --class CODE [--sheet NAME] [--column FIELD=COLUMN…] "
       "FILE.xlsx|FILE.csv"),
    N_("Record the follow-ups of a follow-up sheet, every row checked; all or nothing."),
    td_cli_import_follow_ups },
  { "follow-up-template", N_("follow-up-template --class CODE -o FILE.xlsx"),
    N_("Write the follow-up sheet to fill in, with the class's trainees."),
    td_cli_follow_up_template },
  { "export",
    N_("export KIND --class CODE [-o FILE]  (KIND: filing roster attendance assessment "
       "followup claim notice)\n       export quarterly --year Y --quarter Q [-o FILE]"),
    N_("Write a bureau packet, checked against the schema and the rules, and log it."),
    td_cli_export },
  { "export-table",
    N_("export-table roster|attendance|claim --class CODE -o FILE.xlsx|FILE.csv [--show-id] "
       "[--encoding utf-8|gbk]"),
    N_("Write a class's roster, attendance or claim as a spreadsheet."), td_cli_export_table },
  { "withdraw", N_("withdraw --class CODE --id ID --date DATE --reason REASON"),
    N_("Record that a trainee withdrew (退训) from a class."), td_cli_withdraw },
  { "cancel", N_("cancel --class CODE --date DATE --reason REASON"),
    N_("Record that a class is cancelled (撤销开班)."), td_cli_cancel },
  { "import-packet", N_("import-packet FILE…"),
    N_("Rebuild classes from the packets they were sent in and their receipts, each packet "
       "checked first; all files or none."), td_cli_import_packet },
  { "packet-file", N_("packet-file ID -o FILE [--receipt FILE]"),
    N_("Write the stored bytes of a packet that was written (and of its receipt), byte for "
       "byte."),
    td_cli_packet_file },
  { "validate", N_("validate PACKET.xml"),
    N_("Check a packet against the schema and the rules: one 'RULE severity message' line "
       "per finding."), td_cli_validate },
  { "import-receipt", N_("import-receipt RECEIPT.xml"),
    N_("Apply the bureau's answer to a packet."), td_cli_import_receipt },
  { "print",
    N_("print filing|roster|signin|assessment|claim --class CODE -o FILE.pdf [--full-id] "
       "[--lesson LID] [--multi-day]"),
    N_("Print a form of a class as PDF."), td_cli_print },
  { "chart", N_("chart outcomes|attendance|actions|subsidy [--class CODE] "
                "-o FILE.png|FILE.svg|FILE.pdf"),
    N_("Draw a chart as PNG, SVG or PDF."), td_cli_chart },
  { "verify", N_("verify"),
    N_("Check the database's integrity and recompute every attendance chain."),
    td_cli_verify },
  { "grant", N_("grant ROLE read|write"),
    N_("On a server database: let a login role read it (an inspector's desk), or read and "
       "write it (an administrator's)."), td_cli_grant },
  { "backup", N_("backup FILE"),
    N_("Write a consistent copy of the database into an SQLite file, even while the app "
       "runs (from a server database too)."), td_cli_backup },
  { "copy", N_("copy --to LOCATION | --from LOCATION  [--replace]"),
    N_("Copy the database to a server (postgresql://…) or a file, or from one into --db, "
       "with its ids, chains, packets and audit log; all or nothing."), td_cli_copy },
};

const gsize td_cli_n_verbs = G_N_ELEMENTS (td_cli_verbs);
