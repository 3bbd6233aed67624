/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Money in integer fen (分), rates in ten-thousandths, and capital numerals (大写金额). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gint64 TdFen;

/* "1200.00" (MoneyType: two decimals, no sign, no separators). Newly allocated. */
char *td_money_format (TdFen fen);
/* "¥45,300.00" for forms and the UI. Newly allocated. */
char *td_money_format_display (TdFen fen);
/* Strict MoneyType parse; FALSE when malformed. */
gboolean td_money_parse (const char *text, TdFen *out);
/* Lenient: "1,200", "1200.5", "¥1200", full-width digits. */
gboolean td_money_parse_lenient (const char *text, TdFen *out);

/* Rates as ten-thousandths (0.9533 → 9533). */
typedef int TdRate;
/* RateType parse ("0.8", "0.9500", "1"); -1 when malformed. */
TdRate td_rate_parse (const char *text);
/* Four decimals as the claim writes them: "0.9800", "1.0000", "0.0000". */
char *td_rate_format (TdRate rate);
/* The one way a rate is shown to people (UI, forms, messages): "73.33%", "100.00%". */
char *td_rate_format_percent (TdRate rate);
/* numerator/denominator rounded half up to four decimals (R-SUB-001); 0 when denominator 0. */
TdRate td_rate_of (gint64 numerator, gint64 denominator);
/* fen × rate, rounded half away from zero to whole fen (R-SUB-003 uplift). */
TdFen td_money_times_rate (TdFen fen, TdRate rate);
/* per_hour × halves/2, rounded half away from zero (R-SUB-002). */
TdFen td_money_times_halves (TdFen per_hour, int halves);

/* 肆万伍仟叁佰元整, 壹拾元伍角, 壹佰万零壹拾元整, 伍分, 零元整 (FORMS.md). Newly allocated. */
char *td_money_capital (TdFen fen);

G_END_DECLS
