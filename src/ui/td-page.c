/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include "ui/td-page.h"

typedef struct
{
  TdStore *store;
  gulong changed_id;
  guint reload_idle;
  gint64 class_id;
  gboolean busy;                /* said by the page */
  gboolean reloading;
  char *store_error;
  char *title;
  char *icon_name;
  gboolean needs_class;
  gboolean printable;
  GtkWidget *header_widget;
} TdPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (TdPage, td_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CLASS_ID,
  PROP_BUSY,
  PROP_STORE_ERROR,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_NEEDS_CLASS,
  PROP_PRINTABLE,
  PROP_HEADER_WIDGET,
  N_PROPS
};

enum { SIGNAL_REQUEST_CLASS, SIGNAL_TOAST, N_SIGNALS };

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

#define PRIV(self) ((TdPagePrivate *) td_page_get_instance_private (self))

/* ---- busy ------------------------------------------------------------------------- */

gboolean
td_page_get_busy (TdPage *self)
{
  TdPagePrivate *priv;

  g_return_val_if_fail (TD_IS_PAGE (self), FALSE);
  priv = PRIV (self);
  return priv->busy || priv->reloading || priv->reload_idle != 0;
}

/* Runs @change and notifies "busy" when it changed what td_page_get_busy() says. */
#define CHANGING_BUSY(self, change)                                           \
  G_STMT_START {                                                              \
    gboolean was_busy_ = td_page_get_busy (self);                             \
    change;                                                                   \
    if (was_busy_ != td_page_get_busy (self))                                 \
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]);           \
  } G_STMT_END

void
td_page_set_busy (TdPage *self, gboolean busy)
{
  g_return_if_fail (TD_IS_PAGE (self));
  CHANGING_BUSY (self, PRIV (self)->busy = busy);
}

/* ---- reload ----------------------------------------------------------------------- */

void
td_page_reload (TdPage *self)
{
  TdPagePrivate *priv;

  g_return_if_fail (TD_IS_PAGE (self));
  priv = PRIV (self);
  g_object_ref (self);
  CHANGING_BUSY (self, {
    g_clear_handle_id (&priv->reload_idle, g_source_remove);
    priv->reloading = TRUE;
  });
  if (TD_PAGE_GET_CLASS (self)->reload != NULL)
    TD_PAGE_GET_CLASS (self)->reload (self);
  CHANGING_BUSY (self, priv->reloading = FALSE);
  g_object_unref (self);
}

static gboolean
reload_idle (gpointer data)
{
  TdPage *self = data;

  PRIV (self)->reload_idle = 0;   /* td_page_reload () notifies "busy" when it ends */
  PRIV (self)->reloading = TRUE;
  td_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
td_page_real_store_changed (TdPage *self, const char *table, gint64 row)
{
  TdPagePrivate *priv = PRIV (self);

  if (priv->reload_idle == 0)
    CHANGING_BUSY (self, priv->reload_idle = g_idle_add (reload_idle, self));
}

static void
on_store_changed (TdStore *store, const char *table, gint64 row, TdPage *self)
{
  TD_PAGE_GET_CLASS (self)->store_changed (self, table, row);
}

/* ---- store and class -------------------------------------------------------------- */

static void
let_go_of_store (TdPage *self)
{
  TdPagePrivate *priv = PRIV (self);

  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  CHANGING_BUSY (self, g_clear_handle_id (&priv->reload_idle, g_source_remove));
  g_clear_object (&priv->store);
}

TdStore *
td_page_get_store (TdPage *self)
{
  g_return_val_if_fail (TD_IS_PAGE (self), NULL);
  return PRIV (self)->store;
}

void
td_page_set_store (TdPage *self, TdStore *store)
{
  TdPagePrivate *priv;

  g_return_if_fail (TD_IS_PAGE (self));
  g_return_if_fail (store == NULL || TD_IS_STORE (store));
  priv = PRIV (self);
  g_object_freeze_notify (G_OBJECT (self));
  if (store != priv->store)
    {
      let_go_of_store (self);
      if (store != NULL)
        {
          priv->store = g_object_ref (store);
          priv->changed_id = g_signal_connect (store, "changed",
                                               G_CALLBACK (on_store_changed), self);
        }
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STORE]);
    }
  if (priv->class_id != 0)
    {
      priv->class_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CLASS_ID]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  td_page_reload (self);
}

