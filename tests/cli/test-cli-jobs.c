/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The verbs for the jobs of the GUI's forms, run as a user runs them on the demo data as of
 * 2026-11-26: institution show|set, class show, withdraw, cancel, list packets|results|
 * follow-ups|claim, packet-file; their output, their refusals and exit statuses, --help. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cli-run.h"

#define INSTITUTION \
  "credit_code=52371502MJD1234563\n" \
  "name=聊城市东昌府区光岳职业培训学校\n" \
  "license_no=教民137150270000123号\n" \
  "region=371502\n" \
  "contact_name=王立新\n" \
  "contact_phone=0635-8212345\n" \
  "legal_rep=王立新\n" \
  "account_name=聊城市东昌府区光岳职业培训学校\n" \
  "bank=中国工商银行聊城分行营业部\n" \
  "account=1610001234567890123\n"

static void
test_institution (CliFixture *f, gconstpointer data)
{
  g_auto (CliRun) r = { 0 };

  CLI (&r, f, "institution", "set", "name=x");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  CLI (&r, f, "init");
  CLI (&r, f, "institution", "show");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "No institution is set up yet: use institution set "
                              "KEY=VALUE…\n");
  g_assert_cmpstr (r.out, ==, "");

  /* a first profile without a contact is refused by the store's rule */
  CLI (&r, f, "institution", "set", "credit_code=52371502MJD1234563", "name=光岳职业培训学校",
       "region=东昌府区");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "The contact's name is required.\n");

  /* every bad value named, nothing changed */
  CLI (&r, f, "institution", "set", "credit_code=52371502MJD1234560", "region=999",
       "contact_phone=12345", "colour=blue", "name=x");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "credit_code: the last character should be 3, not 0 "
                                   "(GB 32100, R-ORG-001)."));
  g_assert_nonnull (strstr (r.err, "region: “999” is not a division of Liaocheng"));
  g_assert_nonnull (strstr (r.err, "contact_phone: "));
  g_assert_nonnull (strstr (r.err, "“colour=blue” is not KEY=VALUE"));
  g_assert_true (g_str_has_suffix (r.err, "Nothing was changed.\n"));

  /* normalised as the first-run form does: full-width, names of regions, phone spaces */
  CLI (&r, f, "institution", "set", "credit_code=５２371502mjd1234563", "name=光岳职业培训学校",
       "region=东昌府区", "contact_name=王立新", "contact_phone=0635 8212345");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpstr (r.out, ==, "credit_code=52371502MJD1234563\nname=光岳职业培训学校\n"
                              "license_no=\nregion=371502\ncontact_name=王立新\n"
                              "contact_phone=0635-8212345\nlegal_rep=\naccount_name=\nbank=\n"
                              "account=\n");

  /* a wrong check character is kept only when asked */
  CLI (&r, f, "institution", "set", "--keep-check-character", "credit_code=52371502MJD1234560");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "credit_code=52371502MJD1234560\n"));
}

static void
test_institution_demo (CliFixture *f, gconstpointer data)
{
  g_auto (CliRun) r = { 0 };

  cli_init_demo (f);
  CLI (&r, f, "institution", "show");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, INSTITUTION);
  CLI (&r, f, "institution", "set", "bank=", "legal_rep=李卫东");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\nlegal_rep=李卫东\n"));
  g_assert_nonnull (strstr (r.out, "\nbank=\n"));
  CLI (&r, f, "institution", "show", "extra");
  g_assert_cmpint (r.status, ==, 2);
  CLI (&r, f, "institution", "set");
  g_assert_cmpint (r.status, ==, 2);
}

