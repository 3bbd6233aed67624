/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Class hours: RULES.md "Class hours of an interval", credited hours (R-ATT-004), HoursType. */
#include "config.h"

#include <string.h>

#include "core/td-date.h"
#include "core/td-hours.h"

#define AT(h, m, s) ((h) * 3600 + (m) * 60 + (s))

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

static void
test_interval (void)
{
  /* hours = floor (2m / 45) / 2, in halves. */
  g_assert_cmpint (td_hours_of_interval (AT (8, 0, 0), AT (8, 45, 0)), ==, 2);
  g_assert_cmpint (td_hours_of_interval (AT (8, 0, 0), AT (8, 44, 0)), ==, 1);
  g_assert_cmpint (td_hours_of_interval (AT (8, 0, 0), AT (9, 29, 0)), ==, 3);
  g_assert_cmpint (td_hours_of_interval (AT (8, 0, 0), AT (9, 30, 0)), ==, 4);
  g_assert_cmpint (td_hours_of_interval (AT (8, 0, 0), AT (11, 45, 0)), ==, 10);
  g_assert_cmpint (td_hours_of_interval (AT (8, 0, 0), AT (8, 22, 0)), ==, 0);
  g_assert_cmpint (td_hours_of_interval (AT (8, 0, 0), AT (8, 23, 0)), ==, 1);
  /* Seconds below a whole minute do not count. */
  g_assert_cmpint (td_hours_of_interval (AT (8, 0, 0), AT (8, 44, 59)), ==, 1);
  g_assert_cmpint (td_hours_of_interval (AT (8, 0, 1), AT (8, 45, 0)), ==, 1);
  g_assert_cmpint (td_hours_of_interval (AT (8, 0, 30), AT (8, 45, 30)), ==, 2);
  g_assert_cmpint (td_hours_of_interval (AT (8, 0, 0), AT (8, 0, 59)), ==, 0);
  /* Empty and negative intervals are 0. */
  g_assert_cmpint (td_hours_of_interval (AT (8, 0, 0), AT (8, 0, 0)), ==, 0);
  g_assert_cmpint (td_hours_of_interval (AT (9, 0, 0), AT (8, 0, 0)), ==, 0);
  /* A whole day: 1440 minutes → 32 hours. */
  g_assert_cmpint (td_hours_of_interval (0, 24 * 3600), ==, 64);
}

static void
test_credited (void)
{
  int start = AT (8, 0, 0), end = AT (11, 45, 0);

  /* Late 25 minutes, out after the end: 08:25–11:45 is 200 minutes, 4 hours. */
  g_assert_cmpint (td_hours_credited (start, end, 10, AT (8, 25, 0), AT (11, 47, 0)), ==, 8);
  /* Early: 08:00–11:05, 185 minutes, 4 hours. */
  g_assert_cmpint (td_hours_credited (start, end, 10, AT (7, 55, 0), AT (11, 5, 0)), ==, 8);
  /* Both late and early. */
  g_assert_cmpint (td_hours_credited (start, end, 10, AT (9, 0, 0), AT (10, 30, 0)), ==, 4);
  /* The whole lesson, but the lesson was filed with fewer hours than its interval. */
  g_assert_cmpint (td_hours_credited (start, end, 8, AT (7, 50, 0), AT (11, 50, 0)), ==, 8);
  g_assert_cmpint (td_hours_credited (start, end, 10, AT (7, 50, 0), AT (11, 50, 0)), ==, 10);
  /* Outside the lesson: nothing. */
  g_assert_cmpint (td_hours_credited (start, end, 10, AT (12, 0, 0), AT (13, 0, 0)), ==, 0);
  g_assert_cmpint (td_hours_credited (start, end, 10, AT (6, 0, 0), AT (8, 0, 0)), ==, 0);
}

typedef struct
{
  int start, end;
  TdHalves hours;
} Lesson;