gint64
td_page_get_class_id (TdPage *self)
{
  g_return_val_if_fail (TD_IS_PAGE (self), 0);
  return PRIV (self)->class_id;
}

void
td_page_set_class_id (TdPage *self, gint64 class_id)
{
  TdPagePrivate *priv;

  g_return_if_fail (TD_IS_PAGE (self));
  priv = PRIV (self);
  if (priv->class_id != class_id)
    {
      priv->class_id = class_id;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CLASS_ID]);
    }
  td_page_reload (self);
}

/* ---- what the page is --------------------------------------------------------------- */

const char *
td_page_get_title (TdPage *self)
{
  g_return_val_if_fail (TD_IS_PAGE (self), NULL);
  return PRIV (self)->title != NULL ? PRIV (self)->title : "";
}

gboolean
td_page_get_needs_class (TdPage *self)
{
  g_return_val_if_fail (TD_IS_PAGE (self), FALSE);
  return PRIV (self)->needs_class;
}

gboolean
td_page_get_printable (TdPage *self)
{
  g_return_val_if_fail (TD_IS_PAGE (self), FALSE);
  return PRIV (self)->printable;
}

const char *
td_page_get_icon_name (TdPage *self)
{
  g_return_val_if_fail (TD_IS_PAGE (self), NULL);
  return PRIV (self)->icon_name != NULL ? PRIV (self)->icon_name : "view-paged-symbolic";
}

GtkWidget *
td_page_get_header_widget (TdPage *self)
{
  g_return_val_if_fail (TD_IS_PAGE (self), NULL);
  return PRIV (self)->header_widget;
}

/* ---- unsaved changes, search ---------------------------------------------------------- */

gboolean
td_page_has_unsaved_changes (TdPage *self)
{
  TdPageClass *klass;

  g_return_val_if_fail (TD_IS_PAGE (self), FALSE);
  klass = TD_PAGE_GET_CLASS (self);
  return klass->has_unsaved_changes != NULL && klass->has_unsaved_changes (self);
}

gboolean
td_page_save (TdPage *self, GError **error)
{
  TdPageClass *klass;

  g_return_val_if_fail (TD_IS_PAGE (self), FALSE);
  klass = TD_PAGE_GET_CLASS (self);
  return klass->save != NULL ? klass->save (self, error) : TRUE;
}

void
td_page_discard_changes (TdPage *self)
{
  TdPageClass *klass;

  g_return_if_fail (TD_IS_PAGE (self));
  klass = TD_PAGE_GET_CLASS (self);
  if (klass->discard_changes != NULL)
    klass->discard_changes (self);
}

void
td_page_start_search (TdPage *self)
{
  TdPageClass *klass;

  g_return_if_fail (TD_IS_PAGE (self));
  klass = TD_PAGE_GET_CLASS (self);
  if (klass->start_search != NULL)
    klass->start_search (self);
}

/* ---- to the window ------------------------------------------------------------------ */

void
td_page_request_class (TdPage *self, gint64 class_id)
{
  g_return_if_fail (TD_IS_PAGE (self));
  g_signal_emit (self, signals[SIGNAL_REQUEST_CLASS], 0, class_id);
}

void
td_page_toast (TdPage *self, const char *message)
{
  g_return_if_fail (TD_IS_PAGE (self));
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
}

