/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display tests of the Attendance, Assessment, Follow-up, Subsidy, Submissions and
 * Overview pages on the demo institution (dates pinned by TD_TODAY / TD_NOW): a day of
 * attendance entered with the keyboard's actions, a sent record corrected and superseded,
 * results changing the claim preview, and a PNG of every page (in the test's language). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/td-i18n.h"
#include "core/td-subsidy.h"
#include "packet/td-catalog-import.h"
#include "packet/td-demo.h"
#include "ui/td-assessment-page.h"
#include "ui/td-attendance-page.h"
#include "ui/td-follow-up-page.h"
#include "ui/td-overview-page.h"
#include "ui/td-list-row.h"
#include "ui/td-settings-page.h"
#include "ui/td-submissions-page.h"
#include "ui/td-subsidy-page.h"
#include "ui/td-ui-util.h"
#include "ui-test-util.h"

#define TODAY "2026-06-15"
#define NOW "2026-06-15T17:00:00+08:00"
#define RUNNING_CLASS "DG2026-021"   /* attendance sent up to 06-11, pending after */
#define CLAIMED_CLASS "CY2026-004"   /* finished, claim accepted */

typedef struct
{
  char *dir;
  TdStore *store;
  GtkWindow *window;
} Fixture;


static void
fixture_set_up (Fixture *f, gconstpointer data)
{

  if (!td_test_have_display ())
    return;
  f->window = td_test_page_window_new (&f->dir, &f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (!td_test_have_display ())
    return;
  /* the temporary folder holds the database and exported packets */
  td_test_page_window_free (f->window, f->dir, f->store);
}

static gint64
class_id (Fixture *f, const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) k = td_store_get_class_by_code (f->store, code, &error);

  g_assert_no_error (error);
  return k->id;
}

static GtkWidget *
show_page (Fixture *f, GType type, const char *code)
{
  return td_test_page_window_show (f->window, type, f->store,
                                   code != NULL ? class_id (f, code) : 0);
}

/* The property @key of the typed row at @i (a TdListRow), kept until the next call. */
static const char *
row_text (GtkSingleSelection *sel, guint i, const char *key)
{
  static char *text;
  g_autoptr (GObject) row = g_list_model_get_item (G_LIST_MODEL (sel), i);

  g_clear_pointer (&text, g_free);
  g_object_get (row, key, &text, NULL);
  return text;
}

static const TdAttendance *
find_in (GPtrArray *records, gint64 lesson_id, gint64 trainee_id)
{
  for (guint i = 0; i < records->len; i++)
    {
      const TdAttendance *r = g_ptr_array_index (records, i);
      if (r->lesson_id == lesson_id && r->trainee_id == trainee_id && !r->replaced)
        return r;
    }
  return NULL;
}

/* The first lesson of the class with no record, and its index in the page's list. */
static const TdLesson *
first_empty_lesson (Fixture *f, gint64 cid, GPtrArray *lessons, guint *index)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) records = td_store_list_attendance (f->store, cid, &lerr);
  g_assert_no_error (lerr);

  for (guint i = 0; i < lessons->len; i++)
    {
      const TdLesson *l = g_ptr_array_index (lessons, i);
      gboolean any = FALSE;
      for (guint j = 0; j < records->len && !any; j++)
        any = ((TdAttendance *) g_ptr_array_index (records, j))->lesson_id == l->id;
      if (!any)
        {
          *index = i;
          return l;
        }
    }
  g_assert_not_reached ();
}

/* ---- attendance with the keyboard ---------------------------------------------- */

