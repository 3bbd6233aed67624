/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include "ui/td-chart-widget.h"
#include "ui/td-ui-util.h"

struct _TdChartWidget
{
  GtkWidget parent_instance;
  TdChart *chart;
  TdChartGeom *geom;
  int geom_width;
  int geom_height;
};

G_DEFINE_FINAL_TYPE (TdChartWidget, td_chart_widget, GTK_TYPE_WIDGET)

static void
ensure_layout (TdChartWidget *self, int width, int height)
{
  if (self->geom != NULL && self->geom_width == width && self->geom_height == height)
    return;
  td_chart_layout (self->chart, width, height, &self->geom);
  self->geom_width = width;
  self->geom_height = height;
}

static void
td_chart_widget_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  TdChartWidget *self = TD_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  TdRenderStyle style = TD_RENDER_STYLE_SCREEN;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  ensure_layout (self, width, height);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  td_chart_render (cr, self->chart, self->geom, &style);
  cairo_destroy (cr);
}

char *
td_chart_widget_hit_text (TdChartWidget *self, double x, double y)
{
  TdChartHit hit = { 0 };
  char *text;

  g_return_val_if_fail (TD_IS_CHART_WIDGET (self), NULL);
  if (self->chart == NULL)
    return NULL;
  ensure_layout (self, MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1),
                 MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1));
  if (!td_chart_hit (self->geom, x, y, &hit))
    return NULL;
  text = g_steal_pointer (&hit.text);
  td_chart_hit_clear (&hit);
  return text;
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  gpointer data)
{
  g_autofree char *text = td_chart_widget_hit_text (TD_CHART_WIDGET (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_custom (tooltip, td_ui_tooltip_label_new (widget, text));
  return TRUE;
}

static void
td_chart_widget_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                         int *minimum, int *natural, int *minimum_baseline,
                         int *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 280;
}

static void
td_chart_widget_finalize (GObject *object)
{
  TdChartWidget *self = TD_CHART_WIDGET (object);

  g_clear_pointer (&self->geom, td_chart_geom_free);
  g_clear_pointer (&self->chart, td_chart_free);
  G_OBJECT_CLASS (td_chart_widget_parent_class)->finalize (object);
}

static void
td_chart_widget_class_init (TdChartWidgetClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = td_chart_widget_finalize;
  widget_class->snapshot = td_chart_widget_snapshot;
  widget_class->measure = td_chart_widget_measure;
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
td_chart_widget_init (TdChartWidget *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

GtkWidget *
td_chart_widget_new (void)
{
  return g_object_new (TD_TYPE_CHART_WIDGET, NULL);
}

void
td_chart_widget_set_chart (TdChartWidget *self, TdChart *chart)
{
  g_return_if_fail (TD_IS_CHART_WIDGET (self));
  g_clear_pointer (&self->geom, td_chart_geom_free);
  g_clear_pointer (&self->chart, td_chart_free);
  self->chart = chart;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

TdChart *
td_chart_widget_get_chart (TdChartWidget *self)
{
  g_return_val_if_fail (TD_IS_CHART_WIDGET (self), NULL);
  return self->chart;
}
