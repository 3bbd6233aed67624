/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The print dialog of win.print (which form of the class, with which options; then Print…
 * or Export PDF…) and "Save chart as…". */
#define G_LOG_DOMAIN "td-print"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-date.h"
#include "ui/td-application.h"
#include "ui/td-print-dialog.h"
#include "ui/td-print-operation.h"
#include "ui/td-ui-util.h"

/* Charts are saved at the CLI's size: pixels for PNG, points for SVG and PDF. */
#define CHART_WIDTH 1000
#define CHART_HEIGHT 560

typedef enum
{
  SIGNIN_ONE_LESSON,
  SIGNIN_EACH_LESSON,
  SIGNIN_MULTI_DAY,
} SigninMode;

struct _TdPrintDialog
{
  GtkWindow parent_instance;
  TdStore *store;
  char *class_code;
  GtkWindow *parent;            /* weak: toasts and the print dialog go there */
  GPtrArray *lids;              /* char*, parallel to lesson_row's model */
  char *unreadable;             /* why the class cannot be read, or NULL */

  AdwWindowTitle *window_title;
  AdwComboRow *form_row;
  AdwActionRow *full_id_row;
  GtkSwitch *full_id_switch;
  AdwComboRow *signin_row;
  AdwComboRow *lesson_row;
  GtkLabel *message_label;
  GtkLabel *font_label;
  GtkButton *print_button;
  GtkButton *export_button;
};

G_DEFINE_FINAL_TYPE (TdPrintDialog, td_print_dialog, GTK_TYPE_WINDOW)

/* ---- shared helpers ---------------------------------------------------------------- */

/* Opens the save chooser in the folder last used. */
static void
chooser_set_last_folder (GtkFileChooser *chooser)
{
  GSettings *settings = td_application_get_default_settings ();
  g_autofree char *folder = settings != NULL ? g_settings_get_string (settings, "last-folder")
                                             : NULL;
  g_autoptr (GFile) file = NULL;

  if (folder == NULL || folder[0] == '\0' || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return;
  file = g_file_new_for_path (folder);
  gtk_file_chooser_set_current_folder (chooser, file, NULL);
}

static void
remember_folder (const char *path)
{
  GSettings *settings = td_application_get_default_settings ();
  g_autofree char *folder = g_path_get_dirname (path);

  if (settings != NULL)
    g_settings_set_string (settings, "last-folder", folder);
}

static void
toast_saved (GtkWindow *parent, const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *message = g_strdup_printf (_("Saved %s"), name);

  if (parent != NULL && TD_IS_WINDOW (parent))
    td_window_toast (TD_WINDOW (parent), message);
}

/* The chosen file's path, or NULL (a message shown) when it is not a local file. */
static char *
chooser_dup_path (GtkFileChooser *chooser, GtkWindow *parent)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (chooser);
  char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path == NULL)
    td_ui_show_message (parent != NULL ? GTK_WIDGET (parent) : NULL,
                        _("The file could not be saved"),
                        _("Choose a folder on this computer."));
  return path;
}

static GtkFileFilter *
filter_new (const char *name, const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

/* ---- the dialog: choices -------------------------------------------------------------- */

static TdFormKind
selected_kind (TdPrintDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->form_row);

  return selected < TD_N_FORMS ? (TdFormKind) selected : TD_FORM_FILING;
}

static SigninMode
selected_signin_mode (TdPrintDialog *self)
{
  return (SigninMode) adw_combo_row_get_selected (self->signin_row);
}

static const char *
selected_lid (TdPrintDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->lesson_row);

  return selected < self->lids->len ? g_ptr_array_index (self->lids, selected) : NULL;
}

static void
set_message (TdPrintDialog *self, const char *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), message == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), message == NULL);
}

/* Printing still works without a Chinese font, but the user learns why it shows boxes. */
static void
show_missing_font (TdPrintDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (td_font_check (&error))
    return;
  gtk_label_set_text (self->font_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->font_label), TRUE);
}

static void
on_options_changed (TdPrintDialog *self)
{
  gboolean signin = selected_kind (self) == TD_FORM_SIGNIN;
  gboolean one_lesson = signin && selected_signin_mode (self) == SIGNIN_ONE_LESSON;

  gtk_widget_set_visible (GTK_WIDGET (self->full_id_row), !signin);
  gtk_widget_set_visible (GTK_WIDGET (self->signin_row), signin);
  gtk_widget_set_visible (GTK_WIDGET (self->lesson_row), one_lesson && self->lids->len > 0);
  if (self->unreadable != NULL)
    set_message (self, self->unreadable);
  else if (signin && self->lids->len == 0)
    set_message (self, _("This class has no lessons yet: add them to its timetable first."));
  else
    set_message (self, NULL);
}