static void
test_class_show (CliFixture *f, gconstpointer data)
{
  g_auto (CliRun) r = { 0 };

  cli_init_demo (f);
  CLI (&r, f, "class", "show", "YL2026-011");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "code=YL2026-011\n"
                                          "title=养老护理员（五级）就业技能培训2026年第11期\n"
                                          "status=finished\nfiling_no=LC2026-000121\n"
                                          "catalog_version=2026-1\nitem=4-10-01-05\n"
                                          "item_name=养老护理员\nlevel=5\n"));
  g_assert_nonnull (strstr (r.out, "\nstart=2026-06-19\nend=2026-07-09\ntheory=60\n"
                                   "practice=60\nonline=16\nplanned_size=40\nenrolled=25\n"));
  g_assert_nonnull (strstr (r.out, "\nteachers=2\nlessons=30\ncancel_date=\n"));
  CLI (&r, f, "class", "show", "XX2026-999");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "There is no class with the code XX2026-999.\n");
  CLI (&r, f, "class", "drop", "YL2026-011");
  g_assert_cmpint (r.status, ==, 2);
  CLI (&r, f, "class", "show");
  g_assert_cmpint (r.status, ==, 2);
}

static void
test_withdraw (CliFixture *f, gconstpointer data)
{
  g_auto (CliRun) r = { 0 };
  g_auto (GStrv) ids = NULL;

  cli_init_demo (f);
  CLI (&r, f, "list", "trainees", "--class", "DG2026-021", "--show-id");
  ids = cli_lines (r.out);
  ids[0][18] = '\0';            /* the id, before the first tab */

  CLI (&r, f, "withdraw", "--class", "DG2026-021", "--id", "371502199001011234", "--date",
       "2026-11-20", "--reason", "找到工作");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "No trainee with id number 371502199001011234 is on the roster "
                              "of class DG2026-021.\n");
  CLI (&r, f, "withdraw", "--class", "DG2026-021", "--id", ids[0], "--date", "2026-11-10",
       "--reason", "找到工作");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "A withdrawal is dated within the class, 2026-11-17 to "
                              "2026-12-07 (R-NOT-002).\n");
  CLI (&r, f, "withdraw", "--class", "DG2026-021", "--id", ids[0], "--date", "soon",
       "--reason", "找到工作");
  g_assert_cmpint (r.status, ==, 2);
  CLI (&r, f, "withdraw", "--class", "DG2026-021", "--id", ids[0], "--date", "2026-11-20");
  g_assert_cmpint (r.status, ==, 2);

  CLI (&r, f, "withdraw", "--class", "DG2026-021", "--id", ids[0], "--date", "2026/11/20",
       "--reason", "找到工作");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "吴凤英 (371502********8383) withdrew from class DG2026-021 on "
                              "2026-11-20.\n");
  CLI (&r, f, "withdraw", "--class", "DG2026-021", "--id", ids[0], "--date", "2026-11-21",
       "--reason", "again");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "吴凤英 already withdrew from class DG2026-021 on 2026-11-20.\n");
  CLI (&r, f, "class", "show", "DG2026-021");
  g_assert_nonnull (strstr (r.out, "\nenrolled=29\n"));
}

static void
test_cancel (CliFixture *f, gconstpointer data)
{
  g_auto (CliRun) r = { 0 };

  cli_init_demo (f);
  CLI (&r, f, "cancel", "--class", "JZ2026-031", "--date", "2026-12-26", "--reason", "生源不足");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "A class can be cancelled on or before its end date 2026-12-25 "
                              "(R-NOT-001).\n");
  CLI (&r, f, "cancel", "--class", "JZ2026-031", "--date", "2026-11-26");
  g_assert_cmpint (r.status, ==, 2);
  CLI (&r, f, "cancel", "--class", "JZ2026-031", "--date", "2026-11-26", "--reason", "生源不足");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "Class JZ2026-031 is cancelled as of 2026-11-26.\n");
  CLI (&r, f, "cancel", "--class", "JZ2026-031", "--date", "2026-11-26", "--reason", "生源不足");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "Class JZ2026-031 was already cancelled on 2026-11-26.\n");
  CLI (&r, f, "list", "classes");
  g_assert_nonnull (strstr (r.out, "JZ2026-031\t家政服务员（五级）就业技能培训2026年第31期\t"
                                   "cancelled\t"));
}

