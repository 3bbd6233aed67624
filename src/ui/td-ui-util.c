/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-date.h"
#include "ui/td-ui-util.h"

const GError *
td_ui_store_read_error (const GError *error)
{
  if (error == NULL || error->domain != TD_STORE_ERROR)
    return NULL;
  switch ((TdStoreError) error->code)
    {
    case TD_STORE_ERROR_CORRUPT:
    case TD_STORE_ERROR_LOCKED:
    case TD_STORE_ERROR_FULL:
    case TD_STORE_ERROR_READ_ONLY:
    case TD_STORE_ERROR_FAILED:
    case TD_STORE_ERROR_OPEN:
      return error;
    default:
      return NULL;
    }
}

const char *
td_ui_error_hint (const GError *error)
{
  if (error == NULL || error->domain != TD_STORE_ERROR)
    return NULL;
  switch ((TdStoreError) error->code)
    {
    case TD_STORE_ERROR_OPEN:
      return _("Check that the folder exists and that you may write to it, or choose another "
               "file with “traindesk --db FILE”.");
    case TD_STORE_ERROR_NOT_TRAINDESK:
      return _("This file was not made by TrainDesk. Open your TrainDesk database instead, or "
               "start TrainDesk with “--db” and a new file name to begin a new one.");
    case TD_STORE_ERROR_CORRUPT:
      return _("The file is damaged. Restore the latest backup (in the “backups” folder next to "
               "the database) and open that copy.");
    case TD_STORE_ERROR_TOO_NEW:
      return _("It was written by a newer version of TrainDesk. Install that version to open "
               "it; this one will not change the file.");
    case TD_STORE_ERROR_LOCKED:
      return _("Another TrainDesk (or another program) is writing to the database. Close it "
               "and try again; what you typed is still in the form.");
    case TD_STORE_ERROR_READ_ONLY:
      return _("The database file or its folder is read-only. Copy it to a folder you may "
               "write to, or ask your administrator for write access.");
    case TD_STORE_ERROR_FULL:
      return _("The disk is full. Free some space (or move old backups away) and save again; "
               "what you typed is still in the form.");
    case TD_STORE_ERROR_NOT_FOUND:
      return _("It may have been removed in another window. Reload the page.");
    case TD_STORE_ERROR_CONSTRAINT:
      return _("Correct the entry named in the message and save again.");
    case TD_STORE_ERROR_LOCKED_RECORD:
      return _("This record was already sent to the bureau. Send a correction instead of "
               "changing it.");
    case TD_STORE_ERROR_CONFLICT:
      return _("Reload the page to see what the other desk changed, then make your changes "
               "again.");
    case TD_STORE_ERROR_FAILED:
    default:
      return NULL;
    }
}

static void
show_dialog (GtkWidget *parent, const char *heading, const char *body)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_widget_set_name (dialog, "td-error-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
td_ui_show_error (GtkWidget *parent, const char *heading, const GError *error)
{
  const char *hint = td_ui_error_hint (error);
  g_autofree char *body = NULL;

  if (hint != NULL)
    body = g_strdup_printf ("%s\n\n%s", error->message, hint);
  else
    body = g_strdup (error != NULL ? error->message : "");
  show_dialog (parent, heading, body);
}

void
td_ui_show_message (GtkWidget *parent, const char *heading, const char *body)
{
  show_dialog (parent, heading, body);
}

TdClass *
td_ui_read_class (GtkWidget *parent, TdStore *store, gint64 class_id, gboolean *failed)
{
  g_autoptr (GError) error = NULL;
  TdClass *klass = store != NULL && class_id != 0
                     ? td_store_get_class (store, class_id, &error) : NULL;

  *failed = klass == NULL && error != NULL
            && !g_error_matches (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND);
  if (*failed)
    td_ui_show_error (parent, _("The class cannot be read"), error);
  return klass;
}

GtkStringList *
td_ui_code_model (TdCodeList list)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  gsize n = 0;
  const TdCode *codes = td_codes_get (list, &n);

  for (gsize i = 0; i < n; i++)
    gtk_string_list_append (model, td_code_label (list, codes[i].code));
  return model;
}

/* Rows filled by td_ui_combo_set_codes_optional () hold a first entry that is no code. */
#define NONE_FIRST "td-combo-none-first"

