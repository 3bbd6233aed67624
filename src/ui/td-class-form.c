/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-codes.h"
#include "core/td-credit-code.h"
#include "core/td-due.h"
#include "core/td-filing-check.h"
#include "core/td-idnumber.h"
#include "ui/td-class-form.h"
#include "ui/td-dialog.h"
#include "ui/td-timetable-editor.h"
#include "ui/td-ui-util.h"

struct _TdClassForm
{
  GtkBox parent_instance;
  TdStore *store;
  TdClass *klass;               /* as loaded (id 0 for a new class) */
  TdCatalog *catalog;
  GPtrArray *teachers;          /* TdTeacher* */
  GArray *certificates;         /* int, parallel to the certificate row */
  GArray *levels;               /* int, parallel to the level row */
  char *chosen_code;            /* the catalogue item chosen in item_list */
  gboolean modified;
  gboolean timetable_modified;  /* lessons changed since the load */
  gboolean filling;
  TdClassStatus status;         /* of the class as loaded */
  TdClassLock lock;             /* what the bureau already has (issue 18.1) */
  AdwActionRow *sent_row;       /* what may change, and what saving re-sends */

  GtkListBox *findings;
  GtkWidget *send_filing;
  AdwEntryRow *code, *title_row, *start_date, *end_date, *item_search, *assessment_method;
  AdwEntryRow *online_platform, *partner_credit_code, *partner_name, *venue_address;
  AdwEntryRow *commitment_signed_by, *commitment_date;
  AdwActionRow *status_row, *deadline_row, *catalog_row, *item_info, *standards_row;
  AdwActionRow *min_hours_row, *item;
  GtkListBox *item_list;
  AdwComboRow *certificate, *level, *training_type, *special_action, *mode;
  AdwComboRow *funding_source, *project_mode, *venue_region;
  GtkSpinButton *planned_size, *partner_positions;
  GtkWidget *partner_group;
  GtkListBox *teacher_list;
  TdTimetableEditor *timetable;
};

G_DEFINE_FINAL_TYPE (TdClassForm, td_class_form, GTK_TYPE_BOX)

enum { CHANGED, SEND_FILING, N_SIGNALS };
static guint signals[N_SIGNALS];

static void revalidate (TdClassForm *self);

/* ---- small helpers ----------------------------------------------------------- */

static int
code_int (AdwComboRow *row, TdCodeList list)
{
  const char *code = td_ui_combo_get_code (row, list);

  return code != NULL ? (int) g_ascii_strtoll (code, NULL, 10) : 0;
}

static void
select_int (AdwComboRow *row, TdCodeList list, int value)
{
  char code[16];

  g_snprintf (code, sizeof code, "%d", value);
  td_ui_combo_select_code (row, list, code);
}

static const TdCatalogItem *
current_item (TdClassForm *self)
{
  if (self->catalog == NULL || self->chosen_code == NULL)
    return NULL;
  return td_catalog_find_item (self->catalog, self->chosen_code);
}

static void
set_int_model (AdwComboRow *row, GArray *values, TdCodeList list, int keep)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < values->len; i++)
    {
      char code[16];
      int value = g_array_index (values, int, i);

      g_snprintf (code, sizeof code, "%d", value);
      gtk_string_list_append (model, td_code_label (list, code));
      if (value == keep)
        selected = i;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
}

static int
selected_int (AdwComboRow *row, GArray *values)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < values->len ? g_array_index (values, int, selected) : -1;
}

static void
add_unique (GArray *values, int value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, int, i) == value)
      return;
  g_array_append_val (values, value);
}

/* ---- catalogue item, certificate, level ---------------------------------------- */

static void
update_levels (TdClassForm *self, int keep)
{
  const TdCatalogItem *item = current_item (self);
  int certificate = selected_int (self->certificate, self->certificates);

  g_array_set_size (self->levels, 0);
  for (guint i = 0; item != NULL && i < item->standards->len; i++)
    {
      const TdStandard *standard = &g_array_index (item->standards, TdStandard, i);

      if (standard->certificate == certificate)
        add_unique (self->levels, standard->level);
    }
  set_int_model (self->level, self->levels, TD_CODES_LEVEL, keep);
}

static char *
standards_text (const TdCatalogItem *item)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < item->standards->len; i++)
    {
      const TdStandard *s = &g_array_index (item->standards, TdStandard, i);
      g_autofree char *amount = td_money_format_display (s->amount);
      g_autofree char *hours = td_hours_format (s->min_hours);
      char cert[4], level[4];

      g_snprintf (cert, sizeof cert, "%d", s->certificate);
      g_snprintf (level, sizeof level, "%d", s->level);
      g_string_append_printf (text, _("%s%s, %s: %s, at least %s h"), text->len ? "\n" : "",
                              td_code_label (TD_CODES_CERTIFICATE, cert),
                              td_code_label (TD_CODES_LEVEL, level), amount, hours);
    }
  return g_string_free (text, FALSE);
}

static char *
flags_text (const TdCatalogItem *item)
{
  GString *text = g_string_new (td_code_label (TD_CODES_ITEM_KIND, item->kind));

  if (item->shortage)
    g_string_append_printf (text, " · %s", _("shortage occupation"));
  if (item->green)
    g_string_append_printf (text, " · %s", _("green"));
  if (item->digital)
    g_string_append_printf (text, " · %s", _("digital"));
  return g_string_free (text, FALSE);
}

