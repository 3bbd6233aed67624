/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdPage: what the main window asks of each page of its sidebar.
 *
 * A page gets the store once (set_store, possibly NULL on close) and, when it is about one
 * class (get_needs_class), the class the window's chooser shows (set_class, 0 for none).
 * Optional: a widget for the header bar's end (get_header_widget), and the window's
 * Ctrl+S / Ctrl+F / unsaved-changes hooks.  A page asks the window to show a class with
 * td_page_request_class() (signal ::request-class) and to show a toast with
 * td_page_toast() (signal ::toast). */
#pragma once

#include <gtk/gtk.h>

#include "core/td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_PAGE (td_page_get_type ())
G_DECLARE_INTERFACE (TdPage, td_page, TD, PAGE, GtkWidget)

struct _TdPageInterface
{
  GTypeInterface parent_iface;

  /* required */
  void (*set_store) (TdPage *self, TdStore *store);
  const char *(*get_title) (TdPage *self);
  /* optional */
  void (*set_class) (TdPage *self, gint64 class_id);
  gboolean (*get_needs_class) (TdPage *self);             /* default FALSE */
  const char *(*get_icon_name) (TdPage *self);            /* default a generic icon */
  GtkWidget *(*get_header_widget) (TdPage *self);         /* default NULL; owned by the page */
  gboolean (*has_unsaved_changes) (TdPage *self);         /* default FALSE */
  gboolean (*save) (TdPage *self, GError **error);        /* default TRUE (nothing to save) */
  void (*discard_changes) (TdPage *self);                 /* default nothing */
  void (*start_search) (TdPage *self);                    /* default nothing */
};

void td_page_set_store (TdPage *self, TdStore *store);
void td_page_set_class (TdPage *self, gint64 class_id);
const char *td_page_get_title (TdPage *self);
gboolean td_page_get_needs_class (TdPage *self);
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
 * reloads successfully and calls this with NULL.  Signal ::store-error (message or NULL). */
void td_page_set_store_error (TdPage *self, const GError *error);
/* The message of the last store error, or NULL when the page shows its data. */
const char *td_page_get_store_error (TdPage *self);

G_END_DECLS
