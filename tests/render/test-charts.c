/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts: the targets file, the values each chart takes from the store, labels that never
 * overlap, non-blank output, hit-testing. */
#include "config.h"

#include <string.h>

#include "render/td-charts.h"
#include "td-render-fixture.h"
#include "../td-test-private.h"

static void
assert_no_overlap (TdChart *chart, double width, double height)
{
  g_autoptr (TdChartGeom) geom = NULL;
  const TdRect *boxes;
  guint n;

  td_chart_layout (chart, width, height, &geom);
  boxes = td_chart_geom_get_label_boxes (geom, &n);
  g_assert_cmpuint (n, >, 3);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (td_rect_intersects (&boxes[i], &boxes[j]))
        g_error ("labels %u and %u overlap", i, j);
  g_assert_cmpint (td_chart_geom_get_unknown_glyphs (geom), ==, 0);
}

/* Pixels that are not white in a PNG of the chart. */
static int
inked_pixels (TdChart *chart)
{
  g_autoptr (TdChartGeom) geom = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 400);
  cairo_t *cr = cairo_create (surface);
  TdRenderStyle style = TD_RENDER_STYLE_SCREEN;
  int inked = 0, stride;
  guchar *data;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  td_chart_layout (chart, 600, 400, &geom);
  td_chart_render (cr, chart, geom, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 400; y++)
    for (int x = 0; x < 600; x++)
      inked += (*(guint32 *) (void *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff;
  cairo_surface_destroy (surface);
  return inked;
}

static void
test_targets_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) targets = td_action_targets_load (&error);
  const TdActionTarget *first, *youth, *homecare;

  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 10);
  first = targets->pdata[0];
  youth = targets->pdata[2];
  homecare = targets->pdata[5];
  g_assert_cmpstr (first->label, ==, "求学圆梦");
  g_assert_cmpint (first->target, ==, 600);
  g_assert_true (td_action_target_matches (first, "07", "6-31-01-03", "11,12"));
  g_assert_false (td_action_target_matches (first, "07", "6-31-01-03", "11"));
  g_assert_true (td_action_target_matches (youth, "02", "4-04-05-05", "02"));
  g_assert_false (td_action_target_matches (youth, "03", "4-04-05-05", "02"));
  g_assert_true (td_action_target_matches (homecare, "04", "4-10-01-06", ""));
  g_assert_false (td_action_target_matches (homecare, "04", "4-03-02-01", ""));
  g_assert_null (td_action_targets_parse ("甲\tmany\t01\n", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_thousand_classes (void)
{
  g_autoptr (TdChart) chart = td_chart_new ("Class outcomes");
  g_autoptr (TdChartGeom) geom = NULL;
  TdChartHit hit = { 0 };

  td_chart_set_axis_titles (chart, "Class", "Trainees");
  for (int s = 0; s < 4; s++)
    td_chart_add_series (chart, (const char *[]){ "Enrolled", "Completed", "Certified",
                                                  "Employed" }[s], TD_CHART_SERIES_BAR);
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *code = g_strdup_printf ("LC2026-%04d", i + 1);
      int c = td_chart_add_category (chart, code);

      for (int s = 0; s < 4; s++)
        td_chart_set_value (chart, s, c, 40 - 5 * s + i % 7);
    }
  assert_no_overlap (chart, 800, 450);
  assert_no_overlap (chart, 300, 200);
  g_assert_cmpint (inked_pixels (chart), >, 5000);
  td_chart_layout (chart, 800, 450, &geom);
  g_assert_false (td_chart_hit (geom, 1, 1, &hit));
}

/* A widget keeps its geometry from frame to frame, and the labels' height is measured once
 * per change: a category added later with two lines, or a larger font, still gets room
 * under the plot (no label below the chart's bottom edge). */
static void
test_relayout_after_change (void)
{
  g_autoptr (TdChart) chart = td_chart_new ("Special actions");
  g_autoptr (TdChartGeom) geom = NULL;
  guint n;
  const TdRect *boxes;
  g_autofree char *text = NULL;

  td_chart_add_series (chart, "Share", TD_CHART_SERIES_BAR);
  td_chart_set_value (chart, 0, td_chart_add_category (chart, "01"), 3);
  td_chart_set_value (chart, 0, td_chart_add_category (chart, "02"), 5);
  td_chart_layout (chart, 400, 300, &geom);
  td_chart_set_value (chart, 0, td_chart_add_category (chart, "家政服务\n12 of 5000\n0.24%"), 4);
  td_chart_layout (chart, 400, 300, &geom);
  text = td_chart_geom_get_text (geom);
  g_assert_nonnull (strstr (text, "12 of 5000"));
  boxes = td_chart_geom_get_label_boxes (geom, &n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=, 300);
  td_chart_set_font_size (chart, 16);
  td_chart_layout (chart, 400, 300, &geom);
  boxes = td_chart_geom_get_label_boxes (geom, &n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=, 300);
  assert_no_overlap (chart, 400, 300);
}

static void
test_outcomes_from_store (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdChart) chart = td_chart_build (f->store, TD_CHART_OUTCOMES, NULL, &error);
  g_autoptr (TdChartGeom) geom = NULL;
  g_autofree char *text = NULL;
  TdChartHit hit = { 0 };
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (td_chart_get_n_categories (chart), ==, 2);
  g_assert_cmpfloat (td_chart_get_value (chart, 0, 0), ==, 12);   /* enrolled */
  assert_no_overlap (chart, 600, 400);
  g_assert_cmpint (inked_pixels (chart), >, 2000);
  td_chart_layout (chart, 600, 400, &geom);
  text = td_chart_geom_get_text (geom);
  g_assert_nonnull (strstr (text, "LC2026-0001"));
  g_assert_nonnull (strstr (text, "Enrolled"));
  /* sweep the plot: the first bar of the first class answers 12 */
  for (double x = 0; x < 300 && !found; x += 1)
    if (td_chart_hit (geom, x, 300, &hit))
      {
        found = hit.category == 0 && hit.series == 0;
        if (found)
          {
            g_assert_cmpfloat (hit.value, ==, 12);
            g_assert_nonnull (strstr (hit.text, "LC2026-0001"));
          }
        td_chart_hit_clear (&hit);
      }
  g_assert_true (found);
}

