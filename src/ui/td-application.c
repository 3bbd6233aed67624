/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-i18n.h"
#include "core/td-db.h"
#include "ui/td-application.h"
#include "ui/td-backup.h"
#include "ui/td-window.h"

struct _TdApplication
{
  AdwApplication parent_instance;
  char *db_path;
  TdStore *store;
  GSettings *settings;          /* NULL without the schema */
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

  /* a server's location is not a file name */
  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    self->db_path = td_db_location_engine (db) == TD_DB_POSTGRESQL
                    ? g_strdup (db) : g_canonicalize_filename (db, NULL);
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
      /* a server that wants a password: asked over the window that says so */
      if (g_error_matches (error, TD_STORE_ERROR, TD_STORE_ERROR_NEEDS_PASSWORD)
          || g_error_matches (error, TD_STORE_ERROR, TD_STORE_ERROR_SIGN_IN))
        td_window_ask_password (TD_WINDOW (window), self->db_path, NULL);
    }
  gtk_window_present (window);
}

static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "win.new-class", { "<Control>n", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.import-roster", { "<Control>i", NULL } },
  { "win.show-page::overview", { "<Alt>1", NULL } },
  { "win.show-page::classes", { "<Alt>2", NULL } },
  { "win.show-page::trainees", { "<Alt>3", NULL } },
  { "win.show-page::attendance", { "<Alt>4", NULL } },
  { "win.show-page::assessment", { "<Alt>5", NULL } },
  { "win.show-page::follow-up", { "<Alt>6", NULL } },
  { "win.show-page::subsidy", { "<Alt>7", NULL } },
  { "win.show-page::submissions", { "<Alt>8", NULL } },
  { "win.show-page::settings", { "<Alt>9", "<Control>comma", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "app.quit", { "<Control>q", NULL } },
};

static void
action_about (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (data));
  const char *developers[] = { "TrainDesk contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for", parent, "modal", TRUE,
                        "application-name", _("TrainDesk"), "application-icon", APP_ID_BASE,
                        "version", PACKAGE_VERSION, "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Class filings, rosters, attendance, assessment and "
                                      "subsidy claims for training institutions in Liaocheng"),
                        "translator-credits", _("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
action_quit (GSimpleAction *action, GVariant *param, gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (data));

  /* Closing the windows asks about unsaved changes; the last one ends the application. */
  for (GList *l = g_list_copy (windows); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "about", action_about },
  { "quit", action_quit },
};

static void
td_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (td_application_parent_class)->startup (app);
  /* after adw_init (AdwApplication's startup), which binds libadwaita's catalogue */
  td_i18n_bind_library ("libadwaita");
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
  gtk_window_set_default_icon_name (APP_ID_BASE);
}

static gboolean
backup_on_quit_wanted (TdApplication *self, guint *keep)
{
  if (self->settings == NULL)
    return FALSE;
  *keep = (guint) g_settings_get_int (self->settings, "backup-keep");
  return g_settings_get_boolean (self->settings, "backup-on-quit");
}

/* The automatic backup: one copy per quit, the newest kept. */
static void
td_application_shutdown (GApplication *app)
{
  TdApplication *self = TD_APPLICATION (app);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = td_backup_default_dir ();
  guint keep = 10;

  if (self->store != NULL && backup_on_quit_wanted (self, &keep))
    {
      /* a database that cannot be read now is not copied over the good backups */
      gboolean empty = td_store_is_empty (self->store, &error);

      if (error != NULL)
        g_warning ("No automatic backup was made: %s", error->message);
      else if (!empty && !td_backup_rotate (self->store, dir, keep, NULL, &error))
        g_warning ("The automatic backup failed: %s", error->message);
    }
  G_APPLICATION_CLASS (td_application_parent_class)->shutdown (app);
}

static void
td_application_finalize (GObject *object)
{
  TdApplication *self = TD_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->db_path);
  G_OBJECT_CLASS (td_application_parent_class)->finalize (object);
}

static void
td_application_class_init (TdApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = td_application_activate;
  G_APPLICATION_CLASS (klass)->startup = td_application_startup;
  G_APPLICATION_CLASS (klass)->shutdown = td_application_shutdown;
  G_APPLICATION_CLASS (klass)->handle_local_options = td_application_handle_local_options;
}

static void
td_application_init (TdApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
}

GSettings *
td_application_get_settings (TdApplication *self)
{
  g_return_val_if_fail (TD_IS_APPLICATION (self), NULL);
  return self->settings;
}

GSettings *
td_application_get_default_settings (void)
{
  GApplication *app = g_application_get_default ();

  return TD_IS_APPLICATION (app) ? TD_APPLICATION (app)->settings : NULL;
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

void
td_application_set_store (TdApplication *self, TdStore *store, const char *path)
{
  g_return_if_fail (TD_IS_APPLICATION (self));
  g_set_object (&self->store, store);
  g_free (self->db_path);
  self->db_path = g_strdup (path);
}

TdStore *
td_application_get_store (TdApplication *self)
{
  g_return_val_if_fail (TD_IS_APPLICATION (self), NULL);
  return self->store;
}
