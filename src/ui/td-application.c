/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-application.h"
#include "ui/td-window.h"

struct _TdApplication
{
  AdwApplication parent_instance;
  char *db_path;
  TdStore *store;
};

G_DEFINE_FINAL_TYPE (TdApplication, td_application, ADW_TYPE_APPLICATION)

static GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("The database file to open"), N_("FILE") },
  { NULL }
};

static int
td_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  TdApplication *self = TD_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    self->db_path = g_canonicalize_filename (db, NULL);
  return -1;
}

static void
td_application_activate (GApplication *app)
{
  TdApplication *self = TD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr (GError) error = NULL;

  if (window == NULL)
    {
      if (self->store == NULL)
        {
          if (self->db_path == NULL)
            self->db_path = td_store_default_path ();
          self->store = td_store_open (self->db_path, TD_STORE_OPEN_CREATE, &error);
        }
      window = GTK_WINDOW (td_window_new (self, self->store, error));
    }
  gtk_window_present (window);
}

static void
td_application_finalize (GObject *object)
{
  TdApplication *self = TD_APPLICATION (object);

  g_clear_object (&self->store);
  g_free (self->db_path);
  G_OBJECT_CLASS (td_application_parent_class)->finalize (object);
}

static void
td_application_class_init (TdApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = td_application_activate;
  G_APPLICATION_CLASS (klass)->handle_local_options = td_application_handle_local_options;
}

static void
td_application_init (TdApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

TdApplication *
td_application_new (void)
{
  return g_object_new (TD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/traindesk/TrainDesk",
                       NULL);
}

TdStore *
td_application_get_store (TdApplication *self)
{
  g_return_val_if_fail (TD_IS_APPLICATION (self), NULL);
  return self->store;
}
