/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include "ui/td-cell.h"
#include "ui/td-list-row.h"
#include "ui/td-ui-util.h"

struct _TdCell
{
  GtkWidget parent_instance;
  GtkWidget *image;
  GtkWidget *label;
  GObject *item;
  char *key;
  char *flag_key;               /* "KEY-flagged" */
  GtkListItem *list_item;       /* weak: it owns the cell */
};

G_DEFINE_FINAL_TYPE (TdCell, td_cell, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_ITEM, PROP_KEY, PROP_LIST_ITEM, PROP_ELLIPSIZE, PROP_WRAP, N_PROPS };

static GParamSpec *props[N_PROPS];

static gboolean
item_boolean (GObject *item, const char *key)
{
  gboolean value = FALSE;

  if (key != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (item), key) != NULL)
    g_object_get (item, key, &value, NULL);
  return value;
}

static char *
item_text (GObject *item, const char *key)
{
  GParamSpec *pspec = key != NULL ? g_object_class_find_property (G_OBJECT_GET_CLASS (item),
                                                                   key)
                                  : NULL;
  g_auto (GValue) value = G_VALUE_INIT;

  if (pspec == NULL)
    return g_strdup ("");
  g_value_init (&value, G_TYPE_STRING);
  g_object_get_property (item, key, &value);   /* numbers transformed to their text */
  return g_strdup (g_value_get_string (&value) != NULL ? g_value_get_string (&value) : "");
}

static void
set_style (GtkWidget *widget, const char *css_class, gboolean on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
update (TdCell *self)
{
  g_autofree char *text = NULL;
  gboolean icon;

  if (self->label == NULL)
    return;   /* disposed: the binding lets go of the row */
  text = self->item != NULL ? item_text (self->item, self->key) : g_strdup ("");
  icon = g_str_has_prefix (text, "icon:");

  gtk_widget_set_visible (self->image, icon);
  gtk_widget_set_visible (self->label, !icon);
  if (icon)
    gtk_image_set_from_icon_name (GTK_IMAGE (self->image), text + 5);
  gtk_label_set_text (GTK_LABEL (self->label), icon ? "" : text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), icon || text[0] == '\0' ? NULL : text);
  set_style (self->label, "error", self->item != NULL && item_boolean (self->item,
                                                                         self->flag_key));
  set_style (self->label, "dim-label", TD_IS_LIST_ROW (self->item)
                                       && td_list_row_get_dimmed (TD_LIST_ROW (self->item)));
}

const char *
td_cell_get_text (TdCell *self)
{
  g_return_val_if_fail (TD_IS_CELL (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->label));
}

GtkListItem *
td_cell_get_list_item (TdCell *self)
{
  g_return_val_if_fail (TD_IS_CELL (self), NULL);
  return self->list_item;
}

static void
set_ellipsize (TdCell *self, gboolean ellipsize)
{
  /* shortened, but never below a name's length */
  gtk_label_set_ellipsize (GTK_LABEL (self->label), ellipsize ? PANGO_ELLIPSIZE_END
                                                              : PANGO_ELLIPSIZE_NONE);
  gtk_label_set_width_chars (GTK_LABEL (self->label), ellipsize ? 10 : -1);
}

static void
set_wrap (TdCell *self, gboolean wrap)
{
  /* every word shown: long text takes more lines, never "…" */
  gtk_label_set_wrap (GTK_LABEL (self->label), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (self->label), wrap ? 20 : -1);
  gtk_label_set_max_width_chars (GTK_LABEL (self->label), wrap ? 60 : -1);
}

static void
td_cell_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdCell *self = TD_CELL (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_LIST_ITEM:
      g_value_set_object (value, self->list_item);
      break;
    case PROP_ELLIPSIZE:
      g_value_set_boolean (value, gtk_label_get_ellipsize (GTK_LABEL (self->label))
                                  != PANGO_ELLIPSIZE_NONE);
      break;
    case PROP_WRAP:
      g_value_set_boolean (value, gtk_label_get_wrap (GTK_LABEL (self->label)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_cell_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TdCell *self = TD_CELL (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      if (g_set_object (&self->item, g_value_get_object (value)))
        update (self);
      break;
    case PROP_KEY:
      g_free (self->key);
      g_free (self->flag_key);
      self->key = g_value_dup_string (value);
      self->flag_key = self->key != NULL ? g_strconcat (self->key, "-flagged", NULL) : NULL;
      update (self);
      break;
    case PROP_LIST_ITEM:
      self->list_item = g_value_get_object (value);
      break;
    case PROP_ELLIPSIZE:
      set_ellipsize (self, g_value_get_boolean (value));
      break;
    case PROP_WRAP:
      set_wrap (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_cell_dispose (GObject *object)
{
  TdCell *self = TD_CELL (object);

  g_clear_pointer (&self->image, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (td_cell_parent_class)->dispose (object);
}

static void
td_cell_finalize (GObject *object)
{
  TdCell *self = TD_CELL (object);

  g_free (self->key);
  g_free (self->flag_key);
  G_OBJECT_CLASS (td_cell_parent_class)->finalize (object);
}

static void
td_cell_class_init (TdCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = td_cell_get_property;
  object_class->set_property = td_cell_set_property;
  object_class->dispose = td_cell_dispose;
  object_class->finalize = td_cell_finalize;
  props[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT, flags);
  props[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  props[PROP_LIST_ITEM] = g_param_spec_object ("list-item", NULL, NULL, GTK_TYPE_LIST_ITEM,
                                               flags);
  props[PROP_ELLIPSIZE] = g_param_spec_boolean ("ellipsize", NULL, NULL, FALSE, flags);
  props[PROP_WRAP] = g_param_spec_boolean ("wrap", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "td-cell");
}

static void
td_cell_init (TdCell *self)
{
  self->image = gtk_image_new ();
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_set_parent (self->image, GTK_WIDGET (self));
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_widget_set_visible (self->image, FALSE);
  td_ui_tooltip_attach (GTK_WIDGET (self));
}
