/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-codes.h"

/* Chinese names as the schema's xs:documentation gives them; English names for the UI;
 * aliases are the short names people type in imported sheets. */

static const TdCode education[] = {
  { "11", "博士", NC_("education", "Doctorate"), "博士研究生" },
  { "14", "硕士", NC_("education", "Master's degree"), "研究生|硕士研究生" },
  { "21", "本科", NC_("education", "Bachelor's degree"), "大学本科" },
  { "31", "专科", NC_("education", "Junior college"), "大专|高职|大学专科" },
  { "41", "中专", NC_("education", "Secondary specialised school"), "中等专业学校" },
  { "44", "职高", NC_("education", "Vocational high school"), "职业高中" },
  { "47", "技校", NC_("education", "Technical school"), "技工学校" },
  { "61", "高中", NC_("education", "Senior high school"), "普通高中" },
  { "71", "初中", NC_("education", "Junior high school"), NULL },
  { "81", "小学", NC_("education", "Primary school"), NULL },
  { "90", "其他", NC_("education", "Other"), NULL },
};

static const TdCode category[] = {
  { "01", "农村转移就业劳动者", NC_("trainee category", "Rural worker moving into employment"),
    "农村转移劳动力|农民工" },
  { "02", "高校毕业生(毕业年度及离校未就业)", NC_("trainee category", "University graduate"),
    "高校毕业生|毕业生" },
  { "03", "城镇登记失业人员", NC_("trainee category", "Registered unemployed"),
    "失业人员|登记失业|登记失业人员" },
  { "04", "就业困难人员", NC_("trainee category", "Person with employment difficulties"),
    "就业困难" },
  { "05", "防止返贫致贫监测对象及脱贫劳动力",
    NC_("trainee category", "Person lifted out of poverty or under monitoring"),
    "脱贫劳动力|监测对象|脱贫人口" },
  { "06", "退役军人", NC_("trainee category", "Veteran"), NULL },
  { "07", "残疾人", NC_("trainee category", "Person with a disability"), NULL },
  { "08", "在聊服刑人员", NC_("trainee category", "Prisoner in Liaocheng"), "服刑人员" },
  { "09", "强制隔离戒毒人员", NC_("trainee category", "Person in compulsory drug rehabilitation"),
    "戒毒人员" },
  { "10", "社区矫正对象", NC_("trainee category", "Person under community correction"),
    "社区矫正" },
  { "11", "企业在岗职工", NC_("trainee category", "Employee of an enterprise"),
    "在岗职工|企业职工" },
  { "12", "一线职工(含农民工)学历与能力提升",
    NC_("trainee category", "Frontline worker raising education and ability"), "一线职工" },
  { "13", "新就业形态劳动者", NC_("trainee category", "Worker in a new form of employment"),
    "新就业形态" },
  { "14", "高素质农民及乡村振兴带头人",
    NC_("trainee category", "Skilled farmer or rural revitalisation leader"),
    "高素质农民|乡村振兴带头人" },
  { "15", "在校学生", NC_("trainee category", "Student"), "学生" },
  { "99", "其他", NC_("trainee category", "Other"), NULL },
};

static const TdCode employment_status[] = {
  { "1", "单位就业", NC_("employment status", "Employed"), "就业" },
  { "2", "自主创业", NC_("employment status", "Self-employed (own business)"), "创业" },
  { "3", "灵活就业", NC_("employment status", "Flexible employment"), NULL },
  { "4", "未就业", NC_("employment status", "Not employed"), "失业|无业" },
  { "5", "升学", NC_("employment status", "Further study"), NULL },
  { "9", "其他", NC_("employment status", "Other"), NULL },
};

static const TdCode training_type[] = {
  { "01", "就业技能培训", NC_("training type", "Employment skills training"), "就业技能" },
  { "02", "岗位技能提升培训", NC_("training type", "On-the-job skills upgrading"),
    "岗位技能提升" },
  { "03", "创业培训", NC_("training type", "Entrepreneurship training"), NULL },
  { "04", "岗前培训", NC_("training type", "Pre-job training"), NULL },
  { "05", "新型学徒制培训", NC_("training type", "New apprenticeship"), "新型学徒制" },
  { "06", "转岗转业培训", NC_("training type", "Job-change training"), "转岗转业" },
  { "07", "学历与能力提升(求学圆梦)", NC_("training type", "Education and ability upgrading"),
    "学历与能力提升|求学圆梦" },
};

