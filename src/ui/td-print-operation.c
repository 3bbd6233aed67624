/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing a form: the renderer's layout and page drawing behind GtkPrintOperation, with the
 * print settings and page setup kept in GSettings between runs. */
#define G_LOG_DOMAIN "td-print"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-application.h"
#include "ui/td-print-operation.h"
#include "ui/td-ui-util.h"

struct _TdPrintOperation
{
  GtkPrintOperation parent_instance;
  TdForm *form;
  TdFormLayout *layout;
  GSettings *settings;          /* NULL when the app's schema is not installed */
  GtkWindow *parent;            /* weak: the error dialog goes over it */
  gboolean report_errors;
  GtkPrintOperationAction action;
  gboolean running;             /* holds a reference on itself until done */
};

G_DEFINE_FINAL_TYPE (TdPrintOperation, td_print_operation, GTK_TYPE_PRINT_OPERATION)

/* ---- settings kept between runs ------------------------------------------------ */

static GVariant *
saved_value (TdPrintOperation *self, const char *key)
{
  GVariant *value;

  if (self->settings == NULL)
    return NULL;
  value = g_settings_get_value (self->settings, key);
  if (g_variant_n_children (value) == 0)
    g_clear_pointer (&value, g_variant_unref);
  return value;
}

static GtkPageOrientation
form_orientation (const TdForm *form)
{
  TdPageSetup setup;

  td_page_setup_init_for_form (&setup, form);
  return setup.width > setup.height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                    : GTK_PAGE_ORIENTATION_PORTRAIT;
}

/* The saved page setup (A4 when none) and print settings, turned the way the form needs:
 * GTK takes the orientation of the print settings over the page setup's. */
static void
restore_settings (TdPrintOperation *self)
{
  GtkPrintOperation *op = GTK_PRINT_OPERATION (self);
  GtkPageOrientation orientation = form_orientation (self->form);
  g_autoptr (GVariant) saved_setup = saved_value (self, "page-setup");
  g_autoptr (GVariant) saved_settings = saved_value (self, "print-settings");
  g_autoptr (GtkPageSetup) page_setup = NULL;
  g_autoptr (GtkPrintSettings) print_settings = NULL;

  if (saved_setup != NULL)
    page_setup = gtk_page_setup_new_from_gvariant (saved_setup);
  if (page_setup == NULL)
    {
      g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      page_setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (page_setup, a4);
    }
  gtk_page_setup_set_orientation (page_setup, orientation);
  print_settings = saved_settings != NULL ? gtk_print_settings_new_from_gvariant (saved_settings)
                                          : gtk_print_settings_new ();
  gtk_print_settings_set_orientation (print_settings, orientation);
  gtk_print_operation_set_default_page_setup (op, page_setup);
  gtk_print_operation_set_print_settings (op, print_settings);
}

static void
save_settings (TdPrintOperation *self)
{
  GtkPrintOperation *op = GTK_PRINT_OPERATION (self);
  GtkPrintSettings *print_settings = gtk_print_operation_get_print_settings (op);
  GtkPageSetup *page_setup = gtk_print_operation_get_default_page_setup (op);

  if (self->settings == NULL)
    return;
  if (print_settings != NULL)
    g_settings_set_value (self->settings, "print-settings",
                          gtk_print_settings_to_gvariant (print_settings));
  if (page_setup != NULL)
    g_settings_set_value (self->settings, "page-setup", gtk_page_setup_to_gvariant (page_setup));
}

/* ---- the operation ---------------------------------------------------------------- */

/* Lays the form out on the sheet the print context has (the whole sheet, in points). */
static void
td_print_operation_begin_print (GtkPrintOperation *op, GtkPrintContext *context)
{
  TdPrintOperation *self = TD_PRINT_OPERATION (op);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  TdPageSetup setup;

  td_page_setup_init_a4 (&setup, width > height);
  setup.width = width;
  setup.height = height;
  g_clear_pointer (&self->layout, td_form_layout_free);
  self->layout = td_form_layout (self->form, &setup);
  gtk_print_operation_set_n_pages (op, td_form_layout_get_n_pages (self->layout));
}

static void
td_print_operation_draw_page (GtkPrintOperation *op, GtkPrintContext *context, int page_nr)
{
  TdPrintOperation *self = TD_PRINT_OPERATION (op);
  TdRenderStyle style = TD_RENDER_STYLE_PRINT;

  g_assert (self->layout != NULL);
  td_form_render_page (gtk_print_context_get_cairo_context (context), self->form,
                       self->layout, page_nr, &style);
}

