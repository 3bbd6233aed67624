/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema's code lists: codes in schema order, Chinese names as the schema documents
 * them, English UI names, and the names people type in imports. */
#include "config.h"

#include <string.h>

#include "core/td-codes.h"

static const struct
{
  TdCodeList list;
  const char *type;
} schema_types[] = {
  { TD_CODES_EDUCATION, "EducationCode" },
  { TD_CODES_CATEGORY, "TraineeCategoryCode" },
  { TD_CODES_EMPLOYMENT_STATUS, "EmploymentStatusCode" },
  { TD_CODES_TRAINING_TYPE, "TrainingTypeCode" },
  { TD_CODES_SPECIAL_ACTION, "SpecialActionCode" },
  { TD_CODES_MODE, "TrainingModeCode" },
  { TD_CODES_PROJECT_MODE, "ProjectModeCode" },
  { TD_CODES_FUNDING_SOURCE, "FundingSourceCode" },
  { TD_CODES_CERTIFICATE, "CertificateTypeCode" },
  { TD_CODES_LEVEL, "LevelCode" },
  { TD_CODES_LESSON_KIND, "LessonKindCode" },
  { TD_CODES_ATTENDANCE_STATUS, "AttendanceStatusCode" },
  { TD_CODES_SIGN_METHOD, "SignMethodCode" },
  { TD_CODES_OUTCOME, "OutcomeCode" },
  { TD_CODES_PROOF, "EmploymentProofCode" },
  { TD_CODES_PAYEE, "PayeeTypeCode" },
  { TD_CODES_ITEM_KIND, "ItemKindCode" },
  { TD_CODES_REGION, "LiaochengRegionType" },
  { TD_CODES_GENDER, "GenderCode" },
};

static char *
schema_type (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("TD_SOURCE_ROOT"), "data", "schema",
                                            "lc-training-1.0.xsd", NULL);
  g_autofree char *text = NULL;
  g_autofree char *open = g_strdup_printf ("<xs:simpleType name=\"%s\">", name);
  g_autoptr (GError) error = NULL;
  const char *start, *end;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  start = strstr (text, open);
  g_assert_nonnull (start);
  end = strstr (start, "</xs:simpleType>");
  g_assert_nonnull (end);
  return g_strndup (start, (gsize) (end - start));
}

/* Every list has exactly the schema's enumeration, in order, and each Chinese name is the
 * one the schema's documentation gives ("11 博士", "P 出勤", or per value for regions). */
static void
test_schema (void)
{
  g_autoptr (GRegex) re = g_regex_new ("<xs:enumeration value=\"([^\"]+)\"", 0, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (schema_types); i++)
    {
      g_autofree char *type = schema_type (schema_types[i].type);
      g_autoptr (GMatchInfo) match = NULL;
      gsize n = 0, k = 0;
      const TdCode *codes = td_codes_get (schema_types[i].list, &n);

      for (g_regex_match (re, type, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL), k++)
        {
          g_autofree char *value = g_match_info_fetch (match, 1);
          g_autofree char *documented = NULL;
          g_autofree char *first = NULL;

          g_assert_cmpuint (k, <, n);
          g_assert_cmpstr (codes[k].code, ==, value);
          if (schema_types[i].list == TD_CODES_REGION)
            documented = g_strdup_printf ("<xs:documentation>%s", codes[k].zh);
          else
            documented = g_strdup_printf (" %s %s", codes[k].code, codes[k].zh);
          first = g_strdup_printf (">%s", documented + 1);
          if (strstr (type, documented) == NULL && strstr (type, first) == NULL)
            g_error ("%s: “%s” is not documented", schema_types[i].type, documented);
          g_assert_nonnull (codes[k].en);
          g_assert_cmpstr (codes[k].en, !=, "");
        }
      g_assert_cmpuint (k, ==, n);
    }
}

