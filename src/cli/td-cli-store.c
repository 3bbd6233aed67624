/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verbs that write no XML: init, verify, backup, copy. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "cli/td-cli.h"
#include "core/td-db.h"
#include "core/td-idnumber.h"
#include "packet/td-catalog-import.h"
#include "packet/td-demo.h"
#include "packet/td-packet-verify.h"

/* The names in @dir (none when it is missing). */
static GHashTable *
names_in (const char *dir)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GDir) d = dir != NULL ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_hash_table_add (names, g_strdup (name));
  return names;
}

/* A demo that failed half-way (a full disk): remove the packets it wrote into the outbox
 * (@before: what was there) and the database this run created, so nothing is left that looks
 * like a TrainDesk database. */
static void
undo_new_database (TdCliContext *ctx, GHashTable *before)
{
  g_autofree char *outbox = td_demo_outbox_dir (ctx->db_path);
  g_autoptr (GHashTable) now = names_in (outbox);
  const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  GHashTableIter iter;
  const char *name;

  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_hash_table_contains (before, name))
      {
        g_autofree char *path = g_build_filename (outbox, name, NULL);
        g_remove (path);
      }
  g_rmdir (outbox);   /* only when empty */
  g_clear_object (&ctx->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (ctx->db_path, suffixes[i], NULL);
      g_remove (file);
    }
}

int
td_cli_init (TdCliContext *ctx)
{
  gboolean demo = FALSE;
  const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Fill the new database with the demo data"),
      NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) classes = NULL;
  TdStore *store;
  gboolean existed;
  g_autofree char *outbox = NULL;
  g_autoptr (GHashTable) before = NULL;
  int status = td_cli_parse (ctx, entries, 0, 0);

  if (status != TD_CLI_GO_ON)
    return status;
  existed = g_file_test (ctx->db_path, G_FILE_TEST_EXISTS);
  outbox = td_demo_outbox_dir (ctx->db_path);
  before = names_in (outbox);
  store = td_cli_open_store (ctx, TRUE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (!td_catalog_import_default (store, &error))
    {
      if (!existed)
        undo_new_database (ctx, before);
      return td_cli_refused (error);
    }
  classes = td_store_list_classes (store, &error);
  if (classes == NULL)
    return td_cli_refused (error);
  if (demo && classes->len > 0)
    {
      g_printerr (_("%s already holds classes; the demo data goes into a new database "
                    "only.\n"), td_store_get_path (store));
      return TD_EXIT_REFUSED;
    }
  if (demo && !td_demo_fill (store, &error))
    {
      if (!existed)
        undo_new_database (ctx, before);
      return td_cli_refused (error);
    }
  g_print (demo ? _("Created %s with the demo data.\n") : _("Database ready: %s\n"),
          td_store_get_path (store));
  return TD_EXIT_OK;
}

int
td_cli_verify (TdCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  TdStore *store;
  int status = td_cli_parse (ctx, NULL, 0, 0);

  if (status != TD_CLI_GO_ON)
    return status;
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  problems = td_verify_all (store, &error);
  if (problems == NULL)
    return td_cli_refused (error);
  for (guint i = 0; i < problems->len; i++)
    {
      const TdVerifyProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *masked = p->id_number != NULL ? td_id_number_mask (p->id_number) : NULL;

      if (p->class_code != NULL && p->lid != NULL)
        g_print (_("class %s, lesson %s, trainee %s: %s\n"), p->class_code, p->lid,
                masked != NULL ? masked : "-", p->message);
      else if (p->class_code != NULL && masked != NULL)
        g_print (_("class %s, trainee %s: %s\n"), p->class_code, masked, p->message);
      else if (p->class_code != NULL)
        g_print (_("class %s: %s\n"), p->class_code, p->message);
      else
        g_print ("%s\n", p->message);
    }
  if (problems->len > 0)
    {
      g_printerr (ngettext ("%u problem found.\n", "%u problems found.\n", problems->len),
                  problems->len);
      return TD_EXIT_REFUSED;
    }
  g_print (_("The database is sound, every attendance chain recomputes, and every packet sent "
            "matches its digest, its receipt and the records it carried.\n"));
  return TD_EXIT_OK;
}

int
td_cli_backup (TdCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  TdStore *store;
  int status = td_cli_parse (ctx, NULL, 1, 1);

  if (status != TD_CLI_GO_ON)
    return status;
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (!td_store_backup (store, ctx->args[1], NULL, &error))
    return td_cli_refused (error);
  g_print (_("Backed up to %s\n"), ctx->args[1]);
  return TD_EXIT_OK;
}

/* grant ROLE read|write: what an administrator of a server database gives a colleague's
 * role (created on the server beforehand, README "Several desks"). */
int
td_cli_grant (TdCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  TdStore *store;
  const char *right;
  int status = td_cli_parse (ctx, NULL, 2, 2);

  if (status != TD_CLI_GO_ON)
    return status;
  right = ctx->args[2];
  if (g_strcmp0 (right, "read") != 0 && g_strcmp0 (right, "write") != 0)
    return td_cli_usage_error (ctx->verb->name, _("say “read” or “write” after the role"));
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (!td_store_grant_role (store, ctx->args[1], g_str_equal (right, "write"), &error))
    return td_cli_refused (error);
  g_print (g_str_equal (right, "write")
             ? _("%s may now read and write this database.\n")
             : _("%s may now read this database, and write nothing.\n"), ctx->args[1]);
  return TD_EXIT_OK;
}

/* copy --to LOCATION | --from LOCATION: the other end is always --db, so the line reads as
 * "with this database, copy to … / copy from …". */
int
td_cli_copy (TdCliContext *ctx)
{
  g_autofree char *to = NULL, *from = NULL;
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to,
      N_("Copy the database of --db to LOCATION (a new file or an empty server database)"),
      N_("LOCATION") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from,
      N_("Copy the database at LOCATION into --db (a new file or an empty server database)"),
      N_("LOCATION") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace the database already at the target (what it holds is lost)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) source = NULL;
  g_autofree char *shown = NULL, *count = NULL;
  const char *target;
  gint64 rows = 0;
  int status = td_cli_parse (ctx, entries, 0, 0);

  if (status != TD_CLI_GO_ON)
    return status;
  if ((to == NULL) == (from == NULL))
    return td_cli_usage_error (ctx->verb->name,
                               _("give either --to LOCATION or --from LOCATION"));
  if (to != NULL)
    {
      if (td_cli_open_store (ctx, FALSE) == NULL)
        return TD_EXIT_REFUSED;
      source = g_object_ref (ctx->store);
      target = to;
    }
  else
    {
      source = td_store_open (from, TD_STORE_OPEN_DEFAULT, &error);
      if (source == NULL)
        return td_cli_refused (error);
      target = ctx->db_path;
    }
  shown = td_db_location_display (target);
  if (!td_store_copy (source, target, replace ? TD_STORE_COPY_REPLACE : TD_STORE_COPY_DEFAULT,
                      &rows, NULL, &error))
    {
      td_cli_refused (error);
      if (g_error_matches (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_EMPTY))
        g_printerr (_("To replace it, and lose what it holds, add --replace.\n"));
      return TD_EXIT_REFUSED;
    }
  count = g_strdup_printf ("%" G_GINT64_FORMAT, rows);
  g_print (_("Copied %s to %s: %s rows, with their ids, the attendance chains, the packets "
             "and the audit log as they were.\n"), td_store_get_path (source), shown, count);
  return TD_EXIT_OK;
}
