/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-class-lock.h"

static const char *const labels[TD_CLASS_N_FIELDS] = {
  N_("class code"), N_("class title"), N_("catalogue item, certificate and level"),
  N_("training type"), N_("special action"), N_("mode and online platform"),
  N_("project mode and partner"), N_("start date"), N_("end date"), N_("class hours"),
  N_("planned size"), N_("venue"), N_("funding source"), N_("assessment method"),
  N_("commitment"), N_("payee"),
};

/* R-CLS-002: what a superseding filing may change once the class has started (the
 * teachers and the lessons still to come are not fields of the class record). */
#define AFTER_START (TD_CLASS_FIELD_BIT (TD_CLASS_FIELD_END_DATE)                           \
                     | TD_CLASS_FIELD_BIT (TD_CLASS_FIELD_HOURS)                            \
                     | TD_CLASS_FIELD_BIT (TD_CLASS_FIELD_COMMITMENT))
#define ALL ((1u << TD_CLASS_N_FIELDS) - 1)
#define PAYEE TD_CLASS_FIELD_BIT (TD_CLASS_FIELD_PAYEE)

const char *
td_class_field_label (TdClassField field)
{
  g_return_val_if_fail (field < TD_CLASS_N_FIELDS, NULL);
  return _(labels[field]);
}

guint
td_class_locked_fields (guint fields, TdClassLock lock)
{
  switch (lock)
    {
    case TD_CLASS_LOCK_NONE:
      return 0;
    case TD_CLASS_LOCK_FILED:
      return fields & TD_CLASS_FIELD_BIT (TD_CLASS_FIELD_CODE);
    case TD_CLASS_LOCK_STARTED:
      return fields & ~(AFTER_START | PAYEE);
    case TD_CLASS_LOCK_CLOSED:
    default:
      return fields & ALL;
    }
}

gboolean
td_class_field_locked (TdClassField field, TdClassLock lock)
{
  return td_class_locked_fields (TD_CLASS_FIELD_BIT (field), lock) != 0;
}

guint
td_class_filed_fields (guint fields)
{
  return fields & ALL & ~PAYEE;
}

static gboolean
differ (const char *a, const char *b)
{
  /* NULL and "" are the same absence */
  return g_strcmp0 (a != NULL && a[0] != '\0' ? a : NULL, b != NULL && b[0] != '\0' ? b : NULL)
         != 0;
}

guint
td_class_changed_fields (const TdClass *o, const TdClass *k)
{
  guint bits = 0;

#define MARK(field, cond) bits |= (cond) ? TD_CLASS_FIELD_BIT (TD_CLASS_FIELD_##field) : 0
  MARK (CODE, differ (o->code, k->code));
  MARK (TITLE, differ (o->title, k->title));
  MARK (ITEM, differ (o->catalog_version, k->catalog_version)
              || differ (o->item_code, k->item_code) || o->level != k->level
              || o->certificate != k->certificate);
  MARK (TRAINING_TYPE, differ (o->training_type, k->training_type));
  MARK (SPECIAL_ACTION, differ (o->special_action, k->special_action));
  MARK (MODE, o->mode != k->mode || differ (o->online_platform, k->online_platform));
  MARK (PROJECT_MODE, o->project_mode != k->project_mode
                      || differ (o->partner_credit_code, k->partner_credit_code)
                      || differ (o->partner_name, k->partner_name)
                      || o->partner_positions != k->partner_positions);
  MARK (START_DATE, differ (o->start_date, k->start_date));
  MARK (END_DATE, differ (o->end_date, k->end_date));
  MARK (HOURS, o->planned_theory != k->planned_theory
               || o->planned_practice != k->planned_practice
               || o->planned_online != k->planned_online);
  MARK (PLANNED_SIZE, o->planned_size != k->planned_size);
  MARK (VENUE, differ (o->venue_region, k->venue_region)
               || differ (o->venue_address, k->venue_address));
  MARK (FUNDING_SOURCE, o->funding_source != k->funding_source);
  MARK (ASSESSMENT_METHOD, differ (o->assessment_method, k->assessment_method));
  MARK (COMMITMENT, differ (o->commitment_signed_by, k->commitment_signed_by)
                    || differ (o->commitment_date, k->commitment_date));
  MARK (PAYEE, o->payee_type != k->payee_type);
#undef MARK
  return bits;
}

char *
td_class_fields_text (guint fields)
{
  GString *text = g_string_new (NULL);

  for (guint f = 0; f < TD_CLASS_N_FIELDS; f++)
    if (fields & TD_CLASS_FIELD_BIT (f))
      g_string_append_printf (text, "%s%s", text->len > 0 ? _(", ") : "",
                              td_class_field_label (f));
  return g_string_free (text, FALSE);
}