static const TdCode special_action[] = {
  { "01", "重点群体技能培训", NC_("special action", "Skills training for key groups"), NULL },
  { "02", "青年群体技能提升培训", NC_("special action", "Skills upgrading for young people"),
    NULL },
  { "03", "新质生产力技能提升培训",
    NC_("special action", "Skills upgrading for new quality productive forces"), NULL },
  { "04", "现代服务业技能培训", NC_("special action", "Skills training for modern services"),
    NULL },
  { "05", "康养照护领域技能培训", NC_("special action", "Skills training for elderly and health care"),
    NULL },
  { "06", "乡村振兴技能提升培训",
    NC_("special action", "Skills upgrading for rural revitalisation"), NULL },
  { "07", "技能强企培训", NC_("special action", "Skills for stronger enterprises"), NULL },
  { "08", "公共实训基地共建共享", NC_("special action", "Shared public training bases"), NULL },
  { "09", "创业培训质效提升", NC_("special action", "Better entrepreneurship training"), NULL },
};

static const TdCode mode[] = {
  { "1", "线下", NC_("training mode", "In person"), "面授" },
  { "2", "线上", NC_("training mode", "Online"), NULL },
  { "3", "线上+线下", NC_("training mode", "Blended"), "线上线下|线上+线下混合|混合" },
};

static const TdCode project_mode[] = {
  { "0", "非项目制", NC_("project mode", "No project mode"), NULL },
  { "1", "订单式", NC_("project mode", "Order"), "订单" },
  { "2", "定岗式", NC_("project mode", "Post"), "定岗" },
  { "3", "定向式", NC_("project mode", "Directed"), "定向" },
};

static const TdCode funding_source[] = {
  { "1", "就业补助资金", NC_("funding source", "Employment subsidy fund"), NULL },
  { "2", "失业保险基金", NC_("funding source", "Unemployment insurance fund"), NULL },
  { "3", "职业技能提升行动专账资金", NC_("funding source", "Skills upgrading special account"),
    NULL },
  { "4", "行业主管部门资金", NC_("funding source", "Funds of the responsible department"), NULL },
  { "5", "企业职工教育经费", NC_("funding source", "Enterprise staff education funds"), NULL },
  { "6", "社会团体及行业组织资金",
    NC_("funding source", "Funds of associations and industry bodies"), NULL },
  { "9", "其他", NC_("funding source", "Other"), NULL },
};

static const TdCode certificate[] = {
  { "1", "职业资格证书", NC_("certificate", "Qualification certificate"), "职业资格" },
  { "2", "职业技能等级证书", NC_("certificate", "Skill level certificate"), "职业技能等级" },
  { "3", "专项职业能力证书", NC_("certificate", "Specialised ability certificate"),
    "专项职业能力" },
  { "4", "培训合格证书", NC_("certificate", "Training completion certificate"), "培训合格" },
  { "5", "创业培训合格证书", NC_("certificate", "Entrepreneurship completion certificate"),
    "创业培训合格" },
  { "6", "特种作业操作证", NC_("certificate", "Special operations certificate"), "特种作业" },
};

static const TdCode level[] = {
  { "0", "不分等级", NC_("level", "No grade"), "无等级" },
  { "1", "一级/高级技师", NC_("level", "Level 1 (senior technician)"), "一级|高级技师" },
  { "2", "二级/技师", NC_("level", "Level 2 (technician)"), "二级|技师" },
  { "3", "三级/高级工", NC_("level", "Level 3 (advanced)"), "三级|高级工|高级" },
  { "4", "四级/中级工", NC_("level", "Level 4 (intermediate)"), "四级|中级工|中级" },
  { "5", "五级/初级工", NC_("level", "Level 5 (entry)"), "五级|初级工|初级" },
};

static const TdCode lesson_kind[] = {
  { "T", "理论", NC_("lesson kind", "Theory"), NULL },
  { "P", "实操", NC_("lesson kind", "Practice"), "实践|操作" },
};