static GHashTable *
filing_lessons (void)
{
  g_autofree char *text = example ("filing.xml");
  g_autoptr (GRegex) re = g_regex_new ("<Lesson id=\"([^\"]+)\" date=\"[^\"]+\" start=\"([^\"]+)\" "
                                       "end=\"([^\"]+)\" hours=\"([^\"]+)\"", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  GHashTable *lessons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (g_regex_match (re, text, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      Lesson *lesson = g_new0 (Lesson, 1);
      g_autofree char *start = g_match_info_fetch (match, 2);
      g_autofree char *end = g_match_info_fetch (match, 3);
      g_autofree char *hours = g_match_info_fetch (match, 4);

      lesson->start = td_time_from_iso (start);
      lesson->end = td_time_from_iso (end);
      lesson->hours = td_hours_parse (hours);
      g_assert_cmpint (lesson->hours, >=, 0);
      /* R-CLS-004: a lesson's hours are at most the class hours of its interval. */
      g_assert_cmpint (lesson->hours, <=, td_hours_of_interval (lesson->start, lesson->end));
      g_hash_table_insert (lessons, g_match_info_fetch (match, 1), lesson);
    }
  g_assert_cmpuint (g_hash_table_size (lessons), >, 0);
  return lessons;
}

/* Every record of the two attendance batches credits what R-ATT-004 says. */
static void
check_batch (GHashTable *lessons, const char *name, guint *n_partial)
{
  g_autofree char *text = example (name);
  g_autoptr (GRegex) re = g_regex_new ("<Session lesson=\"([^\"]+)\"|<Record id=\"[^\"]+\" "
                                       "status=\"([PLEVA])\"(?: in=\"([^\"]+)\" "
                                       "out=\"([^\"]+)\")? hours=\"([^\"]+)\"", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  const Lesson *lesson = NULL;
  guint records = 0;

  for (g_regex_match (re, text, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *id = g_match_info_fetch (match, 1);
      g_autofree char *status = NULL, *in = NULL, *out = NULL, *hours = NULL;
      TdHalves expected;

      if (id != NULL && *id != '\0')
        {
          lesson = g_hash_table_lookup (lessons, id);
          g_assert_nonnull (lesson);
          continue;
        }
      status = g_match_info_fetch (match, 2);
      in = g_match_info_fetch (match, 3);
      out = g_match_info_fetch (match, 4);
      hours = g_match_info_fetch (match, 5);
      if (strchr ("LE", status[0]) != NULL)
        {
          expected = td_hours_credited (lesson->start, lesson->end, lesson->hours,
                                        td_time_from_iso (in), td_time_from_iso (out));
          (*n_partial)++;
        }
      else
        expected = status[0] == 'P' ? lesson->hours : 0;
      g_assert_cmpint (td_hours_parse (hours), ==, expected);
      records++;
    }
  g_assert_cmpuint (records, >, 100);
}

static void
test_examples (void)
{
  g_autoptr (GHashTable) lessons = filing_lessons ();
  guint n_partial = 0;

  check_batch (lessons, "attendance.xml", &n_partial);
  check_batch (lessons, "attendance-2.xml", &n_partial);
  g_assert_cmpuint (n_partial, >=, 10);
}

static void
test_format (void)
{
  static const struct { TdHalves halves; const char *text; } table[] = {
    { 0, "0" }, { 1, "0.5" }, { 2, "1" }, { 8, "4" }, { 9, "4.5" }, { 240, "120" },
    { 4000, "2000" }, { 4001, "2000.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *text = td_hours_format (table[i].halves);

      g_assert_cmpstr (text, ==, table[i].text);
      g_assert_cmpint (td_hours_parse (table[i].text), ==, table[i].halves);
    }
}

static void
test_parse_strict (void)
{
  static const char *const bad[] = {
    "", " 4", "4 ", "4.50", "4.0", "04", "00", "4.", ".5", "4,5", "4.25", "2001", "10000",
    "-1", "+4", "1e2", "４", "4.5.5",
  };

  g_assert_cmpint (td_hours_parse ("1999.5"), ==, 3999);
  g_assert_cmpint (td_hours_parse ("1000"), ==, 2000);
  g_assert_cmpint (td_hours_parse ("75"), ==, 150);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_cmpint (td_hours_parse (bad[i]), ==, -1);
  g_assert_cmpint (td_hours_parse (NULL), ==, -1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hours/interval", test_interval);
  g_test_add_func ("/hours/credited", test_credited);
  g_test_add_func ("/hours/examples", test_examples);
  g_test_add_func ("/hours/format", test_format);
  g_test_add_func ("/hours/parse-strict", test_parse_strict);
  return g_test_run ();
}
