/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: a sidebar of pages, the class chooser, the header bar with the
 * institution's name and the page's actions, toasts; or, when there is no usable store,
 * a page that says why and what to do; or the first-run assistant. */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-application.h"
#include "ui/td-assessment-page.h"
#include "ui/td-attendance-page.h"
#include "ui/td-class-page.h"
#include "ui/td-first-run.h"
#include "ui/td-follow-up-page.h"
#include "ui/td-overview-page.h"
#include "ui/td-settings-page.h"
#include "ui/td-submissions-page.h"
#include "ui/td-subsidy-page.h"
#include "ui/td-trainee-page.h"
#include "ui/td-ui-util.h"
#include "ui/td-window.h"

struct _TdWindow
{
  AdwApplicationWindow parent_instance;
  TdStore *store;
  GSettings *settings;          /* the application's (NULL without the schema) */
  gulong store_changed_id;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwWindowTitle *window_title;
  GtkDropDown *class_chooser;
  GtkStack *header_actions;
  GtkWidget *print_button;
  GtkListBox *sidebar;
  GtkStack *page_stack;
  GtkStack *content_stack;      /* page_stack, or store_error_page for its visible page */
  AdwStatusPage *store_error_page;
  AdwStatusPage *error_page;
  TdFirstRun *first_run;
  GtkRevealer *read_only_banner;
  GtkLabel *read_only_label;

  GPtrArray *pages;             /* TdPage*, owned by page_stack */
  GArray *class_ids;            /* gint64, parallel to the chooser's model */
  gint64 class_id;
  gboolean updating_chooser;
  gboolean closing_confirmed;
  gboolean ready;
};

G_DEFINE_FINAL_TYPE (TdWindow, td_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_READY, PROP_VISIBLE_PAGE, N_PROPS };

static GParamSpec *props[N_PROPS];

typedef struct
{
  const char *name;
  GType (*get_type) (void);
} TdPageEntry;

static const TdPageEntry page_entries[] = {
  { "overview", td_overview_page_get_type },
  { "classes", td_class_page_get_type },
  { "trainees", td_trainee_page_get_type },
  { "attendance", td_attendance_page_get_type },
  { "assessment", td_assessment_page_get_type },
  { "follow-up", td_follow_up_page_get_type },
  { "subsidy", td_subsidy_page_get_type },
  { "submissions", td_submissions_page_get_type },
  { "settings", td_settings_page_get_type },
};

/* ---- pages ---------------------------------------------------------------- */

/* NULL also while the template is built or disposed (its bindings ask then). */
static TdPage *
visible_page (TdWindow *self)
{
  GtkWidget *child = self->page_stack != NULL ? gtk_stack_get_visible_child (self->page_stack)
                                              : NULL;

  return child != NULL ? TD_PAGE (child) : NULL;
}

TdPage *
td_window_get_page (TdWindow *self, const char *name)
{
  GtkWidget *child;

  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  child = gtk_stack_get_child_by_name (self->page_stack, name);
  return child != NULL ? TD_PAGE (child) : NULL;
}

const char *
td_window_get_visible_page_name (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->page_stack);
}

void
td_window_show_page (TdWindow *self, const char *name)
{
  g_return_if_fail (TD_IS_WINDOW (self));
  for (guint i = 0; i < G_N_ELEMENTS (page_entries); i++)
    if (g_strcmp0 (page_entries[i].name, name) == 0)
      gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, i));
}

/* "ready": a usable store shown, with a page (the actions of td-window-actions.c follow). */
static void
update_ready (TdWindow *self)
{
  gboolean ready = self->store != NULL && visible_page (self) != NULL
    && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "app") == 0;

  if (ready == self->ready)
    return;
  self->ready = ready;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_READY]);
}

gboolean
td_window_get_ready (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), FALSE);
  return self->ready;
}

TdPage *
td_window_get_visible_page (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  return visible_page (self);
}

/* The visible page's store error in place of the page, or the page. */
static void
show_store_error (TdWindow *self)
{
  TdPage *page = visible_page (self);
  const char *message = page != NULL ? td_page_get_store_error (page) : NULL;

  adw_status_page_set_description (self->store_error_page, message);
  gtk_stack_set_visible_child_name (self->content_stack, message != NULL ? "store-error"
                                                                         : "page");
}

static void
on_page_store_error (TdWindow *self)
{
  show_store_error (self);
}

