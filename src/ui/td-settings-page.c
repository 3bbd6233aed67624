/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ui/td-application.h"
#include "ui/td-backup.h"
#include "ui/td-institution-form.h"
#include "ui/td-settings-page.h"
#include "ui/td-ui-util.h"
#include "ui/td-window.h"

#if defined(__has_include)
#if __has_include("packet/td-catalog-import.h")
#include "packet/td-catalog-import.h"
#define TD_HAVE_CATALOG_IMPORT 1
#endif
#endif

struct _TdSettingsPage
{
  TdPage parent_instance;
  GSettings *settings;
  TdInstitutionForm *institution;
  GtkListBox *catalog_list;
  GtkWidget *import_catalog_button;
  AdwActionRow *path_row;
  AdwActionRow *auto_backup_row;
  GtkSwitch *auto_backup;
  AdwActionRow *outbox_row;
  AdwEntryRow *server_host;
  AdwEntryRow *server_port;
  AdwEntryRow *server_database;
  AdwEntryRow *server_user;
  AdwEntryRow *server_password;
  AdwActionRow *server_result;
  GtkWidget *server_test_button;
  GtkWidget *server_connect_button;
  GtkSpinner *server_spinner;
  GCancellable *connecting;     /* a Test or Connect under way */
};

G_DEFINE_FINAL_TYPE (TdSettingsPage, td_settings_page, TD_TYPE_PAGE)

static void
reload_catalogs (TdSettingsPage *self)
{
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->catalog_list))) != NULL)
    gtk_list_box_remove (self->catalog_list, child);
  versions = td_page_get_store (TD_PAGE (self)) != NULL
                 ? td_store_list_catalog_versions (td_page_get_store (TD_PAGE (self)), &error)
                 : g_ptr_array_new ();
  if (versions == NULL)
    {
      /* the page stays usable (backup, another file); the list says why it is unknown */
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The catalogues cannot be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_list_box_append (self->catalog_list, row);
      return;
    }
  for (guint i = 0; i < versions->len; i++)
    {
      const char *version = g_ptr_array_index (versions, i);
      g_autoptr (GError) unreadable = NULL;
      g_autoptr (TdCatalog) catalog =
          td_store_get_catalog (td_page_get_store (TD_PAGE (self)), version, &unreadable);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      if (catalog != NULL)
        subtitle = g_strdup_printf (_("In force from %s · %u items"), catalog->effective,
                                    catalog->items->len);
      else if (unreadable != NULL)
        subtitle = g_strdup (unreadable->message);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), version);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
      gtk_list_box_append (self->catalog_list, row);
    }
  if (versions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No catalogue yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Import the catalogue XML the bureau published."));
      gtk_list_box_append (self->catalog_list, row);
    }
}

static void
reload (TdPage *page)
{
  TdSettingsPage *self = TD_SETTINGS_PAGE (page);
  g_autoptr (TdInstitution) inst = NULL;
  g_autofree char *outbox = NULL;
  g_autoptr (GError) error = NULL;

  /* an unreadable institution leaves the form empty: the outbox row below says why */
  inst = td_page_get_store (TD_PAGE (self)) != NULL
             ? td_store_get_institution (td_page_get_store (TD_PAGE (self)), &error)
             : NULL;
  td_institution_form_set (self->institution, inst);
  adw_action_row_set_subtitle (self->path_row, td_page_get_store (TD_PAGE (self)) != NULL
                               ? td_store_get_path (td_page_get_store (TD_PAGE (self))) : "");
  if (error == NULL && td_page_get_store (TD_PAGE (self)) != NULL)
    outbox = td_store_get_setting (td_page_get_store (TD_PAGE (self)), "outbox", &error);
  adw_action_row_set_subtitle (self->outbox_row, error != NULL ? error->message
                               : outbox != NULL ? outbox
                               : _("Not chosen yet: packets are saved where you choose each "
                                   "time."));
  reload_catalogs (self);
}

/* ---- actions -------------------------------------------------------------------- */

