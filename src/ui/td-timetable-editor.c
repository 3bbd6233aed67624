/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-filing-check.h"
#include "ui/td-dialog.h"
#include "ui/td-timetable-editor.h"
#include "ui/td-ui-util.h"

struct _TdTimetableEditor
{
  AdwBin parent_instance;
  GtkListBox *list;
  GtkLabel *totals;
  GPtrArray *lessons;           /* TdLesson*, owned */
  char start[TD_DATE_LEN];
  char end[TD_DATE_LEN];
  const TdCalendar *calendar;
  GPtrArray *teachers;          /* borrowed */
  char *plan;
};

G_DEFINE_FINAL_TYPE (TdTimetableEditor, td_timetable_editor, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
weekday_name (int weekday)
{
  const char *names[] = { "", N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"),
                          N_("Sat"), N_("Sun") };

  return weekday >= 1 && weekday <= 7 ? _(names[weekday]) : "";
}

static char *
lesson_title (const TdLesson *lesson)
{
  return g_strdup_printf ("%s  %s %s  %.5s–%.5s", lesson->lid, lesson->date,
                          weekday_name (td_day_weekday (td_day_from_iso (lesson->date))),
                          lesson->start, lesson->end);
}

static char *
lesson_subtitle (const TdLesson *lesson)
{
  g_autofree char *hours = td_hours_format (lesson->hours);

  return g_strdup_printf (_("%s · %s h · teacher %s%s%s%s"),
                          lesson->kind == 'T' ? _("Theory") : _("Practice"), hours,
                          lesson->teacher != NULL ? lesson->teacher : "?",
                          lesson->online ? _(" · online") : "",
                          lesson->content != NULL ? " · " : "",
                          lesson->content != NULL ? lesson->content : "");
}

static void edit_lesson (TdTimetableEditor *self, guint index);

static void
on_edit_clicked (GtkButton *button, TdTimetableEditor *self)
{
  edit_lesson (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static void refresh (TdTimetableEditor *self, gboolean changed);

static void
on_remove_clicked (GtkButton *button, TdTimetableEditor *self)
{
  g_ptr_array_remove_index (self->lessons,
                            GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
  refresh (self, TRUE);
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip, guint index, GCallback callback,
             TdTimetableEditor *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  td_ui_tooltip_attach (button);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
lesson_row (TdTimetableEditor *self, guint index, GString *problem)
{
  const TdLesson *lesson = g_ptr_array_index (self->lessons, index);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = lesson_title (lesson);
  g_autofree char *subtitle = lesson_subtitle (lesson);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (problem->len > 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_tooltip_text (icon, problem->str);
      td_ui_tooltip_attach (icon);
      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "error");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("document-edit-symbolic", _("Edit lesson"), index,
                                          G_CALLBACK (on_edit_clicked), self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("user-trash-symbolic", _("Remove lesson"), index,
                                          G_CALLBACK (on_remove_clicked), self));
  return row;
}

static void
update_totals (TdTimetableEditor *self, guint n_problems)
{
  TdTimetableTotals totals = td_timetable_totals (self->lessons);
  g_autofree char *theory = td_hours_format (totals.theory);
  g_autofree char *practice = td_hours_format (totals.practice);
  g_autofree char *online = td_hours_format (totals.online);
  g_autofree char *all = td_hours_format (totals.theory + totals.practice);
  g_autofree char *text = NULL;

  text = g_strdup_printf (_("%u lessons: theory %s h, practice %s h, together %s h; "
                            "online %s h. %s"),
                          self->lessons->len, theory, practice, all, online,
                          self->plan != NULL ? self->plan : "");
  gtk_label_set_text (self->totals, text);
  td_ui_set_error (GTK_WIDGET (self->totals), n_problems > 0);
}

static void
refresh (TdTimetableEditor *self, gboolean changed)
{
  g_autoptr (GPtrArray) problems = NULL;
  GtkWidget *child;

  td_timetable_sort (self->lessons);
  problems = td_filing_findings_new ();
  td_filing_check_lessons (problems, self->lessons, self->start, self->end, self->teachers,
                           TD_FILING_FOR_FORM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->lessons->len; i++)
    {
      g_autoptr (GString) problem = g_string_new (NULL);

      for (guint j = 0; j < problems->len; j++)
        {
          TdFilingFinding *p = g_ptr_array_index (problems, j);

          if (p->lesson == i)
            g_string_append_printf (problem, "%s%s: %s", problem->len ? "\n" : "", p->rule,
                                    p->message);
        }
      gtk_list_box_append (self->list, lesson_row (self, i, problem));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->lessons->len > 0);
  update_totals (self, problems->len);
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- the lesson dialog ---------------------------------------------------- */

/* The dialog's message (why OK does nothing yet) under its form, hidden until set. */
static GtkLabel *
message_label_append (GtkBox *box)
{
  GtkLabel *message = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (message), "error");
  gtk_widget_set_visible (GTK_WIDGET (message), FALSE);
  gtk_box_append (box, GTK_WIDGET (message));
  return message;
}

typedef struct
{
  TdTimetableEditor *self;
  GtkWindow *window;
  int index;                    /* -1 new */
  GtkEditable *date, *start, *end, *content;
  AdwComboRow *kind, *teacher;
  GtkSwitch *online;
  AdwActionRow *hours;
  GtkLabel *message;
} LessonDialog;

static void
lesson_dialog_free (LessonDialog *dialog)
{
  g_object_unref (dialog->self);
  g_free (dialog);
}

static char **
teacher_strings (TdTimetableEditor *self)
{
  GPtrArray *strings = g_ptr_array_new ();

  for (guint i = 0; self->teachers != NULL && i < self->teachers->len; i++)
    {
      TdTeacher *teacher = g_ptr_array_index (self->teachers, i);

      g_ptr_array_add (strings, g_strdup_printf ("%s  %s", teacher->tid, teacher->name));
    }
  g_ptr_array_add (strings, NULL);
  return (char **) g_ptr_array_free (strings, FALSE);
}

static const char *
selected_teacher (TdTimetableEditor *self, AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->teachers == NULL || selected >= self->teachers->len)
    return NULL;
  return ((TdTeacher *) g_ptr_array_index (self->teachers, selected))->tid;
}

static guint
teacher_index (TdTimetableEditor *self, const char *tid)
{
  for (guint i = 0; self->teachers != NULL && i < self->teachers->len; i++)
    if (g_strcmp0 (((TdTeacher *) g_ptr_array_index (self->teachers, i))->tid, tid) == 0)
      return i;
  return 0;
}

static void
on_lesson_times_changed (LessonDialog *dialog)
{
  int start = td_time_parse_lenient (gtk_editable_get_text (dialog->start));
  int end = td_time_parse_lenient (gtk_editable_get_text (dialog->end));
  g_autofree char *hours = NULL;

  if (start < 0 || end < 0 || end <= start)
    {
      adw_action_row_set_subtitle (dialog->hours, _("Type the start and end times, e.g. 8:00 "
                                                    "and 11:00."));
      return;
    }
  hours = td_hours_format (td_hours_of_interval (start, end));
  adw_action_row_set_subtitle (dialog->hours, hours);
}

static gboolean
lesson_from_dialog (LessonDialog *dialog, TdLesson *lesson, const char **message)
{
  int start = td_time_parse_lenient (gtk_editable_get_text (dialog->start));
  int end = td_time_parse_lenient (gtk_editable_get_text (dialog->end));
  TdDay day = td_day_parse_lenient (gtk_editable_get_text (dialog->date));
  g_autofree char *content = td_ui_editable_dup_text (dialog->content);

  if (day == 0)
    *message = _("The date is not a date. Type it as 2026-03-02.");
  else if (start < 0 || end < 0)
    *message = _("Type the times as 8:00 or 08:00.");
  else if (end <= start)
    *message = _("R-CLS-004: the lesson must end after it starts.");
  else if (selected_teacher (dialog->self, dialog->teacher) == NULL)
    *message = _("Add the class’s teachers first: every lesson names its teacher.");
  else if (content == NULL)
    *message = _("Fill in what the lesson teaches.");
  else
    {
      td_day_to_iso (day, lesson->date);
      td_time_to_iso (start, lesson->start);
      td_time_to_iso (end, lesson->end);
      lesson->hours = td_hours_of_interval (start, end);
      lesson->kind = adw_combo_row_get_selected (dialog->kind) == 0 ? 'T' : 'P';
      lesson->online = gtk_switch_get_active (dialog->online);
      g_free (lesson->teacher);
      lesson->teacher = g_strdup (selected_teacher (dialog->self, dialog->teacher));
      g_free (lesson->content);
      lesson->content = g_steal_pointer (&content);
      return TRUE;
    }
  return FALSE;
}

static void
on_lesson_ok (LessonDialog *dialog)
{
  TdTimetableEditor *self = dialog->self;
  g_autoptr (TdLesson) lesson = NULL;
  const char *message = NULL;

  lesson = dialog->index >= 0
    ? td_lesson_copy (g_ptr_array_index (self->lessons, dialog->index)) : td_lesson_new ();
  if (!lesson_from_dialog (dialog, lesson, &message))
    {
      td_dialog_set_message (dialog->message, message);
      return;
    }
  if (dialog->index >= 0)
    {
      td_lesson_free (g_ptr_array_index (self->lessons, dialog->index));
      self->lessons->pdata[dialog->index] = g_steal_pointer (&lesson);
    }
  else
    {
      lesson->lid = td_timetable_next_lid (self->lessons);
      g_ptr_array_add (self->lessons, g_steal_pointer (&lesson));
    }
  refresh (self, TRUE);
  gtk_window_destroy (dialog->window);
}

static GtkWidget *
lesson_dialog_content (LessonDialog *dialog, const TdLesson *lesson)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  const char *kinds[] = { _("Theory"), _("Practice"), NULL };
  g_auto (GStrv) teachers = teacher_strings (dialog->self);
  char start[6] = "", end[6] = "";

  if (lesson != NULL)
    {
      g_strlcpy (start, lesson->start, sizeof start);
      g_strlcpy (end, lesson->end, sizeof end);
    }
#define ADD(w) adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (w))
  dialog->date = GTK_EDITABLE (td_dialog_entry_row (_("Date"), "lesson-date",
                                                    lesson ? lesson->date : dialog->self->start));
  dialog->start = GTK_EDITABLE (td_dialog_entry_row (_("Starts at"), "lesson-start", start));
  dialog->end = GTK_EDITABLE (td_dialog_entry_row (_("Ends at"), "lesson-end", end));
  dialog->hours = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->hours),
                                 _("Class hours (45 minutes each)"));
  dialog->kind = ADW_COMBO_ROW (td_dialog_combo_row (_("Kind"), "lesson-kind", kinds,
                                                     lesson && lesson->kind == 'P' ? 1 : 0));
  dialog->online = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_name (GTK_WIDGET (dialog->online), "lesson-online");
  gtk_switch_set_active (dialog->online, lesson != NULL && lesson->online);
  dialog->teacher = ADW_COMBO_ROW (td_dialog_combo_row (
    _("Teacher"), "lesson-teacher", (const char **) teachers,
    lesson ? teacher_index (dialog->self, lesson->teacher) : 0));
  dialog->content = GTK_EDITABLE (td_dialog_entry_row (_("Content"), "lesson-content",
                                                       lesson ? lesson->content : NULL));
  ADD (dialog->date); ADD (dialog->start); ADD (dialog->end); ADD (dialog->hours);
  ADD (dialog->kind);
  ADD (td_dialog_row_with (_("Online"), GTK_WIDGET (dialog->online)));
  ADD (dialog->teacher); ADD (dialog->content);
#undef ADD
  g_signal_connect_swapped (dialog->start, "changed", G_CALLBACK (on_lesson_times_changed),
                            dialog);
  g_signal_connect_swapped (dialog->end, "changed", G_CALLBACK (on_lesson_times_changed),
                            dialog);
  on_lesson_times_changed (dialog);
  gtk_box_append (GTK_BOX (box), group);
  dialog->message = message_label_append (GTK_BOX (box));
  return box;
}

static void
edit_lesson (TdTimetableEditor *self, guint index)
{
  LessonDialog *dialog = g_new0 (LessonDialog, 1);
  const TdLesson *lesson = index < self->lessons->len ? g_ptr_array_index (self->lessons, index)
                                                      : NULL;

  dialog->self = g_object_ref (self);
  dialog->index = lesson != NULL ? (int) index : -1;
  dialog->window = td_dialog_new (GTK_WIDGET (self),
                                  lesson != NULL ? _("Edit Lesson") : _("New Lesson"),
                                  "td-lesson-dialog", _("_Save"),
                                  lesson_dialog_content (dialog, lesson),
                                  G_CALLBACK (on_lesson_ok), dialog,
                                  (GDestroyNotify) lesson_dialog_free);
  gtk_window_present (dialog->window);
}

void
td_timetable_editor_add_lesson (TdTimetableEditor *self)
{
  g_return_if_fail (TD_IS_TIMETABLE_EDITOR (self));
  edit_lesson (self, G_MAXUINT);
}

/* ---- the weekly-pattern dialog -------------------------------------------- */

typedef struct
{
  TdTimetableEditor *self;
  GtkWindow *window;
  GtkCheckButton *days[8];
  GtkEditable *start, *end, *content;
  AdwComboRow *kind, *teacher;
  GtkSwitch *online, *replace;
  GtkLabel *message;
} PatternDialog;

static void
pattern_dialog_free (PatternDialog *dialog)
{
  g_object_unref (dialog->self);
  g_free (dialog);
}

static void
on_pattern_ok (PatternDialog *dialog)
{
  TdWeeklyPattern pattern = { { FALSE } };
  g_autofree char *content = td_ui_editable_dup_text (dialog->content);
  gboolean any = FALSE;
  guint added;

  for (int d = 1; d <= 7; d++)
    any |= pattern.weekdays[d] = gtk_check_button_get_active (dialog->days[d]);
  pattern.start = td_time_parse_lenient (gtk_editable_get_text (dialog->start));
  pattern.end = td_time_parse_lenient (gtk_editable_get_text (dialog->end));
  pattern.kind = adw_combo_row_get_selected (dialog->kind) == 0 ? 'T' : 'P';
  pattern.online = gtk_switch_get_active (dialog->online);
  pattern.teacher = selected_teacher (dialog->self, dialog->teacher);
  pattern.content = content;
  if (!any)
    td_dialog_set_message (dialog->message, _("Choose at least one weekday."));
  else if (pattern.start < 0 || pattern.end < 0 || pattern.end <= pattern.start)
    td_dialog_set_message (dialog->message, _("Type the times as 8:00 and 11:00; the end "
                                              "after the start."));
  else if (pattern.teacher == NULL)
    td_dialog_set_message (dialog->message, _("Add the class’s teachers first."));
  else if (content == NULL)
    td_dialog_set_message (dialog->message, _("Fill in what the lessons teach."));
  else if (td_day_from_iso (dialog->self->start) == 0 || td_day_from_iso (dialog->self->end) == 0)
    td_dialog_set_message (dialog->message, _("Fill in the class’s start and end dates first."));
  else
    {
      added = td_timetable_editor_generate (dialog->self, &pattern,
                                            gtk_switch_get_active (dialog->replace));
      if (added == 0)
        td_dialog_set_message (dialog->message, _("No working day in the class dates falls on "
                                                  "the chosen weekdays."));
      else
        gtk_window_destroy (dialog->window);
    }
}

static GtkWidget *
pattern_days (PatternDialog *dialog)
{
  GtkWidget *days = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_halign (days, GTK_ALIGN_CENTER);
  for (int d = 1; d <= 7; d++)
    {
      g_autofree char *name = g_strdup_printf ("pattern-day-%d", d);

      dialog->days[d] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (weekday_name (d)));
      gtk_widget_set_name (GTK_WIDGET (dialog->days[d]), name);
      gtk_box_append (GTK_BOX (days), GTK_WIDGET (dialog->days[d]));
    }
  return days;
}

