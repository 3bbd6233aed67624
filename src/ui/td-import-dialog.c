/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The roster import dialog.  Threads: only td_table_read_file () runs in a worker (it
 * touches no store); the rows are checked and stored on the main thread, because the
 * checks read the store and the store is not thread-safe.  While rows are stored the
 * progress callback handles the window's pending events now and then, so that the
 * progress bar moves and Cancel can stop the import (which then rolls back). */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "table/td-roster-import.h"
#include "ui/td-file-reader.h"
#include "ui/td-import-dialog.h"
#include "ui/td-import-item.h"
#include "ui/td-table-export-dialog.h"
#include "ui/td-trainee-page.h"
#include "ui/td-ui-util.h"
#include "ui/td-window.h"

/* ---- the dialog ------------------------------------------------------------------- */

/* Columns of the preview besides the roster fields. */
enum
{
  COLUMN_LINE = -1,
  COLUMN_PROBLEMS = -2,
};

enum
{
  SIGNAL_PROGRESS,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

struct _TdImportDialog
{
  AdwWindow parent_instance;

  TdStore *store;
  gint64 class_id;
  char *class_code;
  TdFileReader *reader;         /* the roster file, read in a worker */
  TdRosterImport *import;       /* the file read and checked; NULL before */
  GCancellable *cancellable;    /* of the running import */
  GListStore *rows;             /* TdImportItem */
  GtkFilterListModel *filtered;
  GtkFilter *problems_filter;
  gboolean importing;
  gboolean close_requested;
  guint n_imported;
  gint64 last_pump;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkButton *cancel_button;
  GtkButton *import_button;
  GtkStack *stack;
  GtkLabel *error_label;
  GtkSpinner *spinner;
  GtkLabel *loading_label;
  GtkLabel *file_label;
  GtkWidget *another_button;
  GtkWidget *template_button2;
  GtkLabel *summary_label;
  GtkLabel *notices_label;
  GtkCheckButton *problems_only;
  GtkColumnView *column_view;
  GtkProgressBar *progress_bar;
  AdwStatusPage *done_page;
};

G_DEFINE_FINAL_TYPE (TdImportDialog, td_import_dialog, ADW_TYPE_WINDOW)

static const char preview_css[] =
  "columnview.td-import-preview > listview > row > cell { padding: 0; }\n"
  "columnview.td-import-preview > listview > row > cell > label { padding: 4px 8px; }\n"
  "columnview.td-import-preview label.td-import-bad {\n"
  "  background-color: alpha(@error_color, 0.12); }\n"
  "columnview.td-import-preview label.td-import-bad.error { font-weight: bold; }\n"
  "columnview.td-import-preview label#cell-problems { font-weight: normal; }\n";

static void
ensure_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  GtkCssProvider *provider;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "td-import-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, preview_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "td-import-css", provider, g_object_unref);
}

static gboolean
is_xlsx (TdImportDialog *self)
{
  return td_table_get_format (td_roster_import_get_table (self->import)) == TD_TABLE_FORMAT_XLSX;
}

static void
update_buttons (TdImportDialog *self)
{
  gboolean busy = td_import_dialog_is_busy (self);
  gboolean preview = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "preview") == 0;
  gboolean can_import = preview && self->import != NULL
                        && td_roster_import_get_n_valid (self->import) > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->import_button), preview);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), can_import && !busy);
  gtk_widget_set_sensitive (self->another_button, !busy);
  gtk_widget_set_sensitive (self->template_button2, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->problems_only), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), self->importing);
}

