/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The five forms from a store filled in the test: pages, rows per page, headers, footers,
 * the text a reader needs, masking, capital numerals, and the QR code of the packet. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "render/td-forms.h"
#include "td-render-fixture.h"
#include "../td-test-private.h"

static TdFormLayout *
layout_of (Fixture *f, TdFormKind kind, const TdFormOptions *options, TdForm **form_out)
{
  g_autoptr (GError) error = NULL;
  TdForm *form = td_form_build (f->store, kind, "LC2026-0001", options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (form);
  *form_out = form;
  return td_form_layout (form, NULL);
}

static char *
all_text (TdFormLayout *layout)
{
  GString *text = g_string_new (NULL);

  for (int p = 0; p < td_form_layout_get_n_pages (layout); p++)
    {
      g_autofree char *page = td_form_layout_get_page_text (layout, p);

      g_string_append (text, page);
    }
  return g_string_free (text, FALSE);
}

/* Every page: the title, the class code, the footer; rows of table @table in order. */
static void
assert_pages (TdFormLayout *layout, const char *title, int table, int n_rows)
{
  int n_pages = td_form_layout_get_n_pages (layout), next = 0;

  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *text = td_form_layout_get_page_text (layout, p);
      g_autofree char *footer = g_strdup_printf ("第 %d 页 共 %d 页", p + 1, n_pages);
      int first = -1, count = td_form_layout_get_table_rows (layout, p, table, &first);

      g_assert_nonnull (strstr (text, title));
      g_assert_nonnull (strstr (text, "班级编号：LC2026-0001"));
      g_assert_nonnull (strstr (text, "聊城市东昌府区启航职业培训学校"));
      g_assert_nonnull (strstr (text, footer));
      if (count > 0)
        {
          g_assert_true (td_form_layout_has_table_header (layout, p, table));
          g_assert_cmpint (first, ==, next);
          next += count;
        }
    }
  g_assert_cmpint (next, ==, n_rows);
  g_assert_cmpint (td_form_layout_get_unknown_glyphs (layout), ==, 0);
}

static void
test_roster_120 (Fixture *f, gconstpointer data)
{
  g_autoptr (TdForm) form = NULL;
  g_autoptr (TdFormLayout) layout = layout_of (f, TD_FORM_ROSTER, NULL, &form);
  g_autofree char *text = all_text (layout);
  g_autofree char *masked = td_id_number_mask (((TdTrainee *) f->trainees->pdata[0])->id_number);
  const TdPageSetup *setup = td_form_layout_get_page_setup (layout);

  g_assert_cmpfloat (setup->width, >, setup->height);   /* ten columns: landscape */
  g_assert_cmpint (td_form_layout_get_n_pages (layout), >=, 5);
  assert_pages (layout, "职业技能培训学员花名册", 0, 120);
  g_assert_nonnull (strstr (text, "学员120"));
  g_assert_nonnull (strstr (text, masked));
  g_assert_null (strstr (text, ((TdTrainee *) f->trainees->pdata[0])->id_number));
  g_assert_nonnull (strstr (text, "138****1234"));
  g_assert_nonnull (strstr (text, "学员签字"));
  g_assert_nonnull (strstr (text, "残疾人"));
  g_assert_nonnull (strstr (text, "制表人"));
}

static void
test_roster_full_id (Fixture *f, gconstpointer data)
{
  TdFormOptions options = { .full_id = TRUE };
  g_autoptr (TdForm) form = NULL;
  g_autoptr (TdFormLayout) layout = layout_of (f, TD_FORM_ROSTER, &options, &form);
  g_autofree char *text = all_text (layout);

  g_assert_nonnull (strstr (text, ((TdTrainee *) f->trainees->pdata[7])->id_number));
}

