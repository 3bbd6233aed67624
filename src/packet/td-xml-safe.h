/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading untrusted XML safely (TOOLCHAIN.md "XML safety"), and small tree getters that
 * never expand entities.  Every refusal is an R-PKT-001 finding. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "core/td-date.h"
#include "core/td-hours.h"
#include "core/td-money.h"
#include "packet/td-finding.h"

G_BEGIN_DECLS

/* The namespace of packets, receipts and catalogues. */
#define TD_NS "urn:lc-hrss:training:1.0"

/* Files larger than this are refused without being read whole. */
#define TD_XML_MAX_BYTES ((gsize) 64 * 1024 * 1024)

/* Installs the deny-all external entity loader (once per process; the read functions call
 * it, call it yourself before any other libxml2 parsing). */
void td_xml_init (void);

/* The bytes of @path, reading at most TD_XML_MAX_BYTES + 1 whatever the file claims (a pipe,
 * /dev/zero).  NULL with G_IO_ERROR_MESSAGE_TOO_LARGE when larger, or the read error. */
GBytes *td_xml_load_capped (const char *path, GError **error);
/* Reads at most TD_XML_MAX_BYTES + 1 bytes of @path and parses them like
 * td_xml_read_memory().  NULL, with R-PKT-001 findings added, when refused. */
xmlDoc *td_xml_read_file (const char *path, TdFindings *findings);
/* Parses @data: refuses an empty document, a BOM other than UTF-8's, NUL bytes, invalid
 * UTF-8, a declared encoding other than UTF-8, a DOCTYPE and anything not well-formed.
 * @name names the document in messages (a file's base name; may be NULL). */
xmlDoc *td_xml_read_memory (const char *data, gsize len, const char *name,
                            TdFindings *findings);

/* Tree getters (namespace TD_NS elements only; entity references are never followed). */

/* First element child of @parent, or NULL. */
xmlNode *td_xml_first_element (xmlNode *parent);
/* Next element sibling of @node, or NULL. */
xmlNode *td_xml_next_element (xmlNode *node);
/* First child element of @parent in TD_NS with local name @name, or NULL. */
xmlNode *td_xml_child (xmlNode *parent, const char *name);
/* Next sibling element of @node in TD_NS with local name @name, or NULL. */
xmlNode *td_xml_next (xmlNode *node, const char *name);
/* TRUE when @node is an element in TD_NS named @name. */
gboolean td_xml_is (const xmlNode *node, const char *name);
/* Text of @node: its text and CDATA children concatenated, exactly as written ("" when
 * none; NULL only when @node is NULL).  Newly allocated (g_free). */
char *td_xml_text (xmlNode *node);
/* Text of the first child element @name, or NULL when there is none. */
char *td_xml_child_text (xmlNode *parent, const char *name);
/* The unqualified attribute @name exactly as written, or NULL when absent.  Newly
 * allocated (g_free). */
char *td_xml_attr (xmlNode *node, const char *name);
/* Line of @node in the document (0 when unknown). */
int td_xml_line (const xmlNode *node);

/* Typed values, read as written (a schema-valid packet has them well-formed).  Each takes a
 * NULL @node as an absent value. */
/* The integer of attribute @name (child element @name), @none when absent or empty. */
gint64 td_xml_attr_int (xmlNode *node, const char *name, gint64 none);
gint64 td_xml_child_int (xmlNode *parent, const char *name, gint64 none);
/* HoursType in halves: @none when absent, -1 when malformed. */
TdHalves td_xml_attr_hours (xmlNode *node, const char *name, TdHalves none);
/* Money in fen: @none when absent or malformed. */
TdFen td_xml_attr_money (xmlNode *node, const char *name, TdFen none);
/* An ISO date: 0 when absent or not a date. */
TdDay td_xml_attr_day (xmlNode *node, const char *name);
TdDay td_xml_child_day (xmlNode *parent, const char *name);
/* A time of day in seconds: -1 when absent or not a time. */
int td_xml_attr_time (xmlNode *node, const char *name);
/* TRUE when attribute @name is written as @value. */
gboolean td_xml_attr_is (xmlNode *node, const char *name, const char *value);
/* Attribute @name (child element @name's text) into @out of @size bytes, "" when absent. */
void td_xml_attr_copy (xmlNode *node, const char *name, char *out, gsize size);
void td_xml_child_copy (xmlNode *parent, const char *name, char *out, gsize size);

G_END_DECLS
