/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-first-run.h"
#include "ui/td-institution-form.h"
#include "ui/td-ui-util.h"

/* The demo generator is another part of the project; offer it once it is there. */
#if defined(__has_include)
#if __has_include("packet/td-demo.h")
#include "packet/td-demo.h"
#define TD_HAVE_DEMO 1
#endif
#if __has_include("packet/td-catalog-import.h")
#include "packet/td-catalog-import.h"
#define TD_HAVE_CATALOG_IMPORT 1
#endif
#endif

struct _TdFirstRun
{
  AdwBin parent_instance;
  TdStore *store;
  TdInstitutionForm *form;
  GtkWidget *demo_group;
  GtkSwitch *demo_switch;
};

G_DEFINE_FINAL_TYPE (TdFirstRun, td_first_run, ADW_TYPE_BIN)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
fill_demo (TdFirstRun *self, GError **error)
{
#ifdef TD_HAVE_DEMO
  if (gtk_switch_get_active (self->demo_switch))
    return td_demo_fill (self->store, error);
#endif
  return TRUE;
}

/* A new database gets the shipped catalogue, so that classes can be filed at once. */
static gboolean
add_default_catalog (TdFirstRun *self, GError **error)
{
#ifdef TD_HAVE_CATALOG_IMPORT
  g_autoptr (GPtrArray) versions = td_store_list_catalog_versions (self->store, error);

  if (versions == NULL)
    return FALSE;
  if (versions->len == 0)
    return td_catalog_import_default (self->store, error);
#endif
  return TRUE;
}

static void
on_start_clicked (TdFirstRun *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->store == NULL)
    return;
  if (!td_institution_form_check (self->form, &message))
    {
      td_ui_show_message (GTK_WIDGET (self), _("Some details are missing or not right"),
                          message);
      return;
    }
  if (!td_institution_form_save (self->form, self->store, &error))
    {
      td_ui_show_error (GTK_WIDGET (self), _("The institution could not be saved"), error);
      return;
    }
  if (!add_default_catalog (self, &error))
    {
      td_ui_show_error (GTK_WIDGET (self), _("The subsidy catalogue could not be added"), error);
      g_clear_error (&error);
    }
  if (!fill_demo (self, &error))
    td_ui_show_error (GTK_WIDGET (self), _("The demo data could not be added"), error);
  g_signal_emit (self, signals[DONE], 0);
}

static void
td_first_run_dispose (GObject *object)
{
  TdFirstRun *self = TD_FIRST_RUN (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_FIRST_RUN);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (td_first_run_parent_class)->dispose (object);
}

static void
td_first_run_class_init (TdFirstRunClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_first_run_dispose;
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_type_ensure (TD_TYPE_INSTITUTION_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/traindesk/TrainDesk/ui/td-first-run.ui");
  gtk_widget_class_bind_template_child (widget_class, TdFirstRun, form);
  gtk_widget_class_bind_template_child (widget_class, TdFirstRun, demo_group);
  gtk_widget_class_bind_template_child (widget_class, TdFirstRun, demo_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
}

static void
td_first_run_init (TdFirstRun *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
#ifndef TD_HAVE_DEMO
  /* TODO(lead): shown once src/packet/td-demo.h (td_demo_fill) exists. */
  gtk_widget_set_visible (self->demo_group, FALSE);
#endif
}

void
td_first_run_set_store (TdFirstRun *self, TdStore *store)
{
  g_return_if_fail (TD_IS_FIRST_RUN (self));
  g_set_object (&self->store, store);
  td_institution_form_set (self->form, NULL);
}
