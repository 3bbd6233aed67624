/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the forms and charts draw differently on Windows: the only file of the render
 * layer that asks.  There the system's Chinese faces come first. */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include "render/td-render.h"

const char *const *
td_font_candidates (void)
{
#ifdef G_OS_WIN32
  static const char *const families[] = {
    "Microsoft YaHei", "SimSun", "SimHei",
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", NULL
  };
#else
  static const char *const families[] = {
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
    "Microsoft YaHei", "SimSun", "SimHei", "PingFang SC", NULL
  };
#endif
  return families;
}
