/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <string.h>

#include "core/td-codes.h"
#include "core/td-date.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

/* ---- days ---------------------------------------------------------------------------- */

/* Reads exactly @n ASCII digits at @s; -1 when one is not a digit. */
static int
read_digits (const char *s, int n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return -1;
      value = value * 10 + (s[i] - '0');
    }
  return value;
}

/* Days are counted as GDate's Julian days (day 1 is 1 January of year 1, proleptic
 * Gregorian), worked out with whole numbers instead of a GDate: an import converts two
 * dates of each of its thousands of rows (an era is 400 years, 146,097 days, counted from
 * 1 March of year 0 so that a leap day ends its year). */
#define MARCH_1_YEAR_0 (-305)    /* the day of 1 March of year 0 */

static gboolean
is_leap (int year)
{
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

TdDay
td_day_make (int year, int month, int mday)
{
  static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int era, year_of_era, day_of_year;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || mday < 1
      || mday > month_days[month - 1] + (month == 2 && is_leap (year)))
    return 0;
  year -= month <= 2;            /* January and February end the year before */
  era = year / 400;
  year_of_era = year - era * 400;
  day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + mday - 1;
  return (TdDay) (era * 146097 + year_of_era * 365 + year_of_era / 4 - year_of_era / 100
                  + day_of_year + MARCH_1_YEAR_0);
}

/* The year, month and day of @day (not 0). */
static void
day_split (TdDay day, int *year, int *month, int *mday)
{
  gint64 z = (gint64) day - MARCH_1_YEAR_0;
  gint64 era = z / 146097, day_of_era = z - era * 146097;
  gint64 year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524
                        - day_of_era / 146096) / 365;
  gint64 day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  gint64 m = (5 * day_of_year + 2) / 153;

  *mday = (int) (day_of_year - (153 * m + 2) / 5 + 1);
  *month = (int) (m < 10 ? m + 3 : m - 9);
  *year = (int) (year_of_era + era * 400 + (*month <= 2));
}

TdDay
td_day_from_iso (const char *iso)
{
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return 0;
  return td_day_make (read_digits (iso, 4), read_digits (iso + 5, 2), read_digits (iso + 8, 2));
}