static void
update_item_details (TdClassForm *self, int keep_certificate, int keep_level)
{
  const TdCatalogItem *item = current_item (self);
  g_autofree char *flags = item != NULL ? flags_text (item) : NULL;
  g_autofree char *standards = item != NULL ? standards_text (item) : NULL;

  adw_action_row_set_subtitle (self->item_info, flags != NULL ? flags : "—");
  adw_action_row_set_subtitle (self->standards_row, standards != NULL ? standards : "—");
  g_array_set_size (self->certificates, 0);
  for (guint i = 0; item != NULL && i < item->standards->len; i++)
    add_unique (self->certificates,
                g_array_index (item->standards, TdStandard, i).certificate);
  set_int_model (self->certificate, self->certificates, TD_CODES_CERTIFICATE, keep_certificate);
  update_levels (self, keep_level);
}

static void
show_chosen_item (TdClassForm *self)
{
  const TdCatalogItem *item = current_item (self);
  g_autofree char *text = NULL;

  if (item != NULL)
    text = g_strdup_printf ("%s  %s", item->code, item->name);
  adw_action_row_set_subtitle (self->item, text != NULL ? text : _("None chosen: pick one in "
                                                                  "the list below."));
  td_ui_set_error (GTK_WIDGET (self->item), item == NULL);
}

static void
select_item (TdClassForm *self, const char *code)
{
  GtkListBoxRow *row;

  g_free (self->chosen_code);
  self->chosen_code = g_strdup (code);
  gtk_list_box_unselect_all (self->item_list);
  for (int i = 0; code != NULL && (row = gtk_list_box_get_row_at_index (self->item_list, i)); i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "code"), code) == 0)
      gtk_list_box_select_row (self->item_list, row);
  show_chosen_item (self);
}

static void
fill_items (TdClassForm *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list))) != NULL)
    gtk_list_box_remove (self->item_list, child);
  for (guint i = 0; self->catalog != NULL && i < self->catalog->items->len; i++)
    {
      const TdCatalogItem *item = g_ptr_array_index (self->catalog->items, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s  %s", item->code, item->name);
      g_autofree char *flags = flags_text (item);
      g_autofree char *key = g_strdup_printf ("%s %s", item->code, item->name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), flags);
      g_object_set_data_full (G_OBJECT (row), "code", g_strdup (item->code), g_free);
      g_object_set_data_full (G_OBJECT (row), "key", g_utf8_casefold (key, -1), g_free);
      gtk_list_box_append (self->item_list, row);
    }
}

static gboolean
item_visible (GtkListBoxRow *row, gpointer data)
{
  TdClassForm *self = data;
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (
                                               GTK_EDITABLE (self->item_search)), -1);
  const char *key = g_object_get_data (G_OBJECT (row), "key");

  g_strstrip (needle);
  return needle[0] == '\0' || (key != NULL && strstr (key, needle) != NULL);
}

/* The Catalog of the class: the version it was filed under, else the one in force on the
 * start date (today while no start date is typed). */
static void
load_catalog (TdClassForm *self, const char *start)
{
  g_autofree char *today = td_day_to_iso_dup (td_day_today ());
  g_autofree char *keep = NULL;
  g_autoptr (GError) local = NULL, unreadable = NULL;
  TdCatalog *catalog = NULL;

  if (self->store == NULL)
    return;
  if (self->klass->filing_no != NULL && self->klass->catalog_version != NULL)
    catalog = td_store_get_catalog (self->store, self->klass->catalog_version, &local);
  if (catalog == NULL && td_store_missing_ok (&local, &unreadable))
    {
      catalog = td_store_get_catalog_in_force (self->store, start[0] ? start : today, &local);
      if (catalog == NULL)
        td_store_missing_ok (&local, &unreadable);
    }
  if (self->catalog != NULL && catalog != NULL
      && g_strcmp0 (self->catalog->version, catalog->version) == 0)
    {
      td_catalog_free (catalog);
      return;
    }
  keep = g_strdup (current_item (self) ? current_item (self)->code : self->klass->item_code);
  g_clear_pointer (&self->catalog, td_catalog_free);
  self->catalog = catalog;
  if (catalog != NULL)
    adw_action_row_set_subtitle (self->catalog_row, catalog->version);
  else if (unreadable != NULL)   /* not "no catalogue in force": the user learns why */
    adw_action_row_set_subtitle (self->catalog_row, unreadable->message);
  else
    {
      g_autofree char *gap = td_filing_catalog_gap (self->store, start[0] ? start : today, NULL);
      adw_action_row_set_subtitle (self->catalog_row, gap);
    }
  fill_items (self);
  select_item (self, keep);
}

/* ---- template callbacks ------------------------------------------------------ */

