/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bar charts with targets and thresholds (td-chart.h). */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <math.h>

#include "render/td-chart.h"

#define MARGIN 8.0
#define GAP 6.0
#define SWATCH 10.0

typedef struct
{
  char *name;
  TdChartSeriesKind kind;
} Series;

struct _TdChart
{
  char *title;
  char *x_title;
  char *y_title;
  TdChartFormat format;
  double font_size;
  GPtrArray *series;            /* Series* */
  GPtrArray *categories;        /* char* */
  GArray *values;               /* double, [category * n_series + series] */
  double threshold;             /* < 0: none */
  char *threshold_label;
  double category_h;            /* tallest category label; < 0: not measured since a change */
};

typedef struct
{
  PangoLayout *layout;
  TdRect box;
  int swatch;                   /* series index of a legend entry, -1 */
} Label;

struct _TdChartGeom
{
  TdChart *chart;
  PangoContext *context;
  double width, height;
  TdRect plot;
  double slot, y_max;
  int n_ticks;
  double tick_step;
  int n_bars;                   /* bar series */
  int *bar_of_series;           /* position within the group, -1 for markers */
  GArray *labels;               /* Label */
  GArray *boxes;                /* TdRect, the labels' */
  int unknown;
};

static void
series_free (Series *series)
{
  g_free (series->name);
  g_free (series);
}

TdChart *
td_chart_new (const char *title)
{
  TdChart *chart = g_new0 (TdChart, 1);

  chart->title = g_strdup (title);
  chart->font_size = 10;
  chart->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->values = g_array_new (FALSE, TRUE, sizeof (double));
  chart->threshold = -1;
  chart->category_h = -1;
  return chart;
}

void
td_chart_free (TdChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_free (chart->x_title);
  g_free (chart->y_title);
  g_free (chart->threshold_label);
  g_ptr_array_unref (chart->series);
  g_ptr_array_unref (chart->categories);
  g_array_unref (chart->values);
  g_free (chart);
}

const char *
td_chart_get_title (const TdChart *chart)
{
  return chart->title;
}

void
td_chart_set_axis_titles (TdChart *chart, const char *x_title, const char *y_title)
{
  g_free (chart->x_title);
  g_free (chart->y_title);
  chart->x_title = g_strdup (x_title);
  chart->y_title = g_strdup (y_title);
}

void
td_chart_set_format (TdChart *chart, TdChartFormat format)
{
  chart->format = format;
}

void
td_chart_set_font_size (TdChart *chart, double size)
{
  chart->font_size = size;
  chart->category_h = -1;
}

int
td_chart_add_series (TdChart *chart, const char *name, TdChartSeriesKind kind)
{
  Series *series = g_new0 (Series, 1);

  g_return_val_if_fail (chart->categories->len == 0, -1);
  series->name = g_strdup (name);
  series->kind = kind;
  g_ptr_array_add (chart->series, series);
  return (int) chart->series->len - 1;
}

int
td_chart_add_category (TdChart *chart, const char *label)
{
  g_ptr_array_add (chart->categories, g_strdup (label));
  chart->category_h = -1;
  g_array_set_size (chart->values, chart->categories->len * chart->series->len);
  return (int) chart->categories->len - 1;
}

void
td_chart_set_value (TdChart *chart, int series, int category, double value)
{
  g_return_if_fail (series >= 0 && (guint) series < chart->series->len);
  g_return_if_fail (category >= 0 && (guint) category < chart->categories->len);
  g_array_index (chart->values, double, category * chart->series->len + series) = value;
}

double
td_chart_get_value (const TdChart *chart, int series, int category)
{
  return g_array_index (chart->values, double, category * chart->series->len + series);
}

int
td_chart_get_n_series (const TdChart *chart)
{
  return (int) chart->series->len;
}

int
td_chart_get_n_categories (const TdChart *chart)
{
  return (int) chart->categories->len;
}

void
td_chart_set_threshold (TdChart *chart, double position, const char *label)
{
  chart->threshold = position;
  g_free (chart->threshold_label);
  chart->threshold_label = g_strdup (label);
}