static void
test_find_and_labels (void)
{
  gsize n = 0;

  g_assert_nonnull (td_codes_get (TD_CODES_CATEGORY, &n));
  g_assert_cmpuint (n, ==, 16);
  g_assert_cmpstr (td_code_find (TD_CODES_EDUCATION, "31")->zh, ==, "专科");
  g_assert_null (td_code_find (TD_CODES_EDUCATION, "32"));
  g_assert_null (td_code_find (TD_CODES_EDUCATION, NULL));

  /* The UI name follows the locale (English in the tests); the forms' name is Chinese. */
  g_assert_cmpstr (td_code_label (TD_CODES_ATTENDANCE_STATUS, "A"), ==, "Absent");
  g_assert_cmpstr (td_code_label_zh (TD_CODES_ATTENDANCE_STATUS, "A"), ==, "缺勤");
  g_assert_cmpstr (td_code_label (TD_CODES_OUTCOME, "3"), ==, "Absent");
  g_assert_cmpstr (td_code_label_zh (TD_CODES_OUTCOME, "3"), ==, "缺考");
  g_assert_cmpstr (td_code_label (TD_CODES_MODE, "3"), ==, "Blended");
  g_assert_cmpstr (td_code_label_zh (TD_CODES_MODE, "3"), ==, "线上+线下");
  g_assert_cmpstr (td_code_label (TD_CODES_LEVEL, "5"), ==, "Level 5 (entry)");
  g_assert_cmpstr (td_code_label_zh (TD_CODES_LEVEL, "5"), ==, "五级/初级工");
  g_assert_cmpstr (td_code_label (TD_CODES_REGION, "371502"), ==, "Dongchangfu District");
  g_assert_cmpstr (td_code_label_zh (TD_CODES_REGION, "371581"), ==, "临清市");
  g_assert_cmpstr (td_code_label (TD_CODES_GENDER, "2"), ==, "Female");
  g_assert_cmpstr (td_code_entry_label (TD_CODES_GENDER, td_code_find (TD_CODES_GENDER, "1")),
                   ==, "Male");
  /* Unknown codes are shown as they are. */
  g_assert_cmpstr (td_code_label (TD_CODES_REGION, "371523"), ==, "371523");
  g_assert_cmpstr (td_code_label_zh (TD_CODES_EDUCATION, "99"), ==, "99");
}

