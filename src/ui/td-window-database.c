/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main menu's database entries (issue 17.13): open another database, create a new one,
 * reopen one of the recent ones (GSettings "recent-databases"), back up the open one. */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-db.h"
#include "ui/td-application.h"
#include "ui/td-settings-page.h"
#include "ui/td-ui-util.h"
#include "ui/td-window.h"

#define RECENT_KEY "recent-databases"
#define RECENT_MAX 6

/* The recent databases, newest first; empty without the settings schema. */
static GStrv
recent_list (TdWindow *self)
{
  GSettings *settings = td_window_get_settings (self);

  return settings != NULL ? g_settings_get_strv (settings, RECENT_KEY) : g_new0 (char *, 1);
}

void
td_window_update_recent_menu (TdWindow *self)
{
  GMenu *menu = G_MENU (gtk_widget_get_template_child (GTK_WIDGET (self), TD_TYPE_WINDOW,
                                                       "recent_menu"));
  g_auto (GStrv) paths = recent_list (self);

  g_menu_remove_all (menu);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);
      g_autofree char *dir = g_path_get_dirname (paths[i]);
      /* a server's location as it is (it has no password: none is ever remembered) */
      g_autofree char *label = td_db_location_engine (paths[i]) == TD_DB_POSTGRESQL
                               ? td_db_location_display (paths[i])
                               : g_strdup_printf ("%s — %s", base, dir);
      g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (paths[i]));
      g_menu_append_item (menu, item);
    }
}

/* @path first in the recent list, once, at most RECENT_MAX kept. */
static void
remember (TdWindow *self, const char *path)
{
  GSettings *settings = td_window_get_settings (self);
  g_auto (GStrv) old = recent_list (self);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;
  guint n = 1;

  if (settings == NULL)
    return;
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < RECENT_MAX; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  list = g_strv_builder_end (builder);
  g_settings_set_strv (settings, RECENT_KEY, (const char * const *) list);
  td_window_update_recent_menu (self);
}

void
td_window_show_store (TdWindow *self, TdStore *store, const char *location)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  td_window_set_store (self, store);
  if (TD_IS_APPLICATION (app))
    td_application_set_store (TD_APPLICATION (app), store, location);
  remember (self, location);
}

gboolean
td_window_open_database (TdWindow *self, const char *path, gboolean create, GError **error)
{
  g_autoptr (TdStore) store = NULL;
  g_autofree char *full = NULL;

  g_return_val_if_fail (TD_IS_WINDOW (self) && path != NULL, FALSE);
  if (td_db_location_engine (path) == TD_DB_POSTGRESQL)
    return td_window_open_server (self, path, NULL, error);
  full = g_canonicalize_filename (path, NULL);
  if (create && g_file_test (full, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_OPEN,
                   _("%s exists already. Choose another name for the new database, or open "
                     "this one with Open Database."), full);
      return FALSE;
    }
  store = td_store_open (full, create ? TD_STORE_OPEN_CREATE : 0, error);
  if (store == NULL)
    return FALSE;
  td_window_show_store (self, store, full);
  return TRUE;
}

