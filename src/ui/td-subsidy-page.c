/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Placeholder: the Subsidy page is not built yet (it belongs to the pages' engineer). */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-subsidy-page.h"

struct _TdSubsidyPage
{
  AdwBin parent_instance;
  TdStore *store;
  gint64 class_id;
};

static void td_subsidy_page_iface_init (TdPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdSubsidyPage, td_subsidy_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (TD_TYPE_PAGE, td_subsidy_page_iface_init))

static void
td_subsidy_page_set_store (TdPage *page, TdStore *store)
{
  TdSubsidyPage *self = TD_SUBSIDY_PAGE (page);

  g_set_object (&self->store, store);
}

static void
td_subsidy_page_set_class (TdPage *page, gint64 class_id)
{
  TD_SUBSIDY_PAGE (page)->class_id = class_id;
}

static const char *
td_subsidy_page_get_title (TdPage *page)
{
  return _("Subsidy");
}

static gboolean
td_subsidy_page_get_needs_class (TdPage *page)
{
  return TRUE;
}

static const char *
td_subsidy_page_get_icon_name (TdPage *page)
{
  return "accessories-calculator-symbolic";
}

static void
td_subsidy_page_iface_init (TdPageInterface *iface)
{
  iface->set_store = td_subsidy_page_set_store;
  iface->set_class = td_subsidy_page_set_class;
  iface->get_title = td_subsidy_page_get_title;
  iface->get_needs_class = td_subsidy_page_get_needs_class;
  iface->get_icon_name = td_subsidy_page_get_icon_name;
}

static void
td_subsidy_page_dispose (GObject *object)
{
  TdSubsidyPage *self = TD_SUBSIDY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_SUBSIDY_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (td_subsidy_page_parent_class)->dispose (object);
}

static void
td_subsidy_page_class_init (TdSubsidyPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_subsidy_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/traindesk/TrainDesk/ui/td-subsidy-page.ui");
}

static void
td_subsidy_page_init (TdSubsidyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
