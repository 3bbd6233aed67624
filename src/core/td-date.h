/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates (YYYY-MM-DD, Beijing local), times (hh:mm:ss), instants (+08:00) and working days. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A date as a day number (GDate julian: 0001-01-01 is 1); 0 means none/invalid. */
typedef guint32 TdDay;

TdDay td_day_from_iso (const char *iso);             /* strict YYYY-MM-DD, real date, else 0 */
void td_day_to_iso (TdDay day, char out[11]);        /* "" when 0 */
char *td_day_to_iso_dup (TdDay day);
/* 2026年3月2日 (always Chinese, for forms); newly allocated */
char *td_day_format_chinese (TdDay day);
int td_day_weekday (TdDay day);                      /* 1 Monday … 7 Sunday */
int td_day_year (TdDay day);
int td_day_month (TdDay day);
int td_day_of_month (TdDay day);
TdDay td_day_make (int year, int month, int mday);   /* 0 if not a real date */
/* Today in Beijing time (UTC+8, whatever the machine's zone), or TD_TODAY when set in the
 * environment (YYYY-MM-DD; tests and demos pin "today" this way). */
TdDay td_day_today (void);
/* Whole years between @birth and @on (a 29 February birthday counts from 1 March);
 * -1 when either is 0 or @on is before @birth. */
int td_day_age (TdDay birth, TdDay on);

/* Lenient parse of what people type: 2026-11-02, 2026/11/2, 2026.11.2, 2026年11月2日,
 * 20261102, also with full-width digits; 0 when not a date. */
TdDay td_day_parse_lenient (const char *text);

/* Times of day as seconds since midnight; -1 invalid. Strict hh:mm:ss. */
int td_time_from_iso (const char *hms);
/* Lenient: 8:00, 08:00, 0800, 8:00:00, 8点, full-width digits. */
int td_time_parse_lenient (const char *text);
void td_time_to_iso (int seconds, char out[9]);

/* Now in Beijing as 2026-02-20T09:30:00+08:00 (whole seconds), newly allocated.
 * TD_NOW in the environment (an instant in that form) pins it for tests. */
char *td_instant_now (void);
/* Parses an instant with any offset; microseconds since the epoch (UTC), or G_MININT64. */
gint64 td_instant_parse (const char *instant);
/* The date of an instant "as written" (its first 10 characters), 0 when malformed. */
TdDay td_instant_day (const char *instant);

/* The official calendar of a catalogue: holidays on Monday–Friday and weekend workdays,
 * for the years it covers.  A year it does not cover has Monday–Friday as working days. */
typedef struct _TdCalendar TdCalendar;

TdCalendar *td_calendar_new (void);
void td_calendar_free (TdCalendar *calendar);
void td_calendar_add_year (TdCalendar *calendar, int year);
/* Adding a holiday or workday also marks its year as covered. */
void td_calendar_add_holiday (TdCalendar *calendar, TdDay day, const char *name);
void td_calendar_add_workday (TdCalendar *calendar, TdDay day);
gboolean td_calendar_covers_year (const TdCalendar *calendar, int year);
/* NULL calendar means Monday–Friday everywhere. */
gboolean td_calendar_is_working_day (const TdCalendar *calendar, TdDay day);
const char *td_calendar_holiday_name (const TdCalendar *calendar, TdDay day); /* or NULL */
/* The public holiday on @day, or NULL: the calendar's for a year it covers, else one of the
 * holidays fixed to a date by the national rules (元旦, 劳动节, 国庆节). */
const char *td_calendar_public_holiday (const TdCalendar *calendar, TdDay day);
/* Whether lessons may be planned on @day: a working day that is no public holiday (unlike
 * td_calendar_is_working_day, which counts as the bureau's rules do, RULES.md). */
gboolean td_calendar_is_lesson_day (const TdCalendar *calendar, TdDay day);
/* Working days d with @after < d < @before (RULES.md: "n working days before D"). */
int td_calendar_working_days_between (const TdCalendar *calendar, TdDay after, TdDay before);
/* The latest date c such that at least @n working days lie strictly between c and @start:
 * the last day a first filing may be created (R-CLS-002).  @start itself when @n <= 0;
 * 0 when @start is 0. */
TdDay td_calendar_filing_deadline (const TdCalendar *calendar, TdDay start, int n);
/* Working days d with @from < d <= @to (R-ATT-007). */
int td_calendar_working_days_after (const TdCalendar *calendar, TdDay from, TdDay to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCalendar, td_calendar_free)

G_END_DECLS
