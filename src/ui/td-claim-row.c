/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-codes.h"
#include "core/td-hours.h"
#include "core/td-idnumber.h"
#include "core/td-money.h"
#include "ui/td-claim-row.h"

struct _TdClaimRow
{
  TdListRow parent_instance;
};

G_DEFINE_FINAL_TYPE (TdClaimRow, td_claim_row, TD_TYPE_LIST_ROW)

enum
{
  PROP_0,
  PROP_POSITION,
  PROP_NAME,
  PROP_ID_NUMBER,
  PROP_CREDITED,
  PROP_CREDITED_HALVES,
  PROP_RATE,
  PROP_RATE_VALUE,
  PROP_CERTIFICATE,
  PROP_STANDARD,
  PROP_STANDARD_FEN,
  PROP_UPLIFT,
  PROP_UPLIFT_FEN,
  PROP_AMOUNT,
  PROP_AMOUNT_FEN,
  PROP_REASON,
  PROP_REASON_FLAGGED,
  N_PROPS
};

static void
td_claim_row_class_init (TdClaimRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *texts[] = { [PROP_NAME] = "name", [PROP_ID_NUMBER] = "id-number",
                          [PROP_CREDITED] = "credited", [PROP_RATE] = "rate",
                          [PROP_CERTIFICATE] = "certificate", [PROP_STANDARD] = "standard",
                          [PROP_UPLIFT] = "uplift", [PROP_AMOUNT] = "amount",
                          [PROP_REASON] = "reason" };
  const char *numbers[] = { [PROP_POSITION] = "position",
                            [PROP_CREDITED_HALVES] = "credited-halves",
                            [PROP_RATE_VALUE] = "rate-value", [PROP_STANDARD_FEN] = "standard-fen",
                            [PROP_UPLIFT_FEN] = "uplift-fen", [PROP_AMOUNT_FEN] = "amount-fen" };
  const char *flags_of[] = { [PROP_REASON_FLAGGED] = "reason-flagged" };

  object_class->get_property = td_list_row_get_value_property;
  td_list_row_class_install (object_class, G_TYPE_STRING, texts, G_N_ELEMENTS (texts));
  td_list_row_class_install (object_class, G_TYPE_INT64, numbers, G_N_ELEMENTS (numbers));
  td_list_row_class_install (object_class, G_TYPE_BOOLEAN, flags_of, G_N_ELEMENTS (flags_of));
}

static void
td_claim_row_init (TdClaimRow *self)
{
  td_list_row_init_values (TD_LIST_ROW (self), N_PROPS);
}

static void
set_money (TdListRow *row, guint text_prop, guint fen_prop, TdFen fen, gboolean shown)
{
  td_list_row_set_int64 (row, fen_prop, fen);
  if (shown)
    td_list_row_take_string (row, text_prop, td_money_format_display (fen));
}

TdClaimRow *
td_claim_row_new (const TdSubsidyLine *line)
{
  const TdEnrolment *e = line->enrolment;
  TdClaimRow *self = g_object_new (TD_TYPE_CLAIM_ROW, NULL);
  TdListRow *row = TD_LIST_ROW (self);
  gboolean in = line->reason == TD_SUBSIDY_INCLUDED;
  char code[12];

  td_list_row_set_id (row, e->trainee.id);
  td_list_row_set_dimmed (row, !in);
  td_list_row_set_int64 (row, PROP_POSITION, e->position);
  td_list_row_set_string (row, PROP_NAME, e->trainee.name);
  td_list_row_take_string (row, PROP_ID_NUMBER, td_id_number_mask (e->trainee.id_number));
  td_list_row_take_string (row, PROP_CREDITED, td_hours_format (line->credited));
  td_list_row_set_int64 (row, PROP_CREDITED_HALVES, line->credited);
  td_list_row_take_string (row, PROP_RATE, td_rate_format_percent (line->attendance_rate));
  td_list_row_set_int64 (row, PROP_RATE_VALUE, line->attendance_rate);
  if (line->certificate != 0)
    {
      g_snprintf (code, sizeof code, "%d", line->level);
      td_list_row_take_string (row, PROP_CERTIFICATE,
                               g_strdup_printf ("%s · %s",
                                                td_code_label (TD_CODES_CERTIFICATE,
                                                               (char[2]){ '0' + line->certificate,
                                                                          0 }),
                                                td_code_label (TD_CODES_LEVEL, code)));
    }
  set_money (row, PROP_STANDARD, PROP_STANDARD_FEN, line->standard, line->standard > 0);
  set_money (row, PROP_UPLIFT, PROP_UPLIFT_FEN, line->uplift, TRUE);
  set_money (row, PROP_AMOUNT, PROP_AMOUNT_FEN, line->amount, TRUE);
  /* every reason, one a line (issue 17.11) */
  td_list_row_take_string (row, PROP_REASON, in ? g_strdup (_("Included"))
                                                : g_strjoinv ("\n", line->reasons));
  td_list_row_set_boolean (row, PROP_REASON_FLAGGED, !in);
  return self;
}
