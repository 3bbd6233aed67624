/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unified social credit codes: GB 32100 shape and check character (R-ORG-001). */
#include "config.h"

#include <string.h>

#include "core/td-credit-code.h"

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
test_check_char (void)
{
  /* The standard's example, the institution of the examples, and a check value of 31 → 0. */
  g_assert_cmpint (td_credit_code_check_char ("91350100M000100Y4"), ==, '3');
  g_assert_cmpint (td_credit_code_check_char ("52371502MJD123456"), ==, '3');
  g_assert_cmpint (td_credit_code_check_char ("91371502MA3C00129"), ==, '0');
  g_assert_cmpint (td_credit_code_check_char ("91371502MA3C00104"), ==, 'E');
  /* I, O, S, V and Z are not in the character set. */
  g_assert_cmpint (td_credit_code_check_char ("91350100M000100I4"), ==, 0);
  g_assert_cmpint (td_credit_code_check_char ("91350100MO00100Y4"), ==, 0);
  g_assert_cmpint (td_credit_code_check_char ("9135010"), ==, 0);

  g_assert_true (td_credit_code_check_ok ("91350100M000100Y43"));
  g_assert_false (td_credit_code_check_ok ("91350100M000100Y44"));
  g_assert_false (td_credit_code_check_ok ("91350100M000100Y4"));
  g_assert_false (td_credit_code_check_ok (NULL));
}

static void
test_well_formed (void)
{
  g_assert_true (td_credit_code_well_formed ("91350100M000100Y43"));
  /* A wrong check character is still well formed (R-ORG-001 is only a warning). */
  g_assert_true (td_credit_code_well_formed ("91350100M000100Y44"));
  g_assert_false (td_credit_code_well_formed ("91350100M000100Y4"));
  g_assert_false (td_credit_code_well_formed ("91350100M000100Y435"));
  g_assert_false (td_credit_code_well_formed ("91350100m000100Y43"));
  /* Positions 3–8 are the region: digits only. */
  g_assert_false (td_credit_code_well_formed ("9135A100M000100Y43"));
  g_assert_false (td_credit_code_well_formed ("91350100M000100S43"));
  g_assert_false (td_credit_code_well_formed ("Z1350100M000100Y43"));
  g_assert_false (td_credit_code_well_formed (""));
  g_assert_false (td_credit_code_well_formed (NULL));
}

static void
test_normalize (void)
{
  g_autofree char *a = td_credit_code_normalize ("  91350100m000100y43 ");
  g_autofree char *b = td_credit_code_normalize ("\u3000９１３５０１００Ｍ０００１００ｙ４３");
  g_autofree char *c = td_credit_code_normalize ("");

  g_assert_cmpstr (a, ==, "91350100M000100Y43");
  g_assert_cmpstr (b, ==, "91350100M000100Y43");
  g_assert_cmpstr (c, ==, "");
  g_assert_true (td_credit_code_check_ok (a));
}

/* Every credit code of the examples: the institution's (CreditCode elements) and the
 * employers of the follow-up (Employer/@creditCode).  All 20 distinct codes pass GB 32100;
 * none of the follow-up's employer codes fails the check. */
static void
test_examples (void)
{
  static const char *const files[] = { "filing.xml", "roster.xml", "attendance.xml",
                                       "attendance-2.xml", "notice.xml", "assessment.xml",
                                       "followup.xml", "claim.xml", "quarterly.xml" };
  g_autoptr (GRegex) re = g_regex_new ("<CreditCode>([^<]*)</CreditCode>|"
                                       "creditCode=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) failing = g_ptr_array_new_with_free_func (g_free);
  guint employers = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *text = example (files[i]);
      g_autoptr (GMatchInfo) match = NULL;

      for (g_regex_match (re, text, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          g_autofree char *a = g_match_info_fetch (match, 1);
          g_autofree char *b = g_match_info_fetch (match, 2);
          const char *code = a != NULL && *a != '\0' ? a : b;

          if (code == b)
            employers++;
          g_assert_true (td_credit_code_well_formed (code));
          if (!td_credit_code_check_ok (code))
            g_ptr_array_add (failing, g_strdup (code));
          g_hash_table_add (seen, g_strdup (code));
        }
    }
  g_assert_cmpuint (employers, ==, 19);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 20);
  g_assert_cmpuint (failing->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/credit-code/check-char", test_check_char);
  g_test_add_func ("/credit-code/well-formed", test_well_formed);
  g_test_add_func ("/credit-code/normalize", test_normalize);
  g_test_add_func ("/credit-code/examples", test_examples);
  return g_test_run ();
}
