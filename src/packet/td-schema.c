/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-schema"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <libxml/xmlschemas.h>

#include "packet/td-schema.h"
#include "packet/td-xml-safe.h"

#define RULE "R-PKT-001"
/* A document broken everywhere gives one message per node; the first ones say enough. */
#define MAX_SCHEMA_MESSAGES 100

static void
ignore_schema_error (void       *user_data,
                     xmlErrorPtr error)
{
  if (error != NULL && error->level >= XML_ERR_ERROR)
    g_critical ("Built-in schema: %s", error->message);
}

static xmlSchemaPtr
load_schema (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  xmlSchemaParserCtxtPtr ctxt;
  xmlSchemaPtr schema;
  gsize len = 0;
  const char *data;

  td_xml_init ();
  bytes = g_resources_lookup_data (TD_SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("Schema resource %s: %s", TD_SCHEMA_RESOURCE, error->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &len);
  ctxt = xmlSchemaNewMemParserCtxt (data, (int) len);
  xmlSchemaSetParserStructuredErrors (ctxt, ignore_schema_error, NULL);
  schema = xmlSchemaParse (ctxt);
  xmlSchemaFreeParserCtxt (ctxt);
  if (schema == NULL)
    g_critical ("Schema resource %s does not compile", TD_SCHEMA_RESOURCE);
  return schema;
}

/* The schema less the per-session uniqueness of a Record's id (RecordPerTrainee).
 * libxml2 keeps every key of an identity constraint until the end of the document, which
 * makes a streamed 60,000-record batch cost memory in proportion to its size; the stream
 * check tests that uniqueness itself, one session at a time. */
static xmlSchemaPtr
load_streaming_schema (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (TD_SCHEMA_RESOURCE,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  xmlSchemaParserCtxtPtr ctxt;
  xmlSchemaPtr schema = NULL;
  xmlDocPtr doc;
  gsize len = 0;
  const char *data;

  td_xml_init ();
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  doc = xmlReadMemory (data, (int) len, "lc-training-1.0.xsd", NULL, XML_PARSE_NONET);
  for (xmlNodePtr n = doc != NULL ? xmlDocGetRootElement (doc) : NULL; n != NULL; )
    {
      xmlNodePtr next = n->children != NULL ? n->children : NULL;
      xmlChar *name = n->type == XML_ELEMENT_NODE ? xmlGetProp (n, BAD_CAST "name") : NULL;
      gboolean drop = name != NULL && xmlStrEqual (n->name, BAD_CAST "unique")
                      && xmlStrEqual (name, BAD_CAST "RecordPerTrainee");

      xmlFree (name);
      /* depth-first walk: into children, else to the next sibling or an ancestor's */
      if (drop || next == NULL)
        {
          xmlNodePtr up = n;
          next = NULL;
          while (up != NULL && up->next == NULL)
            up = up->parent;
          if (up != NULL)
            next = up->next;
        }
      if (drop)
        {
          xmlUnlinkNode (n);
          xmlFreeNode (n);
        }
      n = next;
    }
  if (doc != NULL)
    {
      ctxt = xmlSchemaNewDocParserCtxt (doc);
      xmlSchemaSetParserStructuredErrors (ctxt, ignore_schema_error, NULL);
      schema = xmlSchemaParse (ctxt);
      xmlSchemaFreeParserCtxt (ctxt);
    }
  /* the compiled schema refers to the document's strings: it lives as long */
  return schema;
}

xmlSchemaPtr
td_schema_get_streaming (void)
{
  static gsize cached = 0;

  if (g_once_init_enter (&cached))
    g_once_init_leave (&cached, (gsize) load_streaming_schema ());
  return (xmlSchemaPtr) cached;
}

xmlSchemaPtr
td_schema_get (void)
{
  static gsize cached = 0;

  if (g_once_init_enter (&cached))
    g_once_init_leave (&cached, (gsize) load_schema ());
  return (xmlSchemaPtr) cached;
}

typedef struct
{
  TdFindings *findings;
  guint n_errors;
} SchemaErrors;

static void
collect_schema_error (void       *user_data,
                      xmlErrorPtr error)
{
  SchemaErrors *errors = user_data;
  g_autofree char *text = NULL;
  g_autofree char *ref = NULL;

  if (error == NULL || error->level < XML_ERR_ERROR)
    return;
  errors->n_errors++;
  if (errors->n_errors > MAX_SCHEMA_MESSAGES)
    return;
  text = g_strchomp (g_strdup (error->message != NULL ? error->message : "?"));
  if (error->node != NULL && ((xmlNode *) error->node)->name != NULL)
    ref = g_strdup ((const char *) ((xmlNode *) error->node)->name);
  td_findings_add (errors->findings, RULE, TD_SEVERITY_ERROR, ref, error->line,
                   _("line %d: the packet does not follow the schema: %s"), error->line, text);
}

gboolean
td_schema_validate (xmlDoc     *doc,
                    TdFindings *findings)
{
  SchemaErrors errors = { findings, 0 };
  xmlSchemaValidCtxtPtr ctxt;
  xmlSchemaPtr schema;
  int result;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (findings != NULL, FALSE);

  schema = td_schema_get ();
  if (schema == NULL)
    {
      td_findings_add (findings, RULE, TD_SEVERITY_ERROR, NULL, 0,
                       _("the built-in schema cannot be loaded"));
      return FALSE;
    }
  ctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (ctxt, collect_schema_error, &errors);
  result = xmlSchemaValidateDoc (ctxt, doc);
  xmlSchemaFreeValidCtxt (ctxt);

  if (result != 0 && errors.n_errors == 0)
    td_findings_add (findings, RULE, TD_SEVERITY_ERROR, NULL, 0,
                     _("the packet does not follow the schema"));
  if (errors.n_errors > MAX_SCHEMA_MESSAGES)
    td_findings_add (findings, RULE, TD_SEVERITY_ERROR, NULL, 0,
                     ngettext ("%u more schema error is not listed",
                               "%u more schema errors are not listed",
                               errors.n_errors - MAX_SCHEMA_MESSAGES),
                     errors.n_errors - MAX_SCHEMA_MESSAGES);
  return result == 0;
}
