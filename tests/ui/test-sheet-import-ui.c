/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display test of the GUI's import entries: the Assessment page's Import Score Sheet… and
 * Score Sheet Template…, the Follow-up page's follow-up sheet, and the class list's Import
 * Packets…, each on the demo; what is stored, what the toast says, and that a refused
 * sheet stores nothing. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ui/td-assessment-page.h"
#include "ui/td-class-page.h"
#include "ui/td-follow-up-page.h"
#include "ui/td-sheet-import-ui.h"
#include "ui/td-ui-util.h"
#include "ui/td-window.h"
#include "ui-test-util.h"

#define CLASS "YL2026-011"

typedef struct
{
  char *dir;
  TdStore *store;
  GtkWindow *window;
  gint64 cid;
  char *toast;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (TdClass) k = NULL;

  if (!td_test_have_display ())
    return;
  f->window = td_test_page_window_new (&f->dir, &f->store);
  k = td_store_get_class_by_code (f->store, CLASS, NULL);
  f->cid = k->id;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (!td_test_have_display ())
    return;
  td_test_page_window_free (f->window, f->dir, f->store);
  g_free (f->toast);
}

static void
on_toast (TdPage *page, const char *message, Fixture *f)
{
  g_free (f->toast);
  f->toast = g_strdup (message);
}

static GtkWidget *
show_page (Fixture *f, GType type, TdStore *store)
{
  GtkWidget *page = td_test_page_window_show (f->window, type, store, f->cid);

  g_signal_connect (page, "toast", G_CALLBACK (on_toast), f);
  return page;
}

