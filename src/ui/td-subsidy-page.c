/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Subsidy page: the claim as it stands, from td_subsidy_preview () (the computation
 * the claim form and the SubsidyClaim packet use): every trainee included or left out with
 * the reason, the standard, the uplift and the amount; the total in figures and in capital
 * numerals; the payee and the declaration. */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "core/td-codes.h"
#include "core/td-idnumber.h"
#include "core/td-subsidy.h"
#include "ui/td-row.h"
#include "ui/td-subsidy-page.h"
#include "ui/td-ui-util.h"

enum { C_POS, C_NAME, C_ID, C_HOURS, C_RATE, C_CERT, C_STANDARD, C_UPLIFT, C_AMOUNT, C_REASON,
       C_N };

struct _TdSubsidyPage
{
  TdPage parent_instance;

  TdSubsidyPreview *preview;
  GListStore *rows;
  gboolean loading;

  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkLabel *total_label;
  GtkColumnView *view;
  AdwComboRow *payee_row;
  AdwActionRow *account_row;
  GtkLabel *declaration_label;
};

G_DEFINE_FINAL_TYPE (TdSubsidyPage, td_subsidy_page, TD_TYPE_PAGE)

static TdRow *
row_new (const TdSubsidyLine *line)
{
  const TdEnrolment *e = line->enrolment;
  TdRow *row = td_row_new (e->trainee.id, C_N);
  gboolean in = line->reason == TD_SUBSIDY_INCLUDED;
  char code[4];

  td_row_take (row, C_POS, g_strdup_printf ("%d", e->position));
  td_row_set (row, C_NAME, e->trainee.name);
  td_row_take (row, C_ID, td_id_number_mask (e->trainee.id_number));
  td_row_take (row, C_HOURS, td_hours_format (line->credited));
  td_row_take (row, C_RATE, td_rate_format_percent (line->attendance_rate));
  if (line->certificate != 0)
    {
      g_snprintf (code, sizeof code, "%d", line->level);
      td_row_take (row, C_CERT,
                   g_strdup_printf ("%s · %s",
                                    td_code_label (TD_CODES_CERTIFICATE,
                                                   (char[2]){ '0' + line->certificate, 0 }),
                                    td_code_label (TD_CODES_LEVEL, code)));
    }
  if (line->standard > 0)
    td_row_take (row, C_STANDARD, td_money_format_display (line->standard));
  td_row_take (row, C_UPLIFT, td_money_format_display (line->uplift));
  td_row_take (row, C_AMOUNT, td_money_format_display (line->amount));
  /* every reason, one a line (issue 17.11) */
  td_row_take (row, C_REASON, in ? g_strdup (_("Included")) : g_strjoinv ("\n", line->reasons));
  td_row_set_flagged (row, C_REASON, !in);
  td_row_set_dimmed (row, !in);
  return row;
}

static void
show_totals (TdSubsidyPage *self)
{
  const TdSubsidyPreview *p = self->preview;
  g_autofree char *money = td_money_format_display (p->total);
  g_autofree char *capital = td_money_capital (p->total);
  g_autofree char *text = NULL;

  /* the class's trainee count, as its list and the overview give it: those who withdrew
   * are named apart (issue 18.3) */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d of %d trainee included · total %s (%s)",
                                       "%d of %d trainees included · total %s (%s)",
                                       p->enrolled),
                          p->count, p->enrolled, money, capital);
  if (p->withdrawn > 0)
    {
      g_autofree char *withdrawn = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "%d more withdrew",
                                                                 "%d more withdrew",
                                                                 p->withdrawn),
                                                    p->withdrawn);
      g_autofree char *both = g_strdup_printf ("%s · %s", text, withdrawn);
      g_free (text);
      text = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->total_label, text);
}

static void
show_payee (TdSubsidyPage *self)
{
  const TdClass *k = self->preview->klass;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdInstitution) inst =
      td_store_get_institution (td_page_get_store (TD_PAGE (self)), &error);
  g_autofree char *account = NULL, *declaration = NULL;
  char code[4];

  if (error != NULL)
    {
      td_page_set_store_error (TD_PAGE (self), error);
      return;
    }
  g_snprintf (code, sizeof code, "%d", k->payee_type != 0 ? k->payee_type : 1);
  self->loading = TRUE;
  td_ui_combo_select_code (self->payee_row, TD_CODES_PAYEE, code);
  self->loading = FALSE;
  if (k->payee_type == 2)
    account = g_strdup (_("Each trainee's own bank account (on the roster)"));
  else if (k->payee_type == 3)
    account = g_strdup_printf ("%s", k->partner_name != NULL ? k->partner_name : "");
  else if (inst != NULL)
    account = g_strdup_printf ("%s · %s · %s", inst->account_name ? inst->account_name : "",
                               inst->bank ? inst->bank : "", inst->account ? inst->account : "");
  adw_action_row_set_subtitle (self->account_row, account != NULL ? account : "");
  declaration = g_strdup_printf (_("%s declares that the training took place as recorded, "
                                   "that the attendance, assessment and employment records "
                                   "are true, and that no trainee is claimed twice. Signed by "
                                   "%s."),
                                 inst != NULL ? inst->name : "",
                                 inst != NULL && inst->legal_rep != NULL ? inst->legal_rep : "");
  gtk_label_set_text (self->declaration_label, declaration);
}

