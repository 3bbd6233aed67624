/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdPacketRow: a line of the Submissions page's log: one packet, as the properties its
 * columns show (kind, class, created, created-time, status, filing-no, approved,
 * approved-fen, due, file; status-flagged when refused, due-flagged when the filing is late
 * or due within a working day, file-flagged when the sent file is no longer there). */
#pragma once

#include "core/td-records.h"
#include "ui/td-list-row.h"

G_BEGIN_DECLS

#define TD_TYPE_PACKET_ROW (td_packet_row_get_type ())
G_DECLARE_FINAL_TYPE (TdPacketRow, td_packet_row, TD, PACKET_ROW, TdListRow)

/* @due: when the class's first filing is to be sent (NULL when not a draft filing). */
TdPacketRow *td_packet_row_new (const TdPacketLog *log, const char *due, gboolean urgent);
/* The packet's id in the log. */
const char *td_packet_row_get_packet_id (TdPacketRow *self);

/* Whether the file @log was sent from is still where it was.  A relative path (logged by
 * an older version) is found only from the folder it was written in: not reliably. */
gboolean td_packet_row_sent_file_exists (const TdPacketLog *log);

G_END_DECLS