static guint
combo_offset (AdwComboRow *row)
{
  return g_object_get_data (G_OBJECT (row), NONE_FIRST) != NULL ? 1 : 0;
}

void
td_ui_combo_select_code (AdwComboRow *row, TdCodeList list, const char *code)
{
  gsize n = 0;
  const TdCode *codes = td_codes_get (list, &n);
  guint offset = combo_offset (row);

  for (gsize i = 0; i < n; i++)
    if (code != NULL && g_strcmp0 (codes[i].code, code) == 0)
      {
        adw_combo_row_set_selected (row, i + offset);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

void
td_ui_combo_set_codes (AdwComboRow *row, TdCodeList list, const char *code)
{
  g_autoptr (GtkStringList) model = td_ui_code_model (list);

  g_object_set_data (G_OBJECT (row), NONE_FIRST, NULL);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  td_ui_combo_select_code (row, list, code);
}

void
td_ui_combo_set_codes_optional (AdwComboRow *row, TdCodeList list, const char *none)
{
  g_autoptr (GtkStringList) model = td_ui_code_model (list);
  const char *first[] = { none, NULL };

  gtk_string_list_splice (model, 0, 0, first);
  g_object_set_data (G_OBJECT (row), NONE_FIRST, GINT_TO_POINTER (1));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, 0);
}

const char *
td_ui_combo_get_code (AdwComboRow *row, TdCodeList list)
{
  gsize n = 0;
  const TdCode *codes = td_codes_get (list, &n);
  guint selected = adw_combo_row_get_selected (row);
  guint offset = combo_offset (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset)
    return NULL;
  return selected - offset < n ? codes[selected - offset].code : NULL;
}

char *
td_ui_editable_dup_text (GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

void
td_ui_editable_set (GtkEditable *editable, const char *text)
{
  gtk_editable_set_text (editable, text != NULL ? text : "");
}

gboolean
td_ui_editable_get_date (GtkEditable *editable, char out[11])
{
  g_autofree char *text = td_ui_editable_dup_text (editable);
  TdDay day;

  out[0] = '\0';
  if (text == NULL)
    return TRUE;
  day = td_day_parse_lenient (text);
  if (day == 0)
    return FALSE;
  td_day_to_iso (day, out);
  return TRUE;
}

void
td_ui_set_error (GtkWidget *widget, gboolean error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

GtkWidget *
td_ui_find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = td_ui_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- tooltips ---------------------------------------------------------------------- */

/* The widest a tooltip gets before it wraps, in pixels at the widget's font. */
#define TOOLTIP_WIDTH 360

GtkWidget *
td_ui_tooltip_label_new (GtkWidget *widget, const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width = 0;

  /* GTK's own tooltip limits the line to as many average Latin characters as the text
   * has: a Chinese sentence, twice as wide a character, wrapped at every few
   * characters (issue 17.12).  Here the line is the text's own width up to
   * TOOLTIP_WIDTH pixels. */
  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (width > TOOLTIP_WIDTH)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 1);
      gtk_widget_set_size_request (label, TOOLTIP_WIDTH, -1);
    }
  return label;
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  gpointer data)
{
  const char *text = gtk_widget_get_tooltip_text (widget);
  GtkWidget *label;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  label = td_ui_tooltip_label_new (widget, text);
  gtk_tooltip_set_custom (tooltip, label);
  /* the label shown last, for tests */
  g_object_set_data_full (G_OBJECT (widget), "td-tooltip-label", g_object_ref (label),
                          g_object_unref);
  return TRUE;
}

void
td_ui_tooltip_attach (GtkWidget *widget)
{
  static GQuark attached;

  if (attached == 0)
    attached = g_quark_from_static_string ("td-tooltip-attached");
  if (g_object_get_qdata (G_OBJECT (widget), attached) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (widget), attached, GINT_TO_POINTER (1));
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

void
td_ui_tooltips_attach_all (GtkWidget *root)
{
  if (gtk_widget_get_has_tooltip (root) && gtk_widget_get_tooltip_text (root) != NULL)
    td_ui_tooltip_attach (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    td_ui_tooltips_attach_all (c);
}

void
td_ui_add_file_filter (GtkFileChooser *chooser, const char *name, const char *const *suffixes)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}
