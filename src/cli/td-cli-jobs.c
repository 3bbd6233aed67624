/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verbs for the jobs the GUI's forms do: institution show|set, class show, withdraw, cancel,
 * packet-file. */
#define G_LOG_DOMAIN "td-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cli/td-cli.h"
#include "core/td-codes.h"
#include "core/td-credit-code.h"
#include "core/td-idnumber.h"
#include "core/td-phone.h"
#include "packet/td-packet-import.h"

/* ---- institution ---------------------------------------------------------------------- */

/* The keys of `institution show|set`, in the order show prints them. */
static const struct
{
  const char *key;
  gsize offset;
  gboolean required;
} institution_keys[] = {
  { "credit_code", G_STRUCT_OFFSET (TdInstitution, credit_code), TRUE },
  { "name", G_STRUCT_OFFSET (TdInstitution, name), TRUE },
  { "license_no", G_STRUCT_OFFSET (TdInstitution, license_no), FALSE },
  { "region", G_STRUCT_OFFSET (TdInstitution, region), TRUE },
  { "contact_name", G_STRUCT_OFFSET (TdInstitution, contact_name), TRUE },
  { "contact_phone", G_STRUCT_OFFSET (TdInstitution, contact_phone), TRUE },
  { "legal_rep", G_STRUCT_OFFSET (TdInstitution, legal_rep), FALSE },
  { "account_name", G_STRUCT_OFFSET (TdInstitution, account_name), FALSE },
  { "bank", G_STRUCT_OFFSET (TdInstitution, bank), FALSE },
  { "account", G_STRUCT_OFFSET (TdInstitution, account), FALSE },
};

#define INST_FIELD(inst, i) G_STRUCT_MEMBER (char *, inst, institution_keys[i].offset)

static int
find_institution_key (const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (institution_keys); i++)
    if (g_str_equal (key, institution_keys[i].key))
      return (int) i;
  return -1;
}

static int
institution_show (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdInstitution) inst = td_store_get_institution (store, &error);

  if (error != NULL)
    return td_cli_refused (error);
  if (inst == NULL)
    {
      g_printerr ("%s\n", _("No institution is set up yet: use institution set KEY=VALUE…"));
      return TD_EXIT_REFUSED;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (institution_keys); i++)
    {
      const char *value = INST_FIELD (inst, i);
      g_print ("%s=%s\n", institution_keys[i].key, value != NULL ? value : "");
    }
  return TD_EXIT_OK;
}

/* The value as the store keeps it, or NULL with a message naming what is wrong. */
static char *
institution_value (const char *key, const char *value, gboolean keep_check, GError **error)
{
  if (g_str_equal (key, "credit_code"))
    {
      g_autofree char *code = td_credit_code_normalize (value);

      if (!td_credit_code_well_formed (code))
        g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                     _("credit_code: a unified social credit code has 18 characters of digits "
                       "and capital letters (no I, O, S, V, Z)."));
      else if (!td_credit_code_check_ok (code) && !keep_check)
        g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                     _("credit_code: the last character should be %c, not %c (GB 32100, "
                       "R-ORG-001). If the business licence shows exactly this code, add "
                       "--keep-check-character."), td_credit_code_check_char (code), code[17]);
      else
        return g_steal_pointer (&code);
      return NULL;
    }
  if (g_str_equal (key, "region"))
    {
      const char *code = td_code_lookup (TD_CODES_REGION, value);

      if (code == NULL)
        g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                     _("region: “%s” is not a division of Liaocheng (371500 … 371581)."), value);
      return g_strdup (code);
    }
  if (g_str_equal (key, "contact_phone"))
    {
      char *phone = td_phone_normalize (value, error);

      if (phone == NULL)
        g_prefix_error (error, "contact_phone: ");
      return phone;
    }
  return g_strstrip (g_strdup (value));
}