static void
test_filing (Fixture *f, gconstpointer data)
{
  g_autoptr (TdForm) form = NULL;
  g_autoptr (TdFormLayout) layout = layout_of (f, TD_FORM_FILING, NULL, &form);
  g_autofree char *text = all_text (layout);
  g_autofree char *last = td_form_layout_get_page_text (layout,
                                                        td_form_layout_get_n_pages (layout) - 1);

  assert_pages (layout, "职业技能培训开班备案表", 1, 40);
  g_assert_cmpint (td_form_layout_get_n_pages (layout), >=, 2);
  for (const char *const *s = (const char *const[]){
         "2026年第一期家政服务员（五级）培训班", "家政服务员（4-10-01-06）", "五级/初级工",
         "2026年3月2日 至 2026年3月20日", "理论 24 学时，实操 36 学时，其中线上 0 学时",
         "50 人", "授课教师", "赵丽", "课程表", "课程表（续）", "第40讲 家居清洁与收纳",
         "备案号：", NULL };
       *s != NULL; s++)
    if (strstr (text, *s) == NULL)
      g_error ("missing on the filing form: %s", *s);
  g_assert_nonnull (strstr (last, "人社部门备案意见"));
  g_assert_nonnull (strstr (last, "法定代表人（签字）"));
}

static void
test_signin (Fixture *f, gconstpointer data)
{
  TdFormOptions one = { .lesson = "L03" };
  TdFormOptions none = { .lesson = "L99" };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdForm) form = NULL, single = NULL, missing = NULL;
  g_autoptr (TdFormLayout) layout = NULL, single_layout = NULL;
  g_autofree char *text = NULL;
  TdLesson *l3 = f->lessons->pdata[2];

  g_assert_true (td_store_record_attendance (f->store, f->klass->id, l3->id,
                                             ((TdTrainee *) f->trainees->pdata[1])->id, 'L',
                                             "08:50:00", "11:30:00", "MANUAL", &error));
  g_assert_no_error (error);
  layout = layout_of (f, TD_FORM_SIGNIN, NULL, &form);
  g_assert_cmpint (td_form_layout_get_n_pages (layout), ==, 4);   /* one page per lesson */
  single_layout = layout_of (f, TD_FORM_SIGNIN, &one, &single);
  g_assert_cmpint (td_form_layout_get_n_pages (single_layout), ==, 1);
  assert_pages (single_layout, "职业技能培训签到表", 0, 10);
  text = all_text (single_layout);
  g_assert_nonnull (strstr (text, "日期：2026年3月3日"));
  g_assert_nonnull (strstr (text, "08:30–11:30（L03）"));
  g_assert_nonnull (strstr (text, "08:50"));
  g_assert_nonnull (strstr (text, "迟到"));
  g_assert_nonnull (strstr (text, "授课教师（签字）"));
  missing = td_form_build (f->store, TD_FORM_SIGNIN, "LC2026-0001", &none, &error);
  g_assert_null (missing);
  g_assert_error (error, TD_RENDER_ERROR, TD_RENDER_ERROR_NOT_FOUND);
}

