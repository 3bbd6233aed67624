/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The writer's output: xmlTextWriter for the file and, inside Body, the Exclusive C14N
 * form of the same events fed to SHA-256 (shared by td-packet-writer*.c). */
#pragma once

#include <libxml/xmlwriter.h>

#include "packet/td-packet-writer.h"

G_BEGIN_DECLS

typedef struct
{
  xmlTextWriterPtr w;            /* NULL when only the digest is wanted */
  GChecksum *sum;                /* SHA-256 of the Body's canonical form */
  GString *canon;                /* canonical bytes not yet fed to @sum */
  gboolean hashing;              /* inside Body */
  GPtrArray *names;              /* open elements (static strings) */
  GArray *had_child;             /* gboolean per open element */
  gboolean tag_open;             /* canonical start tag of the top element not yet emitted */
  GPtrArray *attr_names;         /* that tag's attributes (static strings) */
  GArray *attr_offsets;          /* each one's value: an offset into @attr_text */
  GString *attr_text;            /* the values, each ending in NUL */
  GString *raw;                  /* td_xml_out_empty's start tag */
  gboolean failed;
} TdXmlOut;

void td_xml_out_init (TdXmlOut *o, xmlOutputBuffer *buffer);
/* Finishes (flushes) and frees; FALSE when a write failed. */
gboolean td_xml_out_finish (TdXmlOut *o);
/* The Body digest, once the Body is written (the canonical stream ends with it). */
void td_xml_out_body_digest (TdXmlOut *o, char digest[65]);

void td_xml_out_start (TdXmlOut *o, const char *name);
/* Skipped when @value is NULL. */
void td_xml_out_attr (TdXmlOut *o, const char *name, const char *value);
void td_xml_out_attr_int (TdXmlOut *o, const char *name, gint64 value);
void td_xml_out_attr_hours (TdXmlOut *o, const char *name, TdHalves halves);
void td_xml_out_attr_money (TdXmlOut *o, const char *name, TdFen fen);
void td_xml_out_text (TdXmlOut *o, const char *text);
void td_xml_out_end (TdXmlOut *o);
/* An element without content, its @n attributes (@names, @values; NULL values skipped) in
 * the order given: the same bytes as td_xml_out_start, td_xml_out_attr… and td_xml_out_end,
 * written at once (60,000 of them in an attendance batch). */
void td_xml_out_empty (TdXmlOut *o, const char *name, const char *const *names,
                       const char *const *values, guint n);
/* <name>text</name> */
void td_xml_out_leaf (TdXmlOut *o, const char *name, const char *text);
void td_xml_out_leaf_int (TdXmlOut *o, const char *name, gint64 value);

/* Body writers (td-packet-writer-bodies.c). */
gboolean td_write_class_filing (TdXmlOut *o, const TdPacketData *data, const char *created,
                                GError **error);
void td_write_roster (TdXmlOut *o, const TdPacketData *data);
void td_write_attendance (TdXmlOut *o, const TdPacketData *data, char head[65]);
void td_write_assessment (TdXmlOut *o, const TdPacketData *data);
void td_write_follow_up (TdXmlOut *o, const TdPacketData *data);
void td_write_claim (TdXmlOut *o, const TdPacketData *data, const char *created);
void td_write_notice (TdXmlOut *o, const TdPacketData *data);
void td_write_quarterly (TdXmlOut *o, const TdPacketData *data);

G_END_DECLS