static GtkWidget *
pattern_dialog_content (PatternDialog *dialog)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  const char *kinds[] = { _("Theory"), _("Practice"), NULL };
  g_auto (GStrv) teachers = teacher_strings (dialog->self);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("A lesson on each chosen weekday from the class’s start to its end, skipping holidays "
      "and other non-working days of the catalogue’s calendar."));
  gtk_box_append (GTK_BOX (box), pattern_days (dialog));
#define ADD(w) adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (w))
  dialog->start = GTK_EDITABLE (td_dialog_entry_row (_("Starts at"), "pattern-start", "08:30"));
  dialog->end = GTK_EDITABLE (td_dialog_entry_row (_("Ends at"), "pattern-end", "11:30"));
  dialog->kind = ADW_COMBO_ROW (td_dialog_combo_row (_("Kind"), "pattern-kind", kinds, 0));
  dialog->online = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_name (GTK_WIDGET (dialog->online), "pattern-online");
  dialog->teacher = ADW_COMBO_ROW (td_dialog_combo_row (_("Teacher"), "pattern-teacher",
                                                        (const char **) teachers, 0));
  dialog->content = GTK_EDITABLE (td_dialog_entry_row (_("Content"), "pattern-content", NULL));
  dialog->replace = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_name (GTK_WIDGET (dialog->replace), "pattern-replace");
  gtk_switch_set_active (dialog->replace, dialog->self->lessons->len == 0);
  ADD (dialog->start); ADD (dialog->end); ADD (dialog->kind);
  ADD (td_dialog_row_with (_("Online"), GTK_WIDGET (dialog->online)));
  ADD (dialog->teacher); ADD (dialog->content);
  ADD (td_dialog_row_with (_("Replace the lessons already in the timetable"),
                           GTK_WIDGET (dialog->replace)));