static void
on_sidebar_row_selected (TdWindow *self, GtkListBoxRow *row)
{
  TdPage *page;
  GtkWidget *header;

  if (row == NULL)
    return;
  page = g_ptr_array_index (self->pages, gtk_list_box_row_get_index (row));
  gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (page));
  adw_window_title_set_subtitle (self->window_title, td_page_get_title (page));
  gtk_widget_set_visible (GTK_WIDGET (self->class_chooser), td_page_get_needs_class (page));
  /* printing in sight, not only behind Ctrl+P (issue 18.2) */
  gtk_widget_set_visible (self->print_button, td_page_get_printable (page));
  header = td_page_get_header_widget (page);
  gtk_widget_set_visible (GTK_WIDGET (self->header_actions), header != NULL);
  if (header != NULL)
    gtk_stack_set_visible_child (self->header_actions, header);
  show_store_error (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_VISIBLE_PAGE]);
  update_ready (self);
}

static void
on_page_request_class (TdWindow *self, gint64 class_id)
{
  td_window_select_class (self, class_id);
}

static void
on_page_toast (TdWindow *self, const char *message)
{
  td_window_toast (self, message);
}

static GtkWidget *
sidebar_row_new (TdPage *page)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (td_page_get_title (page));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (td_page_get_icon_name (page)));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
add_pages (TdWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_entries); i++)
    {
      TdPage *page = g_object_new (page_entries[i].get_type (), NULL);
      GtkWidget *header = td_page_get_header_widget (page);

      g_ptr_array_add (self->pages, page);
      gtk_stack_add_named (self->page_stack, GTK_WIDGET (page), page_entries[i].name);
      gtk_list_box_append (self->sidebar, sidebar_row_new (page));
      if (header != NULL)
        gtk_stack_add_child (self->header_actions, header);
      g_signal_connect_object (page, "request-class", G_CALLBACK (on_page_request_class),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (page, "toast", G_CALLBACK (on_page_toast), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (page, "notify::store-error", G_CALLBACK (on_page_store_error),
                               self, G_CONNECT_SWAPPED);
    }
}

/* ---- unsaved changes -------------------------------------------------------- */

typedef void (*TdThen) (TdWindow *self, gint64 arg);

typedef struct
{
  TdWindow *self;
  TdThen then;
  gint64 arg;
  TdThen cancelled;
} TdPending;

static gboolean
any_unsaved (TdWindow *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    if (td_page_has_unsaved_changes (g_ptr_array_index (self->pages, i)))
      return TRUE;
  return FALSE;
}

static gboolean
save_all (TdWindow *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      TdPage *page = g_ptr_array_index (self->pages, i);
      g_autoptr (GError) error = NULL;

      if (td_page_has_unsaved_changes (page) && !td_page_save (page, &error))
        {
          td_window_show_page (self, page_entries[i].name);
          td_ui_show_error (GTK_WIDGET (self), _("The changes could not be saved"), error);
          return FALSE;
        }
    }
  return TRUE;
}

static void
discard_all (TdWindow *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    td_page_discard_changes (g_ptr_array_index (self->pages, i));
}

static void
on_confirm_response (AdwMessageDialog *dialog, const char *response, TdPending *pending)
{
  TdWindow *self = pending->self;
  gboolean go = FALSE;

  g_signal_handlers_disconnect_by_func (dialog, on_confirm_response, pending);
  if (g_strcmp0 (response, "save") == 0)
    go = save_all (self);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      discard_all (self);
      go = TRUE;
    }
  if (go)
    pending->then (self, pending->arg);
  else if (pending->cancelled != NULL)
    pending->cancelled (self, pending->arg);
  g_object_unref (self);
  g_free (pending);
}

static void confirm_discard (TdWindow *self, TdThen then, gint64 arg, TdThen cancelled);

void
td_window_when_saved (TdWindow *self, void (*then) (TdWindow *self, gint64 arg), gint64 arg)
{
  g_return_if_fail (TD_IS_WINDOW (self));
  confirm_discard (self, then, arg, NULL);
}

/* Runs @then now, or after asking what to do with unsaved changes. */
static void
confirm_discard (TdWindow *self, TdThen then, gint64 arg, TdThen cancelled)
{
  AdwMessageDialog *dialog;
  TdPending *pending;

  if (!any_unsaved (self))
    {
      then (self, arg);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self), _("Save changes?"),
    _("Some pages have changes that are not saved. If you don’t save, they will be lost.")));
  gtk_widget_set_name (GTK_WIDGET (dialog), "td-unsaved-dialog");
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  pending = g_new0 (TdPending, 1);
  pending->self = g_object_ref (self);
  pending->then = then;
  pending->arg = arg;
  pending->cancelled = cancelled;
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- classes ---------------------------------------------------------------- */

