/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-codes.h"
#include "core/td-idnumber.h"
#include "ui/td-record-row.h"

struct _TdRecordRow
{
  TdListRow parent_instance;
};

G_DEFINE_FINAL_TYPE (TdRecordRow, td_record_row, TD_TYPE_LIST_ROW)

enum
{
  PROP_0,
  PROP_POSITION,
  PROP_NAME,
  PROP_ID_NUMBER,
  PROP_STATUS,
  PROP_IN,
  PROP_OUT,
  PROP_METHOD,
  PROP_HOURS,
  PROP_HOURS_HALVES,
  PROP_LOCK,
  PROP_CREDITED,
  PROP_CREDITED_HALVES,
  PROP_RATE,
  PROP_RATE_VALUE,
  PROP_RATE_FLAGGED,
  N_PROPS
};

static void
td_record_row_class_init (TdRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *texts[] = { [PROP_NAME] = "name", [PROP_ID_NUMBER] = "id-number",
                          [PROP_STATUS] = "status", [PROP_IN] = "in", [PROP_OUT] = "out",
                          [PROP_METHOD] = "method", [PROP_HOURS] = "hours",
                          [PROP_LOCK] = "lock", [PROP_CREDITED] = "credited",
                          [PROP_RATE] = "rate" };
  const char *numbers[] = { [PROP_POSITION] = "position", [PROP_HOURS_HALVES] = "hours-halves",
                            [PROP_CREDITED_HALVES] = "credited-halves",
                            [PROP_RATE_VALUE] = "rate-value" };
  const char *flags_of[] = { [PROP_RATE_FLAGGED] = "rate-flagged" };

  object_class->get_property = td_list_row_get_value_property;
  td_list_row_class_install (object_class, G_TYPE_STRING, texts, G_N_ELEMENTS (texts));
  td_list_row_class_install (object_class, G_TYPE_INT64, numbers, G_N_ELEMENTS (numbers));
  td_list_row_class_install (object_class, G_TYPE_BOOLEAN, flags_of, G_N_ELEMENTS (flags_of));
}

static void
td_record_row_init (TdRecordRow *self)
{
  td_list_row_init_values (TD_LIST_ROW (self), N_PROPS);
}

static void
set_record (TdListRow *row, const TdAttendance *r)
{
  char status[2] = { r->status, 0 };

  td_list_row_take_string (row, PROP_STATUS,
                           g_strdup_printf ("%s %s", status,
                                            td_code_label (TD_CODES_ATTENDANCE_STATUS,
                                                           status)));
  td_list_row_take_string (row, PROP_IN, g_strndup (r->time_in, 5));
  td_list_row_take_string (row, PROP_OUT, g_strndup (r->time_out, 5));
  td_list_row_set_string (row, PROP_METHOD, td_code_label (TD_CODES_SIGN_METHOD, r->method));
  td_list_row_take_string (row, PROP_HOURS, td_hours_format (r->hours));
  td_list_row_set_int64 (row, PROP_HOURS_HALVES, r->hours);
  td_list_row_set_string (row, PROP_LOCK, r->packet_id != NULL ? "icon:changes-prevent-symbolic"
                                          : r->restates != NULL ? "icon:document-edit-symbolic"
                                                                : "");
}

TdRecordRow *
td_record_row_new (const TdEnrolment *e, const TdAttendance *r, gboolean offered,
                   TdHalves credited, TdRate rate, gboolean rate_flagged)
{
  TdRecordRow *self = g_object_new (TD_TYPE_RECORD_ROW, NULL);
  TdListRow *row = TD_LIST_ROW (self);

  td_list_row_set_id (row, e->trainee.id);
  td_list_row_set_dimmed (row, !offered);
  td_list_row_set_int64 (row, PROP_POSITION, e->position);
  td_list_row_set_string (row, PROP_NAME, e->trainee.name);
  td_list_row_take_string (row, PROP_ID_NUMBER, td_id_number_mask (e->trainee.id_number));
  td_list_row_set_int64 (row, PROP_HOURS_HALVES, -1);
  if (!offered)
    td_list_row_set_string (row, PROP_STATUS, e->withdrawn_date[0] != '\0' ? _("Withdrawn")
                                                                            : _("Cancelled"));
  else if (r != NULL)
    set_record (row, r);
  td_list_row_take_string (row, PROP_CREDITED, td_hours_format (credited));
  td_list_row_set_int64 (row, PROP_CREDITED_HALVES, credited);
  td_list_row_take_string (row, PROP_RATE, td_rate_format_percent (rate));
  td_list_row_set_int64 (row, PROP_RATE_VALUE, rate);
  td_list_row_set_boolean (row, PROP_RATE_FLAGGED, rate_flagged);
  return self;
}