static void
put_digits (char *out, int value, int n)
{
  for (int i = n - 1; i >= 0; i--)
    {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
}

void
td_day_to_iso (TdDay day, char out[11])
{
  int year, month, mday;

  g_return_if_fail (out != NULL);

  out[0] = '\0';
  if (day == 0)
    return;
  day_split (day, &year, &month, &mday);
  put_digits (out, year, 4);
  out[4] = '-';
  put_digits (out + 5, month, 2);
  out[7] = '-';
  put_digits (out + 8, mday, 2);
  out[10] = '\0';
}

char *
td_day_to_iso_dup (TdDay day)
{
  char buf[11];

  td_day_to_iso (day, buf);
  return g_strdup (buf);
}

char *
td_day_format_chinese (TdDay day)
{
  if (day == 0)
    return g_strdup ("");
  return g_strdup_printf ("%d年%d月%d日", td_day_year (day), td_day_month (day),
                          td_day_of_month (day));
}

int
td_day_weekday (TdDay day)
{
  g_return_val_if_fail (day != 0, 0);
  return (int) ((day - 1) % 7) + 1;    /* 1 January of year 1 was a Monday (1) */
}

int
td_day_year (TdDay day)
{
  int year, month, mday;

  g_return_val_if_fail (day != 0, 0);
  day_split (day, &year, &month, &mday);
  return year;
}

int
td_day_month (TdDay day)
{
  int year, month, mday;

  g_return_val_if_fail (day != 0, 0);
  day_split (day, &year, &month, &mday);
  return month;
}

int
td_day_of_month (TdDay day)
{
  int year, month, mday;

  g_return_val_if_fail (day != 0, 0);
  day_split (day, &year, &month, &mday);
  return mday;
}

static GTimeZone *
beijing_zone (void)
{
  return g_time_zone_new_offset (8 * 60 * 60);
}

TdDay
td_day_today (void)
{
  const char *pinned = g_getenv ("TD_TODAY");
  g_autoptr (GTimeZone) tz = NULL;
  g_autoptr (GDateTime) now = NULL;

  if (pinned != NULL && td_day_from_iso (pinned) != 0)
    return td_day_from_iso (pinned);
  tz = beijing_zone ();
  now = g_date_time_new_now (tz);
  return td_day_make (g_date_time_get_year (now), g_date_time_get_month (now),
                      g_date_time_get_day_of_month (now));
}

int
td_day_age (TdDay birth, TdDay on)
{
  int by, bm, bd, oy, om, od;

  if (birth == 0 || on == 0 || on < birth)
    return -1;
  day_split (birth, &by, &bm, &bd);
  day_split (on, &oy, &om, &od);
  return oy - by - (om < bm || (om == bm && od < bd));
}

/* ---- lenient dates ------------------------------------------------------------------- */

/* Reads 1 to @max digits; advances *p; -1 when there is none. */
static int
read_number (const char **p, int max)
{
  int value = 0;
  int n = 0;

  while (n < max && g_ascii_isdigit (**p))
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n == 0 ? -1 : value;
}

/* 2026-11-2, 2026/11/2, 2026.11.2 (one separator throughout). */
static TdDay
parse_separated (const char *s)
{
  const char *p = s + 5;
  int year = read_digits (s, 4), month, mday;
  char sep = s[4];

  if (year < 0 || (sep != '-' && sep != '/' && sep != '.'))
    return 0;
  month = read_number (&p, 2);
  if (*p != sep)
    return 0;
  p++;
  mday = read_number (&p, 2);
  if (*p != '\0')
    return 0;
  return td_day_make (year, month, mday);
}

/* 2026年11月2日 (the final 日 may be left out). */
static TdDay
parse_chinese (const char *s)
{
  const char *p = s + 4;
  int year = read_digits (s, 4), month, mday;

  if (year < 0 || !g_str_has_prefix (p, "年"))
    return 0;
  p += strlen ("年");
  month = read_number (&p, 2);
  if (!g_str_has_prefix (p, "月"))
    return 0;
  p += strlen ("月");
  mday = read_number (&p, 2);
  if (g_str_has_prefix (p, "日") || g_str_has_prefix (p, "号"))
    p += strlen ("日");
  if (*p != '\0')
    return 0;
  return td_day_make (year, month, mday);
}

TdDay
td_day_parse_lenient (const char *text)
{
  g_autofree char *s = NULL;
  TdDay day = td_day_from_iso (text);

  if (day != 0)
    return day;     /* the usual cell: 2026-11-02, which the rest reads the same */
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return 0;
  s = td_codes_halfwidth (text);
  g_strstrip (s);
  if (strlen (s) == 8 && read_digits (s, 8) >= 0)
    return td_day_make (read_digits (s, 4), read_digits (s + 4, 2), read_digits (s + 6, 2));
  if (strlen (s) < 8)
    return 0;
  if (g_ascii_isdigit (s[4]))
    return 0;
  return s[4] == '-' || s[4] == '/' || s[4] == '.' ? parse_separated (s) : parse_chinese (s);
}

/* ---- times --------------------------------------------------------------------------- */

static int
make_time (int h, int m, int s)
{
  if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59)
    return -1;
  return h * 3600 + m * 60 + s;
}

int
td_time_from_iso (const char *hms)
{
  if (hms == NULL || strlen (hms) != 8 || hms[2] != ':' || hms[5] != ':')
    return -1;
  return make_time (read_digits (hms, 2), read_digits (hms + 3, 2), read_digits (hms + 6, 2));
}

/* 8:00, 08:00, 8:00:00 */
static int
parse_colon_time (const char *s)
{
  const char *p = s;
  int h = read_number (&p, 2), m, sec = 0;

  if (*p != ':')
    return -1;
  p++;
  if (read_digits (p, 2) < 0)
    return -1;
  m = read_number (&p, 2);
  if (*p == ':')
    {
      p++;
      if (read_digits (p, 2) < 0)
        return -1;
      sec = read_number (&p, 2);
    }
  return *p == '\0' ? make_time (h, m, sec) : -1;
}

/* 8点, 8点30, 8点30分, 8时30分 */
static int
parse_chinese_time (const char *s)
{
  const char *p = s;
  int h = read_number (&p, 2), m = 0;

  if (h < 0)
    return -1;
  if (g_str_has_prefix (p, "点") || g_str_has_prefix (p, "时"))
    p += strlen ("点");
  else
    return -1;
  if (g_str_has_prefix (p, "半"))
    {
      p += strlen ("半");
      m = 30;
    }
  else if (*p != '\0')
    {
      m = read_number (&p, 2);
      if (g_str_has_prefix (p, "分"))
        p += strlen ("分");
    }
  return *p == '\0' ? make_time (h, m, 0) : -1;
}

