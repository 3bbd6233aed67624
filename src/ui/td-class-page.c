/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-sheet-import-ui.h"
#include "ui/td-class-page.h"
#include "ui/td-submissions-page.h"
#include "ui/td-window.h"

struct _TdClassPage
{
  AdwBin parent_instance;
  TdStore *store;
  GtkSearchEntry *search;
  GtkListBox *list;
  GtkStack *stack;
  TdClassForm *form;
  GtkWidget *header;
  gint64 class_id;
  gulong changed_id;
};

static void td_class_page_iface_init (TdPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdClassPage, td_class_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (TD_TYPE_PAGE, td_class_page_iface_init))

static GtkWidget *
class_row_new (const TdClassSummary *summary)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s  %s", summary->code, summary->title);
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf (_("%s · %s – %s · %d of %d enrolled"),
                              td_class_status_label (summary->status), summary->start_date,
                              summary->end_date, summary->enrolled, summary->planned_size);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "class-id", g_memdup2 (&summary->id, sizeof (gint64)),
                          g_free);
  g_object_set_data_full (G_OBJECT (row), "search", g_utf8_casefold (title, -1), g_free);
  return row;
}

static gint64
row_class_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "class-id");

  return id != NULL ? *id : 0;
}

static void
select_row (TdClassPage *self)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        break;
      if (row_class_id (row) == self->class_id)
        {
          gtk_list_box_select_row (self->list, row);
          return;
        }
    }
  gtk_list_box_unselect_all (self->list);
}

static void
reload_list (TdClassPage *self)
{
  g_autoptr (GPtrArray) classes = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->store == NULL)
    return;
  classes = td_store_list_classes (self->store, &error);
  td_page_set_store_error (TD_PAGE (self), error);
  if (classes == NULL)
    return;
  for (guint i = 0; i < classes->len; i++)
    gtk_list_box_append (self->list, class_row_new (g_ptr_array_index (classes, i)));
  select_row (self);
}

static gboolean
filter_row (GtkListBoxRow *row, gpointer data)
{
  TdClassPage *self = data;
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search)),
                                             -1);
  const char *haystack = g_object_get_data (G_OBJECT (row), "search");

  return needle[0] == '\0' || (haystack != NULL && strstr (haystack, needle) != NULL);
}

static void
on_search_changed (TdClassPage *self)
{
  gtk_list_box_invalidate_filter (self->list);
}

static void
on_row_activated (TdClassPage *self, GtkListBoxRow *row)
{
  td_page_request_class (TD_PAGE (self), row_class_id (row));
}

void
td_class_page_new_class (TdClassPage *self)
{
  g_return_if_fail (TD_IS_CLASS_PAGE (self));
  gtk_list_box_unselect_all (self->list);
  td_class_form_load (self->form, 0, NULL);   /* a new class reads nothing */
  gtk_stack_set_visible_child_name (self->stack, "form");
}

TdClassForm *
td_class_page_get_form (TdClassPage *self)
{
  g_return_val_if_fail (TD_IS_CLASS_PAGE (self), NULL);
  return self->form;
}

/* The list shows statuses and enrolled counts: it follows the store.  A filing exported or
 * answered changes the status the form shows too (a form being edited is left alone). */
static void
on_store_changed (TdStore *store, const char *table, gint64 row, TdClassPage *self)
{
  gboolean packet = g_str_has_prefix (table, "packet");

  if (g_str_has_prefix (table, "class") || g_str_has_prefix (table, "enrolment") || packet)
    reload_list (self);
  if (packet && self->class_id != 0 && td_class_form_get_class_id (self->form) == self->class_id
      && !td_class_form_get_modified (self->form))
    {
      g_autoptr (GError) error = NULL;

      if (!td_class_form_load (self->form, self->class_id, &error))
        td_page_set_store_error (TD_PAGE (self), error);
    }
}

/* "Send Class Filing…" on the form: the filing of the class, exported as from Submissions
 * (where to save it asked, the packet checked, the findings listed). */
static void
on_send_filing (TdClassPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), TD_TYPE_WINDOW);
  gint64 class_id = td_class_form_get_class_id (self->form);
  TdPage *submissions;

  if (window == NULL || class_id == 0)
    return;
  if (td_window_get_class_id (TD_WINDOW (window)) != class_id)
    td_window_select_class (TD_WINDOW (window), class_id);
  submissions = td_window_get_page (TD_WINDOW (window), "submissions");
  td_submissions_page_choose_export (TD_SUBMISSIONS_PAGE (submissions), TD_KIND_FILING);
}