/* The page of a PDF as pdftotext reads it. */
static char *
pdf_page_text (const char *pdf, int page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  g_autofree char *pdftotext = td_test_find_tool ("pdftotext");
  const char *argv[] = { pdftotext, "-enc", "UTF-8", "-f", number, "-l", number, pdf, "-",
                         NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  return out;
}

/* The PDF of every lesson is drawn one lesson (section) at a time: the footers still count
 * the pages of the whole sheet, each lesson on its own page, and the file is owner-only. */
static void
test_signin_pdf (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdForm) form = td_form_build (f->store, TD_FORM_SIGNIN, "LC2026-0001", NULL,
                                           &error);
  g_autofree char *dir = td_test_make_dir ("td-signin-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "签到 表.pdf", NULL);

  g_assert_no_error (error);
  g_assert_true (td_form_write_pdf (form, pdf, &error));
  g_assert_no_error (error);
  td_test_assert_private (pdf);
  for (int page = 1; page <= 4 && td_test_have_tool ("pdftotext"); page++)
    {
      g_autofree char *text = pdf_page_text (pdf, page);
      /* pdftotext leaves out the spaces between Chinese characters */
      g_autofree char *footer = g_strdup_printf ("第%d页共4页", page);
      g_autofree char *lesson = g_strdup_printf ("（L%02d）", page);

      if (strstr (text, footer) == NULL || strstr (text, lesson) == NULL)
        g_error ("page %d: no '%s' or '%s' in:\n%s", page, footer, lesson, text);
    }
  g_remove (pdf);
  g_rmdir (dir);
}

static void
save_result (Fixture *f, int index, int outcome, const char *number)
{
  g_autoptr (TdResult) r = td_result_new ();
  g_autoptr (GError) error = NULL;
  TdTrainee *t = f->trainees->pdata[index];

  r->class_id = f->klass->id;
  r->trainee_id = t->id;
  g_strlcpy (r->id_number, t->id_number, TD_ID_LEN);
  r->theory = outcome == 3 ? -1 : 855;
  r->practice = outcome == 3 ? -1 : (outcome == 1 ? 900 : 500);
  r->outcome = outcome;
  if (number != NULL)
    {
      r->cert_type = 2;
      r->cert_level = 5;
      r->cert_number = g_strdup (number);
      g_strlcpy (r->cert_issued, "2026-03-28", TD_DATE_LEN);
      r->cert_issuer = g_strdup ("聊城市职业技能鉴定中心");
    }
  g_assert_true (td_store_save_result (f->store, r, &error));
  g_assert_no_error (error);
}

static void
test_assessment (Fixture *f, gconstpointer data)
{
  g_autoptr (TdForm) form = NULL;
  g_autoptr (TdFormLayout) layout = NULL;
  g_autofree char *text = NULL;

  save_result (f, 0, 1, "S000012026050001");
  save_result (f, 1, 1, "S000012026050002");
  save_result (f, 2, 2, NULL);
  save_result (f, 3, 3, NULL);
  layout = layout_of (f, TD_FORM_ASSESSMENT, NULL, &form);
  assert_pages (layout, "职业技能培训结业考核结果表", 0, 10);
  text = all_text (layout);
  g_assert_nonnull (strstr (text, "参考人数：3 人　合格人数：2 人　合格率：66.7%"));
  g_assert_nonnull (strstr (text, "S000012026050002"));
  g_assert_nonnull (strstr (text, "85.5"));
  g_assert_nonnull (strstr (text, "考核日期（理论/实操）：理论 2026年3月21日；实操 2026年3月22日"));
  g_assert_nonnull (strstr (text, "评价机构：聊城市职业技能鉴定中心"));
}

/* A claim packet for the class, with 3 lines of 15,100.00: 45,300.00 in all. */
static TdPacketLog *
log_claim (Fixture *f)
{
  g_autoptr (TdPacketLog) log = td_packet_log_new ();
  g_autoptr (TdClaim) claim = td_claim_new ();
  g_autoptr (GBytes) content = g_bytes_new_static ("<Packet/>", 9);
  g_autoptr (GError) error = NULL;

  g_strlcpy (log->id, "6f1c2d3e-4b5a-4c6d-8e7f-901234567890", TD_UUID_LEN);
  log->kind = TD_KIND_CLAIM;
  log->class_id = f->klass->id;
  log->class_code = g_strdup ("LC2026-0001");
  g_strlcpy (log->created, "2026-04-02T09:30:00+08:00", TD_INSTANT_LEN);
  g_strlcpy (log->digest, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             TD_DIGEST_LEN);
  log->status = TD_PACKET_SENT;
  log->approved = -1;
  g_assert_true (td_store_log_packet (f->store, log, content, &error));
  g_assert_no_error (error);
  claim->class_id = f->klass->id;
  claim->packet_id = g_strdup (log->id);
  claim->catalog_version = g_strdup ("2026-1");
  claim->payee_type = 1;
  claim->account_name = g_strdup ("聊城市东昌府区启航职业培训学校");
  claim->signed_by = g_strdup ("李明");
  claim->bank = g_strdup ("中国工商银行聊城分行");
  claim->account = g_strdup ("1610001234567890123");
  g_strlcpy (claim->date, "2026-04-02", TD_DATE_LEN);
  for (int i = 0; i < 3; i++)
    {
      TdClaimLine *line = td_claim_line_new ();

      line->trainee_id = ((TdTrainee *) f->trainees->pdata[i])->id;
      g_strlcpy (line->id_number, ((TdTrainee *) f->trainees->pdata[i])->id_number, TD_ID_LEN);
      line->certificate = 2;
      line->level = 5;
      line->attendance_rate = 9800;
      line->standard = 1372700;
      line->uplift = 137300;
      line->amount = 1510000;
      line->approved = -1;
      g_ptr_array_add (claim->lines, line);
    }
  claim->count = 3;
  claim->total = 4530000;
  claim->approved = -1;
  g_assert_true (td_store_save_claim (f->store, claim, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&log);
}

static void
test_claim (Fixture *f, gconstpointer data)
{
  g_autoptr (TdPacketLog) log = log_claim (f);
  g_autoptr (TdForm) form = NULL;
  g_autoptr (TdFormLayout) layout = NULL;
  g_autofree char *text = NULL, *payload = td_form_qr_payload (log);

  layout = layout_of (f, TD_FORM_CLAIM, NULL, &form);
  assert_pages (layout, "职业技能培训补贴申请表", 0, 3);
  text = all_text (layout);
  g_assert_nonnull (strstr (text, "申请人数：3 人　申请金额合计（小写）：¥45,300.00　"
                                  "合计（大写）：肆万伍仟叁佰元整"));
  g_assert_nonnull (strstr (text, "98.00%"));
  g_assert_nonnull (strstr (text, "¥15,100.00"));
  g_assert_nonnull (strstr (text, "本单位承诺所填信息真实准确"));
  g_assert_nonnull (strstr (text, "审核意见"));
  g_assert_cmpstr (td_form_get_qr (form), ==, payload);
  g_assert_nonnull (strstr (payload, log->digest));
}

/* The QR code drawn on the page decodes (zbarimg) to the packet id and digest. */
static void
test_qr_decodes (Fixture *f, gconstpointer data)
{
  g_autoptr (TdPacketLog) log = log_claim (f);
  g_autoptr (TdForm) form = NULL;
  g_autoptr (TdFormLayout) layout = layout_of (f, TD_FORM_CLAIM, NULL, &form);
  g_autofree char *png = g_build_filename (f->dir, "page.png", NULL);
  g_autofree char *zbar = td_test_find_tool ("zbarimg");
  g_autofree char *out = NULL, *expected = td_form_qr_payload (log);
  const TdPageSetup *setup = td_form_layout_get_page_setup (layout);
  TdRenderStyle style = TD_RENDER_STYLE_PRINT;
  cairo_surface_t *surface;
  cairo_t *cr;
  int status;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (setup->width * 2),
                                        (int) (setup->height * 2));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  td_form_render_page (cr, form, layout, 0, &style);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  if (zbar == NULL)
    {
      g_test_skip ("zbarimg (zbar-tools) is not installed");
      return;
    }
  {
    const char *argv[] = { zbar, "--raw", "-q", png, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 NULL, &status, NULL));
  }
  g_strstrip (out);
  g_assert_cmpstr (out, ==, expected);
}

