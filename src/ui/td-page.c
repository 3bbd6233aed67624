/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include "ui/td-page.h"

G_DEFINE_INTERFACE (TdPage, td_page, GTK_TYPE_WIDGET)

static void
td_page_default_init (TdPageInterface *iface)
{
  g_signal_new ("request-class", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  g_signal_new ("toast", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  g_signal_new ("store-error", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

void
td_page_set_store (TdPage *self, TdStore *store)
{
  g_return_if_fail (TD_IS_PAGE (self));
  TD_PAGE_GET_IFACE (self)->set_store (self, store);
}

void
td_page_set_class (TdPage *self, gint64 class_id)
{
  TdPageInterface *iface;

  g_return_if_fail (TD_IS_PAGE (self));
  iface = TD_PAGE_GET_IFACE (self);
  if (iface->set_class != NULL)
    iface->set_class (self, class_id);
}

const char *
td_page_get_title (TdPage *self)
{
  g_return_val_if_fail (TD_IS_PAGE (self), NULL);
  return TD_PAGE_GET_IFACE (self)->get_title (self);
}

gboolean
td_page_get_needs_class (TdPage *self)
{
  TdPageInterface *iface;

  g_return_val_if_fail (TD_IS_PAGE (self), FALSE);
  iface = TD_PAGE_GET_IFACE (self);
  return iface->get_needs_class != NULL && iface->get_needs_class (self);
}

const char *
td_page_get_icon_name (TdPage *self)
{
  TdPageInterface *iface;

  g_return_val_if_fail (TD_IS_PAGE (self), NULL);
  iface = TD_PAGE_GET_IFACE (self);
  return iface->get_icon_name != NULL ? iface->get_icon_name (self) : "view-paged-symbolic";
}

GtkWidget *
td_page_get_header_widget (TdPage *self)
{
  TdPageInterface *iface;

  g_return_val_if_fail (TD_IS_PAGE (self), NULL);
  iface = TD_PAGE_GET_IFACE (self);
  return iface->get_header_widget != NULL ? iface->get_header_widget (self) : NULL;
}

gboolean
td_page_has_unsaved_changes (TdPage *self)
{
  TdPageInterface *iface;

  g_return_val_if_fail (TD_IS_PAGE (self), FALSE);
  iface = TD_PAGE_GET_IFACE (self);
  return iface->has_unsaved_changes != NULL && iface->has_unsaved_changes (self);
}

gboolean
td_page_save (TdPage *self, GError **error)
{
  TdPageInterface *iface;

  g_return_val_if_fail (TD_IS_PAGE (self), FALSE);
  iface = TD_PAGE_GET_IFACE (self);
  return iface->save != NULL ? iface->save (self, error) : TRUE;
}

void
td_page_discard_changes (TdPage *self)
{
  TdPageInterface *iface;

  g_return_if_fail (TD_IS_PAGE (self));
  iface = TD_PAGE_GET_IFACE (self);
  if (iface->discard_changes != NULL)
    iface->discard_changes (self);
}

void
td_page_start_search (TdPage *self)
{
  TdPageInterface *iface;

  g_return_if_fail (TD_IS_PAGE (self));
  iface = TD_PAGE_GET_IFACE (self);
  if (iface->start_search != NULL)
    iface->start_search (self);
}

void
td_page_request_class (TdPage *self, gint64 class_id)
{
  g_return_if_fail (TD_IS_PAGE (self));
  g_signal_emit_by_name (self, "request-class", class_id);
}

void
td_page_toast (TdPage *self, const char *message)
{
  g_return_if_fail (TD_IS_PAGE (self));
  g_signal_emit_by_name (self, "toast", message);
}

#define STORE_ERROR_KEY "td-page-store-error"

void
td_page_set_store_error (TdPage *self, const GError *error)
{
  const char *message = error != NULL ? error->message : NULL;

  g_return_if_fail (TD_IS_PAGE (self));
  if (g_strcmp0 (message, td_page_get_store_error (self)) == 0)
    return;
  g_object_set_data_full (G_OBJECT (self), STORE_ERROR_KEY, g_strdup (message), g_free);
  g_signal_emit_by_name (self, "store-error", message);
}

const char *
td_page_get_store_error (TdPage *self)
{
  g_return_val_if_fail (TD_IS_PAGE (self), NULL);
  return g_object_get_data (G_OBJECT (self), STORE_ERROR_KEY);
}
