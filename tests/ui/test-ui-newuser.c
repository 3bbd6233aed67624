/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display tests of what a new administrator tripped over (issue 17 items 9, 11, 12, 13, 15
 * and issue 18), on the demo institution with "today" pinned to Friday 2026-12-04: each test
 * drives the window as a user would and asserts what the user then sees.  The same program
 * in Chinese writes screenshots of what it shows. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "core/td-subsidy.h"
#include "ui/td-subsidy-page.h"
#include "ui/td-ui-util.h"
#include "ui/td-window.h"
#include "ui-test-util.h"

#define TODAY "2026-12-04"
#define NOW "2026-12-04T10:00:00+08:00"

typedef struct
{
  char *dir;
  TdStore *store;
  TdWindow *window;
} Fixture;

/* ---- fixture and helpers ---------------------------------------------------------- */

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (!td_test_have_display ())
    return;
  f->dir = td_test_make_dir ("td-ui-newuser-XXXXXX");
  f->store = td_test_store_new (f->dir, "td.db", TRUE);
  f->window = td_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (f->window));
  td_test_settle (5, 10000);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GListModel *tops;

  if (!td_test_have_display ())
    return;
  /* dialogs left open by a failed assertion go with the window */
  tops = gtk_window_get_toplevels ();
  for (guint i = g_list_model_get_n_items (tops); i > 0; i--)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (tops, i - 1);
      if (w != GTK_WINDOW (f->window))
        gtk_window_destroy (w);
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
  td_test_spin ();
  g_clear_object (&f->store);
  td_test_remove_tree (f->dir);
  g_free (f->dir);
}

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

/* The row of @view showing the trainee named @name (TdRow id = trainee id), selected. */
static void
select_trainee (Fixture *f, GtkWidget *page, const char *view_name, gint64 class_id,
                const char *name)
{
  GtkWidget *view = td_test_find (page, view_name);
  GtkSingleSelection *sel = GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (view)));
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (f->store, class_id);

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
  g_autoptr (GPtrArray) before = td_store_list_results (f->store, k->id);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (f->store, k->id);
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
  after = td_store_list_results (f->store, k->id);
  g_assert_cmpuint (after->len, ==, 0);

  /* once chosen, it is saved */
  td_ui_combo_select_code (outcome, TD_CODES_OUTCOME, "3");
  g_assert_true (gtk_widget_activate_action (page, "assessment.save-result", NULL));
  td_test_spin ();
  g_clear_pointer (&after, g_ptr_array_unref);
  after = td_store_list_results (f->store, k->id);
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
  g_assert_cmpint (td_store_count_enrolled (f->store, k->id), ==, 25);
  g_assert_cmpstr (label_text (page, "subsidy-total"), ==,
                   "22 of 25 trainees included · total ¥38,100.00 (叁万捌仟壹佰元整) · "
                   "1 more withdrew");
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
  results = td_store_list_results (f->store, k->id);
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

/* ---- screenshots (run in Chinese too) ------------------------------------------------ */

static void
test_shots (Fixture *f, gconstpointer data)
{
  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  td_test_write_shot (show (f, "subsidy", "YL2026-011"), "newuser-subsidy");
  td_test_write_shot (show (f, "assessment", "DG2026-021"), "newuser-assessment");
  td_test_write_shot (GTK_WIDGET (f->window), "newuser-window");
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, TODAY, NOW);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/newuser/assessment-no-default", test_assessment_no_default);
  ADD ("/ui/newuser/claim-reasons", test_claim_reasons);
  ADD ("/ui/newuser/shots", test_shots);
#undef ADD
  return g_test_run ();
}