gboolean
td_settings_page_backup_to (TdSettingsPage *self, const char *path, GError **error)
{
  g_return_val_if_fail (TD_IS_SETTINGS_PAGE (self), FALSE);
  if (!td_store_backup (td_page_get_store (TD_PAGE (self)), path, NULL, error))
    return FALSE;
  td_page_toast (TD_PAGE (self), _("Backed up"));
  return TRUE;
}

gboolean
td_settings_page_set_outbox (TdSettingsPage *self, const char *path, GError **error)
{
  g_return_val_if_fail (TD_IS_SETTINGS_PAGE (self), FALSE);
  if (!td_store_set_setting (td_page_get_store (TD_PAGE (self)), "outbox", path, error))
    return FALSE;
  td_page_reload (TD_PAGE (self));
  td_page_toast (TD_PAGE (self), _("Saved"));
  return TRUE;
}

gboolean
td_settings_page_import_catalog (TdSettingsPage *self, const char *path, GError **error)
{
  g_return_val_if_fail (TD_IS_SETTINGS_PAGE (self), FALSE);
#ifdef TD_HAVE_CATALOG_IMPORT
  if (!td_catalog_import_file (td_page_get_store (TD_PAGE (self)), path, error))
    return FALSE;
  reload_catalogs (self);
  td_page_toast (TD_PAGE (self), _("Catalogue imported"));
  return TRUE;
#else
  /* TODO(lead): wired once src/packet/td-catalog-import.h exists. */
  g_set_error_literal (error, TD_STORE_ERROR, TD_STORE_ERROR_FAILED,
                       _("This version of TrainDesk cannot import catalogues yet."));
  return FALSE;
#endif
}

typedef gboolean (*TdPathAction) (TdSettingsPage *self, const char *path, GError **error);

typedef struct
{
  TdSettingsPage *self;
  TdPathAction action;
  const char *failure;
} ChooserJob;

static void
on_chooser_response (GtkNativeDialog *chooser, int response, ChooserJob *job)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (path != NULL && !job->action (job->self, path, &error))
        td_ui_show_error (GTK_WIDGET (job->self), job->failure, error);
    }
  g_object_unref (job->self);
  g_free (job);
  g_object_unref (chooser);
}

static void
choose (TdSettingsPage *self, const char *title, GtkFileChooserAction mode, const char *accept,
        const char *suggested_name, TdPathAction action, const char *failure)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  ChooserJob *job = g_new0 (ChooserJob, 1);

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         mode, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  job->self = g_object_ref (self);
  job->action = action;
  job->failure = failure;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_backup_clicked (TdSettingsPage *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "traindesk-%Y%m%d.db");

  choose (self, _("Back Up the Database"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), name,
          td_settings_page_backup_to, _("The backup failed"));
}

void
td_settings_page_back_up (TdSettingsPage *self)
{
  g_return_if_fail (TD_IS_SETTINGS_PAGE (self));
  on_backup_clicked (self);
}

static void
on_outbox_clicked (TdSettingsPage *self)
{
  choose (self, _("Choose the Outbox Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
          _("_Choose"), NULL, td_settings_page_set_outbox, _("The outbox was not changed"));
}

static void
on_import_catalog_clicked (TdSettingsPage *self)
{
  choose (self, _("Import a Catalogue"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL,
          td_settings_page_import_catalog, _("The catalogue was not imported"));
}

/* ---- a database server ---- */

/* @value as a libpq keyword value: in quotes, with its quotes and backslashes escaped. */
static void
append_keyword (GString *location, const char *key, const char *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));

  if (*trimmed == '\0')
    return;
  g_string_append_printf (location, "%s%s='", location->len > 0 ? " " : "", key);
  for (const char *c = trimmed; *c != '\0'; c++)
    {
      if (*c == '\'' || *c == '\\')
        g_string_append_c (location, '\\');
      g_string_append_c (location, *c);
    }
  g_string_append_c (location, '\'');
}