static void
on_changed (TdClassForm *self)
{
  if (self->filling)
    return;
  self->modified = TRUE;
  revalidate (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_dates_changed (TdClassForm *self)
{
  char start[TD_DATE_LEN];

  if (self->filling)
    return;
  if (td_ui_editable_get_date (GTK_EDITABLE (self->start_date), start) && start[0] != '\0')
    load_catalog (self, start);
  on_changed (self);
}

static void
on_item_search_changed (TdClassForm *self)
{
  gtk_list_box_invalidate_filter (self->item_list);
}

static void
on_item_changed (TdClassForm *self, GtkListBoxRow *row)
{
  if (row == NULL || self->filling)
    return;
  g_free (self->chosen_code);
  self->chosen_code = g_strdup (g_object_get_data (G_OBJECT (row), "code"));
  show_chosen_item (self);
  update_item_details (self, self->klass->certificate, self->klass->level);
  on_changed (self);
}

static void
on_certificate_changed (TdClassForm *self)
{
  update_levels (self, self->klass->level);
  on_changed (self);
}

static void
on_timetable_changed (TdClassForm *self)
{
  if (!self->filling)
    self->timetable_modified = TRUE;
  on_changed (self);
}

/* ---- teachers ------------------------------------------------------------------ */

static void refresh_teachers (TdClassForm *self);
static void edit_teacher_dialog (TdClassForm *self, guint index);

static void
on_edit_teacher (GtkButton *button, TdClassForm *self)
{
  edit_teacher_dialog (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

/* A pencil button that opens the teacher's dialog; a click on the row does the same. */
static void
add_edit_button (TdClassForm *self, AdwActionRow *row, const TdTeacher *teacher, guint index)
{
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  g_autofree char *name = g_strdup_printf ("edit_teacher_%s", teacher->tid);

  gtk_widget_set_name (edit, name);
  gtk_widget_set_tooltip_text (edit, _("Edit teacher"));
  td_ui_tooltip_attach (edit);
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  g_object_set_data (G_OBJECT (edit), "index", GUINT_TO_POINTER (index));
  g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_teacher), self);
  adw_action_row_add_suffix (row, edit);
  adw_action_row_set_activatable_widget (row, edit);
}

static void
on_remove_teacher (GtkButton *button, TdClassForm *self)
{
  g_ptr_array_remove_index (self->teachers,
                            GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
  refresh_teachers (self);
  on_changed (self);
}

static void
refresh_teachers (TdClassForm *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->teacher_list))) != NULL)
    gtk_list_box_remove (self->teacher_list, child);
  for (guint i = 0; i < self->teachers->len; i++)
    {
      TdTeacher *teacher = g_ptr_array_index (self->teachers, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *title = g_strdup_printf ("%s  %s", teacher->tid, teacher->name);
      g_autofree char *masked = td_id_number_mask (teacher->id_number);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", masked, teacher->qualification);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      add_edit_button (self, ADW_ACTION_ROW (row), teacher, i);
      gtk_widget_set_tooltip_text (remove, _("Remove teacher"));
      td_ui_tooltip_attach (remove);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_teacher), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->teacher_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->teacher_list), self->teachers->len > 0);
}

static char *
next_tid (TdClassForm *self)
{
  guint64 highest = 0;

  for (guint i = 0; i < self->teachers->len; i++)
    {
      const char *tid = ((TdTeacher *) g_ptr_array_index (self->teachers, i))->tid;
      guint64 n;

      if (tid != NULL && tid[0] == 'T'
          && g_ascii_string_to_unsigned (tid + 1, 10, 0, 9999, &n, NULL))
        highest = MAX (highest, n);
    }
  return g_strdup_printf ("T%u", (guint) highest + 1);
}

void
td_class_form_add_teacher (TdClassForm *self, const char *name, const char *id_number,
                           const char *qualification)
{
  TdTeacher *teacher = td_teacher_new ();

  g_return_if_fail (TD_IS_CLASS_FORM (self));
  teacher->tid = next_tid (self);
  teacher->name = g_strdup (name);
  teacher->id_number = g_strdup (id_number);
  teacher->qualification = g_strdup (qualification);
  g_ptr_array_add (self->teachers, teacher);
  refresh_teachers (self);
  on_changed (self);
}

typedef struct
{
  TdClassForm *self;
  GtkWindow *window;
  GtkEditable *name, *id_number, *qualification;
  GtkLabel *message;
  int index;                    /* the teacher edited, -1 for a new one */
} TeacherDialog;

static void
teacher_dialog_free (TeacherDialog *dialog)
{
  g_object_unref (dialog->self);
  g_free (dialog);
}

/* Changes the teacher at @index; the tid stays, so the timetable still names them. */
static void
update_teacher (TdClassForm *self, guint index, const char *name, const char *id_number,
                const char *qualification)
{
  TdTeacher *teacher = g_ptr_array_index (self->teachers, index);

  g_free (teacher->name);
  teacher->name = g_strdup (name);
  g_free (teacher->id_number);
  teacher->id_number = g_strdup (id_number);
  g_free (teacher->qualification);
  teacher->qualification = g_strdup (qualification);
  refresh_teachers (self);
  on_changed (self);
}

