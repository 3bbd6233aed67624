/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the forms and charts share: the error domain, the drawing style, text in Pango. */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "core/td-file.h"

G_BEGIN_DECLS

#define TD_RENDER_ERROR (td_render_error_quark ())
GQuark td_render_error_quark (void);

typedef enum
{
  TD_RENDER_ERROR_NOT_FOUND,    /* no such class, lesson, claim … (message says which) */
  TD_RENDER_ERROR_NO_DATA,      /* nothing to draw (a chart without values) */
  TD_RENDER_ERROR_FORMAT,       /* an output file name whose extension is not .png .svg .pdf */
  TD_RENDER_ERROR_WRITE,        /* cairo could not write the file */
  TD_RENDER_ERROR_FONT,         /* none of the Chinese fonts is installed */
} TdRenderError;

/* How to draw: on screen in colour (Okabe–Ito, colour-blind safe) or for print in greys
 * with hatch patterns (HomeBank's `isprint`). */
typedef struct
{
  gboolean print;
} TdRenderStyle;

#define TD_RENDER_STYLE_SCREEN ((TdRenderStyle){ .print = FALSE })
#define TD_RENDER_STYLE_PRINT ((TdRenderStyle){ .print = TRUE })

/* The Chinese faces tried in order, this platform's first (on Windows Microsoft YaHei,
 * SimSun, SimHei).  NULL-terminated, static. */
const char *const *td_font_candidates (void);
/* @candidates joined as one Pango family list ending in sans-serif.  Static. */
const char *td_font_family (void);
/* The first of @candidates (NULL-terminated) that @map has, matched without regard to
 * case, or NULL when it has none of them.  Newly allocated. */
char *td_font_pick (PangoFontMap *map, const char *const *candidates);
/* Whether the default font map has one of td_font_candidates(); if not, @error
 * (TD_RENDER_ERROR_FONT) names them and says that Chinese text would show as boxes. */
gboolean td_font_check (GError **error);

/* A Pango context measuring in cairo user units (1 unit = 1 pt at 72 dpi), metrics unhinted
 * so what is measured is what any surface draws, language zh-cn (TOOLCHAIN.md "Chinese
 * text"). */
PangoContext *td_text_context_new (void);
/* A layout of @text at @size units, wrapped at @width (word, then character) unless
 * @width < 0.  Newly created. */
PangoLayout *td_text_layout (PangoContext *context, const char *text, double size,
                             gboolean bold, double width, PangoAlignment align);
void td_text_extent (PangoLayout *layout, double *width, double *height);

typedef struct
{
  double x, y, width, height;
} TdRect;

gboolean td_rect_intersects (const TdRect *a, const TdRect *b);

/* A cairo write function (cairo_*_surface_create_for_stream) into a TdFile; the first error
 * is kept.  td_render_sink_finish () reports it, or cairo's @status, or commits the file. */
typedef struct
{
  TdFile *file;
  GError *error;
} TdRenderSink;

cairo_status_t td_render_sink_write (void *closure, const unsigned char *data,
                                     unsigned int length);
gboolean td_render_sink_finish (TdRenderSink *sink, cairo_status_t status, GError **error);

G_END_DECLS
