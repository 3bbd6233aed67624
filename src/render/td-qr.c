/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The QR code that matches a paper form with its packet (libqrencode). */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include <qrencode.h>

#include "render/td-form.h"

gboolean
td_qr_draw (cairo_t *cr, const char *payload, double x, double y, double size)
{
  QRcode *code = QRcode_encodeString8bit (payload, 0, QR_ECLEVEL_M);
  double module;
  int quiet = 2;

  if (code == NULL)
    return FALSE;
  module = size / (code->width + 2 * quiet);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    for (int col = 0; col < code->width; col++)
      if (code->data[row * code->width + col] & 1)
        cairo_rectangle (cr, x + (col + quiet) * module, y + (row + quiet) * module,
                         module, module);
  cairo_fill (cr);
  cairo_restore (cr);
  QRcode_free (code);
  return TRUE;
}