static void
test_attendance_keyboard (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  gint64 cid;
  g_autoptr (GPtrArray) lessons = NULL, enrolments = NULL, chain_before = NULL, chain = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  GtkSingleSelection *lessons_sel, *trainees_sel;
  GtkWidget *page, *in_entry;
  const TdLesson *l;
  const TdAttendance *r;
  gint64 t0, t1, t2;
  guint li = 0;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  cid = class_id (f, RUNNING_CLASS);
  lessons = td_store_list_lessons (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  enrolments = td_store_list_enrolments (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  chain_before = td_store_list_chain (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  l = first_empty_lesson (f, cid, lessons, &li);
  page = show_page (f, TD_TYPE_ATTENDANCE_PAGE, RUNNING_CLASS);
  lessons_sel = td_test_view_selection (page, "lesson-grid");
  trainees_sel = td_test_view_selection (page, "trainee-grid");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trainees_sel)), ==, enrolments->len);

  gtk_single_selection_set_selected (lessons_sel, li);
  gtk_single_selection_set_selected (trainees_sel, 0);
  td_test_spin ();
  t0 = ((TdEnrolment *) g_ptr_array_index (enrolments, 0))->trainee.id;
  t1 = ((TdEnrolment *) g_ptr_array_index (enrolments, 1))->trainee.id;
  t2 = ((TdEnrolment *) g_ptr_array_index (enrolments, 2))->trainee.id;

  /* P: present, the selection moves on; A: absent; L: type the sign-in time, Enter */
  g_assert_true (gtk_widget_activate_action (page, "attendance.status", "s", "P"));
  td_test_spin ();
  g_assert_cmpuint (gtk_single_selection_get_selected (trainees_sel), ==, 1);
  g_assert_true (gtk_widget_activate_action (page, "attendance.status", "s", "A"));
  td_test_spin ();
  g_assert_cmpuint (gtk_single_selection_get_selected (trainees_sel), ==, 2);
  g_assert_true (gtk_widget_activate_action (page, "attendance.status", "s", "L"));
  td_test_spin ();
  in_entry = td_ui_find_named (page, "attendance-in");
  g_assert_true (gtk_widget_has_focus (in_entry)
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                            in_entry));
  {
    int start = td_time_from_iso (l->start) + 50 * 60;   /* 50 minutes late */
    char hm[9];
    td_time_to_iso (start, hm);
    gtk_editable_set_text (GTK_EDITABLE (in_entry), hm);
  }
  g_signal_emit_by_name (in_entry, "activate");
  td_test_spin ();

  chain = td_store_list_chain (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (chain->len, ==, chain_before->len + 3);
  r = find_in (chain, l->id, t0);
  g_assert_nonnull (r);
  g_assert_cmpint (r->status, ==, 'P');
  g_assert_cmpint (r->hours, ==, l->hours);
  g_assert_cmpstr (r->time_in, ==, l->start);
  g_assert_cmpstr (r->time_out, ==, l->end);
  g_assert_cmpuint (strlen (r->hash), ==, 64);
  r = find_in (chain, l->id, t1);
  g_assert_cmpint (r->status, ==, 'A');
  g_assert_cmpint (r->hours, ==, 0);
  g_assert_cmpstr (r->time_in, ==, "");
  r = find_in (chain, l->id, t2);
  g_assert_cmpint (r->status, ==, 'L');
  g_assert_cmpint (r->hours, ==,
                   td_hours_credited (td_time_from_iso (l->start), td_time_from_iso (l->end),
                                      l->hours, td_time_from_iso (l->start) + 3000,
                                      td_time_from_iso (l->end)));
  g_assert_cmpint (r->hours, <, l->hours);
  /* each record's chain value differs from the one before it */
  for (guint i = 1; i < chain->len; i++)
    g_assert_cmpstr (((TdAttendance *) g_ptr_array_index (chain, i))->hash, !=,
                     ((TdAttendance *) g_ptr_array_index (chain, i - 1))->hash);
  problems = td_store_verify (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* the grid shows what was stored: hours of the lesson and the trainee's credited total */
  {
    g_autofree char *hours = td_hours_format (l->hours);
    g_autofree char *total = td_hours_format (td_store_credited_hours (f->store, cid, t0, &lerr));
    g_assert_no_error (lerr);
    g_assert_cmpstr (row_text (trainees_sel, 0, "hours"), ==, hours);
    g_assert_cmpstr (row_text (trainees_sel, 0, "credited"), ==, total);
  }

  /* the rest of the lesson in one go: every trainee without a record is present */
  g_assert_true (gtk_widget_activate_action (page, "attendance.lesson-present", NULL));
  td_test_spin ();
  {
    g_autoptr (GPtrArray) now = td_store_list_attendance (f->store, cid, &lerr);
    g_assert_no_error (lerr);
    guint n = 0;
    for (guint i = 0; i < now->len; i++)
      n += ((TdAttendance *) g_ptr_array_index (now, i))->lesson_id == l->id;
    guint offered = 0;
    for (guint i = 0; i < enrolments->len; i++)
      {
        const TdEnrolment *e = g_ptr_array_index (enrolments, i);
        offered += e->withdrawn_date[0] == '\0' || strcmp (e->withdrawn_date, l->date) >= 0;
      }
    g_assert_cmpuint (n, ==, offered);
    g_assert_cmpuint (n, >, 3);
  }
}

/* ---- a sent record corrected ------------------------------------------------------ */

static void
test_attendance_correction (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  gint64 cid;
  g_autoptr (GPtrArray) records = NULL, pending = NULL, problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPacketLog) batch = NULL;
  g_autofree char *sent_packet = NULL, *out = NULL;
  const TdAttendance *sent = NULL;
  GtkSingleSelection *lessons_sel, *trainees_sel;
  GtkWidget *page;
  GtkWindow *dialog;
  g_autoptr (GPtrArray) lessons = NULL, enrolments = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  cid = class_id (f, RUNNING_CLASS);
  lessons = td_store_list_lessons (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  enrolments = td_store_list_enrolments (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  records = td_store_list_attendance (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  /* the first trainee's record of the first lesson was sent and accepted */
  sent = find_in (records, ((TdLesson *) g_ptr_array_index (lessons, 0))->id,
                  ((TdEnrolment *) g_ptr_array_index (enrolments, 0))->trainee.id);
  g_assert_nonnull (sent);
  g_assert_nonnull (sent->packet_id);
  g_assert_cmpint (sent->status, !=, 'A');
  sent_packet = g_strdup (sent->packet_id);

  page = show_page (f, TD_TYPE_ATTENDANCE_PAGE, RUNNING_CLASS);
  lessons_sel = td_test_view_selection (page, "lesson-grid");
  trainees_sel = td_test_view_selection (page, "trainee-grid");
  gtk_single_selection_set_selected (lessons_sel, 0);
  gtk_single_selection_set_selected (trainees_sel, 0);
  td_test_spin ();
  /* the grid shows the lock */
  g_assert_cmpstr (row_text (trainees_sel, 0, "lock"), ==, "icon:changes-prevent-symbolic");

  g_assert_true (gtk_widget_activate_action (page, "attendance.status", "s", "A"));
  td_test_spin ();
  dialog = td_test_toplevel ("td-correction-dialog");
  g_assert_nonnull (dialog);
  /* nothing changes before the user confirms */
  pending = td_store_list_pending_attendance (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  for (guint i = 0; i < pending->len; i++)
    g_assert_null (((TdAttendance *) g_ptr_array_index (pending, i))->restates);
  g_clear_pointer (&pending, g_ptr_array_unref);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "correct");
  td_test_spin ();

  pending = td_store_list_pending_attendance (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  {
    const TdAttendance *c = find_in (pending, sent->lesson_id, sent->trainee_id);
    g_assert_nonnull (c);
    g_assert_cmpint (c->status, ==, 'A');
    g_assert_cmpstr (c->restates, ==, sent_packet);
  }
  problems = td_store_verify (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* the next batch, exported from the Submissions page, supersedes the corrected one */
  page = show_page (f, TD_TYPE_SUBMISSIONS_PAGE, RUNNING_CLASS);
  out = g_build_filename (f->dir, "attendance.xml", NULL);
  if (!td_submissions_page_export (TD_SUBMISSIONS_PAGE (page), TD_KIND_ATTENDANCE, 0, 0, out))
    {
      GtkWindow *w = td_test_toplevel ("td-findings-window");
      g_test_message ("export refused%s", w != NULL ? " with findings" : "");
      g_test_fail ();
      return;
    }
  batch = td_store_latest_packet (f->store, TD_KIND_ATTENDANCE, cid, 0, 0, &lerr);
  g_assert_no_error (lerr);
  g_assert_nonnull (batch);
  g_assert_cmpstr (batch->supersedes, ==, sent_packet);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));

  /* the bureau rejects that batch: the receipt's issues are listed with their rule ids */
  {
    g_autofree char *receipt = g_build_filename (f->dir, "receipt.xml", NULL);
    g_autofree char *xml = g_strdup_printf (
      "<?xml version='1.0' encoding='UTF-8'?>\n"
      "<Receipt xmlns=\"urn:lc-hrss:training:1.0\" version=\"1.0\" packet=\"%s\" "
      "digest=\"%s\" received=\"2026-06-15T18:00:00+08:00\" "
      "issued=\"2026-06-16T09:00:00+08:00\" status=\"REJECTED\">"
      "<Issue rule=\"R-ATT-003\" severity=\"error\" ref=\"L01A\">Sign-in after the "
      "lesson's end.</Issue></Receipt>", batch->id, batch->digest);
    g_autoptr (TdPacketLog) after = NULL;
    GtkWindow *window;
    GtkSingleSelection *issues;

    g_assert_true (g_file_set_contents (receipt, xml, -1, NULL));
    g_assert_true (td_submissions_page_import_receipt (TD_SUBMISSIONS_PAGE (page), receipt));
    td_test_spin ();
    after = td_store_get_packet (f->store, batch->id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (after->status, ==, TD_PACKET_REJECTED);
    window = td_test_toplevel ("td-findings-window");
    g_assert_nonnull (window);
    issues = td_test_view_selection (GTK_WIDGET (window), "findings-list");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (issues)), ==, 1);
    g_assert_cmpstr (row_text (issues, 0, "rule"), ==, "R-ATT-003");
    g_assert_cmpstr (row_text (issues, 0, "ref"), ==, "L01A");
    g_assert_cmpstr (row_text (issues, 0, "message"), ==, "Sign-in after the lesson's end.");
    gtk_window_destroy (window);
    /* the records it carried wait for the next batch again */
    g_clear_pointer (&pending, g_ptr_array_unref);
    pending = td_store_list_pending_attendance (f->store, cid, &lerr);
    g_assert_no_error (lerr);
    g_assert_nonnull (find_in (pending, sent->lesson_id, sent->trainee_id));
  }
}

/* ---- withdrawal ------------------------------------------------------------------ */

static void
test_withdrawal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  gint64 cid;
  g_autoptr (GPtrArray) lessons = NULL, enrolments = NULL, before = NULL, after = NULL;
  g_autoptr (TdEnrolment) e = NULL;
  GtkSingleSelection *lessons_sel, *trainees_sel;
  GtkWidget *page;
  GtkWindow *dialog;
  const TdLesson *l;
  guint li = 0;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  cid = class_id (f, RUNNING_CLASS);
  lessons = td_store_list_lessons (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  enrolments = td_store_list_enrolments (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  l = first_empty_lesson (f, cid, lessons, &li);   /* today's first lesson */
  page = show_page (f, TD_TYPE_ATTENDANCE_PAGE, RUNNING_CLASS);
  lessons_sel = td_test_view_selection (page, "lesson-grid");
  trainees_sel = td_test_view_selection (page, "trainee-grid");
  gtk_single_selection_set_selected (lessons_sel, li);
  gtk_single_selection_set_selected (trainees_sel, 0);
  td_test_spin ();

  g_assert_true (gtk_widget_activate_action (page, "attendance.withdraw", NULL));
  td_test_spin ();
  dialog = td_test_toplevel ("td-withdraw-dialog");
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (td_ui_find_named (GTK_WIDGET (dialog), "change-date")),
                         "2026-06-12");
  gtk_editable_set_text (GTK_EDITABLE (td_ui_find_named (GTK_WIDGET (dialog),
                                                         "change-reason")),
                         "找到工作");
  g_signal_emit_by_name (td_ui_find_named (GTK_WIDGET (dialog), "dialog-ok"), "clicked");
  td_test_spin ();
  g_assert_null (td_test_toplevel ("td-withdraw-dialog"));
  e = td_store_get_enrolment (f->store, cid,
                              ((TdEnrolment *) g_ptr_array_index (enrolments, 0))->trainee.id,
                              NULL);
  g_assert_cmpstr (e->withdrawn_date, ==, "2026-06-12");
  g_assert_cmpstr (e->withdrawn_reason, ==, "找到工作");

  /* today's lesson no longer offers the trainee: shown as withdrawn, and P is refused */
  gtk_single_selection_set_selected (lessons_sel, li);
  gtk_single_selection_set_selected (trainees_sel, 0);
  td_test_spin ();
  g_assert_cmpstr (row_text (trainees_sel, 0, "status"), ==, "Withdrawn");
  {
    g_autoptr (TdListRow) row = g_list_model_get_item (G_LIST_MODEL (trainees_sel), 0);

    g_assert_true (td_list_row_get_dimmed (row));
  }
  before = td_store_list_chain (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  g_assert_true (gtk_widget_activate_action (page, "attendance.status", "s", "P"));
  td_test_spin ();
  dialog = td_test_toplevel ("td-error-dialog");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "R-ATT-002"));
  gtk_window_destroy (dialog);
  after = td_store_list_chain (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpstr (l->date, >, "2026-06-12");
}

/* ---- results change the claim preview ----------------------------------------------- */

static void
test_subsidy_preview (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  gint64 cid;
  g_autoptr (TdPacketLog) log = NULL;
  g_autoptr (TdClaim) claim = NULL;
  g_autoptr (GPtrArray) enrolments = NULL;
  const TdSubsidyPreview *p;
  GtkWidget *page, *assess;
  GtkSingleSelection *sel;
  TdFen before_total, line_amount = 0;
  guint included = G_MAXUINT;
  int before_count;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  cid = class_id (f, CLAIMED_CLASS);
  log = td_store_latest_packet (f->store, TD_KIND_CLAIM, cid, 0, 0, &lerr);
  g_assert_no_error (lerr);
  g_assert_nonnull (log);
  claim = td_store_get_claim_by_packet (f->store, log->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_nonnull (claim);

  page = show_page (f, TD_TYPE_SUBSIDY_PAGE, CLAIMED_CLASS);
  p = td_subsidy_page_get_preview (TD_SUBSIDY_PAGE (page));
  g_assert_nonnull (p);
  /* the page's figures are those of the claim the packet carried */
  g_assert_cmpint (p->count, ==, claim->count);
  g_assert_cmpint (p->total, ==, claim->total);
  {
    g_autofree char *money = td_money_format_display (claim->total);
    GtkWidget *label = td_ui_find_named (page, "subsidy-total");
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), money));
  }
  for (guint i = 0; i < p->lines->len && included == G_MAXUINT; i++)
    {
      const TdSubsidyLine *line = g_ptr_array_index (p->lines, i);
      if (line->reason == TD_SUBSIDY_INCLUDED)
        included = i, line_amount = line->amount;
    }
  g_assert_cmpuint (included, !=, G_MAXUINT);
  before_total = p->total;
  before_count = p->count;

  /* record that trainee as failed on the Assessment page: the preview leaves them out */
  assess = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);
  td_page_set_store (TD_PAGE (assess), f->store);
  td_page_set_class_id (TD_PAGE (assess), cid);
  sel = td_test_view_selection (assess, "result-grid");
  enrolments = td_store_list_enrolments (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  gtk_single_selection_set_selected (sel, included);
  td_ui_combo_select_code (ADW_COMBO_ROW (td_ui_find_named (assess, "result-outcome")),
                           TD_CODES_OUTCOME, "2");
  g_assert_true (gtk_widget_activate_action (assess, "assessment.save-result", NULL));
  td_test_spin ();
  p = td_subsidy_page_get_preview (TD_SUBSIDY_PAGE (page));
  g_assert_cmpint (p->count, ==, before_count - 1);
  g_assert_cmpint (p->total, ==, before_total - line_amount);
  g_assert_cmpint (((TdSubsidyLine *) g_ptr_array_index (p->lines, included))->reason, ==,
                   TD_SUBSIDY_FAILED);
  g_object_ref_sink (assess);
  g_object_unref (assess);
}

