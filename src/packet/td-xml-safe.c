/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-xml-safe"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "packet/td-xml-safe.h"

#define RULE "R-PKT-001"
/* Enough to say what is wrong; a broken file can produce thousands. */
#define MAX_PARSER_MESSAGES 20
#define READ_CHUNK (1024 * 1024)

static xmlParserInputPtr
deny_external_entity (const char      *url,
                      const char      *id,
                      xmlParserCtxtPtr ctxt)
{
  /* Nothing outside the document is ever read: no DTD, no entity, no XInclude. */
  return NULL;
}

void
td_xml_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}

static void
refuse (TdFindings *findings,
        const char *name,
        int         line,
        const char *message)
{
  td_findings_add (findings, RULE, TD_SEVERITY_ERROR, name, line, "%s", message);
}

GBytes *
td_xml_load_capped (const char *path,
                    GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  gsize total = 0;

  g_return_val_if_fail (path != NULL, NULL);

  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return NULL;

  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
      && (guint64) g_file_info_get_size (info) > TD_XML_MAX_BYTES)
    total = TD_XML_MAX_BYTES + 1;

  /* The size may lie (a growing file, a pipe, /dev/zero): never read more than the cap + 1. */
  buffer = g_byte_array_new ();
  while (total <= TD_XML_MAX_BYTES)
    {
      gsize want = MIN ((gsize) READ_CHUNK, TD_XML_MAX_BYTES + 1 - total);
      gsize got = 0;

      g_byte_array_set_size (buffer, total + want);
      if (!g_input_stream_read_all (G_INPUT_STREAM (in), buffer->data + total, want, &got,
                                    NULL, error))
        return NULL;
      total += got;
      if (got < want)
        break;
    }

  if (total > TD_XML_MAX_BYTES)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                           _("the file is larger than 64 MB"));
      return NULL;
    }
  g_byte_array_set_size (buffer, total);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* td_xml_load_capped () with a refusal as a finding. */
static GBytes *
read_capped (const char *path,
             const char *name,
             TdFindings *findings)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = td_xml_load_capped (path, &error);

  if (bytes == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    refuse (findings, name, 0, error->message);
  else if (bytes == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("the file cannot be read: %s"), error->message);
      refuse (findings, name, 0, msg);
    }
  return bytes;
}

xmlDoc *
td_xml_read_file (const char *path,
                  TdFindings *findings)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (findings != NULL, NULL);

  name = g_path_get_basename (path);
  bytes = read_capped (path, name, findings);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  return td_xml_read_memory (data, len, name, findings);
}