static void
sync_chooser (TdWindow *self)
{
  self->updating_chooser = TRUE;
  for (guint i = 0; i < self->class_ids->len; i++)
    if (g_array_index (self->class_ids, gint64, i) == self->class_id)
      gtk_drop_down_set_selected (self->class_chooser, i);
  self->updating_chooser = FALSE;
}

static void
remember_class (TdWindow *self)
{
  g_autoptr (TdClass) klass = NULL;

  if (self->settings == NULL || self->store == NULL || self->class_id == 0)
    return;
  /* only a convenience for the next start: an unreadable store is said by the pages */
  klass = td_store_get_class (self->store, self->class_id, NULL);
  if (klass != NULL)
    g_settings_set_string (self->settings, "last-class", klass->code);
}

static void
apply_class (TdWindow *self, gint64 class_id)
{
  self->class_id = class_id;
  sync_chooser (self);
  for (guint i = 0; i < self->pages->len; i++)
    td_page_set_class_id (g_ptr_array_index (self->pages, i), class_id);
  remember_class (self);
}

/* Cancelled: the chooser goes back; the pages keep what is typed. */
static void
restore_chooser (TdWindow *self, gint64 unused)
{
  sync_chooser (self);
}

void
td_window_select_class (TdWindow *self, gint64 class_id)
{
  g_return_if_fail (TD_IS_WINDOW (self));
  if (class_id == self->class_id)
    {
      sync_chooser (self);
      return;
    }
  confirm_discard (self, apply_class, class_id, restore_chooser);
}

gint64
td_window_get_class_id (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), 0);
  return self->class_id;
}

static void
on_chooser_selected (TdWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->class_chooser);

  if (self->updating_chooser || selected >= self->class_ids->len)
    return;
  td_window_select_class (self, g_array_index (self->class_ids, gint64, selected));
}

static gint64
initial_class (TdWindow *self, GPtrArray *classes)
{
  g_autofree char *last = NULL;

  if (classes->len == 0)
    return 0;
  for (guint i = 0; i < classes->len; i++)
    if (((TdClassSummary *) g_ptr_array_index (classes, i))->id == self->class_id)
      return self->class_id;
  last = self->settings != NULL ? g_settings_get_string (self->settings, "last-class") : NULL;
  for (guint i = 0; i < classes->len; i++)
    {
      TdClassSummary *summary = g_ptr_array_index (classes, i);

      if (last != NULL && g_strcmp0 (summary->code, last) == 0)
        return summary->id;
    }
  return ((TdClassSummary *) g_ptr_array_index (classes, classes->len - 1))->id;
}

void
td_window_reload_classes (TdWindow *self)
{
  g_autoptr (GPtrArray) classes = NULL;
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr (GError) error = NULL;
  gint64 class_id;

  g_return_if_fail (TD_IS_WINDOW (self));
  g_array_set_size (self->class_ids, 0);
  classes = self->store != NULL ? td_store_list_classes (self->store, &error)
                                : g_ptr_array_new ();
  if (classes == NULL)
    {
      /* the chooser says the classes are unknown, never "No classes yet" */
      g_autofree char *text = g_strdup_printf (_("Classes cannot be read: %s"), error->message);

      gtk_string_list_append (model, text);
      classes = g_ptr_array_new ();
    }
  else if (classes->len == 0)
    gtk_string_list_append (model, _("No classes yet"));
  for (guint i = 0; i < classes->len; i++)
    {
      TdClassSummary *summary = g_ptr_array_index (classes, i);
      g_autofree char *label = g_strdup_printf ("%s  %s", summary->code, summary->title);

      gtk_string_list_append (model, label);
      g_array_append_val (self->class_ids, summary->id);
    }
  class_id = initial_class (self, classes);
  self->updating_chooser = TRUE;
  gtk_drop_down_set_model (self->class_chooser, G_LIST_MODEL (model));
  gtk_widget_set_sensitive (GTK_WIDGET (self->class_chooser), classes->len > 0);
  self->updating_chooser = FALSE;
  if (class_id != self->class_id)
    apply_class (self, class_id);
  else
    sync_chooser (self);
}

/* ---- store ------------------------------------------------------------------ */

static void
update_title (TdWindow *self)
{
  g_autoptr (TdInstitution) inst = NULL;

  /* an unreadable store shows its error on the pages; the title stays generic */
  inst = self->store != NULL ? td_store_get_institution (self->store, NULL) : NULL;
  adw_window_title_set_title (self->window_title,
                              inst != NULL && inst->name != NULL ? inst->name : _("TrainDesk"));
}

