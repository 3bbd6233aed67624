/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-codes.h"
#include "core/td-credit-code.h"
#include "core/td-date.h"
#include "core/td-idnumber.h"
#include "core/td-subsidy.h"
#include "ui/td-follow-up-row.h"

struct _TdFollowUpRow
{
  TdListRow parent_instance;
  TdEnrolment *enrolment;
};

G_DEFINE_FINAL_TYPE (TdFollowUpRow, td_follow_up_row, TD_TYPE_LIST_ROW)

enum
{
  PROP_0,
  PROP_POSITION,
  PROP_NAME,
  PROP_ID_NUMBER,
  PROP_CHECKED,
  PROP_CHECKED_DAY,
  PROP_STATUS,
  PROP_STATUS_FLAGGED,
  PROP_EMPLOYER,
  PROP_EMPLOYER_FLAGGED,
  PROP_SINCE,
  PROP_SINCE_DAY,
  PROP_PROOF,
  PROP_WAGE,
  PROP_WAGE_FEN,
  PROP_UPLIFT,
  N_PROPS
};

static void
td_follow_up_row_finalize (GObject *object)
{
  g_clear_pointer (&TD_FOLLOW_UP_ROW (object)->enrolment, td_enrolment_free);
  G_OBJECT_CLASS (td_follow_up_row_parent_class)->finalize (object);
}

static void
td_follow_up_row_class_init (TdFollowUpRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const char *texts[] = { [PROP_NAME] = "name", [PROP_ID_NUMBER] = "id-number",
                          [PROP_CHECKED] = "checked", [PROP_STATUS] = "status",
                          [PROP_EMPLOYER] = "employer", [PROP_SINCE] = "since",
                          [PROP_PROOF] = "proof", [PROP_WAGE] = "wage",
                          [PROP_UPLIFT] = "uplift" };

  object_class->get_property = td_list_row_get_value_property;
  object_class->finalize = td_follow_up_row_finalize;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      g_object_class_install_property (object_class, i,
                                       g_param_spec_string (texts[i], NULL, NULL, "", flags));
  g_object_class_install_property (object_class, PROP_POSITION,
                                   g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT64,
                                                       0, flags));
  g_object_class_install_property (object_class, PROP_CHECKED_DAY,
                                   g_param_spec_int64 ("checked-day", NULL, NULL, 0,
                                                       G_MAXINT64, 0, flags));
  g_object_class_install_property (object_class, PROP_SINCE_DAY,
                                   g_param_spec_int64 ("since-day", NULL, NULL, 0, G_MAXINT64,
                                                       0, flags));
  g_object_class_install_property (object_class, PROP_WAGE_FEN,
                                   g_param_spec_int64 ("wage-fen", NULL, NULL, -1, G_MAXINT64,
                                                       -1, flags));
  g_object_class_install_property (object_class, PROP_STATUS_FLAGGED,
                                   g_param_spec_boolean ("status-flagged", NULL, NULL, FALSE,
                                                         flags));
  g_object_class_install_property (object_class, PROP_EMPLOYER_FLAGGED,
                                   g_param_spec_boolean ("employer-flagged", NULL, NULL,
                                                         FALSE, flags));
}

static void
td_follow_up_row_init (TdFollowUpRow *self)
{
  td_list_row_init_values (TD_LIST_ROW (self), N_PROPS);
}

static const char *
code_label (TdCodeList list, int code)
{
  char text[12];

  g_snprintf (text, sizeof text, "%d", code);
  return td_code_label (list, text);
}

static void
set_follow_up (TdListRow *row, const TdFollowUp *f, const char *end_date, int window_days)
{
  td_list_row_set_string (row, PROP_CHECKED, f->checked);
  td_list_row_set_int64 (row, PROP_CHECKED_DAY, td_day_from_iso (f->checked));
  td_list_row_set_string (row, PROP_STATUS, code_label (TD_CODES_EMPLOYMENT_STATUS, f->status));
  td_list_row_set_string (row, PROP_EMPLOYER, f->employer_name);
  td_list_row_set_boolean (row, PROP_EMPLOYER_FLAGGED,
                           f->employer_credit_code != NULL
                           && !td_credit_code_check_ok (f->employer_credit_code));
  td_list_row_set_string (row, PROP_SINCE, f->since);
  td_list_row_set_int64 (row, PROP_SINCE_DAY, td_day_from_iso (f->since));
  td_list_row_set_string (row, PROP_PROOF, f->proof != 0 ? code_label (TD_CODES_PROOF, f->proof)
                                                          : "");
  td_list_row_set_int64 (row, PROP_WAGE_FEN, f->monthly_wage);
  if (f->monthly_wage >= 0)
    td_list_row_take_string (row, PROP_WAGE, td_money_format_display (f->monthly_wage));
  td_list_row_set_string (row, PROP_UPLIFT,
                          td_subsidy_follow_up_earns_uplift (f, end_date, window_days)
                          ? _("Yes") : _("No"));
}

TdFollowUpRow *
td_follow_up_row_new (const TdEnrolment *e, const TdFollowUp *f, const char *end_date,
                      int window_days)
{
  TdFollowUpRow *self = g_object_new (TD_TYPE_FOLLOW_UP_ROW, NULL);
  TdListRow *row = TD_LIST_ROW (self);
  gboolean withdrawn = e->withdrawn_date[0] != '\0';

  self->enrolment = td_enrolment_copy (e);
  td_list_row_set_id (row, e->trainee.id);
  td_list_row_set_dimmed (row, withdrawn);
  td_list_row_set_int64 (row, PROP_POSITION, e->position);
  td_list_row_set_string (row, PROP_NAME, e->trainee.name);
  td_list_row_take_string (row, PROP_ID_NUMBER, td_id_number_mask (e->trainee.id_number));
  td_list_row_set_int64 (row, PROP_WAGE_FEN, -1);
  if (f != NULL)
    set_follow_up (row, f, end_date, window_days);
  else
    {
      td_list_row_set_string (row, PROP_STATUS, withdrawn ? _("Withdrawn")
                                                          : _("Not followed up"));
      td_list_row_set_boolean (row, PROP_STATUS_FLAGGED, !withdrawn);
    }
  return self;
}

const TdEnrolment *
td_follow_up_row_get_enrolment (TdFollowUpRow *self)
{
  g_return_val_if_fail (TD_IS_FOLLOW_UP_ROW (self), NULL);
  return self->enrolment;
}
