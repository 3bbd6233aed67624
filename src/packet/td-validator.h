/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The validator: every rule of RULES.md.  The (packet) rules come from td_packet_check();
 * the (catalog) rules use the Catalog of the class; the (history) rules use what the store
 * holds.
 *
 * History is recomputed from the packet log: the content of the logged packets that were
 * accepted (status ACCEPTED or ACCEPTED_WITH_WARNINGS) with a receipt `issued` before the
 * checked packet's `created`, other than the checked packet itself (same id), parsed again.
 * So a packet the writer is about to log, a logged one checked again, and a packet from
 * elsewhere are judged against the same record the bureau holds, and the store's working
 * tables (not yet sent edits) never change the verdict.  Approved claim lines come from the
 * logged receipts (ApprovedLine, or every line when none is listed). */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "core/td-store.h"
#include "packet/td-finding.h"

G_BEGIN_DECLS

/* Checks @doc (a parsed packet) and adds every finding to @findings.  @store may be NULL:
 * then, and when the packet's Sender/CreditCode is not the store's institution or its class
 * is not in the store, every history rule that applies is listed as an info finding
 * ("not checked").  Catalogue rules use the store's catalogues and else the shipped
 * default catalogue.  @receiver_now as in td_packet_check() (NULL: now). */
void td_validator_check (TdStore *store, xmlDoc *doc, const char *receiver_now,
                         TdFindings *findings);

/* Reads @path safely (refusals are R-PKT-001 findings) and checks it.  FALSE when the file
 * could not be parsed. */
gboolean td_validator_check_file (TdStore *store, const char *path, const char *receiver_now,
                                  TdFindings *findings);

G_END_DECLS