static const TdCode attendance_status[] = {
  { "P", "出勤", NC_("attendance status", "Present"), "正常" },
  { "L", "迟到", NC_("attendance status", "Late"), NULL },
  { "E", "早退", NC_("attendance status", "Left early"), NULL },
  { "V", "请假", NC_("attendance status", "On leave"), NULL },
  { "A", "缺勤", NC_("attendance status", "Absent"), "旷课" },
};

static const TdCode sign_method[] = {
  { "FACE", "人脸", NC_("sign-in method", "Face recognition"), "人脸识别" },
  { "CARD", "身份证读卡", NC_("sign-in method", "Id card reader"), "读卡|刷卡" },
  { "QR", "扫码", NC_("sign-in method", "QR code"), "二维码" },
  { "ONLINE", "线上平台记录", NC_("sign-in method", "Online platform"), "线上" },
  { "MANUAL", "手工签到", NC_("sign-in method", "Manual"), "手工|手签" },
};

static const TdCode outcome[] = {
  { "1", "合格", NC_("assessment outcome", "Passed"), "通过" },
  { "2", "不合格", NC_("assessment outcome", "Failed"), "未通过" },
  { "3", "缺考", NC_("assessment outcome", "Absent"), NULL },
};

static const TdCode proof[] = {
  { "1", "劳动合同", NC_("employment proof", "Employment contract"), NULL },
  { "2", "工资流水", NC_("employment proof", "Wage statements"), NULL },
  { "3", "社保缴费记录", NC_("employment proof", "Social insurance record"), "社保" },
  { "4", "营业执照", NC_("employment proof", "Business licence"), NULL },
  { "9", "其他", NC_("employment proof", "Other"), NULL },
};

static const TdCode payee[] = {
  { "1", "培训机构", NC_("payee", "Institution"), "机构" },
  { "2", "参训个人", NC_("payee", "Trainee"), "个人|学员" },
  { "3", "用人单位", NC_("payee", "Employer"), "企业" },
};

static const TdCode item_kind[] = {
  { "OCC", "职业(工种)", NC_("catalogue item kind", "Occupation"), "职业|工种" },
  { "SPEC", "专项职业能力", NC_("catalogue item kind", "Specialised ability"), NULL },
  { "START", "创业培训", NC_("catalogue item kind", "Entrepreneurship course"), NULL },
};

static const TdCode region[] = {
  { "371500", "聊城市", NC_("region", "Liaocheng (city level)"), "聊城" },
  { "371502", "东昌府区", NC_("region", "Dongchangfu District"), "东昌府" },
  { "371503", "茌平区", NC_("region", "Chiping District"), "茌平" },
  { "371521", "阳谷县", NC_("region", "Yanggu County"), "阳谷" },
  { "371522", "莘县", NC_("region", "Shen County"), NULL },
  { "371524", "东阿县", NC_("region", "Dong'e County"), "东阿" },
  { "371525", "冠县", NC_("region", "Guan County"), NULL },
  { "371526", "高唐县", NC_("region", "Gaotang County"), "高唐" },
  { "371581", "临清市", NC_("region", "Linqing City"), "临清" },
};

static const TdCode gender[] = {
  { "1", "男", NC_("gender", "Male"), "男性" },
  { "2", "女", NC_("gender", "Female"), "女性" },
};

#define LIST(a, ctx) { a, G_N_ELEMENTS (a), ctx }

static const struct
{
  const TdCode *entries;
  gsize n;
  const char *context;
} lists[TD_CODES_N_LISTS] = {
  [TD_CODES_EDUCATION] = LIST (education, "education"),
  [TD_CODES_CATEGORY] = LIST (category, "trainee category"),
  [TD_CODES_EMPLOYMENT_STATUS] = LIST (employment_status, "employment status"),
  [TD_CODES_TRAINING_TYPE] = LIST (training_type, "training type"),
  [TD_CODES_SPECIAL_ACTION] = LIST (special_action, "special action"),
  [TD_CODES_MODE] = LIST (mode, "training mode"),
  [TD_CODES_PROJECT_MODE] = LIST (project_mode, "project mode"),
  [TD_CODES_FUNDING_SOURCE] = LIST (funding_source, "funding source"),
  [TD_CODES_CERTIFICATE] = LIST (certificate, "certificate"),
  [TD_CODES_LEVEL] = LIST (level, "level"),
  [TD_CODES_LESSON_KIND] = LIST (lesson_kind, "lesson kind"),
  [TD_CODES_ATTENDANCE_STATUS] = LIST (attendance_status, "attendance status"),
  [TD_CODES_SIGN_METHOD] = LIST (sign_method, "sign-in method"),
  [TD_CODES_OUTCOME] = LIST (outcome, "assessment outcome"),
  [TD_CODES_PROOF] = LIST (proof, "employment proof"),
  [TD_CODES_PAYEE] = LIST (payee, "payee"),
  [TD_CODES_ITEM_KIND] = LIST (item_kind, "catalogue item kind"),
  [TD_CODES_REGION] = LIST (region, "region"),
  [TD_CODES_GENDER] = LIST (gender, "gender"),
};

