/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Overview page: what is due next (filings to send, attendance batches not sent for
 * more than 3 working days, follow-ups due, claims near the end of the claim window), the
 * classes by status, and the dashboard charts drawn by the renderer. */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-due.h"
#include "core/td-stats.h"
#include "ui/td-chart-widget.h"
#include "ui/td-overview-page.h"
#include "ui/td-print-dialog.h"
#include "ui/td-row.h"

enum { C_CODE, C_TITLE, C_STATUS, C_START, C_END, C_ENROLLED, C_FILING_NO, C_N };

struct _TdOverviewPage
{
  TdPage parent_instance;

  GListStore *rows;
  TdChartWidget *outcome_chart;
  TdChartWidget *status_chart;

  GtkListBox *due_list;
  GtkLabel *classes_label;
  GtkColumnView *class_view;
  GtkBox *chart_box;
};

G_DEFINE_FINAL_TYPE (TdOverviewPage, td_overview_page, TD_TYPE_PAGE)

/* ---- due next (computed by td_due_list) ---------------------------------------------- */

static void
add_due_row (TdOverviewPage *self, const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_append (self->due_list, row);
}

static void
show_due (TdOverviewPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) due =
      td_due_list (td_page_get_store (TD_PAGE (self)), td_day_today (), &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->due_list))) != NULL)
    gtk_list_box_remove (self->due_list, child);
  if (due == NULL)
    {
      /* never "nothing is due" when it could not be worked out */
      g_autofree char *text = g_strdup_printf (_("What is due could not be worked out: %s"),
                                               error->message);
      add_due_row (self, text);
      return;
    }
  for (guint i = 0; i < due->len; i++)
    add_due_row (self, ((TdDueItem *) g_ptr_array_index (due, i))->text);
  if (due->len == 0)
    add_due_row (self, _("Nothing is due."));
}

/* ---- classes and charts ------------------------------------------------------------- */

static TdRow *
class_row_new (const TdClassSummary *s)
{
  TdRow *row = td_row_new (s->id, C_N);

  td_row_set (row, C_CODE, s->code);
  td_row_set (row, C_TITLE, s->title);
  td_row_set (row, C_STATUS, td_class_status_label (s->status));
  td_row_set (row, C_START, s->start_date);
  td_row_set (row, C_END, s->end_date);
  td_row_take (row, C_ENROLLED, g_strdup_printf ("%d/%d", s->enrolled, s->planned_size));
  td_row_set (row, C_FILING_NO, s->filing_no);
  td_row_set_dimmed (row, s->status == TD_CLASS_CANCELLED);
  return row;
}

static TdChart *
outcome_chart (TdOverviewPage *self, GPtrArray *classes)
{
  TdChart *chart = td_chart_new (_("Outcomes of the latest classes"));
  int enrolled = td_chart_add_series (chart, _("Enrolled"), TD_CHART_SERIES_BAR);
  int completed = td_chart_add_series (chart, _("Completed"), TD_CHART_SERIES_BAR);
  int certified = td_chart_add_series (chart, _("Certified"), TD_CHART_SERIES_BAR);
  int employed = td_chart_add_series (chart, _("Employed"), TD_CHART_SERIES_BAR);
  guint first = classes->len, shown = 0;

  td_chart_set_format (chart, TD_CHART_FORMAT_COUNT);
  /* the five latest classes that started, oldest on the left */
  while (first > 0 && shown < 5)
    {
      const TdClassSummary *s = g_ptr_array_index (classes, --first);
      shown += s->status != TD_CLASS_CANCELLED && s->status != TD_CLASS_DRAFT;
    }
  for (guint i = first; i < classes->len; i++)
    {
      const TdClassSummary *s = g_ptr_array_index (classes, i);
      g_autoptr (GError) error = NULL;
      TdClassOutcome *o;
      int c;

      if (s->status == TD_CLASS_CANCELLED || s->status == TD_CLASS_DRAFT)
        continue;
      o = td_stats_class_outcome (td_page_get_store (TD_PAGE (self)), s->id, &error);
      if (o == NULL)
        continue;
      c = td_chart_add_category (chart, s->code);
      td_chart_set_value (chart, enrolled, c, o->enrolled);
      td_chart_set_value (chart, completed, c, o->completed);
      td_chart_set_value (chart, certified, c, o->certified);
      td_chart_set_value (chart, employed, c, o->employed);
      td_class_outcome_free (o);
    }
  return chart;
}