static gboolean
institution_apply (TdInstitution *inst, char **assignments, gboolean keep_check,
                   GString *problems)
{
  for (guint i = 0; assignments[i] != NULL; i++)
    {
      g_auto (GStrv) kv = g_strsplit (assignments[i], "=", 2);
      g_autoptr (GError) error = NULL;
      int k = kv[1] != NULL ? find_institution_key (kv[0]) : -1;
      char *value;

      if (k < 0)
        {
          g_string_append_printf (problems, _("“%s” is not KEY=VALUE with one of the keys "
                                              "institution show prints.\n"), assignments[i]);
          continue;
        }
      if (kv[1][0] == '\0')
        value = NULL;
      else if ((value = institution_value (kv[0], kv[1], keep_check, &error)) == NULL)
        {
          g_string_append_printf (problems, "%s\n", error->message);
          continue;
        }
      g_free (INST_FIELD (inst, k));
      INST_FIELD (inst, k) = value;
    }
  return problems->len == 0;
}

int
td_cli_institution (TdCliContext *ctx)
{
  gboolean keep_check = FALSE;
  const GOptionEntry entries[] = {
    { "keep-check-character", 0, 0, G_OPTION_ARG_NONE, &keep_check,
      N_("Keep a credit code whose check character is wrong (the licence shows it so)"),
      NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (TdInstitution) inst = NULL;
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  TdStore *store;
  gboolean show;
  int status = td_cli_parse (ctx, entries, 1, -1);

  if (status != TD_CLI_GO_ON)
    return status;
  show = g_str_equal (ctx->args[1], "show");
  if ((show && td_cli_n_args (ctx) != 1) || (!show && !g_str_equal (ctx->args[1], "set"))
      || (!show && td_cli_n_args (ctx) < 2))
    return td_cli_usage (ctx);
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (show)
    return institution_show (store);
  inst = td_store_get_institution (store, &error);
  if (error != NULL)
    return td_cli_refused (error);
  if (inst == NULL)
    inst = td_institution_new ();
  if (!institution_apply (inst, ctx->args + 2, keep_check, problems))
    {
      g_printerr ("%s", problems->str);
      g_printerr ("%s\n", _("Nothing was changed."));
      return TD_EXIT_REFUSED;
    }
  if (!td_store_save_institution (store, inst, &error))
    return td_cli_refused (error);
  return institution_show (store);
}

/* ---- class show ----------------------------------------------------------------------- */

static void
print_kv (const char *key, const char *value)
{
  g_print ("%s=%s\n", key, value != NULL ? value : "");
}

static void
print_kv_int (const char *key, int value)
{
  g_print ("%s=%d\n", key, value);
}

static void
print_kv_hours (const char *key, TdHalves hours)
{
  g_autofree char *text = td_hours_format (hours);
  print_kv (key, text);
}

/* FALSE with @error, nothing printed, when the store cannot be read. */
static gboolean
print_class (TdStore *store, const TdClass *k, GError **error)
{
  g_autoptr (GPtrArray) teachers = td_store_list_teachers (store, k->id, error);
  g_autoptr (GPtrArray) lessons = NULL;
  g_autoptr (GError) local = NULL;
  TdClassStatus status;
  int enrolled;

  if (teachers == NULL || (lessons = td_store_list_lessons (store, k->id, error)) == NULL)
    return FALSE;
  status = td_store_class_status (store, k, td_day_today (), &local);
  enrolled = local == NULL ? td_store_count_enrolled (store, k->id, &local) : 0;
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  print_kv ("code", k->code);
  print_kv ("title", k->title);
  print_kv ("status", td_class_status_token (status));
  print_kv ("filing_no", k->filing_no);
  print_kv ("catalog_version", k->catalog_version);
  print_kv ("item", k->item_code);
  print_kv ("item_name", k->item_name);
  print_kv_int ("level", k->level);
  print_kv ("training_type", k->training_type);
  print_kv ("special_action", k->special_action);
  print_kv_int ("project_mode", k->project_mode);
  print_kv_int ("mode", k->mode);
  print_kv ("start", k->start_date);
  print_kv ("end", k->end_date);
  print_kv_hours ("theory", k->planned_theory);
  print_kv_hours ("practice", k->planned_practice);
  print_kv_hours ("online", k->planned_online);
  print_kv_int ("planned_size", k->planned_size);
  print_kv_int ("enrolled", enrolled);
  print_kv ("venue_region", k->venue_region);
  print_kv ("venue_address", k->venue_address);
  print_kv ("online_platform", k->online_platform);
  print_kv_int ("funding_source", k->funding_source);
  print_kv_int ("certificate", k->certificate);
  print_kv ("assessment_method", k->assessment_method);
  print_kv ("partner_credit_code", k->partner_credit_code);
  print_kv ("partner_name", k->partner_name);
  print_kv_int ("teachers", (int) teachers->len);
  print_kv_int ("lessons", (int) lessons->len);
  print_kv ("cancel_date", k->cancel_date);
  print_kv ("cancel_reason", k->cancel_reason);
  return TRUE;
}

static int
class_new (TdCliContext *ctx, const char *from)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  TdStore *store = td_cli_open_store (ctx, FALSE);

  if (store == NULL)
    return TD_EXIT_REFUSED;
  code = td_packet_import_draft_filing (store, from, &error);
  if (code == NULL)
    return td_cli_refused (error);
  g_print (_("Class %s is stored as a draft.\n"), code);
  return TD_EXIT_OK;
}

int
td_cli_class (TdCliContext *ctx)
{
  g_autofree char *from = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from,
      N_("The class filing (ClassFiling packet) to make the class from"), N_("FILING.xml") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) klass = NULL;
  TdStore *store;
  int status = td_cli_parse (ctx, entries, 1, 2);

  if (status != TD_CLI_GO_ON)
    return status;
  if (g_str_equal (ctx->args[1], "new") && td_cli_n_args (ctx) == 1 && from != NULL)
    return class_new (ctx, from);
  if (!g_str_equal (ctx->args[1], "show") || td_cli_n_args (ctx) != 2 || from != NULL)
    return td_cli_usage (ctx);
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  klass = td_store_get_class_by_code (store, ctx->args[2], &error);
  if (klass == NULL)
    return td_cli_refused (error);
  if (!print_class (store, klass, &error))
    return td_cli_refused (error);
  return TD_EXIT_OK;
}

