/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdPage: the base class of the main window's pages.
 *
 * It owns what every page had written out again: the store it shows (property "store"),
 * the class the window's chooser shows ("class-id", 0 for none) and following the store
 * (a burst of ::changed reloads the page once, from an idle; "busy" is TRUE while such a
 * reload is queued or running).  Setting "store" or "class-id" reloads the page at once
 * (setting "store" sets "class-id" back to 0 first).  A page only says how it reloads
 * (TdPageClass.reload).
 *
 * What a page is, it says in its template: "title", "icon-name", "needs-class" (the
 * window's class chooser shows), "printable" (it has a printed form: the header's Print
 * button shows) and "header-widget" (the buttons for the header bar's end).
 *
 * A page asks the window to show a class with td_page_request_class() (signal
 * ::request-class) and a toast with td_page_toast() (signal ::toast); a store it cannot
 * read it reports with td_page_set_store_error() (property "store-error"). */
#pragma once

#include <adwaita.h>

#include "core/td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_PAGE (td_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (TdPage, td_page, TD, PAGE, AdwBin)

struct _TdPageClass
{
  AdwBinClass parent_class;

  /* Shows what the store holds (for "class-id"); called when "store" or "class-id" is set,
   * by td_page_reload() and after a burst of store changes.  Default: nothing. */
  void (*reload) (TdPage *self);
  /* One ::changed of the store.  Default: a reload queued (once for the burst). */
  void (*store_changed) (TdPage *self, const char *table, gint64 row);
  gboolean (*has_unsaved_changes) (TdPage *self);         /* default FALSE */
  gboolean (*save) (TdPage *self, GError **error);        /* default TRUE (nothing to save) */
  void (*discard_changes) (TdPage *self);                 /* default nothing */
  void (*start_search) (TdPage *self);                    /* default nothing */

  gpointer padding[8];
};

TdStore *td_page_get_store (TdPage *self);
/* Follows @store (NULL to let go), sets "class-id" to 0 and reloads. */
void td_page_set_store (TdPage *self, TdStore *store);
gint64 td_page_get_class_id (TdPage *self);
/* Shows @class_id (0 for none) and reloads, also when it is the class shown already. */
void td_page_set_class_id (TdPage *self, gint64 class_id);
/* Reloads now (a queued reload is dropped). */
void td_page_reload (TdPage *self);
/* TRUE while a reload is queued or running, or while the page says it works
 * (td_page_set_busy). */
gboolean td_page_get_busy (TdPage *self);
void td_page_set_busy (TdPage *self, gboolean busy);

const char *td_page_get_title (TdPage *self);
gboolean td_page_get_needs_class (TdPage *self);
gboolean td_page_get_printable (TdPage *self);
const char *td_page_get_icon_name (TdPage *self);
GtkWidget *td_page_get_header_widget (TdPage *self);

gboolean td_page_has_unsaved_changes (TdPage *self);
gboolean td_page_save (TdPage *self, GError **error);
void td_page_discard_changes (TdPage *self);
void td_page_start_search (TdPage *self);

/* For pages: ask the window to choose @class_id in its class chooser. */
void td_page_request_class (TdPage *self, gint64 class_id);
/* For pages: a short message ("Saved") in the window's toast overlay. */
void td_page_toast (TdPage *self, const char *message);
/* For pages: the store could not be read, so what the page would list is unknown.  The
 * window shows @error's message in place of the page (never an empty list) until the page
 * reloads successfully and calls this with NULL.  Property "store-error". */
void td_page_set_store_error (TdPage *self, const GError *error);
/* The message of the last store error, or NULL when the page shows its data. */
const char *td_page_get_store_error (TdPage *self);

G_END_DECLS
