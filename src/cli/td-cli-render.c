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

/* The options of print and chart (chart takes the first two). */
typedef struct
{
  char *klass;
  char *output;
  char *lesson;
  gboolean full_id;
  gboolean multi_day;
} RenderArgs;

static void
render_args_clear (RenderArgs *args)
{
  g_free (args->klass);
  g_free (args->output);
  g_free (args->lesson);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RenderArgs, render_args_clear)

/* The forms and charts still draw without a Chinese font, but the user hears why the
 * characters come out as boxes. */
static void
warn_missing_font (void)
{
  g_autoptr (GError) error = NULL;

  if (!td_font_check (&error))
    g_printerr ("traindesk-cli: %s\n", error->message);
}

/* Reads the verb's options and its one positional argument (FORM or NAME). */
static int
parse_args (TdCliContext *ctx, gboolean print, RenderArgs *args)
{
  GOptionEntry entries[] = {
    { "class", 0, 0, G_OPTION_ARG_STRING, &args->klass, N_("The class"), N_("CODE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output, N_("The file to write"),
      N_("FILE") },
    { "lesson", 0, 0, G_OPTION_ARG_STRING, &args->lesson,
      N_("The sign-in sheet of one lesson only"), N_("LID") },
    { "full-id", 0, 0, G_OPTION_ARG_NONE, &args->full_id, N_("Print id numbers in full"),
      NULL },
    { "multi-day", 0, 0, G_OPTION_ARG_NONE, &args->multi_day,
      N_("One sign-in sheet for several days"), NULL },
    G_OPTION_ENTRY_NULL
  };
  if (!print)
    entries[2] = (GOptionEntry) G_OPTION_ENTRY_NULL; /* chart: --class and -o only */
  return td_cli_parse (ctx, entries, 1, 1);
}

int
td_cli_print (TdCliContext *ctx)
{
  g_auto (RenderArgs) args = { 0 };
  TdFormOptions options = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdForm) form = NULL;
  TdFormKind kind;
  TdStore *store;
  int status = parse_args (ctx, TRUE, &args);

  if (status != TD_CLI_GO_ON)
    return status;
  if (!td_form_kind_from_string (ctx->args[1], &kind) || args.klass == NULL
      || args.output == NULL)
    return td_cli_usage (ctx);
  status = td_cli_check_output (ctx, args.output, (const char *const[]) { ".pdf", NULL });
  if (status != TD_CLI_GO_ON)
    return status;
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  warn_missing_font ();
  options.full_id = args.full_id;
  options.lesson = args.lesson;
  options.multi_day = args.multi_day;
  form = td_form_build (store, kind, args.klass, &options, &error);
  if (form == NULL || !td_form_write_pdf (form, args.output, &error))
    return td_cli_refused (error);
  return TD_EXIT_OK;
}

int
td_cli_chart (TdCliContext *ctx)
{
  g_auto (RenderArgs) args = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdChart) chart = NULL;
  TdChartKind kind;
  TdStore *store;
  int status = parse_args (ctx, FALSE, &args);

  if (status != TD_CLI_GO_ON)
    return status;
  if (!td_chart_kind_from_string (ctx->args[1], &kind) || args.output == NULL)
    return td_cli_usage (ctx);
  if (td_chart_kind_needs_class (kind) && args.klass == NULL)
    return td_cli_usage_error (ctx->verb->name, _("the attendance chart needs --class CODE"));
  status = td_cli_check_output (ctx, args.output,
                                (const char *const[]) { ".png", ".svg", ".pdf", NULL });
  if (status != TD_CLI_GO_ON)
    return status;
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  warn_missing_font ();
  chart = td_chart_build (store, kind, args.klass, &error);
  if (chart == NULL || !td_chart_write (chart, args.output, CHART_WIDTH, CHART_HEIGHT, &error))
    {
      /* a file name the program cannot write is the caller's mistake */
      if (g_error_matches (error, TD_RENDER_ERROR, TD_RENDER_ERROR_FORMAT))
        return td_cli_usage_error (ctx->verb->name, error->message);
      return td_cli_refused (error);
    }
  return TD_EXIT_OK;
}
