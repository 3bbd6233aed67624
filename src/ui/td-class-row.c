/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include "core/td-date.h"
#include "ui/td-class-row.h"

struct _TdClassRow
{
  TdListRow parent_instance;
};

G_DEFINE_FINAL_TYPE (TdClassRow, td_class_row, TD_TYPE_LIST_ROW)

enum
{
  PROP_0,
  PROP_CODE,
  PROP_TITLE,
  PROP_STATUS,
  PROP_START,
  PROP_START_DAY,
  PROP_END,
  PROP_END_DAY,
  PROP_ENROLLED,
  PROP_ENROLLED_COUNT,
  PROP_FILING_NO,
  N_PROPS
};

static void
td_class_row_class_init (TdClassRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *texts[] = { [PROP_CODE] = "code", [PROP_TITLE] = "title",
                          [PROP_STATUS] = "status", [PROP_START] = "start", [PROP_END] = "end",
                          [PROP_ENROLLED] = "enrolled", [PROP_FILING_NO] = "filing-no" };
  const char *numbers[] = { [PROP_START_DAY] = "start-day", [PROP_END_DAY] = "end-day",
                            [PROP_ENROLLED_COUNT] = "enrolled-count" };

  object_class->get_property = td_list_row_get_value_property;
  td_list_row_class_install (object_class, G_TYPE_STRING, texts, G_N_ELEMENTS (texts));
  td_list_row_class_install (object_class, G_TYPE_INT64, numbers, G_N_ELEMENTS (numbers));
}

static void
td_class_row_init (TdClassRow *self)
{
  td_list_row_init_values (TD_LIST_ROW (self), N_PROPS);
}

TdClassRow *
td_class_row_new (const TdClassSummary *s)
{
  TdClassRow *self = g_object_new (TD_TYPE_CLASS_ROW, NULL);
  TdListRow *row = TD_LIST_ROW (self);

  td_list_row_set_id (row, s->id);
  td_list_row_set_dimmed (row, s->status == TD_CLASS_CANCELLED);
  td_list_row_set_string (row, PROP_CODE, s->code);
  td_list_row_set_string (row, PROP_TITLE, s->title);
  td_list_row_set_string (row, PROP_STATUS, td_class_status_label (s->status));
  td_list_row_set_string (row, PROP_START, s->start_date);
  td_list_row_set_int64 (row, PROP_START_DAY, td_day_from_iso (s->start_date));
  td_list_row_set_string (row, PROP_END, s->end_date);
  td_list_row_set_int64 (row, PROP_END_DAY, td_day_from_iso (s->end_date));
  td_list_row_take_string (row, PROP_ENROLLED, g_strdup_printf ("%d/%d", s->enrolled,
                                                                s->planned_size));
  td_list_row_set_int64 (row, PROP_ENROLLED_COUNT, s->enrolled);
  td_list_row_set_string (row, PROP_FILING_NO, s->filing_no);
  return self;
}