static char *
format_value (TdChartFormat format, double value)
{
  switch (format)
    {
    case TD_CHART_FORMAT_MONEY:
      return g_strdup_printf ("¥%.0f", value);
    case TD_CHART_FORMAT_PERCENT:
      return g_strdup_printf ("%.0f%%", value);
    case TD_CHART_FORMAT_SHARE:
      {
        /* two decimals at most, no trailing zeros: 0.24%, 0.5%, 12% */
        g_autofree char *text = g_strdup_printf ("%.2f", value);
        char *end = text + strlen (text) - 1;

        while (*end == '0')
          *end-- = '\0';
        if (*end == '.')
          *end = '\0';
        return g_strdup_printf ("%s%%", text);
      }
    case TD_CHART_FORMAT_COUNT:
    default:
      return g_strdup_printf ("%.0f", value);
    }
}

/* ---- layout ----------------------------------------------------------- */

static void
label_clear (Label *label)
{
  g_clear_object (&label->layout);
}

void
td_chart_geom_free (TdChartGeom *geom)
{
  if (geom == NULL)
    return;
  g_array_unref (geom->labels);
  g_array_unref (geom->boxes);
  g_free (geom->bar_of_series);
  g_object_unref (geom->context);
  g_free (geom);
}

/* Measures @text; the label is kept only when @x, @y is given later by add_label. */
static PangoLayout *
measure (TdChartGeom *geom, const char *text, gboolean bold, double *w, double *h)
{
  PangoLayout *layout = td_text_layout (geom->context, text, geom->chart->font_size
                                        * (bold ? 1.3 : 1.0), bold, -1, PANGO_ALIGN_LEFT);

  td_text_extent (layout, w, h);
  return layout;
}

/* Adds a label at x, y unless its box meets one already placed; FALSE when it does. */
static gboolean
add_label (TdChartGeom *geom, PangoLayout *layout, double x, double y, int swatch)
{
  Label label = { layout, { x, y, 0, 0 }, swatch };

  td_text_extent (layout, &label.box.width, &label.box.height);
  if (swatch >= 0)
    {
      label.box.x -= SWATCH + 4;
      label.box.width += SWATCH + 4;
    }
  for (guint i = 0; i < geom->boxes->len; i++)
    if (td_rect_intersects (&label.box, &g_array_index (geom->boxes, TdRect, i)))
      {
        g_object_unref (layout);
        return FALSE;
      }
  geom->unknown += pango_layout_get_unknown_glyphs_count (layout);
  g_array_append_val (geom->labels, label);
  g_array_append_val (geom->boxes, label.box);
  return TRUE;
}

/* Title centred, then the legend flowed under it.  Returns the y below them. */
static double
layout_title_legend (TdChartGeom *geom)
{
  TdChart *chart = geom->chart;
  double y = MARGIN, w, h, x = MARGIN, line_h = 0;
  PangoLayout *layout;

  if (chart->title != NULL)
    {
      layout = measure (geom, chart->title, TRUE, &w, &h);
      add_label (geom, layout, MAX (MARGIN, (geom->width - w) / 2), y, -1);
      y += h + GAP;
    }
  for (guint s = 0; s < chart->series->len; s++)
    {
      Series *series = g_ptr_array_index (chart->series, s);

      layout = measure (geom, series->name, FALSE, &w, &h);
      if (x > MARGIN && x + SWATCH + 4 + w > geom->width - MARGIN)
        {
          x = MARGIN;
          y += line_h + 4;
        }
      add_label (geom, layout, x + SWATCH + 4, y, (int) s);
      x += SWATCH + 4 + w + 3 * GAP;
      line_h = MAX (line_h, h);
    }
  return y + line_h + GAP;
}

static double
nice_step (double max, int n)
{
  double raw = max / n, power = pow (10, floor (log10 (raw))), f = raw / power;

  if (f <= 1)
    return power;
  if (f <= 2)
    return 2 * power;
  if (f <= 5)
    return 5 * power;
  return 10 * power;
}

