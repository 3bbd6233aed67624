/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Render benchmarks: a 500-trainee roster as PDF (target < 1 s) and one frame of the
 * outcomes chart for 1,000 classes (target < 5 ms). */
#define G_LOG_DOMAIN "td-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "render/td-chart.h"
#include "render/td-form.h"

static TdForm *
roster (int n)
{
  TdForm *form = td_form_new ("表2", "职业技能培训学员花名册");
  TdFormTable *table;
  const char *titles[] = { "序号", "姓名", "性别", "身份证号码", "联系电话", "文化程度",
                           "户籍地", "人员类别", "培训前就业状态", "学员签字" };
  const double widths[] = { 11, 20, 10, 40, 26, 18, 22, 40, 20, 22 };

  td_form_add_header_field (form, "培训机构（盖章）", "聊城市东昌府区启航职业培训学校");
  td_form_add_header_field (form, "班级编号", "LC2026-0001");
  table = td_form_add_table (form, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    td_form_table_add_column (table, titles[i], widths[i], PANGO_ALIGN_LEFT);
  td_form_table_set_min_row_height (table, 8);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i + 1);
      g_autofree char *name = g_strdup_printf ("学员%03d", i + 1);
      const char *cells[] = { number, name, i % 2 ? "女" : "男", "371502********123X",
                              "138****1234", "高中", "东昌府区", "农村转移就业劳动者、残疾人",
                              "未就业", "" };

      td_form_table_add_row (table, cells);
    }
  td_form_add_signatures (form, (const char *const[]){ "制表人", "审核人", "日期", NULL });
  return form;
}

static TdChart *
outcomes (int n)
{
  TdChart *chart = td_chart_new ("Class outcomes");

  td_chart_set_axis_titles (chart, "Class", "Trainees");
  td_chart_add_series (chart, "Enrolled", TD_CHART_SERIES_BAR);
  td_chart_add_series (chart, "Completed", TD_CHART_SERIES_BAR);
  td_chart_add_series (chart, "Certified", TD_CHART_SERIES_BAR);
  td_chart_add_series (chart, "Employed", TD_CHART_SERIES_BAR);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("LC2026-%04d", i + 1);
      int c = td_chart_add_category (chart, code);

      for (int s = 0; s < 4; s++)
        td_chart_set_value (chart, s, c, 45 - 6 * s + i % 5);
    }
  return chart;
}

int
main (int argc, char **argv)
{
  g_autoptr (TdForm) form = roster (500);
  g_autoptr (TdChart) chart = outcomes (1000);
  g_autoptr (TdChartGeom) geom = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("td-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "roster.pdf", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1000, 560);
  cairo_t *cr = cairo_create (surface);
  TdRenderStyle style = TD_RENDER_STYLE_SCREEN;
  gint64 start;
  double pdf_s, frame_ms;
  const int frames = 50;

  start = g_get_monotonic_time ();
  if (!td_form_write_pdf (form, path, &error))
    g_error ("%s", error->message);
  pdf_s = (g_get_monotonic_time () - start) / 1e6;

  td_chart_layout (chart, 1000, 560, &geom);    /* the widget's first frame loads fonts */
  start = g_get_monotonic_time ();
  for (int i = 0; i < frames; i++)
    {
      td_chart_layout (chart, 1000, 560, &geom);
      td_chart_render (cr, chart, geom, &style);
    }
  cairo_surface_flush (surface);
  frame_ms = (g_get_monotonic_time () - start) / 1e3 / frames;

  printf ("render: roster PDF, 500 trainees: %.3f s (target < 1 s)\n", pdf_s);
  printf ("render: outcomes chart frame, 1000 classes: %.2f ms (target < 5 ms)\n", frame_ms);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_unlink (path);
  g_rmdir (dir);
  return pdf_s < 1.0 && frame_ms < 5.0 ? 0 : 1;
}