const TdCode *
td_codes_get (TdCodeList list, gsize *n_out)
{
  g_return_val_if_fail (list < TD_CODES_N_LISTS, NULL);

  if (n_out != NULL)
    *n_out = lists[list].n;
  return lists[list].entries;
}

const TdCode *
td_code_find (TdCodeList list, const char *code)
{
  g_return_val_if_fail (list < TD_CODES_N_LISTS, NULL);

  if (code == NULL)
    return NULL;
  for (gsize i = 0; i < lists[list].n; i++)
    if (strcmp (lists[list].entries[i].code, code) == 0)
      return &lists[list].entries[i];
  return NULL;
}

const char *
td_code_entry_label (TdCodeList list, const TdCode *entry)
{
  g_return_val_if_fail (list < TD_CODES_N_LISTS, NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, lists[list].context, entry->en);
}

const char *
td_code_label (TdCodeList list, const char *code)
{
  const TdCode *entry = td_code_find (list, code);

  return entry != NULL ? td_code_entry_label (list, entry) : code;
}

const char *
td_code_label_zh (TdCodeList list, const char *code)
{
  const TdCode *entry = td_code_find (list, code);

  return entry != NULL ? entry->zh : code;
}

/* TRUE when @text may hold a full-width form or the ideographic space: a character of
 * U+F000…U+FFFF (lead byte EF) or E3 80 80. */
static gboolean
has_wide_form (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p == 0xEF || (*p == 0xE3 && p[1] == 0x80 && p[2] == 0x80))
      return TRUE;
  return FALSE;
}

/* TRUE when fold (@text) is @text: no capital A–Z, no full-width form, no white space at
 * either end (the cells an import looks up, already trimmed, mostly are). */
static gboolean
already_folded (const char *text)
{
  const guchar *p = (const guchar *) text;

  if (*p == '\0' || g_ascii_isspace (*p) || has_wide_form (text))
    return FALSE;
  for (; *p != '\0'; p++)
    if (*p >= 'A' && *p <= 'Z')
      return FALSE;
  return !g_ascii_isspace (p[-1]);
}

char *
td_codes_halfwidth (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), g_strdup (""));
  /* U+FF01…U+FF5E are EF BC 81 … EF BD 9E in UTF-8, U+3000 is E3 80 80: text without them
   * (nearly every cell of an import) is copied as it is, after one pass over its bytes */
  if (!has_wide_form (text))
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        g_string_append_c (out, (char) (c - 0xFF01 + 0x21));
      else if (c == 0x3000)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
td_codes_halfwidth_stripped (const char *text)
{
  const guchar *p;
  const char *end;

  if (text == NULL)
    return NULL;
  /* ASCII (a phone, an id number, a date) is valid UTF-8 with no full-width form */
  for (p = (const guchar *) text; *p != '\0' && *p < 0x80; p++)
    ;
  if (*p != '\0')
    {
      g_return_val_if_fail (g_utf8_validate (text, -1, NULL), g_strdup (""));
      if (has_wide_form (text))
        return g_strstrip (td_codes_halfwidth (text));
    }
  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  return g_strndup (text, (gsize) (end - text));
}

/* Half-width, trimmed, ASCII lower case: the form lookups compare. */
static char *
fold (const char *text)
{
  g_autofree char *half = td_codes_halfwidth_stripped (text);

  return g_ascii_strdown (half, -1);
}

