/* SPDX-License-Identifier: GPL-3.0-or-later */
/* traindesk-cli: one verb per job.  A verb is a line in td-cli-verbs.c naming its synopsis,
 * its one-sentence summary and its function; the function declares its options as
 * GOptionEntry and calls td_cli_parse (), which gives every verb `--help`, the same
 * usage errors (exit 2) and its positional arguments in ctx->args. */
#pragma once

#include <glib.h>

#include "core/td-store.h"

G_BEGIN_DECLS

/* Exit status (DESIGN.md): 0 success, 1 data refused (every reason printed), 2 usage. */
enum { TD_EXIT_OK = 0, TD_EXIT_REFUSED = 1, TD_EXIT_USAGE = 2 };
/* td_cli_parse (): the arguments are fine, the verb goes on. */
#define TD_CLI_GO_ON (-1)

typedef struct _TdCliContext TdCliContext;

typedef struct
{
  const char *name;             /* "export-table" */
  const char *synopsis;         /* marked N_ (translatable): the verb's command line, "backup FILE" */
  const char *summary;          /* marked N_ (translatable): one sentence for --help */
  int (*run) (TdCliContext *ctx);
} TdCliVerb;

struct _TdCliContext
{
  char *db_path;                /* --db, or the default file the GUI opens */
  gboolean db_given;            /* --db was on the command line */
  TdStore *store;               /* opened on first use */
  const TdCliVerb *verb;
  char **args;                  /* args[0] the verb; after td_cli_parse () the positional
                                 * arguments follow it, the options are taken out */
};

/* The verbs, in the order the help lists them (td-cli-verbs.c). */
extern const TdCliVerb td_cli_verbs[];
extern const gsize td_cli_n_verbs;

/* Parses ctx->args with @entries (NULL for none; --help is added) and checks that between
 * @min_args and @max_args (-1: any number) positional arguments remain.  Returns
 * TD_CLI_GO_ON, or the exit status after printing the help (0) or a usage error (2). */
int td_cli_parse (TdCliContext *ctx, const GOptionEntry *entries, int min_args, int max_args);
/* The number of positional arguments after td_cli_parse (). */
guint td_cli_n_args (TdCliContext *ctx);

/* TD_CLI_GO_ON when @path ends in one of @suffixes (".pdf"; any case, NULL-terminated),
 * else a usage error naming them (exit 2), before anything is opened or written. */
int td_cli_check_output (TdCliContext *ctx, const char *path, const char *const *suffixes);
/* Opens ctx->store (creating nothing unless @create); prints the error and returns NULL. */
TdStore *td_cli_open_store (TdCliContext *ctx, gboolean create);

/* Prints "traindesk-cli VERB: MESSAGE" on stderr and returns TD_EXIT_USAGE. */
int td_cli_usage_error (const char *verb, const char *message);
/* The same with the verb's synopsis as the message ("usage: backup FILE"). */
int td_cli_usage (TdCliContext *ctx);
/* Prints the error's message on stderr and returns TD_EXIT_REFUSED. */
int td_cli_refused (const GError *error);

/* The command line as UTF-8 on Windows (g_win32_get_command_line), as given elsewhere;
 * free with g_strfreev (td-cli-platform.c, the one file that knows the platform). */
char **td_cli_get_arguments (int argc, char **argv);
/* Asks for a password on the terminal, without echoing it (td-cli-platform.c); NULL when
 * standard input is not a terminal or nothing was typed.  Clear it (td_cli_forget) after. */
char *td_cli_read_password (const char *prompt);

/* Verbs (td-cli-*.c). */
int td_cli_init (TdCliContext *ctx);
int td_cli_list (TdCliContext *ctx);
int td_cli_verify (TdCliContext *ctx);
int td_cli_grant (TdCliContext *ctx);
int td_cli_backup (TdCliContext *ctx);
int td_cli_copy (TdCliContext *ctx);
int td_cli_import_catalog (TdCliContext *ctx);
int td_cli_export (TdCliContext *ctx);
int td_cli_validate (TdCliContext *ctx);
int td_cli_import_receipt (TdCliContext *ctx);
int td_cli_print (TdCliContext *ctx);
int td_cli_chart (TdCliContext *ctx);
int td_cli_import_roster (TdCliContext *ctx);
int td_cli_export_table (TdCliContext *ctx);
int td_cli_roster_template (TdCliContext *ctx);
int td_cli_institution (TdCliContext *ctx);
int td_cli_class (TdCliContext *ctx);
int td_cli_withdraw (TdCliContext *ctx);
int td_cli_cancel (TdCliContext *ctx);
int td_cli_packet_file (TdCliContext *ctx);
int td_cli_import_packet (TdCliContext *ctx);
int td_cli_import_results (TdCliContext *ctx);
int td_cli_import_follow_ups (TdCliContext *ctx);
int td_cli_results_template (TdCliContext *ctx);
int td_cli_follow_up_template (TdCliContext *ctx);
int td_cli_import_attendance (TdCliContext *ctx);

G_END_DECLS
