/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-codes.h"
#include "core/td-date.h"
#include "core/td-idnumber.h"
#include "core/td-record-rules.h"
#include "ui/td-result-row.h"

struct _TdResultRow
{
  TdListRow parent_instance;
  TdEnrolment *enrolment;
};

G_DEFINE_FINAL_TYPE (TdResultRow, td_result_row, TD_TYPE_LIST_ROW)

enum
{
  PROP_0,
  PROP_POSITION,
  PROP_NAME,
  PROP_ID_NUMBER,
  PROP_THEORY,
  PROP_THEORY_TENTHS,
  PROP_PRACTICE,
  PROP_PRACTICE_TENTHS,
  PROP_OUTCOME,
  PROP_CERTIFICATE,
  PROP_CERT_NUMBER,
  PROP_CERT_NUMBER_FLAGGED,
  PROP_CERT_ISSUED,
  PROP_CERT_ISSUED_DAY,
  N_PROPS
};

static void
td_result_row_finalize (GObject *object)
{
  g_clear_pointer (&TD_RESULT_ROW (object)->enrolment, td_enrolment_free);
  G_OBJECT_CLASS (td_result_row_parent_class)->finalize (object);
}

static void
td_result_row_class_init (TdResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const char *texts[] = { [PROP_NAME] = "name", [PROP_ID_NUMBER] = "id-number",
                          [PROP_THEORY] = "theory", [PROP_PRACTICE] = "practice",
                          [PROP_OUTCOME] = "outcome", [PROP_CERTIFICATE] = "certificate",
                          [PROP_CERT_NUMBER] = "cert-number", [PROP_CERT_ISSUED] = "cert-issued" };
  const char *numbers[] = { [PROP_POSITION] = "position", [PROP_THEORY_TENTHS] = "theory-tenths",
                            [PROP_PRACTICE_TENTHS] = "practice-tenths",
                            [PROP_CERT_ISSUED_DAY] = "cert-issued-day" };

  object_class->get_property = td_list_row_get_value_property;
  object_class->finalize = td_result_row_finalize;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      g_object_class_install_property (object_class, i,
                                       g_param_spec_string (texts[i], NULL, NULL, "", flags));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (numbers[i] != NULL)
      g_object_class_install_property (object_class, i,
                                       g_param_spec_int64 (numbers[i], NULL, NULL, -1,
                                                           G_MAXINT64, -1, flags));
  g_object_class_install_property (object_class, PROP_CERT_NUMBER_FLAGGED,
                                   g_param_spec_boolean ("cert-number-flagged", NULL, NULL,
                                                         FALSE, flags));
}

static void
td_result_row_init (TdResultRow *self)
{
  td_list_row_init_values (TD_LIST_ROW (self), N_PROPS);
}

static void
set_code (TdListRow *row, guint prop_id, TdCodeList list, int code)
{
  char text[12];

  g_snprintf (text, sizeof text, "%d", code);
  td_list_row_set_string (row, prop_id, td_code_label (list, text));
}

static void
set_result (TdListRow *row, const TdResult *r)
{
  td_list_row_take_string (row, PROP_THEORY, td_score_format (r->theory));
  td_list_row_set_int64 (row, PROP_THEORY_TENTHS, r->theory);
  td_list_row_take_string (row, PROP_PRACTICE, td_score_format (r->practice));
  td_list_row_set_int64 (row, PROP_PRACTICE_TENTHS, r->practice);
  set_code (row, PROP_OUTCOME, TD_CODES_OUTCOME, r->outcome);
  if (r->cert_type != 0)
    {
      g_autofree char *problem = td_cert_number_problem (r->cert_type, r->cert_level,
                                                      r->cert_number);

      set_code (row, PROP_CERTIFICATE, TD_CODES_CERTIFICATE, r->cert_type);
      td_list_row_set_string (row, PROP_CERT_NUMBER, r->cert_number);
      td_list_row_set_boolean (row, PROP_CERT_NUMBER_FLAGGED, problem != NULL);
      td_list_row_set_string (row, PROP_CERT_ISSUED, r->cert_issued);
      td_list_row_set_int64 (row, PROP_CERT_ISSUED_DAY, td_day_from_iso (r->cert_issued));
    }
}

TdResultRow *
td_result_row_new (const TdEnrolment *e, const TdResult *r)
{
  TdResultRow *self = g_object_new (TD_TYPE_RESULT_ROW, NULL);
  TdListRow *row = TD_LIST_ROW (self);

  self->enrolment = td_enrolment_copy (e);
  td_list_row_set_id (row, e->trainee.id);
  td_list_row_set_dimmed (row, e->withdrawn_date[0] != '\0');
  td_list_row_set_int64 (row, PROP_POSITION, e->position);
  td_list_row_set_string (row, PROP_NAME, e->trainee.name);
  td_list_row_take_string (row, PROP_ID_NUMBER, td_id_number_mask (e->trainee.id_number));
  if (e->withdrawn_date[0] != '\0')
    td_list_row_take_string (row, PROP_OUTCOME,
                             g_strdup_printf (_("Withdrawn %s"), e->withdrawn_date));
  if (r != NULL)
    set_result (row, r);
  return self;
}

const TdEnrolment *
td_result_row_get_enrolment (TdResultRow *self)
{
  g_return_val_if_fail (TD_IS_RESULT_ROW (self), NULL);
  return self->enrolment;
}