/* ---- screenshots ------------------------------------------------------------------ */

static void
test_screenshots (Fixture *f, gconstpointer data)
{
  static const struct { const char *name; const char *code; } shots[] = {
    { "attendance", RUNNING_CLASS }, { "assessment", CLAIMED_CLASS },
    { "follow-up", CLAIMED_CLASS }, { "subsidy", CLAIMED_CLASS },
    { "submissions", RUNNING_CLASS }, { "overview", NULL },
  };
  GType types[] = { TD_TYPE_ATTENDANCE_PAGE, TD_TYPE_ASSESSMENT_PAGE, TD_TYPE_FOLLOW_UP_PAGE,
                    TD_TYPE_SUBSIDY_PAGE, TD_TYPE_SUBMISSIONS_PAGE, TD_TYPE_OVERVIEW_PAGE };

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      GtkWidget *page = show_page (f, types[i], shots[i].code);
      GtkWidget *grid = td_ui_find_named (page, "trainee-grid");

      if (grid != NULL)
        {
          gtk_single_selection_set_selected (td_test_view_selection (page, "lesson-grid"), 1);
          gtk_single_selection_set_selected (td_test_view_selection (page, "trainee-grid"), 0);
        }
      for (int k = 0; k < 20; k++)
        {
          td_test_spin ();
          g_usleep (10000);
        }
      td_test_write_shot (GTK_WIDGET (f->window), shots[i].name);
    }
}

