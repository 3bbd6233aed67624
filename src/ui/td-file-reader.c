/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-file-reader.h"
#include "ui/td-ui-util.h"

struct _TdFileReader
{
  GObject parent_instance;
  gpointer owner;               /* not owned; NULL once abandoned */
  TdFileReadFunc read;
  GDestroyNotify free_result;
  TdFileChosenFunc chosen;
  TdFileReadDoneFunc done;
  char *path;
  GCancellable *cancellable;    /* of the running read; NULL when none */
};

G_DEFINE_FINAL_TYPE (TdFileReader, td_file_reader, G_TYPE_OBJECT)

enum { PROP_0, PROP_BUSY, N_PROPS };

static GParamSpec *props[N_PROPS];

gboolean
td_file_reader_get_busy (TdFileReader *self)
{
  g_return_val_if_fail (TD_IS_FILE_READER (self), FALSE);
  return self->cancellable != NULL;
}

const char *
td_file_reader_get_path (TdFileReader *self)
{
  g_return_val_if_fail (TD_IS_FILE_READER (self), NULL);
  return self->path;
}

static void
read_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TdFileReader *self = source;
  GError *error = NULL;
  gpointer result = self->read (data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, self->free_result);
}

static void
on_read_done (GObject *source, GAsyncResult *result, gpointer data)
{
  TdFileReader *self = TD_FILE_READER (source);
  g_autoptr (GError) error = NULL;
  gpointer read = g_task_propagate_pointer (G_TASK (result), &error);

  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]);
  if (self->owner == NULL)
    {
      if (read != NULL)
        self->free_result (read);
      return;
    }
  self->done (self->owner, read, error);
}

void
td_file_reader_read (TdFileReader *self, const char *path)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (TD_IS_FILE_READER (self) && path != NULL);
  if (self->cancellable != NULL)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  self->cancellable = g_cancellable_new ();
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]);
  task = g_task_new (self, self->cancellable, on_read_done, NULL);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, read_in_thread);
}

void
td_file_reader_cancel (TdFileReader *self)
{
  g_return_if_fail (TD_IS_FILE_READER (self));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
td_file_reader_abandon (TdFileReader *self)
{
  g_return_if_fail (TD_IS_FILE_READER (self));
  self->owner = NULL;
  td_file_reader_cancel (self);
}

static void
on_open_response (GtkNativeDialog *chooser, int response, TdFileReader *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path != NULL && self->owner != NULL)
    self->chosen (self->owner, path);
  g_object_unref (chooser);
  g_object_unref (self);
}

void
td_file_reader_choose (TdFileReader *self, GtkWindow *parent, const char *title,
                       const TdFileReaderFilter *filters, guint n_filters)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (TD_IS_FILE_READER (self));
  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  for (guint i = 0; i < n_filters; i++)
    td_ui_add_file_filter (GTK_FILE_CHOOSER (chooser), filters[i].name, filters[i].extensions);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
td_file_reader_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, td_file_reader_get_busy (TD_FILE_READER (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_file_reader_finalize (GObject *object)
{
  TdFileReader *self = TD_FILE_READER (object);

  g_clear_object (&self->cancellable);
  g_free (self->path);
  G_OBJECT_CLASS (td_file_reader_parent_class)->finalize (object);
}

static void
td_file_reader_class_init (TdFileReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = td_file_reader_get_property;
  object_class->finalize = td_file_reader_finalize;
  props[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
td_file_reader_init (TdFileReader *self)
{
}

TdFileReader *
td_file_reader_new (gpointer owner, TdFileReadFunc read, GDestroyNotify free_result,
                    TdFileChosenFunc chosen, TdFileReadDoneFunc done)
{
  TdFileReader *self = g_object_new (TD_TYPE_FILE_READER, NULL);

  g_return_val_if_fail (read != NULL && free_result != NULL && chosen != NULL && done != NULL,
                        self);
  self->owner = owner;
  self->read = read;
  self->free_result = free_result;
  self->chosen = chosen;
  self->done = done;
  return self;
}