static void
value_range (TdChartGeom *geom, double label_h)
{
  TdChart *chart = geom->chart;
  double max = 0;
  int wanted;

  for (guint i = 0; i < chart->values->len; i++)
    max = MAX (max, g_array_index (chart->values, double, i));
  if (max <= 0)
    max = 1;
  if (chart->format == TD_CHART_FORMAT_PERCENT)
    max = MAX (max, 100);
  wanted = CLAMP ((int) (geom->plot.height / (label_h * 2.5)), 1, 5);
  geom->tick_step = nice_step (max, wanted);
  if (chart->format != TD_CHART_FORMAT_PERCENT && chart->format != TD_CHART_FORMAT_SHARE)
    geom->tick_step = MAX (geom->tick_step, 1);
  geom->n_ticks = (int) ceil (max / geom->tick_step - 1e-9);
  geom->y_max = geom->n_ticks * geom->tick_step;
}

static void
layout_y_ticks (TdChartGeom *geom)
{
  for (int t = 0; t <= geom->n_ticks; t++)
    {
      g_autofree char *text = format_value (geom->chart->format, t * geom->tick_step);
      double w, h, y = geom->plot.y + geom->plot.height * (1 - (double) t / geom->n_ticks);
      PangoLayout *layout = measure (geom, text, FALSE, &w, &h);

      add_label (geom, layout, geom->plot.x - 4 - w, y - h / 2, -1);
    }
}

static double
widest_tick (TdChartGeom *geom, double *label_h)
{
  double widest = 0;

  /* the widest tick label is the top one or close to it: measure a few candidates */
  for (int t = 0; t <= geom->n_ticks; t++)
    {
      g_autofree char *text = format_value (geom->chart->format, t * geom->tick_step);
      g_autoptr (PangoLayout) layout = NULL;
      double w;

      layout = measure (geom, text, FALSE, &w, label_h);
      widest = MAX (widest, w);
    }
  return widest;
}

/* Category labels under the plot, thinned so that no two meet. */
static void
layout_categories (TdChartGeom *geom, double y)
{
  TdChart *chart = geom->chart;
  guint n = chart->categories->len, stride = 1;
  double last_right = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i += stride)
    {
      double w, h, cx = geom->plot.x + (i + 0.5) * geom->slot, x;
      PangoLayout *layout = measure (geom, g_ptr_array_index (chart->categories, i), FALSE,
                                     &w, &h);

      if (i == 0)
        stride = MAX (1, (guint) ceil ((w + GAP) / geom->slot));
      x = CLAMP (cx - w / 2, 0, geom->width - w);
      if (x < last_right + GAP || !add_label (geom, layout, x, y, -1))
        {
          if (x < last_right + GAP)
            g_object_unref (layout);
          continue;
        }
      last_right = x + w;
    }
}

static void
layout_plot (TdChartGeom *geom, double top)
{
  TdChart *chart = geom->chart;
  double label_h, tick_w, x_title_h = 0, w, cat_h;
  PangoLayout *layout = NULL;

  g_object_unref (measure (geom, "0", FALSE, &w, &label_h));
  cat_h = label_h;
  if (chart->y_title != NULL)
    {
      layout = measure (geom, chart->y_title, FALSE, &w, NULL);
      add_label (geom, layout, MARGIN, top, -1);
      top += label_h + 4;
    }
  if (chart->x_title != NULL)
    x_title_h = label_h + 4;
  /* room under the plot for the tallest category label (some have two lines); measured
   * once per change of the labels, not on every frame (1,000 classes: most of a frame) */
  if (chart->category_h < 0)
    {
      chart->category_h = 0;
      for (guint i = 0; i < chart->categories->len; i++)
        {
          double h;

          g_object_unref (measure (geom, g_ptr_array_index (chart->categories, i), FALSE,
                                   &w, &h));
          chart->category_h = MAX (chart->category_h, h);
        }
    }
  cat_h = MAX (cat_h, chart->category_h);
  geom->plot.y = top + label_h / 2;
  geom->plot.height = geom->height - MARGIN - x_title_h - cat_h - 4 - geom->plot.y;
  geom->plot.height = MAX (geom->plot.height, 10);
  value_range (geom, label_h);
  tick_w = widest_tick (geom, &label_h);
  geom->plot.x = MARGIN + tick_w + 4;
  geom->plot.width = MAX (geom->width - MARGIN - geom->plot.x, 10);
  geom->slot = geom->plot.width / MAX (chart->categories->len, 1);
  layout_y_ticks (geom);
  layout_categories (geom, geom->plot.y + geom->plot.height + 4);
  if (chart->x_title != NULL)
    {
      layout = measure (geom, chart->x_title, FALSE, &w, NULL);
      add_label (geom, layout, geom->plot.x + (geom->plot.width - w) / 2,
                 geom->height - MARGIN - label_h, -1);
    }
}