/* A sent file moved behind the app's back: its row says where it was, Locate Sent File is
 * offered, a file that is not it is refused, the moved file is accepted and logged. */
static void
test_submissions_locate (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) packets = NULL;
  g_autoptr (TdPacketLog) after = NULL;
  g_autofree char *was = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *other = NULL;
  g_autofree char *missing = NULL;
  GtkSingleSelection *log;
  GtkWidget *page;
  GtkWindow *error_dialog;
  const TdPacketLog *first;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  packets = td_store_list_packets (f->store, class_id (f, RUNNING_CLASS), NULL);
  first = g_ptr_array_index (packets, 0);   /* newest first, as the page lists them */
  was = g_strdup (first->file);
  moved = g_build_filename (f->dir, "已移走 的包.xml", NULL);
  other = g_build_filename (f->dir, "other.xml", NULL);
  g_assert_cmpint (g_rename (was, moved), ==, 0);
  g_assert_true (g_file_set_contents (other, "<Packet/>", -1, NULL));

  page = show_page (f, TD_TYPE_SUBMISSIONS_PAGE, RUNNING_CLASS);
  log = td_test_view_selection (page, "packet-log");
  missing = g_strdup_printf ("Not found at %s", was);
  gtk_single_selection_set_selected (log, 0);
  td_test_spin ();
  g_assert_cmpstr (row_text (log, 0, "file"), ==, missing);
  g_assert_true (gtk_widget_activate_action (page, "submissions.locate", NULL));
  td_test_spin ();
  /* the chooser asks where it is now; the page's work behind it: */
  g_assert_false (td_submissions_page_locate_file (TD_SUBMISSIONS_PAGE (page), first->id,
                                                   other));
  td_test_spin ();
  error_dialog = td_test_toplevel ("td-error-dialog");
  g_assert_nonnull (error_dialog);
  gtk_window_destroy (error_dialog);
  g_assert_true (td_submissions_page_locate_file (TD_SUBMISSIONS_PAGE (page), first->id, moved));
  td_test_spin ();
  after = td_store_get_packet (f->store, first->id, NULL);
  g_assert_cmpstr (after->file, ==, moved);
  g_assert_cmpstr (row_text (log, 0, "file"), ==, "已移走 的包.xml");
  gtk_single_selection_set_selected (log, 0);
  td_test_spin ();
  g_assert_false (gtk_widget_is_sensitive (td_ui_find_named (page, "submissions-locate")));
}

