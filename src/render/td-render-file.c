/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Forms and charts written through a TdFile: cairo's stream surfaces write into the
 * temporary file, which replaces the target only when the drawing is complete. */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include "render/td-render.h"

cairo_status_t
td_render_sink_write (void *closure, const unsigned char *data, unsigned int length)
{
  TdRenderSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!td_file_write (sink->file, data, length, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
td_render_sink_finish (TdRenderSink *sink, cairo_status_t status, GError **error)
{
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TD_RENDER_ERROR, TD_RENDER_ERROR_WRITE, "%s: %s",
                   td_file_get_path (sink->file), cairo_status_to_string (status));
      return FALSE;
    }
  return td_file_commit (sink->file, error);
}