/* The Chinese labels of @list folded as lookups compare them, computed once. */
static char **
folded_labels (TdCodeList list)
{
  static gsize once[TD_CODES_N_LISTS];
  static char **labels[TD_CODES_N_LISTS];

  if (g_once_init_enter (&once[list]))
    {
      char **folded = g_new0 (char *, lists[list].n + 1);

      for (gsize i = 0; i < lists[list].n; i++)
        folded[i] = fold (lists[list].entries[i].zh);
      labels[list] = folded;
      g_once_init_leave (&once[list], 1);
    }
  return labels[list];
}

static void
add_form (GHashTable *forms, char *form, const char *code)
{
  /* the first entry with the form keeps it, as a walk over the list in order finds it */
  if (*form == '\0' || g_hash_table_contains (forms, form))
    g_free (form);
  else
    g_hash_table_insert (forms, form, (gpointer) code);
}

/* Every form a lookup in @list accepts (the code and the English name in lower case, the
 * folded label, each alias) → its entry's code: built once, so that a lookup (an import
 * makes tens of thousands) is one probe instead of a walk over the list. */
static GHashTable *
forms_of (TdCodeList list)
{
  static gsize once[TD_CODES_N_LISTS];
  static GHashTable *tables[TD_CODES_N_LISTS];

  if (g_once_init_enter (&once[list]))
    {
      GHashTable *forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (gsize i = 0; i < lists[list].n; i++)
        {
          const TdCode *entry = &lists[list].entries[i];

          add_form (forms, g_ascii_strdown (entry->code, -1), entry->code);
          add_form (forms, g_strdup (folded_labels (list)[i]), entry->code);
          if (entry->en != NULL)
            add_form (forms, g_ascii_strdown (entry->en, -1), entry->code);
          for (const char *p = entry->aliases; p != NULL; )
            {
              const char *bar = strchr (p, '|');

              add_form (forms, bar != NULL ? g_strndup (p, bar - p) : g_strdup (p),
                        entry->code);
              p = bar != NULL ? bar + 1 : NULL;
            }
        }
      tables[list] = forms;
      g_once_init_leave (&once[list], 1);
    }
  return tables[list];
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/* "1" for "01": spreadsheets drop leading zeros of numeric codes. */
static const char *
lookup_number (TdCodeList list, const char *folded)
{
  guint64 value;

  if (!all_digits (folded) || strlen (folded) > 9)
    return NULL;
  value = g_ascii_strtoull (folded, NULL, 10);
  for (gsize i = 0; i < lists[list].n; i++)
    {
      const char *code = lists[list].entries[i].code;

      if (all_digits (code) && g_ascii_strtoull (code, NULL, 10) == value)
        return code;
    }
  return NULL;
}

char *
td_code_unknown_reason (TdCodeList list, const char *text)
{
  switch (list)
    {
    case TD_CODES_EDUCATION:
      return g_strdup_printf (_("“%s” is not a level of education."), text);
    case TD_CODES_EMPLOYMENT_STATUS:
      return g_strdup_printf (_("“%s” is not an employment status."), text);
    case TD_CODES_GENDER:
      return g_strdup_printf (_("“%s” is not a gender."), text);
    case TD_CODES_LEVEL:
      return g_strdup_printf (_("“%s” is not a certificate level."), text);
    case TD_CODES_OUTCOME:
      return g_strdup_printf (_("“%s” is not an outcome: 合格, 不合格 or 缺考."), text);
    case TD_CODES_PROOF:
      return g_strdup_printf (_("“%s” is not a kind of proof."), text);
    default:
      return g_strdup_printf (_("“%s” is not one of the codes of this column."), text);
    }
}

const char *
td_code_lookup (TdCodeList list, const char *text)
{
  g_autofree char *folded = NULL;
  const char *code;

  g_return_val_if_fail (list < TD_CODES_N_LISTS, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  if (already_folded (text))
    {
      code = g_hash_table_lookup (forms_of (list), text);
      return code != NULL ? code : lookup_number (list, text);
    }
  folded = fold (text);
  if (*folded == '\0')
    return NULL;
  code = g_hash_table_lookup (forms_of (list), folded);
  return code != NULL ? code : lookup_number (list, folded);
}
