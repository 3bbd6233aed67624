/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Money in fen, rates in ten-thousandths, rounding (R-SUB-001/002/003), capital numerals. */
#include "config.h"

#include "core/td-money.h"

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
test_format (void)
{
  static const struct { TdFen fen; const char *plain, *display; } table[] = {
    { 0, "0.00", "¥0.00" },
    { 5, "0.05", "¥0.05" },
    { 120000, "1200.00", "¥1,200.00" },
    { 4530000, "45300.00", "¥45,300.00" },
    { 99999, "999.99", "¥999.99" },
    { 100000000, "1000000.00", "¥1,000,000.00" },
    { 999999999999, "9999999999.99", "¥9,999,999,999.99" },
    { -150, "-1.50", "-¥1.50" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *plain = td_money_format (table[i].fen);
      g_autofree char *display = td_money_format_display (table[i].fen);

      g_assert_cmpstr (plain, ==, table[i].plain);
      g_assert_cmpstr (display, ==, table[i].display);
    }
}

static void
test_parse (void)
{
  static const char *const bad[] = {
    "", "1200", "1200.0", "1200.000", " 1200.00", "1200.00 ", "01200.00", "00.00", "-1.00",
    "1,200.00", "¥1200.00", "12345678901.00", ".50", "1200.a0", "１２００.００",
  };
  TdFen fen = -1;

  g_assert_true (td_money_parse ("1200.00", &fen));
  g_assert_cmpint (fen, ==, 120000);
  g_assert_true (td_money_parse ("0.05", &fen));
  g_assert_cmpint (fen, ==, 5);
  g_assert_true (td_money_parse ("9999999999.99", &fen));
  g_assert_cmpint (fen, ==, 999999999999);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (td_money_parse (bad[i], &fen));
  g_assert_false (td_money_parse (NULL, &fen));
}

static void
test_parse_lenient (void)
{
  static const struct { const char *text; TdFen fen; } good[] = {
    { "1,200", 120000 }, { "1200.5", 120050 }, { "¥1200", 120000 }, { "￥1,200.00", 120000 },
    { " １２００．５ ", 120050 }, { "1200元", 120000 }, { "0.05", 5 }, { "45,300.00", 4530000 },
  };
  static const char *const bad[] = { "", "abc", "12.345", "1200.", ".5", "-5", "1 200x", "¥" };
  TdFen fen;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      fen = -1;
      g_assert_true (td_money_parse_lenient (good[i].text, &fen));
      g_assert_cmpint (fen, ==, good[i].fen);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (td_money_parse_lenient (bad[i], &fen));
}

static void
test_rates (void)
{
  static const struct { const char *text; TdRate rate; } good[] = {
    { "0", 0 }, { "1", 10000 }, { "0.8", 8000 }, { "0.9500", 9500 }, { "0.9533", 9533 },
    { "0.0001", 1 }, { "1.0", 10000 }, { "1.0000", 10000 }, { "0.05", 500 },
  };
  static const char *const bad[] = {
    "", "0.", "0.95001", "1.01", "1.5", "2", "-0.5", ".5", " 0.8", "0.8 ", "00.8", "0,8",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_cmpint (td_rate_parse (good[i].text), ==, good[i].rate);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_cmpint (td_rate_parse (bad[i]), ==, -1);
  g_assert_cmpint (td_rate_parse (NULL), ==, -1);

  {
    g_autofree char *a = td_rate_format (9800);
    g_autofree char *b = td_rate_format (10000);
    g_autofree char *c = td_rate_format (0);
    g_autofree char *d = td_rate_format (5);

    g_assert_cmpstr (a, ==, "0.9800");
    g_assert_cmpstr (b, ==, "1.0000");
    g_assert_cmpstr (c, ==, "0.0000");
    g_assert_cmpstr (d, ==, "0.0005");
  }
}

static void
test_rate_of (void)
{
  /* R-SUB-001: credited hours / planned hours, half up to four decimals.  The example class
   * has 150 hours; its claim writes 0.9933 for 149, 0.9867 for 148, 0.8000 for 120. */
  g_assert_cmpint (td_rate_of (149, 150), ==, 9933);
  g_assert_cmpint (td_rate_of (148, 150), ==, 9867);
  g_assert_cmpint (td_rate_of (143, 150), ==, 9533);
  g_assert_cmpint (td_rate_of (120, 150), ==, 8000);
  g_assert_cmpint (td_rate_of (150, 150), ==, 10000);
  /* Exactly half a ten-thousandth goes up (not to even). */
  g_assert_cmpint (td_rate_of (1, 32), ==, 313);       /* 0.03125 */
  g_assert_cmpint (td_rate_of (3, 32), ==, 938);       /* 0.09375 */
  g_assert_cmpint (td_rate_of (1, 20000), ==, 1);      /* 0.00005 */
  g_assert_cmpint (td_rate_of (16001, 20000), ==, 8001);  /* 0.80005 */
  g_assert_cmpint (td_rate_of (15999, 20000), ==, 8000);  /* 0.79995 */
  g_assert_cmpint (td_rate_of (1, 30000), ==, 0);      /* 0.0000333 */
  g_assert_cmpint (td_rate_of (2, 3), ==, 6667);
  g_assert_cmpint (td_rate_of (1, 3), ==, 3333);
  g_assert_cmpint (td_rate_of (0, 150), ==, 0);
  g_assert_cmpint (td_rate_of (5, 0), ==, 0);
  /* Halves over halves is the same rate as hours over hours. */
  g_assert_cmpint (td_rate_of (297, 300), ==, td_rate_of (1485, 1500));
}

/* Every attendanceRate of the example claim is k/150 rounded half up, for some k. */
static void
test_claim_rates (void)
{
  g_autofree char *text = example ("claim.xml");
  g_autoptr (GRegex) re = g_regex_new ("attendanceRate=\"([^\"]+)\" standard=\"([^\"]+)\" "
                                       "uplift=\"([^\"]+)\" amount=\"([^\"]+)\"", 0, 0, NULL);
  g_autoptr (GRegex) total_re = g_regex_new ("<Total count=\"(\\d+)\" amount=\"([^\"]+)\"",
                                             0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *total_text = NULL;
  TdFen sum = 0, total = 0;
  guint lines = 0;

  for (g_regex_match (re, text, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *rate_text = g_match_info_fetch (match, 1);
      g_autofree char *standard_text = g_match_info_fetch (match, 2);
      g_autofree char *uplift_text = g_match_info_fetch (match, 3);
      g_autofree char *amount_text = g_match_info_fetch (match, 4);
      g_autofree char *rate_again = NULL;
      TdRate rate = td_rate_parse (rate_text);
      TdFen standard, uplift, amount;
      gboolean found = FALSE;

      for (int k = 0; k <= 150 && !found; k++)
        found = td_rate_of (k, 150) == rate;
      g_assert_true (found);
      rate_again = td_rate_format (rate);
      g_assert_cmpstr (rate_again, ==, rate_text);
      g_assert_true (td_money_parse (standard_text, &standard));
      g_assert_true (td_money_parse (uplift_text, &uplift));
      g_assert_true (td_money_parse (amount_text, &amount));
      /* R-SUB-003: uplift is standard × EmploymentUpliftRate (0.2) or 0. */
      g_assert_true (uplift == 0
                     || uplift == td_money_times_rate (standard, td_rate_parse ("0.2")));
      g_assert_cmpint (amount, ==, standard + uplift);
      sum += amount;
      lines++;
    }
  g_clear_pointer (&match, g_match_info_free);
  g_assert_true (g_regex_match (total_re, text, 0, &match));
  total_text = g_match_info_fetch (match, 2);
  g_assert_true (td_money_parse (total_text, &total));
  g_assert_cmpuint (lines, ==, 26);
  g_assert_cmpint (sum, ==, total);
  g_assert_cmpint (total, ==, 4530000);
}

static void
test_rounding (void)
{
  /* fen × rate, half away from zero to whole fen. */
  g_assert_cmpint (td_money_times_rate (150000, 2000), ==, 30000);
  g_assert_cmpint (td_money_times_rate (12345, 5000), ==, 6173);    /* 61.725 → 61.73 */
  g_assert_cmpint (td_money_times_rate (-12345, 5000), ==, -6173);  /* −61.725 → −61.73 */
  g_assert_cmpint (td_money_times_rate (12345, 4999), ==, 6171);    /* 61.7126… */
  g_assert_cmpint (td_money_times_rate (1, 5000), ==, 1);           /* 0.005 → 0.01 */
  g_assert_cmpint (td_money_times_rate (1, 4999), ==, 0);
  g_assert_cmpint (td_money_times_rate (333, 1500), ==, 50);        /* 0.4995 → 0.50 */
  g_assert_cmpint (td_money_times_rate (999999999999, 10000), ==, 999999999999);
  g_assert_cmpint (td_money_times_rate (150000, 0), ==, 0);
  /* per hour × halves / 2 (R-SUB-002). */
  g_assert_cmpint (td_money_times_halves (1000, 300), ==, 150000);  /* 10.00 × 150 h */
  g_assert_cmpint (td_money_times_halves (1000, 9), ==, 4500);      /* 10.00 × 4.5 h */
  g_assert_cmpint (td_money_times_halves (1001, 1), ==, 501);       /* 5.005 → 5.01 */
  g_assert_cmpint (td_money_times_halves (1001, 3), ==, 1502);      /* 15.015 → 15.02 */
  g_assert_cmpint (td_money_times_halves (-1001, 1), ==, -501);
  g_assert_cmpint (td_money_times_halves (1001, 0), ==, 0);
}

static void
test_capital (void)
{
  static const struct { TdFen fen; const char *words; } table[] = {
    { 4530000, "肆万伍仟叁佰元整" },
    { 1050, "壹拾元伍角" },
    { 100001000, "壹佰万零壹拾元整" },
    { 5, "伍分" },
    { 0, "零元整" },
    { 100500, "壹仟零伍元整" },
    { 105, "壹元零伍分" },
    { 1234560, "壹万贰仟叁佰肆拾伍元陆角" },
    { G_GINT64_CONSTANT (10000000000), "壹亿元整" },
    { G_GINT64_CONSTANT (10001000000), "壹亿零壹万元整" },
    { 1000, "壹拾元整" },
    { 50, "伍角" },
    { 15, "壹角伍分" },
    { 100, "壹元整" },
    { 150000, "壹仟伍佰元整" },
    { 180000, "壹仟捌佰元整" },
    { 1000000, "壹万元整" },
    { 1010000, "壹万零壹佰元整" },
    { 1001000, "壹万零壹拾元整" },
    { 10100000, "壹拾万壹仟元整" },
    { 20010000, "贰拾万零壹佰元整" },
    { 168032, "壹仟陆佰捌拾元叁角贰分" },
    { 10700053, "壹拾万柒仟元伍角叁分" },
    { G_GINT64_CONSTANT (10000100000), "壹亿零壹仟元整" },
    { G_GINT64_CONSTANT (10010000000), "壹亿零壹拾万元整" },
    { G_GINT64_CONSTANT (12000000000), "壹亿贰仟万元整" },
    { G_GINT64_CONSTANT (123456789012), "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分" },
    { G_GINT64_CONSTANT (100000000000000), "壹万亿元整" },
    { G_GINT64_CONSTANT (100000000000100), "壹万亿零壹元整" },
    { G_GINT64_CONSTANT (999999999999), "玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
    { -1050, "负壹拾元伍角" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *words = td_money_capital (table[i].fen);

      g_assert_cmpstr (words, ==, table[i].words);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/parse-lenient", test_parse_lenient);
  g_test_add_func ("/money/rates", test_rates);
  g_test_add_func ("/money/rate-of", test_rate_of);
  g_test_add_func ("/money/claim-example", test_claim_rates);
  g_test_add_func ("/money/rounding", test_rounding);
  g_test_add_func ("/money/capital", test_capital);
  return g_test_run ();
}
