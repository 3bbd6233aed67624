/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdStoreWatch: what a page keeps to follow the store: the store, its ::changed handler
 * and an idle reload, so that a burst of changes (a whole-lesson fill) reloads once. */
#pragma once

#include <gtk/gtk.h>

#include "core/td-store.h"

G_BEGIN_DECLS

typedef void (*TdStoreWatchReload) (GtkWidget *page);

typedef struct
{
  TdStore *store;
  gulong handler;
  guint idle;
  GtkWidget *page;
  TdStoreWatchReload reload;
} TdStoreWatch;

void td_store_watch_init (TdStoreWatch *watch, GtkWidget *page, TdStoreWatchReload reload);
/* Follows @store (NULL to stop) and reloads the page now. */
void td_store_watch_set (TdStoreWatch *watch, TdStore *store);
void td_store_watch_clear (TdStoreWatch *watch);

G_END_DECLS
