/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <string.h>

#include "core/td-hours.h"

TdHalves
td_hours_of_interval (int start_seconds, int end_seconds)
{
  gint64 minutes;

  if (end_seconds <= start_seconds)
    return 0;
  minutes = ((gint64) end_seconds - start_seconds) / 60;
  /* hours = floor (2m / 45) / 2, so the halves are floor (2m / 45). */
  return (TdHalves) (2 * minutes / 45);
}

TdHalves
td_hours_credited (int lesson_start, int lesson_end, TdHalves lesson_hours, int in_seconds,
                   int out_seconds)
{
  TdHalves halves = td_hours_of_interval (MAX (lesson_start, in_seconds),
                                          MIN (lesson_end, out_seconds));

  return CLAMP (halves, 0, MAX (lesson_hours, 0));
}

char *
td_hours_format (TdHalves halves)
{
  g_return_val_if_fail (halves >= 0, NULL);

  return g_strdup_printf ("%d%s", halves / 2, halves % 2 == 1 ? ".5" : "");
}

/* (0|[1-9]\d{0,2}|1\d{3}|2000)(\.5)? */
TdHalves
td_hours_parse (const char *text)
{
  gsize len, whole_len;
  int whole = 0;
  gboolean half;

  if (text == NULL)
    return -1;
  len = strlen (text);
  half = len >= 2 && strcmp (text + len - 2, ".5") == 0;
  whole_len = half ? len - 2 : len;
  if (whole_len == 0 || whole_len > 4 || (whole_len > 1 && text[0] == '0'))
    return -1;
  for (gsize i = 0; i < whole_len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      whole = whole * 10 + (text[i] - '0');
    }
  if (whole > 2000)
    return -1;
  return whole * 2 + (half ? 1 : 0);
}
