/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A chart as a PNG, SVG or PDF file: the same layout and drawing as on screen. */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "render/td-chart.h"

typedef enum { FORMAT_PNG, FORMAT_SVG, FORMAT_PDF } FileFormat;

static gboolean
format_of (const char *path, FileFormat *format, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = FORMAT_PDF;
  else
    {
      g_set_error (error, TD_RENDER_ERROR, TD_RENDER_ERROR_FORMAT,
                   _("“%s”: the file name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }
  return TRUE;
}

static cairo_surface_t *
surface_for (FileFormat format, TdRenderSink *sink, int width, int height)
{
  switch (format)
    {
    case FORMAT_SVG:
      return cairo_svg_surface_create_for_stream (td_render_sink_write, sink, width, height);
    case FORMAT_PDF:
      return cairo_pdf_surface_create_for_stream (td_render_sink_write, sink, width, height);
    case FORMAT_PNG:
    default:
      return cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
    }
}

/* Through a temporary file (td-file.c), like the forms. */
gboolean
td_chart_write (TdChart *chart, const char *path, int width, int height, GError **error)
{
  g_autoptr (TdChartGeom) geom = NULL;
  g_autoptr (TdFile) file = NULL;
  TdRenderSink sink = { NULL };
  TdRenderStyle style = TD_RENDER_STYLE_SCREEN;
  cairo_surface_t *surface;
  cairo_status_t status;
  FileFormat format;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL && path != NULL, FALSE);
  if (!format_of (path, &format, error))
    return FALSE;
  file = td_file_new (path, error);
  if (file == NULL)
    return FALSE;
  sink.file = file;
  td_chart_layout (chart, width, height, &geom);
  surface = surface_for (format, &sink, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  td_chart_render (cr, chart, geom, &style);
  cairo_destroy (cr);
  if (format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, td_render_sink_write, &sink);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  return td_render_sink_finish (&sink, status, error);
}
