/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verbs that write no XML: init, list, verify, backup. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/td-cli.h"
#include "core/td-idnumber.h"
#include "packet/td-catalog-import.h"
#include "packet/td-demo.h"

int
td_cli_init (TdCliContext *ctx, int argc, char **argv)
{
  gboolean demo = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) classes = NULL;
  TdStore *store;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--demo"))
        demo = TRUE;
      else
        return td_cli_usage_error (argv[0], _("usage: init [--demo]"));
    }
  store = td_cli_open_store (ctx, TRUE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (!td_catalog_import_default (store, &error))
    return td_cli_refused (error);
  classes = td_store_list_classes (store);
  if (demo && classes->len > 0)
    {
      g_printerr (_("%s already holds classes; the demo data goes into a new database "
                    "only.\n"), td_store_get_path (store));
      return TD_EXIT_REFUSED;
    }
  if (demo && !td_demo_fill (store, &error))
    return td_cli_refused (error);
  printf (demo ? _("Created %s with the demo data.\n") : _("Database ready: %s\n"),
          td_store_get_path (store));
  return TD_EXIT_OK;
}

static int
list_classes (TdStore *store)
{
  g_autoptr (GPtrArray) classes = td_store_list_classes (store);

  for (guint i = 0; i < classes->len; i++)
    {
      const TdClassSummary *s = g_ptr_array_index (classes, i);
      printf ("%s\t%s\t%s\t%s\t%s\t%d\t%d\n", s->code, s->title,
              td_class_status_token (s->status), s->start_date, s->end_date, s->planned_size,
              s->enrolled);
    }
  return TD_EXIT_OK;
}

static int
list_trainees (TdStore *store, const char *code, gboolean show_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) klass = td_store_get_class_by_code (store, code, &error);
  g_autoptr (GPtrArray) roster = NULL;

  if (klass == NULL)
    return td_cli_refused (error);
  roster = td_store_list_enrolments (store, klass->id);
  for (guint i = 0; i < roster->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (roster, i);
      g_autofree char *id = show_id ? g_strdup (e->trainee.id_number)
                                    : td_id_number_mask (e->trainee.id_number);
      printf ("%s\t%s\t%d\t%s\t%s\n", id, e->trainee.name, e->trainee.gender,
              e->trainee.birth_date, e->categories);
    }
  return TD_EXIT_OK;
}

int
td_cli_list (TdCliContext *ctx, int argc, char **argv)
{
  const char *code = NULL;
  gboolean show_id = FALSE;
  TdStore *store;

  if (argc < 2 || (!g_str_equal (argv[1], "classes") && !g_str_equal (argv[1], "trainees")))
    return td_cli_usage_error (argv[0], _("usage: list classes | list trainees --class CODE "
                                          "[--show-id]"));
  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--class") && i + 1 < argc)
        code = argv[++i];
      else if (g_str_equal (argv[i], "--show-id"))
        show_id = TRUE;
      else
        return td_cli_usage_error (argv[0], _("unknown argument"));
    }
  if (g_str_equal (argv[1], "trainees") && code == NULL)
    return td_cli_usage_error (argv[0], _("list trainees needs --class CODE"));
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  return g_str_equal (argv[1], "classes") ? list_classes (store)
                                          : list_trainees (store, code, show_id);
}

int
td_cli_verify (TdCliContext *ctx, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  TdStore *store;

  if (argc != 1)
    return td_cli_usage_error (argv[0], _("usage: verify"));
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  problems = td_store_verify (store, &error);
  if (problems == NULL)
    return td_cli_refused (error);
  for (guint i = 0; i < problems->len; i++)
    {
      const TdVerifyProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *masked = p->id_number != NULL ? td_id_number_mask (p->id_number) : NULL;

      if (p->class_code != NULL)
        printf (_("class %s, lesson %s, trainee %s: %s\n"), p->class_code,
                p->lid != NULL ? p->lid : "-", masked != NULL ? masked : "-", p->message);
      else
        printf ("%s\n", p->message);
    }
  if (problems->len > 0)
    {
      g_printerr (ngettext ("%u problem found.\n", "%u problems found.\n", problems->len),
                  problems->len);
      return TD_EXIT_REFUSED;
    }
  printf (_("The database is sound and every attendance chain recomputes.\n"));
  return TD_EXIT_OK;
}

int
td_cli_backup (TdCliContext *ctx, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  TdStore *store;

  if (argc != 2)
    return td_cli_usage_error (argv[0], _("usage: backup FILE"));
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (!td_store_backup (store, argv[1], NULL, &error))
    return td_cli_refused (error);
  printf (_("Backed up to %s\n"), argv[1]);
  return TD_EXIT_OK;
}