static void
on_teacher_ok (TeacherDialog *dialog)
{
  g_autofree char *name = td_ui_editable_dup_text (dialog->name);
  g_autofree char *qualification = td_ui_editable_dup_text (dialog->qualification);
  g_autofree char *id = NULL;
  g_autoptr (GError) error = NULL;

  id = td_id_number_normalize (gtk_editable_get_text (dialog->id_number), NULL, &error);
  if (name == NULL || qualification == NULL)
    td_dialog_set_message (dialog->message, _("Fill in the name and the qualification."));
  else if (id == NULL)
    td_dialog_set_message (dialog->message, error->message);
  else
    {
      if (dialog->index < 0)
        td_class_form_add_teacher (dialog->self, name, id, qualification);
      else
        update_teacher (dialog->self, dialog->index, name, id, qualification);
      gtk_window_destroy (dialog->window);
    }
}

static void
teacher_dialog_show (TdClassForm *self, const TdTeacher *teacher, int index)
{
  TeacherDialog *dialog = g_new0 (TeacherDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();

  dialog->self = g_object_ref (self);
  dialog->index = index;
  dialog->name = GTK_EDITABLE (td_dialog_entry_row (C_("person", "Name"), "teacher-name",
                                                    teacher != NULL ? teacher->name : NULL));
  dialog->id_number = GTK_EDITABLE (td_dialog_entry_row (
    _("Id number"), "teacher-id", teacher != NULL ? teacher->id_number : NULL));
  dialog->qualification = GTK_EDITABLE (td_dialog_entry_row (
    _("Qualification (certificate and number)"), "teacher-qualification",
    teacher != NULL ? teacher->qualification : NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->name));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->id_number));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->qualification));
  gtk_box_append (GTK_BOX (box), group);
  dialog->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (dialog->message), "teacher-message");
  gtk_label_set_wrap (dialog->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (dialog->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (dialog->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->message));
  dialog->window = td_dialog_new (GTK_WIDGET (self),
                                  teacher != NULL ? _("Edit Teacher") : _("New Teacher"),
                                  "td-teacher-dialog", teacher != NULL ? _("_Save") : _("_Add"),
                                  box, G_CALLBACK (on_teacher_ok), dialog,
                                  (GDestroyNotify) teacher_dialog_free);
  gtk_window_present (dialog->window);
}

static void
on_add_teacher (TdClassForm *self)
{
  teacher_dialog_show (self, NULL, -1);
}

static void
edit_teacher_dialog (TdClassForm *self, guint index)
{
  g_return_if_fail (index < self->teachers->len);
  teacher_dialog_show (self, g_ptr_array_index (self->teachers, index), (int) index);
}

/* ---- reading and writing the fields -------------------------------------------- */

