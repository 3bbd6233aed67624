/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bureau's Receipt: checked against the logged packet it names, then applied in one
 * transaction (status, instants, issues, filing number, approved amounts, a rejected
 * attendance batch reopened).  A receipt that does not fit changes nothing. */
#pragma once

#include <glib.h>

#include "core/td-store.h"

G_BEGIN_DECLS

#define TD_RECEIPT_ERROR (td_receipt_error_quark ())
GQuark td_receipt_error_quark (void);

typedef enum
{
  TD_RECEIPT_ERROR_INVALID,     /* not a valid Receipt (unsafe, not well-formed, schema) */
  TD_RECEIPT_ERROR_UNKNOWN,     /* names a packet this database did not log */
  TD_RECEIPT_ERROR_DIGEST,      /* issued for another version of the packet */
  TD_RECEIPT_ERROR_AMOUNTS,     /* approved amounts that do not add up or exceed the claim */
  TD_RECEIPT_ERROR_CONTRADICTS, /* decides otherwise than the receipt already applied */
} TdReceiptError;

typedef struct
{
  char *packet_id;
  TdPacketKind kind;
  char *class_code;             /* NULL for a quarterly report */
  TdPacketStatus status;
  char *filing_no;              /* accepted filing: the class's filing number */
  TdFen approved;               /* accepted claim: the approved amount; -1 otherwise */
  GPtrArray *issues;            /* TdPacketIssue* */
  gboolean reopened;            /* a rejected attendance batch's records are pending again */
  gboolean already_applied;     /* the same receipt was applied before: nothing changed */
} TdReceiptSummary;

void td_receipt_summary_free (TdReceiptSummary *summary);
/* A Receipt's status attribute (ACCEPTED, ACCEPTED_WITH_WARNINGS, REJECTED); FALSE for any
 * other text. */
gboolean td_receipt_status_parse (const char *token, TdPacketStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdReceiptSummary, td_receipt_summary_free)

gboolean td_receipt_apply_bytes (TdStore *store, GBytes *bytes, TdReceiptSummary **out,
                                 GError **error);
gboolean td_receipt_apply_file (TdStore *store, const char *path, TdReceiptSummary **out,
                                GError **error);

G_END_DECLS
