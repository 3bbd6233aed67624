/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `list SUBJECT`: one tab-separated line per row, no header, ids masked unless --show-id.
 * A new subject is a function and a line in the subjects table. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/td-cli.h"
#include "core/td-idnumber.h"

typedef struct
{
  TdStore *store;
  TdClass *klass;               /* NULL for a subject without --class */
  gboolean show_id;
} ListArgs;

static int
list_classes (const ListArgs *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) classes = td_store_list_classes (a->store, &error);

  if (classes == NULL)
    return td_cli_refused (error);
  for (guint i = 0; i < classes->len; i++)
    {
      const TdClassSummary *s = g_ptr_array_index (classes, i);
      g_print ("%s\t%s\t%s\t%s\t%s\t%d\t%d\n", s->code, s->title,
               td_class_status_token (s->status), s->start_date, s->end_date, s->planned_size,
               s->enrolled);
    }
  return TD_EXIT_OK;
}

static int
list_trainees (const ListArgs *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (a->store, a->klass->id, &error);

  if (roster == NULL)
    return td_cli_refused (error);
  for (guint i = 0; i < roster->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (roster, i);
      g_autofree char *id = a->show_id ? g_strdup (e->trainee.id_number)
                                       : td_id_number_mask (e->trainee.id_number);
      g_print ("%s\t%s\t%d\t%s\t%s\n", id, e->trainee.name, e->trainee.gender,
               e->trainee.birth_date, e->categories);
    }
  return TD_EXIT_OK;
}

typedef enum
{
  CLASS_NONE,                   /* --class is refused */
  CLASS_OPTIONAL,
  CLASS_REQUIRED,
} ClassUse;

static const struct
{
  const char *name;
  ClassUse klass;
  int (*run) (const ListArgs *a);
} subjects[] = {
  { "classes", CLASS_NONE, list_classes },
  { "trainees", CLASS_REQUIRED, list_trainees },
};

static int
find_subject (const char *name)
{
  for (gsize i = 0; name != NULL && i < G_N_ELEMENTS (subjects); i++)
    if (g_str_equal (name, subjects[i].name))
      return (int) i;
  return -1;
}

int
td_cli_list (TdCliContext *ctx)
{
  g_autofree char *code = NULL;
  gboolean show_id = FALSE;
  const GOptionEntry entries[] = {
    { "class", 0, 0, G_OPTION_ARG_STRING, &code, N_("The class"), N_("CODE") },
    { "show-id", 0, 0, G_OPTION_ARG_NONE, &show_id, N_("Print id numbers in full"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) klass = NULL;
  ListArgs a = { 0 };
  int status = td_cli_parse (ctx, entries, 1, 1), which;

  if (status != TD_CLI_GO_ON)
    return status;
  which = find_subject (ctx->args[1]);
  if (which < 0)
    return td_cli_usage (ctx);
  if (subjects[which].klass == CLASS_REQUIRED && code == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("list %s needs --class CODE"),
                                                  subjects[which].name);
      return td_cli_usage_error (ctx->verb->name, message);
    }
  if (subjects[which].klass == CLASS_NONE && code != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("list %s takes no --class"),
                                                  subjects[which].name);
      return td_cli_usage_error (ctx->verb->name, message);
    }
  a.store = td_cli_open_store (ctx, FALSE);
  if (a.store == NULL)
    return TD_EXIT_REFUSED;
  if (code != NULL && (klass = td_store_get_class_by_code (a.store, code, &error)) == NULL)
    return td_cli_refused (error);
  a.klass = klass;
  a.show_id = show_id;
  return subjects[which].run (&a);
}
