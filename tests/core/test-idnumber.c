/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Citizen id numbers: GB 11643 check digit (R-ID-001), birth date and gender (R-ID-002),
 * what people type (full width, lower x, 15 digits), and the messages they read. */
#include "config.h"

#include <string.h>

#include "core/td-idnumber.h"

#define TODAY "2026-06-01"

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

/* 17 digits + their check character. */
static char *
with_check (const char *id17)
{
  char c = td_id_number_check_char (id17);

  g_assert_cmpint (c, !=, 0);
  return g_strdup_printf ("%s%c", id17, c);
}

static void
assert_refused (const char *input, TdIdNumberError code, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = td_id_number_normalize (input, TODAY, &error);

  g_assert_null (id);
  g_assert_error (error, TD_ID_NUMBER_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_normalized (const char *input, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = td_id_number_normalize (input, TODAY, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, expected);
}

static void
test_check_char (void)
{
  /* The standard's own example and ids of the bureau's examples. */
  g_assert_cmpint (td_id_number_check_char ("11010519491231002"), ==, 'X');
  g_assert_cmpint (td_id_number_check_char ("37152419860620418"), ==, 'X');
  g_assert_cmpint (td_id_number_check_char ("37150219800512022"), ==, '2');
  g_assert_cmpint (td_id_number_check_char ("37150320010322007"), ==, '1');
  g_assert_cmpint (td_id_number_check_char ("3715021980051202A"), ==, 0);
  g_assert_cmpint (td_id_number_check_char ("3715021980"), ==, 0);

  g_assert_true (td_id_number_check_digit_ok ("11010519491231002X"));
  g_assert_true (td_id_number_check_digit_ok ("371502198005120222"));
  g_assert_false (td_id_number_check_digit_ok ("371502198005120223"));
  g_assert_false (td_id_number_check_digit_ok ("11010519491231002x"));  /* upper-case only */
  g_assert_false (td_id_number_check_digit_ok ("37150219800512022"));
  g_assert_false (td_id_number_check_digit_ok ("3715021980051202222"));
  g_assert_false (td_id_number_check_digit_ok (NULL));
}

/* Every citizen id in the bureau's examples: IdNumber elements and the id attributes of
 * Record, Result, Line and Withdrawal. */
static void
test_examples (void)
{
  static const char *const files[] = { "filing.xml", "roster.xml", "attendance.xml",
                                       "attendance-2.xml", "notice.xml", "assessment.xml",
                                       "followup.xml", "claim.xml" };
  g_autoptr (GRegex) re = g_regex_new ("<IdNumber>([^<]*)</IdNumber>|"
                                       "<(?:Record|Result|Line|Withdrawal) id=\"([^\"]*)\"",
                                       0, 0, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *text = example (files[i]);
      g_autoptr (GMatchInfo) match = NULL;

      for (g_regex_match (re, text, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          g_autofree char *a = g_match_info_fetch (match, 1);
          g_autofree char *b = g_match_info_fetch (match, 2);
          const char *id = a != NULL && *a != '\0' ? a : b;
          g_autoptr (GError) error = NULL;
          g_autofree char *normal = td_id_number_normalize (id, "2026-02-20", &error);

          g_assert_no_error (error);
          g_assert_cmpstr (normal, ==, id);
          g_assert_true (td_id_number_check_digit_ok (id));
          g_hash_table_add (seen, g_strdup (id));
        }
    }
  /* 40 people: 37 trainees (some withdrawn) and 3 teachers. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 40);
}

/* R-ID-002 on the roster: the id's birth date is BirthDate and its parity is Gender. */
static void
test_roster_birth_and_gender (void)
{
  g_autofree char *text = example ("roster.xml");
  g_autoptr (GRegex) re = g_regex_new ("<IdNumber>([^<]*)</IdNumber>.*?<Gender>([12])</Gender>"
                                       "\\s*<BirthDate>([^<]*)</BirthDate>",
                                       G_REGEX_DOTALL, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  guint n = 0;

  for (g_regex_match (re, text, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *id = g_match_info_fetch (match, 1);
      g_autofree char *gender = g_match_info_fetch (match, 2);
      g_autofree char *birth = g_match_info_fetch (match, 3);
      char out[11];

      g_assert_true (td_id_number_birth_date (id, out));
      g_assert_cmpstr (out, ==, birth);
      g_assert_cmpint (td_id_number_gender (id), ==, gender[0] - '0');
      n++;
    }
  g_assert_cmpuint (n, >=, 30);
}

static void
test_normalize_typing (void)
{
  assert_normalized ("371502198005120222", "371502198005120222");
  assert_normalized ("  371502198005120222\t", "371502198005120222");
  assert_normalized ("11010519491231002x", "11010519491231002X");
  /* Full-width digits and letter, and an ideographic space around them. */
  assert_normalized ("\u3000３７１５２４１９８６０６２０４１８ｘ\u3000", "37152419860620418X");
  assert_normalized ("３７１５２４１９８６０６２０４１８Ｘ", "37152419860620418X");
}

static void
test_upgrade_15 (void)
{
  /* "19" goes in after the region and a check digit is computed. */
  assert_normalized ("371502800512022", "371502198005120222");
  assert_normalized ("110105491231002", "11010519491231002X");
  assert_normalized ("１１０１０５４９１２３１００２", "11010519491231002X");
  /* The 15-digit number's date is read in the 1900s, and checked. */
  assert_refused ("371502800230022", TD_ID_NUMBER_ERROR_BIRTH_DATE,
                  "The birth date 19800230 is not a real date.");
  assert_refused ("37150280051202X", TD_ID_NUMBER_ERROR_CHARACTERS,
                  "Only the last character of an id number may be X; here character 15 is.");
}

static void
test_errors (void)
{
  assert_refused ("", TD_ID_NUMBER_ERROR_EMPTY, "No id number was entered.");
  assert_refused ("   ", TD_ID_NUMBER_ERROR_EMPTY, "No id number was entered.");
  assert_refused (NULL, TD_ID_NUMBER_ERROR_EMPTY, "No id number was entered.");
  assert_refused ("37150219800512022\xff", TD_ID_NUMBER_ERROR_CHARACTERS,
                  "The id number is not valid text.");
  assert_refused ("37150219800512022中", TD_ID_NUMBER_ERROR_CHARACTERS,
                  "Character 18 of the id number is not a digit.");
  assert_refused ("37150219800512022", TD_ID_NUMBER_ERROR_LENGTH,
                  "An id number has 18 characters; this one has 17.");
  assert_refused ("3715021980051202221", TD_ID_NUMBER_ERROR_LENGTH,
                  "An id number has 18 characters; this one has 19.");
  assert_refused ("3715021980O5120222", TD_ID_NUMBER_ERROR_CHARACTERS,
                  "Character 11 of the id number is not a digit.");
  assert_refused ("37150219800512022Y", TD_ID_NUMBER_ERROR_CHARACTERS,
                  "The last character of an id number is a digit or X, not “Y”.");
  assert_refused ("3715021980051X0222", TD_ID_NUMBER_ERROR_CHARACTERS,
                  "Only the last character of an id number may be X; here character 14 is.");
  assert_refused ("071502198005120222", TD_ID_NUMBER_ERROR_REGION,
                  "An id number cannot start with 0: its first six digits are a region.");
  assert_refused ("371502198002300222", TD_ID_NUMBER_ERROR_BIRTH_DATE,
                  "The birth date 19800230 is not a real date.");
  assert_refused ("371502198013010222", TD_ID_NUMBER_ERROR_BIRTH_DATE,
                  "The birth date 19801301 is not a real date.");
  assert_refused ("371502198005120223", TD_ID_NUMBER_ERROR_CHECK_DIGIT,
                  "The check digit should be 2, not 3.");
  assert_refused ("371524198606204181", TD_ID_NUMBER_ERROR_CHECK_DIGIT,
                  "The check digit should be X, not 1.");
}

static void
test_birth_dates (void)
{
  g_autofree char *leap_2000 = with_check ("37150220000229001");
  g_autofree char *leap_1900 = with_check ("37150219000229001");
  g_autofree char *leap_2100 = with_check ("37150221000229001");
  g_autofree char *new_year = with_check ("37150219991231001");
  g_autofree char *today = with_check ("37150220260601001");
  g_autofree char *tomorrow = with_check ("37150220260602001");
  g_autofree char *old = with_check ("37150217991231001");
  char out[11];

  assert_normalized (leap_2000, leap_2000);
  g_assert_true (td_id_number_birth_date (leap_2000, out));
  g_assert_cmpstr (out, ==, "2000-02-29");
  /* 1900 and 2100 are not leap years. */
  assert_refused (leap_1900, TD_ID_NUMBER_ERROR_BIRTH_DATE,
                  "The birth date 19000229 is not a real date.");
  g_assert_false (td_id_number_birth_date (leap_1900, out));
  g_assert_cmpstr (out, ==, "");
  assert_refused (leap_2100, TD_ID_NUMBER_ERROR_BIRTH_DATE,
                  "The birth date 21000229 is not a real date.");
  assert_normalized (new_year, new_year);
  /* Born today is fine; born tomorrow is not (R-ID-002: not after the date of created). */
  assert_normalized (today, today);
  assert_refused (tomorrow, TD_ID_NUMBER_ERROR_BIRTH_DATE,
                  "The birth date 20260602 is after today (2026-06-01).");
  assert_refused (old, TD_ID_NUMBER_ERROR_BIRTH_DATE, "The birth date 17991231 is before 1800.");
}

static void
test_today_default (void)
{
  g_autofree char *future = with_check ("37150220991231001");
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;

  /* Without @today_iso the real date (TD_TODAY when set) bounds the birth date. */
  g_setenv ("TD_TODAY", "2026-06-01", TRUE);
  id = td_id_number_normalize (future, NULL, &error);
  g_assert_null (id);
  g_assert_error (error, TD_ID_NUMBER_ERROR, TD_ID_NUMBER_ERROR_BIRTH_DATE);
  g_clear_error (&error);
  g_setenv ("TD_TODAY", "2100-01-01", TRUE);
  id = td_id_number_normalize (future, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, future);
  g_unsetenv ("TD_TODAY");
}

static void
test_reading (void)
{
  char region[7];

  /* Odd 17th digit is a man, even a woman. */
  g_assert_cmpint (td_id_number_gender ("371503200103220071"), ==, 1);
  g_assert_cmpint (td_id_number_gender ("371502198005120222"), ==, 2);
  g_assert_cmpint (td_id_number_gender ("37152419860620418X"), ==, 2);
  g_assert_cmpint (td_id_number_gender ("3715"), ==, 0);

  td_id_number_region ("371502198005120222", region);
  g_assert_cmpstr (region, ==, "371502");
  td_id_number_region ("3715", region);
  g_assert_cmpstr (region, ==, "");

  /* Age in whole years: the birthday itself counts. */
  g_assert_cmpint (td_id_number_age_on ("371502198005120222", "2026-05-11"), ==, 45);
  g_assert_cmpint (td_id_number_age_on ("371502198005120222", "2026-05-12"), ==, 46);
  g_assert_cmpint (td_id_number_age_on ("371502198005120222", "1979-01-01"), ==, -1);
  g_assert_cmpint (td_id_number_age_on ("371502198005120222", "2026-5-12"), ==, -1);
  g_assert_cmpint (td_id_number_age_on ("371502198002300222", "2026-05-12"), ==, -1);
}

static void
test_leap_day_age (void)
{
  g_autofree char *leap = with_check ("37150220000229001");

  /* A 29 February birthday is reached on 1 March in other years. */
  g_assert_cmpint (td_id_number_age_on (leap, "2016-02-28"), ==, 15);
  g_assert_cmpint (td_id_number_age_on (leap, "2016-02-29"), ==, 16);
  g_assert_cmpint (td_id_number_age_on (leap, "2017-02-28"), ==, 16);
  g_assert_cmpint (td_id_number_age_on (leap, "2017-03-01"), ==, 17);
}

static void
test_mask (void)
{
  g_autofree char *a = td_id_number_mask ("371502198005120222");
  g_autofree char *b = td_id_number_mask ("37152419860620418X");
  g_autofree char *c = td_id_number_mask ("12345");

  g_assert_cmpstr (a, ==, "371502********0222");
  g_assert_cmpstr (b, ==, "371524********418X");
  g_assert_cmpstr (c, ==, "*****");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/idnumber/check-char", test_check_char);
  g_test_add_func ("/idnumber/examples", test_examples);
  g_test_add_func ("/idnumber/roster-birth-and-gender", test_roster_birth_and_gender);
  g_test_add_func ("/idnumber/normalize/typing", test_normalize_typing);
  g_test_add_func ("/idnumber/normalize/15-digits", test_upgrade_15);
  g_test_add_func ("/idnumber/normalize/errors", test_errors);
  g_test_add_func ("/idnumber/normalize/birth-dates", test_birth_dates);
  g_test_add_func ("/idnumber/normalize/today", test_today_default);
  g_test_add_func ("/idnumber/reading", test_reading);
  g_test_add_func ("/idnumber/leap-day-age", test_leap_day_age);
  g_test_add_func ("/idnumber/mask", test_mask);
  return g_test_run ();
}
