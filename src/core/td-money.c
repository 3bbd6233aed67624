/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <string.h>

#include "core/td-codes.h"
#include "core/td-money.h"

/* ---- formatting and parsing ---------------------------------------------------------- */

static guint64
magnitude (TdFen fen)
{
  return fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;
}

char *
td_money_format (TdFen fen)
{
  guint64 m = magnitude (fen);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", fen < 0 ? "-" : "", m / 100,
                          (unsigned) (m % 100));
}

char *
td_money_format_display (TdFen fen)
{
  guint64 m = magnitude (fen);
  g_autofree char *yuan = g_strdup_printf ("%" G_GUINT64_FORMAT, m / 100);
  GString *out = g_string_new (fen < 0 ? "-¥" : "¥");
  gsize len = strlen (yuan);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, yuan[i]);
    }
  g_string_append_printf (out, ".%02u", (unsigned) (m % 100));
  return g_string_free (out, FALSE);
}

/* Reads @n (≤ 15) digits as a number; -1 when one is not a digit. */
static gint64
digits_value (const char *s, gsize n)
{
  gint64 value = 0;

  if (n == 0 || n > 15)
    return -1;
  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return -1;
      value = value * 10 + (s[i] - '0');
    }
  return value;
}

/* (0|[1-9]\d{0,9})\.\d{2} */
gboolean
td_money_parse (const char *text, TdFen *out)
{
  const char *dot;
  gsize whole_len;
  gint64 yuan, cents;

  if (text == NULL || (dot = strchr (text, '.')) == NULL)
    return FALSE;
  whole_len = (gsize) (dot - text);
  if (whole_len > 10 || (whole_len > 1 && text[0] == '0') || strlen (dot + 1) != 2)
    return FALSE;
  yuan = digits_value (text, whole_len);
  cents = digits_value (dot + 1, 2);
  if (yuan < 0 || cents < 0)
    return FALSE;
  if (out != NULL)
    *out = yuan * 100 + cents;
  return TRUE;
}

/* Half-width, trimmed, without a currency sign, a final 元 or thousands separators. */
static char *
clean_amount (const char *text)
{
  g_autofree char *half = td_codes_halfwidth (text);
  GString *out = g_string_new (NULL);
  const char *p = g_strstrip (half);

  if (g_str_has_prefix (p, "¥"))
    p += strlen ("¥");
  else if (g_str_has_prefix (p, "￥"))
    p += strlen ("￥");
  for (; *p != '\0'; p++)
    if (*p != ',')
      g_string_append_c (out, *p);
  if (g_str_has_suffix (out->str, "元"))
    g_string_truncate (out, out->len - strlen ("元"));
  g_strstrip (out->str);
  return g_string_free (out, FALSE);
}

gboolean
td_money_parse_lenient (const char *text, TdFen *out)
{
  g_autofree char *s = NULL;
  const char *dot;
  gsize whole_len, frac_len = 0;
  gint64 yuan, cents = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  s = clean_amount (text);
  dot = strchr (s, '.');
  whole_len = dot != NULL ? (gsize) (dot - s) : strlen (s);
  yuan = digits_value (s, whole_len);
  if (yuan < 0 || whole_len > 13)
    return FALSE;
  if (dot != NULL)
    {
      frac_len = strlen (dot + 1);
      if (frac_len < 1 || frac_len > 2 || (cents = digits_value (dot + 1, frac_len)) < 0)
        return FALSE;
      if (frac_len == 1)
        cents *= 10;
    }
  if (out != NULL)
    *out = yuan * 100 + cents;
  return TRUE;
}

/* ---- rates --------------------------------------------------------------------------- */

/* 0(\.\d{1,4})?|1(\.0{1,4})? */
TdRate
td_rate_parse (const char *text)
{
  gsize frac_len;
  TdRate frac = 0;

  if (text == NULL || (text[0] != '0' && text[0] != '1'))
    return -1;
  if (text[1] == '\0')
    return text[0] == '1' ? 10000 : 0;
  frac_len = strlen (text + 2);
  if (text[1] != '.' || frac_len < 1 || frac_len > 4 || digits_value (text + 2, frac_len) < 0)
    return -1;
  for (gsize i = 0; i < 4; i++)
    frac = frac * 10 + (i < frac_len ? text[2 + i] - '0' : 0);
  if (text[0] == '1')
    return frac == 0 ? 10000 : -1;
  return frac;
}