static void
test_list_packets (CliFixture *f, gconstpointer data)
{
  g_auto (CliRun) r = { 0 };
  g_auto (GStrv) all = NULL, lines = NULL;
  static const char *const kinds[] = { "claim", "followup", "assessment", "attendance",
                                       "attendance", "notice", "roster", "filing" };

  cli_init_demo (f);
  CLI (&r, f, "list", "packets");
  g_assert_cmpint (r.status, ==, 0);
  all = cli_lines (r.out);
  g_assert_cmpuint (g_strv_length (all), ==, 21);
  for (guint i = 0; all[i] != NULL; i++)
    g_assert_true (g_regex_match_simple ("^[0-9a-f-]{36}\t[a-z]+\t2026-[0-9-]{5}T[0-9:]{8}"
                                         "\\+08:00\taccepted\t(LC2026-[0-9]{6})?\t[0-9a-f]{12}$",
                                         all[i], 0, 0));
  CLI (&r, f, "list", "packets", "--class", "CY2026-004");
  g_assert_cmpint (r.status, ==, 0);
  lines = cli_lines (r.out);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpstr (cells[1], ==, kinds[i]);
    }
  g_assert_true (g_str_has_suffix (lines[7], "\tfiling\t2026-08-12T09:30:00+08:00\taccepted\t"
                                             "LC2026-000122\t3890da376940"));
  CLI (&r, f, "list", "packets", "--class", "XX");
  g_assert_cmpint (r.status, ==, 1);
}

/* packet-file writes what the log holds, byte for byte. */
static void
test_packet_file (CliFixture *f, gconstpointer data)
{
  g_auto (CliRun) r = { 0 };
  g_auto (GStrv) lines = NULL, cells = NULL;
  g_autofree char *out = cli_path (f, "filing.xml");
  g_autofree char *written = NULL, *expected = NULL;
  gsize len = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  cli_init_demo (f);
  CLI (&r, f, "list", "packets", "--class", "CY2026-004");
  lines = cli_lines (r.out);
  cells = g_strsplit (lines[7], "\t", -1);
  CLI (&r, f, "packet-file", cells[0]);
  g_assert_cmpint (r.status, ==, 2);
  CLI (&r, f, "packet-file", cells[0], "-o", "filing.pdf");
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "traindesk-cli packet-file: the output file name must end in "
                              ".xml\n");
  CLI (&r, f, "packet-file", "no-such-packet", "-o", out);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "No packet with the id no-such-packet was written by this "
                              "database.\n");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  CLI (&r, f, "packet-file", cells[0], "-o", out);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, expected = g_strdup_printf ("%s\n", out));
  g_assert_true (g_file_get_contents (out, &written, &len, NULL));

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT content FROM packet_content WHERE packet_id = ?", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, cells[0], -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpuint (len, ==, (gsize) sqlite3_column_bytes (stmt, 0));
  g_assert_cmpmem (written, len, sqlite3_column_blob (stmt, 0), len);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_nonnull (strstr (written, "<Class code=\"CY2026-004\""));
}

static void
test_list_records (CliFixture *f, gconstpointer data)
{
  g_auto (CliRun) r = { 0 };
  g_auto (GStrv) results = NULL, follow_ups = NULL, claim = NULL;

  cli_init_demo (f);
  CLI (&r, f, "list", "results", "--class", "YL2026-011");
  g_assert_cmpint (r.status, ==, 0);
  results = cli_lines (r.out);
  g_assert_cmpstr (results[0], ==, "371581********9667\t林丽娟\t73\t75\t1\t2\t5\t"
                                   "S000137150301265000101\t2026-07-26");
  g_assert_cmpstr (results[1], ==, "371526********6270\t周新民\t85.5\t79\t1\t2\t5\t"
                                   "S000137150301265000102\t2026-07-26");
  CLI (&r, f, "list", "results", "--class", "YL2026-011", "--show-id");
  g_assert_true (g_str_has_prefix (r.out, "371581197508029667\t林丽娟\t"));

  CLI (&r, f, "list", "follow-ups", "--class", "CY2026-004");
  g_assert_cmpint (r.status, ==, 0);
  follow_ups = cli_lines (r.out);
  g_assert_cmpuint (g_strv_length (follow_ups), ==, 19);
  g_assert_cmpstr (follow_ups[0], ==, "371581********9667\t林丽娟\t2026-11-15\t1\t"
                                      "91371502DAF75X2AAU\t聊城市鲁西电力安装有限公司\t"
                                      "2026-09-09\t1\t4021.00");

  CLI (&r, f, "list", "claim", "--class", "YL2026-011");
  g_assert_cmpint (r.status, ==, 0);
  claim = cli_lines (r.out);
  g_assert_cmpuint (g_strv_length (claim), ==, 26);
  g_assert_cmpstr (claim[1], ==, "371526********6270\t周新民\t1.0000\t2\t5\t1500.00\t300.00\t"
                                 "1800.00\t");
  g_assert_cmpstr (claim[3], ==, "371581********4053\t周强\t0.2667\t0\t0\t0.00\t0.00\t0.00\t"
                                 "withdrew on 2026-06-24 (R-SUB-001)");

  CLI (&r, f, "list", "results");
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "traindesk-cli list: list results needs --class CODE\n");
  CLI (&r, f, "list", "claim", "--class", "XX2026-999");
  g_assert_cmpint (r.status, ==, 1);
}