/* The threshold's label at the top of its line, right of it if it fits, else left. */
static void
layout_threshold (TdChartGeom *geom)
{
  TdChart *chart = geom->chart;
  double w, h, x;
  PangoLayout *layout;

  if (chart->threshold < 0 || chart->threshold_label == NULL)
    return;
  layout = measure (geom, chart->threshold_label, FALSE, &w, &h);
  x = geom->plot.x + chart->threshold * geom->slot;
  if (x + 3 + w <= geom->width - MARGIN)
    x += 3;
  else
    x -= 3 + w;
  if (!add_label (geom, layout, x, geom->plot.y + 2, -1))
    {
      layout = measure (geom, chart->threshold_label, FALSE, &w, &h);
      add_label (geom, layout, x, geom->plot.y + 2 + h + 2, -1);
    }
}

void
td_chart_layout (TdChart *chart, double width, double height, TdChartGeom **out)
{
  TdChartGeom *geom = g_new0 (TdChartGeom, 1);
  int bars = 0;

  g_return_if_fail (chart != NULL && out != NULL);
  geom->chart = chart;
  /* a new frame of the same widget keeps the context: its font cache is most of the cost */
  if (*out != NULL)
    geom->context = g_object_ref ((*out)->context);
  else
    geom->context = td_text_context_new ();
  geom->width = width;
  geom->height = height;
  geom->labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_array_set_clear_func (geom->labels, (GDestroyNotify) label_clear);
  geom->boxes = g_array_new (FALSE, TRUE, sizeof (TdRect));
  geom->bar_of_series = g_new0 (int, chart->series->len + 1);
  for (guint s = 0; s < chart->series->len; s++)
    {
      Series *series = g_ptr_array_index (chart->series, s);

      geom->bar_of_series[s] = series->kind == TD_CHART_SERIES_BAR ? bars++ : -1;
    }
  geom->n_bars = bars;
  layout_plot (geom, layout_title_legend (geom));
  layout_threshold (geom);
  g_clear_pointer (out, td_chart_geom_free);
  *out = geom;
}

const TdRect *
td_chart_geom_get_label_boxes (const TdChartGeom *geom, guint *n_boxes)
{
  *n_boxes = geom->boxes->len;
  return (const TdRect *) (void *) geom->boxes->data;
}

char *
td_chart_geom_get_text (const TdChartGeom *geom)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < geom->labels->len; i++)
    g_string_append_printf (text, "%s\n",
                            pango_layout_get_text (g_array_index (geom->labels, Label,
                                                                  i).layout));
  return g_string_free (text, FALSE);
}

int
td_chart_geom_get_unknown_glyphs (const TdChartGeom *geom)
{
  return geom->unknown;
}

/* ---- drawing ---------------------------------------------------------- */

/* Okabe–Ito: orange, sky blue, bluish green, blue, vermillion, reddish purple, yellow. */
static const double palette[][3] = {
  { 0.902, 0.624, 0.000 }, { 0.337, 0.706, 0.914 }, { 0.000, 0.620, 0.451 },
  { 0.000, 0.447, 0.698 }, { 0.835, 0.369, 0.000 }, { 0.800, 0.475, 0.655 },
  { 0.941, 0.894, 0.259 },
};

