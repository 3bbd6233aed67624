/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The form layout engine on a model built by hand: pagination, repeated headers, no row
 * split, the footer, wrapping, orientation, Chinese glyphs. */
#include "config.h"

#include "../td-test-dir.h"

#include <glib/gstdio.h>

#include "render/td-form.h"
#include "../td-test-private.h"

static TdForm *
roster_like_form (int n_rows, const char *long_cell)
{
  TdForm *form = td_form_new ("表2", "职业技能培训学员花名册");
  TdFormTable *table;

  td_form_add_header_field (form, "培训机构（盖章）", "聊城市东昌府区启航职业培训学校");
  td_form_add_header_field (form, "班级编号", "LC2026-0001");
  td_form_add_header_field (form, "备案号", NULL);
  table = td_form_add_table (form, NULL);
  td_form_table_add_column (table, "序号", 12, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "姓名", 22, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "身份证号码", 45, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "人员类别", 60, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "学员签字", 30, PANGO_ALIGN_LEFT);
  for (int i = 0; i < n_rows; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i + 1);
      g_autofree char *name = g_strdup_printf ("学员%03d", i + 1);
      const char *cells[] = { number, name, "371502********123X",
                              i == 5 ? long_cell : "农村转移就业劳动者", NULL };

      td_form_table_add_row (table, cells);
    }
  td_form_add_signatures (form, (const char *const[]){ "制表人", "审核人", "日期", NULL });
  return form;
}

static void
test_paginates_without_split (void)
{
  g_autoptr (TdForm) form = roster_like_form (120, "农村转移就业劳动者、就业困难人员、"
                                              "防止返贫致贫监测对象及脱贫劳动力、退役军人、残疾人");
  g_autoptr (TdFormLayout) layout = td_form_layout (form, NULL);
  int n_pages = td_form_layout_get_n_pages (layout), next_row = 0;

  g_assert_cmpint (n_pages, >=, 3);
  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *text = td_form_layout_get_page_text (layout, p);
      g_autofree char *footer = g_strdup_printf ("第 %d 页 共 %d 页", p + 1, n_pages);
      int first = -1, count = td_form_layout_get_table_rows (layout, p, 0, &first);

      g_assert_nonnull (strstr (text, "职业技能培训学员花名册"));
      g_assert_nonnull (strstr (text, "班级编号：LC2026-0001"));
      g_assert_nonnull (strstr (text, footer));
      if (count > 0)
        {
          g_assert_true (td_form_layout_has_table_header (layout, p, 0));
          g_assert_cmpint (first, ==, next_row);
          next_row += count;
        }
    }
  g_assert_cmpint (next_row, ==, 120);
  /* the long category wraps instead of being cut: all of it is on the page */
  {
    g_autofree char *text = td_form_layout_get_page_text (layout, 0);
    g_assert_nonnull (strstr (text, "退役军人、残疾人"));
  }
  g_assert_cmpint (td_form_layout_get_unknown_glyphs (layout), ==, 0);
}

static void
test_landscape_for_wide_tables (void)
{
  g_autoptr (TdForm) narrow = roster_like_form (3, "x");
  g_autoptr (TdForm) wide = td_form_new ("表5", "宽表");
  TdFormTable *table = td_form_add_table (wide, NULL);
  TdPageSetup setup;

  for (int i = 0; i < 10; i++)
    td_form_table_add_column (table, "列", 24, PANGO_ALIGN_LEFT);
  td_page_setup_init_for_form (&setup, narrow);
  g_assert_cmpfloat (setup.width, <, setup.height);
  td_page_setup_init_for_form (&setup, wide);
  g_assert_cmpfloat (setup.width, >, setup.height);
}

static void
test_writes_pdf (void)
{
  g_autoptr (TdForm) form = roster_like_form (40, "x");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = td_test_make_dir ("td-render-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "roster.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  td_form_set_qr (form, "TDPKT:1:0123");
  g_assert_true (td_form_write_pdf (form, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  td_test_platform_init_text ((void *(*) (void)) pango_cairo_font_map_get_default);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/form/paginates", test_paginates_without_split);
  g_test_add_func ("/render/form/orientation", test_landscape_for_wide_tables);
  g_test_add_func ("/render/form/pdf", test_writes_pdf);
  return g_test_run ();
}
