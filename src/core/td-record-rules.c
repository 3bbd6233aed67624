/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/td-codes.h"
#include "core/td-record-rules.h"

int
td_score_parse (const char *text)
{
  g_autofree char *half = td_codes_halfwidth (text != NULL ? text : "");
  char *end = NULL;
  double value;

  g_strstrip (half);
  if (half[0] == '\0')
    return -1;
  value = g_ascii_strtod (half, &end);
  if (end == half || *end != '\0' || !isfinite (value) || value < 0 || value > 100)
    return -2;
  return (int) lround (value * 10);
}

char *
td_score_format (int tenths)
{
  if (tenths < 0)
    return g_strdup ("");
  return tenths % 10 == 0 ? g_strdup_printf ("%d", tenths / 10)
                          : g_strdup_printf ("%d.%d", tenths / 10, tenths % 10);
}

char *
td_cert_number_normalize (const char *text)
{
  char *number;

  if (text == NULL)
    return NULL;
  number = g_strstrip (td_codes_halfwidth (text));
  for (char *p = number; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);
  return number;
}

char *
td_cert_number_problem (int type, int level, const char *number)
{
  gsize len = number != NULL ? strlen (number) : 0;

  if (len == 0)
    return g_strdup (_("A passed trainee's certificate needs its number."));
  if (len < 6 || len > 32 || strspn (number, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-") != len)
    return g_strdup_printf (_("“%s” is not a certificate number: 6 to 32 digits, capital "
                              "letters or '-'."), number);
  if (type != 2)
    return NULL;
  switch (td_cert_number_check_skill (number, level))
    {
    case TD_CERT_SKILL_NUMBER_FORM:
      return g_strdup (_("A skill level certificate number has 22 characters: Y or S, then 21 "
                         "digits (R-ASM-003)."));
    case TD_CERT_SKILL_NUMBER_LEVEL:
      return g_strdup_printf (_("The 16th character of the certificate number is the level: "
                                "%c, but the level is %d (R-ASM-003)."), number[15], level);
    case TD_CERT_SKILL_NUMBER_OK:
    default:
      return NULL;
    }
}

TdCertSkillNumber
td_cert_number_check_skill (const char *number, int level)
{
  if (number == NULL || strlen (number) != 22 || (number[0] != 'Y' && number[0] != 'S')
      || strspn (number + 1, "0123456789") != 21)
    return TD_CERT_SKILL_NUMBER_FORM;
  if (level < 0 || number[15] - '0' != level)
    return TD_CERT_SKILL_NUMBER_LEVEL;
  return TD_CERT_SKILL_NUMBER_OK;
}

void
td_follow_up_apply_status (TdFollowUp *f)
{
  if (f->status == 1 || f->status == 2)
    return;
  g_clear_pointer (&f->employer_credit_code, g_free);
  g_clear_pointer (&f->employer_name, g_free);
  if (f->status == 3)
    return;
  f->since[0] = '\0';
  f->proof = 0;
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

char *
td_follow_up_problem (const TdFollowUp *f, const TdClass *klass)
{
  if (f->checked[0] == '\0')
    return g_strdup (_("A follow-up needs the date it was checked."));
  if (strcmp (f->checked, klass->end_date) <= 0)
    return g_strdup_printf (_("The follow-up date %s is not after the class's end %s "
                              "(R-EMP-001)."), f->checked, klass->end_date);
  if ((f->status == 1 || f->status == 2)
      && (!has_text (f->employer_name) || !has_text (f->employer_credit_code)))
    return g_strdup (_("Employed or self-employed: the follow-up names the employer and its "
                       "unified social credit code (R-EMP-002)."));
  if (f->status >= 1 && f->status <= 3 && f->since[0] == '\0')
    return g_strdup (_("Employed, self-employed or in flexible employment: the follow-up gives "
                       "the date the work began (R-EMP-002)."));
  if (f->status >= 1 && f->status <= 3 && f->proof == 0)
    return g_strdup (_("Employed, self-employed or in flexible employment: the follow-up names "
                       "its proof (R-EMP-002)."));
  if (f->since[0] != '\0' && strcmp (f->since, f->checked) > 0)
    return g_strdup_printf (_("The work began on %s, after the follow-up date %s."), f->since,
                            f->checked);
  return NULL;
}
