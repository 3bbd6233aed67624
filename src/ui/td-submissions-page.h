/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ui/td-page.h"

G_BEGIN_DECLS

#define TD_TYPE_SUBMISSIONS_PAGE (td_submissions_page_get_type ())
G_DECLARE_FINAL_TYPE (TdSubmissionsPage, td_submissions_page, TD, SUBMISSIONS_PAGE, TdPage)

/* The work behind the page's actions, with the file already chosen (tests call these). */
gboolean td_submissions_page_export (TdSubmissionsPage *self, TdPacketKind kind, int year,
                                     int quarter, const char *path);
gboolean td_submissions_page_validate_file (TdSubmissionsPage *self, const char *path);
gboolean td_submissions_page_import_receipt (TdSubmissionsPage *self, const char *path);
/* Points the log of @packet_id at @path, where its sent file is now (checked to be it). */
gboolean td_submissions_page_locate_file (TdSubmissionsPage *self, const char *packet_id,
                                          const char *path);
/* Asks where to save the packet of @kind for the page's class (the outbox and the bureau's
 * file name suggested), then runs td_submissions_page_export (). */
void td_submissions_page_choose_export (TdSubmissionsPage *self, TdPacketKind kind);

G_END_DECLS