int
td_time_parse_lenient (const char *text)
{
  g_autofree char *s = NULL;
  gsize len;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return -1;
  s = td_codes_halfwidth (text);
  g_strstrip (s);
  len = strlen (s);
  if (len == 4 && read_digits (s, 4) >= 0)
    return make_time (read_digits (s, 2), read_digits (s + 2, 2), 0);
  if (strchr (s, ':') != NULL)
    return parse_colon_time (s);
  return parse_chinese_time (s);
}

void
td_time_to_iso (int seconds, char out[9])
{
  g_return_if_fail (out != NULL);

  out[0] = '\0';
  if (seconds < 0 || seconds >= SECONDS_PER_DAY)
    return;
  put_digits (out, seconds / 3600, 2);
  out[2] = ':';
  put_digits (out + 3, seconds / 60 % 60, 2);
  out[5] = ':';
  put_digits (out + 6, seconds % 60, 2);
  out[8] = '\0';
}

/* ---- instants ------------------------------------------------------------------------ */

/* YYYY-MM-DDThh:mm:ss, then fractions and a zone that GLib reads. */
static gboolean
instant_shape_ok (const char *s)
{
  char date[11], time[9];

  if (strlen (s) < 20 || s[10] != 'T')
    return FALSE;
  memcpy (date, s, 10);
  date[10] = '\0';
  memcpy (time, s + 11, 8);
  time[8] = '\0';
  return td_day_from_iso (date) != 0 && td_time_from_iso (time) >= 0;
}

gint64
td_instant_parse (const char *instant)
{
  g_autoptr (GDateTime) dt = NULL;

  if (instant == NULL || !instant_shape_ok (instant))
    return G_MININT64;
  dt = g_date_time_new_from_iso8601 (instant, NULL);
  if (dt == NULL)
    return G_MININT64;
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

TdDay
td_instant_day (const char *instant)
{
  char date[11];

  if (td_instant_parse (instant) == G_MININT64)
    return 0;
  memcpy (date, instant, 10);
  date[10] = '\0';
  return td_day_from_iso (date);
}

/* The whole second of @usec in Beijing, as 2026-02-20T09:30:00+08:00. */
static char *
format_beijing (gint64 usec)
{
  g_autoptr (GTimeZone) tz = beijing_zone ();
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC
                                                             - (usec % G_USEC_PER_SEC < 0));
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S+08:00");
}

char *
td_instant_now (void)
{
  const char *pinned = g_getenv ("TD_NOW");

  if (pinned != NULL && td_instant_parse (pinned) != G_MININT64)
    return format_beijing (td_instant_parse (pinned));
  return format_beijing (g_get_real_time ());
}

/* ---- the calendar -------------------------------------------------------------------- */

struct _TdCalendar
{
  GHashTable *years;    /* GINT_TO_POINTER (year) set */
  GHashTable *holidays; /* GUINT_TO_POINTER (day) → name (owned) */
  GHashTable *workdays; /* GUINT_TO_POINTER (day) set */
};

TdCalendar *
td_calendar_new (void)
{
  TdCalendar *calendar = g_new0 (TdCalendar, 1);

  calendar->years = g_hash_table_new (NULL, NULL);
  calendar->holidays = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  calendar->workdays = g_hash_table_new (NULL, NULL);
  return calendar;
}

void
td_calendar_free (TdCalendar *calendar)
{
  if (calendar == NULL)
    return;
  g_hash_table_unref (calendar->years);
  g_hash_table_unref (calendar->holidays);
  g_hash_table_unref (calendar->workdays);
  g_free (calendar);
}

void
td_calendar_add_year (TdCalendar *calendar, int year)
{
  g_return_if_fail (calendar != NULL);

  g_hash_table_add (calendar->years, GINT_TO_POINTER (year));
}

void
td_calendar_add_holiday (TdCalendar *calendar, TdDay day, const char *name)
{
  g_return_if_fail (calendar != NULL);
  g_return_if_fail (day != 0);

  td_calendar_add_year (calendar, td_day_year (day));
  g_hash_table_remove (calendar->workdays, GUINT_TO_POINTER (day));
  g_hash_table_insert (calendar->holidays, GUINT_TO_POINTER (day), g_strdup (name ? name : ""));
}

void
td_calendar_add_workday (TdCalendar *calendar, TdDay day)
{
  g_return_if_fail (calendar != NULL);
  g_return_if_fail (day != 0);

  td_calendar_add_year (calendar, td_day_year (day));
  g_hash_table_remove (calendar->holidays, GUINT_TO_POINTER (day));
  g_hash_table_add (calendar->workdays, GUINT_TO_POINTER (day));
}

