/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A form as a PDF file: the same layout and drawing as printing. */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "render/td-form-private.h"
#include "render/td-form.h"

/* The pages of each section in turn: laid out, drawn, freed. */
static int
draw_sections (cairo_t *cr, TdForm *form, const TdPageSetup *setup, int total,
               TdRenderSink *sink)
{
  TdRenderStyle style = TD_RENDER_STYLE_PRINT;
  g_autoptr (TdFormLayout) previous = NULL;
  int done = 0;
  guint first = 0;

  do
    {
      guint end = td_form_section_end (form, first);

      /* an empty section (two breaks in a row) adds no page; an empty form has one */
      if (end > first || form->blocks->len == 0)
        {
          TdFormLayout *layout = td_form_layout_section (form, setup, first, end, previous);
          int n = td_form_layout_get_n_pages (layout);

          td_form_layout_set_numbering (layout, done, total);
          for (int i = 0; cr != NULL && i < n && sink->error == NULL; i++)
            {
              td_form_render_page (cr, form, layout, i, &style);
              cairo_show_page (cr);
            }
          done += n;
          g_clear_pointer (&previous, td_form_layout_free);
          previous = layout;
        }
      first = end + 1;
    }
  while (first < form->blocks->len && sink->error == NULL);
  return done;
}

/* Through a temporary file (td-file.c): a kill or a full disk never leaves a truncated PDF
 * at @path, and an earlier file there stays until the new one is complete.  Section by
 * section (td-form-private.h): counted first for "共 m 页", then drawn, so memory stays
 * flat however many lessons a sign-in sheet has. */
gboolean
td_form_write_pdf (TdForm *form, const char *path, GError **error)
{
  g_autoptr (TdFile) file = NULL;
  TdRenderSink sink = { NULL };
  TdPageSetup setup;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int total;

  g_return_val_if_fail (form != NULL && path != NULL, FALSE);
  file = td_file_new (path, error);
  if (file == NULL)
    return FALSE;
  sink.file = file;
  td_page_setup_init_for_form (&setup, form);
  total = draw_sections (NULL, form, &setup, 0, &sink);
  surface = cairo_pdf_surface_create_for_stream (td_render_sink_write, &sink, setup.width,
                                                 setup.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, td_form_get_title (form));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "TrainDesk");
  cr = cairo_create (surface);
  draw_sections (cr, form, &setup, total, &sink);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return td_render_sink_finish (&sink, status, error);
}
