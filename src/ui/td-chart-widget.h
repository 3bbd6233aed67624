/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdChartWidget: a dashboard chart on screen.  It lays out and draws the chart with the
 * renderer (td_chart_layout / td_chart_render) from snapshot, the same path as printing and
 * PNG export, and shows the value under the pointer as a tooltip (td_chart_hit). */
#pragma once

#include <gtk/gtk.h>

#include "render/td-chart.h"

G_BEGIN_DECLS

#define TD_TYPE_CHART_WIDGET (td_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (TdChartWidget, td_chart_widget, TD, CHART_WIDGET, GtkWidget)

GtkWidget *td_chart_widget_new (void);
/* Takes @chart (NULL: nothing drawn). */
void td_chart_widget_set_chart (TdChartWidget *self, TdChart *chart);
TdChart *td_chart_widget_get_chart (TdChartWidget *self);
/* The text of the value at @x, @y of the widget, or NULL (newly allocated). */
char *td_chart_widget_hit_text (TdChartWidget *self, double x, double y);

G_END_DECLS
