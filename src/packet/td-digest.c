/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-digest"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/c14n.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "packet/td-digest.h"
#include "packet/td-xml-safe.h"

/* RULES.md, R-PKT-002 "Informative": every node of the Body, its attributes and the
 * namespace nodes in scope there. */
#define BODY_NODES "(//. | //@* | //namespace::*)[ancestor-or-self::t:Body]"

G_DEFINE_QUARK (td-digest-error-quark, td_digest_error)

char *
td_sha256_hex (const void *data,
               gsize       len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
}

static int
count_bodies (xmlXPathContextPtr xpath)
{
  xmlXPathObjectPtr bodies = xmlXPathEvalExpression (BAD_CAST "//t:Body", xpath);
  int n = 0;

  if (bodies != NULL && bodies->nodesetval != NULL)
    n = bodies->nodesetval->nodeNr;
  xmlXPathFreeObject (bodies);
  return n;
}

GBytes *
td_digest_body_c14n (xmlDoc  *doc,
                     GError **error)
{
  xmlXPathContextPtr xpath = NULL;
  xmlXPathObjectPtr nodes = NULL;
  xmlChar *out = NULL;
  GBytes *bytes = NULL;
  int len = -1;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  xpath = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (xpath, BAD_CAST "t", BAD_CAST TD_NS);
  if (count_bodies (xpath) != 1)
    {
      g_set_error (error, TD_DIGEST_ERROR, TD_DIGEST_ERROR_NO_BODY,
                   _("the packet does not have exactly one Body element"));
      goto out;
    }
  nodes = xmlXPathEvalExpression (BAD_CAST BODY_NODES, xpath);
  if (nodes != NULL && nodes->nodesetval != NULL)
    len = xmlC14NDocDumpMemory (doc, nodes->nodesetval, XML_C14N_EXCLUSIVE_1_0, NULL, 0, &out);
  if (len < 0 || out == NULL)
    {
      g_set_error (error, TD_DIGEST_ERROR, TD_DIGEST_ERROR_CANONICALIZE,
                   _("the Body cannot be canonicalized"));
      goto out;
    }
  bytes = g_bytes_new (out, len);

out:
  xmlFree (out);
  xmlXPathFreeObject (nodes);
  xmlXPathFreeContext (xpath);
  return bytes;
}

char *
td_digest_body (xmlDoc  *doc,
                GError **error)
{
  g_autoptr(GBytes) bytes = td_digest_body_c14n (doc, error);
  gsize len = 0;
  const void *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  return td_sha256_hex (data, len);
}