char *
td_rate_format (TdRate rate)
{
  g_return_val_if_fail (rate >= 0, NULL);

  return g_strdup_printf ("%d.%04d", rate / 10000, rate % 10000);
}

char *
td_rate_format_percent (TdRate rate)
{
  g_return_val_if_fail (rate >= 0, NULL);

  return g_strdup_printf ("%d.%02d%%", rate / 100, rate % 100);
}

/* Floor of a / b for b > 0. */
static gint64
floor_div (gint64 a, gint64 b)
{
  return a / b - (a % b != 0 && a < 0);
}

TdRate
td_rate_of (gint64 numerator, gint64 denominator)
{
  if (denominator == 0)
    return 0;
  if (denominator < 0)
    {
      numerator = -numerator;
      denominator = -denominator;
    }
  /* Half up: floor (n × 10000 / d + 1/2) = floor ((2 × 10000 × n + d) / 2d). */
  return (TdRate) floor_div (20000 * numerator + denominator, 2 * denominator);
}

/* p / q (q > 0) rounded half away from zero. */
static gint64
div_round (gint64 p, gint64 q)
{
  guint64 m = magnitude (p);
  gint64 r = (gint64) ((2 * m + (guint64) q) / (2 * (guint64) q));

  return p < 0 ? -r : r;
}

TdFen
td_money_times_rate (TdFen fen, TdRate rate)
{
  return div_round (fen * rate, 10000);
}

TdFen
td_money_times_halves (TdFen per_hour, int halves)
{
  return div_round (per_hour * halves, 2);
}

/* ---- capital numerals (大写金额) ------------------------------------------------------ */

static const char *const digit_names[] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
static const char *const place_names[] = { "仟", "佰", "拾", "" };

/* Four digits (0 < @n < 10000).  When @lead is FALSE the group follows a higher one, and
 * zeros before its first digit are read as one 零; zeros at its end are not read. */
static void
append_group (GString *out, guint n, gboolean lead)
{
  static const guint powers[] = { 1000, 100, 10, 1 };
  gboolean zero = FALSE, started = FALSE;

  for (int i = 0; i < 4; i++)
    {
      guint digit = n / powers[i] % 10;

      if (digit == 0)
        {
          zero = zero || started || !lead;
          continue;
        }
      if (zero)
        g_string_append (out, digit_names[0]);
      zero = FALSE;
      started = TRUE;
      g_string_append (out, digit_names[digit]);
      g_string_append (out, place_names[i]);
    }
}

/* 0 < @n < 10⁸: the 万 group and the units group. */
static void
append_below_yi (GString *out, guint64 n, gboolean lead)
{
  guint high = (guint) (n / 10000), low = (guint) (n % 10000);

  if (high > 0)
    {
      append_group (out, high, lead);
      g_string_append (out, "万");
    }
  if (low == 0)
    return;
  if (high == 0 && !lead)
    {
      /* 壹亿零壹仟: the whole 万 group is zero. */
      g_string_append (out, digit_names[0]);
      lead = TRUE;
    }
  append_group (out, low, high == 0 && lead);
}

/* @n > 0 in words, without 元: 亿 for each eight digits, 万 within them. */
static void
append_yuan (GString *out, guint64 n, gboolean lead)
{
  const guint64 yi = 100000000;

  if (n < yi)
    {
      append_below_yi (out, n, lead);
      return;
    }
  append_yuan (out, n / yi, lead);
  g_string_append (out, "亿");
  if (n % yi > 0)
    append_below_yi (out, n % yi, FALSE);
}

char *
td_money_capital (TdFen fen)
{
  guint64 m = magnitude (fen);
  guint64 yuan = m / 100;
  guint jiao = (guint) (m / 10 % 10), fen_digit = (guint) (m % 10);
  GString *out = g_string_new (fen < 0 ? "负" : "");

  if (m == 0)
    {
      g_string_append (out, "零元整");
      return g_string_free (out, FALSE);
    }
  if (yuan > 0)
    {
      append_yuan (out, yuan, TRUE);
      g_string_append (out, "元");
    }
  if (jiao == 0 && fen_digit == 0)
    g_string_append (out, "整");
  if (jiao > 0)
    g_string_append_printf (out, "%s角", digit_names[jiao]);
  else if (fen_digit > 0 && yuan > 0)
    g_string_append (out, digit_names[0]);
  if (fen_digit > 0)
    g_string_append_printf (out, "%s分", digit_names[fen_digit]);
  return g_string_free (out, FALSE);
}