static char *
lesson_label (const TdLesson *lesson)
{
  return g_strdup_printf ("%s %.5s–%.5s  %s", lesson->date, lesson->start, lesson->end,
                          lesson->content != NULL && lesson->content[0] != '\0'
                            ? lesson->content : lesson->lid);
}

/* Fills the lesson row; the first lesson from today on is chosen (else the last). */
static void
load_lessons (TdPrintDialog *self, const TdClass *klass)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lessons = td_store_list_lessons (self->store, klass->id, &error);
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  TdDay today = td_day_today ();
  guint selected = G_MAXUINT;

  g_ptr_array_set_size (self->lids, 0);
  if (lessons == NULL)
    {
      /* the row says why there is no lesson to choose; building the form says it again */
      gtk_string_list_append (model, error->message);
      adw_combo_row_set_model (self->lesson_row, G_LIST_MODEL (model));
      return;
    }
  for (guint i = 0; i < lessons->len; i++)
    {
      const TdLesson *lesson = g_ptr_array_index (lessons, i);
      g_autofree char *label = lesson_label (lesson);

      gtk_string_list_append (model, label);
      g_ptr_array_add (self->lids, g_strdup (lesson->lid));
      if (selected == G_MAXUINT && td_day_from_iso (lesson->date) >= today)
        selected = i;
    }
  adw_combo_row_set_model (self->lesson_row, G_LIST_MODEL (model));
  if (lessons->len > 0)
    adw_combo_row_set_selected (self->lesson_row,
                                selected != G_MAXUINT ? selected : lessons->len - 1);
}

TdForm *
td_print_dialog_build_form (TdPrintDialog *self, GError **error)
{
  TdFormKind kind;
  TdFormOptions options = { 0 };

  g_return_val_if_fail (TD_IS_PRINT_DIALOG (self), NULL);
  kind = selected_kind (self);
  if (kind == TD_FORM_SIGNIN)
    {
      SigninMode mode = selected_signin_mode (self);

      options.lesson = mode == SIGNIN_ONE_LESSON ? selected_lid (self) : NULL;
      options.multi_day = mode == SIGNIN_MULTI_DAY;
    }
  else
    options.full_id = gtk_switch_get_active (self->full_id_switch);
  return td_form_build (self->store, kind, self->class_code, &options, error);
}

void
td_print_dialog_set_form (TdPrintDialog *self, TdFormKind kind)
{
  g_return_if_fail (TD_IS_PRINT_DIALOG (self));
  g_return_if_fail (kind < TD_N_FORMS);
  adw_combo_row_set_selected (self->form_row, kind);
}

TdFormKind
td_print_dialog_get_form (TdPrintDialog *self)
{
  g_return_val_if_fail (TD_IS_PRINT_DIALOG (self), TD_FORM_FILING);
  return selected_kind (self);
}

/* ---- the dialog: print and export ---------------------------------------------------- */

static void
on_print_clicked (TdPrintDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPrintOperation) op = NULL;
  TdForm *form = td_print_dialog_build_form (self, &error);

  if (form == NULL)
    {
      td_ui_show_error (GTK_WIDGET (self), _("The form could not be made"), error);
      return;
    }
  op = td_print_operation_new (form);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  td_print_operation_run_for_user (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, self->parent);
  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