static const struct
{
  TdCodeList list;
  const char *text;
  const char *code;
} aliases[] = {
  { TD_CODES_EDUCATION, "大专", "31" }, { TD_CODES_EDUCATION, "专科", "31" },
  { TD_CODES_EDUCATION, "高职", "31" }, { TD_CODES_EDUCATION, "本科", "21" },
  { TD_CODES_EDUCATION, "大学本科", "21" }, { TD_CODES_EDUCATION, "硕士", "14" },
  { TD_CODES_EDUCATION, "研究生", "14" }, { TD_CODES_EDUCATION, "中专", "41" },
  { TD_CODES_EDUCATION, "中等专业学校", "41" }, { TD_CODES_EDUCATION, "职高", "44" },
  { TD_CODES_EDUCATION, "技校", "47" }, { TD_CODES_EDUCATION, "技工学校", "47" },
  { TD_CODES_EDUCATION, "高中", "61" }, { TD_CODES_EDUCATION, "初中", "71" },
  { TD_CODES_EDUCATION, "小学", "81" }, { TD_CODES_EDUCATION, "其他", "90" },
  { TD_CODES_EDUCATION, "博士", "11" },
  { TD_CODES_CATEGORY, "农村转移劳动力", "01" }, { TD_CODES_CATEGORY, "农民工", "01" },
  { TD_CODES_CATEGORY, "农村转移就业劳动者", "01" },
  { TD_CODES_CATEGORY, "高校毕业生", "02" }, { TD_CODES_CATEGORY, "毕业生", "02" },
  { TD_CODES_CATEGORY, "高校毕业生(毕业年度及离校未就业)", "02" },
  { TD_CODES_CATEGORY, "高校毕业生（毕业年度及离校未就业）", "02" },
  { TD_CODES_CATEGORY, "失业人员", "03" }, { TD_CODES_CATEGORY, "登记失业", "03" },
  { TD_CODES_CATEGORY, "就业困难", "04" }, { TD_CODES_CATEGORY, "就业困难人员", "04" },
  { TD_CODES_CATEGORY, "脱贫劳动力", "05" }, { TD_CODES_CATEGORY, "监测对象", "05" },
  { TD_CODES_CATEGORY, "退役军人", "06" }, { TD_CODES_CATEGORY, "残疾人", "07" },
  { TD_CODES_CATEGORY, "新就业形态", "13" }, { TD_CODES_CATEGORY, "高素质农民", "14" },
  { TD_CODES_CATEGORY, "在校学生", "15" }, { TD_CODES_CATEGORY, "学生", "15" },
  { TD_CODES_CATEGORY, "其他", "99" },
  { TD_CODES_EMPLOYMENT_STATUS, "单位就业", "1" }, { TD_CODES_EMPLOYMENT_STATUS, "就业", "1" },
  { TD_CODES_EMPLOYMENT_STATUS, "创业", "2" }, { TD_CODES_EMPLOYMENT_STATUS, "自主创业", "2" },
  { TD_CODES_EMPLOYMENT_STATUS, "灵活就业", "3" },
  { TD_CODES_EMPLOYMENT_STATUS, "未就业", "4" }, { TD_CODES_EMPLOYMENT_STATUS, "失业", "4" },
  { TD_CODES_EMPLOYMENT_STATUS, "无业", "4" }, { TD_CODES_EMPLOYMENT_STATUS, "升学", "5" },
  { TD_CODES_EMPLOYMENT_STATUS, "其他", "9" },
  { TD_CODES_LEVEL, "五级", "5" }, { TD_CODES_LEVEL, "初级工", "5" },
  { TD_CODES_LEVEL, "初级", "5" }, { TD_CODES_LEVEL, "五级/初级工", "5" },
  { TD_CODES_LEVEL, "四级", "4" }, { TD_CODES_LEVEL, "中级工", "4" },
  { TD_CODES_LEVEL, "中级", "4" }, { TD_CODES_LEVEL, "三级", "3" },
  { TD_CODES_LEVEL, "高级工", "3" }, { TD_CODES_LEVEL, "高级", "3" },
  { TD_CODES_LEVEL, "二级", "2" }, { TD_CODES_LEVEL, "技师", "2" },
  { TD_CODES_LEVEL, "一级", "1" }, { TD_CODES_LEVEL, "高级技师", "1" },
  { TD_CODES_LEVEL, "不分等级", "0" },
  { TD_CODES_GENDER, "男", "1" }, { TD_CODES_GENDER, "女", "2" },
  { TD_CODES_REGION, "聊城市", "371500" }, { TD_CODES_REGION, "东昌府区", "371502" },
  { TD_CODES_REGION, "茌平区", "371503" }, { TD_CODES_REGION, "阳谷县", "371521" },
  { TD_CODES_REGION, "莘县", "371522" }, { TD_CODES_REGION, "东阿县", "371524" },
  { TD_CODES_REGION, "冠县", "371525" }, { TD_CODES_REGION, "高唐县", "371526" },
  { TD_CODES_REGION, "临清市", "371581" },
  { TD_CODES_ATTENDANCE_STATUS, "缺勤", "A" }, { TD_CODES_OUTCOME, "缺考", "3" },
  { TD_CODES_MODE, "线上+线下", "3" }, { TD_CODES_MODE, "线上＋线下", "3" },
};

static void
test_lookup_aliases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      const char *code = td_code_lookup (aliases[i].list, aliases[i].text);

      if (g_strcmp0 (code, aliases[i].code) != 0)
        g_error ("%s: %s, expected %s", aliases[i].text, code, aliases[i].code);
    }
}

