/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The attendance import dialog.  Only td_punch_file_load () runs in a worker (it touches no
 * store); matching and storing read and write the store on the main thread. */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "table/td-punch-reader.h"
#include "ui/td-attendance-import-dialog.h"
#include "ui/td-file-reader.h"
#include "ui/td-list-row.h"
#include "ui/td-table-export-dialog.h"
#include "ui/td-ui-util.h"

/* ---- the dialog ------------------------------------------------------------------------ */

enum
{
  COL_LESSON,
  COL_TRAINEE,
  COL_STATUS,
  COL_IN,
  COL_OUT,
  COL_HOURS,
  COL_METHOD,
  COL_CHANGE,
  N_COLS,
};

static const char *const methods[] = { "FACE", "CARD", "QR", "ONLINE", NULL };

struct _TdAttendanceImportDialog
{
  AdwWindow parent_instance;

  TdStore *store;
  gint64 class_id;
  char *class_code;
  TdFileReader *reader;         /* the terminal's or platform's file, read in a worker */
  TdPunchFile *file;
  TdAttendanceImport *imp;
  GListStore *rows;             /* TdListRow: its id the index of a TdAttRow */

  AdwToastOverlay *toast_overlay;
  GtkButton *accept_button;
  GtkStack *stack;
  GtkLabel *error_label;
  GtkLabel *summary_label;
  GtkDropDown *method_drop;
  GtkColumnView *column_view;
  GtkListBox *exception_list;
  AdwPreferencesGroup *map_group;
  AdwComboRow *map_rows[TD_PUNCH_N_COLUMNS];
  GtkSpinButton *first_row;
  AdwStatusPage *done_page;
};

G_DEFINE_FINAL_TYPE (TdAttendanceImportDialog, td_attendance_import_dialog, ADW_TYPE_WINDOW)

static void refresh (TdAttendanceImportDialog *self);

static guint
n_changes (TdAttendanceImportDialog *self)
{
  TdAttCounts c;

  td_attendance_import_get_counts (self->imp, &c);
  return c.n_new + c.n_update + c.n_correction;
}

static void
update_accept (TdAttendanceImportDialog *self)
{
  gboolean preview = self->imp != NULL
                     && g_str_equal (gtk_stack_get_visible_child_name (self->stack), "preview");
  guint n = preview ? n_changes (self) : 0;
  g_autofree char *label = g_strdup_printf (ngettext ("_Store %u Record", "_Store %u Records", n),
                                            n);

  gtk_button_set_label (self->accept_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->accept_button), preview);
  gtk_widget_set_sensitive (GTK_WIDGET (self->accept_button),
                            preview && n > 0 && td_attendance_import_count_undecided (self->imp) == 0);
}

/* ---- preview columns ------------------------------------------------------------------ */

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static char *
cell_text (TdAttendanceImportDialog *self, const TdAttRow *row, int column)
{
  switch (column)
    {
    case COL_LESSON:
      return g_strdup_printf ("%s  %s %.5s", row->lesson->lid, row->lesson->date,
                              row->lesson->start);
    case COL_TRAINEE: return g_strdup (row->enrolment->trainee.name);
    case COL_STATUS: return g_strdup_printf ("%c", row->status);
    case COL_IN: return g_strdup (row->time_in);
    case COL_OUT: return g_strdup (row->time_out);
    case COL_HOURS: return row->status == '?' ? g_strdup ("") : td_hours_format (row->hours);
    case COL_METHOD: return g_strdup (row->method);
    default:
      if (row->stored != NULL && row->change != TD_ATT_CHANGE_NONE)
        {
          /* Translators: the change, then the stored status and times */
          return g_strdup_printf (_("%s (stored: %c %s–%s)"),
                                  td_attendance_change_label (row->change), row->stored->status,
                                  row->stored->time_in, row->stored->time_out);
        }
      return g_strdup (td_attendance_change_label (row->change));
    }
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdAttendanceImportDialog *self = g_object_get_data (G_OBJECT (factory), "dialog");
  TdListRow *item = gtk_list_item_get_item (list_item);
  const TdAttRow *row = td_attendance_import_get_row (self->imp,
                                                      (guint) td_list_row_get_id (item));
  g_autofree char *text = cell_text (self, row, GPOINTER_TO_INT (data));
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (row->change == TD_ATT_CHANGE_UNDECIDED || row->change == TD_ATT_CHANGE_CORRECTION)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

static void
add_column (TdAttendanceImportDialog *self, const char *title, int column, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "dialog", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* ---- exceptions and their decisions ---------------------------------------------------- */

static void
decide (GtkButton *button, TdAttendanceImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "exception"));
  TdAttDecision decision = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "decision"));
  GtkEditable *entry = g_object_get_data (G_OBJECT (button), "entry");
  g_autoptr (GError) error = NULL;
  int time = 0;

  if (entry != NULL)
    {
      time = td_time_parse_lenient (gtk_editable_get_text (entry));
      if (time < 0)
        {
          td_ui_set_error (GTK_WIDGET (entry), TRUE);
          adw_toast_overlay_add_toast (self->toast_overlay,
                                       adw_toast_new (_("Type the time as hh:mm, e.g. 17:00")));
          return;
        }
    }
  if (!td_attendance_import_decide (self->imp, index, decision, time, &error))
    {
      td_ui_show_error (GTK_WIDGET (self), _("This cannot be decided so"), error);
      return;
    }
  refresh (self);
}