static void
test_attendance_from_store (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdChart) chart = NULL;
  g_autoptr (TdChartGeom) geom = NULL;
  g_autofree char *text = NULL;

  chart = td_chart_build (f->store, TD_CHART_ATTENDANCE, NULL, &error);
  g_assert_null (chart);
  g_assert_error (error, TD_RENDER_ERROR, TD_RENDER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  chart = td_chart_build (f->store, TD_CHART_ATTENDANCE, "LC2026-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_chart_get_n_categories (chart), ==, 10);
  /* nobody has attended yet: all twelve in the lowest band */
  g_assert_cmpfloat (td_chart_get_value (chart, 0, 0), ==, 12);
  td_chart_layout (chart, 600, 400, &geom);
  text = td_chart_geom_get_text (geom);
  g_assert_nonnull (strstr (text, "Minimum 80%"));
  assert_no_overlap (chart, 600, 400);
}

static void
test_actions_from_store (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdChart) chart = NULL;
  g_autoptr (TdChartGeom) geom = NULL;
  g_autofree char *text = NULL;

  g_setenv ("TD_TODAY", "2026-05-01", TRUE);
  chart = td_chart_build (f->store, TD_CHART_ACTIONS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_chart_get_n_categories (chart), ==, 10);
  /* twelve trainees of a 家政服务员 class under action 04, three with category 07: drawn
   * as shares of the city's targets (5000 and 600), on an axis that fits them (issue
   * 17.15: on the targets' own scale the bars were invisible) */
  g_assert_cmpint (td_chart_get_n_series (chart), ==, 1);
  g_assert_cmpfloat_with_epsilon (td_chart_get_value (chart, 0, 5), 0.24, 1e-9);  /* 家政 */
  g_assert_cmpfloat_with_epsilon (td_chart_get_value (chart, 0, 1), 0.5, 1e-9);   /* 残疾人 */
  g_assert_cmpfloat (td_chart_get_value (chart, 0, 4), ==, 0);    /* 文旅/鲁菜 */
  td_chart_layout (chart, 800, 450, &geom);
  text = td_chart_geom_get_text (geom);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "\n0.5%\n"));     /* the top tick: the largest share */
  g_assert_null (strstr (text, "100%"));
  g_assert_nonnull (strstr (text, "12 of 5000"));
  g_assert_nonnull (strstr (text, "3 of 600"));
  /* the two-line category labels stay inside the chart */
  {
    guint n;
    const TdRect *boxes = td_chart_geom_get_label_boxes (geom, &n);
    for (guint i = 0; i < n; i++)
      g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=, 450);
  }
  assert_no_overlap (chart, 800, 450);
  g_unsetenv ("TD_TODAY");
}

static void
test_write_files (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdChart) chart = td_chart_build (f->store, TD_CHART_OUTCOMES, NULL, &error);
  const char *names[] = { "c.png", "c.svg", "c.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (td_chart_write (chart, path, 640, 400, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
    }
  g_assert_false (td_chart_write (chart, "/tmp/x.bmp", 640, 400, &error));
  g_assert_error (error, TD_RENDER_ERROR, TD_RENDER_ERROR_FORMAT);
}

static void
setup_two_classes (Fixture *f, gconstpointer data)
{
  fixture_setup (f, 12, 2);
  fixture_class (f, "LC2026-0002", "2026-03-05");
}

int
main (int argc, char **argv)
{
  td_test_platform_init_text ((void *(*) (void)) pango_cairo_font_map_get_default);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/charts/targets-file", test_targets_file);
  g_test_add_func ("/render/charts/thousand-classes", test_thousand_classes);
  g_test_add_func ("/render/charts/relayout-after-change", test_relayout_after_change);
  g_test_add ("/render/charts/outcomes", Fixture, NULL, setup_two_classes,
              test_outcomes_from_store, fixture_teardown);
  g_test_add ("/render/charts/attendance", Fixture, NULL, setup_two_classes,
              test_attendance_from_store, fixture_teardown);
  g_test_add ("/render/charts/actions", Fixture, NULL, setup_two_classes,
              test_actions_from_store, fixture_teardown);
  g_test_add ("/render/charts/write", Fixture, NULL, setup_two_classes, test_write_files,
              fixture_teardown);
  return g_test_run ();
}