int
td_cli_import_packet (TdCliContext *ctx)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  TdStore *store;
  int status = td_cli_parse (ctx, NULL, 1, -1);

  if (status != TD_CLI_GO_ON)
    return status;
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if (!td_packet_import_files (store, (const char *const *) ctx->args + 1, lines, NULL,
                               &error))
    {
      g_printerr ("%s\n", error->message);
      g_printerr ("%s\n", _("Nothing was imported."));
      return TD_EXIT_REFUSED;
    }
  for (guint i = 0; i < lines->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (lines, i));
  return TD_EXIT_OK;
}

/* ---- withdraw and cancel -------------------------------------------------------------- */

/* --date as YYYY-MM-DD (or a form people type: 2026/3/2, 2026年3月2日); FALSE when it is
 * not a date. */
static gboolean
parse_date_option (const char *text, char iso[TD_DATE_LEN])
{
  TdDay day = text != NULL ? td_day_parse_lenient (text) : 0;

  td_day_to_iso (day, iso);
  return day != 0;
}

static int
date_usage (TdCliContext *ctx, const char *text)
{
  g_autofree char *message = g_strdup_printf (_("“%s” is not a date: give it as 2026-03-02"),
                                              text);
  return td_cli_usage_error (ctx->verb->name, message);
}

/* The trainee of @klass's roster with id number @text (any case, full-width digits). */
static TdEnrolment *
find_on_roster (TdStore *store, const TdClass *klass, const char *text, GError **error)
{
  g_autofree char *half = td_codes_halfwidth (text);
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (store, klass->id, error);

  if (roster == NULL)
    return NULL;
  g_strstrip (half);
  for (char *p = half; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);
  for (guint i = 0; i < roster->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (roster, i);
      if (g_str_equal (e->trainee.id_number, half))
        return td_enrolment_copy (e);
    }
  g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND,
               _("No trainee with id number %s is on the roster of class %s."), half,
               klass->code);
  return NULL;
}