static void
setup_small (Fixture *f, gconstpointer data)
{
  fixture_setup (f, 10, 4);
}

static void
setup_roster (Fixture *f, gconstpointer data)
{
  fixture_setup (f, 120, 2);
}

static void
setup_timetable (Fixture *f, gconstpointer data)
{
  fixture_setup (f, 10, 40);
}

int
main (int argc, char **argv)
{
  td_test_platform_init_text ((void *(*) (void)) pango_cairo_font_map_get_default);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/render/forms/roster-120", Fixture, NULL, setup_roster, test_roster_120,
              fixture_teardown);
  g_test_add ("/render/forms/roster-full-id", Fixture, NULL, setup_small, test_roster_full_id,
              fixture_teardown);
  g_test_add ("/render/forms/filing", Fixture, NULL, setup_timetable, test_filing,
              fixture_teardown);
  g_test_add ("/render/forms/signin", Fixture, NULL, setup_small, test_signin,
              fixture_teardown);
  g_test_add ("/render/forms/signin-pdf", Fixture, NULL, setup_small, test_signin_pdf,
              fixture_teardown);
  g_test_add ("/render/forms/assessment", Fixture, NULL, setup_small, test_assessment,
              fixture_teardown);
  g_test_add ("/render/forms/claim", Fixture, NULL, setup_small, test_claim, fixture_teardown);
  g_test_add ("/render/forms/qr-decodes", Fixture, NULL, setup_small, test_qr_decodes,
              fixture_teardown);
  return g_test_run ();
}