static void
show_error (TdPrintOperation *self)
{
  g_autoptr (GError) error = NULL;

  gtk_print_operation_get_error (GTK_PRINT_OPERATION (self), &error);
  if (error == NULL)
    g_set_error_literal (&error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                         _("The printing system gave no reason."));
  if (self->action == GTK_PRINT_OPERATION_ACTION_EXPORT)
    {
      g_autofree char *path = NULL;

      g_object_get (self, "export-filename", &path, NULL);
      g_prefix_error (&error, _("%s could not be written: "), path != NULL ? path : "");
    }
  g_message ("printing %s failed: %s", td_form_get_title (self->form), error->message);
  td_ui_show_error (self->parent != NULL ? GTK_WIDGET (self->parent) : NULL,
                    _("The form could not be printed"), error);
}

static void
td_print_operation_done (GtkPrintOperation *op, GtkPrintOperationResult result)
{
  TdPrintOperation *self = TD_PRINT_OPERATION (op);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (self);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->report_errors)
    show_error (self);
  if (self->running)
    {
      self->running = FALSE;
      g_object_unref (self);
    }
}

static void
td_print_operation_finalize (GObject *object)
{
  TdPrintOperation *self = TD_PRINT_OPERATION (object);

  g_clear_pointer (&self->layout, td_form_layout_free);
  g_clear_pointer (&self->form, td_form_free);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->parent);
  G_OBJECT_CLASS (td_print_operation_parent_class)->finalize (object);
}

static void
td_print_operation_class_init (TdPrintOperationClass *klass)
{
  GtkPrintOperationClass *op_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = td_print_operation_finalize;
  op_class->begin_print = td_print_operation_begin_print;
  op_class->draw_page = td_print_operation_draw_page;
  op_class->done = td_print_operation_done;
}

static void
td_print_operation_init (TdPrintOperation *self)
{
  GtkPrintOperation *op = GTK_PRINT_OPERATION (self);

  self->settings = td_application_get_default_settings ();
  if (self->settings != NULL)
    g_object_ref (self->settings);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  gtk_print_operation_set_show_progress (op, TRUE);
  gtk_print_operation_set_allow_async (op, TRUE);
}

TdPrintOperation *
td_print_operation_new (TdForm *form)
{
  TdPrintOperation *self;

  g_return_val_if_fail (form != NULL, NULL);
  self = g_object_new (TD_TYPE_PRINT_OPERATION, NULL);
  self->form = form;
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), td_form_get_title (form));
  restore_settings (self);
  return self;
}

TdForm *
td_print_operation_get_form (TdPrintOperation *self)
{
  g_return_val_if_fail (TD_IS_PRINT_OPERATION (self), NULL);
  return self->form;
}

int
td_print_operation_get_n_pages_laid_out (TdPrintOperation *self)
{
  g_return_val_if_fail (TD_IS_PRINT_OPERATION (self), 0);
  return self->layout != NULL ? td_form_layout_get_n_pages (self->layout) : 0;
}

void
td_print_operation_run_for_user (TdPrintOperation *self, GtkPrintOperationAction action,
                                 GtkWindow *parent)
{
  g_return_if_fail (TD_IS_PRINT_OPERATION (self));
  g_set_weak_pointer (&self->parent, parent);
  self->report_errors = TRUE;
  self->action = action;
  if (!self->running)
    {
      self->running = TRUE;
      g_object_ref (self);
    }
  /* the result and any error arrive in ::done, synchronous or not */
  gtk_print_operation_run (GTK_PRINT_OPERATION (self), action, parent, NULL);
}

gboolean
td_print_operation_export (TdPrintOperation *self, const char *path, GError **error)
{
  GtkPrintOperation *op = GTK_PRINT_OPERATION (self);
  GtkPrintOperationResult result;

  g_return_val_if_fail (TD_IS_PRINT_OPERATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  gtk_print_operation_set_show_progress (op, FALSE);
  gtk_print_operation_set_export_filename (op, path);
  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      return TRUE;
    case GTK_PRINT_OPERATION_RESULT_CANCEL:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Printing was cancelled."));
      return FALSE;
    case GTK_PRINT_OPERATION_RESULT_ERROR:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                             _("The printing system gave no reason."));
      g_prefix_error (error, _("%s could not be written: "), path);
      return FALSE;
    }
}