static TdChart *
status_chart (GPtrArray *classes)
{
  TdChart *chart = td_chart_new (_("Classes by status"));
  int series = td_chart_add_series (chart, _("Classes"), TD_CHART_SERIES_BAR);
  int counts[TD_CLASS_CANCELLED + 1] = { 0 };

  td_chart_set_format (chart, TD_CHART_FORMAT_COUNT);
  for (guint i = 0; i < classes->len; i++)
    counts[((TdClassSummary *) g_ptr_array_index (classes, i))->status]++;
  for (int s = TD_CLASS_DRAFT; s <= TD_CLASS_CANCELLED; s++)
    td_chart_set_value (chart, series, td_chart_add_category (chart, td_class_status_label (s)),
                        counts[s]);
  return chart;
}

static void
reload (TdPage *page)
{
  TdOverviewPage *self = TD_OVERVIEW_PAGE (page);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) classes = NULL;
  g_autofree char *heading = NULL;
  g_autoptr (GError) error = NULL;

  if (td_page_get_store (TD_PAGE (self)) == NULL)
    return;
  classes = td_store_list_classes (td_page_get_store (TD_PAGE (self)), &error);
  td_page_set_store_error (TD_PAGE (self), error);
  if (classes == NULL)
    return;
  for (guint i = 0; i < classes->len; i++)
    g_ptr_array_add (rows, class_row_new (g_ptr_array_index (classes, i)));
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u class", "%u classes",
                                          classes->len), classes->len);
  gtk_label_set_text (self->classes_label, heading);
  td_row_store_replace (self->rows, rows);
  show_due (self);
  td_chart_widget_set_chart (self->outcome_chart, outcome_chart (self, classes));
  td_chart_widget_set_chart (self->status_chart, status_chart (classes));
}

static void
on_class_activate (GtkColumnView *view, guint position, TdOverviewPage *self)
{
  g_autoptr (TdRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (row != NULL)
    td_page_request_class (TD_PAGE (self), td_row_get_id (row));
}

static void
td_overview_page_dispose (GObject *object)
{
  TdOverviewPage *self = TD_OVERVIEW_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);   /* AdwBin would unparent it again */
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_OVERVIEW_PAGE);
  G_OBJECT_CLASS (td_overview_page_parent_class)->dispose (object);
}

static void
td_overview_page_class_init (TdOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_overview_page_dispose;
  TD_PAGE_CLASS (klass)->reload = reload;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/traindesk/TrainDesk/ui/"
                                               "td-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, due_list);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, classes_label);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, class_view);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, chart_box);
}

static void
on_save_chart (GtkButton *button, TdChartWidget *chart)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  td_chart_widget_save_dialog (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, chart,
                               g_object_get_data (G_OBJECT (button), "td-basename"));
}

/* @chart with a "Save chart as…" button under it (PNG, SVG or PDF). */
static GtkWidget *
chart_with_save (TdChartWidget *chart, const char *name, const char *basename)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Save Chart As…"));

  gtk_widget_set_vexpand (GTK_WIDGET (chart), TRUE);
  gtk_widget_set_name (button, name);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_object_set_data (G_OBJECT (button), "td-basename", (gpointer) basename);
  g_signal_connect (button, "clicked", G_CALLBACK (on_save_chart), chart);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (chart));
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
td_overview_page_init (TdOverviewPage *self)
{
  const char *titles[] = { _("Class code"), _("Title"), _("Status"), _("Start"), _("End"),
                           _("Enrolled"), _("Filing number") };
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (TD_TYPE_ROW);
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->class_view, selection);
  g_object_unref (selection);
  td_row_view_add_columns (self->class_view, titles, C_N, C_TITLE);
  g_signal_connect (self->class_view, "activate", G_CALLBACK (on_class_activate), self);
  self->outcome_chart = TD_CHART_WIDGET (td_chart_widget_new ());
  self->status_chart = TD_CHART_WIDGET (td_chart_widget_new ());
  gtk_widget_set_name (GTK_WIDGET (self->outcome_chart), "overview-outcome-chart");
  gtk_widget_set_name (GTK_WIDGET (self->status_chart), "overview-status-chart");
  gtk_box_append (self->chart_box, chart_with_save (self->outcome_chart, "outcome_chart_save",
                                                    "outcomes"));
  gtk_box_append (self->chart_box, chart_with_save (self->status_chart, "status_chart_save",
                                                    "classes-by-status"));
}
