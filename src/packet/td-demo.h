/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data: a Liaocheng training school with four classes at different stages, dated
 * relative to today, whose packets were sent on time and accepted. */
#pragma once

#include "core/td-store.h"

G_BEGIN_DECLS

/* Fills an empty store (the default catalogue must be imported).  Refuses a store that
 * already holds classes. */
gboolean td_demo_fill (TdStore *store, GError **error);

/* Where the demo writes its packets: "traindesk-outbox" beside the database. */
char *td_demo_outbox_dir (const char *db_path);

G_END_DECLS
