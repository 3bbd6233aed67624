/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-codes.h"
#include "core/td-phone.h"

G_DEFINE_QUARK (td-phone-error-quark, td_phone_error)

static gboolean
all_digits (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
mobile_valid (const char *s)
{
  return strlen (s) == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' && all_digits (s, 11);
}

/* 0\d{2,3}-\d{7,8}; the position of the dash into *dash. */
static gboolean
landline_valid (const char *s, gsize *dash)
{
  const char *p = strchr (s, '-');
  gsize area, local;

  if (p == NULL || s[0] != '0')
    return FALSE;
  area = (gsize) (p - s);
  local = strlen (p + 1);
  if (dash != NULL)
    *dash = area;
  return (area == 3 || area == 4) && (local == 7 || local == 8) && all_digits (s, area)
         && all_digits (p + 1, local);
}

gboolean
td_phone_valid (const char *phone)
{
  return phone != NULL && (mobile_valid (phone) || landline_valid (phone, NULL));
}

char *
td_phone_mask (const char *phone)
{
  char *masked;
  gsize len, dash = 0, from = 0;

  g_return_val_if_fail (phone != NULL, NULL);

  masked = g_strdup (phone);
  len = strlen (masked);
  if (mobile_valid (phone))
    from = 3;
  else if (landline_valid (phone, &dash))
    from = dash + 1;
  for (gsize i = from; i + 4 < len || (len <= 4 && i < len); i++)
    masked[i] = '*';
  return masked;
}

/* ---- normalising what people type ---------------------------------------------------- */

static char *
invalid (GError **error, char *message)
{
  g_set_error_literal (error, TD_PHONE_ERROR, TD_PHONE_ERROR_INVALID, message);
  g_free (message);
  return NULL;
}

/* Drops +86 / 0086 and what separates it from the number; TRUE when there was one. */
static gboolean
drop_country_code (const char **p)
{
  if (g_str_has_prefix (*p, "+86"))
    *p += 3;
  else if (g_str_has_prefix (*p, "0086"))
    *p += 4;
  else
    return FALSE;
  while (**p == ' ' || **p == '-')
    (*p)++;
  return TRUE;
}

/* Splits @s into runs of digits at spaces, dashes and parentheses; *paren is TRUE when the
 * first run was in parentheses.  NULL with an error for any other character. */
static GPtrArray *
split_runs (const char *s, gboolean *paren, GError **error)
{
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);
  GString *run = g_string_new (NULL);

  *paren = (*s == '(');
  for (const char *p = s;; p = g_utf8_next_char (p))
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (run, *p);
          continue;
        }
      if (run->len > 0)
        g_ptr_array_add (runs, g_strdup (run->str));
      g_string_truncate (run, 0);
      if (*p == '\0')
        break;
      if (strchr (" -()", *p) == NULL)
        {
          g_autofree char *c = g_strndup (p, (gsize) (g_utf8_next_char (p) - p));

          g_string_free (run, TRUE);
          invalid (error, g_strdup_printf (_("“%s” is not allowed in a phone number."), c));
          return NULL;
        }
    }
  g_string_free (run, TRUE);
  return g_steal_pointer (&runs);
}

static char *
join_from (GPtrArray *runs, guint first)
{
  GString *out = g_string_new (NULL);

  for (guint i = first; i < runs->len; i++)
    g_string_append (out, g_ptr_array_index (runs, i));
  return g_string_free (out, FALSE);
}

static char *
make_landline (const char *area, const char *local, GError **error)
{
  gsize n = strlen (local);

  if (strlen (area) < 3 || strlen (area) > 4 || area[0] != '0')
    return invalid (error, g_strdup_printf (_("The area code %s should have 3 or 4 digits "
                                              "and start with 0."), area));
  if (n < 7 || n > 8)
    return invalid (error, g_strdup_printf (_("A landline number has 7 or 8 digits after the "
                                              "area code; this one has %d."), (int) n));
  return g_strconcat (area, "-", local, NULL);
}

static char *
make_mobile (const char *digits, GError **error)
{
  gsize n = strlen (digits);

  if (n != 11)
    return invalid (error, g_strdup_printf (_("A mobile number has 11 digits; this one has %d."),
                                            (int) n));
  if (digits[1] < '3')
    return invalid (error, g_strdup_printf (_("A mobile number starts with 13 to 19, not 1%c."),
                                            digits[1]));
  return g_strdup (digits);
}

/* Digits without separators: 3-digit area codes are 010 and 02x, the others have 4. */
static char *
from_digits (const char *digits, GError **error)
{
  gsize area;
  g_autofree char *code = NULL;

  if (digits[0] == '1')
    return make_mobile (digits, error);
  if (digits[0] != '0')
    return invalid (error, g_strdup (_("A phone number starts with 1 (a mobile) or with the "
                                       "area code 0… (a landline).")));
  area = digits[1] == '1' || digits[1] == '2' ? 3 : 4;
  if (strlen (digits) <= area)
    return invalid (error, g_strdup (_("A landline number needs the number after its area "
                                       "code.")));
  code = g_strndup (digits, area);
  return make_landline (code, digits + area, error);
}

static char *
normalize_runs (GPtrArray *runs, gboolean paren, gboolean international, GError **error)
{
  g_autofree char *all = NULL;
  const char *first;

  if (runs->len == 0)
    return invalid (error, g_strdup (_("A phone number needs digits.")));
  /* +86 635 8212345: the area code is written without its leading 0 (Beijing's is 10;
   * no mobile number starts with 10). */
  first = g_ptr_array_index (runs, 0);
  if (international && ((first[0] >= '2' && first[0] <= '9') || g_str_has_prefix (first, "10")))
    {
      g_ptr_array_index (runs, 0) = g_strconcat ("0", first, NULL);
      g_free ((char *) first);
      first = g_ptr_array_index (runs, 0);
    }
  if (runs->len >= 2 && first[0] == '0' && (paren || strlen (first) <= 4))
    {
      g_autofree char *local = join_from (runs, 1);

      return make_landline (first, local, error);
    }
  all = join_from (runs, 0);
  return from_digits (all, error);
}

char *
td_phone_normalize (const char *input, GError **error)
{
  g_autofree char *s = NULL;
  g_autoptr (GPtrArray) runs = NULL;
  const char *p;
  gboolean international, paren;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* the common case, a mobile number as it should be: one run of digits, kept as it is */
  if (input != NULL && mobile_valid (input))
    return g_strdup (input);
  if (input != NULL && !g_utf8_validate (input, -1, NULL))
    return invalid (error, g_strdup (_("The phone number is not valid text.")));
  s = td_codes_halfwidth (input != NULL ? input : "");
  g_strstrip (s);
  if (*s == '\0')
    {
      g_set_error_literal (error, TD_PHONE_ERROR, TD_PHONE_ERROR_EMPTY,
                           _("No phone number was entered."));
      return NULL;
    }
  if (mobile_valid (s))
    return g_steal_pointer (&s);
  p = s;
  international = drop_country_code (&p);
  runs = split_runs (p, &paren, error);
  if (runs == NULL)
    return NULL;
  return normalize_runs (runs, paren, international, error);
}