static void
disconnect_store (TdClassPage *self)
{
  if (self->store != NULL && self->changed_id != 0)
    g_signal_handler_disconnect (self->store, self->changed_id);
  self->changed_id = 0;
  g_clear_object (&self->store);
}

/* ---- TdPage ----------------------------------------------------------------- */

static void
td_class_page_set_store (TdPage *page, TdStore *store)
{
  TdClassPage *self = TD_CLASS_PAGE (page);

  disconnect_store (self);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
  td_class_form_set_store (self->form, store);
  self->class_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "empty");
  reload_list (self);
}

static void
td_class_page_set_class (TdPage *page, gint64 class_id)
{
  TdClassPage *self = TD_CLASS_PAGE (page);

  self->class_id = class_id;
  select_row (self);
  /* The form keeps what is being typed when it already shows this class. */
  if (class_id != 0 && td_class_form_get_class_id (self->form) == class_id
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0)
    return;
  if (class_id == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  {
    g_autoptr (GError) error = NULL;
    if (!td_class_form_load (self->form, class_id, &error))
      {
        td_page_set_store_error (TD_PAGE (self), error);
        return;
      }
  }
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static const char *
td_class_page_get_title (TdPage *page)
{
  return C_("page title", "Classes");
}

static const char *
td_class_page_get_icon_name (TdPage *page)
{
  return "view-list-bullet-symbolic";
}

static GtkWidget *
td_class_page_get_header_widget (TdPage *page)
{
  return TD_CLASS_PAGE (page)->header;
}

static gboolean
td_class_page_has_unsaved_changes (TdPage *page)
{
  TdClassPage *self = TD_CLASS_PAGE (page);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0
         && td_class_form_get_modified (self->form);
}

static gboolean
td_class_page_save (TdPage *page, GError **error)
{
  TdClassPage *self = TD_CLASS_PAGE (page);
  guint resent;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") != 0)
    return TRUE;
  resent = td_class_form_get_resent_fields (self->form);
  if (!td_class_form_save (self->form, error))
    return FALSE;
  self->class_id = td_class_form_get_class_id (self->form);
  reload_list (self);
  /* what the bureau has was changed: say that it goes again (issue 18.1) */
  td_page_toast (page, resent != 0 ? _("Saved. Export the corrected filing from Submissions "
                                       "to send it.")
                                   : _("Saved"));
  td_page_request_class (page, self->class_id);
  return TRUE;
}

static void
td_class_page_discard_changes (TdPage *page)
{
  TdClassPage *self = TD_CLASS_PAGE (page);

  g_autoptr (GError) error = NULL;

  if (td_class_form_get_modified (self->form)
      && !td_class_form_load (self->form, td_class_form_get_class_id (self->form), &error))
    td_page_set_store_error (TD_PAGE (self), error);
}

static void
td_class_page_start_search (TdPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (TD_CLASS_PAGE (page)->search));
}

static void
td_class_page_iface_init (TdPageInterface *iface)
{
  iface->set_store = td_class_page_set_store;
  iface->set_class = td_class_page_set_class;
  iface->get_title = td_class_page_get_title;
  iface->get_icon_name = td_class_page_get_icon_name;
  iface->get_header_widget = td_class_page_get_header_widget;
  iface->has_unsaved_changes = td_class_page_has_unsaved_changes;
  iface->save = td_class_page_save;
  iface->discard_changes = td_class_page_discard_changes;
  iface->start_search = td_class_page_start_search;
}

/* ---- type ------------------------------------------------------------------- */

static void
td_class_page_dispose (GObject *object)
{
  TdClassPage *self = TD_CLASS_PAGE (object);

  g_clear_object (&self->header);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_CLASS_PAGE);
  disconnect_store (self);
  G_OBJECT_CLASS (td_class_page_parent_class)->dispose (object);
}

static void
on_import_packets_clicked (TdClassPage *self)
{
  if (self->store != NULL)
    td_packet_import_choose (GTK_WIDGET (self), self->store);
}

static void
td_class_page_class_init (TdClassPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_class_page_dispose;
  g_type_ensure (TD_TYPE_CLASS_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/traindesk/TrainDesk/ui/td-class-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdClassPage, search);
  gtk_widget_class_bind_template_child (widget_class, TdClassPage, list);
  gtk_widget_class_bind_template_child (widget_class, TdClassPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdClassPage, form);
  gtk_widget_class_bind_template_child (widget_class, TdClassPage, header);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_import_packets_clicked);
}

static void
td_class_page_init (TdClassPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_ref (self->header);
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  g_signal_connect_swapped (self->form, "send-filing", G_CALLBACK (on_send_filing), self);
}
