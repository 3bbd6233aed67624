/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display tests of what a new administrator tripped over (issue 17 items 9, 11, 12, 13, 15
 * and issue 18), on the demo institution with "today" pinned to Friday 2026-12-04: each test
 * drives the window as a user would and asserts what the user then sees.  The same program
 * in Chinese writes screenshots of what it shows. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "core/td-subsidy.h"
#include "ui/td-class-form.h"
#include "ui/td-print-dialog.h"
#include "ui/td-subsidy-page.h"
#include "core/td-timetable.h"
#include "ui/td-ui-util.h"
#include "ui/td-window.h"
#include "ui-test-util.h"

#define TODAY "2026-12-04"
#define NOW "2026-12-04T10:00:00+08:00"

/* the demo window (ui-test-util) */
typedef TdTestDemo Fixture;

/* ---- fixture and helpers ---------------------------------------------------------- */

static TdClass *
get_class (Fixture *f, const char *code)
{
  g_autoptr (GError) error = NULL;
  TdClass *k = td_store_get_class_by_code (f->store, code, &error);

  g_assert_no_error (error);
  return k;
}

static GtkWidget *
show (Fixture *f, const char *page, const char *code)
{
  if (code != NULL)
    {
      g_autoptr (TdClass) k = get_class (f, code);
      td_window_select_class (f->window, k->id);
    }
  td_window_show_page (f->window, page);
  td_test_settle (3, 10000);
  g_assert_cmpstr (td_window_get_visible_page_name (f->window), ==, page);
  return GTK_WIDGET (td_window_get_page (f->window, page));
}

/* The first label under @root whose text starts with @prefix, or NULL. */
static GtkLabel *
find_label (GtkWidget *root, const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return GTK_LABEL (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label (c, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
label_text (GtkWidget *root, const char *name)
{
  return gtk_label_get_text (GTK_LABEL (td_test_find (root, name)));
}

/* The row of @view showing the trainee named @name (the roster's order: not sorted), selected. */
static void
select_trainee (Fixture *f, GtkWidget *page, const char *view_name, gint64 class_id,
                const char *name)
{
  GtkWidget *view = td_test_find (page, view_name);
  GtkSingleSelection *sel = GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (view)));
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (f->store, class_id, NULL);

  for (guint i = 0; i < roster->len; i++)
    if (g_str_equal (((TdEnrolment *) g_ptr_array_index (roster, i))->trainee.name, name))
      {
        gtk_single_selection_set_selected (sel, i);
        td_test_spin ();
        return;
      }
  g_assert_not_reached ();
}

/* ---- 17.9: no default outcome --------------------------------------------------------- */

static void
test_assessment_no_default (Fixture *f, gconstpointer data)
{
  g_autoptr (TdClass) k = get_class (f, "DG2026-021");
  g_autoptr (GPtrArray) before = td_store_list_results (f->store, k->id, NULL);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (f->store, k->id, NULL);
  const TdEnrolment *first = g_ptr_array_index (roster, 0);
  GtkWidget *page;
  AdwComboRow *outcome;
  g_autoptr (GObject) shown = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  /* the running class has no result yet */
  g_assert_cmpuint (before->len, ==, 0);
  page = show (f, "assessment", "DG2026-021");
  select_trainee (f, page, "result-grid", k->id, first->trainee.name);
  outcome = ADW_COMBO_ROW (td_test_find (page, "result-outcome"));
  shown = adw_combo_row_get_selected_item (outcome);
  g_object_ref (shown);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (shown)), ==,
                   "Not recorded");
  g_assert_null (td_ui_combo_get_code (outcome, TD_CODES_OUTCOME));

  /* saving without an outcome is refused, and says why */
  g_assert_true (gtk_widget_activate_action (page, "assessment.save-result", NULL));
  td_test_spin ();
  g_assert_cmpstr (label_text (page, "result-message"), ==,
                   "Choose the outcome: passed, failed or absent.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (outcome), "error"));
  after = td_store_list_results (f->store, k->id, NULL);
  g_assert_cmpuint (after->len, ==, 0);

  /* once chosen, it is saved */
  td_ui_combo_select_code (outcome, TD_CODES_OUTCOME, "3");
  g_assert_true (gtk_widget_activate_action (page, "assessment.save-result", NULL));
  td_test_spin ();
  g_clear_pointer (&after, g_ptr_array_unref);
  after = td_store_list_results (f->store, k->id, NULL);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (((TdResult *) g_ptr_array_index (after, 0))->outcome, ==, 3);
}