td_print_dialog_export_pdf (TdPrintDialog *self, const char *path, GError **error)
{
  g_autoptr (TdForm) form = NULL;

  g_return_val_if_fail (TD_IS_PRINT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  form = td_print_dialog_build_form (self, error);
  if (form == NULL || !td_form_write_pdf (form, path, error))
    return FALSE;
  remember_folder (path);
  toast_saved (self->parent, path);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_export_response (GtkNativeDialog *chooser, int response, TdPrintDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    path = chooser_dup_path (GTK_FILE_CHOOSER (chooser), GTK_WINDOW (self));
  if (path != NULL && !g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      char *with_suffix = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_suffix;
    }
  if (path != NULL && !td_print_dialog_export_pdf (self, path, &error))
    td_ui_show_error (GTK_WIDGET (self), _("The PDF could not be saved"), error);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_export_clicked (TdPrintDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) pdf = filter_new (_("PDF document"), "*.pdf");
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  name = g_strdup_printf ("%s-%s.pdf", self->class_code,
                          td_form_kind_token (selected_kind (self)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  chooser_set_last_folder (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the dialog: the object ---------------------------------------------------------- */

static void
td_print_dialog_dispose (GObject *object)
{
  TdPrintDialog *self = TD_PRINT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_PRINT_DIALOG);
  G_OBJECT_CLASS (td_print_dialog_parent_class)->dispose (object);
}

static void
td_print_dialog_finalize (GObject *object)
{
  TdPrintDialog *self = TD_PRINT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->class_code, g_free);
  g_clear_pointer (&self->unreadable, g_free);
  g_clear_pointer (&self->lids, g_ptr_array_unref);
  g_clear_weak_pointer (&self->parent);
  G_OBJECT_CLASS (td_print_dialog_parent_class)->finalize (object);
}

static void
td_print_dialog_class_init (TdPrintDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_print_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = td_print_dialog_finalize;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/traindesk/TrainDesk/ui/td-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdPrintDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdPrintDialog, form_row);
  gtk_widget_class_bind_template_child (widget_class, TdPrintDialog, full_id_row);
  gtk_widget_class_bind_template_child (widget_class, TdPrintDialog, full_id_switch);
  gtk_widget_class_bind_template_child (widget_class, TdPrintDialog, signin_row);
  gtk_widget_class_bind_template_child (widget_class, TdPrintDialog, lesson_row);
  gtk_widget_class_bind_template_child (widget_class, TdPrintDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, TdPrintDialog, font_label);
  gtk_widget_class_bind_template_child (widget_class, TdPrintDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, TdPrintDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_print_dialog_init (TdPrintDialog *self)
{
  self->lids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  td_ui_tooltips_attach_all (GTK_WIDGET (self));
  adw_combo_row_set_selected (self->signin_row, SIGNIN_EACH_LESSON);
  on_options_changed (self);
  show_missing_font (self);
}

TdPrintDialog *
td_print_dialog_new (GtkWindow *parent, TdStore *store, const char *class_code)
{
  TdPrintDialog *self;
  g_autoptr (TdClass) klass = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  g_return_val_if_fail (class_code != NULL, NULL);
  self = g_object_new (TD_TYPE_PRINT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->class_code = g_strdup (class_code);
  g_set_weak_pointer (&self->parent, parent);
  klass = td_store_get_class_by_code (store, class_code, &error);
  if (klass != NULL)
    {
      subtitle = g_strdup_printf ("%s  %s", klass->code, klass->title);
      load_lessons (self, klass);
    }
  else if (error != NULL)
    self->unreadable = g_strdup (error->message);   /* nothing can be printed; it says why */
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : class_code);
  on_options_changed (self);
  return self;
}

/* ---- win.print -------------------------------------------------------------------- */

/* The form a page is about. */
static TdFormKind
form_for_page (const char *page)
{
  if (g_strcmp0 (page, "trainees") == 0)
    return TD_FORM_ROSTER;
  if (g_strcmp0 (page, "attendance") == 0)
    return TD_FORM_SIGNIN;
  if (g_strcmp0 (page, "assessment") == 0)
    return TD_FORM_ASSESSMENT;
  if (g_strcmp0 (page, "subsidy") == 0)
    return TD_FORM_CLAIM;
  return TD_FORM_FILING;
}

void
td_window_print_current (TdWindow *window)
{
  TdStore *store;
  gint64 class_id;
  g_autoptr (TdClass) klass = NULL;
  gboolean failed = FALSE;
  TdPrintDialog *dialog;

  g_return_if_fail (TD_IS_WINDOW (window));
  store = td_window_get_store (window);
  class_id = td_window_get_class_id (window);
  if (store == NULL)
    return;
  klass = td_ui_read_class (GTK_WIDGET (window), store, class_id, &failed);
  if (failed)
    return;
  if (klass == NULL)
    {
      td_ui_show_message (GTK_WIDGET (window), _("No class to print"),
                          _("Choose a class in the class chooser at the top of the window, "
                            "or file a new class first."));
      return;
    }
  dialog = td_print_dialog_new (GTK_WINDOW (window), store, klass->code);
  td_print_dialog_set_form (dialog, form_for_page (td_window_get_visible_page_name (window)));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
td_print_action_activate (GSimpleAction *action, GVariant *param, gpointer window)
{
  td_window_print_current (TD_WINDOW (window));
}

/* ---- Save chart as… ---------------------------------------------------------------- */

typedef struct
{
  GtkWindow *parent;            /* strong, may be NULL */
  TdStore *store;               /* NULL for a widget's chart */
  TdChartKind kind;
  char *class_code;
  TdChartWidget *widget;        /* strong, or NULL */
  GtkFileFilter *filters[3];    /* PNG SVG PDF */
} ChartSave;

static const char *const chart_extensions[] = { ".png", ".svg", ".pdf" };

static void
chart_save_free (ChartSave *save)
{
  g_clear_object (&save->parent);
  g_clear_object (&save->store);
  g_clear_object (&save->widget);
  g_free (save->class_code);
  for (guint i = 0; i < G_N_ELEMENTS (save->filters); i++)
    g_clear_object (&save->filters[i]);
  g_free (save);
}

gboolean
td_chart_save (GtkWindow *parent, TdChart *chart, const char *path, GError **error)
{
  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (!td_chart_write (chart, path, CHART_WIDTH, CHART_HEIGHT, error))
    return FALSE;
  remember_folder (path);
  toast_saved (parent, path);
  return TRUE;
}

/* @path with the extension of the chosen filter when it has none of .png .svg .pdf. */
static char *
chart_path_with_extension (GtkFileChooser *chooser, ChartSave *save, const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  GtkFileFilter *chosen = gtk_file_chooser_get_filter (chooser);
  const char *extension = chart_extensions[0];

  for (guint i = 0; i < G_N_ELEMENTS (chart_extensions); i++)
    if (g_str_has_suffix (lower, chart_extensions[i]))
      return g_strdup (path);
  for (guint i = 0; i < G_N_ELEMENTS (save->filters); i++)
    if (chosen == save->filters[i])
      extension = chart_extensions[i];
  return g_strconcat (path, extension, NULL);
}

static gboolean
chart_save_write (ChartSave *save, const char *path, GError **error)
{
  g_autoptr (TdChart) built = NULL;
  TdChart *chart;

  if (save->widget != NULL)
    {
      chart = td_chart_widget_get_chart (save->widget);
      if (chart == NULL)
        {
          g_set_error_literal (error, TD_RENDER_ERROR, TD_RENDER_ERROR_NO_DATA,
                               _("The chart has nothing to show yet."));
          return FALSE;
        }
    }
  else
    {
      built = td_chart_build (save->store, save->kind, save->class_code, error);
      if (built == NULL)
        return FALSE;
      chart = built;
    }
  return td_chart_save (save->parent, chart, path, error);
}

static void
on_chart_response (GtkNativeDialog *chooser, int response, ChartSave *save)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = chooser_dup_path (GTK_FILE_CHOOSER (chooser), save->parent);
  if (chosen != NULL)
    path = chart_path_with_extension (GTK_FILE_CHOOSER (chooser), save, chosen);
  if (path != NULL && !chart_save_write (save, path, &error))
    td_ui_show_error (save->parent != NULL ? GTK_WIDGET (save->parent) : NULL,
                      _("The chart could not be saved"), error);
  chart_save_free (save);
  g_object_unref (chooser);
}

static void
chart_save_run (ChartSave *save, const char *basename)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = g_strconcat (basename, chart_extensions[0], NULL);

  chooser = gtk_file_chooser_native_new (_("Save Chart As"), save->parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  save->filters[0] = filter_new (_("PNG image"), "*.png");
  save->filters[1] = filter_new (_("SVG drawing"), "*.svg");
  save->filters[2] = filter_new (_("PDF document"), "*.pdf");
  for (guint i = 0; i < G_N_ELEMENTS (save->filters); i++)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), save->filters[i]);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  chooser_set_last_folder (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chart_response), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
td_chart_save_dialog (GtkWindow *parent, TdStore *store, TdChartKind kind,
                      const char *class_code)
{
  ChartSave *save;
  g_autofree char *basename = NULL;

  g_return_if_fail (TD_IS_STORE (store));
  g_return_if_fail (kind < TD_N_CHARTS);
  save = g_new0 (ChartSave, 1);
  save->parent = parent != NULL ? g_object_ref (parent) : NULL;
  save->store = g_object_ref (store);
  save->kind = kind;
  save->class_code = g_strdup (class_code);
  basename = class_code != NULL
               ? g_strdup_printf ("%s-%s", td_chart_kind_token (kind), class_code)
               : g_strdup (td_chart_kind_token (kind));
  chart_save_run (save, basename);
}

void
td_chart_widget_save_dialog (GtkWindow *parent, TdChartWidget *widget, const char *basename)
{
  ChartSave *save;

  g_return_if_fail (TD_IS_CHART_WIDGET (widget));
  save = g_new0 (ChartSave, 1);
  save->parent = parent != NULL ? g_object_ref (parent) : NULL;
  save->widget = g_object_ref (widget);
  chart_save_run (save, basename != NULL ? basename : "chart");
}
