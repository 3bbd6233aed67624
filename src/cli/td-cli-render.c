/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verbs that draw: print (forms as PDF) and chart. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/td-cli.h"
#include "render/td-charts.h"
#include "render/td-forms.h"

#define CHART_WIDTH 1000
#define CHART_HEIGHT 560

typedef struct
{
  const char *name;             /* FORM or NAME */
  const char *klass;
  const char *output;
  const char *lesson;
  gboolean full_id;
  gboolean multi_day;
} RenderArgs;

/* Reads the verb's arguments; FALSE (after printing why) on a usage error. */
static gboolean
parse_args (int argc, char **argv, gboolean print, RenderArgs *args)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--class") && i + 1 < argc)
        args->klass = argv[++i];
      else if (g_str_equal (argv[i], "-o") && i + 1 < argc)
        args->output = argv[++i];
      else if (print && g_str_equal (argv[i], "--lesson") && i + 1 < argc)
        args->lesson = argv[++i];
      else if (print && g_str_equal (argv[i], "--full-id"))
        args->full_id = TRUE;
      else if (print && g_str_equal (argv[i], "--multi-day"))
        args->multi_day = TRUE;
      else if (argv[i][0] != '-' && args->name == NULL)
        args->name = argv[i];
      else
        {
          g_autofree char *message = g_strdup_printf (_("unknown argument “%s”"), argv[i]);

          td_cli_usage_error (argv[0], message);
          return FALSE;
        }
    }
  return TRUE;
}

int
td_cli_print (TdCliContext *ctx, int argc, char **argv)
{
  RenderArgs args = { 0 };
  TdFormOptions options = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdForm) form = NULL;
  TdFormKind kind;
  TdStore *store;

  if (!parse_args (argc, argv, TRUE, &args))
    return TD_EXIT_USAGE;
  if (args.name == NULL || !td_form_kind_from_string (args.name, &kind) || args.klass == NULL
      || args.output == NULL)
    return td_cli_usage_error (argv[0], _("usage: print filing|roster|signin|assessment|claim "
                                          "--class CODE -o FILE.pdf [--full-id] "
                                          "[--lesson LID] [--multi-day]"));
  if (!g_str_has_suffix (args.output, ".pdf") && !g_str_has_suffix (args.output, ".PDF"))
    return td_cli_usage_error (argv[0], _("the output file name must end in .pdf"));
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  options.full_id = args.full_id;
  options.lesson = args.lesson;
  options.multi_day = args.multi_day;
  form = td_form_build (store, kind, args.klass, &options, &error);
  if (form == NULL || !td_form_write_pdf (form, args.output, &error))
    return td_cli_refused (error);
  return TD_EXIT_OK;
}

int
td_cli_chart (TdCliContext *ctx, int argc, char **argv)
{
  RenderArgs args = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdChart) chart = NULL;
  TdChartKind kind;
  TdStore *store;

  if (!parse_args (argc, argv, FALSE, &args))
    return TD_EXIT_USAGE;
  if (args.name == NULL || !td_chart_kind_from_string (args.name, &kind)
      || args.output == NULL)
    return td_cli_usage_error (argv[0], _("usage: chart outcomes|attendance|actions|subsidy "
                                          "[--class CODE] -o FILE.png|FILE.svg|FILE.pdf"));
  if (td_chart_kind_needs_class (kind) && args.klass == NULL)
    return td_cli_usage_error (argv[0], _("the attendance chart needs --class CODE"));
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  chart = td_chart_build (store, kind, args.klass, &error);
  if (chart == NULL || !td_chart_write (chart, args.output, CHART_WIDTH, CHART_HEIGHT, &error))
    {
      /* a file name the program cannot write is the caller's mistake */
      if (g_error_matches (error, TD_RENDER_ERROR, TD_RENDER_ERROR_FORMAT))
        return td_cli_usage_error (argv[0], error->message);
      return td_cli_refused (error);
    }
  return TD_EXIT_OK;
}