/* Writes @utf8 (taken) as GBK. */
static char *
write_gbk (CliFixture *f, const char *name, char *take_utf8)
{
  g_autofree char *utf8 = take_utf8;
  g_autofree char *gbk = g_convert (utf8, -1, "GBK", "UTF-8", NULL, NULL, NULL);
  char *path = cli_path (f, name);

  g_assert_true (g_file_set_contents (path, gbk, -1, NULL));
  return path;
}

/* results-template, then a score sheet refused as a whole for one bad row, then taken. */
static void
test_import_results (CliFixture *f, gconstpointer data)
{
  g_auto (CliRun) r = { 0 };
  g_auto (GStrv) lines = NULL;
  g_autofree char *template = cli_path (f, "scores.xlsx");
  g_autofree char *wrote = g_strdup_printf ("Wrote %s\n", template);
  g_autofree char *bad = NULL, *good = NULL, *before = NULL;
  char id[19] = { 0 };

  cli_init_demo (f);
  CLI (&r, f, "results-template", "--class", "YL2026-011", "-o", "scores.csv");
  g_assert_cmpint (r.status, ==, 2);
  CLI (&r, f, "results-template", "--class", "YL2026-011", "-o", template);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, wrote);
  g_assert_true (g_file_test (template, G_FILE_TEST_IS_REGULAR));

  CLI (&r, f, "list", "results", "--class", "YL2026-011", "--show-id");
  before = g_strdup (r.out);
  memcpy (id, r.out, 18);
  bad = write_gbk (f, "bad.csv", g_strdup_printf (
    "身份证号,姓名,理论成绩,实操成绩,考核结果,证书编号,等级\n"
    "%s,林丽娟,88,91,合格,S000137150301265000101,五级\n"
    "%s,林丽娟,88,91,合格,S000137150301265000101,五级\n", id, id));
  CLI (&r, f, "import-results", "--class", "YL2026-011", bad);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "No 发证日期 column: certificates keep the issue date stored; "
                              "new ones are dated 2026-07-13, the day of the exam.\n"
                              "Line 3, column 1 (身份证号): The same trainee as line 2.\n"
                              "Rows with problems: 1 of 2. Nothing was imported.\n");
  CLI (&r, f, "list", "results", "--class", "YL2026-011", "--show-id");
  g_assert_cmpstr (r.out, ==, before);

  good = write_gbk (f, "good.csv", g_strdup_printf (
    "身份证号,姓名,理论成绩,实操成绩,考核结果,证书编号,等级\n"
    "%s,林丽娟,88,91,合格,S000137150301265000101,五级\n", id));
  CLI (&r, f, "import-results", "--class", "YL2026-011", good);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "Imported 1 result into class YL2026-011.\n");
  CLI (&r, f, "list", "results", "--class", "YL2026-011");
  lines = cli_lines (r.out);
  g_assert_cmpstr (lines[0], ==, "371581********9667\t林丽娟\t88\t91\t1\t2\t5\t"
                                 "S000137150301265000101\t2026-07-26");

  CLI (&r, f, "import-results", good);
  g_assert_cmpint (r.status, ==, 2);
  CLI (&r, f, "import-results", "--class", "YL2026-011", "--column", "颜色=Q", good);
  g_assert_cmpint (r.status, ==, 2);
  CLI (&r, f, "import-results", "--class", "XX2026-999", good);
  g_assert_cmpint (r.status, ==, 1);
}