static void
on_store_changed (TdStore *store, const char *table, gint64 row, TdWindow *self)
{
  if (g_str_has_prefix (table, "class"))
    td_window_reload_classes (self);
  else if (g_str_has_prefix (table, "institution"))
    update_title (self);
}

static void
show_app (TdWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "app");
  update_title (self);
  td_window_reload_classes (self);
  if (gtk_list_box_get_selected_row (self->sidebar) == NULL)
    td_window_show_page (self, "classes");
  update_ready (self);
}

static void
on_first_run_done (TdWindow *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    td_page_set_store (g_ptr_array_index (self->pages, i), self->store);
  show_app (self);
  td_window_toast (self, _("Saved"));
}

static const char *
open_error_title (const GError *error)
{
  if (error == NULL || error->domain != TD_STORE_ERROR)
    return _("The database could not be opened");
  switch ((TdStoreError) error->code)
    {
    case TD_STORE_ERROR_NOT_TRAINDESK:
      return _("This is not a TrainDesk database");
    case TD_STORE_ERROR_CORRUPT:
      return _("The database is damaged");
    case TD_STORE_ERROR_TOO_NEW:
      return _("The database is from a newer TrainDesk");
    case TD_STORE_ERROR_LOCKED:
      return _("The database is in use");
    case TD_STORE_ERROR_READ_ONLY:
      return _("The database is read-only");
    case TD_STORE_ERROR_FULL:
      return _("The disk is full");
    default:
      return _("The database could not be opened");
    }
}

static void
show_open_error (TdWindow *self, const GError *error)
{
  const char *hint = td_ui_error_hint (error);
  g_autofree char *text = NULL;

  text = g_strdup_printf ("%s%s%s", error != NULL ? error->message : "",
                          hint != NULL ? "\n\n" : "", hint != NULL ? hint : "");
  adw_status_page_set_title (self->error_page, open_error_title (error));
  adw_status_page_set_description (self->error_page, text);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  update_ready (self);
}

GSettings *
td_window_get_settings (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  return self->settings;
}

TdStore *
td_window_get_store (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  return self->store;
}

static void
disconnect_store (TdWindow *self)
{
  if (self->store != NULL && self->store_changed_id != 0)
    g_signal_handler_disconnect (self->store, self->store_changed_id);
  self->store_changed_id = 0;
  g_clear_object (&self->store);
}

/* What opening the database did that the user should know (a database others could read
 * made private, an interrupted export finished or undone): one toast each, kept until
 * dismissed. */
static void
show_store_notices (TdWindow *self, TdStore *store)
{
  GPtrArray *notices = td_store_get_notices (store);

  for (guint i = 0; i < notices->len; i++)
    {
      AdwToast *toast = adw_toast_new (g_ptr_array_index (notices, i));

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* ---- an inspector's desk ---- */

/* The buttons of the pages that change records: bound to one of these actions, or marked
 * "td-writes" in their .ui file. */
static const char *const write_actions[] = {
  "win.new-class", "win.save", "win.export", "win.import-roster", "assessment.save-exam",
  "assessment.save-result", "attendance.record", "attendance.import", "follow-up.save",
  "submissions.export", "submissions.import-receipt", "submissions.quarterly",
  NULL,   /* g_strv_contains reads to here: without it a Windows build crashed in strcmp */
};

static gboolean
writes (GtkWidget *widget)
{
  const char *action;

  if (gtk_widget_has_css_class (widget, "td-writes"))
    return TRUE;
  if (!GTK_IS_ACTIONABLE (widget))
    return FALSE;
  action = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));
  return action != NULL && g_strv_contains (write_actions, action);
}

/* A page that makes such a button sensitive again (a selection changed) is overruled. */
static void
on_write_button_sensitive (GtkWidget *widget, GParamSpec *pspec, TdWindow *self)
{
  if (td_window_get_read_only (self) && gtk_widget_get_sensitive (widget))
    gtk_widget_set_sensitive (widget, FALSE);
}

static void
set_writes_sensitive (TdWindow *self, GtkWidget *widget, gboolean sensitive)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_writes_sensitive (self, child, sensitive);
  if (!writes (widget))
    return;
  if (g_object_get_data (G_OBJECT (widget), "td-read-only-watched") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "td-read-only-watched", GINT_TO_POINTER (1));
      g_signal_connect_object (widget, "notify::sensitive",
                               G_CALLBACK (on_write_button_sensitive), self, 0);
    }
  gtk_widget_set_sensitive (widget, sensitive);
}

gboolean
td_window_get_read_only (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), FALSE);
  return self->store != NULL && td_store_is_read_only (self->store);
}

