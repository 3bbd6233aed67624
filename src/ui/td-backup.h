/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Automatic backups: a copy of the database per quit, the newest @keep kept. */
#pragma once

#include "core/td-store.h"

G_BEGIN_DECLS

/* <user data dir>/traindesk/backups, newly allocated. */
char *td_backup_default_dir (void);
/* Writes <dir>/traindesk-YYYYMMDD-HHMMSS-micro.db (created with the folder when missing) and
 * deletes the oldest such files beyond @keep.  @out_path (nullable) receives the file. */
gboolean td_backup_rotate (TdStore *store, const char *dir, guint keep, char **out_path,
                           GError **error);

G_END_DECLS
