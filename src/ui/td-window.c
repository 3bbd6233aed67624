/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-application.h"
#include "ui/td-window.h"

struct _TdWindow
{
  AdwApplicationWindow parent_instance;
  TdStore *store;
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (TdWindow, td_window, ADW_TYPE_APPLICATION_WINDOW)

static void
td_window_dispose (GObject *object)
{
  TdWindow *self = TD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_WINDOW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (td_window_parent_class)->dispose (object);
}

static void
td_window_class_init (TdWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/traindesk/TrainDesk/ui/td-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdWindow, status_page);
}

static void
td_window_init (TdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TdWindow *
td_window_new (TdApplication *app, TdStore *store, const GError *open_error)
{
  TdWindow *self = g_object_new (TD_TYPE_WINDOW, "application", app, NULL);

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      adw_status_page_set_description (self->status_page, td_store_get_path (store));
    }
  else if (open_error != NULL)
    {
      adw_status_page_set_title (self->status_page, _("The database could not be opened"));
      adw_status_page_set_description (self->status_page, open_error->message);
    }
  return self;
}