/* The Settings page's catalogue import refuses a second catalogue in force from the same day,
 * naming the stored one, and its list still shows only the stored catalogue. */
static void
test_catalog_same_day (Fixture *f, gconstpointer data)
{
  g_autofree char *shipped = g_build_filename (g_getenv ("TD_TEST_DATA"), "bureau",
                                               "catalog-2026-1.xml", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "catalog-2026-9.xml", NULL);
  g_autofree char *text = NULL;
  g_autofree char *renamed = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *page, *list;
  char *at;
  int n_rows = 0;

  if (!td_test_have_display ())
    return;
  g_assert_true (g_file_get_contents (shipped, &text, NULL, NULL));
  at = strstr (text, "version=\"2026-1\"");
  g_assert_nonnull (at);
  renamed = g_strdup_printf ("%.*sversion=\"2026-9\"%s", (int) (at - text), text,
                             at + strlen ("version=\"2026-1\""));
  g_assert_true (g_file_set_contents (copy, renamed, -1, NULL));
  page = show_page (f, TD_TYPE_SETTINGS_PAGE, NULL);
  g_assert_false (td_settings_page_import_catalog (TD_SETTINGS_PAGE (page), copy, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Catalogue version 2026-9 takes effect on "
                                            "2026-01-01, the same day as the stored catalogue "
                                            "version 2026-1"));
  td_test_spin ();
  list = td_ui_find_named (page, "catalog_list");
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpint (n_rows, ==, 1);
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, TODAY, NOW);
  g_test_add ("/ui/record-pages/catalog-same-day", Fixture, NULL, fixture_set_up,
              test_catalog_same_day, fixture_tear_down);
  g_test_add ("/ui/record-pages/attendance-keyboard", Fixture, NULL, fixture_set_up,
              test_attendance_keyboard, fixture_tear_down);
  g_test_add ("/ui/record-pages/attendance-correction", Fixture, NULL, fixture_set_up,
              test_attendance_correction, fixture_tear_down);
  g_test_add ("/ui/record-pages/withdrawal", Fixture, NULL, fixture_set_up, test_withdrawal,
              fixture_tear_down);
  g_test_add ("/ui/record-pages/subsidy-preview", Fixture, NULL, fixture_set_up, test_subsidy_preview,
              fixture_tear_down);
  g_test_add ("/ui/record-pages/submissions-locate", Fixture, NULL, fixture_set_up,
              test_submissions_locate, fixture_tear_down);
  g_test_add ("/ui/record-pages/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);
  return g_test_run ();
}
