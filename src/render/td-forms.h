/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The five printed forms of FORMS.md built from the store: always in Chinese, with the QR
 * code of the matching packet (filing→filing, roster→roster, signin→attendance,
 * assessment→assessment, claim→claim) when one has been written. */
#pragma once

#include "core/td-store.h"
#include "render/td-form.h"

G_BEGIN_DECLS

typedef enum
{
  TD_FORM_FILING,               /* 表1 开班备案表 */
  TD_FORM_ROSTER,               /* 表2 花名册 */
  TD_FORM_SIGNIN,               /* 表3 签到表 */
  TD_FORM_ASSESSMENT,           /* 表4 结业考核结果表 */
  TD_FORM_CLAIM,                /* 表5 补贴申请表 */
  TD_N_FORMS
} TdFormKind;

/* "filing" "roster" "signin" "assessment" "claim" (the CLI's FORM). */
const char *td_form_kind_token (TdFormKind kind);
gboolean td_form_kind_from_string (const char *text, TdFormKind *kind);
/* The packet kind whose latest packet the form's QR code carries. */
TdPacketKind td_form_kind_packet (TdFormKind kind);

typedef struct
{
  gboolean full_id;             /* id numbers in full (masked 371502********123X otherwise) */
  const char *lesson;           /* sign-in: only this lesson (its lid), NULL for all */
  gboolean multi_day;           /* sign-in: one sheet with a column per lesson */
} TdFormOptions;

/* Builds the form for the class with @class_code.  @options may be NULL.  Fails with
 * TD_STORE_ERROR_NOT_FOUND / TD_RENDER_ERROR_NOT_FOUND when the class or lesson is not
 * there. */
TdForm *td_form_build (TdStore *store, TdFormKind kind, const char *class_code,
                       const TdFormOptions *options, GError **error);

/* What the QR code holds: "TDPKT1;id=<packet id>;digest=<sha-256 hex>". Newly allocated. */
char *td_form_qr_payload (const TdPacketLog *packet);

G_END_DECLS
