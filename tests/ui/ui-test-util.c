/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers every display test shares (see ui-test-util.h). */

#include "config.h"

#include "ui-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "core/td-i18n.h"
#include "packet/td-catalog-import.h"
#include "packet/td-demo.h"
#include "ui/td-application.h"
#include "ui/td-ui-util.h"
#include "../td-test-private.h"

static gboolean have_display;
static guint spin_passes = 1;
static gulong spin_usec;

static TdApplication *test_app;

gboolean
td_test_init (int *argc, char ***argv, const char *today, const char *now)
{
  g_setenv ("TD_TODAY", today, TRUE);
  if (now != NULL)
    g_setenv ("TD_NOW", now, TRUE);
  setlocale (LC_ALL, "");
  td_i18n_init ((*argv)[0]);
  td_test_platform_init_text ((void *(*) (void)) pango_cairo_font_map_get_default);
  td_test_platform_init_display ();
  g_test_init (argc, argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    {
      /* the app's stylesheet, as AdwApplication loads it when the app starts */
      g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

      adw_init ();
      td_i18n_bind_library ("libadwaita");
      gtk_css_provider_load_from_resource (css, "/io/github/traindesk/TrainDesk/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  /* the process's TdApplication, as in the app: its settings are the ones the window, the
   * pages and the print dialogs use (kept until the test program exits) */
  if (g_application_get_default () == NULL)
    test_app = td_application_new ();
  return have_display;
}

gboolean
td_test_have_display (void)
{
  return have_display;
}

/* ---- the main loop ---------------------------------------------------------------- */

void
td_test_set_spin (guint passes, gulong usec)
{
  spin_passes = MAX (passes, 1);
  spin_usec = usec;
}

static void
run_pending (void)
{
  for (int i = 0; i < 200 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

void
td_test_spin (void)
{
  for (guint k = 0; k < spin_passes; k++)
    {
      run_pending ();
      if (spin_usec > 0)
        g_usleep (spin_usec);
    }
}

void
td_test_settle (guint rounds, gulong usec)
{
  for (guint i = 0; i < rounds; i++)
    {
      td_test_spin ();
      g_usleep (usec);
    }
}

/* ---- widgets ---------------------------------------------------------------------- */

static GtkWidget *
find_mapped (GtkWidget *root, const char *name)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
td_test_find (gpointer root, const char *name)
{
  GtkWidget *widget = find_mapped (GTK_WIDGET (root), name);

  if (widget == NULL)
    widget = td_ui_find_named (GTK_WIDGET (root), name);
  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

void
td_test_press (gpointer root, const char *name)
{
  g_signal_emit_by_name (td_test_find (root, name), "clicked");
  td_test_spin ();
}

void
td_test_type_text (gpointer root, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (td_test_find (root, name)), text);
  td_test_spin ();
}

void
td_test_activate (gpointer group, const char *action, GVariant *param)
{
  g_action_group_activate_action (G_ACTION_GROUP (group), action, param);
  td_test_spin ();
}

GtkWindow *
td_test_toplevel (const char *name)
{
  GListModel *tops = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (tops, i);

      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (w)), name) == 0
          && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

/* ---- screenshots ------------------------------------------------------------------ */

void
td_test_save_png (GtkWidget *widget, const char *path)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  gtk_widget_queue_draw (widget);
  /* a drawn frame: the paintable shows what was last rendered */
  for (int i = 0; i < 200 && (i < 30 || width == 0 || !gtk_widget_get_mapped (widget)); i++)
    {
      run_pending ();
      g_usleep (10000);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
    }
  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s (%d×%d)", path, width, height);
}

static const char *
build_root (void)
{
  return g_getenv ("TD_BUILD_ROOT") != NULL ? g_getenv ("TD_BUILD_ROOT") : ".";
}

void
td_test_write_shot (GtkWidget *widget, const char *name)
{
  const char *lang = g_getenv ("LANGUAGE");
  g_autofree char *dir = g_build_filename (build_root (), "ui-shots", NULL);
  g_autofree char *path = NULL;

  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s-%s.png", dir, name, lang != NULL ? lang : "C");
  td_test_save_png (widget, path);
}

char *
td_test_shots_dir (void)
{
  const char *lang = g_getenv ("LANGUAGE");
  char *dir = g_build_filename (build_root (), "tests", "ui", "shots",
                                lang != NULL ? lang : "default", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return dir;
}

/* ---- the window's pages and dialogs ------------------------------------------------- */

gint64
td_test_class_id (TdStore *store, const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) k = td_store_get_class_by_code (store, code, &error);

  g_assert_no_error (error);
  return k->id;
}

GtkWidget *
td_test_show_page (TdWindow *window, TdStore *store, const char *page, const char *code)
{
  if (code != NULL)
    td_window_select_class (window, td_test_class_id (store, code));
  td_window_show_page (window, page);
  td_test_settle (3, 10000);
  g_assert_cmpstr (td_window_get_visible_page_name (window), ==, page);
  return GTK_WIDGET (td_window_get_page (window, page));
}

char *
td_test_take_message (void)
{
  GtkWindow *dialog = td_test_toplevel ("td-error-dialog");
  char *body;

  g_assert_nonnull (dialog);
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  gtk_window_destroy (dialog);
  td_test_spin ();
  return body;
}

/* ---- file choosers ---------------------------------------------------------------- */

GtkWindow *
td_test_file_chooser (void)
{
  GListModel *tops = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (tops, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

gboolean
td_test_file_chooser_answerable (void)
{
  if (!td_test_on_windows ())
    return TRUE;
  g_test_skip ("on Windows GtkFileChooserNative shows the Windows file dialog (IFileDialog, "
               "in a thread of its own), which a GTK test cannot answer: the steps through "
               "the file chooser are left out");
  return FALSE;
}

char *
td_test_answer_file_chooser (const char *path)
{
  GtkWindow *chooser = td_test_file_chooser ();
  char *suggested;

  g_assert_nonnull (chooser);
  /* transfer full; an Open chooser suggests no name */
  suggested = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN
              ? NULL : gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  if (path != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (GFile) dir = g_file_get_parent (file);
      g_autofree char *base = g_path_get_basename (path);

      g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), base);
      td_test_spin ();
    }
  g_signal_emit_by_name (gtk_dialog_get_widget_for_response (
                           GTK_DIALOG (chooser), path != NULL ? GTK_RESPONSE_ACCEPT
                                                              : GTK_RESPONSE_CANCEL),
                         "clicked");
  for (int i = 0; i < 100 && td_test_file_chooser () == chooser; i++)
    td_test_spin ();
  g_assert_true (td_test_file_chooser () != chooser);
  return suggested;
}

/* ---- the database ----------------------------------------------------------------- */

TdStore *
td_test_store_new (const char *dir, const char *file, gboolean demo)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr (TdStore) store = td_store_open (path, TD_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (td_catalog_import_default (store, &error));
  g_assert_no_error (error);
  if (demo)
    {
      g_assert_true (td_demo_fill (store, &error));
      g_assert_no_error (error);
    }
  return g_steal_pointer (&store);
}

/* ---- the demo in a window ---------------------------------------------------------- */

TdWindow *
td_test_demo_window_new (char **dir, TdStore **store)
{
  TdWindow *window;

  *dir = td_test_make_dir ("td-ui-demo-XXXXXX");
  *store = td_test_store_new (*dir, "td.db", TRUE);
  window = td_window_new (NULL, *store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  td_test_settle (5, 10000);
  return window;
}

/* Every window destroyed (dialogs left open by a failed assertion too), @store closed
 * and @dir removed unless the test failed. */
static void
close_windows_and_store (char *dir, TdStore *store)
{
  GListModel *tops = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (tops); i > 0; i--)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (tops, i - 1);
      gtk_window_destroy (w);
    }
  td_test_spin ();
  g_clear_object (&store);
  /* the folder is kept for inspection when the test failed */
  if (!g_test_failed ())
    td_test_remove_tree (dir);
  g_free (dir);
}

void
td_test_demo_window_free (TdWindow *window, char *dir, TdStore *store)
{
  g_return_if_fail (TD_IS_WINDOW (window));
  close_windows_and_store (dir, store);
}

GtkSingleSelection *
td_test_view_selection (GtkWidget *page, const char *name)
{
  GtkWidget *view = td_ui_find_named (page, name);

  g_assert_nonnull (view);
  return GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
}

void
td_test_demo_set_up (TdTestDemo *f, gconstpointer data)
{
  if (td_test_have_display ())
    f->window = td_test_demo_window_new (&f->dir, &f->store);
}

void
td_test_demo_tear_down (TdTestDemo *f, gconstpointer data)
{
  if (td_test_have_display ())
    td_test_demo_window_free (f->window, f->dir, f->store);
}

GtkWindow *
td_test_page_window_new (char **dir, TdStore **store)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  *dir = td_test_make_dir ("td-ui-page-XXXXXX");
  *store = td_test_store_new (*dir, "td.db", TRUE);
  gtk_window_set_default_size (window, 1146, 700);
  return window;
}

void
td_test_page_window_free (GtkWindow *window, char *dir, TdStore *store)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  close_windows_and_store (dir, store);
}

GtkWidget *
td_test_page_window_show (GtkWindow *window, GType type, TdStore *store, gint64 class_id)
{
  GtkWidget *page = g_object_new (type, NULL);

  gtk_window_set_child (window, page);
  if (store != NULL)
    td_page_set_store (TD_PAGE (page), store);
  if (class_id != 0 && td_page_get_needs_class (TD_PAGE (page)))
    td_page_set_class_id (TD_PAGE (page), class_id);
  gtk_window_present (window);
  td_test_spin ();
  return page;
}