static char *
write_text (Fixture *f, const char *name, const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static const TdResult *
first_result (GPtrArray *results, const char *id)
{
  for (guint i = 0; i < results->len; i++)
    if (g_str_equal (((TdResult *) g_ptr_array_index (results, i))->id_number, id))
      return g_ptr_array_index (results, i);
  return NULL;
}

#define ID "371581197508029667"        /* 林丽娟, first on the roster */

/* "1" or "0" appended to @seen at each notify::busy of @page. */
static void
on_busy (TdPage *page, GParamSpec *pspec, GString *seen)
{
  g_string_append_c (seen, td_page_get_busy (page) ? '1' : '0');
}

static void
test_score_sheet (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  GtkWidget *page, *header;
  g_autofree char *good = NULL, *bad = NULL, *template = NULL;
  g_autoptr (GPtrArray) before = NULL, after = NULL, still = NULL;
  g_autoptr (GString) busy = g_string_new (NULL);

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  page = show_page (f, TD_TYPE_ASSESSMENT_PAGE, f->store);
  g_signal_connect (page, "notify::busy", G_CALLBACK (on_busy), busy);
  header = td_page_get_header_widget (TD_PAGE (page));
  g_assert_nonnull (header);
  g_assert_nonnull (td_ui_find_named (header, "score-sheet-import"));
  g_assert_nonnull (td_ui_find_named (header, "score-sheet-template"));

  before = td_store_list_results (f->store, f->cid, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpint (first_result (before, ID)->theory, ==, 730);
  bad = write_text (f, "bad.csv", "身份证号,姓名,理论成绩,实操成绩,考核结果\n"
                                  ID ",林丽娟,88,91,优秀\n");
  g_assert_false (td_sheet_import_path (page, f->store, f->cid, TD_RECORD_RESULTS, bad));
  g_assert_cmpstr (busy->str, ==, "10");   /* busy while it read the sheet */
  td_test_spin ();
  still = td_store_list_results (f->store, f->cid, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpint (first_result (still, ID)->theory, ==, 730);
  g_assert_null (f->toast);

  good = write_text (f, "good.csv", "身份证号,姓名,理论成绩,实操成绩,考核结果,证书编号,等级\n"
                                    ID ",林丽娟,88,91,合格,S000137150301265000101,五级\n");
  g_assert_true (td_sheet_import_path (page, f->store, f->cid, TD_RECORD_RESULTS, good));
  /* busy from the reading until the page shows what was stored */
  g_assert_true (td_page_get_busy (TD_PAGE (page)));
  while (td_page_get_busy (TD_PAGE (page)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (busy->str, ==, "1010");
  g_signal_handlers_disconnect_by_data (page, busy);
  td_test_spin ();
  g_assert_cmpstr (f->toast, ==, "1 result imported");
  after = td_store_list_results (f->store, f->cid, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpint (first_result (after, ID)->theory, ==, 880);
  g_assert_cmpint (first_result (after, ID)->practice, ==, 910);
  g_assert_cmpstr (first_result (after, ID)->cert_issued, ==, "2026-07-26");
}

static void
test_follow_up_sheet (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  GtkWidget *page, *header;
  g_autofree char *good = NULL;
  g_autoptr (GPtrArray) list = NULL;
  guint n;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  page = show_page (f, TD_TYPE_FOLLOW_UP_PAGE, f->store);
  header = td_page_get_header_widget (TD_PAGE (page));
  g_assert_nonnull (td_ui_find_named (header, "follow-up-sheet-import"));
  g_assert_nonnull (td_ui_find_named (header, "follow-up-sheet-template"));
  list = td_store_list_follow_ups (f->store, f->cid, &lerr);
  g_assert_no_error (lerr);
  n = list->len;
  g_clear_pointer (&list, g_ptr_array_unref);
  good = write_text (f, "calls.csv", "身份证号,回访日期,就业状态,就业单位,统一社会信用代码,"
                                     "证明材料,就业日期\n"
                                     ID ",2026-11-20,单位就业,聊城市颐养园养老服务有限公司,"
                                     "91371502MA3C00104E,劳动合同,2026-11-02\n");
  g_assert_true (td_sheet_import_path (page, f->store, f->cid, TD_RECORD_FOLLOW_UPS, good));
  td_test_spin ();
  g_assert_cmpstr (f->toast, ==, "1 follow-up imported");
  list = td_store_list_follow_ups (f->store, f->cid, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, n + 1);
}

/* The demo's packets and receipts, read back from its log, into an empty database from the
 * class list. */
static void
test_import_packets (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *db = NULL;
  g_autoptr (TdStore) empty = NULL;
  g_autoptr (GPtrArray) packets = NULL, paths = NULL, classes = NULL;
  GtkWidget *page, *header;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  packets = td_store_list_packets (f->store, 0, &lerr);
  g_assert_no_error (lerr);
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < packets->len; i++)
    {
      const TdPacketLog *summary = g_ptr_array_index (packets, i);
      g_autoptr (TdPacketLog) log = td_store_get_packet (f->store, summary->id, NULL);
      g_autofree char *name = g_strdup_printf ("%s.xml", log->id);
      g_autofree char *rname = g_strdup_printf ("%s-receipt.xml", log->id);
      char *path = g_build_filename (f->dir, name, NULL);
      char *rpath = g_build_filename (f->dir, rname, NULL);

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (log->content, NULL),
                                          g_bytes_get_size (log->content), NULL));
      g_assert_true (g_file_set_contents (rpath, g_bytes_get_data (log->receipt, NULL),
                                          g_bytes_get_size (log->receipt), NULL));
      g_ptr_array_add (paths, path);
      g_ptr_array_add (paths, rpath);
    }
  g_ptr_array_add (paths, NULL);
  empty = td_test_store_new (f->dir, "empty.db", FALSE);
  page = show_page (f, TD_TYPE_CLASS_PAGE, empty);
  header = td_page_get_header_widget (TD_PAGE (page));
  g_assert_nonnull (td_ui_find_named (header, "import-packets"));
  g_assert_true (td_packet_import_paths (page, empty, (const char *const *) paths->pdata));
  td_test_spin ();
  g_assert_cmpstr (f->toast, ==, "21 packets imported");
  classes = td_store_list_classes (empty, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (classes->len, ==, 4);
  g_free (f->toast);
  f->toast = NULL;
  g_assert_true (td_packet_import_paths (page, empty, (const char *const *) paths->pdata));
  g_assert_cmpstr (f->toast, ==, "0 packets imported");
  gtk_window_set_child (f->window, NULL);
  td_test_spin ();
}

/* How the entries look in the main window's header bar: PNGs under ui-shots/. */
static void
test_screenshots (Fixture *f, gconstpointer data)
{
  static const char *const pages[] = { "assessment", "follow-up", "classes" };
  TdWindow *window;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  window = td_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  td_window_select_class (window, f->cid);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("sheet-import-%s", pages[i]);

      td_window_show_page (window, pages[i]);
      td_test_settle (5, 20000);
      td_test_write_shot (GTK_WIDGET (window), name);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_spin ();
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, "2026-11-26", "2026-11-26T10:00:00+08:00");
  g_test_add ("/ui/sheet-import/score-sheet", Fixture, NULL, fixture_set_up, test_score_sheet,
              fixture_tear_down);
  g_test_add ("/ui/sheet-import/follow-up-sheet", Fixture, NULL, fixture_set_up,
              test_follow_up_sheet, fixture_tear_down);
  g_test_add ("/ui/sheet-import/packets", Fixture, NULL, fixture_set_up, test_import_packets,
              fixture_tear_down);
  g_test_add ("/ui/sheet-import/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);
  return g_test_run ();
}
