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

/* td-export-stream.c: the checks of a large attendance batch, streamed from @path. */
void td_export_stream_check (const char *path, const TdPacketData *data, const char *created,
                             TdFindings *findings);

G_END_DECLS
