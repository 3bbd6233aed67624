/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <string.h>

#include "ui/td-store-watch.h"

void
td_store_watch_init (TdStoreWatch *watch, GtkWidget *page, TdStoreWatchReload reload)
{
  memset (watch, 0, sizeof *watch);
  watch->page = page;
  watch->reload = reload;
}

static gboolean
reload_idle (gpointer data)
{
  TdStoreWatch *watch = data;

  watch->idle = 0;
  watch->reload (watch->page);
  return G_SOURCE_REMOVE;
}

static void
on_changed (TdStore *store, const char *table, gint64 row, gpointer data)
{
  TdStoreWatch *watch = data;

  if (watch->idle == 0)
    watch->idle = g_idle_add (reload_idle, watch);
}

void
td_store_watch_clear (TdStoreWatch *watch)
{
  if (watch->store != NULL)
    g_clear_signal_handler (&watch->handler, watch->store);
  g_clear_handle_id (&watch->idle, g_source_remove);
  g_clear_object (&watch->store);
}

void
td_store_watch_set (TdStoreWatch *watch, TdStore *store)
{
  td_store_watch_clear (watch);
  if (store != NULL)
    {
      watch->store = g_object_ref (store);
      watch->handler = g_signal_connect (store, "changed", G_CALLBACK (on_changed), watch);
    }
  watch->reload (watch->page);
}
