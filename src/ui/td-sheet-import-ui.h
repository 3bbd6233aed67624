/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The GUI's entries to the spreadsheet and packet imports: Import Score Sheet… and Score
 * Sheet Template… on the Assessment page, the same for follow-up sheets on the Follow-up
 * page, Import Packets… in the class list.  A file chooser, then the import (all or
 * nothing); what was refused is shown in a dialog, row by row, and a toast says what was
 * stored. */
#pragma once

#include <gtk/gtk.h>

#include "core/td-store.h"
#include "table/td-record-import.h"

G_BEGIN_DECLS

/* Chooses a score sheet or a follow-up sheet and imports it into @class_id. */
void td_sheet_import_choose (GtkWidget *page, TdStore *store, gint64 class_id,
                             TdRecordKind kind);
/* Imports @path (what the chooser does after a choice).  TRUE when it was stored. */
gboolean td_sheet_import_path (GtkWidget *page, TdStore *store, gint64 class_id,
                               TdRecordKind kind, const char *path);
/* Chooses where to save the class's score sheet or follow-up sheet template. */
void td_sheet_template_choose (GtkWidget *page, TdStore *store, gint64 class_id,
                               TdRecordKind kind);

/* Chooses packets and receipts and imports them (import-packet). */
void td_packet_import_choose (GtkWidget *page, TdStore *store);
/* Imports @paths (NULL-terminated).  TRUE when they were imported. */
gboolean td_packet_import_paths (GtkWidget *page, TdStore *store, const char *const *paths);

G_END_DECLS
