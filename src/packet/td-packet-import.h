/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A class rebuilt from the bureau's own packets of it: ClassFiling (class, teachers,
 * lessons), Roster, Attendance (the records replayed into the class's chain, which must end
 * at the batch's Chain/@head), Assessment, EmploymentFollowUp, ClassNotice, SubsidyClaim,
 * and their Receipts (status, filing number, approved amounts).  The packets are taken in
 * the order they were created; each is validated first (schema and every rule the store can
 * check) and logged with its bytes unchanged, so `packet-file` gives them back byte for byte.
 * A packet already logged with the same digest changes nothing; one that contradicts what
 * is stored is refused with the difference named.  All files or none. */
#pragma once

#include "core/td-store.h"

G_BEGIN_DECLS

#define TD_PACKET_IMPORT_ERROR (td_packet_import_error_quark ())
GQuark td_packet_import_error_quark (void);

typedef enum
{
  TD_PACKET_IMPORT_ERROR_INVALID,       /* not a packet or receipt, or refused by the rules */
  TD_PACKET_IMPORT_ERROR_CONTRADICTS,   /* says otherwise than what is stored */
  TD_PACKET_IMPORT_ERROR_UNSUPPORTED,   /* a quarterly report */
} TdPacketImportError;

/* Imports @paths (packets and receipts, in any order).  @lines receives one translated line
 * per packet ("filing YL2026-011 bbe9e6df…: stored", "… already stored") and per receipt
 * applied; may be NULL.  @n_new: the packets that were not stored before; may be NULL. */
gboolean td_packet_import_files (TdStore *store, const char *const *paths, GPtrArray *lines,
                                 guint *n_new, GError **error);

/* `class new --from`: a new draft class from a ClassFiling that was not sent (nothing is
 * logged).  Refuses a class code already stored.  Returns the class code. */
char *td_packet_import_draft_filing (TdStore *store, const char *path, GError **error);

G_END_DECLS
