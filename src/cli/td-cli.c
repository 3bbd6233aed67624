/* SPDX-License-Identifier: GPL-3.0-or-later */
/* traindesk-cli's entry: the options before the verb (--db, --version, --help), the verb's
 * own options with GOptionContext, usage errors and the exit status. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cli/td-cli.h"
#include "core/td-db.h"
#include "core/td-i18n.h"

static void
print_help (gboolean to_stderr)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *db = td_store_default_path ();

  g_string_append_printf (text, _("Usage: traindesk-cli [--db FILE] COMMAND [ARGS…]\n"
                                  "       traindesk-cli COMMAND --help   the options of one "
                                  "command\n\n"
                                  "Options:\n"
                                  "  --db FILE     the database (default: %s)\n"
                                  "  --version     print the version\n"
                                  "  -h, --help    print this help\n\n"
                                  "Commands:\n"), db);
  for (gsize i = 0; i < td_cli_n_verbs; i++)
    g_string_append_printf (text, "  %s\n      %s\n", _(td_cli_verbs[i].synopsis),
                            _(td_cli_verbs[i].summary));
  if (to_stderr)
    g_printerr ("%s", text->str);
  else
    g_print ("%s", text->str);
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
td_cli_usage (TdCliContext *ctx)
{
  g_autofree char *message = g_strdup_printf (_("usage: %s"), _(ctx->verb->synopsis));

  return td_cli_usage_error (ctx->verb->name, message);
}

int
td_cli_refused (const GError *error)
{
  g_printerr ("%s\n", error->message);
  return TD_EXIT_REFUSED;
}

guint
td_cli_n_args (TdCliContext *ctx)
{
  return g_strv_length (ctx->args) - 1;
}

/* "Usage: traindesk-cli VERB [OPTION…]", the synopsis and the summary, then the options. */
static GOptionContext *
verb_option_context (const TdCliVerb *verb, const GOptionEntry *entries, gboolean *help)
{
  const GOptionEntry help_entry[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, help, N_("Print this help"), NULL },
    G_OPTION_ENTRY_NULL
  };
  GOptionContext *oc = g_option_context_new (NULL);
  g_autofree char *summary = g_strdup_printf ("traindesk-cli [--db FILE] %s\n\n%s",
                                              _(verb->synopsis), _(verb->summary));

  g_option_context_set_help_enabled (oc, FALSE);
  g_option_context_set_translation_domain (oc, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (oc, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (oc, help_entry, GETTEXT_PACKAGE);
  g_option_context_set_summary (oc, summary);
  return oc;
}

int
td_cli_parse (TdCliContext *ctx, const GOptionEntry *entries, int min_args, int max_args)
{
  gboolean help = FALSE;
  g_autoptr (GOptionContext) oc = verb_option_context (ctx->verb, entries, &help);
  g_autoptr (GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("traindesk-cli %s", ctx->verb->name);
  guint n;

  /* the help's first line names the verb */
  g_set_prgname (prgname);
  if (!g_option_context_parse_strv (oc, &ctx->args, &error))
    {
      td_cli_usage_error (ctx->verb->name, error->message);
      return td_cli_usage (ctx);
    }
  if (help)
    {
      g_autofree char *text = g_option_context_get_help (oc, TRUE, NULL);
      g_print ("%s", text);
      return TD_EXIT_OK;
    }
  n = td_cli_n_args (ctx);
  if (max_args >= 0 && n > (guint) max_args)
    {
      g_autofree char *message = g_strdup_printf (_("unknown argument “%s”"),
                                                  ctx->args[max_args + 1]);
      td_cli_usage_error (ctx->verb->name, message);
      return td_cli_usage (ctx);
    }
  if (n < (guint) min_args)
    return td_cli_usage (ctx);
  return TD_CLI_GO_ON;
}

int
td_cli_check_output (TdCliContext *ctx, const char *path, const char *const *suffixes)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *list = NULL;
  g_autofree char *message = NULL;
  guint n = g_strv_length ((char **) suffixes);

  for (guint i = 0; i < n; i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TD_CLI_GO_ON;
  list = g_strjoinv (", ", (char **) suffixes);
  message = g_strdup_printf (_("the output file name must end in %s"), list);
  return td_cli_usage_error (ctx->verb->name, message);
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
  /* the server wants a password and libpq found none (PGPASSWORD, .pgpass, the service
   * file): asked on the terminal, handed to libpq, kept nowhere */
  if (ctx->store == NULL && g_error_matches (error, TD_STORE_ERROR, TD_STORE_ERROR_NEEDS_PASSWORD))
    {
      g_autofree char *display = td_db_location_display (ctx->db_path);
      g_autofree char *prompt = g_strdup_printf (_("Password for %s: "), display);
      char *password = td_cli_read_password (prompt);
      if (password != NULL)
        {
          g_clear_error (&error);
          ctx->store = td_store_open_with_password (ctx->db_path, password,
                                                    create ? TD_STORE_OPEN_CREATE
                                                           : TD_STORE_OPEN_DEFAULT, &error);
          memset (password, 0, strlen (password));
          g_free (password);
        }
      else
        {
          g_printerr ("%s\n", error->message);
          g_printerr ("%s\n", _("Run this command in a terminal to be asked for the password, "
                                "or set PGPASSWORD for this command only."));
          return NULL;
        }
    }
  if (ctx->store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  /* a database made private, an interrupted export reconciled */
  for (guint i = 0; i < td_store_get_notices (ctx->store)->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (td_store_get_notices (ctx->store), i));
  return ctx->store;
}

/* --db, --version and --help before the verb; parsing stops at the verb.  Returns
 * TD_CLI_GO_ON with ctx->args set to the verb and what follows it. */
static int
parse_global (TdCliContext *ctx, char ***args)
{
  gboolean help = FALSE, version = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &ctx->db_path, NULL, NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, NULL, NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) oc = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;

  g_option_context_set_help_enabled (oc, FALSE);
  g_option_context_set_strict_posix (oc, TRUE);
  g_option_context_add_main_entries (oc, entries, NULL);
  if (!g_option_context_parse_strv (oc, args, &error))
    {
      print_help (TRUE);
      return td_cli_usage_error (NULL, error->message);
    }
  if (help || version)
    {
      if (help)
        print_help (FALSE);
      else
        g_print ("traindesk-cli %s\n", PACKAGE_VERSION);
      return TD_EXIT_OK;
    }
  if (g_strv_length (*args) < 2)
    {
      print_help (TRUE);
      return TD_EXIT_USAGE;
    }
  ctx->db_given = ctx->db_path != NULL;
  if (ctx->db_path == NULL)
    ctx->db_path = td_store_default_path ();
  ctx->args = g_strdupv (*args + 1);
  return TD_CLI_GO_ON;
}

static int
run_verb (TdCliContext *ctx)
{
  for (gsize i = 0; i < td_cli_n_verbs; i++)
    if (g_str_equal (ctx->args[0], td_cli_verbs[i].name))
      {
        ctx->verb = &td_cli_verbs[i];
        return ctx->verb->run (ctx);
      }
  print_help (TRUE);
  return td_cli_usage_error (ctx->args[0], _("unknown command"));
}

int
main (int argc, char **argv)
{
  TdCliContext ctx = { 0 };
  char **args = td_cli_get_arguments (argc, argv);
  int status;

  setlocale (LC_ALL, "");
  td_i18n_init (args[0]);
  g_set_prgname ("traindesk-cli");

  status = parse_global (&ctx, &args);
  if (status == TD_CLI_GO_ON)
    status = run_verb (&ctx);

  g_clear_object (&ctx.store);
  g_free (ctx.db_path);
  g_strfreev (ctx.args);
  g_strfreev (args);
  return status;
}
