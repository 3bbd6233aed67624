/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "core/td-store.h"

G_BEGIN_DECLS

/* Exit status (DESIGN.md): 0 success, 1 data refused (every reason printed), 2 usage. */
enum { TD_EXIT_OK = 0, TD_EXIT_REFUSED = 1, TD_EXIT_USAGE = 2 };

typedef struct
{
  char *db_path;      /* --db, or the default file the GUI opens */
  TdStore *store;     /* opened on first use */
} TdCliContext;

/* Opens ctx->store (creating nothing unless @create); prints the error and returns NULL. */
TdStore *td_cli_open_store (TdCliContext *ctx, gboolean create);

/* Verbs: argv[0] is the verb; each returns an exit status. */
int td_cli_init (TdCliContext *ctx, int argc, char **argv);
int td_cli_list (TdCliContext *ctx, int argc, char **argv);
int td_cli_verify (TdCliContext *ctx, int argc, char **argv);
int td_cli_backup (TdCliContext *ctx, int argc, char **argv);
int td_cli_import_catalog (TdCliContext *ctx, int argc, char **argv);
int td_cli_export (TdCliContext *ctx, int argc, char **argv);
int td_cli_validate (TdCliContext *ctx, int argc, char **argv);
int td_cli_import_receipt (TdCliContext *ctx, int argc, char **argv);
int td_cli_print (TdCliContext *ctx, int argc, char **argv);
int td_cli_chart (TdCliContext *ctx, int argc, char **argv);
int td_cli_import_roster (TdCliContext *ctx, int argc, char **argv);
int td_cli_export_table (TdCliContext *ctx, int argc, char **argv);
int td_cli_roster_template (TdCliContext *ctx, int argc, char **argv);

/* Prints "traindesk-cli: MESSAGE" on stderr and returns TD_EXIT_USAGE. */
int td_cli_usage_error (const char *verb, const char *message);
/* Prints the error's message on stderr and returns TD_EXIT_REFUSED. */
int td_cli_refused (const GError *error);

G_END_DECLS
