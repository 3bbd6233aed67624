/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "packet/td-digest.h"
#include "packet/td-finding.h"
#include "packet/td-xml-safe.h"

#include "cli-reseal.h"

char *
cli_replace_once (const char *text, const char *old, const char *new)
{
  const char *at = strstr (text, old);

  if (at == NULL)
    g_error ("'%s' not found", old);
  g_assert_null (strstr (at + 1, old));
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

char *
cli_reseal (const char *text)
{
  g_autoptr (TdFindings) findings = td_findings_new ();
  xmlDoc *doc = td_xml_read_memory (text, strlen (text), "mutated", findings);
  g_autofree char *digest = NULL;
  g_autofree char *old = NULL;
  const char *at = strstr (text, "<Digest algorithm=\"SHA-256\">");

  g_assert_nonnull (doc);
  g_assert_nonnull (at);
  digest = td_digest_body (doc, NULL);
  xmlFreeDoc (doc);
  old = g_strndup (at + strlen ("<Digest algorithm=\"SHA-256\">"), 64);
  return cli_replace_once (text, old, digest);
}
