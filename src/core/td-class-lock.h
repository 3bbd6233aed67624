/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What of a class may still change once the bureau has it (DESIGN.md: records a packet has
 * carried are never silently changed).  A filed class changes only through a correction
 * of its filing (a ClassFiling that supersedes the one sent); once it has started, the
 * correction may change only what R-CLS-002 allows; once its claim is sent it is closed. */
#pragma once

#include "core/td-records.h"

G_BEGIN_DECLS

typedef enum
{
  TD_CLASS_LOCK_NONE,           /* no filing sent: every field may change */
  TD_CLASS_LOCK_FILED,          /* filing sent, not started: every field but the code, each
                                 * change re-sent in a correction of the filing */
  TD_CLASS_LOCK_STARTED,        /* filed and started: the end date, the hours and the
                                 * commitment, through a correction (R-CLS-002) */
  TD_CLASS_LOCK_CLOSED,         /* the claim was sent: nothing of the filing or the payee */
} TdClassLock;

/* The parts of a class a user edits, as the class form groups them. */
typedef enum
{
  TD_CLASS_FIELD_CODE,
  TD_CLASS_FIELD_TITLE,
  TD_CLASS_FIELD_ITEM,          /* catalogue, item, certificate, level */
  TD_CLASS_FIELD_TRAINING_TYPE,
  TD_CLASS_FIELD_SPECIAL_ACTION,
  TD_CLASS_FIELD_MODE,          /* mode and online platform */
  TD_CLASS_FIELD_PROJECT_MODE,  /* project mode and partner */
  TD_CLASS_FIELD_START_DATE,
  TD_CLASS_FIELD_END_DATE,
  TD_CLASS_FIELD_HOURS,         /* planned theory, practice, online: from the timetable */
  TD_CLASS_FIELD_PLANNED_SIZE,
  TD_CLASS_FIELD_VENUE,
  TD_CLASS_FIELD_FUNDING_SOURCE,
  TD_CLASS_FIELD_ASSESSMENT_METHOD,
  TD_CLASS_FIELD_COMMITMENT,
  TD_CLASS_FIELD_PAYEE,         /* the claim's, not the filing's */
  TD_CLASS_N_FIELDS
} TdClassField;

#define TD_CLASS_FIELD_BIT(f) (1u << (f))

/* The field's name as the class form labels it (translated). */
const char *td_class_field_label (TdClassField field);
/* Whether @lock refuses any change to @field. */
gboolean td_class_field_locked (TdClassField field, TdClassLock lock);
/* Bits (TD_CLASS_FIELD_BIT) of the fields that differ between @old and @k. */
guint td_class_changed_fields (const TdClass *old, const TdClass *k);
/* Of @fields, those the ClassFiling carries: what a correction re-sends. */
guint td_class_filed_fields (guint fields);
/* Of @fields, those @lock refuses. */
guint td_class_locked_fields (guint fields, TdClassLock lock);
/* The labels of @fields joined for a sentence ("Start date, Venue"); newly allocated. */
char *td_class_fields_text (guint fields);

G_END_DECLS
