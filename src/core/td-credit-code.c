/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <string.h>

#include "core/td-codes.h"
#include "core/td-credit-code.h"

/* GB 32100: the 31 characters (values 0–30; no I, O, S, V, Z) and the weights 3^i mod 31. */
static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

/* The value of @c in the character set, or -1. */
static int
char_value (char c)
{
  const char *p;

  if (c == '\0')
    return -1;
  p = strchr (charset, c);
  return p != NULL ? (int) (p - charset) : -1;
}

char *
td_credit_code_normalize (const char *input)
{
  char *s;

  if (input == NULL || !g_utf8_validate (input, -1, NULL))
    return g_strdup ("");
  s = td_codes_halfwidth (input);
  g_strstrip (s);
  for (char *p = s; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);
  return s;
}

gboolean
td_credit_code_well_formed (const char *code)
{
  if (code == NULL || strlen (code) != 18)
    return FALSE;
  for (int i = 0; i < 18; i++)
    {
      if (i >= 2 && i < 8 ? !g_ascii_isdigit (code[i]) : char_value (code[i]) < 0)
        return FALSE;
    }
  return TRUE;
}

char
td_credit_code_check_char (const char *code17)
{
  int sum = 0;

  g_return_val_if_fail (code17 != NULL, 0);

  for (int i = 0; i < 17; i++)
    {
      int value = char_value (code17[i]);

      if (value < 0)
        return 0;
      sum += value * weights[i];
    }
  return charset[(31 - sum % 31) % 31];
}

gboolean
td_credit_code_check_ok (const char *code)
{
  return td_credit_code_well_formed (code) && td_credit_code_check_char (code) == code[17];
}