static GtkWidget *
decision_button (TdAttendanceImportDialog *self, guint index, const char *label,
                 const char *name, TdAttDecision decision, gboolean chosen)
{
  GtkWidget *button = gtk_toggle_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), chosen);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "exception", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "decision", GINT_TO_POINTER (decision));
  g_signal_connect (button, "clicked", G_CALLBACK (decide), self);
  return button;
}

static void
add_decisions (TdAttendanceImportDialog *self, GtkBox *box, guint index,
               const TdAttException *x)
{
  TdAttDecision d = x->decision;

  if (x->kind == TD_ATT_EXCEPTION_ONE_PUNCH)
    {
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *use = decision_button (self, index, _("_Use Time"), "use-time",
                                        TD_ATT_DECISION_TIME, d == TD_ATT_DECISION_TIME);
      char at[TD_TIME_LEN] = "";

      if (d == TD_ATT_DECISION_TIME)
        td_time_to_iso (x->time, at);
      gtk_editable_set_text (GTK_EDITABLE (entry), at);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("hh:mm"));
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
      gtk_widget_set_name (entry, "time");
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (use), "entry", entry);
      gtk_box_append (box, decision_button (self, index, _("_Absent"), "absent",
                                            TD_ATT_DECISION_ABSENT,
                                            d == TD_ATT_DECISION_ABSENT));
      gtk_box_append (box, entry);
      gtk_box_append (box, use);
    }
  else if (x->kind == TD_ATT_EXCEPTION_NAME || x->kind == TD_ATT_EXCEPTION_MANUAL)
    {
      gboolean name = x->kind == TD_ATT_EXCEPTION_NAME;
      gtk_box_append (box, decision_button (self, index, name ? _("_Ignore") : _("_Keep"),
                                            "keep", TD_ATT_DECISION_KEEP,
                                            d == TD_ATT_DECISION_KEEP));
      gtk_box_append (box, decision_button (self, index, name ? _("_Take") : _("Take the "
                                            "_Terminal's"), "take", TD_ATT_DECISION_TAKE,
                                            d == TD_ATT_DECISION_TAKE));
    }
}

static GtkWidget *
exception_row (TdAttendanceImportDialog *self, guint index)
{
  const TdAttException *x = td_attendance_import_get_exception (self->imp, index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *name = g_strdup_printf ("exception-%u", index);
  g_autofree char *text = x->line > 0
    ? g_strdup_printf (_("Line %u: %s"), x->line, x->reason)
    : g_strdup (x->reason);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (box, name);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_name (label, "reason");
  if (x->needs_decision && x->decision == TD_ATT_DECISION_NONE)
    gtk_widget_add_css_class (label, "error");
  gtk_box_append (GTK_BOX (box), label);
  add_decisions (self, GTK_BOX (box), index, x);
  return box;
}

/* ---- showing the preview --------------------------------------------------------------- */

static char *
summary_text (TdAttendanceImportDialog *self)
{
  TdAttCounts c;
  guint n_x = td_attendance_import_get_n_exceptions (self->imp);

  td_attendance_import_get_counts (self->imp, &c);
  return g_strdup_printf (_("%s: %u punches, %u records — %u new, %u changed, %u corrections "
                            "of sent batches, %u unchanged, %u kept as recorded. %u exceptions, "
                            "%u still to decide."),
                          td_punch_file_get_name (self->file),
                          td_attendance_import_get_n_punches (self->imp),
                          td_attendance_import_get_n_rows (self->imp), c.n_new, c.n_update,
                          c.n_correction, c.n_same, c.n_kept, n_x,
                          td_attendance_import_count_undecided (self->imp));
}

static void
refresh (TdAttendanceImportDialog *self)
{
  guint n = td_attendance_import_get_n_rows (self->imp);
  g_autoptr (GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  g_autofree char *summary = summary_text (self);
  GtkWidget *child;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_object_new (TD_TYPE_LIST_ROW, "id", (gint64) i, NULL));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->exception_list))) != NULL)
    gtk_list_box_remove (self->exception_list, child);
  for (guint i = 0; i < td_attendance_import_get_n_exceptions (self->imp); i++)
    gtk_list_box_append (self->exception_list, exception_row (self, i));
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_accept (self);
}