/* A follow-up sheet whose columns are mapped by hand. */
static void
test_import_follow_ups (CliFixture *f, gconstpointer data)
{
  g_auto (CliRun) r = { 0 };
  g_autofree char *template = cli_path (f, "calls.xlsx");
  g_autofree char *sheet = NULL;
  char id[19] = { 0 };

  cli_init_demo (f);
  CLI (&r, f, "follow-up-template", "--class", "CY2026-004", "-o", template);
  g_assert_cmpint (r.status, ==, 0);
  CLI (&r, f, "list", "trainees", "--class", "CY2026-004", "--show-id");
  memcpy (id, r.out, 18);
  sheet = write_gbk (f, "calls.csv", g_strdup_printf (
    "号码,日期,情况,证明\n%s,2026-11-20,灵活就业,工资流水\n", id));
  CLI (&r, f, "import-follow-ups", "--class", "CY2026-004", sheet);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.err, "No header row: "));
  CLI (&r, f, "import-follow-ups", "--class", "CY2026-004", "--column", "身份证号=A",
       "--column", "回访日期=B", "--column", "就业状态=C", "--column", "证明材料=D", sheet);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "Line 2: Employed, self-employed or in flexible employment: the "
                              "follow-up gives the date the work began (R-EMP-002).\n"
                              "Rows with problems: 1 of 1. Nothing was imported.\n");
  g_free (sheet);
  sheet = write_gbk (f, "calls.csv", g_strdup_printf (
    "号码,日期,情况,证明,开始\n%s,2026-11-20,灵活就业,工资流水,2026-10-08\n", id));
  CLI (&r, f, "import-follow-ups", "--class", "CY2026-004", "--column", "身份证号=A",
       "--column", "回访日期=B", "--column", "就业状态=C", "--column", "证明材料=D",
       "--column", "就业日期=E", sheet);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "Imported 1 follow-up into class CY2026-004.\n");
  CLI (&r, f, "list", "follow-ups", "--class", "CY2026-004");
  g_assert_nonnull (strstr (r.out, "\t2026-11-20\t3\t\t\t2026-10-08\t2\t\n"));
}

/* Every new verb has its own --help, and the global help lists it. */
static void
test_help (CliFixture *f, gconstpointer data)
{
  static const char *const verbs[] = { "institution", "class", "withdraw", "cancel",
                                       "packet-file", "list", "import-results",
                                       "results-template", "import-follow-ups",
                                       "follow-up-template" };
  g_auto (CliRun) r = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_autofree char *usage = g_strdup_printf ("Usage:\n  traindesk-cli %s [OPTION…]\n",
                                                verbs[i]);
      g_autofree char *listed = g_strdup_printf ("\n  %s", verbs[i]);

      CLI (&r, f, verbs[i], "--help");
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_str_has_prefix (r.out, usage));
      CLI (&r, f, "--help");
      g_assert_nonnull (strstr (r.out, listed));
    }
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TD_TODAY", "2026-11-26", TRUE);
#define ADD(name, func) \
  g_test_add (name, CliFixture, NULL, cli_fixture_set_up, func, cli_fixture_tear_down)
  ADD ("/cli/jobs/institution", test_institution);
  ADD ("/cli/jobs/institution-demo", test_institution_demo);
  ADD ("/cli/jobs/class-show", test_class_show);
  ADD ("/cli/jobs/withdraw", test_withdraw);
  ADD ("/cli/jobs/cancel", test_cancel);
  ADD ("/cli/jobs/list-packets", test_list_packets);
  ADD ("/cli/jobs/packet-file", test_packet_file);
  ADD ("/cli/jobs/list-records", test_list_records);
  ADD ("/cli/jobs/import-results", test_import_results);
  ADD ("/cli/jobs/import-follow-ups", test_import_follow_ups);
  ADD ("/cli/jobs/help", test_help);
  return g_test_run ();
}