gboolean
td_calendar_covers_year (const TdCalendar *calendar, int year)
{
  return calendar != NULL && g_hash_table_contains (calendar->years, GINT_TO_POINTER (year));
}

static gboolean
is_weekday (TdDay day)
{
  return td_day_weekday (day) <= 5;
}

gboolean
td_calendar_is_working_day (const TdCalendar *calendar, TdDay day)
{
  g_return_val_if_fail (day != 0, FALSE);

  if (calendar != NULL && g_hash_table_contains (calendar->workdays, GUINT_TO_POINTER (day)))
    return TRUE;
  if (calendar != NULL && g_hash_table_contains (calendar->holidays, GUINT_TO_POINTER (day)))
    return FALSE;
  return is_weekday (day);
}

const char *
td_calendar_holiday_name (const TdCalendar *calendar, TdDay day)
{
  if (calendar == NULL)
    return NULL;
  return g_hash_table_lookup (calendar->holidays, GUINT_TO_POINTER (day));
}

/* The public holidays fixed to a Gregorian date by the national rules (全国年节及纪念日放假
 * 办法, 2025): in a year the catalogue's calendar does not cover, a lesson is still not
 * planned on them.  The lunar ones (春节, 清明, 端午, 中秋) move and need the calendar. */
static const struct
{
  int month, day;
  const char *name;
} fixed_holidays[] = {
  { 1, 1, "元旦" }, { 5, 1, "劳动节" }, { 5, 2, "劳动节" },
  { 10, 1, "国庆节" }, { 10, 2, "国庆节" }, { 10, 3, "国庆节" },
};

const char *
td_calendar_public_holiday (const TdCalendar *calendar, TdDay day)
{
  int month = td_day_month (day), dom = td_day_of_month (day);

  g_return_val_if_fail (day != 0, NULL);
  if (td_calendar_covers_year (calendar, td_day_year (day)))
    return td_calendar_holiday_name (calendar, day);
  for (guint i = 0; i < G_N_ELEMENTS (fixed_holidays); i++)
    if (fixed_holidays[i].month == month && fixed_holidays[i].day == dom)
      return fixed_holidays[i].name;
  return NULL;
}

gboolean
td_calendar_is_lesson_day (const TdCalendar *calendar, TdDay day)
{
  return td_calendar_is_working_day (calendar, day)
         && td_calendar_public_holiday (calendar, day) == NULL;
}

/* Monday–Friday days d with first <= d <= last (first >= 1). */
static gint64
weekdays_in (TdDay first, TdDay last)
{
  /* julian 1 (0001-01-01) is a Monday: (d - 1) % 7 is 0 on Mondays. */
  gint64 a = (gint64) first - 1, b = (gint64) last;
  gint64 full_a = a / 7 * 5 + MIN (a % 7, 5);
  gint64 full_b = b / 7 * 5 + MIN (b % 7, 5);

  return last < first ? 0 : full_b - full_a;
}

int
td_calendar_working_days_between (const TdCalendar *calendar, TdDay after, TdDay before)
{
  GHashTableIter iter;
  gpointer key;
  gint64 count;

  if (after == 0 || before == 0 || before <= after + 1)
    return 0;
  count = weekdays_in (after + 1, before - 1);
  if (calendar == NULL)
    return (int) count;
  g_hash_table_iter_init (&iter, calendar->holidays);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      TdDay day = GPOINTER_TO_UINT (key);

      if (day > after && day < before && is_weekday (day))
        count--;
    }
  g_hash_table_iter_init (&iter, calendar->workdays);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      TdDay day = GPOINTER_TO_UINT (key);

      if (day > after && day < before && !is_weekday (day))
        count++;
    }
  return (int) count;
}

TdDay
td_calendar_filing_deadline (const TdCalendar *calendar, TdDay start, int n)
{
  TdDay c;
  int count = 0;

  if (start == 0)
    return 0;
  if (n <= 0)
    return start;
  /* Moving c back by one day adds c's old value to the days strictly between. */
  for (c = start - 1; c > 1 && count < n; c--)
    if (td_calendar_is_working_day (calendar, c))
      count++;
  return count < n ? 0 : c;
}

int
td_calendar_working_days_after (const TdCalendar *calendar, TdDay from, TdDay to)
{
  if (from == 0 || to == 0 || to <= from)
    return 0;
  return td_calendar_working_days_between (calendar, from, to + 1);
}
