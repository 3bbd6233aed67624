/* SPDX-License-Identifier: GPL-3.0-or-later */
/* win.export: which packet of the current class to export (see td-packet-export.h). */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-dialog.h"
#include "ui/td-packet-export.h"
#include "ui/td-submissions-page.h"
#include "ui/td-ui-util.h"

/* The kinds offered, in the order of the Submissions page's drop-down. */
static const TdPacketKind export_kinds[] = {
  TD_KIND_FILING, TD_KIND_ROSTER, TD_KIND_ATTENDANCE, TD_KIND_ASSESSMENT, TD_KIND_FOLLOWUP,
  TD_KIND_CLAIM, TD_KIND_NOTICE,
};

typedef struct
{
  TdWindow *window;
  GtkWindow *dialog;
  AdwComboRow *kind_row;
} KindChooser;

TdPacketKind
td_packet_export_kind_for_page (const char *page_name)
{
  static const struct { const char *page; TdPacketKind kind; } kinds[] = {
    { "classes", TD_KIND_FILING }, { "trainees", TD_KIND_ROSTER },
    { "attendance", TD_KIND_ATTENDANCE }, { "assessment", TD_KIND_ASSESSMENT },
    { "follow-up", TD_KIND_FOLLOWUP }, { "subsidy", TD_KIND_CLAIM },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (page_name, kinds[i].page) == 0)
      return kinds[i].kind;
  return TD_KIND_FILING;
}

static TdSubmissionsPage *
submissions_page (TdWindow *window)
{
  return TD_SUBMISSIONS_PAGE (td_window_get_page (window, "submissions"));
}

static void
kind_chooser_free (KindChooser *chooser)
{
  g_object_unref (chooser->window);
  g_free (chooser);
}

static void
on_kind_chosen (KindChooser *chooser)
{
  guint i = adw_combo_row_get_selected (chooser->kind_row);
  TdWindow *window = chooser->window;

  if (i >= G_N_ELEMENTS (export_kinds))
    return;
  g_object_ref (window);
  gtk_window_destroy (chooser->dialog);   /* frees @chooser */
  td_submissions_page_choose_export (submissions_page (window), export_kinds[i]);
  g_object_unref (window);
}

static GtkWidget *
kind_chooser_content (KindChooser *chooser, const TdClass *klass, TdPacketKind kind)
{
  const char *labels[G_N_ELEMENTS (export_kinds) + 1] = { NULL };
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *about = g_strdup_printf ("%s  %s", klass->code, klass->title);
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    {
      labels[i] = td_packet_kind_label (export_kinds[i]);
      if (export_kinds[i] == kind)
        selected = i;
    }
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Packet of the class"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), about);
  chooser->kind_row = ADW_COMBO_ROW (td_dialog_combo_row (_("Packet"), "export-kind", labels,
                                                          selected));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (chooser->kind_row));
  return group;
}

static void
choose_kind (TdWindow *window, const TdClass *klass, TdPacketKind kind)
{
  KindChooser *chooser = g_new0 (KindChooser, 1);
  GtkWidget *content;

  chooser->window = g_object_ref (window);
  content = kind_chooser_content (chooser, klass, kind);
  chooser->dialog = td_dialog_new (GTK_WIDGET (window), _("Export Packet"),
                                   "td-export-kind-dialog", _("_Next"), content,
                                   G_CALLBACK (on_kind_chosen), chooser,
                                   (GDestroyNotify) kind_chooser_free);
  gtk_window_set_default_size (chooser->dialog, 460, 260);
  gtk_window_present (chooser->dialog);
}

void
td_packet_export_activate (GSimpleAction *action, GVariant *param, gpointer data)
{
  TdWindow *window = TD_WINDOW (data);
  const char *page = td_window_get_visible_page_name (window);
  TdStore *store = td_window_get_store (window);
  gint64 class_id = td_window_get_class_id (window);
  g_autoptr (TdClass) klass = NULL;
  gboolean failed = FALSE;

  if (g_strcmp0 (page, "submissions") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (submissions_page (window)), "submissions.export",
                                  NULL);
      return;
    }
  klass = td_ui_read_class (GTK_WIDGET (window), store, class_id, &failed);
  if (klass == NULL)
    {
      if (!failed)
        td_window_toast (window, _("Choose a class first"));
      return;
    }
  choose_kind (window, klass, td_packet_export_kind_for_page (page));
}