char *
td_settings_page_get_server_location (TdSettingsPage *self)
{
  GString *location = g_string_new (NULL);

  g_return_val_if_fail (TD_IS_SETTINGS_PAGE (self), NULL);
  append_keyword (location, "host", gtk_editable_get_text (GTK_EDITABLE (self->server_host)));
  append_keyword (location, "port", gtk_editable_get_text (GTK_EDITABLE (self->server_port)));
  append_keyword (location, "dbname",
                  gtk_editable_get_text (GTK_EDITABLE (self->server_database)));
  append_keyword (location, "user", gtk_editable_get_text (GTK_EDITABLE (self->server_user)));
  /* a server that does not answer is told within seconds, not after minutes */
  append_keyword (location, "connect_timeout", "10");
  return g_string_free (location, FALSE);
}

/* The form's password, or NULL when empty (libpq then looks in .pgpass). */
static const char *
form_password (TdSettingsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_password));

  return *text != '\0' ? text : NULL;
}

static void
show_server_result (TdSettingsPage *self, const char *text, gboolean failed)
{
  adw_action_row_set_subtitle (self->server_result, text);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->server_result), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->server_result), "error");
}

/* What a store opened on the server is: the words the Test button shows. */
static char *
describe_server_store (TdStore *store)
{
  return td_store_is_read_only (store)
    ? g_strdup_printf (_("Connected: signed in as “%s”, who may only read this database "
                         "(version %d)."), td_store_get_role (store),
                       td_store_get_schema_version (store))
    : g_strdup_printf (_("Connected: signed in as “%s”, who may read and write this database "
                         "(version %d)."), td_store_get_role (store),
                       td_store_get_schema_version (store));
}

/* The server's connection, made in a worker thread so that a server that does not answer
 * leaves the window working; the result comes back on the window's thread. */
typedef struct
{
  char *location;
  char *password;
  gboolean keep;      /* Connect: the store goes to the window */
  char *words;        /* what the Test button shows */
} ServerTry;

static void
server_try_free (gpointer data)
{
  ServerTry *job = data;

  g_free (job->location);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job->words);
  g_free (job);
}

static void
connect_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ServerTry *job = data;
  GError *error = NULL;
  g_autoptr (TdStore) store = td_store_open_with_password (job->location, job->password,
                                                           TD_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->words = describe_server_store (store);
  g_task_return_pointer (task, job->keep ? g_steal_pointer (&store) : NULL, g_object_unref);
}

static void
set_connecting (TdSettingsPage *self, gboolean connecting)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_test_button), !connecting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_connect_button), !connecting);
  gtk_widget_set_visible (GTK_WIDGET (self->server_spinner), connecting);
  gtk_spinner_set_spinning (self->server_spinner, connecting);
  td_page_set_busy (TD_PAGE (self), connecting);
}

/* Back on the window's thread; nothing of the page is touched when it went away meanwhile
 * (its dispose cancelled the connection). */
static void
on_connect_done (GObject *source, GAsyncResult *result, gpointer data)
{
  TdSettingsPage *self = data;
  GTask *task = G_TASK (result);
  ServerTry *job = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = g_task_propagate_pointer (task, &error);
  GtkRoot *root;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;
  g_clear_object (&self->connecting);
  set_connecting (self, FALSE);
  if (error != NULL)
    {
      show_server_result (self, error->message, TRUE);
      return;
    }
  show_server_result (self, job->words, FALSE);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (store == NULL || !TD_IS_WINDOW (root))
    return;
  td_window_show_store (TD_WINDOW (root), store, job->location);
  /* handed to libpq; the form keeps no copy */
  gtk_editable_set_text (GTK_EDITABLE (self->server_password), "");
  td_window_toast (TD_WINDOW (root), _("Connected to the database server"));
}