static int
line_of_offset (const char *data,
                gsize       offset)
{
  int line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* Not empty, no BOM but UTF-8's, no NUL byte: what must hold before anything else. */
static gboolean
check_bytes (const char *data,
             gsize       len,
             const char *name,
             TdFindings *findings)
{
  const guchar *u = (const guchar *) data;
  const char *bad = NULL;

  if (len == 0)
    {
      refuse (findings, name, 0, _("the file is empty"));
      return FALSE;
    }
  if ((len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE)))
      || (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF))
    {
      refuse (findings, name, 1,
              _("the file starts with a UTF-16 or UTF-32 byte order mark; packets must be UTF-8"));
      return FALSE;
    }
  bad = memchr (data, '\0', len);
  if (bad != NULL)
    {
      g_autofree char *msg = g_strdup_printf (
        _("line %d: the file contains NUL bytes: it is binary data, not UTF-8 XML"),
        line_of_offset (data, bad - data));
      refuse (findings, name, line_of_offset (data, bad - data), msg);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_utf8 (const char *data,
            gsize       len,
            const char *name,
            TdFindings *findings)
{
  const char *bad = NULL;

  if (!g_utf8_validate_len (data, len, &bad))
    {
      int line = line_of_offset (data, bad - data);
      g_autofree char *msg = g_strdup_printf (_("line %d: the text is not valid UTF-8"), line);
      refuse (findings, name, line, msg);
      return FALSE;
    }
  return TRUE;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  return p;
}

static gboolean
starts_with (const char *p,
             const char *end,
             const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

/* The value of encoding="…" in the XML declaration [decl, decl_end), or NULL. */
static char *
declared_encoding (const char *decl,
                   const char *decl_end)
{
  const char *p = decl;

  while (p < decl_end && !starts_with (p, decl_end, "encoding"))
    p++;
  if (p >= decl_end)
    return NULL;
  p = skip_space (p + strlen ("encoding"), decl_end);
  if (p >= decl_end || *p != '=')
    return NULL;
  p = skip_space (p + 1, decl_end);
  if (p >= decl_end || (*p != '"' && *p != '\''))
    return NULL;
  for (const char *q = p + 1; q < decl_end; q++)
    if (*q == *p)
      return g_strndup (p + 1, q - p - 1);
  return NULL;
}

static const char *
find (const char *p,
      const char *end,
      const char *needle)
{
  for (; p < end; p++)
    if (starts_with (p, end, needle))
      return p;
  return NULL;
}

static const char *
skip_bom (const char *p,
          const char *end)
{
  return starts_with (p, end, "\xEF\xBB\xBF") ? p + 3 : p;
}

/* Refuses an XML declaration that names an encoding other than UTF-8. */
static gboolean
check_declared_encoding (const char *data,
                         gsize       len,
                         const char *name,
                         TdFindings *findings)
{
  const char *end = data + len;
  const char *p = skip_bom (data, end);

  if (starts_with (p, end, "<?xml") && end - p > 5 && strchr (" \t\r\n", p[5]) != NULL)
    {
      const char *close = find (p, end, "?>");
      g_autofree char *encoding = declared_encoding (p, close != NULL ? close : end);

      if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
        {
          g_autofree char *msg = g_strdup_printf (
            _("the file declares the encoding “%s”; packets must be UTF-8"), encoding);
          refuse (findings, name, line_of_offset (data, p - data), msg);
          return FALSE;
        }
    }
  return TRUE;
}

/* Before the root: refuses any DOCTYPE without letting a parser near a DTD.  Leaves
 * anything else to the parser. */
static gboolean
check_no_doctype (const char *data,
                  gsize       len,
                  const char *name,
                  TdFindings *findings)
{
  const char *end = data + len;
  const char *p = skip_bom (data, end);

  for (;;)
    {
      const char *close = NULL;

      p = skip_space (p, end);
      if (starts_with (p, end, "<!DOCTYPE"))
        {
          refuse (findings, name, line_of_offset (data, p - data),
                  _("the file has a DOCTYPE declaration, which packets may not have"));
          return FALSE;
        }
      if (starts_with (p, end, "<?"))
        close = find (p + 2, end, "?>");
      else if (starts_with (p, end, "<!--"))
        close = find (p + 4, end, "-->");
      if (close == NULL)
        return TRUE;
      p = close + (*close == '?' ? 2 : 3);
    }
}

typedef struct
{
  TdFindings *findings;
  const char *name;
  guint n_errors;
} ParseErrors;

static void
collect_error (void       *user_data,
               xmlErrorPtr error)
{
  ParseErrors *errors = user_data;
  g_autofree char *text = NULL;
  g_autofree char *msg = NULL;

  if (error == NULL || error->level < XML_ERR_ERROR)
    return;
  errors->n_errors++;
  if (errors->n_errors > MAX_PARSER_MESSAGES)
    return;
  text = g_strchomp (g_strdup (error->message != NULL ? error->message : "?"));
  msg = g_strdup_printf (_("line %d: the file is not well-formed XML: %s"), error->line, text);
  refuse (errors->findings, errors->name, error->line, msg);
}

static xmlDoc *
parse (const char *data,
       gsize       len,
       const char *name,
       TdFindings *findings)
{
  ParseErrors errors = { findings, name, 0 };
  xmlStructuredErrorFunc old_func = xmlStructuredError;
  void *old_context = xmlStructuredErrorContext;
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      refuse (findings, name, 0, _("out of memory while reading the file"));
      return NULL;
    }
  xmlSetStructuredErrorFunc (&errors, collect_error);
  /* NONET only: no entity substitution, no DTD loading or validation, no huge input. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, NULL, NULL, XML_PARSE_NONET);
  xmlSetStructuredErrorFunc (old_context, old_func);
  xmlFreeParserCtxt (ctxt);

  if (doc != NULL && errors.n_errors == 0 && xmlGetIntSubset (doc) != NULL)
    refuse (findings, name, 0,
            _("the file has a DOCTYPE declaration, which packets may not have"));
  if (doc != NULL && (errors.n_errors > 0 || xmlGetIntSubset (doc) != NULL
                      || xmlDocGetRootElement (doc) == NULL))
    g_clear_pointer (&doc, xmlFreeDoc);
  if (doc == NULL && errors.n_errors == 0 && td_findings_get_n (findings) == 0)
    refuse (findings, name, 0, _("the file is not well-formed XML"));
  return doc;
}

xmlDoc *
td_xml_read_memory (const char *data,
                    gsize       len,
                    const char *name,
                    TdFindings *findings)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (findings != NULL, NULL);

  td_xml_init ();

  if (len > TD_XML_MAX_BYTES)
    {
      refuse (findings, name, 0, _("the file is larger than 64 MB"));
      return NULL;
    }
  if (!check_bytes (data, len, name, findings)
      || !check_declared_encoding (data, len, name, findings)
      || !check_utf8 (data, len, name, findings)
      || !check_no_doctype (data, len, name, findings))
    return NULL;
  return parse (data, len, name, findings);
}

/* Tree getters */

gboolean
td_xml_is (const xmlNode *node,
           const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL
         && xmlStrEqual (node->ns->href, BAD_CAST TD_NS)
         && (name == NULL || xmlStrEqual (node->name, BAD_CAST name));
}

xmlNode *
td_xml_first_element (xmlNode *parent)
{
  if (parent == NULL)
    return NULL;
  for (xmlNode *n = parent->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      return n;
  return NULL;
}

xmlNode *
td_xml_next_element (xmlNode *node)
{
  if (node == NULL)
    return NULL;
  for (xmlNode *n = node->next; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      return n;
  return NULL;
}

xmlNode *
td_xml_child (xmlNode    *parent,
              const char *name)
{
  for (xmlNode *n = td_xml_first_element (parent); n != NULL; n = td_xml_next_element (n))
    if (td_xml_is (n, name))
      return n;
  return NULL;
}

xmlNode *
td_xml_next (xmlNode    *node,
             const char *name)
{
  for (xmlNode *n = td_xml_next_element (node); n != NULL; n = td_xml_next_element (n))
    if (td_xml_is (n, name))
      return n;
  return NULL;
}

static void
append_text_children (GString *out,
                      xmlNode *first)
{
  for (xmlNode *n = first; n != NULL; n = n->next)
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != NULL)
      g_string_append (out, (const char *) n->content);
}

char *
td_xml_text (xmlNode *node)
{
  GString *out;

  if (node == NULL)
    return NULL;
  out = g_string_new (NULL);
  append_text_children (out, node->children);
  return g_string_free (out, FALSE);
}

char *
td_xml_child_text (xmlNode    *parent,
                   const char *name)
{
  return td_xml_text (td_xml_child (parent, name));
}

char *
td_xml_attr (xmlNode    *node,
             const char *name)
{
  GString *out;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      if (a->ns != NULL || !xmlStrEqual (a->name, BAD_CAST name))
        continue;
      out = g_string_new (NULL);
      append_text_children (out, a->children);
      return g_string_free (out, FALSE);
    }
  return NULL;
}

int
td_xml_line (const xmlNode *node)
{
  long line;

  if (node == NULL)
    return 0;
  line = xmlGetLineNo (node);
  return line > 0 && line < G_MAXINT ? (int) line : 0;
}

/* ---- typed values ------------------------------------------------------------------------ */

static gint64
int_or (const char *text, gint64 none)
{
  return text != NULL && text[0] != '\0' ? g_ascii_strtoll (text, NULL, 10) : none;
}

gint64
td_xml_attr_int (xmlNode *node, const char *name, gint64 none)
{
  g_autofree char *text = td_xml_attr (node, name);

  return int_or (text, none);
}

gint64
td_xml_child_int (xmlNode *parent, const char *name, gint64 none)
{
  g_autofree char *text = td_xml_child_text (parent, name);

  return int_or (text, none);
}

TdHalves
td_xml_attr_hours (xmlNode *node, const char *name, TdHalves none)
{
  g_autofree char *text = td_xml_attr (node, name);

  return text != NULL ? td_hours_parse (text) : none;
}

TdFen
td_xml_attr_money (xmlNode *node, const char *name, TdFen none)
{
  g_autofree char *text = td_xml_attr (node, name);
  TdFen fen = none;

  if (text == NULL || !td_money_parse (text, &fen))
    return none;
  return fen;
}

TdDay
td_xml_attr_day (xmlNode *node, const char *name)
{
  g_autofree char *text = td_xml_attr (node, name);

  return text != NULL ? td_day_from_iso (text) : 0;
}

TdDay
td_xml_child_day (xmlNode *parent, const char *name)
{
  g_autofree char *text = td_xml_child_text (parent, name);

  return text != NULL ? td_day_from_iso (text) : 0;
}

int
td_xml_attr_time (xmlNode *node, const char *name)
{
  g_autofree char *text = td_xml_attr (node, name);

  return text != NULL ? td_time_from_iso (text) : -1;
}

gboolean
td_xml_attr_is (xmlNode *node, const char *name, const char *value)
{
  g_autofree char *text = td_xml_attr (node, name);

  return g_strcmp0 (text, value) == 0;
}

void
td_xml_attr_copy (xmlNode *node, const char *name, char *out, gsize size)
{
  g_autofree char *text = td_xml_attr (node, name);

  g_strlcpy (out, text != NULL ? text : "", size);
}

void
td_xml_child_copy (xmlNode *parent, const char *name, char *out, gsize size)
{
  g_autofree char *text = td_xml_child_text (parent, name);

  g_strlcpy (out, text != NULL ? text : "", size);
}
