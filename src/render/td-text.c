/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include <glib/gi18n.h>

#include "render/td-render.h"

G_DEFINE_QUARK (td-render-error-quark, td_render_error)

const char *
td_font_family (void)
{
  static gsize family = 0;

  if (g_once_init_enter (&family))
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) td_font_candidates ());

      g_once_init_leave (&family, (gsize) g_strconcat (joined, ", sans-serif", NULL));
    }
  return (const char *) family;
}

char *
td_font_pick (PangoFontMap *map, const char *const *candidates)
{
  PangoFontFamily **families = NULL;
  int n = 0;
  char *found = NULL;

  pango_font_map_list_families (map, &families, &n);
  for (const char *const *c = candidates; *c != NULL && found == NULL; c++)
    for (int i = 0; i < n && found == NULL; i++)
      if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), *c) == 0)
        found = g_strdup (*c);
  g_free (families);
  return found;
}

gboolean
td_font_check (GError **error)
{
  g_autofree char *found = td_font_pick (pango_cairo_font_map_get_default (),
                                         td_font_candidates ());
  g_autofree char *names = NULL;

  if (found != NULL)
    return TRUE;
  names = g_strjoinv (", ", (char **) td_font_candidates ());
  g_set_error (error, TD_RENDER_ERROR, TD_RENDER_ERROR_FONT,
               _("None of the Chinese fonts for forms and charts is installed (%s): Chinese "
                 "text may be drawn as empty boxes. Install one of them and try again."),
               names);
  return FALSE;
}

PangoContext *
td_text_context_new (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  return context;
}

PangoLayout *
td_text_layout (PangoContext *context, const char *text, double size, gboolean bold,
                double width, PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (td_font_family ());

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

void
td_text_extent (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

gboolean
td_rect_intersects (const TdRect *a, const TdRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}
