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
  TdPage parent_instance;
  GtkSearchEntry *search;
  GtkListBox *list;
  GtkStack *stack;
  TdClassForm *form;
};

G_DEFINE_FINAL_TYPE (TdClassPage, td_class_page, TD_TYPE_PAGE)

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
      if (row_class_id (row) == td_page_get_class_id (TD_PAGE (self)))
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
  if (td_page_get_store (TD_PAGE (self)) == NULL)
    return;
  classes = td_store_list_classes (td_page_get_store (TD_PAGE (self)), &error);
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
td_class_page_store_changed (TdPage *page, const char *table, gint64 row)
{
  TdClassPage *self = TD_CLASS_PAGE (page);
  gint64 class_id = td_page_get_class_id (page);
  gboolean packet = g_str_has_prefix (table, "packet");

  if (g_str_has_prefix (table, "class") || g_str_has_prefix (table, "enrolment") || packet)
    reload_list (self);
  if (packet && class_id != 0 && td_class_form_get_class_id (self->form) == class_id
      && !td_class_form_get_modified (self->form))
    {
      g_autoptr (GError) error = NULL;

      if (!td_class_form_load (self->form, class_id, &error))
        td_page_set_store_error (page, error);
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

/* ---- TdPage ----------------------------------------------------------------- */

static void
on_store_notify (TdClassPage *self)
{
  td_class_form_set_store (self->form, td_page_get_store (TD_PAGE (self)));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The list read again and the class shown; the form keeps what is being typed when it
 * already shows this class. */
static void
td_class_page_reload (TdPage *page)
{
  TdClassPage *self = TD_CLASS_PAGE (page);
  gint64 class_id = td_page_get_class_id (page);
  g_autoptr (GError) error = NULL;

  reload_list (self);
  if (class_id != 0 && td_class_form_get_class_id (self->form) == class_id
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0)
    return;
  if (class_id == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (!td_class_form_load (self->form, class_id, &error))
    {
      td_page_set_store_error (page, error);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "form");
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
  td_page_set_class_id (page, td_class_form_get_class_id (self->form));
  /* what the bureau has was changed: say that it goes again (issue 18.1) */
  td_page_toast (page, resent != 0 ? _("Saved. Export the corrected filing from Submissions "
                                       "to send it.")
                                   : _("Saved"));
  td_page_request_class (page, td_page_get_class_id (page));
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

/* ---- type ------------------------------------------------------------------- */

static void
td_class_page_dispose (GObject *object)
{
  TdClassPage *self = TD_CLASS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_CLASS_PAGE);
  G_OBJECT_CLASS (td_class_page_parent_class)->dispose (object);
}

static void
on_import_packets_clicked (TdClassPage *self)
{
  if (td_page_get_store (TD_PAGE (self)) != NULL)
    td_packet_import_choose (GTK_WIDGET (self), td_page_get_store (TD_PAGE (self)));
}

static void
td_class_page_class_init (TdClassPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TdPageClass *page_class = TD_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_class_page_dispose;
  page_class->reload = td_class_page_reload;
  page_class->store_changed = td_class_page_store_changed;
  page_class->has_unsaved_changes = td_class_page_has_unsaved_changes;
  page_class->save = td_class_page_save;
  page_class->discard_changes = td_class_page_discard_changes;
  page_class->start_search = td_class_page_start_search;
  g_type_ensure (TD_TYPE_CLASS_FORM);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/traindesk/TrainDesk/ui/td-class-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdClassPage, search);
  gtk_widget_class_bind_template_child (widget_class, TdClassPage, list);
  gtk_widget_class_bind_template_child (widget_class, TdClassPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdClassPage, form);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_import_packets_clicked);
}

static void
td_class_page_init (TdClassPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::store", G_CALLBACK (on_store_notify), NULL);
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  g_signal_connect_swapped (self->form, "send-filing", G_CALLBACK (on_send_filing), self);
}