static void
show_refusal (TdAttendanceImportDialog *self, const char *heading, const GError *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", heading, error->message);

  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "choose");
  update_accept (self);
}

static void
match (TdAttendanceImportDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (self->imp == NULL)
    self->imp = td_attendance_import_new (self->store, self->class_code, &error);
  if (self->imp == NULL)
    {
      show_refusal (self, _("The class cannot be read"), error);
      return;
    }
  td_attendance_import_set_method (self->imp,
                                   methods[gtk_drop_down_get_selected (self->method_drop)]);
  if (!td_attendance_import_run (self->imp, td_punch_file_get_punches (self->file),
                                 td_punch_file_get_problems (self->file), &error))
    {
      show_refusal (self, _("The class cannot be read"), error);
      return;
    }
  refresh (self);
}

static void
on_method_changed (TdAttendanceImportDialog *self)
{
  if (self->imp != NULL && self->file != NULL)
    match (self);
}

/* ---- mapping columns by hand ----------------------------------------------------------- */

static void
show_mapping (TdAttendanceImportDialog *self)
{
  const TdTable *table = td_punch_file_get_table (self->file);
  guint n = td_table_get_n_rows (table) > 0 ? td_table_get_n_columns (table, 0) : 0;
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("(none)"));
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *name = td_table_column_name (table, c);
      g_autofree char *text = g_strdup_printf ("%s: %s", name, td_table_get_text (table, 0, c));
      gtk_string_list_append (model, text);
    }
  for (int c = 0; c < TD_PUNCH_N_COLUMNS; c++)
    {
      adw_combo_row_set_model (self->map_rows[c], G_LIST_MODEL (model));
      adw_combo_row_set_selected (self->map_rows[c], 0);
    }
  gtk_spin_button_set_value (self->first_row, 2);
  gtk_stack_set_visible_child_name (self->stack, "map");
  update_accept (self);
}

static void
on_use_columns (TdAttendanceImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  TdPunchMapping mapping;

  td_punch_mapping_init (&mapping);
  for (int c = 0; c < TD_PUNCH_N_COLUMNS; c++)
    mapping.columns[c] = (int) adw_combo_row_get_selected (self->map_rows[c]) - 1;
  mapping.first_row = (guint) gtk_spin_button_get_value_as_int (self->first_row) - 1;
  if (!td_punch_file_set_mapping (self->file, &mapping, &error)
      || !td_punch_file_remember_mapping (self->file, self->store, &error))
    {
      td_ui_show_error (GTK_WIDGET (self), _("These columns cannot be read"), error);
      return;
    }
  match (self);
}

/* ---- reading ------------------------------------------------------------------------- */

static gpointer
read_punches (const char *path, GCancellable *cancellable, GError **error)
{
  return td_punch_file_load (path, cancellable, error);
}

static void
on_read_done (gpointer owner, gpointer result, const GError *error)
{
  TdAttendanceImportDialog *self = owner;
  g_autoptr (GError) saved_error = NULL;
  TdPunchFile *file = result;

  if (file == NULL)
    {
      show_refusal (self, _("The file cannot be read"), error);
      return;
    }
  g_clear_pointer (&self->file, td_punch_file_free);
  self->file = file;
  if (!td_punch_file_apply_saved_mapping (self->file, self->store, &saved_error))
    show_refusal (self, _("The file cannot be read"), saved_error);
  else if (td_punch_file_needs_mapping (self->file))
    show_mapping (self);
  else
    match (self);
}

void
td_attendance_import_dialog_load_file (TdAttendanceImportDialog *self, const char *path)
{
  g_return_if_fail (TD_IS_ATTENDANCE_IMPORT_DIALOG (self) && path != NULL);
  if (td_file_reader_get_busy (self->reader))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  update_accept (self);
  td_file_reader_read (self->reader, path);
}

gboolean
td_attendance_import_dialog_is_busy (TdAttendanceImportDialog *self)
{
  return td_file_reader_get_busy (self->reader);
}

TdAttendanceImport *
td_attendance_import_dialog_get_import (TdAttendanceImportDialog *self)
{
  return self->imp;
}

static void
on_file_chosen (gpointer owner, const char *path)
{
  td_attendance_import_dialog_load_file (owner, path);
}

static void
on_choose_clicked (TdAttendanceImportDialog *self)
{
  td_file_reader_choose (self->reader, GTK_WINDOW (self),
                         _("Choose a Terminal's or Platform's File"), NULL, 0);
}

/* ---- storing ------------------------------------------------------------------------- */

