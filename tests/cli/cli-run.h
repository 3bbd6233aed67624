/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Running traindesk-cli (TD_CLI) as a user runs it, in a fresh folder per test. */
#pragma once

#include <glib.h>

#include "../td-test-dir.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;                    /* a temporary folder, removed by cli_fixture_tear_down () */
  char *db;                     /* dir/traindesk.db, not created until a verb creates it */
} CliFixture;

typedef struct
{
  int status;
  char *out;
  char *err;
} CliRun;

void cli_run_clear (CliRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

void cli_fixture_set_up (CliFixture *f, gconstpointer data);
void cli_fixture_tear_down (CliFixture *f, gconstpointer data);

/* Runs @argv (NULL-terminated; argv[0] looked up in PATH) in @dir. */
void cli_spawn (CliRun *run, const char *dir, const char *const *argv);
/* Runs traindesk-cli --db f->db with @args (NULL-terminated) in the fixture's folder. */
void cli_run (CliRun *run, CliFixture *f, const char *const *args);
#define CLI(run, f, ...) cli_run (run, f, (const char *const[]) { __VA_ARGS__, NULL })
/* The same with another database @db, and @env ("NAME=value", or NULL) added to the
 * environment. */
void cli_run_full (CliRun *run, CliFixture *f, const char *db, const char *env,
                   const char *const *args);

/* `init --demo`, asserted to succeed. */
void cli_init_demo (CliFixture *f);
/* A path in the fixture's folder; newly allocated. */
char *cli_path (CliFixture *f, const char *name);
/* The lines of @text without the final empty one. */
GStrv cli_lines (const char *text);

G_END_DECLS