static void
set_dup (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

static void
read_fields (TdClassForm *self, TdClass *k)
{
  TdTimetableTotals totals = td_timetable_totals (td_timetable_editor_get_lessons (self->timetable));
  const TdCatalogItem *item = current_item (self);

  set_dup (&k->code, td_ui_editable_dup_text (GTK_EDITABLE (self->code)));
  set_dup (&k->title, td_ui_editable_dup_text (GTK_EDITABLE (self->title_row)));
  if (!td_ui_editable_get_date (GTK_EDITABLE (self->start_date), k->start_date))
    k->start_date[0] = '\0';
  if (!td_ui_editable_get_date (GTK_EDITABLE (self->end_date), k->end_date))
    k->end_date[0] = '\0';
  set_dup (&k->item_code, g_strdup (item != NULL ? item->code : NULL));
  set_dup (&k->item_name, g_strdup (item != NULL ? item->name : NULL));
  if (self->klass->filing_no == NULL || k->catalog_version == NULL)
    set_dup (&k->catalog_version, g_strdup (self->catalog ? self->catalog->version : NULL));
  k->certificate = MAX (selected_int (self->certificate, self->certificates), 0);
  k->level = MAX (selected_int (self->level, self->levels), 0);
  set_dup (&k->assessment_method, td_ui_editable_dup_text (GTK_EDITABLE (self->assessment_method)));
  g_strlcpy (k->training_type, td_ui_combo_get_code (self->training_type, TD_CODES_TRAINING_TYPE),
             sizeof k->training_type);
  g_strlcpy (k->special_action, td_ui_combo_get_code (self->special_action,
                                                      TD_CODES_SPECIAL_ACTION),
             sizeof k->special_action);
  k->mode = code_int (self->mode, TD_CODES_MODE);
  set_dup (&k->online_platform, k->mode == 1 ? NULL
           : td_ui_editable_dup_text (GTK_EDITABLE (self->online_platform)));
  k->funding_source = code_int (self->funding_source, TD_CODES_FUNDING_SOURCE);
  k->planned_size = gtk_spin_button_get_value_as_int (self->planned_size);
  k->planned_theory = totals.theory;
  k->planned_practice = totals.practice;
  k->planned_online = totals.online;
  k->project_mode = code_int (self->project_mode, TD_CODES_PROJECT_MODE);
  if (k->project_mode != 0)
    {
      g_autofree char *code = td_ui_editable_dup_text (GTK_EDITABLE (self->partner_credit_code));

      set_dup (&k->partner_credit_code, code != NULL ? td_credit_code_normalize (code) : NULL);
      set_dup (&k->partner_name, td_ui_editable_dup_text (GTK_EDITABLE (self->partner_name)));
      k->partner_positions = gtk_spin_button_get_value_as_int (self->partner_positions);
    }
  else
    {
      set_dup (&k->partner_credit_code, NULL);
      set_dup (&k->partner_name, NULL);
      k->partner_positions = 0;
    }
  g_strlcpy (k->venue_region, td_ui_combo_get_code (self->venue_region, TD_CODES_REGION),
             sizeof k->venue_region);
  set_dup (&k->venue_address, td_ui_editable_dup_text (GTK_EDITABLE (self->venue_address)));
  set_dup (&k->commitment_signed_by,
           td_ui_editable_dup_text (GTK_EDITABLE (self->commitment_signed_by)));
  if (!td_ui_editable_get_date (GTK_EDITABLE (self->commitment_date), k->commitment_date))
    k->commitment_date[0] = '\0';
}

static void
fill_combos (TdClassForm *self, const TdClass *k)
{
  td_ui_combo_set_codes (self->training_type, TD_CODES_TRAINING_TYPE, k->training_type);
  td_ui_combo_set_codes (self->special_action, TD_CODES_SPECIAL_ACTION, k->special_action);
  td_ui_combo_set_codes (self->mode, TD_CODES_MODE, NULL);
  select_int (self->mode, TD_CODES_MODE, k->mode);
  td_ui_combo_set_codes (self->funding_source, TD_CODES_FUNDING_SOURCE, NULL);
  select_int (self->funding_source, TD_CODES_FUNDING_SOURCE, k->funding_source);
  td_ui_combo_set_codes (self->project_mode, TD_CODES_PROJECT_MODE, NULL);
  select_int (self->project_mode, TD_CODES_PROJECT_MODE, k->project_mode);
  td_ui_combo_set_codes (self->venue_region, TD_CODES_REGION,
                         k->venue_region[0] ? k->venue_region : "371502");
}

/* ---- what was sent (issue 18.1) -------------------------------------------------- */

/* The widgets of each field, for the rows a lock makes read-only. */
static GPtrArray *
field_widgets (TdClassForm *self, TdClassField field)
{
  GPtrArray *list = g_ptr_array_new ();

#define W(w) g_ptr_array_add (list, (w))
  switch (field)
    {
    case TD_CLASS_FIELD_CODE: W (self->code); break;
    case TD_CLASS_FIELD_TITLE: W (self->title_row); break;
    case TD_CLASS_FIELD_ITEM:
      W (self->item_search); W (self->item_list); W (self->certificate); W (self->level);
      break;
    case TD_CLASS_FIELD_TRAINING_TYPE: W (self->training_type); break;
    case TD_CLASS_FIELD_SPECIAL_ACTION: W (self->special_action); break;
    case TD_CLASS_FIELD_MODE: W (self->mode); W (self->online_platform); break;
    case TD_CLASS_FIELD_PROJECT_MODE: W (self->project_mode); W (self->partner_group); break;
    case TD_CLASS_FIELD_START_DATE: W (self->start_date); break;
    case TD_CLASS_FIELD_END_DATE: W (self->end_date); break;
    case TD_CLASS_FIELD_HOURS: W (self->timetable); W (self->teacher_list); break;
    case TD_CLASS_FIELD_PLANNED_SIZE: W (self->planned_size); break;
    case TD_CLASS_FIELD_VENUE: W (self->venue_region); W (self->venue_address); break;
    case TD_CLASS_FIELD_FUNDING_SOURCE: W (self->funding_source); break;
    case TD_CLASS_FIELD_ASSESSMENT_METHOD: W (self->assessment_method); break;
    case TD_CLASS_FIELD_COMMITMENT: W (self->commitment_signed_by); W (self->commitment_date); break;
    default: break;
    }
#undef W
  return list;
}

static void
apply_lock (TdClassForm *self, const TdClass *k)
{
  /* unknown when the store cannot be read: then nothing may change */
  self->lock = td_store_class_lock (self->store, k, td_day_today (), NULL);
  for (guint f = 0; f < TD_CLASS_N_FIELDS; f++)
    {
      g_autoptr (GPtrArray) widgets = field_widgets (self, f);
      gboolean locked = td_class_field_locked (f, self->lock);

      for (guint i = 0; i < widgets->len; i++)
        gtk_widget_set_sensitive (g_ptr_array_index (widgets, i), !locked);
    }
}

/* The sent row: what the lock allows, and what saving now would re-send. */
static void
update_sent_row (TdClassForm *self, const TdClass *k)
{
  guint resent = td_class_filed_fields (td_class_changed_fields (self->klass, k));
  g_autofree char *fields = td_class_fields_text (resent);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->sent_row), self->lock != TD_CLASS_LOCK_NONE);
  if (self->lock == TD_CLASS_LOCK_CLOSED)
    text = g_strdup (_("The subsidy claim was sent: the class is closed and its filing "
                       "cannot change."));
  else if (self->lock != TD_CLASS_LOCK_NONE && resent != 0)
    text = g_strdup_printf (_("Saving re-sends %s to the bureau: the next filing is a "
                              "correction that supersedes the one sent."), fields);
  else if (self->lock == TD_CLASS_LOCK_STARTED)
    text = g_strdup (_("The class has started: the bureau accepts changes only to the end "
                       "date, the teachers, the lessons still to come and the commitment "
                       "(R-CLS-002), re-sent in a correction of the filing."));
  else if (self->lock == TD_CLASS_LOCK_FILED)
    text = g_strdup (_("A change is re-sent to the bureau in a correction that supersedes "
                       "the filing sent."));
  adw_action_row_set_subtitle (self->sent_row, text != NULL ? text : "");
  if (resent != 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->sent_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->sent_row), "warning");
}

