/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema's code lists with their names: Chinese (forms, always), English (the UI's
 * msgid, translated under zh_CN), and the short names people type (imports). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TD_CODES_EDUCATION,          /* 11 博士 … 90 其他 */
  TD_CODES_CATEGORY,           /* 01 … 15, 99 */
  TD_CODES_EMPLOYMENT_STATUS,  /* 1 … 5, 9 */
  TD_CODES_TRAINING_TYPE,      /* 01 … 07 */
  TD_CODES_SPECIAL_ACTION,     /* 01 … 09 */
  TD_CODES_MODE,               /* 1 线下 2 线上 3 线上+线下 */
  TD_CODES_PROJECT_MODE,       /* 0 … 3 */
  TD_CODES_FUNDING_SOURCE,     /* 1 … 6, 9 */
  TD_CODES_CERTIFICATE,        /* 1 … 6 */
  TD_CODES_LEVEL,              /* 0 … 5 */
  TD_CODES_LESSON_KIND,        /* T P */
  TD_CODES_ATTENDANCE_STATUS,  /* P L E V A */
  TD_CODES_SIGN_METHOD,        /* FACE CARD QR ONLINE MANUAL */
  TD_CODES_OUTCOME,            /* 1 2 3 */
  TD_CODES_PROOF,              /* 1 2 3 4 9 */
  TD_CODES_PAYEE,              /* 1 2 3 */
  TD_CODES_ITEM_KIND,          /* OCC SPEC START */
  TD_CODES_REGION,             /* Liaocheng's divisions: 371500 … 371581 */
  TD_CODES_GENDER,             /* 1 2 */
  TD_CODES_N_LISTS
} TdCodeList;

typedef struct
{
  const char *code;
  const char *zh;       /* Chinese name as forms print it */
  const char *en;       /* English name; the UI shows gettext (en) */
  const char *aliases;  /* '|'-separated other names people type, or NULL */
} TdCode;

/* The entries of @list in schema order; @n_out receives their number. */
const TdCode *td_codes_get (TdCodeList list, gsize *n_out);
const TdCode *td_code_find (TdCodeList list, const char *code);
/* The UI name (translated), or the code itself when unknown. */
const char *td_code_label (TdCodeList list, const char *code);
/* The Chinese name, or the code itself when unknown. */
const char *td_code_label_zh (TdCodeList list, const char *code);
/* Accepts a code, a Chinese or English name or an alias (trimmed, case- and width-folded);
 * returns the code, or NULL. */
const char *td_code_lookup (TdCodeList list, const char *text);

/* Why @text is not a code of @list, as the spreadsheet imports say it ("“x” is not a level
 * of education.").  Translated, newly allocated. */
char *td_code_unknown_reason (TdCodeList list, const char *text);

/* The UI name of an entry of @list (translated; each list has its own translation context,
 * so 缺勤 (absent from a lesson) and 缺考 (absent from an assessment) can differ). */
const char *td_code_entry_label (TdCodeList list, const TdCode *entry);
/* Copy of @text with full-width ASCII forms (U+FF01–U+FF5E, e.g. ０-９, Ａ-Ｚ, （）：，)
 * mapped to ASCII and the ideographic space U+3000 to a space; nothing else changes.
 * Used by every value rule that reads what people type.  Newly allocated; NULL for NULL. */
char *td_codes_halfwidth (const char *text);
/* td_codes_halfwidth () without white space at either end (as g_strstrip () has it); a text
 * without full-width forms is copied once, trimmed. */
char *td_codes_halfwidth_stripped (const char *text);

G_END_DECLS
