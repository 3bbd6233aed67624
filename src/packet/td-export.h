/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exporting a packet: what the data allows now (R-PKT-005, R-ATT-005, R-SUB-006 …),
 * supersedes and re-export of a packet still waiting for its receipt, the checks every
 * packet passes before it is written (td_packet_check and the history validator), the
 * atomic write into the outbox and the packet log. */
#pragma once

#include <gio/gio.h>

#include "core/td-store.h"
#include "packet/td-finding.h"

G_BEGIN_DECLS

#define TD_EXPORT_ERROR (td_export_error_quark ())
GQuark td_export_error_quark (void);

typedef enum
{
  TD_EXPORT_ERROR_REFUSED,       /* the data does not allow this packet now (message says why) */
  TD_EXPORT_ERROR_UNCHANGED,     /* nothing changed since the accepted packet */
  TD_EXPORT_ERROR_WAITING,       /* an earlier packet still waits for its receipt */
  TD_EXPORT_ERROR_CHECK,         /* the packet fails a rule: see the result's findings */
  TD_EXPORT_ERROR_WRITE,         /* the file could not be written (nothing written or logged) */
} TdExportError;

typedef struct
{
  const char *created;           /* the packet's instant (…+08:00); NULL: td_instant_now () */
  const char *today;             /* YYYY-MM-DD for "finished" etc.; NULL: the date of created */
  const char *out_path;          /* NULL: the outbox folder, a generated name */
  gboolean dry_run;              /* build and check; write and log nothing */
} TdExportOptions;

typedef struct
{
  char *packet_id;
  char *path;                    /* NULL on a dry run */
  char *digest;
  char *supersedes;              /* or NULL */
  GBytes *bytes;                 /* the packet (NULL for a streamed attendance batch) */
  gsize size;
  TdFindings *findings;          /* warnings (or, with TD_EXPORT_ERROR_CHECK, everything) */
  gboolean reused;               /* the logged packet was given back unchanged */
  /* e.g. "the rest of the corrections follow", or an export a gone desk left half done
   * settled first (td_store_settle_exports); or NULL */
  char *note;
} TdExportResult;

void td_export_result_free (TdExportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdExportResult, td_export_result_free)

/* Exports one packet of @kind about @class_code (NULL and @year / @quarter for a quarterly
 * report).  On refusal returns NULL with @error; when the packet fails a rule
 * (TD_EXPORT_ERROR_CHECK) the findings are in @findings_out (may be NULL) as well. */
TdExportResult *td_export_packet (TdStore *store, TdPacketKind kind, const char *class_code,
                                  int year, int quarter, const TdExportOptions *options,
                                  TdFindings **findings_out, GError **error);

/* The outbox folder: the "outbox" setting, or <Documents>/TrainDesk/outbox.  Newly
 * allocated; not created. */
char *td_export_outbox_dir (TdStore *store, GError **error);
/* <kind>-<classcode>-<YYYYMMDD-HHMMSS>.xml, quarterly-<year>Q<q>-<…>.xml */
char *td_export_file_name (TdPacketKind kind, const char *class_code, int year, int quarter,
                           const char *created);

/* Above this many attendance records the batch is checked as a stream (the schema by
 * xmlTextReader, the packet rules of a Record one record at a time, the chain recomputed)
 * instead of as a tree with the validator: memory stays flat, and the tree checks grow
 * faster than linearly (the XPath node set of td_digest_body ()).  The history rules of
 * attendance hold by construction for a batch the store makes (lessons and trainees from
 * the store, prev = the sent head). */
#define TD_EXPORT_STREAM_RECORDS 2000

G_END_DECLS