static void
test_lookup_folding (void)
{
  /* Codes, English names, width, case and space around. */
  g_assert_cmpstr (td_code_lookup (TD_CODES_SIGN_METHOD, "FACE"), ==, "FACE");
  g_assert_cmpstr (td_code_lookup (TD_CODES_SIGN_METHOD, " face "), ==, "FACE");
  g_assert_cmpstr (td_code_lookup (TD_CODES_SIGN_METHOD, "ｆａｃｅ"), ==, "FACE");
  g_assert_cmpstr (td_code_lookup (TD_CODES_ATTENDANCE_STATUS, "p"), ==, "P");
  g_assert_cmpstr (td_code_lookup (TD_CODES_ATTENDANCE_STATUS, "Left Early"), ==, "E");
  g_assert_cmpstr (td_code_lookup (TD_CODES_EDUCATION, "\u3000大专\u3000"), ==, "31");
  g_assert_cmpstr (td_code_lookup (TD_CODES_EDUCATION, "３１"), ==, "31");
  g_assert_cmpstr (td_code_lookup (TD_CODES_EDUCATION, "bachelor's degree"), ==, "21");
  g_assert_cmpstr (td_code_lookup (TD_CODES_GENDER, "female"), ==, "2");
  /* Spreadsheets drop leading zeros: 1 is category 01. */
  g_assert_cmpstr (td_code_lookup (TD_CODES_CATEGORY, "1"), ==, "01");
  g_assert_cmpstr (td_code_lookup (TD_CODES_CATEGORY, "01"), ==, "01");
  g_assert_cmpstr (td_code_lookup (TD_CODES_TRAINING_TYPE, "3"), ==, "03");
  g_assert_cmpstr (td_code_lookup (TD_CODES_REGION, "371502"), ==, "371502");
  /* Nothing else. */
  g_assert_null (td_code_lookup (TD_CODES_CATEGORY, "16"));
  g_assert_null (td_code_lookup (TD_CODES_CATEGORY, "农民"));
  g_assert_null (td_code_lookup (TD_CODES_EDUCATION, "大"));
  g_assert_null (td_code_lookup (TD_CODES_EDUCATION, ""));
  g_assert_null (td_code_lookup (TD_CODES_EDUCATION, "  "));
  g_assert_null (td_code_lookup (TD_CODES_EDUCATION, NULL));
  g_assert_null (td_code_lookup (TD_CODES_REGION, "371523"));
  g_assert_null (td_code_lookup (TD_CODES_GENDER, "0"));
}

static void
test_halfwidth (void)
{
  g_autofree char *a = td_codes_halfwidth ("０１２３４５６７８９ＡＺａｚ（）：，．－\u3000");
  g_autofree char *b = td_codes_halfwidth ("聊城 ¥ ￥");

  g_assert_cmpstr (a, ==, "0123456789AZaz():,.- ");
  g_assert_cmpstr (b, ==, "聊城 ¥ ￥");
  g_assert_null (td_codes_halfwidth (NULL));

  /* and trimmed, whether or not there was anything full-width */
  {
    g_autofree char *c = td_codes_halfwidth_stripped ("\u3000ＡＢ 12\u3000 ");
    g_autofree char *d = td_codes_halfwidth_stripped (" \t聊城 东昌府\r\n");
    g_autofree char *e = td_codes_halfwidth_stripped ("   ");
    g_autofree char *g = td_codes_halfwidth_stripped ("高中");

    g_assert_cmpstr (c, ==, "AB 12");
    g_assert_cmpstr (d, ==, "聊城 东昌府");
    g_assert_cmpstr (e, ==, "");
    g_assert_cmpstr (g, ==, "高中");
    g_assert_null (td_codes_halfwidth_stripped (NULL));
  }
}

/* What the roster, score sheet and follow-up sheet imports say of a value that is no code. */
static void
test_unknown_reason (void)
{
  static const struct
  {
    TdCodeList list;
    const char *said;
  } cases[] = {
    { TD_CODES_EDUCATION, "“小学毕业” is not a level of education." },
    { TD_CODES_EMPLOYMENT_STATUS, "“小学毕业” is not an employment status." },
    { TD_CODES_GENDER, "“小学毕业” is not a gender." },
    { TD_CODES_LEVEL, "“小学毕业” is not a certificate level." },
    { TD_CODES_OUTCOME, "“小学毕业” is not an outcome: 合格, 不合格 or 缺考." },
    { TD_CODES_PROOF, "“小学毕业” is not a kind of proof." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *reason = td_code_unknown_reason (cases[i].list, "小学毕业");

      g_assert_null (td_code_lookup (cases[i].list, "小学毕业"));
      g_assert_cmpstr (reason, ==, cases[i].said);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codes/schema", test_schema);
  g_test_add_func ("/codes/find-and-labels", test_find_and_labels);
  g_test_add_func ("/codes/lookup/aliases", test_lookup_aliases);
  g_test_add_func ("/codes/lookup/folding", test_lookup_folding);
  g_test_add_func ("/codes/halfwidth", test_halfwidth);
  g_test_add_func ("/codes/unknown-reason", test_unknown_reason);
  return g_test_run ();
}
