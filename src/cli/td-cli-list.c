/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `list SUBJECT`: one tab-separated line per row, no header, ids masked unless --show-id.
 * A new subject is a function and a line in the subjects table. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/td-cli.h"
#include "core/td-idnumber.h"
#include "core/td-record-rules.h"
#include "core/td-subsidy.h"

typedef struct
{
  TdStore *store;
  TdClass *klass;               /* NULL for a subject without --class */
  gboolean show_id;
} ListArgs;

static char *
masked_id (const ListArgs *a, const char *id_number)
{
  return a->show_id ? g_strdup (id_number) : td_id_number_mask (id_number);
}

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
      g_autofree char *id = masked_id (a, e->trainee.id_number);
      g_print ("%s\t%s\t%d\t%s\t%s\n", id, e->trainee.name, e->trainee.gender,
               e->trainee.birth_date, e->categories);
    }
  return TD_EXIT_OK;
}

/* lesson, id, status, in, out, hours, method: the current record of each lesson and
 * trainee, in chain order. */
static int
list_attendance (const ListArgs *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = td_store_list_attendance (a->store, a->klass->id, &error);

  if (records == NULL)
    return td_cli_refused (error);
  for (guint i = 0; i < records->len; i++)
    {
      const TdAttendance *r = g_ptr_array_index (records, i);
      g_autofree char *id = masked_id (a, r->id_number);
      g_autofree char *hours = td_hours_format (r->hours);
      g_print ("%s\t%s\t%c\t%s\t%s\t%s\t%s\n", r->lid, id, r->status, r->time_in, r->time_out,
               hours, r->method);
    }
  return TD_EXIT_OK;
}

/* id kind created status filing-no digest-prefix, newest first. */
static int
list_packets (const ListArgs *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) packets = td_store_list_packets (a->store,
                                                         a->klass != NULL ? a->klass->id : 0,
                                                         &error);

  if (packets == NULL)
    return td_cli_refused (error);
  for (guint i = 0; i < packets->len; i++)
    {
      const TdPacketLog *p = g_ptr_array_index (packets, i);
      g_print ("%s\t%s\t%s\t%s\t%s\t%.12s\n", p->id, td_packet_kind_token (p->kind), p->created,
               td_packet_status_token (p->status), p->filing_no != NULL ? p->filing_no : "",
               p->digest);
    }
  return TD_EXIT_OK;
}

/* The name of a trainee of the class's roster (the results and follow-ups carry ids). */
static const char *
roster_name (GPtrArray *roster, gint64 trainee_id)
{
  for (guint i = 0; i < roster->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (roster, i);
      if (e->trainee.id == trainee_id)
        return e->trainee.name;
    }
  return "";
}

/* id name theory practice outcome certificate level number issued */
static int
list_results (const ListArgs *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (a->store, a->klass->id, &error);
  g_autoptr (GPtrArray) results = NULL;

  if (roster == NULL || (results = td_store_list_results (a->store, a->klass->id, &error)) == NULL)
    return td_cli_refused (error);
  for (guint i = 0; i < results->len; i++)
    {
      const TdResult *r = g_ptr_array_index (results, i);
      g_autofree char *id = masked_id (a, r->id_number);
      g_autofree char *theory = td_score_format (r->theory);
      g_autofree char *practice = td_score_format (r->practice);
      g_autofree char *type = r->cert_type != 0 ? g_strdup_printf ("%d", r->cert_type)
                                                : g_strdup ("");
      g_autofree char *level = r->cert_type != 0 ? g_strdup_printf ("%d", r->cert_level)
                                                 : g_strdup ("");

      g_print ("%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", id, roster_name (roster, r->trainee_id),
               theory, practice, r->outcome, type, level,
               r->cert_number != NULL ? r->cert_number : "", r->cert_issued);
    }
  return TD_EXIT_OK;
}

/* id name checked status employer-credit-code employer since proof wage */
static int
list_follow_ups (const ListArgs *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (a->store, a->klass->id, &error);
  g_autoptr (GPtrArray) follow_ups = NULL;

  if (roster == NULL
      || (follow_ups = td_store_list_follow_ups (a->store, a->klass->id, &error)) == NULL)
    return td_cli_refused (error);
  for (guint i = 0; i < follow_ups->len; i++)
    {
      const TdFollowUp *f = g_ptr_array_index (follow_ups, i);
      g_autofree char *id = masked_id (a, f->id_number);
      g_autofree char *proof = f->proof != 0 ? g_strdup_printf ("%d", f->proof) : g_strdup ("");
      g_autofree char *wage = f->monthly_wage >= 0 ? td_money_format (f->monthly_wage)
                                                   : g_strdup ("");

      g_print ("%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", id, roster_name (roster, f->trainee_id),
               f->checked, f->status,
               f->employer_credit_code != NULL ? f->employer_credit_code : "",
               f->employer_name != NULL ? f->employer_name : "", f->since, proof, wage);
    }
  return TD_EXIT_OK;
}

/* The claim as it stands: id name rate certificate level standard uplift amount, and why a
 * trainee is left out (empty when included). */
static int
list_claim (const ListArgs *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdSubsidyPreview) preview = td_subsidy_preview (a->store, a->klass->id, &error);

  if (preview == NULL)
    return td_cli_refused (error);
  for (guint i = 0; i < preview->lines->len; i++)
    {
      const TdSubsidyLine *l = g_ptr_array_index (preview->lines, i);
      g_autofree char *id = masked_id (a, l->enrolment->trainee.id_number);
      g_autofree char *rate = td_rate_format (l->attendance_rate);
      g_autofree char *standard = td_money_format (l->standard);
      g_autofree char *uplift = td_money_format (l->uplift);
      g_autofree char *amount = td_money_format (l->amount);

      g_print ("%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\n", id, l->enrolment->trainee.name, rate,
               l->certificate, l->level, standard, uplift, amount,
               l->explanation != NULL ? l->explanation : "");
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
  { "attendance", CLASS_REQUIRED, list_attendance },
  { "packets", CLASS_OPTIONAL, list_packets },
  { "results", CLASS_REQUIRED, list_results },
  { "follow-ups", CLASS_REQUIRED, list_follow_ups },
  { "claim", CLASS_REQUIRED, list_claim },
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
