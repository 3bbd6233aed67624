/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by td-export*.c. */
#pragma once

#include "packet/td-export.h"
#include "packet/td-packet-writer.h"

G_BEGIN_DECLS

typedef struct
{
  TdStore *store;
  TdPacketData *data;            /* not owned */
  char *created;
  TdDay today;
  const TdExportOptions *options;
  char *supersedes;              /* decided before writing */
  TdPacketLog *reuse;            /* the SENT packet to give back, with content */
} TdExport;

/* td-export-write.c: writes the packet into a temporary file beside @path, checks it,
 * renames it to @path and logs it; fills @result.  Nothing is left behind on failure. */
gboolean td_export_write_new (TdExport *ex, const char *path, TdExportResult *result,
                              TdFindings **findings_out, GError **error);
/* Writes the logged bytes of ex->reuse again at @path (atomically). */
gboolean td_export_write_again (TdExport *ex, const char *path, TdExportResult *result,
                                GError **error);

/* td-export-stream.c: the checks of a large attendance batch, on its bytes as they are
 * written (start, feed every byte written, finish) or streamed from @path.  The findings go
 * to @findings, which nothing else may touch between start and finish (the check runs in a
 * thread of its own). */
typedef struct _TdStreamCheck TdStreamCheck;

TdStreamCheck *td_export_stream_check_start (const TdPacketData *data, TdFindings *findings);
void td_export_stream_check_feed (TdStreamCheck *check, const char *bytes, gsize len);
/* The end of the bytes: waits for the check to finish them, and frees @check. */
void td_export_stream_check_finish (TdStreamCheck *check);
void td_export_stream_check (const char *path, const TdPacketData *data, const char *created,
                             TdFindings *findings);

G_END_DECLS
