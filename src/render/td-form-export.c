/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A form as a PDF file: the same layout and drawing as printing. */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "render/td-form.h"

/* Through a temporary file (td-file.c): a kill or a full disk never leaves a truncated PDF
 * at @path, and an earlier file there stays until the new one is complete. */
gboolean
td_form_write_pdf (TdForm *form, const char *path, GError **error)
{
  g_autoptr (TdFormLayout) layout = NULL;
  g_autoptr (TdFile) file = NULL;
  TdRenderSink sink = { NULL };
  const TdPageSetup *setup;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  TdRenderStyle style = TD_RENDER_STYLE_PRINT;

  g_return_val_if_fail (form != NULL && path != NULL, FALSE);
  file = td_file_new (path, error);
  if (file == NULL)
    return FALSE;
  sink.file = file;
  layout = td_form_layout (form, NULL);
  setup = td_form_layout_get_page_setup (layout);
  surface = cairo_pdf_surface_create_for_stream (td_render_sink_write, &sink, setup->width,
                                                 setup->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, td_form_get_title (form));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "TrainDesk");
  cr = cairo_create (surface);
  for (int i = 0; i < td_form_layout_get_n_pages (layout) && sink.error == NULL; i++)
    {
      td_form_render_page (cr, form, layout, i, &style);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return td_render_sink_finish (&sink, status, error);
}