static void
try_server (TdSettingsPage *self, gboolean keep)
{
  g_autoptr (GTask) task = NULL;
  ServerTry *job;

  if (self->connecting != NULL)
    return;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->server_host)) == '\0'
      || *gtk_editable_get_text (GTK_EDITABLE (self->server_database)) == '\0')
    {
      show_server_result (self, _("Fill in the server address and the database name."), TRUE);
      return;
    }
  job = g_new0 (ServerTry, 1);
  job->location = td_settings_page_get_server_location (self);
  job->password = g_strdup (form_password (self));
  job->keep = keep;
  self->connecting = g_cancellable_new ();
  set_connecting (self, TRUE);
  show_server_result (self, _("Connecting…"), FALSE);
  task = g_task_new (NULL, self->connecting, on_connect_done, self);
  g_task_set_task_data (task, job, server_try_free);
  g_task_run_in_thread (task, connect_in_thread);
}

void
td_settings_page_test_server (TdSettingsPage *self)
{
  g_return_if_fail (TD_IS_SETTINGS_PAGE (self));
  try_server (self, FALSE);
}

void
td_settings_page_connect_server (TdSettingsPage *self)
{
  g_return_if_fail (TD_IS_SETTINGS_PAGE (self));
  try_server (self, TRUE);
}

static void
on_server_test_clicked (TdSettingsPage *self)
{
  td_settings_page_test_server (self);
}

static void
on_server_connect_clicked (TdSettingsPage *self)
{
  td_settings_page_connect_server (self);
}

/* ---- TdPage -------------------------------------------------------------------- */

/* A change elsewhere leaves the institution being typed as it is. */
static void
td_settings_page_store_changed (TdPage *page, const char *table, gint64 row)
{
}

static gboolean
td_settings_page_has_unsaved_changes (TdPage *page)
{
  return td_institution_form_get_modified (TD_SETTINGS_PAGE (page)->institution);
}

static gboolean
td_settings_page_save (TdPage *page, GError **error)
{
  TdSettingsPage *self = TD_SETTINGS_PAGE (page);

  if (!td_institution_form_save (self->institution, td_page_get_store (TD_PAGE (self)), error))
    return FALSE;
  td_page_toast (page, _("Saved"));
  return TRUE;
}

static void
td_settings_page_discard_changes (TdPage *page)
{
  td_page_reload (page);
}

/* ---- type ------------------------------------------------------------------- */

static void
td_settings_page_dispose (GObject *object)
{
  TdSettingsPage *self = TD_SETTINGS_PAGE (object);

  if (self->connecting != NULL)
    g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_SETTINGS_PAGE);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (td_settings_page_parent_class)->dispose (object);
}

static void
td_settings_page_class_init (TdSettingsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TdPageClass *page_class = TD_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_settings_page_dispose;
  page_class->reload = reload;
  page_class->store_changed = td_settings_page_store_changed;
  page_class->has_unsaved_changes = td_settings_page_has_unsaved_changes;
  page_class->save = td_settings_page_save;
  page_class->discard_changes = td_settings_page_discard_changes;
  g_type_ensure (TD_TYPE_INSTITUTION_FORM);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/traindesk/TrainDesk/ui/td-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, institution);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, catalog_list);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, import_catalog_button);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, path_row);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, auto_backup_row);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, auto_backup);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, outbox_row);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, server_host);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, server_port);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, server_database);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, server_user);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, server_password);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, server_result);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, server_test_button);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, server_connect_button);
  gtk_widget_class_bind_template_child (widget_class, TdSettingsPage, server_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_server_test_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_server_connect_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_outbox_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_catalog_clicked);
}

static void
bind_settings (TdSettingsPage *self)
{
  g_autofree char *dir = td_backup_default_dir ();
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf (_("Keeps the newest copies in %s"), dir);
  adw_action_row_set_subtitle (self->auto_backup_row, subtitle);
  self->settings = td_application_get_default_settings ();
  if (self->settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->auto_backup_row), FALSE);
      return;
    }
  g_object_ref (self->settings);
  g_settings_bind (self->settings, "backup-on-quit", self->auto_backup, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
td_settings_page_init (TdSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bind_settings (self);
}