static void
on_accept_clicked (TdAttendanceImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *title = NULL;
  TdAttCounts c;

  if (self->imp == NULL || td_file_reader_get_busy (self->reader))
    return;
  if (!td_attendance_import_apply (self->imp, td_punch_file_get_name (self->file),
                                   td_punch_file_get_sha256 (self->file), &c, &error))
    {
      td_ui_show_error (GTK_WIDGET (self), _("Nothing was stored"), error);
      return;
    }
  title = g_strdup_printf (ngettext ("%u attendance record stored",
                                     "%u attendance records stored",
                                     c.n_new + c.n_update + c.n_correction),
                           c.n_new + c.n_update + c.n_correction);
  adw_status_page_set_title (self->done_page, title);
  gtk_stack_set_visible_child_name (self->stack, "done");
  update_accept (self);
  if (parent != NULL)
    td_table_export_toast (parent, title);
}

/* ---- building ------------------------------------------------------------------------ */

/* The rows of the hand mapping: one a column the file must have (the page is in the
 * template, the columns are the reader's). */
static void
add_map_rows (TdAttendanceImportDialog *self)
{
  for (int c = 0; c < TD_PUNCH_N_COLUMNS; c++)
    {
      self->map_rows[c] = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->map_rows[c]),
                                     td_punch_column_label (c));
      gtk_widget_set_name (GTK_WIDGET (self->map_rows[c]), td_punch_column_key (c));
      adw_preferences_group_add (self->map_group, GTK_WIDGET (self->map_rows[c]));
    }
}

static void
add_columns (TdAttendanceImportDialog *self)
{
  static const char *const titles[N_COLS] = {
    N_("Lesson"), N_("Trainee"), N_("Status"), N_("Sign-in"), N_("Sign-out"), N_("Hours"),
    N_("Method"), N_("Change"),
  };
  g_autoptr (GtkNoSelection) selection = NULL;

  self->rows = g_list_store_new (TD_TYPE_LIST_ROW);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  for (int c = 0; c < N_COLS; c++)
    add_column (self, _(titles[c]), c, c == COL_CHANGE);
}

static void
td_attendance_import_dialog_init (TdAttendanceImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_map_rows (self);
  add_columns (self);
  gtk_stack_set_visible_child_name (self->stack, "choose");
  self->reader = td_file_reader_new (self, read_punches, (GDestroyNotify) td_punch_file_free,
                                     on_file_chosen, on_read_done);
  update_accept (self);
}

static void
td_attendance_import_dialog_dispose (GObject *object)
{
  TdAttendanceImportDialog *self = TD_ATTENDANCE_IMPORT_DIALOG (object);

  if (self->reader != NULL)
    td_file_reader_abandon (self->reader);
  g_clear_object (&self->reader);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_ATTENDANCE_IMPORT_DIALOG);
  self->stack = NULL;
  g_clear_object (&self->rows);
  g_clear_pointer (&self->imp, td_attendance_import_free);
  g_clear_pointer (&self->file, td_punch_file_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (td_attendance_import_dialog_parent_class)->dispose (object);
}

static void
td_attendance_import_dialog_finalize (GObject *object)
{
  TdAttendanceImportDialog *self = TD_ATTENDANCE_IMPORT_DIALOG (object);

  g_free (self->class_code);
  G_OBJECT_CLASS (td_attendance_import_dialog_parent_class)->finalize (object);
}

static void
td_attendance_import_dialog_class_init (TdAttendanceImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_attendance_import_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = td_attendance_import_dialog_finalize;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/traindesk/TrainDesk/ui/td-attendance-import-dialog.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceImportDialog, name)
  BIND (toast_overlay);
  BIND (accept_button);
  BIND (stack);
  BIND (error_label);
  BIND (summary_label);
  BIND (method_drop);
  BIND (column_view);
  BIND (exception_list);
  BIND (map_group);
  BIND (first_row);
  BIND (done_page);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_accept_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_use_columns);
  gtk_widget_class_bind_template_callback (widget_class, on_method_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

TdAttendanceImportDialog *
td_attendance_import_dialog_new (GtkWindow *parent, TdStore *store, gint64 class_id,
                                 GError **error)
{
  g_autoptr (TdClass) klass = td_store_get_class (store, class_id, error);
  TdAttendanceImportDialog *self;

  if (klass == NULL)
    return NULL;
  self = g_object_new (TD_TYPE_ATTENDANCE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->class_id = class_id;
  self->class_code = g_strdup (klass->code);
  return self;
}

void
td_attendance_import_dialog_present (GtkWindow *parent, TdStore *store, gint64 class_id,
                                     const char *path)
{
  g_autoptr (GError) error = NULL;
  TdAttendanceImportDialog *self = td_attendance_import_dialog_new (parent, store, class_id,
                                                                    &error);

  if (self == NULL)
    {
      td_ui_show_error (parent != NULL ? GTK_WIDGET (parent) : NULL,
                        _("Attendance cannot be imported"), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (self));
  if (path != NULL)
    td_attendance_import_dialog_load_file (self, path);
}
