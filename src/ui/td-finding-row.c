/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/td-finding-row.h"

struct _TdFindingRow
{
  TdListRow parent_instance;
};

G_DEFINE_FINAL_TYPE (TdFindingRow, td_finding_row, TD_TYPE_LIST_ROW)

enum
{
  PROP_0,
  PROP_RULE,
  PROP_SEVERITY,
  PROP_SEVERITY_RANK,
  PROP_SEVERITY_FLAGGED,
  PROP_REF,
  PROP_MESSAGE,
  N_PROPS
};

static void
td_finding_row_class_init (TdFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *texts[] = { [PROP_RULE] = "rule", [PROP_SEVERITY] = "severity",
                          [PROP_REF] = "ref", [PROP_MESSAGE] = "message" };
  const char *numbers[] = { [PROP_SEVERITY_RANK] = "severity-rank" };
  const char *flags_of[] = { [PROP_SEVERITY_FLAGGED] = "severity-flagged" };

  object_class->get_property = td_list_row_get_value_property;
  td_list_row_class_install (object_class, G_TYPE_STRING, texts, G_N_ELEMENTS (texts));
  td_list_row_class_install (object_class, G_TYPE_INT64, numbers, G_N_ELEMENTS (numbers));
  td_list_row_class_install (object_class, G_TYPE_BOOLEAN, flags_of, G_N_ELEMENTS (flags_of));
}

static void
td_finding_row_init (TdFindingRow *self)
{
  td_list_row_init_values (TD_LIST_ROW (self), N_PROPS);
}

static const char *
severity_label (TdSeverity severity)
{
  switch (severity)
    {
    case TD_SEVERITY_ERROR:
      return _("Error");
    case TD_SEVERITY_WARNING:
      return _("Warning");
    case TD_SEVERITY_INFO:
    default:
      return _("Note");
    }
}

TdFindingRow *
td_finding_row_new (const TdFinding *finding)
{
  TdFindingRow *self = g_object_new (TD_TYPE_FINDING_ROW, NULL);
  TdListRow *row = TD_LIST_ROW (self);

  td_list_row_set_string (row, PROP_RULE, finding->rule);
  td_list_row_set_string (row, PROP_SEVERITY, severity_label (finding->severity));
  /* the enum's order: errors, warnings, notes */
  td_list_row_set_int64 (row, PROP_SEVERITY_RANK, finding->severity);
  td_list_row_set_boolean (row, PROP_SEVERITY_FLAGGED, finding->severity == TD_SEVERITY_ERROR);
  td_list_row_set_string (row, PROP_REF, finding->ref);
  td_list_row_set_string (row, PROP_MESSAGE, finding->message);
  return self;
}

const char *
td_finding_row_get_rule (TdFindingRow *self)
{
  g_return_val_if_fail (TD_IS_FINDING_ROW (self), "");
  return td_list_row_get_string (TD_LIST_ROW (self), PROP_RULE);
}

const char *
td_finding_row_get_ref (TdFindingRow *self)
{
  g_return_val_if_fail (TD_IS_FINDING_ROW (self), "");
  return td_list_row_get_string (TD_LIST_ROW (self), PROP_REF);
}
