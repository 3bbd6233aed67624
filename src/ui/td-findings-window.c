/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-findings-window.h"
#include "ui/td-cell.h"
#include "ui/td-finding-row.h"

/* No line column: the line of the XML means nothing to an administrator (the CLI prints it). */
struct _TdFindingsWindow
{
  GtkWindow parent_instance;
  TdFindingsOpen open;
  gpointer open_data;
  GListStore *rows;             /* TdFindingRow */

  GtkLabel *summary_label;
  GtkColumnView *view;
};

G_DEFINE_FINAL_TYPE (TdFindingsWindow, td_findings_window, GTK_TYPE_WINDOW)

static void
on_activate (TdFindingsWindow *self, guint position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->view));
  g_autoptr (TdFindingRow) row = g_list_model_get_item (model, position);

  if (self->open != NULL && row != NULL && td_finding_row_get_ref (row)[0] != '\0')
    self->open (td_finding_row_get_rule (row), td_finding_row_get_ref (row), self->open_data);
}

void
td_findings_window_set_findings (TdFindingsWindow *self, const char *summary,
                                 const TdFindings *findings)
{
  g_autofree char *own_summary = summary == NULL ? td_findings_summary (findings) : NULL;
  guint n = findings != NULL ? td_findings_get_n (findings) : 0;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);

  g_return_if_fail (TD_IS_FINDINGS_WINDOW (self));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, td_finding_row_new (td_findings_get (findings, i)));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : own_summary);
}

static void
td_findings_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TD_TYPE_FINDINGS_WINDOW);
  g_clear_object (&TD_FINDINGS_WINDOW (object)->rows);
  G_OBJECT_CLASS (td_findings_window_parent_class)->dispose (object);
}

static void
td_findings_window_class_init (TdFindingsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_findings_window_dispose;
  g_type_ensure (TD_TYPE_CELL);
  g_type_ensure (TD_TYPE_FINDING_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/traindesk/TrainDesk/ui/"
                                               "td-findings-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdFindingsWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TdFindingsWindow, view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  /* Esc closes it, as it does a dialog */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_findings_window_init (TdFindingsWindow *self)
{
  g_autoptr (GtkSingleSelection) selection = NULL;
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (TD_TYPE_FINDING_ROW);
  /* in the order found until a header is clicked; the order stays when the findings change */
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));   /* owns sorted */
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
}

char *
td_findings_summary (const TdFindings *findings)
{
  guint errors = findings != NULL ? td_findings_count (findings, TD_SEVERITY_ERROR) : 0;
  guint warnings = findings != NULL ? td_findings_count (findings, TD_SEVERITY_WARNING) : 0;

  if (errors == 0 && warnings == 0)
    return g_strdup (_("The packet passes every rule that could be checked."));
  if (errors == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "No errors: the bureau accepts the packet. %u warning "
                                         "is reported with it; read it before you send.",
                                         "No errors: the bureau accepts the packet. %u warnings "
                                         "are reported with it; read them before you send.",
                                         warnings), warnings);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u error: the bureau refuses the packet. Correct the "
                                       "records named and export again.",
                                       "%u errors: the bureau refuses the packet. Correct the "
                                       "records named and export again.", errors), errors);
}

GtkWindow *
td_findings_window_new (GtkWidget *parent, const char *title, const char *summary,
                        const TdFindings *findings, TdFindingsOpen open, gpointer data)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  TdFindingsWindow *self = g_object_new (TD_TYPE_FINDINGS_WINDOW, "title", title,
                                         "transient-for", GTK_IS_WINDOW (root) ? root : NULL,
                                         NULL);

  self->open = open;
  self->open_data = data;
  td_findings_window_set_findings (self, summary, findings);
  return GTK_WINDOW (self);
}
