/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "core/td-file-private.h"
#include "core/td-i18n.h"

void
td_i18n_init (const char *argv0)
{
  g_autofree char *dir = NULL;
  const char *override = g_getenv ("TD_LOCALEDIR");

  if (override != NULL && *override != '\0')
    dir = g_strdup (override);
  if (dir == NULL)
    dir = td_platform_locale_dir ();
  if (dir == NULL)
    dir = g_strdup (LOCALEDIR);
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

void
td_i18n_bind_library (const char *domain)
{
  g_autofree char *dir = td_platform_locale_dir ();

  if (dir == NULL)
    return;
  bindtextdomain (domain, dir);
  bind_textdomain_codeset (domain, "UTF-8");
}
