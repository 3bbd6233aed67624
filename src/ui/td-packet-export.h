/* SPDX-License-Identifier: GPL-3.0-or-later */
/* win.export (Ctrl+E): the packet of the window's current class.  On the Submissions page it
 * is that page's own export; on the other pages a small dialog asks which packet (filing,
 * roster, attendance, assessment, follow-up, claim, notice), the page's own kind chosen first,
 * then the Submissions page asks where to save it, checks it and lists the findings. */
#pragma once

#include "core/td-records.h"
#include "ui/td-window.h"

G_BEGIN_DECLS

/* The packet kind a page of the window is about (the page's stack name: "classes" filing,
 * "trainees" roster, "attendance", "assessment", "follow-up" followup, "subsidy" claim);
 * filing for the others. */
TdPacketKind td_packet_export_kind_for_page (const char *page_name);
/* Handler of win.export (@window: the TdWindow). */
void td_packet_export_activate (GSimpleAction *action, GVariant *param, gpointer window);

G_END_DECLS
