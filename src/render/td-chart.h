/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dashboard charts as a model (categories × series of values), a layout that places the
 * axes, labels and legend so that no two labels overlap, a render on any cairo_t (screen
 * in the Okabe–Ito palette, print in greys and hatches), and hit-testing for hover. */
#pragma once

#include "render/td-render.h"

G_BEGIN_DECLS

typedef struct _TdChart TdChart;
typedef struct _TdChartGeom TdChartGeom;

typedef enum
{
  TD_CHART_FORMAT_COUNT,        /* whole numbers */
  TD_CHART_FORMAT_MONEY,        /* values in yuan */
  TD_CHART_FORMAT_PERCENT,      /* values in percent (0–100) */
  TD_CHART_FORMAT_SHARE,        /* values in percent, the axis scaled to them (a share of
                                 * a few percent still fills the plot) */
} TdChartFormat;

typedef enum
{
  TD_CHART_SERIES_BAR,          /* bars side by side within a category */
  TD_CHART_SERIES_MARKER,       /* a short thick line across the category (a target) */
} TdChartSeriesKind;

TdChart *td_chart_new (const char *title);
void td_chart_free (TdChart *chart);
const char *td_chart_get_title (const TdChart *chart);
void td_chart_set_axis_titles (TdChart *chart, const char *x_title, const char *y_title);
void td_chart_set_format (TdChart *chart, TdChartFormat format);
/* Returns the series' index. */
int td_chart_add_series (TdChart *chart, const char *name, TdChartSeriesKind kind);
/* Returns the category's index; values start at 0. */
int td_chart_add_category (TdChart *chart, const char *label);
void td_chart_set_value (TdChart *chart, int series, int category, double value);
double td_chart_get_value (const TdChart *chart, int series, int category);
int td_chart_get_n_series (const TdChart *chart);
int td_chart_get_n_categories (const TdChart *chart);
/* A vertical line at @position category widths from the plot's left edge (a histogram's
 * threshold), labelled. */
void td_chart_set_threshold (TdChart *chart, double position, const char *label);
/* Chart text size in user units (default 10: pixels on screen, points on paper). */
void td_chart_set_font_size (TdChart *chart, double size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdChart, td_chart_free)

/* Lays out @chart in @width × @height user units into *@geom (replacing and freeing what
 * it held).  The chart must outlive the geometry. */
void td_chart_layout (TdChart *chart, double width, double height, TdChartGeom **geom);
void td_chart_geom_free (TdChartGeom *geom);
/* Draws at the origin of @cr.  Paints no background. */
void td_chart_render (cairo_t *cr, TdChart *chart, const TdChartGeom *geom,
                      const TdRenderStyle *style);

typedef struct
{
  int series;
  int category;
  double value;
  char *text;                   /* "category · series: value", newly allocated */
} TdChartHit;

/* The value under the pointer at @x, @y: TRUE and @hit filled (free with
 * td_chart_hit_clear) when the pointer is over a category of the plot. */
gboolean td_chart_hit (const TdChartGeom *geom, double x, double y, TdChartHit *hit);
void td_chart_hit_clear (TdChartHit *hit);

/* The boxes of every label drawn (title, legend, axis titles, ticks, categories,
 * threshold), for tests: no two intersect. */
const TdRect *td_chart_geom_get_label_boxes (const TdChartGeom *geom, guint *n_boxes);
/* Every label's text, one per line. Newly allocated. */
char *td_chart_geom_get_text (const TdChartGeom *geom);
int td_chart_geom_get_unknown_glyphs (const TdChartGeom *geom);

/* Writes @chart as PNG, SVG or PDF by @path's extension, @width × @height (pixels for
 * PNG, points otherwise), in colour on white. */
gboolean td_chart_write (TdChart *chart, const char *path, int width, int height,
                         GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdChartGeom, td_chart_geom_free)

G_END_DECLS
