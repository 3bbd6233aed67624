/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-codes.h"
#include "ui/td-cell.h"
#include "ui/td-trainee-dialog.h"
#include "ui/td-trainee-model.h"
#include "ui/td-trainee-page.h"
#include "ui/td-ui-util.h"

struct _TdTraineePage
{
  TdPage parent_instance;

  GtkSearchEntry *search;
  GtkLabel *count;
  GtkStack *stack;
  GtkColumnView *roster_view;
  GtkColumnView *all_view;
  GtkWidget *edit_button;
  GtkWidget *remove_button;

  GListStore *roster;
  TdTraineeFilter *roster_filter;
  GtkFilterListModel *roster_filtered;
  GtkSingleSelection *roster_selection;
  TdTraineeModel *all;
  TdTraineeFilter *all_filter;
  GtkFilterListModel *all_filtered;
};

G_DEFINE_FINAL_TYPE (TdTraineePage, td_trainee_page, TD_TYPE_PAGE)

static void
setup_roster_view (TdTraineePage *self)
{
  GtkSortListModel *sorted;

  self->roster = g_list_store_new (TD_TYPE_TRAINEE_ROW);
  self->roster_filter = td_trainee_filter_new ();
  self->roster_filtered = gtk_filter_list_model_new (
      G_LIST_MODEL (g_object_ref (self->roster)), GTK_FILTER (g_object_ref (self->roster_filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->roster_filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->roster_view)));
  self->roster_selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->roster_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->roster_selection, TRUE);
  gtk_column_view_set_model (self->roster_view, GTK_SELECTION_MODEL (self->roster_selection));
}

/* The all-trainees view is built the first time it is shown. */
static void
setup_all_view (TdTraineePage *self)
{
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  if (self->all != NULL || td_page_get_store (TD_PAGE (self)) == NULL)
    return;
  {
    g_autoptr (GError) error = NULL;
    self->all = td_trainee_model_new (td_page_get_store (TD_PAGE (self)), "name", &error);
    td_page_set_store_error (TD_PAGE (self), error);
    if (self->all == NULL)
      return;
  }
  self->all_filter = td_trainee_filter_new ();
  self->all_filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->all)),
                                                  GTK_FILTER (g_object_ref (self->all_filter)));
  gtk_filter_list_model_set_incremental (self->all_filtered, TRUE);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->all_filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->all_view)));
  gtk_sort_list_model_set_incremental (sorted, TRUE);
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->all_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  td_trainee_filter_set_text (self->all_filter,
                              gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

static void
drop_all_view (TdTraineePage *self)
{
  gtk_column_view_set_model (self->all_view, NULL);
  g_clear_object (&self->all_filtered);
  g_clear_object (&self->all_filter);
  g_clear_object (&self->all);
}

/* ---- state -------------------------------------------------------------------- */

static gboolean
showing_all (TdTraineePage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "all") == 0;
}

static void
update_count (TdTraineePage *self)
{
  guint n, listed = 0;
  g_autofree char *text = NULL;

  if (showing_all (self))
    n = self->all != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->all)) : 0;
  else
    {
      /* the class's trainee count as everywhere else: those who withdrew apart (18.3) */
      int enrolled =
          td_page_get_store (TD_PAGE (self)) != NULL && td_page_get_class_id (TD_PAGE (self)) != 0
              ? td_store_count_enrolled (td_page_get_store (TD_PAGE (self)),
                                         td_page_get_class_id (TD_PAGE (self)), NULL)
              : -1;

      listed = g_list_model_get_n_items (G_LIST_MODEL (self->roster));
      n = enrolled >= 0 ? (guint) enrolled : listed;   /* unreadable: the rows listed */
    }
  text = g_strdup_printf (ngettext ("%u trainee", "%u trainees", n), n);
  if (listed > n)
    {
      g_autofree char *both = g_strdup_printf (ngettext ("%s · %u more withdrew",
                                                         "%s · %u more withdrew", listed - n),
                                               text, listed - n);
      g_free (text);
      text = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->count, text);
  gtk_widget_set_sensitive (self->edit_button, !showing_all (self));
  gtk_widget_set_sensitive (self->remove_button, !showing_all (self));
}

static void
reload (TdPage *page)
{
  TdTraineePage *self = TD_TRAINEE_PAGE (page);
  g_autoptr (GPtrArray) enrolments = NULL;
  g_autoptr (GError) error = NULL;

  g_list_store_remove_all (self->roster);
  if (td_page_get_store (TD_PAGE (self)) != NULL && td_page_get_class_id (TD_PAGE (self)) != 0)
    {
      enrolments = td_store_list_enrolments (td_page_get_store (TD_PAGE (self)),
                                             td_page_get_class_id (TD_PAGE (self)), &error);
      for (guint i = 0; enrolments != NULL && i < enrolments->len; i++)
        {
          g_autoptr (TdTraineeRow) row =
            td_trainee_row_new_from_enrolment (g_ptr_array_index (enrolments, i));

          g_list_store_append (self->roster, row);
        }
    }
  if (error == NULL && self->all != NULL)
    td_trainee_model_reload (self->all, &error);
  td_page_set_store_error (TD_PAGE (self), error);
  update_count (self);
}

static void
on_saved (gpointer data, gint64 trainee_id)
{
  TdTraineePage *self = data;

  td_page_reload (TD_PAGE (self));
  td_page_toast (TD_PAGE (self), _("Saved"));
}