gboolean
td_window_open_server (TdWindow *self, const char *location, const char *password,
                       GError **error)
{
  g_autoptr (TdStore) store = NULL;

  g_return_val_if_fail (TD_IS_WINDOW (self) && location != NULL, FALSE);
  store = td_store_open_with_password (location, password, TD_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;
  td_window_show_store (self, store, location);
  return TRUE;
}

/* ---- the password, asked when the server wants one ---- */

static void on_password_response (AdwMessageDialog *dialog, const char *response,
                                  TdWindow *self);

void
td_window_ask_password (TdWindow *self, const char *location, const GError *why)
{
  g_autofree char *shown = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *entry;

  g_return_if_fail (TD_IS_WINDOW (self) && location != NULL);
  shown = td_db_location_display (location);
  body = why != NULL && g_error_matches (why, TD_STORE_ERROR, TD_STORE_ERROR_SIGN_IN)
           ? g_strdup (why->message)
           : g_strdup_printf (_("The database server of %s wants your password. It goes to the "
                                "server only and is not saved."), shown);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Sign In to the Database Server"), body);
  gtk_widget_set_name (dialog, "td-password-dialog");
  /* a GtkEntry, not GtkPasswordEntry: GTK 4.8's leaves its caps-lock handler on the keyboard
   * after the dialog is gone */
  entry = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_widget_set_name (entry, "server_password_prompt");
  g_object_set (entry, "activates-default", TRUE, NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "sign-in", _("_Sign In"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-in",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "sign-in");
  g_object_set_data_full (G_OBJECT (dialog), "td-location", g_strdup (location), g_free);
  g_object_set_data (G_OBJECT (dialog), "td-entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (on_password_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_password_response (AdwMessageDialog *dialog, const char *response, TdWindow *self)
{
  const char *location = g_object_get_data (G_OBJECT (dialog), "td-location");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "td-entry");
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "sign-in"))
    return;
  if (td_window_open_server (self, location, gtk_editable_get_text (entry), &error))
    return;
  gtk_editable_set_text (entry, "");
  if (g_error_matches (error, TD_STORE_ERROR, TD_STORE_ERROR_SIGN_IN))
    td_window_ask_password (self, location, error);
  else
    td_ui_show_error (GTK_WIDGET (self), _("The database was not opened"), error);
}

/* ---- the actions ------------------------------------------------------------ */

typedef struct
{
  TdWindow *self;
  gboolean create;
} Choice;

static void
open_or_explain (TdWindow *self, const char *path, gboolean create)
{
  g_autoptr (GError) error = NULL;

  if (td_window_open_database (self, path, create, &error))
    return;
  if (g_error_matches (error, TD_STORE_ERROR, TD_STORE_ERROR_NEEDS_PASSWORD)
      || g_error_matches (error, TD_STORE_ERROR, TD_STORE_ERROR_SIGN_IN))
    td_window_ask_password (self, path, NULL);
  else
    td_ui_show_error (GTK_WIDGET (self), create ? _("The database was not created")
                                                : _("The database was not opened"), error);
}

static void
on_chooser_response (GtkNativeDialog *chooser, int response, Choice *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        open_or_explain (choice->self, path, choice->create);
    }
  g_object_unref (choice->self);
  g_free (choice);
  g_object_unref (chooser);
}

static void
choose (TdWindow *self, gint64 create)
{
  GtkFileChooserNative *chooser;
  Choice *choice = g_new0 (Choice, 1);

  chooser = gtk_file_chooser_native_new (create ? _("New TrainDesk Database")
                                                : _("Open a TrainDesk Database"),
                                         GTK_WINDOW (self),
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "traindesk.db");
  choice->self = g_object_ref (self);
  choice->create = create != 0;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_open_database (GSimpleAction *action, GVariant *param, gpointer data)
{
  td_window_when_saved (TD_WINDOW (data), choose, FALSE);
}

static void
action_new_database (GSimpleAction *action, GVariant *param, gpointer data)
{
  td_window_when_saved (TD_WINDOW (data), choose, TRUE);
}

static void
open_recent_now (TdWindow *self, gint64 unused)
{
  const char *path = g_object_get_data (G_OBJECT (self), "td-recent-path");

  if (path != NULL)
    open_or_explain (self, path, FALSE);
}

static void
action_open_recent (GSimpleAction *action, GVariant *param, gpointer data)
{
  g_object_set_data_full (G_OBJECT (data), "td-recent-path",
                          g_strdup (g_variant_get_string (param, NULL)), g_free);
  td_window_when_saved (TD_WINDOW (data), open_recent_now, 0);
}

static void
action_backup (GSimpleAction *action, GVariant *param, gpointer data)
{
  TdWindow *self = TD_WINDOW (data);

  if (td_window_get_store (self) == NULL)
    return;
  td_window_show_page (self, "settings");
  td_settings_page_back_up (TD_SETTINGS_PAGE (td_window_get_page (self, "settings")));
}

static const GActionEntry database_actions[] = {
  { "open-database", action_open_database },
  { "new-database", action_new_database },
  { "open-recent", action_open_recent, "s" },
  { "backup", action_backup },
};

void
td_window_add_database_actions (TdWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), database_actions,
                                   G_N_ELEMENTS (database_actions), self);
  td_window_update_recent_menu (self);
}