guint
td_class_form_get_resent_fields (TdClassForm *self)
{
  g_autoptr (TdClass) k = NULL;

  g_return_val_if_fail (TD_IS_CLASS_FORM (self), 0);
  if (self->lock == TD_CLASS_LOCK_NONE)
    return 0;
  k = td_class_copy (self->klass);
  read_fields (self, k);
  return td_class_filed_fields (td_class_changed_fields (self->klass, k));
}

static void
fill_fields (TdClassForm *self, const TdClass *k, TdClassStatus status)
{
  g_autofree char *status_text = NULL;

  td_ui_editable_set (GTK_EDITABLE (self->code), k->code);
  td_ui_editable_set (GTK_EDITABLE (self->title_row), k->title);
  td_ui_editable_set (GTK_EDITABLE (self->start_date), k->start_date);
  td_ui_editable_set (GTK_EDITABLE (self->end_date), k->end_date);
  td_ui_editable_set (GTK_EDITABLE (self->item_search), NULL);
  td_ui_editable_set (GTK_EDITABLE (self->assessment_method), k->assessment_method);
  td_ui_editable_set (GTK_EDITABLE (self->online_platform), k->online_platform);
  td_ui_editable_set (GTK_EDITABLE (self->partner_credit_code), k->partner_credit_code);
  td_ui_editable_set (GTK_EDITABLE (self->partner_name), k->partner_name);
  td_ui_editable_set (GTK_EDITABLE (self->venue_address), k->venue_address);
  td_ui_editable_set (GTK_EDITABLE (self->commitment_signed_by), k->commitment_signed_by);
  td_ui_editable_set (GTK_EDITABLE (self->commitment_date), k->commitment_date);
  gtk_spin_button_set_value (self->planned_size, k->planned_size);
  gtk_spin_button_set_value (self->partner_positions, k->partner_positions);
  fill_combos (self, k);
  status_text = k->filing_no != NULL
    ? g_strdup_printf (_("%s, filing number %s"), td_class_status_label (status), k->filing_no)
    : g_strdup (k->id != 0 ? td_class_status_label (status) : _("New, not saved yet"));
  adw_action_row_set_subtitle (self->status_row, status_text);
  load_catalog (self, k->start_date);
  select_item (self, k->item_code);
  update_item_details (self, k->certificate, k->level);
  apply_lock (self, k);
}

/* ---- live checks ---------------------------------------------------------------- */

/* The form's widget for a finding's field (td-filing-check.h), NULL for none. */
static const char *
field_widget (const char *field)
{
  static const char *const widgets[][2] = {
    { "title", "title_row" }, { "item_code", "item_search" }, { "partner", "partner_name" },
    { "planned_online", "mode" }, { "planned_theory", "generate_button" },
    { "planned_practice", "generate_button" }, { "teachers", "add_teacher_button" },
    { "timetable", "generate_button" }, { "lesson", "lesson_list" },
  };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (field, widgets[i][0]))
      return widgets[i][1];
  return field;
}

static void
show_findings (TdClassForm *self, GPtrArray *findings)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings))) != NULL)
    gtk_list_box_remove (self->findings, child);
  for (guint i = 0; i < findings->len; i++)
    {
      TdFilingFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (finding->error ? "dialog-error-symbolic"
                                                      : "dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, finding->error ? "error" : "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     finding->rule[0] ? finding->rule : _("Required"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), finding->message);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), finding->field != NULL);
      g_object_set_data (G_OBJECT (row), "field", (gpointer) field_widget (finding->field));
      if (finding->field != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->findings, row);
    }
  if (findings->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No problems found: the filing can be sent."));
      gtk_list_box_append (self->findings, row);
    }
}

/* "Send Class Filing…": shown for a saved class not filed yet (none sent, or the one sent
 * refused), usable once it is saved and nothing blocks the filing. */
static void
update_send_filing (TdClassForm *self, GPtrArray *findings)
{
  gboolean errors = td_filing_findings_have_error (findings);

  gtk_widget_set_visible (self->send_filing,
                          self->klass->id != 0 && self->status == TD_CLASS_DRAFT);
  gtk_widget_set_sensitive (self->send_filing, !self->modified && !errors);
  gtk_widget_set_tooltip_text (self->send_filing,
                               self->modified ? _("Save the class first (Ctrl+S).")
                               : errors ? _("Correct the problems listed first.")
                               : _("Export the class filing for the bureau, checked against "
                                   "its rules."));
}

static void
on_send_filing (TdClassForm *self)
{
  g_signal_emit (self, signals[SEND_FILING], 0);
}