/* The banner and every action that writes follow what the server says this role may do. */
static void
apply_read_only (TdWindow *self)
{
  gboolean read_only = td_window_get_read_only (self);

  if (read_only)
    {
      g_autofree char *text = g_strdup_printf (
        _("Read only: you are signed in as “%s”, who may look at everything in this database "
          "but change nothing."), td_store_get_role (self->store));

      gtk_label_set_text (self->read_only_label, text);
    }
  gtk_revealer_set_reveal_child (self->read_only_banner, read_only);
  td_window_update_write_actions (self);
  set_writes_sensitive (self, GTK_WIDGET (self->page_stack), !read_only);
  set_writes_sensitive (self, GTK_WIDGET (self->header_actions), !read_only);
}

void
td_window_set_store (TdWindow *self, TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdInstitution) inst = NULL;

  g_return_if_fail (TD_IS_WINDOW (self));
  disconnect_store (self);
  self->class_id = 0;
  if (store == NULL)
    return;
  self->store = g_object_ref (store);
  show_store_notices (self, store);
  if (g_signal_lookup ("changed", TD_TYPE_STORE) != 0)
    self->store_changed_id = g_signal_connect (store, "changed",
                                               G_CALLBACK (on_store_changed), self);
  /* on a server, the other desks' changes reload the pages as this desk's own do */
  td_store_watch_other_desks (store);
  apply_read_only (self);
  /* the pages let go of the database shown before, even while the new one is set up */
  for (guint i = 0; i < self->pages->len; i++)
    td_page_set_store (g_ptr_array_index (self->pages, i), store);
  inst = td_store_get_institution (store, &error);
  if (error != NULL)
    {
      show_open_error (self, error);
      return;
    }
  if (inst == NULL)
    {
      td_first_run_set_store (self->first_run, store);
      gtk_stack_set_visible_child_name (self->main_stack, "first-run");
      update_ready (self);
      return;
    }
  show_app (self);
}

void
td_window_toast (TdWindow *self, const char *message)
{
  g_return_if_fail (TD_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ---- window ----------------------------------------------------------------- */

static void
really_close (TdWindow *self, gint64 unused)
{
  self->closing_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
td_window_close_request (GtkWindow *window)
{
  TdWindow *self = TD_WINDOW (window);
  int width, height;

  if (!self->closing_confirmed && any_unsaved (self))
    {
      confirm_discard (self, really_close, 0, NULL);
      return TRUE;
    }
  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (td_window_parent_class)->close_request (window);
}

static void
td_window_dispose (GObject *object)
{
  TdWindow *self = TD_WINDOW (object);

  disconnect_store (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_WINDOW);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->class_ids, g_array_unref);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (td_window_parent_class)->dispose (object);
}

static void
td_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdWindow *self = TD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    case PROP_VISIBLE_PAGE:
      g_value_set_object (value, visible_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* For the template's bindings: the header's page buttons are sensitive while the visible
 * page is not busy. */
static gboolean
td_window_not (TdWindow *self, gboolean value)
{
  return !value;
}

static void
td_window_class_init (TdWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = td_window_dispose;
  object_class->get_property = td_window_get_property;
  props[PROP_READY] = g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                            | G_PARAM_STATIC_STRINGS);
  props[PROP_VISIBLE_PAGE] = g_param_spec_object ("visible-page", NULL, NULL, TD_TYPE_PAGE,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                  | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
  GTK_WINDOW_CLASS (klass)->close_request = td_window_close_request;
  g_type_ensure (TD_TYPE_FIRST_RUN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/traindesk/TrainDesk/ui/td-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, store_error_page);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, class_chooser);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, header_actions);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, print_button);
  gtk_widget_class_bind_template_child_full (widget_class, "recent_menu", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, first_run);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, read_only_label);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, td_window_not);
  gtk_widget_class_bind_template_callback (widget_class, on_first_run_done);
}

static void
td_window_init (TdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new ();
  self->class_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* the application's; a window of the display tests, made before it has one, too */
  self->settings = td_application_get_default_settings ();
  if (self->settings != NULL)
    g_object_ref (self->settings);
  td_window_add_actions (self);
  td_window_add_database_actions (self);
  add_pages (self);
  td_ui_tooltips_attach_all (GTK_WIDGET (self));
  g_signal_connect_swapped (self->class_chooser, "notify::selected",
                            G_CALLBACK (on_chooser_selected), self);
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

TdWindow *
td_window_new (TdApplication *app, TdStore *store, const GError *open_error)
{
  TdWindow *self = g_object_new (TD_TYPE_WINDOW, "application", app, NULL);

  if (store != NULL)
    td_window_set_store (self, store);
  else
    show_open_error (self, open_error);
  return self;
}
