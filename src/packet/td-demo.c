/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data (`traindesk-cli init --demo`, and the GUI's first-run assistant).
 *
 * The demo is played forward in time: each class is filed, enrolled, attended, assessed,
 * followed up and claimed in the order a real institution would, and each packet is
 * exported on the day it would have been sent and answered by a receipt from the bureau,
 * so the packet log, the chains and the filing numbers are exactly what real use leaves. */
#define G_LOG_DOMAIN "td-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-credit-code.h"
#include "core/td-idnumber.h"
#include "packet/td-demo.h"
#include "packet/td-demo-private.h"

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
};
static const char *const given_female[] = {
  "秀英", "桂英", "丽娟", "芳", "敏", "静", "丽", "艳", "娟", "霞", "玉兰", "红梅", "晓燕",
  "海燕", "春梅", "雪", "慧", "婷", "倩", "玉珍", "凤英", "淑芬", "丹", "萍",
};
static const char *const given_male[] = {
  "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "建国", "建华", "志强",
  "海涛", "国庆", "立新", "新民", "德胜", "宏伟", "俊杰", "文博", "子豪", "浩然", "鹏",
};
static const char *const liaocheng_regions[] = {
  "371502", "371502", "371502", "371503", "371521", "371522", "371524", "371525", "371526",
  "371581",
};

/* ---- people ---- */

static void
make_id_number (GRand *rand, int birth_year, int gender, char out[19])
{
  const char *region = liaocheng_regions[g_rand_int_range (rand, 0, G_N_ELEMENTS (liaocheng_regions))];
  int month = g_rand_int_range (rand, 1, 13);
  int day = g_rand_int_range (rand, 1, 29);
  int seq = g_rand_int_range (rand, 0, 500) * 2 + (gender == 1 ? 1 : 0);
  char id17[18];

  g_snprintf (id17, sizeof id17, "%s%04d%02d%02d%03d", region, birth_year, month, day, seq);
  g_snprintf (out, 19, "%s%c", id17, td_id_number_check_char (id17));
}

static char *
make_phone (GRand *rand)
{
  static const char *const prefixes[] = { "138", "139", "150", "151", "158", "177", "186", "188",
                                          "135", "136", "155", "199" };

  return g_strdup_printf ("%s%08d", prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (prefixes))],
                          g_rand_int_range (rand, 0, 100000000));
}

TdEnrolment *
td_demo_make_trainee (GRand *rand, const char *class_start, const char *categories,
                      const char *consent_date)
{
  TdEnrolment *e = td_enrolment_new ();
  TdTrainee *t = &e->trainee;
  int gender = g_rand_int_range (rand, 0, 10) < 6 ? 2 : 1;
  int start_year = td_day_year (td_day_from_iso (class_start));
  int age = g_rand_int_range (rand, 22, 55);
  static const char *const education[] = { "71", "71", "61", "61", "41", "31", "81", "21", "47" };
  char region[7];

  make_id_number (rand, start_year - age, gender, t->id_number);
  t->gender = gender;
  td_id_number_birth_date (t->id_number, t->birth_date);
  t->name = g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                         gender == 2
                           ? given_female[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_female))]
                           : given_male[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_male))],
                         NULL);
  t->phone = make_phone (rand);
  g_strlcpy (t->education, education[g_rand_int_range (rand, 0, G_N_ELEMENTS (education))],
             sizeof t->education);
  td_id_number_region (t->id_number, region);
  g_strlcpy (t->household_region, region, sizeof t->household_region);
  e->categories = g_strdup (categories);
  e->employment_before = 4;
  g_strlcpy (e->consent_date, consent_date, sizeof e->consent_date);
  return e;
}

char *
td_demo_make_credit_code (GRand *rand, const char *prefix8)
{
  static const char set[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  char code17[18];

  g_strlcpy (code17, prefix8, sizeof code17);
  for (int i = 8; i < 17; i++)
    code17[i] = set[g_rand_int_range (rand, 0, 31)];
  code17[17] = '\0';
  return g_strdup_printf ("%s%c", code17, td_credit_code_check_char (code17));
}

/* ---- the institution ---- */

static gboolean
demo_institution (TdStore *store, GError **error)
{
  g_autoptr (TdInstitution) inst = td_institution_new ();

  inst->credit_code = g_strdup ("52371502MJD1234563");
  inst->name = g_strdup ("聊城市东昌府区光岳职业培训学校");
  inst->license_no = g_strdup ("教民137150270000123号");
  inst->region = g_strdup ("371502");
  inst->contact_name = g_strdup ("王立新");
  inst->contact_phone = g_strdup ("0635-8212345");
  inst->legal_rep = g_strdup ("王立新");
  inst->account_name = g_strdup ("聊城市东昌府区光岳职业培训学校");
  inst->bank = g_strdup ("中国工商银行聊城分行营业部");
  inst->account = g_strdup ("1610001234567890123");
  return td_store_save_institution (store, inst, error);
}

gboolean
td_demo_fill (TdStore *store, GError **error)
{
  g_autoptr (GPtrArray) classes = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260302);
  gboolean ok;

  g_return_val_if_fail (TD_IS_STORE (store), FALSE);
  classes = td_store_list_classes (store, error);
  if (classes == NULL)
    return FALSE;
  if (classes->len > 0)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("The database already holds classes; demo data goes into a new one."));
      return FALSE;
    }
  if (!td_store_begin (store, error))
    return FALSE;
  ok = demo_institution (store, error) && td_demo_classes (store, rand, td_day_today (), error);
  if (!ok)
    {
      td_store_rollback (store);
      return FALSE;
    }
  return td_store_commit (store, error);
}