#undef ADD
  gtk_box_append (GTK_BOX (box), group);
  dialog->message = message_label_append (GTK_BOX (box));
  return box;
}

void
td_timetable_editor_open_generate (TdTimetableEditor *self)
{
  PatternDialog *dialog = g_new0 (PatternDialog, 1);

  g_return_if_fail (TD_IS_TIMETABLE_EDITOR (self));
  dialog->self = g_object_ref (self);
  dialog->window = td_dialog_new (GTK_WIDGET (self), _("Generate Lessons"),
                                  "td-generate-dialog", _("_Generate"),
                                  pattern_dialog_content (dialog), G_CALLBACK (on_pattern_ok),
                                  dialog, (GDestroyNotify) pattern_dialog_free);
  gtk_window_present (dialog->window);
}

/* ---- public ------------------------------------------------------------------ */

guint
td_timetable_editor_generate (TdTimetableEditor *self, const TdWeeklyPattern *pattern,
                              gboolean replace)
{
  guint added;

  g_return_val_if_fail (TD_IS_TIMETABLE_EDITOR (self), 0);
  if (replace)
    g_ptr_array_set_size (self->lessons, 0);
  added = td_timetable_generate (self->lessons, pattern, td_day_from_iso (self->start),
                                 td_day_from_iso (self->end), self->calendar);
  refresh (self, TRUE);
  return added;
}