void
td_page_set_store_error (TdPage *self, const GError *error)
{
  const char *message = error != NULL ? error->message : NULL;
  TdPagePrivate *priv;

  g_return_if_fail (TD_IS_PAGE (self));
  priv = PRIV (self);
  if (g_strcmp0 (message, priv->store_error) == 0)
    return;
  g_free (priv->store_error);
  priv->store_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STORE_ERROR]);
}

const char *
td_page_get_store_error (TdPage *self)
{
  g_return_val_if_fail (TD_IS_PAGE (self), NULL);
  return PRIV (self)->store_error;
}

/* ---- type ------------------------------------------------------------------------- */

static void
td_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdPage *self = TD_PAGE (object);
  TdPagePrivate *priv = PRIV (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_CLASS_ID:
      g_value_set_int64 (value, priv->class_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, td_page_get_busy (self));
      break;
    case PROP_STORE_ERROR:
      g_value_set_string (value, priv->store_error);
      break;
    case PROP_TITLE:
      g_value_set_string (value, td_page_get_title (self));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, td_page_get_icon_name (self));
      break;
    case PROP_NEEDS_CLASS:
      g_value_set_boolean (value, priv->needs_class);
      break;
    case PROP_PRINTABLE:
      g_value_set_boolean (value, priv->printable);
      break;
    case PROP_HEADER_WIDGET:
      g_value_set_object (value, priv->header_widget);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TdPage *self = TD_PAGE (object);
  TdPagePrivate *priv = PRIV (self);

  switch (prop_id)
    {
    case PROP_STORE:
      td_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_CLASS_ID:
      td_page_set_class_id (self, g_value_get_int64 (value));
      break;
    case PROP_BUSY:
      td_page_set_busy (self, g_value_get_boolean (value));
      break;
    case PROP_TITLE:
      g_free (priv->title);
      priv->title = g_value_dup_string (value);
      break;
    case PROP_ICON_NAME:
      g_free (priv->icon_name);
      priv->icon_name = g_value_dup_string (value);
      break;
    case PROP_NEEDS_CLASS:
      priv->needs_class = g_value_get_boolean (value);
      break;
    case PROP_PRINTABLE:
      priv->printable = g_value_get_boolean (value);
      break;
    case PROP_HEADER_WIDGET:
      g_set_object (&priv->header_widget, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_page_dispose (GObject *object)
{
  TdPage *self = TD_PAGE (object);
  TdPagePrivate *priv = PRIV (self);

  let_go_of_store (self);
  g_clear_object (&priv->header_widget);
  G_OBJECT_CLASS (td_page_parent_class)->dispose (object);
}

static void
td_page_finalize (GObject *object)
{
  TdPagePrivate *priv = PRIV (TD_PAGE (object));

  g_free (priv->store_error);
  g_free (priv->title);
  g_free (priv->icon_name);
  G_OBJECT_CLASS (td_page_parent_class)->finalize (object);
}

static void
td_page_class_init (TdPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  /* what the page is: set once, by its template */
  const GParamFlags about = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = td_page_get_property;
  object_class->set_property = td_page_set_property;
  object_class->dispose = td_page_dispose;
  object_class->finalize = td_page_finalize;
  klass->store_changed = td_page_real_store_changed;

  props[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TD_TYPE_STORE, rw);
  props[PROP_CLASS_ID] = g_param_spec_int64 ("class-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  props[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, rw);
  props[PROP_STORE_ERROR] = g_param_spec_string ("store-error", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, about);
  props[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, about);
  props[PROP_NEEDS_CLASS] = g_param_spec_boolean ("needs-class", NULL, NULL, FALSE, about);
  props[PROP_PRINTABLE] = g_param_spec_boolean ("printable", NULL, NULL, FALSE, about);
  props[PROP_HEADER_WIDGET] = g_param_spec_object ("header-widget", NULL, NULL,
                                                   GTK_TYPE_WIDGET, about);
  g_object_class_install_properties (object_class, N_PROPS, props);

  signals[SIGNAL_REQUEST_CLASS] = g_signal_new ("request-class", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
td_page_init (TdPage *self)
{
}
