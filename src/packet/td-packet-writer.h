/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The packet writer: the eight Body kinds of lc-training-1.0 written from the store's
 * records, streamed with xmlTextWriter, in exactly the layout of the bureau's examples
 * (2-space indentation, attributes in the examples' order, `<?xml version='1.0'
 * encoding='UTF-8'?>`, no final newline).
 *
 * While it writes, the writer feeds the Exclusive C14N form of the Body (sorted attributes,
 * `<X></X>` for empty elements, the default namespace declared on Body, C14N escaping) to
 * SHA-256, so the Digest (R-PKT-002) is known without building a tree and equals
 * td_digest_body() of the written bytes.  The Digest element follows the Body, so the
 * packet is written in one pass. */
#pragma once

#include <glib.h>
#include <libxml/xmlIO.h>

#include "core/td-store.h"
#include "core/td-subsidy.h"
#include "core/td-stats.h"

G_BEGIN_DECLS

#define TD_PACKET_WRITER_ERROR (td_packet_writer_error_quark ())
GQuark td_packet_writer_error_quark (void);

typedef enum
{
  TD_PACKET_WRITER_ERROR_DATA,   /* the data cannot make this packet (the message says why) */
  TD_PACKET_WRITER_ERROR_WRITE,  /* libxml2 or the output failed */
} TdPacketWriterError;

/* What one packet carries, gathered from the store (td_packet_data_load) or built by hand. */
typedef struct
{
  TdPacketKind kind;
  TdInstitution *inst;
  TdClass *klass;                /* NULL for a quarterly report */
  int year;                      /* quarterly */
  int quarter;
  GPtrArray *teachers;           /* TdTeacher*: filing */
  GPtrArray *lessons;            /* TdLesson*: filing */
  GPtrArray *enrolments;         /* TdEnrolment*: roster, notice */
  TdStore *store;                /* attendance: the records stream from it when written */
  guint n_pending;               /* attendance: every pending record */
  guint n_records;               /* how many of them this batch carries (a cut at a second
                                  * restated packet) */
  gint64 last_seq;               /* the last record this batch carries */
  char *chain_prev;              /* attendance: td_store_chain_sent_head () */
  char *restates;                /* attendance: the packet the batch corrects, or NULL */
  GPtrArray *results;            /* TdResult*: assessment */
  GPtrArray *follow_ups;         /* TdFollowUp*: follow-up */
  TdSubsidyPreview *preview;     /* claim */
  GPtrArray *rows;               /* TdQuarterRow*: quarterly */
} TdPacketData;

void td_packet_data_free (TdPacketData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPacketData, td_packet_data_free)

/* Gathers what a packet of @kind carries for the class @class_code (NULL and @year /
 * @quarter for a quarterly report).  Refuses (TD_PACKET_WRITER_ERROR_DATA) only what can
 * never make a packet: an unknown class, no institution, an empty roster or timetable.
 * Whether the data may be sent now is td_export's business. */
TdPacketData *td_packet_data_load (TdStore *store, TdPacketKind kind, const char *class_code,
                                   int year, int quarter, GError **error);

/* The Packet element's attributes. */
typedef struct
{
  const char *id;                /* lower-case UUID */
  const char *created;           /* 2026-02-20T09:30:00+08:00 */
  const char *supersedes;        /* or NULL */
} TdPacketHead;

/* Writes the whole packet to @out (closed and freed; NULL to compute the digest only) and puts
 * the Body digest into @digest.  For attendance, @chain_head receives the head it wrote
 * (may be NULL).  Refuses a filing whose lessons do not add up to the plan (R-CLS-003). */
gboolean td_packet_write (const TdPacketData *data, const TdPacketHead *head,
                          xmlOutputBuffer *out, char digest[65], char chain_head[65],
                          GError **error);
/* The same into memory. */
GBytes *td_packet_write_bytes (const TdPacketData *data, const TdPacketHead *head,
                               char digest[65], GError **error);

/* A claim packet's lines as the store keeps them (td_store_save_claim). */
TdClaim *td_packet_data_claim (const TdPacketData *data, const char *packet_id,
                               const char *created);

/* A new packet id: a random lower-case UUID. */
char *td_packet_new_id (void);

G_END_DECLS
