/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <string.h>

#include "core/td-date.h"
#include "ui/td-lesson-row.h"

struct _TdLessonRow
{
  TdListRow parent_instance;
};

G_DEFINE_FINAL_TYPE (TdLessonRow, td_lesson_row, TD_TYPE_LIST_ROW)

enum
{
  PROP_0,
  PROP_LID,
  PROP_LID_FLAGGED,
  PROP_DATE,
  PROP_DATE_DAY,
  PROP_TIME,
  PROP_RECORDED,
  PROP_RECORDED_COUNT,
  PROP_RECORDED_FLAGGED,
  PROP_LOCK,
  N_PROPS
};

static void
td_lesson_row_class_init (TdLessonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *texts[] = { [PROP_LID] = "lid", [PROP_DATE] = "date", [PROP_TIME] = "time",
                          [PROP_RECORDED] = "recorded", [PROP_LOCK] = "lock" };
  const char *numbers[] = { [PROP_DATE_DAY] = "date-day",
                            [PROP_RECORDED_COUNT] = "recorded-count" };
  const char *flags_of[] = { [PROP_LID_FLAGGED] = "lid-flagged",
                             [PROP_RECORDED_FLAGGED] = "recorded-flagged" };

  object_class->get_property = td_list_row_get_value_property;
  td_list_row_class_install (object_class, G_TYPE_STRING, texts, G_N_ELEMENTS (texts));
  td_list_row_class_install (object_class, G_TYPE_INT64, numbers, G_N_ELEMENTS (numbers));
  td_list_row_class_install (object_class, G_TYPE_BOOLEAN, flags_of, G_N_ELEMENTS (flags_of));
}

static void
td_lesson_row_init (TdLessonRow *self)
{
  td_list_row_init_values (TD_LIST_ROW (self), N_PROPS);
}

TdLessonRow *
td_lesson_row_new (const TdLesson *l, guint recorded, guint offered, gboolean sent,
                   gboolean chain_problem)
{
  TdLessonRow *self = g_object_new (TD_TYPE_LESSON_ROW, NULL);
  TdListRow *row = TD_LIST_ROW (self);
  char today[TD_DATE_LEN];

  td_day_to_iso (td_day_today (), today);
  td_list_row_set_id (row, l->id);
  td_list_row_set_dimmed (row, offered == 0);
  td_list_row_set_string (row, PROP_LID, l->lid);
  td_list_row_set_boolean (row, PROP_LID_FLAGGED, chain_problem);
  td_list_row_set_string (row, PROP_DATE, l->date);
  td_list_row_set_int64 (row, PROP_DATE_DAY, td_day_from_iso (l->date));
  td_list_row_take_string (row, PROP_TIME, g_strdup_printf ("%.5s–%.5s", l->start, l->end));
  td_list_row_take_string (row, PROP_RECORDED, g_strdup_printf ("%u/%u", recorded, offered));
  td_list_row_set_int64 (row, PROP_RECORDED_COUNT, recorded);
  td_list_row_set_boolean (row, PROP_RECORDED_FLAGGED,
                           recorded < offered && strcmp (l->date, today) <= 0);
  td_list_row_set_string (row, PROP_LOCK, sent ? "icon:changes-prevent-symbolic" : "");
  return self;
}
