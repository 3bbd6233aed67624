/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-findings-window.h"
#include "ui/td-row.h"

/* No line column: the line of the XML means nothing to an administrator (the CLI prints it). */
enum { C_RULE, C_SEVERITY, C_REF, C_MESSAGE, C_N };

typedef struct
{
  TdFindingsOpen open;
  gpointer data;
} OpenData;

static const char *
severity_label (TdSeverity severity)
{
  switch (severity)
    {
    case TD_SEVERITY_ERROR:
      return _("Error");
    case TD_SEVERITY_WARNING:
      return _("Warning");
    case TD_SEVERITY_INFO:
    default:
      return _("Note");
    }
}

static void
on_activate (GtkColumnView *view, guint position, OpenData *od)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (TdRow) row = g_list_model_get_item (model, position);

  if (od->open != NULL && row != NULL && td_row_get (row, C_REF)[0] != '\0')
    od->open (td_row_get (row, C_RULE), td_row_get (row, C_REF), od->data);
}

static GtkWidget *
findings_view (const TdFindings *findings, OpenData *od)
{
  const char *titles[] = { _("Rule"), _("Severity"), _("About"), _("Message") };
  GListStore *store = g_list_store_new (TD_TYPE_ROW);
  GtkSortListModel *sorted = gtk_sort_list_model_new (G_LIST_MODEL (store), NULL);
  GtkSelectionModel *sel = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (sorted)));
  GtkWidget *view = gtk_column_view_new (sel);

  for (guint i = 0; findings != NULL && i < td_findings_get_n (findings); i++)
    {
      const TdFinding *f = td_findings_get (findings, i);
      g_autoptr (TdRow) row = td_row_new (C_N);

      td_row_set (row, C_RULE, f->rule);
      td_row_set (row, C_SEVERITY, severity_label (f->severity));
      td_row_set_flagged (row, C_SEVERITY, f->severity == TD_SEVERITY_ERROR);
      td_row_set (row, C_REF, f->ref);
      td_row_set (row, C_MESSAGE, f->message);
      g_list_store_append (store, row);
    }
  gtk_widget_set_name (view, "findings-list");
  td_row_view_add_columns (GTK_COLUMN_VIEW (view), titles, C_N, C_MESSAGE);
  /* a click on a header sorts by that column */
  gtk_sort_list_model_set_sorter (sorted, gtk_column_view_get_sorter (GTK_COLUMN_VIEW (view)));
  gtk_column_view_set_single_click_activate (GTK_COLUMN_VIEW (view), FALSE);
  g_signal_connect (view, "activate", G_CALLBACK (on_activate), od);
  return view;
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
  g_autofree char *own_summary = summary == NULL ? td_findings_summary (findings) : NULL;
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (summary != NULL ? summary : own_summary);
  GtkWidget *scroll = gtk_scrolled_window_new ();
  OpenData *od = g_new0 (OpenData, 1);

  od->open = open;
  od->data = data;
  g_object_set_data_full (G_OBJECT (window), "td-open", od, g_free);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_widget_set_name (window, "td-findings-window");
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 480);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), findings_view (findings, od));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scroll);
  gtk_window_set_child (GTK_WINDOW (window), box);
  /* Esc closes it, as it does a dialog */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);
  return GTK_WINDOW (window);
}