void
td_timetable_editor_set_lessons (TdTimetableEditor *self, GPtrArray *lessons)
{
  g_return_if_fail (TD_IS_TIMETABLE_EDITOR (self));
  g_ptr_array_set_size (self->lessons, 0);
  for (guint i = 0; lessons != NULL && i < lessons->len; i++)
    g_ptr_array_add (self->lessons, td_lesson_copy (g_ptr_array_index (lessons, i)));
  refresh (self, FALSE);
}

GPtrArray *
td_timetable_editor_get_lessons (TdTimetableEditor *self)
{
  g_return_val_if_fail (TD_IS_TIMETABLE_EDITOR (self), NULL);
  return self->lessons;
}

void
td_timetable_editor_set_context (TdTimetableEditor *self, const char *start, const char *end,
                                 const TdCalendar *calendar, GPtrArray *teachers,
                                 const char *plan)
{
  g_return_if_fail (TD_IS_TIMETABLE_EDITOR (self));
  g_strlcpy (self->start, start != NULL ? start : "", sizeof self->start);
  g_strlcpy (self->end, end != NULL ? end : "", sizeof self->end);
  self->calendar = calendar;
  self->teachers = teachers;
  g_free (self->plan);
  self->plan = g_strdup (plan);
  refresh (self, FALSE);
}

static void
td_timetable_editor_dispose (GObject *object)
{
  TdTimetableEditor *self = TD_TIMETABLE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_TIMETABLE_EDITOR);
  g_clear_pointer (&self->lessons, g_ptr_array_unref);
  g_clear_pointer (&self->plan, g_free);
  G_OBJECT_CLASS (td_timetable_editor_parent_class)->dispose (object);
}

static void
td_timetable_editor_class_init (TdTimetableEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_timetable_editor_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/traindesk/TrainDesk/ui/td-timetable-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TdTimetableEditor, list);
  gtk_widget_class_bind_template_child (widget_class, TdTimetableEditor, totals);
  gtk_widget_class_bind_template_callback (widget_class, td_timetable_editor_open_generate);
  gtk_widget_class_bind_template_callback (widget_class, td_timetable_editor_add_lesson);
}

static void
td_timetable_editor_init (TdTimetableEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
  refresh (self, FALSE);
}
