/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's actions (win.new-class, win.save, win.search, win.print, win.export,
 * win.import-roster, win.export-table, win.roster-template, win.show-page).  Those that act
 * on a database are enabled by a binding to the window's "ready" property (a usable
 * database shown, with a page): no list of names to switch by hand. */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-class-page.h"
#include "ui/td-import-dialog.h"
#include "ui/td-packet-export.h"
#include "ui/td-print-dialog.h"
#include "ui/td-table-export-dialog.h"
#include "ui/td-ui-util.h"
#include "ui/td-window.h"

static void
new_class_now (TdWindow *self, gint64 unused)
{
  td_window_show_page (self, "classes");
  td_class_page_new_class (TD_CLASS_PAGE (td_window_get_page (self, "classes")));
}

static void
action_new_class (GSimpleAction *action, GVariant *param, gpointer data)
{
  td_window_when_saved (TD_WINDOW (data), new_class_now, 0);
}

static void
action_save (GSimpleAction *action, GVariant *param, gpointer data)
{
  TdWindow *self = TD_WINDOW (data);
  TdPage *page = td_window_get_visible_page (self);
  g_autoptr (GError) error = NULL;

  if (page != NULL && !td_page_save (page, &error))
    td_ui_show_error (GTK_WIDGET (self), _("The changes could not be saved"), error);
}

static void
action_search (GSimpleAction *action, GVariant *param, gpointer data)
{
  TdPage *page = td_window_get_visible_page (TD_WINDOW (data));

  if (page != NULL)
    td_page_start_search (page);
}

static void
action_show_page (GSimpleAction *action, GVariant *param, gpointer data)
{
  td_window_show_page (TD_WINDOW (data), g_variant_get_string (param, NULL));
}

/* The actions on a database: enabled while the window is "ready". */
static const GActionEntry ready_actions[] = {
  { "new-class", action_new_class },
  { "save", action_save },
  { "search", action_search },
  { "print", td_print_action_activate },
  { "export", td_packet_export_activate },
  { "import-roster", td_import_dialog_activate },
};

/* Always enabled: they say themselves when there is nothing to act on. */
static const GActionEntry other_actions[] = {
  { "export-table", td_table_export_activate, "s" },
  { "roster-template", td_roster_template_activate },
  { "show-page", action_show_page, "s" },
};

void
td_window_add_actions (TdWindow *self)
{
  g_return_if_fail (TD_IS_WINDOW (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), ready_actions,
                                   G_N_ELEMENTS (ready_actions), self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), other_actions,
                                   G_N_ELEMENTS (other_actions), self);
  g_signal_connect (self, "notify::ready", G_CALLBACK (td_window_update_write_actions), NULL);
  td_window_update_write_actions (self);
}

void
td_window_update_write_actions (TdWindow *self)
{
  gboolean ready = td_window_get_ready (self);

  for (guint i = 0; i < G_N_ELEMENTS (ready_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), ready_actions[i].name);
      /* searching and printing only read */
      gboolean reads = g_str_equal (ready_actions[i].name, "search")
                       || g_str_equal (ready_actions[i].name, "print");

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                                   ready && (reads || !td_window_get_read_only (self)));
    }
}
