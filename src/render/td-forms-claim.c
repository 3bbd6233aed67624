/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 表5 补贴申请表: the claim the latest claim packet carried, or, before any, the claim as
 * the subsidy rules compute it now (td-subsidy.h). */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-subsidy.h"
#include "render/td-forms-private.h"

/* One printed line, whichever the source. */
typedef struct
{
  gint64 trainee_id;
  TdRate rate;
  TdFen standard, uplift, amount;
} ClaimRow;

/* The stored claim of the latest claim packet in *@out (NULL when none was written); FALSE
 * with @error when the store cannot be read. */
static gboolean
stored_claim (TdFormContext *ctx, TdClaim **out, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (TdPacketLog) packet = td_store_latest_packet (ctx->store, TD_KIND_CLAIM,
                                                           ctx->klass->id, 0, 0, &local);

  *out = NULL;
  if (packet != NULL)
    *out = td_store_get_claim_by_packet (ctx->store, packet->id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

static GArray *
rows_of_claim (const TdClaim *claim)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (ClaimRow));

  for (guint i = 0; i < claim->lines->len; i++)
    {
      const TdClaimLine *line = g_ptr_array_index (claim->lines, i);
      ClaimRow row = { line->trainee_id, line->attendance_rate, line->standard, line->uplift,
                       line->amount };

      g_array_append_val (rows, row);
    }
  return rows;
}

static GArray *
rows_of_preview (const TdSubsidyPreview *preview)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (ClaimRow));

  for (guint i = 0; i < preview->lines->len; i++)
    {
      const TdSubsidyLine *line = g_ptr_array_index (preview->lines, i);
      ClaimRow row = { line->enrolment->trainee.id, line->attendance_rate, line->standard,
                       line->uplift, line->amount };

      if (line->reason == TD_SUBSIDY_INCLUDED)
        g_array_append_val (rows, row);
    }
  return rows;
}

static void
claim_fields (TdFormContext *ctx, TdForm *form, const TdClaim *claim)
{
  const TdInstitution *inst = ctx->inst;
  int payee = claim != NULL ? claim->payee_type : ctx->klass->payee_type;
  g_autofree char *item = g_strdup_printf ("%s（%s）", ctx->klass->item_name,
                                           td_forms_code_int (TD_CODES_LEVEL, ctx->klass->level));
  g_autofree char *period = td_forms_period (ctx->klass);

  td_form_add_field (form, "申请单位", inst->name);
  td_form_add_field (form, "统一社会信用代码", inst->credit_code);
  td_form_add_field (form, "开户银行", claim != NULL ? claim->bank : inst->bank);
  td_form_add_field (form, "账号", claim != NULL ? claim->account : inst->account);
  td_form_add_field (form, "收款方类型", td_forms_code_int (TD_CODES_PAYEE, payee));
  td_form_add_field (form, "班级编号", ctx->klass->code);
  td_form_add_field (form, "备案号", ctx->klass->filing_no);
  td_form_add_field (form, "培训项目及等级", item);
  td_form_add_field (form, "培训起止日期", period);
  td_form_add_field (form, "目录版本", claim != NULL ? claim->catalog_version
                                                    : ctx->klass->catalog_version);
}

static TdFormTable *
claim_table (TdForm *form)
{
  TdFormTable *table = td_form_add_table (form, "申请明细");

  td_form_table_add_column (table, "序号", 11, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "姓名", 20, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "身份证号码", 40, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "出勤率", 18, PANGO_ALIGN_RIGHT);
  td_form_table_add_column (table, "考核结果", 16, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "证书编号", 40, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "补贴标准", 24, PANGO_ALIGN_RIGHT);
  td_form_table_add_column (table, "就业上浮", 22, PANGO_ALIGN_RIGHT);
  td_form_table_add_column (table, "申请金额", 24, PANGO_ALIGN_RIGHT);
  return table;
}

static gboolean
claim_rows (TdFormContext *ctx, TdFormTable *table, GArray *rows, GError **error)
{
  g_autoptr (GPtrArray) enrolments = td_store_list_enrolments (ctx->store, ctx->klass->id,
                                                               error);
  g_autoptr (GPtrArray) results = NULL;

  if (enrolments == NULL
      || (results = td_store_list_results (ctx->store, ctx->klass->id, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const ClaimRow *row = &g_array_index (rows, ClaimRow, i);
      const TdEnrolment *e = td_forms_find_enrolment (enrolments, row->trainee_id);
      const TdResult *result = NULL;
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      g_autofree char *id = td_forms_id (ctx, e != NULL ? e->trainee.id_number : NULL);
      g_autofree char *rate = td_rate_format_percent (row->rate);
      g_autofree char *standard = td_money_format_display (row->standard);
      g_autofree char *uplift = td_money_format_display (row->uplift);
      g_autofree char *amount = td_money_format_display (row->amount);

      for (guint r = 0; r < results->len; r++)
        if (((TdResult *) g_ptr_array_index (results, r))->trainee_id == row->trainee_id)
          result = g_ptr_array_index (results, r);
      {
        const char *cells[] = {
          n, e != NULL ? e->trainee.name : "", id, rate,
          result != NULL ? td_forms_code_int (TD_CODES_OUTCOME, result->outcome) : "",
          result != NULL && result->cert_number ? result->cert_number : "",
          standard, uplift, amount,
        };

        td_form_table_add_row (table, cells);
      }
    }
  return TRUE;
}

static void
claim_foot (TdForm *form, guint count, TdFen total)
{
  g_autofree char *figures = td_money_format_display (total);
  g_autofree char *capital = td_money_capital (total);
  g_autofree char *totals = g_strdup_printf ("申请人数：%u 人　申请金额合计（小写）：%s　"
                                             "合计（大写）：%s", count, figures, capital);

  td_form_add_paragraph (form, totals);
  td_form_add_paragraph (form, "本单位承诺所填信息真实准确，如有虚假，自愿承担相应责任并退回"
                         "补贴资金。");
  td_form_add_signatures (form, (const char *const[]){ "申请单位（盖章）", "法定代表人（签字）",
                                                       "经办人", "日期", NULL });
  td_form_add_box (form, (const char *const[]){ "审核意见", "核定金额", "审核人", "日期",
                                                NULL }, 30);
}

gboolean
td_forms_build_claim (TdFormContext *ctx, TdForm *form, GError **error)
{
  g_autoptr (TdClaim) claim = NULL;
  g_autoptr (TdSubsidyPreview) preview = NULL;
  g_autoptr (GArray) rows = NULL;
  TdFen total = 0;

  if (!stored_claim (ctx, &claim, error))
    return FALSE;
  if (claim != NULL)
    rows = rows_of_claim (claim);
  else
    {
      preview = td_subsidy_preview (ctx->store, ctx->klass->id, error);
      if (preview == NULL)
        return FALSE;
      rows = rows_of_preview (preview);
    }
  claim_fields (ctx, form, claim);
  if (!claim_rows (ctx, claim_table (form), rows, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    total += g_array_index (rows, ClaimRow, i).amount;
  claim_foot (form, rows->len, total);
  return TRUE;
}