/* ---- 17.11 and 18.3: the claim preview -------------------------------------------- */

static void
test_claim_reasons (Fixture *f, gconstpointer data)
{
  g_autoptr (TdClass) k = get_class (f, "YL2026-011");
  g_autoptr (GPtrArray) results = NULL;
  GtkWidget *page;
  GtkLabel *label;
  const TdSubsidyPreview *p;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  page = show (f, "subsidy", "YL2026-011");
  /* 26 on the roster, one of whom withdrew: 25 trainees, as the class list says */
  g_assert_cmpint (td_store_count_enrolled (f->store, k->id, NULL), ==, 25);
  g_assert_cmpstr (label_text (page, "subsidy-total"), ==,
                   "22 of 25 trainees included · total ¥38,100.00 (叁万捌仟壹佰元整) · "
                   "1 more withdrew");
  /* and the roster says the same */
  label = find_label (show (f, "trainees", "YL2026-011"), "25 trainees");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "25 trainees · 1 more withdrew");
  page = show (f, "subsidy", "YL2026-011");
  /* one number format for rates, and the whole reason shown */
  label = find_label (page, "attendance rate");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==,
                   "attendance rate 73.33% is below 80.00% (R-SUB-001)");
  g_assert_nonnull (find_label (page, "73.33%"));
  g_assert_null (find_label (page, "0.7333"));
  label = find_label (page, "withdrew on");
  g_assert_nonnull (label);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (label), " (R-SUB-001)"));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));

  /* 韩玉兰 attended 73.33 %; recorded as failed too, she is left out for both reasons */
  results = td_store_list_results (f->store, k->id, NULL);
  p = td_subsidy_page_get_preview (TD_SUBSIDY_PAGE (page));
  for (guint i = 0; i < results->len; i++)
    {
      TdResult *r = g_ptr_array_index (results, i);
      for (guint j = 0; j < p->lines->len; j++)
        {
          const TdSubsidyLine *l = g_ptr_array_index (p->lines, j);
          if (l->enrolment->trainee.id == r->trainee_id && l->reason == TD_SUBSIDY_LOW_ATTENDANCE)
            {
              r->outcome = 2;
              r->cert_type = r->cert_level = 0;
              g_clear_pointer (&r->cert_number, g_free);
              r->cert_issued[0] = '\0';
              g_assert_true (td_store_save_result (f->store, r, NULL));
            }
        }
    }
  td_test_settle (3, 10000);
  label = find_label (page, "failed the assessment");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==,
                   "failed the assessment (R-SUB-001)\n"
                   "attendance rate 73.33% is below 80.00% (R-SUB-001)");
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
}

/* ---- 18.1: what was sent ------------------------------------------------------------- */

static const char *
row_subtitle (GtkWidget *root, const char *name)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (td_test_find (root, name)));
}

