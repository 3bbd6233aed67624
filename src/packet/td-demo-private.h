/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "core/td-store.h"

G_BEGIN_DECLS

TdEnrolment *td_demo_make_trainee (GRand *rand, const char *class_start, const char *categories,
                                   const char *consent_date);
char *td_demo_make_credit_code (GRand *rand, const char *prefix8);
/* The four classes, played forward up to @today. */
gboolean td_demo_classes (TdStore *store, GRand *rand, TdDay today, GError **error);
/* Exports a packet as of @created and answers it with an accepting receipt issued at
 * @issued (a filing gets @filing_no; a claim is approved as claimed). */
gboolean td_demo_send (TdStore *store, TdPacketKind kind, const char *class_code,
                       const char *created, const char *issued, const char *filing_no,
                       GError **error);

G_END_DECLS
