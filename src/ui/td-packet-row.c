/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-money.h"
#include "ui/td-packet-row.h"

struct _TdPacketRow
{
  TdListRow parent_instance;
  char *packet_id;
};

G_DEFINE_FINAL_TYPE (TdPacketRow, td_packet_row, TD_TYPE_LIST_ROW)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_CLASS,
  PROP_CREATED,
  PROP_CREATED_TIME,
  PROP_STATUS,
  PROP_STATUS_FLAGGED,
  PROP_FILING_NO,
  PROP_APPROVED,
  PROP_APPROVED_FEN,
  PROP_DUE,
  PROP_DUE_FLAGGED,
  PROP_FILE,
  PROP_FILE_FLAGGED,
  N_PROPS
};

static void
td_packet_row_finalize (GObject *object)
{
  g_free (TD_PACKET_ROW (object)->packet_id);
  G_OBJECT_CLASS (td_packet_row_parent_class)->finalize (object);
}

static void
td_packet_row_class_init (TdPacketRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const char *texts[] = { [PROP_KIND] = "kind", [PROP_CLASS] = "class",
                          [PROP_CREATED] = "created", [PROP_STATUS] = "status",
                          [PROP_FILING_NO] = "filing-no", [PROP_APPROVED] = "approved",
                          [PROP_DUE] = "due", [PROP_FILE] = "file" };
  const char *flags_of[] = { [PROP_STATUS_FLAGGED] = "status-flagged",
                             [PROP_DUE_FLAGGED] = "due-flagged",
                             [PROP_FILE_FLAGGED] = "file-flagged" };

  object_class->get_property = td_list_row_get_value_property;
  object_class->finalize = td_packet_row_finalize;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      g_object_class_install_property (object_class, i,
                                       g_param_spec_string (texts[i], NULL, NULL, "", flags));
  for (guint i = 0; i < G_N_ELEMENTS (flags_of); i++)
    if (flags_of[i] != NULL)
      g_object_class_install_property (object_class, i,
                                       g_param_spec_boolean (flags_of[i], NULL, NULL, FALSE,
                                                             flags));
  g_object_class_install_property (object_class, PROP_CREATED_TIME,
                                   g_param_spec_int64 ("created-time", NULL, NULL, G_MININT64,
                                                       G_MAXINT64, 0, flags));
  g_object_class_install_property (object_class, PROP_APPROVED_FEN,
                                   g_param_spec_int64 ("approved-fen", NULL, NULL, -1,
                                                       G_MAXINT64, -1, flags));
}

static void
td_packet_row_init (TdPacketRow *self)
{
  td_list_row_init_values (TD_LIST_ROW (self), N_PROPS);
}

gboolean
td_packet_row_sent_file_exists (const TdPacketLog *log)
{
  return log->file != NULL && g_path_is_absolute (log->file)
         && g_file_test (log->file, G_FILE_TEST_IS_REGULAR);
}

static void
set_created (TdListRow *row, const char *created)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_iso8601 (created, NULL);
  char *shown = g_strndup (created, 16);

  g_strdelimit (shown, "T", ' ');
  td_list_row_take_string (row, PROP_CREATED, shown);
  td_list_row_set_int64 (row, PROP_CREATED_TIME, time != NULL ? g_date_time_to_unix (time) : 0);
}

static void
set_file (TdListRow *row, const TdPacketLog *log)
{
  if (log->file == NULL)
    return;
  if (!td_packet_row_sent_file_exists (log))
    {
      /* moved or deleted since: say where it was (Locate Sent File points at it again) */
      td_list_row_take_string (row, PROP_FILE, g_strdup_printf (_("Not found at %s"),
                                                                log->file));
      td_list_row_set_boolean (row, PROP_FILE_FLAGGED, TRUE);
    }
  else
    td_list_row_take_string (row, PROP_FILE, g_path_get_basename (log->file));
}

TdPacketRow *
td_packet_row_new (const TdPacketLog *log, const char *due, gboolean urgent)
{
  TdPacketRow *self = g_object_new (TD_TYPE_PACKET_ROW, NULL);
  TdListRow *row = TD_LIST_ROW (self);

  self->packet_id = g_strdup (log->id);
  td_list_row_set_string (row, PROP_KIND, td_packet_kind_label (log->kind));
  if (log->kind == TD_KIND_QUARTERLY)
    td_list_row_take_string (row, PROP_CLASS, g_strdup_printf ("%dQ%d", log->year,
                                                               log->quarter));
  else
    td_list_row_set_string (row, PROP_CLASS, log->class_code);
  set_created (row, log->created);
  td_list_row_set_string (row, PROP_STATUS, td_packet_status_label (log->status));
  td_list_row_set_boolean (row, PROP_STATUS_FLAGGED, log->status == TD_PACKET_REJECTED);
  td_list_row_set_string (row, PROP_FILING_NO, log->filing_no);
  td_list_row_set_int64 (row, PROP_APPROVED_FEN, log->approved);
  if (log->approved >= 0)
    td_list_row_take_string (row, PROP_APPROVED, td_money_format_display (log->approved));
  td_list_row_set_string (row, PROP_DUE, due);
  td_list_row_set_boolean (row, PROP_DUE_FLAGGED, urgent);
  set_file (row, log);
  return self;
}

const char *
td_packet_row_get_packet_id (TdPacketRow *self)
{
  g_return_val_if_fail (TD_IS_PACKET_ROW (self), NULL);
  return self->packet_id;
}