static void
test_sent_class_locked (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) stored = NULL;
  g_autoptr (TdClass) before = NULL;
  GtkWidget *page, *form;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  before = get_class (f, "YL2026-011");
  /* filed and paid: closed, the form says so and lets nothing of the filing change */
  page = show (f, "classes", "YL2026-011");
  form = td_test_find (page, "class-form");
  g_assert_false (gtk_widget_is_sensitive (td_test_find (form, "start_date")));
  g_assert_false (gtk_widget_is_sensitive (td_test_find (form, "title_row")));
  g_assert_true (gtk_widget_get_visible (td_test_find (form, "class-sent")));
  g_assert_cmpstr (row_subtitle (form, "class-sent"), ==,
                   "The subsidy claim was sent: the class is closed and its filing cannot "
                   "change.");
  /* typed in anyway (the row is read-only): the store refuses it and keeps the class */
  gtk_editable_set_text (GTK_EDITABLE (td_test_find (form, "start_date")), "2026-07-06");
  td_test_spin ();
  g_assert_false (td_class_form_save (TD_CLASS_FORM (form), &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
  g_assert_cmpstr (error->message, ==, "The subsidy claim of class YL2026-011 was sent: the "
                                       "class is closed, and its start date cannot change "
                                       "any more.");
  stored = get_class (f, "YL2026-011");
  g_assert_cmpstr (stored->start_date, ==, before->start_date);
  g_clear_error (&error);
  g_assert_true (td_class_form_load (TD_CLASS_FORM (form), stored->id, NULL));
  g_clear_pointer (&stored, td_class_free);

  /* running: the start date is locked, the end date is not */
  page = show (f, "classes", "DG2026-021");
  form = td_test_find (page, "class-form");
  g_assert_false (gtk_widget_is_sensitive (td_test_find (form, "start_date")));
  g_assert_true (gtk_widget_is_sensitive (td_test_find (form, "end_date")));
  g_assert_true (g_str_has_prefix (row_subtitle (form, "class-sent"),
                                   "The class has started: the bureau accepts changes only"));

  /* filed, not started: a change is allowed and the form says what it re-sends */
  page = show (f, "classes", "JZ2026-031");
  form = td_test_find (page, "class-form");
  g_assert_true (gtk_widget_is_sensitive (td_test_find (form, "start_date")));
  g_assert_false (gtk_widget_is_sensitive (td_test_find (form, "code")));
  gtk_editable_set_text (GTK_EDITABLE (td_test_find (form, "venue_address")),
                         "聊城市东昌府区柳园南路90号");
  td_test_spin ();
  g_assert_cmpstr (row_subtitle (form, "class-sent"), ==,
                   "Saving re-sends venue to the bureau: the next filing is a correction "
                   "that supersedes the one sent.");
  g_assert_cmpuint (td_class_form_get_resent_fields (TD_CLASS_FORM (form)), ==,
                    TD_CLASS_FIELD_BIT (TD_CLASS_FIELD_VENUE));
  g_assert_true (td_class_form_save (TD_CLASS_FORM (form), &error));
  g_assert_no_error (error);
  stored = get_class (f, "JZ2026-031");
  g_assert_cmpstr (stored->venue_address, ==, "聊城市东昌府区柳园南路90号");
}

/* ---- 17.13 and 18.2: the main menu, the Print button ---------------------------------- */

static GtkMenuButton *
main_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return GTK_MENU_BUTTON (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkMenuButton *found = main_menu_button (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every entry of @model as "label=action" (a submenu as "label>"), one a line. */
static void
menu_text (GMenuModel *model, GString *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL, *action = NULL;
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr (GMenuModel) sub = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (section != NULL)
        {
          menu_text (section, out);
          continue;
        }
      g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      if (sub != NULL)
        g_string_append_printf (out, "%s>\n", label);
      else
        g_string_append_printf (out, "%s=%s\n", label, action);
    }
}

static char *
main_menu_text (Fixture *f)
{
  GtkMenuButton *button = main_menu_button (GTK_WIDGET (f->window));
  GString *out = g_string_new (NULL);

  g_assert_nonnull (button);
  menu_text (gtk_menu_button_get_menu_model (button), out);
  return g_string_free (out, FALSE);
}

static GMenuModel *
recent_menu (Fixture *f)
{
  return G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (f->window), TD_TYPE_WINDOW,
                                                      "recent_menu"));
}

