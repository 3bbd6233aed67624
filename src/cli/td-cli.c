/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "cli/td-cli.h"
#include "core/td-i18n.h"

typedef int (*TdCliVerb) (TdCliContext *ctx, int argc, char **argv);

static const struct
{
  const char *name;
  TdCliVerb run;
} verbs[] = {
  { "init", td_cli_init },
  { "list", td_cli_list },
  { "verify", td_cli_verify },
  { "backup", td_cli_backup },
  { "import-catalog", td_cli_import_catalog },
  { "export", td_cli_export },
  { "validate", td_cli_validate },
  { "import-receipt", td_cli_import_receipt },
  { "print", td_cli_print },
  { "chart", td_cli_chart },
  { "import-roster", td_cli_import_roster },
  { "export-table", td_cli_export_table },
  { "roster-template", td_cli_roster_template },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s", _("Usage: traindesk-cli [--db FILE] COMMAND [ARGS…]\n"
                        "\n"
                        "Commands:\n"
                        "  init [--demo]                         create the database (with demo data)\n"
                        "  list classes                          one line per class\n"
                        "  list trainees --class C [--show-id]   one line per trainee of a class\n"
                        "  import-catalog FILE.xml               add a catalogue version\n"
                        "  import-roster --class C [--skip-invalid] FILE.csv|FILE.xlsx\n"
                        "  roster-template -o FILE.xlsx          an empty roster to fill in\n"
                        "  export KIND --class C [-o FILE]       KIND: filing roster attendance\n"
                        "                                        assessment followup claim notice\n"
                        "  export quarterly --year Y --quarter Q [-o FILE]\n"
                        "  export-table roster|attendance|claim --class C -o FILE.xlsx|FILE.csv\n"
                        "  validate PACKET.xml                   schema and rules\n"
                        "  import-receipt RECEIPT.xml            apply the bureau's answer\n"
                        "  print FORM --class C -o FILE.pdf      FORM: filing roster signin\n"
                        "                                        assessment claim\n"
                        "  chart NAME [--class C] -o FILE.png|FILE.svg|FILE.pdf\n"
                        "  verify                                integrity and attendance chains\n"
                        "  backup FILE                           a consistent copy of the database\n"));
}

int
td_cli_usage_error (const char *verb, const char *message)
{
  if (verb != NULL)
    g_printerr ("traindesk-cli %s: %s\n", verb, message);
  else
    g_printerr ("traindesk-cli: %s\n", message);
  return TD_EXIT_USAGE;
}

int
td_cli_refused (const GError *error)
{
  g_printerr ("%s\n", error->message);
  return TD_EXIT_REFUSED;
}

TdStore *
td_cli_open_store (TdCliContext *ctx, gboolean create)
{
  g_autoptr (GError) error = NULL;

  if (ctx->store != NULL)
    return ctx->store;
  ctx->store = td_store_open (ctx->db_path,
                              create ? TD_STORE_OPEN_CREATE : TD_STORE_OPEN_DEFAULT,
                              &error);
  if (ctx->store == NULL)
    g_printerr ("%s\n", error->message);
  return ctx->store;
}

int
main (int argc, char **argv)
{
  TdCliContext ctx = { 0 };
  int first = 1;
  int status;

  setlocale (LC_ALL, "");
  td_i18n_init (argv[0]);

  while (first < argc && argv[first][0] == '-')
    {
      if (g_str_equal (argv[first], "--db") && first + 1 < argc)
        {
          g_free (ctx.db_path);
          ctx.db_path = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--db="))
        {
          g_free (ctx.db_path);
          ctx.db_path = g_strdup (argv[first] + 5);
          first += 1;
        }
      else if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          print_help (stdout);
          return TD_EXIT_OK;
        }
      else if (g_str_equal (argv[first], "--version"))
        {
          printf ("traindesk-cli %s\n", PACKAGE_VERSION);
          return TD_EXIT_OK;
        }
      else
        {
          print_help (stderr);
          return td_cli_usage_error (NULL, _("unknown option"));
        }
    }
  if (first >= argc)
    {
      print_help (stderr);
      return TD_EXIT_USAGE;
    }
  if (ctx.db_path == NULL)
    ctx.db_path = td_store_default_path ();

  status = -1;
  for (gsize i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (argv[first], verbs[i].name))
      {
        status = verbs[i].run (&ctx, argc - first, argv + first);
        break;
      }
  if (status < 0)
    {
      print_help (stderr);
      status = td_cli_usage_error (argv[first], _("unknown command"));
    }

  g_clear_object (&ctx.store);
  g_free (ctx.db_path);
  return status;
}