void
td_import_dialog_toast (TdImportDialog *self, const char *message)
{
  g_return_if_fail (TD_IS_IMPORT_DIALOG (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ---- preview columns -------------------------------------------------------------- */

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  int column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (column == COLUMN_PROBLEMS)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_name (label, "cell-problems");
    }
  else if (column == COLUMN_LINE)
    gtk_widget_set_name (label, "cell-line");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  int column = GPOINTER_TO_INT (data);
  TdImportItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *line = g_strdup_printf ("%u", td_import_item_get_line (item));
  const char *problems = td_import_item_get_problems (item);
  gboolean bad_cell = column == COLUMN_PROBLEMS
                      || (column >= 0 && td_import_item_is_bad (item, column));

  if (column == COLUMN_LINE)
    gtk_label_set_text (GTK_LABEL (label), line);
  else if (column == COLUMN_PROBLEMS)
    gtk_label_set_text (GTK_LABEL (label), problems != NULL ? problems : "");
  else
    gtk_label_set_text (GTK_LABEL (label), td_import_item_get_cell (item, column));
  if (problems != NULL)
    gtk_widget_add_css_class (label, "td-import-bad");
  if (problems != NULL && bad_cell)
    gtk_widget_add_css_class (label, "error");
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_widget_remove_css_class (label, "td-import-bad");
  gtk_widget_remove_css_class (label, "error");
}

static void
add_column (TdImportDialog *self, const char *title, int column, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

static void
rebuild_columns (TdImportDialog *self, guint header_row)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  const TdTable *table = td_roster_import_get_table (self->import);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  add_column (self, is_xlsx (self) ? _("Row") : _("Line"), COLUMN_LINE, FALSE);
  for (int f = 0; f < TD_ROSTER_N_FIELDS; f++)
    {
      int column = td_roster_import_get_column (self->import, f);

      if (column >= 0)
        add_column (self, td_table_get_text (table, header_row, column), f, FALSE);
    }
  add_column (self, _("Problems"), COLUMN_PROBLEMS, TRUE);
}

/* ---- preview rows ------------------------------------------------------------------ */

static void
fill_rows (TdImportDialog *self, guint first_data_row)
{
  guint n = td_roster_import_get_n_rows (self->import);
  g_autoptr (GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, td_import_item_new (self->import, i, first_data_row + i));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
}

static char *
summary_text (TdImportDialog *self)
{
  guint n = td_roster_import_get_n_rows (self->import);
  guint good = td_roster_import_get_n_valid (self->import);

  if (good == n)
    return g_strdup_printf (ngettext ("%u row, good.", "%u rows, all good.", n), n);
  /* Translators: "38 rows: 35 good, 3 with problems" */
  return g_strdup_printf (ngettext ("%u row: %u good, %u with problems",
                                    "%u rows: %u good, %u with problems", n),
                          n, good, n - good);
}

static char *
import_label (TdImportDialog *self)
{
  guint n = td_roster_import_get_n_rows (self->import);
  guint good = td_roster_import_get_n_valid (self->import);

  if (good == n)
    return g_strdup_printf (ngettext ("_Import %u Row", "_Import %u Rows", n), n);
  return g_strdup_printf (ngettext ("_Import the %u Good Row", "_Import the %u Good Rows", good),
                          good);
}

static void
show_preview (TdImportDialog *self)
{
  g_autofree char *base = g_filename_display_basename (td_file_reader_get_path (self->reader));
  g_autofree char *summary = summary_text (self);
  g_autofree char *label = import_label (self);
  GPtrArray *notices = td_roster_import_get_notices (self->import);
  g_autoptr (GString) notes = g_string_new (NULL);
  guint first = td_roster_import_get_first_data_row (self->import);

  rebuild_columns (self, first - 1);
  fill_rows (self, first);
  for (guint i = 0; i < notices->len; i++)
    g_string_append_printf (notes, "%s%s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (notices, i));
  gtk_label_set_text (self->file_label, base);
  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->notices_label, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notices_label), notes->len > 0);
  gtk_button_set_label (self->import_button, label);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_buttons (self);
}

static gboolean
only_problems (gpointer item, gpointer data)
{
  return td_import_item_get_problems (TD_IMPORT_ITEM (item)) != NULL;
}

static void
on_problems_only_toggled (TdImportDialog *self)
{
  gboolean active = gtk_check_button_get_active (self->problems_only);

  gtk_filter_list_model_set_filter (self->filtered, active ? self->problems_filter : NULL);
}

/* ---- reading a file ------------------------------------------------------------- */

static void
show_refusal (TdImportDialog *self, const GError *error)
{
  g_autofree char *base = g_filename_display_basename (td_file_reader_get_path (self->reader));
  g_autofree char *text = NULL;

  /* Translators: the file name, then why it was refused */
  text = g_strdup_printf (_("%s cannot be imported: %s"), base, error->message);
  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  g_clear_pointer (&self->import, td_roster_import_free);
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

static void
check_table (TdImportDialog *self, TdTable *table)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdRosterImport) import = NULL;

  import = td_roster_import_new (self->store, self->class_code, &error);
  if (import == NULL)
    {
      td_table_free (table);
      show_refusal (self, error);
      return;
    }
  if (!td_roster_import_load_table (import, table, &error))
    {
      show_refusal (self, error);
      return;
    }
  g_clear_pointer (&self->import, td_roster_import_free);
  self->import = g_steal_pointer (&import);
  show_preview (self);
}

/* In the worker: the file read, not yet checked (checks read the store). */
static gpointer
read_table (const char *path, GCancellable *cancellable, GError **error)
{
  return td_table_read_file (path, NULL, NULL, cancellable, error);
}