int
td_cli_withdraw (TdCliContext *ctx)
{
  g_autofree char *code = NULL, *id = NULL, *date = NULL, *reason = NULL;
  const GOptionEntry entries[] = {
    { "class", 0, 0, G_OPTION_ARG_STRING, &code, N_("The class"), N_("CODE") },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("The trainee's id number"), N_("ID") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date of the withdrawal"), N_("DATE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the trainee withdrew"),
      N_("REASON") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) klass = NULL;
  g_autoptr (TdEnrolment) e = NULL;
  g_autofree char *masked = NULL;
  char iso[TD_DATE_LEN];
  TdStore *store;
  int status = td_cli_parse (ctx, entries, 0, 0);

  if (status != TD_CLI_GO_ON)
    return status;
  if (code == NULL || id == NULL || date == NULL || reason == NULL)
    return td_cli_usage (ctx);
  if (!parse_date_option (date, iso))
    return date_usage (ctx, date);
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if ((klass = td_store_get_class_by_code (store, code, &error)) == NULL
      || (e = find_on_roster (store, klass, id, &error)) == NULL)
    return td_cli_refused (error);
  if (e->withdrawn_date[0] != '\0')
    {
      g_printerr (_("%s already withdrew from class %s on %s.\n"), e->trainee.name,
                  klass->code, e->withdrawn_date);
      return TD_EXIT_REFUSED;
    }
  if (!td_store_withdraw (store, klass->id, e->trainee.id, iso, g_strstrip (reason), &error))
    return td_cli_refused (error);
  masked = td_id_number_mask (e->trainee.id_number);
  g_print (_("%s (%s) withdrew from class %s on %s.\n"), e->trainee.name, masked, klass->code,
           iso);
  return TD_EXIT_OK;
}

int
td_cli_cancel (TdCliContext *ctx)
{
  g_autofree char *code = NULL, *date = NULL, *reason = NULL;
  const GOptionEntry entries[] = {
    { "class", 0, 0, G_OPTION_ARG_STRING, &code, N_("The class"), N_("CODE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date of the cancellation"),
      N_("DATE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the class is cancelled"),
      N_("REASON") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) klass = NULL;
  char iso[TD_DATE_LEN];
  TdStore *store;
  int status = td_cli_parse (ctx, entries, 0, 0);

  if (status != TD_CLI_GO_ON)
    return status;
  if (code == NULL || date == NULL || reason == NULL)
    return td_cli_usage (ctx);
  if (!parse_date_option (date, iso))
    return date_usage (ctx, date);
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  if ((klass = td_store_get_class_by_code (store, code, &error)) == NULL)
    return td_cli_refused (error);
  if (klass->cancel_date[0] != '\0')
    {
      g_printerr (_("Class %s was already cancelled on %s.\n"), klass->code,
                  klass->cancel_date);
      return TD_EXIT_REFUSED;
    }
  if (!td_store_cancel_class (store, klass->id, iso, g_strstrip (reason), &error))
    return td_cli_refused (error);
  g_print (_("Class %s is cancelled as of %s.\n"), klass->code, iso);
  return TD_EXIT_OK;
}

/* ---- packet-file ---------------------------------------------------------------------- */

int
td_cli_packet_file (TdCliContext *ctx)
{
  g_autofree char *out = NULL, *receipt = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Where to write the packet"),
      N_("FILE") },
    { "receipt", 0, 0, G_OPTION_ARG_FILENAME, &receipt,
      N_("Where to write the bureau's receipt of it, as it was imported"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  static const char *const xml_suffix[] = { ".xml", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPacketLog) log = NULL;
  gconstpointer data;
  gsize size;
  TdStore *store;
  int status = td_cli_parse (ctx, entries, 1, 1);

  if (status != TD_CLI_GO_ON)
    return status;
  if (out == NULL)
    return td_cli_usage (ctx);
  if ((status = td_cli_check_output (ctx, out, xml_suffix)) != TD_CLI_GO_ON
      || (receipt != NULL
          && (status = td_cli_check_output (ctx, receipt, xml_suffix)) != TD_CLI_GO_ON))
    return status;
  store = td_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return TD_EXIT_REFUSED;
  log = td_store_get_packet (store, ctx->args[1], &error);
  if (log == NULL)
    return td_cli_refused (error);
  if (receipt != NULL && log->receipt == NULL)
    {
      g_printerr (_("Packet %s has no receipt yet.\n"), log->id);
      return TD_EXIT_REFUSED;
    }
  data = g_bytes_get_data (log->content, &size);
  if (!g_file_set_contents (out, data, (gssize) size, &error))
    return td_cli_refused (error);
  g_print ("%s\n", out);
  if (receipt == NULL)
    return TD_EXIT_OK;
  data = g_bytes_get_data (log->receipt, &size);
  if (!g_file_set_contents (receipt, data, (gssize) size, &error))
    return td_cli_refused (error);
  g_print ("%s\n", receipt);
  return TD_EXIT_OK;
}
