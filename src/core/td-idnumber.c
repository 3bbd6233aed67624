/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-codes.h"
#include "core/td-date.h"
#include "core/td-idnumber.h"

G_DEFINE_QUARK (td-id-number-error-quark, td_id_number_error)

static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char check_chars[] = "10X98765432";

char
td_id_number_check_char (const char *id17)
{
  int sum = 0;

  g_return_val_if_fail (id17 != NULL, 0);

  for (int i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (id17[i]))
        return 0;
      sum += (id17[i] - '0') * weights[i];
    }
  return check_chars[sum % 11];
}

static gboolean
shape_ok (const char *id)
{
  if (id == NULL || strlen (id) != 18)
    return FALSE;
  for (int i = 0; i < 17; i++)
    if (!g_ascii_isdigit (id[i]))
      return FALSE;
  return g_ascii_isdigit (id[17]) || id[17] == 'X';
}

gboolean
td_id_number_check_digit_ok (const char *id)
{
  return shape_ok (id) && td_id_number_check_char (id) == id[17];
}

/* The birth date of an 18-character id (positions 7–14) as a day, 0 when not real. */
static TdDay
birth_day (const char *id18)
{
  char iso[11];

  if (!shape_ok (id18))
    return 0;
  memcpy (iso, id18 + 6, 4);
  iso[4] = '-';
  memcpy (iso + 5, id18 + 10, 2);
  iso[7] = '-';
  memcpy (iso + 8, id18 + 12, 2);
  iso[10] = '\0';
  return td_day_from_iso (iso);
}

gboolean
td_id_number_birth_date (const char *id18, char out[11])
{
  TdDay day = birth_day (id18);

  g_return_val_if_fail (out != NULL, FALSE);

  td_day_to_iso (day, out);
  return day != 0;
}

int
td_id_number_gender (const char *id18)
{
  if (!shape_ok (id18))
    return 0;
  return (id18[16] - '0') % 2 == 1 ? 1 : 2;
}

void
td_id_number_region (const char *id18, char out[7])
{
  g_return_if_fail (out != NULL);

  out[0] = '\0';
  if (id18 == NULL || strlen (id18) < 6)
    return;
  memcpy (out, id18, 6);
  out[6] = '\0';
}

int
td_id_number_age_on (const char *id18, const char *date_iso)
{
  return td_day_age (birth_day (id18), td_day_from_iso (date_iso));
}

char *
td_id_number_mask (const char *id18)
{
  gsize len;
  char *masked;

  g_return_val_if_fail (id18 != NULL, NULL);

  len = strlen (id18);
  masked = g_strdup (id18);
  for (gsize i = 0; i < len; i++)
    if (len < 10 || (i >= 6 && i < len - 4))
      masked[i] = '*';
  return masked;
}

/* ---- normalising what people type ---------------------------------------------------- */

static gboolean
fail (GError **error, TdIdNumberError code, char *message)
{
  g_set_error_literal (error, TD_ID_NUMBER_ERROR, code, message);
  g_free (message);
  return FALSE;
}

/* Trimmed, half-width, upper-case X. */
static char *
clean (const char *input)
{
  char *s = td_codes_halfwidth (input);

  g_strstrip (s);
  for (char *p = s; *p != '\0'; p++)
    if (*p == 'x')
      *p = 'X';
  return s;
}

static gboolean
check_length (const char *s, GError **error)
{
  glong n = g_utf8_strlen (s, -1);

  if (n == 0)
    return fail (error, TD_ID_NUMBER_ERROR_EMPTY, g_strdup (_("No id number was entered.")));
  if (n != 18 && n != 15)
    return fail (error, TD_ID_NUMBER_ERROR_LENGTH,
                 g_strdup_printf (_("An id number has 18 characters; this one has %ld."), n));
  return TRUE;
}

