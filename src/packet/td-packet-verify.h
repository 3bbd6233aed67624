/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `verify` beyond the database file: every packet of the log checked against its own digest
 * and its receipt, and every fact a sent packet carried (roster names and phones, the
 * attendance batch's count and chain head, results, claim lines) checked against what the
 * database holds now.  An edit made behind the program's back shows here. */
#pragma once

#include <glib.h>

#include "core/td-store.h"

G_BEGIN_DECLS

/* The packet log and the sent facts: TdVerifyProblem* (empty when all agree), or NULL with
 * @error when the store cannot be read. */
GPtrArray *td_packet_verify (TdStore *store, GError **error);

/* td_store_verify () and td_packet_verify () together, each deleted attendance record
 * reported once (by the batch that carried it, naming it, when one did). */
GPtrArray *td_verify_all (TdStore *store, GError **error);

G_END_DECLS
