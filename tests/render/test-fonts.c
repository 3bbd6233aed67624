/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which Chinese face the forms and charts use, and the warning when there is none. */
#include "config.h"

#include "render/td-render.h"
#include "../td-test-private.h"

static void
test_pick_first_installed (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  /* The test machines have WenQuanYi Micro Hei (Wine's prefix gets it too). */
  const char *const present[] = { "No Such Face TD", "wenquanyi micro hei", "Noto Sans Thai",
                                  NULL };
  const char *const absent[] = { "No Such Face TD", "Neither This One TD", NULL };
  g_autofree char *found = td_font_pick (map, present);
  g_autofree char *none = td_font_pick (map, absent);

  g_assert_cmpstr (found, ==, "wenquanyi micro hei");
  g_assert_null (none);
}

static void
test_family_lists_candidates (void)
{
  const char *const *candidates = td_font_candidates ();
  const char *family = td_font_family ();
  gboolean windows_faces = FALSE;

  g_assert_nonnull (candidates[0]);
  g_assert_true (g_str_has_prefix (family, candidates[0]));
  g_assert_true (g_str_has_suffix (family, ", sans-serif"));
  for (const char *const *c = candidates; *c != NULL; c++)
    {
      g_assert_nonnull (strstr (family, *c));
      if (g_str_equal (*c, "Microsoft YaHei"))
        windows_faces = TRUE;
    }
  /* Microsoft YaHei, SimSun and SimHei are what a Chinese Windows has. */
  g_assert_true (windows_faces);
#ifdef G_OS_WIN32
  g_assert_cmpstr (candidates[0], ==, "Microsoft YaHei");
  g_assert_cmpstr (candidates[1], ==, "SimSun");
  g_assert_cmpstr (candidates[2], ==, "SimHei");
#endif
}

static void
test_check_passes_with_a_chinese_face (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (td_font_check (&error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  td_test_platform_init_text ((void *(*) (void)) pango_cairo_font_map_get_default);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/fonts/pick", test_pick_first_installed);
  g_test_add_func ("/render/fonts/family", test_family_lists_candidates);
  g_test_add_func ("/render/fonts/check", test_check_passes_with_a_chinese_face);
  return g_test_run ();
}