static gboolean
check_characters (const char *s, GError **error)
{
  gsize len = strlen (s);

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (s[i]) || (s[i] == 'X' && i == 17))
        continue;
      if (s[i] == 'X')
        return fail (error, TD_ID_NUMBER_ERROR_CHARACTERS,
                     g_strdup_printf (_("Only the last character of an id number may be X; "
                                        "here character %d is."), (int) i + 1));
      if (len == 18 && i == 17)
        return fail (error, TD_ID_NUMBER_ERROR_CHARACTERS,
                     g_strdup_printf (_("The last character of an id number is a digit or X, "
                                        "not “%c”."), s[i]));
      return fail (error, TD_ID_NUMBER_ERROR_CHARACTERS,
                   g_strdup_printf (_("Character %d of the id number is not a digit."),
                                    (int) i + 1));
    }
  return TRUE;
}

/* @s is 18 characters of the right shape; its birth date is real and not after @today. */
static gboolean
check_birth_date (const char *s, TdDay today, GError **error)
{
  TdDay birth = birth_day (s);
  char digits[9];

  if (birth != 0 && td_day_year (birth) >= 1800 && birth <= today)
    return TRUE;
  memcpy (digits, s + 6, 8);
  digits[8] = '\0';
  if (birth == 0)
    return fail (error, TD_ID_NUMBER_ERROR_BIRTH_DATE,
                 g_strdup_printf (_("The birth date %s is not a real date."), digits));
  if (td_day_year (birth) < 1800)
    return fail (error, TD_ID_NUMBER_ERROR_BIRTH_DATE,
                 g_strdup_printf (_("The birth date %s is before 1800."), digits));
  {
    g_autofree char *today_iso = td_day_to_iso_dup (today);

    return fail (error, TD_ID_NUMBER_ERROR_BIRTH_DATE,
                 g_strdup_printf (_("The birth date %s is after today (%s)."), digits,
                                  today_iso));
  }
}

/* The 18-character form of a 15-digit number: "19" after the region, then the check digit. */
static char *
upgrade_15 (const char *s)
{
  char *id = g_malloc (19);

  memcpy (id, s, 6);
  memcpy (id + 6, "19", 2);
  memcpy (id + 8, s + 6, 9);
  id[17] = td_id_number_check_char (id);
  id[18] = '\0';
  return id;
}

/* TRUE for 17 digits and a digit or X (either case), nothing around them: what nearly every
 * cell of a roster holds, which clean () would leave as it is but for the case of x. */
static gboolean
plain_18 (const char *input)
{
  for (int i = 0; i < 17; i++)
    if (!g_ascii_isdigit (input[i]))
      return FALSE;
  return (g_ascii_isdigit (input[17]) || input[17] == 'X' || input[17] == 'x')
         && input[18] == '\0';
}

char *
td_id_number_normalize (const char *input, const char *today_iso, GError **error)
{
  g_autofree char *s = NULL;
  g_autofree char *id = NULL;
  TdDay today = td_day_from_iso (today_iso);
  char check;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == 0)
    today = td_day_today ();
  if (input != NULL && plain_18 (input))
    {
      s = g_strdup (input);
      s[17] = g_ascii_toupper (s[17]);
    }
  else
    {
      if (input != NULL && !g_utf8_validate (input, -1, NULL))
        {
          fail (error, TD_ID_NUMBER_ERROR_CHARACTERS,
                g_strdup (_("The id number is not valid text.")));
          return NULL;
        }
      s = clean (input != NULL ? input : "");
      if (!check_length (s, error) || !check_characters (s, error))
        return NULL;
    }
  if (s[0] == '0')
    {
      fail (error, TD_ID_NUMBER_ERROR_REGION,
            g_strdup (_("An id number cannot start with 0: its first six digits are a region.")));
      return NULL;
    }
  id = strlen (s) == 15 ? upgrade_15 (s) : g_steal_pointer (&s);
  if (!check_birth_date (id, today, error))
    return NULL;
  check = td_id_number_check_char (id);
  if (check != id[17])
    {
      fail (error, TD_ID_NUMBER_ERROR_CHECK_DIGIT,
            g_strdup_printf (_("The check digit should be %c, not %c."), check, id[17]));
      return NULL;
    }
  return g_steal_pointer (&id);
}