static void
test_main_menu_databases (Fixture *f, gconstpointer data)
{
  g_autofree char *menu = NULL;
  g_autofree char *demo = NULL, *fresh = NULL, *label = NULL;
  g_autoptr (GError) error = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  menu = main_menu_text (f);
  g_assert_cmpstr (menu, ==, "_Open Database…=win.open-database\n"
                             "_New Database…=win.new-database\n"
                             "_Recent Databases>\n"
                             "_Back Up…=win.backup\n"
                             "_Print…=win.print\n"
                             "_Keyboard Shortcuts=win.show-help-overlay\n"
                             "_About TrainDesk=app.about\n");
  for (const char *const *a = (const char *[]){ "open-database", "new-database", "backup",
                                                "open-recent", "print", NULL };
       *a != NULL; a++)
    g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (f->window), *a));

  /* a new database: the first-run setup, and it is the first recent one */
  demo = g_build_filename (f->dir, "td.db", NULL);
  fresh = g_build_filename (f->dir, "second.db", NULL);
  g_assert_true (td_window_open_database (f->window, fresh, TRUE, &error));
  g_assert_no_error (error);
  td_test_settle (3, 10000);
  g_assert_true (td_store_is_empty (td_window_get_store (f->window), NULL));
  g_clear_object (&f->store);   /* the demo is now closed: only this window had it */
  g_assert_cmpint (g_menu_model_get_n_items (recent_menu (f)), ==, 1);
  g_menu_model_get_item_attribute (recent_menu (f), 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  g_assert_true (g_str_has_prefix (label, "second.db — "));
  /* creating over an existing file is refused */
  g_assert_false (td_window_open_database (f->window, demo, TRUE, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "exists already"));
  g_clear_error (&error);

  /* back to the demo from the recent list */
  td_test_activate (f->window, "open-recent", g_variant_new_string (demo));
  td_test_settle (3, 10000);
  g_assert_false (td_store_is_empty (td_window_get_store (f->window), &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_menu_model_get_n_items (recent_menu (f)), ==, 2);
  g_clear_pointer (&label, g_free);
  g_menu_model_get_item_attribute (recent_menu (f), 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  g_assert_true (g_str_has_prefix (label, "td.db — "));
}

static void
test_print_button (Fixture *f, gconstpointer data)
{
  const char *with[] = { "classes", "trainees", "attendance", "assessment", "subsidy" };
  const char *without[] = { "overview", "follow-up", "submissions", "settings" };
  GtkWidget *button;
  GListModel *tops;
  TdPrintDialog *dialog = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  button = td_test_find (f->window, "print-button");
  for (guint i = 0; i < G_N_ELEMENTS (without); i++)
    {
      show (f, without[i], NULL);
      g_assert_false (gtk_widget_get_mapped (button));
    }
  for (guint i = 0; i < G_N_ELEMENTS (with); i++)
    {
      show (f, with[i], "YL2026-011");
      g_assert_true (gtk_widget_get_mapped (button));
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.print");
    }
  /* on the Subsidy page it prints the claim form */
  td_test_press (f->window, "print-button");
  td_test_settle (3, 10000);
  tops = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (tops, i);
      if (TD_IS_PRINT_DIALOG (w))
        dialog = TD_PRINT_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpint (td_print_dialog_get_form (dialog), ==, TD_FORM_CLAIM);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ---- 18.3: no lesson on a public holiday ------------------------------------------- */

static void
test_timetable_skips_holidays (Fixture *f, gconstpointer data)
{
  g_autoptr (TdClass) k = get_class (f, "JZ2026-031");
  g_autoptr (TdCatalog) catalog = td_store_get_class_catalog (f->store, k, NULL);
  g_autoptr (GPtrArray) demo = td_store_list_lessons (f->store, k->id, NULL);
  g_autoptr (GPtrArray) made = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
  TdWeeklyPattern pattern = { .start = 8 * 3600 + 1800, .end = 11 * 3600 + 1800, .kind = 'T' };
  guint added;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  /* the catalogue 2026-1 has a calendar for 2026 only; 元旦 2027 is still a holiday */
  g_assert_false (td_calendar_covers_year (catalog->calendar, 2027));
  for (guint i = 0; i < demo->len; i++)
    g_assert_cmpstr (((TdLesson *) g_ptr_array_index (demo, i))->date, !=, "2027-01-01");
  /* the demo class runs over 元旦: ten lesson days, two lessons a day, none on the day */
  g_assert_cmpstr (k->start_date, <, "2027-01-01");
  g_assert_cmpstr (k->end_date, >, "2027-01-01");
  g_assert_cmpuint (demo->len, ==, 20);
  for (int d = 1; d <= 5; d++)
    pattern.weekdays[d] = TRUE;
  added = td_timetable_generate (made, &pattern, td_day_from_iso ("2026-12-28"),
                                 td_day_from_iso ("2027-01-08"), catalog->calendar);
  /* ten weekdays, less 元旦 (a Friday) */
  g_assert_cmpuint (added, ==, 9);
  for (guint i = 0; i < made->len; i++)
    g_assert_cmpstr (((TdLesson *) g_ptr_array_index (made, i))->date, !=, "2027-01-01");
  g_assert_cmpstr (td_calendar_public_holiday (catalog->calendar,
                                               td_day_from_iso ("2027-01-01")), ==, "元旦");
}

/* ---- 17.12: tooltips in Chinese -------------------------------------------------------- */

/* The width GTK gives the text of the tooltip of @widget showing @text (its natural width:
 * the tooltip window is presented at its natural size), after "query-tooltip" as GTK emits
 * it. */
static int
tooltip_width (GtkWidget *widget, const char *text)
{
  g_autoptr (GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  GtkWidget *label;
  GtkRequisition natural;
  gboolean shown = FALSE;

  gtk_widget_set_tooltip_text (widget, text);
  g_signal_emit_by_name (widget, "query-tooltip", 2, 2, FALSE, tooltip, &shown);
  g_assert_true (shown);
  label = g_object_get_data (G_OBJECT (widget), "td-tooltip-label");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, text);
  gtk_widget_get_preferred_size (label, NULL, &natural);
  return natural.width;
}

static int
text_width (GtkWidget *widget, const char *text)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
test_tooltips_chinese (Fixture *f, gconstpointer data)
{
  const char *shorter = "本页所属的班级";
  const char *longer = "按所选的星期在开班至结业日期之间生成课程，跳过目录日历中的法定节假日和其他非工作日，"
                       "已有的课程保留不变";
  GtkWidget *button;
  int width;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  show (f, "classes", "YL2026-011");
  button = td_test_find (f->window, "print-button");
  /* a short text on one line: the tooltip is as wide as the text */
  g_assert_cmpint (tooltip_width (button, "状态"), >=, text_width (button, "状态"));
  g_assert_cmpint (tooltip_width (button, shorter), >=, text_width (button, shorter));
  /* a long one wraps at a width that reads: more than 15 characters a line, no wider
   * than 400 pixels */
  width = tooltip_width (button, longer);
  g_assert_cmpint (width, >=, 15 * text_width (button, "状"));
  g_assert_cmpint (width, <=, 400);
  g_assert_cmpint (text_width (button, longer), >, width);
  /* the cells of the lists too */
  button = gtk_widget_get_parent (GTK_WIDGET (find_label (show (f, "subsidy", "YL2026-011"),
                                                          "withdrew on")));
  g_assert_cmpint (tooltip_width (button, longer), <=, 400);
}

/* ---- screenshots (run in Chinese too) ------------------------------------------------ */

static void
test_shots (Fixture *f, gconstpointer data)
{
  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  td_test_write_shot (show (f, "subsidy", "YL2026-011"), "newuser-subsidy");
  td_test_write_shot (show (f, "assessment", "DG2026-021"), "newuser-assessment");
  td_test_write_shot (show (f, "classes", "YL2026-011"), "newuser-class-closed");
  td_test_write_shot (GTK_WIDGET (f->window), "newuser-window");
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, TODAY, NOW);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, td_test_demo_set_up, fn, td_test_demo_tear_down)
  ADD ("/ui/demo-pages/assessment-no-default", test_assessment_no_default);
  ADD ("/ui/demo-pages/claim-reasons", test_claim_reasons);
  ADD ("/ui/demo-pages/sent-class-locked", test_sent_class_locked);
  ADD ("/ui/demo-pages/main-menu-databases", test_main_menu_databases);
  ADD ("/ui/demo-pages/print-button", test_print_button);
  ADD ("/ui/demo-pages/timetable-skips-holidays", test_timetable_skips_holidays);
  ADD ("/ui/demo-pages/tooltips-chinese", test_tooltips_chinese);
  ADD ("/ui/demo-pages/shots", test_shots);
#undef ADD
  return g_test_run ();
}
