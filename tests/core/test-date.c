/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates, times, instants and working days (RULES.md "Working day", "n working days before D",
 * R-CLS-002, R-ATT-007) with the calendar of catalogue 2026-1. */
#include "config.h"

#include <string.h>

#include "core/td-date.h"

#define D(iso) td_day_from_iso (iso)

static char *
example (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("TD_TEST_DATA"), "bureau", name, NULL);
  char *text = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The Calendar of the example catalogue, read as an importer would. */
static TdCalendar *
catalog_calendar (void)
{
  g_autofree char *text = example ("catalog-2026-1.xml");
  g_autoptr (GRegex) year_re = g_regex_new ("<Calendar year=\"(\\d+)\"", 0, 0, NULL);
  g_autoptr (GRegex) day_re = g_regex_new ("<(Holiday|Workday) date=\"([^\"]+)\""
                                           "(?: name=\"([^\"]*)\")?", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  TdCalendar *calendar = td_calendar_new ();

  for (g_regex_match (year_re, text, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *year = g_match_info_fetch (match, 1);

      td_calendar_add_year (calendar, (int) g_ascii_strtoll (year, NULL, 10));
    }
  g_clear_pointer (&match, g_match_info_free);
  for (g_regex_match (day_re, text, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *kind = g_match_info_fetch (match, 1);
      g_autofree char *date = g_match_info_fetch (match, 2);
      g_autofree char *name = g_match_info_fetch (match, 3);

      g_assert_cmpuint (D (date), !=, 0);
      if (strcmp (kind, "Holiday") == 0)
        td_calendar_add_holiday (calendar, D (date), name);
      else
        td_calendar_add_workday (calendar, D (date));
    }
  return calendar;
}

static void
assert_iso (TdDay day, const char *expected)
{
  char out[11];
  g_autofree char *dup = td_day_to_iso_dup (day);

  td_day_to_iso (day, out);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (dup, ==, expected);
}

static void
test_iso (void)
{
  static const char *const bad[] = {
    "", "2026-2-20", "2026-02-20 ", " 2026-02-20", "2026/02/20", "20260220", "2026-13-01",
    "2026-00-10", "2026-02-00", "2026-02-29", "1900-02-29", "2100-02-29", "0000-01-01",
    "2026-02-30", "2026-04-31", "2026-02-2a", "２０２６-02-20",
  };

  assert_iso (D ("2026-02-20"), "2026-02-20");
  assert_iso (D ("2000-02-29"), "2000-02-29");
  assert_iso (D ("2024-02-29"), "2024-02-29");
  assert_iso (D ("0001-01-01"), "0001-01-01");
  assert_iso (D ("9999-12-31"), "9999-12-31");
  assert_iso (0, "");
  g_assert_cmpuint (D ("0001-01-01"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_cmpuint (D (bad[i]), ==, 0);
  g_assert_cmpuint (D (NULL), ==, 0);

  /* Year ends: the day after 2025-12-31 is 2026-01-01. */
  g_assert_cmpuint (D ("2025-12-31") + 1, ==, D ("2026-01-01"));
  g_assert_cmpuint (D ("2024-02-28") + 1, ==, D ("2024-02-29"));
  g_assert_cmpuint (D ("2026-02-28") + 1, ==, D ("2026-03-01"));
  g_assert_cmpuint (D ("2024-12-31") - D ("2024-01-01"), ==, 365);
}

static void
test_parts (void)
{
  TdDay day = D ("2026-03-02");
  g_autofree char *chinese = td_day_format_chinese (day);
  g_autofree char *chinese_end = td_day_format_chinese (D ("2026-12-31"));
  g_autofree char *none = td_day_format_chinese (0);

  g_assert_cmpstr (chinese, ==, "2026年3月2日");
  g_assert_cmpstr (chinese_end, ==, "2026年12月31日");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpint (td_day_year (day), ==, 2026);
  g_assert_cmpint (td_day_month (day), ==, 3);
  g_assert_cmpint (td_day_of_month (day), ==, 2);
  g_assert_cmpuint (td_day_make (2026, 3, 2), ==, day);
  g_assert_cmpuint (td_day_make (2026, 2, 29), ==, 0);
  g_assert_cmpuint (td_day_make (2026, 13, 1), ==, 0);
  g_assert_cmpuint (td_day_make (0, 1, 1), ==, 0);
  /* 2026-03-02 is a Monday, 2026-10-01 a Thursday, 2026-10-04 a Sunday. */
  g_assert_cmpint (td_day_weekday (day), ==, 1);
  g_assert_cmpint (td_day_weekday (D ("2026-10-01")), ==, 4);
  g_assert_cmpint (td_day_weekday (D ("2026-10-04")), ==, 7);
  g_assert_cmpint (td_day_weekday (D ("2000-01-01")), ==, 6);
}

/* The days are GDate's Julian days, worked out by the store without a GDate: every day of
 * years 1 to 9999 has the same number, year, month, day and weekday as GDate gives it, and
 * every impossible date (the day after each month's last) is refused. */
static void
test_same_as_gdate (void)
{
  GDate date;
  TdDay last;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 9999);
  last = g_date_get_julian (&date);
  for (TdDay day = 1; day <= last; day++)
    {
      char iso[11], expected[11];

      g_date_set_julian (&date, day);
      g_snprintf (expected, sizeof expected, "%04u-%02u-%02u", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
      td_day_to_iso (day, iso);
      if (g_strcmp0 (iso, expected) != 0
          || td_day_make (g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date)) != day
          || td_day_weekday (day) != (int) g_date_get_weekday (&date)
          || td_day_year (day) != g_date_get_year (&date)
          || td_day_month (day) != (int) g_date_get_month (&date)
          || td_day_of_month (day) != g_date_get_day (&date))
        g_error ("day %u: %s, GDate says %s", day, iso, expected);
      if (g_date_is_last_of_month (&date)
          && td_day_make (g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date) + 1) != 0)
        g_error ("the day after %s is taken", expected);
    }
  g_assert_cmpuint (td_day_make (10000, 1, 1), ==, 0);
  g_assert_cmpuint (td_day_make (2024, 2, 29), ==, td_day_make (2024, 3, 1) - 1);
  g_assert_cmpuint (td_day_make (1900, 2, 29), ==, 0);
}

static void
test_age (void)
{
  g_assert_cmpint (td_day_age (D ("1980-05-12"), D ("2026-05-11")), ==, 45);
  g_assert_cmpint (td_day_age (D ("1980-05-12"), D ("2026-05-12")), ==, 46);
  g_assert_cmpint (td_day_age (D ("2000-02-29"), D ("2001-02-28")), ==, 0);
  g_assert_cmpint (td_day_age (D ("2000-02-29"), D ("2001-03-01")), ==, 1);
  g_assert_cmpint (td_day_age (D ("2000-02-29"), D ("2004-02-29")), ==, 4);
  g_assert_cmpint (td_day_age (D ("2010-12-31"), D ("2026-01-01")), ==, 15);
  g_assert_cmpint (td_day_age (D ("2026-03-02"), D ("2026-03-02")), ==, 0);
  g_assert_cmpint (td_day_age (D ("2026-03-02"), D ("2026-03-01")), ==, -1);
  g_assert_cmpint (td_day_age (0, D ("2026-03-01")), ==, -1);
}

static void
test_lenient (void)
{
  static const char *const same[] = {
    "2026-11-02", "2026/11/2", "2026.11.2", "2026年11月2日", "2026年11月02日", "2026年11月2",
    "20261102", "２０２６年１１月２日", "２０２６－１１－０２", "２０２６／１１／２", " 2026-11-02 ",
    "\u30002026.11.02\u3000", "2026-11-2",
  };
  static const char *const bad[] = {
    "", "2026", "2026-11", "2026/11-2", "26-11-02", "2026-13-01", "2026-02-29", "2026/11/2/",
    "2026年13月1日", "2026年11月2日x", "202611020", "2026-011-02", "2026-11-002", "11/02/2026",
    "two thousand",
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    g_assert_cmpuint (td_day_parse_lenient (same[i]), ==, D ("2026-11-02"));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_cmpuint (td_day_parse_lenient (bad[i]), ==, 0);
  g_assert_cmpuint (td_day_parse_lenient ("2024/2/29"), ==, D ("2024-02-29"));
  g_assert_cmpuint (td_day_parse_lenient ("1900/2/29"), ==, 0);
  g_assert_cmpuint (td_day_parse_lenient (NULL), ==, 0);
}

static void
test_times (void)
{
  static const char *const strict_bad[] = {
    "8:00:00", "08:00", "24:00:00", "08:60:00", "08:00:60", "08-00-00", " 08:00:00", "",
  };
  static const struct { const char *text; int seconds; } lenient[] = {
    { "8:00", 8 * 3600 }, { "08:00", 8 * 3600 }, { "0800", 8 * 3600 },
    { "8:00:00", 8 * 3600 }, { "8点", 8 * 3600 }, { "８：３０", 8 * 3600 + 1800 },
    { "13点30分", 13 * 3600 + 1800 }, { "8点半", 8 * 3600 + 1800 }, { " 17:15 ", 62100 },
    { "23:59:59", 86399 }, { "0:00", 0 },
  };
  static const char *const lenient_bad[] = {
    "", "8", "24:00", "8:0", "8:60", "800", "8点61分", "8:00:0", "8.00", "noon", "2400",
  };
  char out[9];

  g_assert_cmpint (td_time_from_iso ("08:00:00"), ==, 28800);
  g_assert_cmpint (td_time_from_iso ("23:59:59"), ==, 86399);
  g_assert_cmpint (td_time_from_iso ("00:00:00"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (strict_bad); i++)
    g_assert_cmpint (td_time_from_iso (strict_bad[i]), ==, -1);
  for (guint i = 0; i < G_N_ELEMENTS (lenient); i++)
    g_assert_cmpint (td_time_parse_lenient (lenient[i].text), ==, lenient[i].seconds);
  for (guint i = 0; i < G_N_ELEMENTS (lenient_bad); i++)
    g_assert_cmpint (td_time_parse_lenient (lenient_bad[i]), ==, -1);

  td_time_to_iso (28800 + 5 * 60 + 7, out);
  g_assert_cmpstr (out, ==, "08:05:07");
  td_time_to_iso (86399, out);
  g_assert_cmpstr (out, ==, "23:59:59");
  td_time_to_iso (86400, out);
  g_assert_cmpstr (out, ==, "");
  td_time_to_iso (-1, out);
  g_assert_cmpstr (out, ==, "");
}

static void
test_instants (void)
{
  gint64 created = td_instant_parse ("2026-02-20T09:30:00+08:00");

  /* 2026-02-20T01:30:00Z */
  g_assert_cmpint (created, ==, G_GINT64_CONSTANT (1771551000) * G_USEC_PER_SEC);
  g_assert_cmpint (td_instant_parse ("2026-02-20T01:30:00Z"), ==, created);
  g_assert_cmpint (td_instant_parse ("2026-02-20T01:30:00+00:00"), ==, created);
  g_assert_cmpint (td_instant_parse ("2026-02-19T20:30:00-05:00"), ==, created);
  g_assert_cmpint (td_instant_parse ("2026-02-20T09:30:00.5+08:00"), ==,
                   created + G_USEC_PER_SEC / 2);
  g_assert_cmpint (td_instant_parse ("2026-02-20T09:30:00"), ==, G_MININT64);  /* no zone */
  g_assert_cmpint (td_instant_parse ("2026-02-20 09:30:00+08:00"), ==, G_MININT64);
  g_assert_cmpint (td_instant_parse ("2026-02-30T09:30:00+08:00"), ==, G_MININT64);
  g_assert_cmpint (td_instant_parse ("2026-02-20"), ==, G_MININT64);
  g_assert_cmpint (td_instant_parse (""), ==, G_MININT64);
  g_assert_cmpint (td_instant_parse (NULL), ==, G_MININT64);

  /* The date of an instant is its date as written. */
  g_assert_cmpuint (td_instant_day ("2026-02-20T00:30:00+08:00"), ==, D ("2026-02-20"));
  g_assert_cmpuint (td_instant_day ("2026-02-20T23:30:00-05:00"), ==, D ("2026-02-20"));
  g_assert_cmpuint (td_instant_day ("2026-02-20"), ==, 0);
}

static void
test_now (void)
{
  g_autofree char *pinned = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *now = NULL;
  gint64 real = g_get_real_time ();

  g_setenv ("TD_NOW", "2026-02-20T09:30:00+08:00", TRUE);
  pinned = td_instant_now ();
  g_assert_cmpstr (pinned, ==, "2026-02-20T09:30:00+08:00");
  /* A pinned instant in another zone is written in Beijing time. */
  g_setenv ("TD_NOW", "2026-12-31T20:00:00Z", TRUE);
  converted = td_instant_now ();
  g_assert_cmpstr (converted, ==, "2027-01-01T04:00:00+08:00");

  /* The real clock, in Beijing whatever TZ says (the tests run with TZ=UTC). */
  g_unsetenv ("TD_NOW");
  g_setenv ("TZ", "America/New_York", TRUE);
  now = td_instant_now ();
  g_assert_cmpint (strlen (now), ==, 25);
  g_assert_true (g_str_has_suffix (now, "+08:00"));
  g_assert_cmpint (td_instant_parse (now), >=, real - 2 * G_USEC_PER_SEC);
  g_assert_cmpint (td_instant_parse (now), <=, g_get_real_time () + G_USEC_PER_SEC);
  g_setenv ("TZ", "UTC", TRUE);
}

static void
test_today (void)
{
  g_autoptr (GTimeZone) beijing = g_time_zone_new_offset (8 * 3600);
  g_autoptr (GDateTime) now = NULL;
  TdDay today;

  g_setenv ("TD_TODAY", "2026-02-20", TRUE);
  g_assert_cmpuint (td_day_today (), ==, D ("2026-02-20"));
  /* Not a date: ignored. */
  g_setenv ("TD_TODAY", "tomorrow", TRUE);
  today = td_day_today ();
  now = g_date_time_new_now (beijing);
  g_assert_cmpuint (today, ==, td_day_make (g_date_time_get_year (now),
                                            g_date_time_get_month (now),
                                            g_date_time_get_day_of_month (now)));
  g_unsetenv ("TD_TODAY");
  g_assert_cmpuint (td_day_today (), ==, today);
}

static void
test_calendar_days (void)
{
  g_autoptr (TdCalendar) calendar = catalog_calendar ();

  g_assert_true (td_calendar_covers_year (calendar, 2026));
  g_assert_false (td_calendar_covers_year (calendar, 2027));
  g_assert_false (td_calendar_covers_year (NULL, 2026));
  /* Holidays on Monday–Friday are not working days. */
  g_assert_false (td_calendar_is_working_day (calendar, D ("2026-01-01")));
  g_assert_false (td_calendar_is_working_day (calendar, D ("2026-05-01")));
  g_assert_false (td_calendar_is_working_day (calendar, D ("2026-10-01")));
  g_assert_false (td_calendar_is_working_day (calendar, D ("2026-10-02")));
  g_assert_cmpstr (td_calendar_holiday_name (calendar, D ("2026-10-02")), ==, "国庆节");
  g_assert_cmpstr (td_calendar_holiday_name (calendar, D ("2026-01-01")), ==, "元旦");
  g_assert_null (td_calendar_holiday_name (calendar, D ("2026-10-05")));
  g_assert_null (td_calendar_holiday_name (NULL, D ("2026-10-01")));
  g_assert_true (td_calendar_is_working_day (calendar, D ("2026-09-30")));
  g_assert_true (td_calendar_is_working_day (calendar, D ("2026-10-05")));
  g_assert_false (td_calendar_is_working_day (calendar, D ("2026-10-03")));
  /* Without a calendar, or in a year it does not cover: Monday–Friday. */
  g_assert_true (td_calendar_is_working_day (NULL, D ("2026-10-01")));
  g_assert_true (td_calendar_is_working_day (calendar, D ("2027-01-01")));
  g_assert_false (td_calendar_is_working_day (calendar, D ("2027-01-02")));
  /* Lessons (issue 18.3): never on a public holiday, even in a year the calendar does not
   * cover, where the holidays fixed to a date still hold; the lunar ones need the calendar. */
  g_assert_false (td_calendar_is_lesson_day (calendar, D ("2027-01-01")));
  g_assert_cmpstr (td_calendar_public_holiday (calendar, D ("2027-01-01")), ==, "元旦");
  g_assert_cmpstr (td_calendar_public_holiday (NULL, D ("2027-10-01")), ==, "国庆节");
  g_assert_true (td_calendar_is_lesson_day (NULL, D ("2027-05-03")));
  g_assert_false (td_calendar_is_lesson_day (calendar, D ("2027-05-01")));
  g_assert_true (td_calendar_is_lesson_day (calendar, D ("2027-01-04")));
  g_assert_false (td_calendar_is_lesson_day (calendar, D ("2026-10-02")));
  g_assert_true (td_calendar_is_lesson_day (calendar, D ("2026-10-05")));
  /* in a covered year, the calendar's holidays only: 2026-10-03 (a Saturday) is not listed */
  g_assert_null (td_calendar_public_holiday (calendar, D ("2026-10-03")));
}

static void
test_calendar_workday (void)
{
  g_autoptr (TdCalendar) calendar = catalog_calendar ();

  /* A weekend workday (调休) counts; adding it makes its year covered. */
  g_assert_false (td_calendar_is_working_day (calendar, D ("2026-10-10")));
  td_calendar_add_workday (calendar, D ("2026-10-10"));
  g_assert_true (td_calendar_is_working_day (calendar, D ("2026-10-10")));
  g_assert_cmpint (td_calendar_working_days_between (calendar, D ("2026-10-09"),
                                                     D ("2026-10-12")), ==, 1);
  td_calendar_add_workday (calendar, D ("2027-02-20"));
  g_assert_true (td_calendar_covers_year (calendar, 2027));
}

static void
test_calendar_counts (void)
{
  g_autoptr (TdCalendar) calendar = catalog_calendar ();

  /* d with after < d < before, across the National Day holidays:
   * 10-01 Thu and 10-02 Fri are holidays, 10-03/04 the weekend, so only 10-05..10-07. */
  g_assert_cmpint (td_calendar_working_days_between (calendar, D ("2026-09-30"),
                                                     D ("2026-10-08")), ==, 3);
  g_assert_cmpint (td_calendar_working_days_between (NULL, D ("2026-09-30"),
                                                     D ("2026-10-08")), ==, 5);
  g_assert_cmpint (td_calendar_working_days_between (calendar, D ("2026-09-28"),
                                                     D ("2026-10-08")), ==, 5);
  /* Across the year end: 2026-01-01 is a holiday, 01-02 a Friday. */
  g_assert_cmpint (td_calendar_working_days_between (calendar, D ("2025-12-31"),
                                                     D ("2026-01-05")), ==, 1);
  g_assert_cmpint (td_calendar_working_days_between (calendar, D ("2025-12-30"),
                                                     D ("2026-01-05")), ==, 2);
  /* Neither end counts; empty and reversed ranges are 0. */
  g_assert_cmpint (td_calendar_working_days_between (calendar, D ("2026-10-05"),
                                                     D ("2026-10-06")), ==, 0);
  g_assert_cmpint (td_calendar_working_days_between (calendar, D ("2026-10-05"),
                                                     D ("2026-10-05")), ==, 0);
  g_assert_cmpint (td_calendar_working_days_between (calendar, D ("2026-10-08"),
                                                     D ("2026-09-30")), ==, 0);
  /* The example filing: created 2026-02-20, StartDate 2026-03-02, FilingLeadWorkdays 5. */
  g_assert_cmpint (td_calendar_working_days_between (calendar, D ("2026-02-20"),
                                                     D ("2026-03-02")), ==, 5);
  /* A whole year: 261 Monday–Friday days in 2026, less its 4 holidays. */
  g_assert_cmpint (td_calendar_working_days_between (calendar, D ("2025-12-31"),
                                                     D ("2027-01-01")), ==, 257);
  g_assert_cmpint (td_calendar_working_days_between (NULL, D ("2025-12-31"),
                                                     D ("2027-01-01")), ==, 261);
}

/* The counting shortcut agrees with asking day by day. */
static void
test_calendar_counts_by_day (void)
{
  g_autoptr (TdCalendar) calendar = catalog_calendar ();
  TdDay base = D ("2025-12-20");

  td_calendar_add_workday (calendar, D ("2026-10-10"));
  td_calendar_add_workday (calendar, D ("2026-02-15"));
  for (TdDay after = base; after < base + 330; after += 7)
    for (TdDay before = after; before < after + 40; before++)
      {
        int expected = 0;

        for (TdDay d = after + 1; d < before; d++)
          expected += td_calendar_is_working_day (calendar, d);
        g_assert_cmpint (td_calendar_working_days_between (calendar, after, before), ==,
                         expected);
      }
}

static void
test_filing_deadline (void)
{
  g_autoptr (TdCalendar) calendar = catalog_calendar ();
  TdDay start = D ("2026-10-08");
  TdDay deadline = td_calendar_filing_deadline (calendar, start, 5);

  /* 5 working days before Thursday 2026-10-08 are 09-29, 09-30, 10-05, 10-06, 10-07. */
  assert_iso (deadline, "2026-09-28");
  g_assert_cmpint (td_calendar_working_days_between (calendar, deadline, start), >=, 5);
  g_assert_cmpint (td_calendar_working_days_between (calendar, deadline + 1, start), <, 5);
  /* Without the holidays it would be two days later. */
  assert_iso (td_calendar_filing_deadline (NULL, start, 5), "2026-09-30");
  /* The example class starts Monday 2026-03-02: the last day is Sunday 02-22 (the
   * weekend before adds no working day); the filing, created 02-20, is in time. */
  assert_iso (td_calendar_filing_deadline (calendar, D ("2026-03-02"), 5), "2026-02-22");
  /* Across the year end and New Year's Day. */
  assert_iso (td_calendar_filing_deadline (calendar, D ("2026-01-05"), 2), "2025-12-30");
  assert_iso (td_calendar_filing_deadline (calendar, D ("2026-10-08"), 1), "2026-10-06");
  assert_iso (td_calendar_filing_deadline (calendar, D ("2026-10-08"), 0), "2026-10-08");
  g_assert_cmpuint (td_calendar_filing_deadline (calendar, 0, 5), ==, 0);
}

static void
test_working_days_after (void)
{
  g_autoptr (TdCalendar) calendar = catalog_calendar ();

  /* R-ATT-007: d with latest < d <= created. */
  g_assert_cmpint (td_calendar_working_days_after (calendar, D ("2026-09-30"),
                                                   D ("2026-10-05")), ==, 1);
  g_assert_cmpint (td_calendar_working_days_after (calendar, D ("2026-09-30"),
                                                   D ("2026-10-08")), ==, 4);
  g_assert_cmpint (td_calendar_working_days_after (calendar, D ("2026-03-06"),
                                                   D ("2026-03-06")), ==, 0);
  g_assert_cmpint (td_calendar_working_days_after (calendar, D ("2026-03-05"),
                                                   D ("2026-03-06")), ==, 1);
  g_assert_cmpint (td_calendar_working_days_after (calendar, D ("2026-03-06"),
                                                   D ("2026-03-09")), ==, 1);
  g_assert_cmpint (td_calendar_working_days_after (calendar, D ("2026-12-31"),
                                                   D ("2027-01-04")), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/iso", test_iso);
  g_test_add_func ("/date/same-as-gdate", test_same_as_gdate);
  g_test_add_func ("/date/parts", test_parts);
  g_test_add_func ("/date/age", test_age);
  g_test_add_func ("/date/lenient", test_lenient);
  g_test_add_func ("/date/times", test_times);
  g_test_add_func ("/date/instants", test_instants);
  g_test_add_func ("/date/now", test_now);
  g_test_add_func ("/date/today", test_today);
  g_test_add_func ("/date/calendar/days", test_calendar_days);
  g_test_add_func ("/date/calendar/workday", test_calendar_workday);
  g_test_add_func ("/date/calendar/counts", test_calendar_counts);
  g_test_add_func ("/date/calendar/counts-by-day", test_calendar_counts_by_day);
  g_test_add_func ("/date/calendar/filing-deadline", test_filing_deadline);
  g_test_add_func ("/date/calendar/working-days-after", test_working_days_after);
  return g_test_run ();
}