GtkWindow *
td_trainee_page_add_trainee (TdTraineePage *self)
{
  g_return_val_if_fail (TD_IS_TRAINEE_PAGE (self), NULL);
  if (td_page_get_store (TD_PAGE (self)) == NULL || td_page_get_class_id (TD_PAGE (self)) == 0)
    {
      td_ui_show_message (GTK_WIDGET (self), _("No class chosen"),
                          _("Choose the class in the header bar first, or file one under "
                            "Classes."));
      return NULL;
    }
  return td_trainee_dialog_open (GTK_WIDGET (self), td_page_get_store (TD_PAGE (self)),
                                 td_page_get_class_id (TD_PAGE (self)), NULL, on_saved, self);
}

static void
on_add_clicked (TdTraineePage *self)
{
  td_trainee_page_add_trainee (self);
}

static TdTraineeRow *
selected_row (TdTraineePage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->roster_selection);

  return item != NULL ? TD_TRAINEE_ROW (item) : NULL;
}

static void
edit_row (TdTraineePage *self, TdTraineeRow *row)
{
  if (row == NULL || td_trainee_row_get_enrolment (row) == NULL)
    return;
  td_trainee_dialog_open (GTK_WIDGET (self), td_page_get_store (TD_PAGE (self)),
                          td_page_get_class_id (TD_PAGE (self)), td_trainee_row_get_enrolment (row),
                          on_saved, self);
}

static void
on_edit_clicked (TdTraineePage *self)
{
  edit_row (self, selected_row (self));
}

static void
on_roster_activate (TdTraineePage *self, guint position)
{
  g_autoptr (TdTraineeRow) row =
    g_list_model_get_item (G_LIST_MODEL (self->roster_selection), position);

  edit_row (self, row);
}

static void
remove_row (TdTraineePage *self, TdTraineeRow *row)
{
  g_autoptr (GError) error = NULL;

  if (row == NULL)
    {
      td_ui_show_message (GTK_WIDGET (self), _("No trainee chosen"),
                          _("Click a trainee in the list first."));
      return;
    }
  if (!td_store_remove_enrolment (td_page_get_store (TD_PAGE (self)),
                                  td_page_get_class_id (TD_PAGE (self)),
                                  td_trainee_row_get_trainee (row)->id, &error))
    {
      td_ui_show_error (GTK_WIDGET (self), _("The trainee was not removed"), error);
      return;
    }
  td_page_reload (TD_PAGE (self));
  td_page_toast (TD_PAGE (self), _("Removed from the roster"));
}

static void
on_remove_clicked (TdTraineePage *self)
{
  remove_row (self, selected_row (self));
}

void
td_trainee_page_remove_at (TdTraineePage *self, guint position)
{
  g_autoptr (TdTraineeRow) row = NULL;

  g_return_if_fail (TD_IS_TRAINEE_PAGE (self));
  gtk_single_selection_set_selected (self->roster_selection, position);
  row = g_list_model_get_item (G_LIST_MODEL (self->roster_selection), position);
  remove_row (self, row);
}

GListModel *
td_trainee_page_get_roster_model (TdTraineePage *self)
{
  g_return_val_if_fail (TD_IS_TRAINEE_PAGE (self), NULL);
  return G_LIST_MODEL (self->roster_selection);
}

static void
on_search_changed (TdTraineePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));

  td_trainee_filter_set_text (self->roster_filter, text);
  if (self->all_filter != NULL)
    td_trainee_filter_set_text (self->all_filter, text);
}

static void
on_view_changed (TdTraineePage *self)
{
  if (self->roster == NULL)
    return;
  if (showing_all (self))
    setup_all_view (self);
  update_count (self);
}

/* ---- TdPage --------------------------------------------------------------------- */

/* Another store: the all-trainees list is read again from it, when shown. */
static void
on_store_notify (TdTraineePage *self)
{
  drop_all_view (self);
  if (showing_all (self))
    setup_all_view (self);
}

static void
td_trainee_page_start_search (TdPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (TD_TRAINEE_PAGE (page)->search));
}

/* ---- type ------------------------------------------------------------------------ */

static void
td_trainee_page_dispose (GObject *object)
{
  TdTraineePage *self = TD_TRAINEE_PAGE (object);

  drop_all_view (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_TRAINEE_PAGE);
  g_clear_object (&self->roster_selection);
  g_clear_object (&self->roster_filtered);
  g_clear_object (&self->roster_filter);
  g_clear_object (&self->roster);
  G_OBJECT_CLASS (td_trainee_page_parent_class)->dispose (object);
}

static void
td_trainee_page_class_init (TdTraineePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_trainee_page_dispose;
  g_type_ensure (TD_TYPE_CELL);
  g_type_ensure (TD_TYPE_TRAINEE_ROW);
  TD_PAGE_CLASS (klass)->reload = reload;
  TD_PAGE_CLASS (klass)->start_search = td_trainee_page_start_search;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/traindesk/TrainDesk/ui/td-trainee-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdTraineePage, search);
  gtk_widget_class_bind_template_child (widget_class, TdTraineePage, count);
  gtk_widget_class_bind_template_child (widget_class, TdTraineePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdTraineePage, roster_view);
  gtk_widget_class_bind_template_child (widget_class, TdTraineePage, all_view);
  gtk_widget_class_bind_template_child (widget_class, TdTraineePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, TdTraineePage, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_roster_activate);
}

static void
td_trainee_page_init (TdTraineePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_roster_view (self);
  g_signal_connect (self, "notify::store", G_CALLBACK (on_store_notify), NULL);
}