/* A problem clicked: the field it is about gets the focus (and is scrolled to). */
static void
on_finding_activated (TdClassForm *self, GtkListBoxRow *row)
{
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  GtkWidget *widget = field != NULL ? td_ui_find_named (GTK_WIDGET (self), field) : NULL;

  if (widget == NULL)
    return;
  if (!gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
update_deadline (TdClassForm *self, const TdClass *k)
{
  TdDay start = td_day_from_iso (k->start_date);
  g_autofree char *text = NULL;

  if (self->catalog != NULL && start != 0)
    {
      g_autofree char *when = td_due_filing_when (self->catalog, start, td_day_today ());

      /* TRANSLATORS: %s is when to send ("by 2026-12-04: today is the last day") */
      text = g_strdup_printf (_("%s · at least %d working days before the start (R-CLS-002)"),
                              when, self->catalog->rules.filing_lead_workdays);
    }
  adw_action_row_set_subtitle (self->deadline_row, text != NULL ? text : "—");
}

static char *
plan_text (TdClassForm *self, const TdClass *k)
{
  const TdCatalogItem *item = current_item (self);
  const TdStandard *standard = item != NULL
    ? td_catalog_item_find_standard (item, k->certificate, k->level) : NULL;
  g_autofree char *min = NULL;

  if (standard == NULL)
    {
      adw_action_row_set_subtitle (self->min_hours_row, "—");
      return g_strdup (_("Choose the catalogue item, certificate and level to see the minimum."));
    }
  min = td_hours_format (standard->min_hours);
  adw_action_row_set_subtitle (self->min_hours_row, min);
  return g_strdup_printf (_("The standard needs at least %s h of theory and practice."), min);
}

static void
revalidate (TdClassForm *self)
{
  g_autoptr (TdClass) k = td_class_copy (self->klass);
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *plan = NULL;
  GPtrArray *lessons = td_timetable_editor_get_lessons (self->timetable);

  read_fields (self, k);
  plan = plan_text (self, k);
  td_timetable_editor_set_context (self->timetable, k->start_date, k->end_date,
                                   self->catalog ? self->catalog->calendar : NULL,
                                   self->teachers, plan);
  gtk_widget_set_sensitive (GTK_WIDGET (self->online_platform), k->mode != 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->partner_credit_code), k->project_mode != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->partner_name), k->project_mode != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->partner_positions), k->project_mode != 0);
  if (td_class_field_locked (TD_CLASS_FIELD_MODE, self->lock))
    gtk_widget_set_sensitive (GTK_WIDGET (self->online_platform), FALSE);
  if (td_class_field_locked (TD_CLASS_FIELD_PROJECT_MODE, self->lock))
    gtk_widget_set_sensitive (GTK_WIDGET (self->partner_group), FALSE);
  update_sent_row (self, k);
  update_deadline (self, k);
  findings = td_filing_check (self->store, k, self->catalog, lessons, self->teachers,
                             td_day_today ());
  show_findings (self, findings);
  update_send_filing (self, findings);
  g_object_set_data_full (G_OBJECT (self), "td-findings", g_ptr_array_ref (findings),
                          (GDestroyNotify) g_ptr_array_unref);
}

/* ---- public -------------------------------------------------------------------- */

void
td_class_form_set_store (TdClassForm *self, TdStore *store)
{
  g_return_if_fail (TD_IS_CLASS_FORM (self));
  g_set_object (&self->store, store);
  g_clear_pointer (&self->catalog, td_catalog_free);
}

static TdClass *
new_class_defaults (void)
{
  TdClass *k = td_class_new ();

  g_strlcpy (k->training_type, "01", sizeof k->training_type);
  g_strlcpy (k->special_action, "01", sizeof k->special_action);
  k->mode = 1;
  k->funding_source = 1;
  k->certificate = 0;
  k->planned_size = 30;
  k->payee_type = 1;
  return k;
}