static void
reload (TdPage *page)
{
  TdSubsidyPage *self = TD_SUBSIDY_PAGE (page);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->preview, td_subsidy_preview_free);
  if (td_page_get_store (TD_PAGE (self)) != NULL && td_page_get_class_id (TD_PAGE (self)) != 0)
    self->preview = td_subsidy_preview (td_page_get_store (TD_PAGE (self)),
                                        td_page_get_class_id (TD_PAGE (self)), &error);
  /* a database that cannot be read is not "no claim": the window shows why instead */
  td_page_set_store_error (TD_PAGE (self), td_ui_store_read_error (error));
  if (self->preview == NULL)
    {
      adw_status_page_set_description (self->empty_page, error != NULL
                                       ? error->message
                                       : _("Choose a class above to see its subsidy claim."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      td_row_store_replace (self->rows, rows);
      return;
    }
  if (self->preview->klass->cancel_date[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("The class was cancelled on %s: it has no "
                                                 "subsidy claim."),
                                               self->preview->klass->cancel_date);
      adw_status_page_set_description (self->empty_page, text);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      td_row_store_replace (self->rows, rows);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "main");
  for (guint i = 0; i < self->preview->lines->len; i++)
    g_ptr_array_add (rows, row_new (g_ptr_array_index (self->preview->lines, i)));
  td_row_store_replace (self->rows, rows);
  show_totals (self);
  show_payee (self);
}

static void
on_payee_changed (TdSubsidyPage *self)
{
  const char *code = td_ui_combo_get_code (self->payee_row, TD_CODES_PAYEE);
  g_autoptr (TdClass) k = NULL;
  g_autoptr (GError) error = NULL;

  if (self->loading || self->preview == NULL || code == NULL
      || atoi (code) == self->preview->klass->payee_type)
    return;
  k = td_class_copy (self->preview->klass);
  k->payee_type = atoi (code);
  if (!td_store_save_class (td_page_get_store (TD_PAGE (self)), k, &error))
    td_ui_show_error (GTK_WIDGET (self), _("The payee was not saved"), error);
  td_page_reload (TD_PAGE (self));
}

const TdSubsidyPreview *
td_subsidy_page_get_preview (TdSubsidyPage *self)
{
  g_return_val_if_fail (TD_IS_SUBSIDY_PAGE (self), NULL);
  return self->preview;
}

static void
td_subsidy_page_dispose (GObject *object)
{
  TdSubsidyPage *self = TD_SUBSIDY_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);   /* AdwBin would unparent it again */
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_SUBSIDY_PAGE);
  g_clear_pointer (&self->preview, td_subsidy_preview_free);
  G_OBJECT_CLASS (td_subsidy_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TdSubsidyPage, name)

static void
td_subsidy_page_class_init (TdSubsidyPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_subsidy_page_dispose;
  TD_PAGE_CLASS (klass)->reload = reload;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/traindesk/TrainDesk/ui/"
                                               "td-subsidy-page.ui");
  BIND (stack);
  BIND (empty_page);
  BIND (total_label);
  BIND (view);
  BIND (payee_row);
  BIND (account_row);
  BIND (declaration_label);
}

static void
td_subsidy_page_init (TdSubsidyPage *self)
{
  const char *titles[] = { _("No."), _("Full name"), _("ID number"), _("Credited"), _("Rate"),
                           _("Certificate"), _("Standard"), _("Uplift"), _("Amount"),
                           _("Included or why not") };
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (TD_TYPE_ROW);
  /* the selection owns the store; the view owns the selection */
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->view, selection);
  g_object_unref (selection);
  for (guint i = 0; i < C_N; i++)
    {
      g_autoptr (GtkColumnViewColumn) column = i == C_REASON
                                               ? td_row_column_new_wrapping (titles[i], i)
                                               : td_row_column_new (titles[i], i, FALSE);
      gtk_column_view_append_column (self->view, column);
    }
  td_ui_combo_set_codes (self->payee_row, TD_CODES_PAYEE, "1");
  g_signal_connect_swapped (self->payee_row, "notify::selected", G_CALLBACK (on_payee_changed),
                            self);
}