static void
on_read_done (gpointer owner, gpointer result, const GError *error)
{
  TdImportDialog *self = owner;
  TdTable *table = result;

  if (self->close_requested)
    {
      g_clear_pointer (&table, td_table_free);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  gtk_spinner_stop (self->spinner);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_stack_set_visible_child_name (self->stack, self->import != NULL ? "preview" : "choose");
  else if (table == NULL)
    show_refusal (self, error);
  else
    check_table (self, table);
  update_buttons (self);
}

void
td_import_dialog_load_file (TdImportDialog *self, const char *path)
{
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (TD_IS_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);
  if (td_import_dialog_is_busy (self))
    return;
  base = g_filename_display_basename (path);
  text = g_strdup_printf (_("Reading and checking %s…"), base);
  gtk_label_set_text (self->loading_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  td_file_reader_read (self->reader, path);
  update_buttons (self);
}

gboolean
td_import_dialog_is_busy (TdImportDialog *self)
{
  g_return_val_if_fail (TD_IS_IMPORT_DIALOG (self), FALSE);
  return td_file_reader_get_busy (self->reader) || self->importing;
}

guint
td_import_dialog_get_n_imported (TdImportDialog *self)
{
  g_return_val_if_fail (TD_IS_IMPORT_DIALOG (self), 0);
  return self->n_imported;
}

static void
on_file_chosen (gpointer owner, const char *path)
{
  td_import_dialog_load_file (owner, path);
}

static void
on_choose_clicked (TdImportDialog *self)
{
  static const char *const both[] = { "xlsx", "csv", NULL };
  static const char *const xlsx[] = { "xlsx", NULL };
  static const char *const csv[] = { "csv", NULL };
  const TdFileReaderFilter filters[] = {
    { _("Rosters (.xlsx, .csv)"), both },
    { _("Excel workbook (.xlsx)"), xlsx },
    { _("CSV file (.csv)"), csv },
  };

  td_file_reader_choose (self->reader, GTK_WINDOW (self), _("Choose a Roster File"), filters,
                         G_N_ELEMENTS (filters));
}

static void
on_template_clicked (TdImportDialog *self)
{
  td_roster_template_dialog (GTK_WINDOW (self));
}

/* ---- importing ------------------------------------------------------------------- */

/* Draws the progress and lets Cancel be pressed: at most every 40 ms, and at the end. */
static void
on_row_stored (guint done, guint total, gpointer data)
{
  TdImportDialog *self = data;
  gint64 now = g_get_monotonic_time ();
  g_autofree char *text = NULL;

  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, done, total);
  if (now - self->last_pump < 40000 && done < total)
    return;
  self->last_pump = now;
  text = g_strdup_printf (_("Stored %u of %u rows…"), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  for (int i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The roster page follows the store once idle; the import shows its rows at once. */
static void
refresh_roster_page (GtkWindow *parent)
{
  TdPage *page = TD_IS_WINDOW (parent) ? td_window_get_page (TD_WINDOW (parent), "trainees")
                                       : NULL;

  if (page != NULL && TD_IS_TRAINEE_PAGE (page))
    td_page_reload (TD_PAGE (page));
}

static void
show_done (TdImportDialog *self, guint n)
{
  guint bad = td_roster_import_get_n_rows (self->import)
              - td_roster_import_get_n_valid (self->import);
  g_autofree char *title = g_strdup_printf (ngettext ("%u trainee imported",
                                                      "%u trainees imported", n), n);
  g_autofree char *added = g_strdup_printf (_("They were added to the roster of class %s."),
                                            self->class_code);
  g_autofree char *skipped = g_strdup_printf (
    ngettext ("%u row with problems was not imported: correct it in the file and import "
              "the file again; the trainees already on the roster are then skipped.",
              "%u rows with problems were not imported: correct them in the file and import "
              "the file again; the trainees already on the roster are then skipped.", bad),
    bad);
  g_autofree char *description = bad > 0 ? g_strdup_printf ("%s\n%s", added, skipped)
                                         : g_strdup (added);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *toast = g_strdup_printf (ngettext ("%u trainee imported into class %s",
                                                      "%u trainees imported into class %s", n),
                                            n, self->class_code);

  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page, description);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_button_set_label (self->cancel_button, _("_Close"));
  refresh_roster_page (parent);
  if (parent != NULL)
    td_table_export_toast (parent, toast);
}

static void
import_finished (TdImportDialog *self, gboolean ok, guint n, const GError *error)
{
  if (ok)
    {
      self->n_imported = n;
      show_done (self, n);
      g_clear_pointer (&self->import, td_roster_import_free);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    td_import_dialog_toast (self, _("The import was cancelled: the roster is as it was."));
  else
    td_ui_show_error (GTK_WIDGET (self), _("The roster could not be imported"), error);
  update_buttons (self);
}

static void
on_import_clicked (TdImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  guint n = 0;
  gboolean ok;

  if (self->import == NULL || td_import_dialog_is_busy (self))
    return;
  g_object_ref (self);
  self->importing = TRUE;
  self->last_pump = 0;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  update_buttons (self);
  ok = td_roster_import_commit (self->import, TRUE, on_row_stored, self, self->cancellable, &n,
                                &error);
  self->importing = FALSE;
  if (self->stack != NULL)
    import_finished (self, ok, n, error);
  if (self->close_requested && self->stack != NULL)
    gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_cancel_clicked (TdImportDialog *self)
{
  if (td_import_dialog_is_busy (self))
    {
      td_file_reader_cancel (self->reader);
      g_cancellable_cancel (self->cancellable);
    }
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* ---- object ------------------------------------------------------------------------ */

static gboolean
td_import_dialog_close_request (GtkWindow *window)
{
  TdImportDialog *self = TD_IMPORT_DIALOG (window);

  if (td_import_dialog_is_busy (self))
    {
      self->close_requested = TRUE;
      td_file_reader_cancel (self->reader);
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (td_import_dialog_parent_class)->close_request (window);
}

static void
td_import_dialog_dispose (GObject *object)
{
  TdImportDialog *self = TD_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->reader != NULL)
    td_file_reader_abandon (self->reader);
  g_clear_object (&self->reader);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_IMPORT_DIALOG);
  self->stack = NULL;
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->import, td_roster_import_free);
  g_clear_object (&self->filtered);
  g_clear_object (&self->problems_filter);
  g_clear_object (&self->rows);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (td_import_dialog_parent_class)->dispose (object);
}

static void
td_import_dialog_finalize (GObject *object)
{
  TdImportDialog *self = TD_IMPORT_DIALOG (object);

  g_free (self->class_code);
  G_OBJECT_CLASS (td_import_dialog_parent_class)->finalize (object);
}

static void
td_import_dialog_class_init (TdImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_import_dialog_dispose;
  object_class->finalize = td_import_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = td_import_dialog_close_request;
  signals[SIGNAL_PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/traindesk/TrainDesk/ui/td-import-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TdImportDialog, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (cancel_button);
  BIND (import_button);
  BIND (stack);
  BIND (error_label);
  BIND (spinner);
  BIND (loading_label);
  BIND (file_label);
  BIND (another_button);
  BIND (template_button2);
  BIND (summary_label);
  BIND (notices_label);
  BIND (problems_only);
  BIND (column_view);
  BIND (progress_bar);
  BIND (done_page);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_template_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_problems_only_toggled);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_import_dialog_init (TdImportDialog *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->reader = td_file_reader_new (self, read_table, (GDestroyNotify) td_table_free,
                                     on_file_chosen, on_read_done);
  td_ui_tooltips_attach_all (GTK_WIDGET (self));
  ensure_css (GTK_WIDGET (self));
  self->rows = g_list_store_new (TD_TYPE_IMPORT_ITEM);
  self->problems_filter = GTK_FILTER (gtk_custom_filter_new (only_problems, NULL, NULL));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)), NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  update_buttons (self);
}

TdImportDialog *
td_import_dialog_new (GtkWindow *parent, TdStore *store, gint64 class_id, GError **error)
{
  g_autoptr (TdClass) klass = NULL;
  g_autoptr (TdRosterImport) probe = NULL;
  g_autofree char *subtitle = NULL;
  TdImportDialog *self;

  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  klass = td_store_get_class (store, class_id, error);
  if (klass == NULL)
    return NULL;
  probe = td_roster_import_new (store, klass->code, error);   /* refuses a cancelled class */
  if (probe == NULL)
    return NULL;
  self = g_object_new (TD_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->class_id = class_id;
  self->class_code = g_strdup (klass->code);
  subtitle = g_strdup_printf ("%s  %s", klass->code, klass->title != NULL ? klass->title : "");
  adw_window_title_set_subtitle (self->window_title, subtitle);
  return self;
}

void
td_import_dialog_present (GtkWindow *parent, TdStore *store, gint64 class_id)
{
  g_autoptr (GError) error = NULL;
  TdImportDialog *self = td_import_dialog_new (parent, store, class_id, &error);

  if (self == NULL)
    {
      td_ui_show_error (parent != NULL ? GTK_WIDGET (parent) : NULL,
                        _("This class cannot import a roster"), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (self));
}

void
td_import_dialog_activate (GSimpleAction *action, GVariant *param, gpointer window)
{
  TdWindow *win = TD_WINDOW (window);
  TdStore *store = td_window_get_store (win);
  gint64 class_id = td_window_get_class_id (win);

  if (store == NULL || class_id == 0)
    {
      td_window_toast (win, _("Choose a class first"));
      return;
    }
  td_import_dialog_present (GTK_WINDOW (win), store, class_id);
}