gboolean
td_class_form_load (TdClassForm *self, gint64 class_id, GError **error)
{
  g_autoptr (GPtrArray) lessons = NULL;
  g_autoptr (GPtrArray) teachers = NULL;
  g_autoptr (TdClass) k = NULL;
  g_autoptr (GError) local = NULL;
  TdClassStatus status = TD_CLASS_DRAFT;

  g_return_val_if_fail (TD_IS_CLASS_FORM (self), FALSE);
  if (self->store != NULL && class_id != 0)
    {
      k = td_store_get_class (self->store, class_id, error);
      if (k == NULL
          || (teachers = td_store_list_teachers (self->store, class_id, error)) == NULL
          || (lessons = td_store_list_lessons (self->store, class_id, error)) == NULL)
        return FALSE;
      status = td_store_class_status (self->store, k, td_day_today (), &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  g_clear_pointer (&self->klass, td_class_free);
  self->klass = k != NULL ? g_steal_pointer (&k) : new_class_defaults ();
  g_ptr_array_set_size (self->teachers, 0);
  for (guint i = 0; teachers != NULL && i < teachers->len; i++)
    g_ptr_array_add (self->teachers, g_ptr_array_steal_index (teachers, i--));
  self->status = status;
  self->filling = TRUE;
  fill_fields (self, self->klass, status);
  refresh_teachers (self);
  td_timetable_editor_set_lessons (self->timetable, lessons);
  self->filling = FALSE;
  self->modified = FALSE;
  self->timetable_modified = FALSE;
  revalidate (self);
  return TRUE;
}

gint64
td_class_form_get_class_id (TdClassForm *self)
{
  g_return_val_if_fail (TD_IS_CLASS_FORM (self), 0);
  return self->klass != NULL ? self->klass->id : 0;
}

gboolean
td_class_form_get_modified (TdClassForm *self)
{
  g_return_val_if_fail (TD_IS_CLASS_FORM (self), FALSE);
  return self->modified;
}

static gboolean
save_parts (TdClassForm *self, TdClass *k, GError **error)
{
  GPtrArray *lessons = td_timetable_editor_get_lessons (self->timetable);
  g_autoptr (GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);

  if (!td_store_save_class (self->store, k, error))
    return FALSE;
  for (guint i = 0; i < self->teachers->len; i++)
    ((TdTeacher *) g_ptr_array_index (self->teachers, i))->class_id = k->id;
  if (!td_store_set_teachers (self->store, k->id, self->teachers, error))
    return FALSE;
  /* a class with attendance keeps its lessons when only its fields or teachers changed */
  if (self->klass->id != 0 && !self->timetable_modified)
    return TRUE;
  for (guint i = 0; i < lessons->len; i++)
    {
      TdLesson *lesson = td_lesson_copy (g_ptr_array_index (lessons, i));

      lesson->class_id = k->id;
      g_ptr_array_add (copies, lesson);
    }
  return td_store_replace_lessons (self->store, k->id, copies, error);
}

gboolean
td_class_form_save (TdClassForm *self, GError **error)
{
  g_autoptr (TdClass) k = NULL;

  g_return_val_if_fail (TD_IS_CLASS_FORM (self), FALSE);
  k = td_class_copy (self->klass);
  read_fields (self, k);
  if (k->code == NULL || k->title == NULL || k->start_date[0] == '\0' || k->end_date[0] == '\0')
    {
      g_set_error_literal (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                           _("A class needs at least its code, title, start and end date "
                             "before it can be saved."));
      return FALSE;
    }
  if (!td_store_begin (self->store, error))
    return FALSE;
  if (!save_parts (self, k, error) || !td_store_commit (self->store, error))
    {
      td_store_rollback (self->store);
      return FALSE;
    }
  if (!td_class_form_load (self, k->id, error))
    {
      g_prefix_error (error, _("The class was saved, but it cannot be shown again: "));
      return FALSE;
    }
  return TRUE;
}

char *
td_class_form_dup_findings_text (TdClassForm *self)
{
  GPtrArray *findings = g_object_get_data (G_OBJECT (self), "td-findings");
  GString *text = g_string_new (NULL);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      TdFilingFinding *finding = g_ptr_array_index (findings, i);

      g_string_append_printf (text, "%s: %s\n", finding->rule, finding->message);
    }
  return g_string_free (text, FALSE);
}

/* ---- type -------------------------------------------------------------------- */

static void
td_class_form_dispose (GObject *object)
{
  TdClassForm *self = TD_CLASS_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_CLASS_FORM);
  g_clear_object (&self->store);
  g_clear_pointer (&self->chosen_code, g_free);
  g_clear_pointer (&self->klass, td_class_free);
  g_clear_pointer (&self->catalog, td_catalog_free);
  g_clear_pointer (&self->teachers, g_ptr_array_unref);
  g_clear_pointer (&self->certificates, g_array_unref);
  g_clear_pointer (&self->levels, g_array_unref);
  G_OBJECT_CLASS (td_class_form_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TdClassForm, name)

static void
td_class_form_class_init (TdClassFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_class_form_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* "Send Class Filing…" pressed: the page exports the filing of the class */
  signals[SEND_FILING] = g_signal_new ("send-filing", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_type_ensure (TD_TYPE_TIMETABLE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/traindesk/TrainDesk/ui/td-class-form.ui");
  BIND (findings); BIND (code); BIND (title_row); BIND (start_date); BIND (end_date);
  BIND (item_search); BIND (assessment_method); BIND (online_platform);
  BIND (partner_credit_code); BIND (partner_name); BIND (venue_address);
  BIND (commitment_signed_by); BIND (commitment_date); BIND (status_row); BIND (sent_row); BIND (deadline_row);
  BIND (catalog_row); BIND (item_info); BIND (standards_row); BIND (min_hours_row);
  BIND (item); BIND (item_list); BIND (certificate); BIND (level); BIND (training_type); BIND (special_action);
  BIND (mode); BIND (funding_source); BIND (project_mode); BIND (venue_region);
  BIND (planned_size); BIND (partner_positions); BIND (partner_group); BIND (teacher_list);
  BIND (timetable); BIND (send_filing);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dates_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_item_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_item_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_certificate_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_timetable_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_teacher);
  gtk_widget_class_bind_template_callback (widget_class, on_send_filing);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_activated);
}

static void
td_class_form_init (TdClassForm *self)
{
  self->filling = TRUE;
  self->klass = new_class_defaults ();
  self->teachers = g_ptr_array_new_with_free_func ((GDestroyNotify) td_teacher_free);
  self->certificates = g_array_new (FALSE, FALSE, sizeof (int));
  self->levels = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->item_list, item_visible, self, NULL);
  show_chosen_item (self);
  self->filling = FALSE;
}