/* Print: greys with a hatch per series (none, diagonal, cross, dots …). */
static cairo_pattern_t *
hatch_pattern (int index)
{
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
  cairo_t *cr = cairo_create (tile);
  double grey = 0.55 + 0.12 * (index % 4);
  cairo_pattern_t *pattern;

  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, 1);
  switch (index % 4)
    {
    case 1:
      cairo_move_to (cr, 0, 8), cairo_line_to (cr, 8, 0);
      break;
    case 2:
      cairo_move_to (cr, 0, 0), cairo_line_to (cr, 8, 8);
      cairo_move_to (cr, 0, 8), cairo_line_to (cr, 8, 0);
      break;
    case 3:
      cairo_rectangle (cr, 3, 3, 2, 2);
      break;
    default:
      break;
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

static void
set_series_source (cairo_t *cr, const TdRenderStyle *style, int index, gboolean marker)
{
  if (style->print)
    {
      if (marker)
        cairo_set_source_rgb (cr, 0, 0, 0);
      else
        {
          cairo_pattern_t *pattern = hatch_pattern (index);

          cairo_set_source (cr, pattern);
          cairo_pattern_destroy (pattern);
        }
      return;
    }
  if (marker)
    cairo_set_source_rgb (cr, 0, 0, 0);
  else
    cairo_set_source_rgb (cr, palette[index % G_N_ELEMENTS (palette)][0],
                          palette[index % G_N_ELEMENTS (palette)][1],
                          palette[index % G_N_ELEMENTS (palette)][2]);
}

static void
bar_rect (const TdChartGeom *geom, int bar, int category, double value, TdRect *rect)
{
  double group = geom->slot * 0.8, bw = group / MAX (geom->n_bars, 1);
  double h = geom->plot.height * MAX (value, 0) / geom->y_max;

  rect->x = geom->plot.x + category * geom->slot + geom->slot * 0.1 + bar * bw;
  rect->width = bw;
  rect->y = geom->plot.y + geom->plot.height - h;
  rect->height = h;
}

static void
draw_series (cairo_t *cr, const TdChartGeom *geom, const TdRenderStyle *style, int s)
{
  TdChart *chart = geom->chart;
  gboolean marker = geom->bar_of_series[s] < 0;
  int n = (int) chart->categories->len;

  for (int c = 0; c < n; c++)
    {
      double value = td_chart_get_value (chart, s, c);
      TdRect r;

      if (marker)
        {
          double y = geom->plot.y + geom->plot.height * (1 - value / geom->y_max);
          double x = geom->plot.x + c * geom->slot;

          cairo_move_to (cr, x + geom->slot * 0.05, y);
          cairo_line_to (cr, x + geom->slot * 0.95, y);
          continue;
        }
      bar_rect (geom, geom->bar_of_series[s], c, value, &r);
      if (r.height > 0)
        cairo_rectangle (cr, r.x, r.y, r.width, r.height);
    }
  set_series_source (cr, style, s, marker);
  /* thousands of bars thinner than a pixel: antialiasing them costs more than it shows */
  if (geom->slot < 4)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  if (marker)
    {
      cairo_set_line_width (cr, MAX (2.0, MIN (3.0, geom->slot / 8)));
      cairo_stroke (cr);
      return;
    }
  if (style->print)
    {
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

static void
draw_axes (cairo_t *cr, const TdChartGeom *geom, const TdRenderStyle *style)
{
  const TdRect *p = &geom->plot;

  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
  for (int t = 1; t <= geom->n_ticks; t++)
    {
      double y = p->y + p->height * (1 - (double) t / geom->n_ticks);

      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x + p->width, y);
    }
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, p->x, p->y);
  cairo_line_to (cr, p->x, p->y + p->height);
  cairo_line_to (cr, p->x + p->width, p->y + p->height);
  cairo_stroke (cr);
}

static void
draw_threshold (cairo_t *cr, const TdChartGeom *geom, const TdRenderStyle *style)
{
  double x, dash[] = { 5, 3 };

  if (geom->chart->threshold < 0)
    return;
  x = geom->plot.x + geom->chart->threshold * geom->slot;
  if (style->print)
    cairo_set_source_rgb (cr, 0, 0, 0);
  else
    cairo_set_source_rgb (cr, palette[4][0], palette[4][1], palette[4][2]);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, x, geom->plot.y);
  cairo_line_to (cr, x, geom->plot.y + geom->plot.height);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_labels (cairo_t *cr, const TdChartGeom *geom, const TdRenderStyle *style)
{
  for (guint i = 0; i < geom->labels->len; i++)
    {
      Label *label = &g_array_index (geom->labels, Label, i);
      double x = label->box.x;

      if (label->swatch >= 0)
        {
          gboolean marker = geom->bar_of_series[label->swatch] < 0;
          double mid = label->box.y + label->box.height / 2;

          if (marker)
            cairo_rectangle (cr, x, mid - 1.5, SWATCH, 3);
          else
            cairo_rectangle (cr, x, mid - SWATCH / 2, SWATCH, SWATCH);
          set_series_source (cr, style, label->swatch, marker);
          cairo_fill (cr);
          x += SWATCH + 4;
        }
      cairo_set_source_rgb (cr, 0.13, 0.13, 0.13);
      cairo_move_to (cr, x, label->box.y);
      pango_cairo_show_layout (cr, label->layout);
    }
}

void
td_chart_render (cairo_t *cr, TdChart *chart, const TdChartGeom *geom,
                 const TdRenderStyle *style)
{
  TdRenderStyle screen = TD_RENDER_STYLE_SCREEN;

  g_return_if_fail (geom != NULL && geom->chart == chart);
  if (style == NULL)
    style = &screen;
  cairo_save (cr);
  draw_axes (cr, geom, style);
  for (guint s = 0; s < chart->series->len; s++)
    if (geom->bar_of_series[s] >= 0)
      draw_series (cr, geom, style, (int) s);
  for (guint s = 0; s < chart->series->len; s++)
    if (geom->bar_of_series[s] < 0)
      draw_series (cr, geom, style, (int) s);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  draw_threshold (cr, geom, style);
  draw_labels (cr, geom, style);
  cairo_restore (cr);
}

/* ---- hover ------------------------------------------------------------ */

gboolean
td_chart_hit (const TdChartGeom *geom, double x, double y, TdChartHit *hit)
{
  TdChart *chart;
  const TdRect *p;
  int category, series = -1;
  double offset, bw;
  g_autofree char *value = NULL;

  g_return_val_if_fail (geom != NULL && hit != NULL, FALSE);
  chart = geom->chart;
  p = &geom->plot;
  if (x < p->x || x >= p->x + p->width || y < p->y || y > p->y + p->height
      || chart->categories->len == 0 || chart->series->len == 0)
    return FALSE;
  category = MIN ((int) ((x - p->x) / geom->slot), (int) chart->categories->len - 1);
  offset = x - p->x - category * geom->slot - geom->slot * 0.1;
  bw = geom->slot * 0.8 / MAX (geom->n_bars, 1);
  for (guint s = 0; s < chart->series->len; s++)
    {
      int bar = geom->bar_of_series[s];

      if ((bar >= 0 && offset >= bar * bw && offset < (bar + 1) * bw) || (series < 0 && bar < 0))
        series = (int) s;
    }
  if (series < 0)
    series = 0;
  hit->series = series;
  hit->category = category;
  hit->value = td_chart_get_value (chart, series, category);
  value = format_value (chart->format, hit->value);
  hit->text = g_strdup_printf ("%s · %s: %s",
                               (char *) g_ptr_array_index (chart->categories, category),
                               ((Series *) g_ptr_array_index (chart->series, series))->name,
                               value);
  return TRUE;
}

void
td_chart_hit_clear (TdChartHit *hit)
{
  g_clear_pointer (&hit->text, g_free);
}
