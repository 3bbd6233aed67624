/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-codes.h"
#include "core/td-date.h"
#include "core/td-idnumber.h"
#include "ui/td-trainee-row.h"

/* The list of everyone builds a row the first time it is shown or filtered: what a
 * column shows is made when asked, only the search key is kept. */
struct _TdTraineeRow
{
  TdListRow parent_instance;
  TdTrainee *trainee;
  TdEnrolment *enrolment;
  char *search_key;             /* casefolded "name id" */
};

G_DEFINE_FINAL_TYPE (TdTraineeRow, td_trainee_row, TD_TYPE_LIST_ROW)

enum
{
  PROP_0,
  PROP_POSITION,
  PROP_NAME,
  PROP_ID_NUMBER,
  PROP_ID_ORDER,
  PROP_GENDER,
  PROP_BIRTH,
  PROP_BIRTH_DAY,
  PROP_CATEGORIES,
  PROP_CONSENT,
  PROP_CONSENT_DAY,
  PROP_STATUS,
  N_PROPS
};

static char *
category_names (const char *codes)
{
  g_auto (GStrv) parts = g_strsplit (codes != NULL ? codes : "", ",", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_string_append_printf (text, "%s%s", text->len ? ", " : "",
                              td_code_label (TD_CODES_CATEGORY, parts[i]));
  return g_string_free (text, FALSE);
}

static const char *
gender_label (int gender)
{
  char code[12];

  g_snprintf (code, sizeof code, "%d", gender);
  return td_code_label (TD_CODES_GENDER, code);
}

static void
td_trainee_row_get_property (GObject *object, guint prop_id, GValue *value,
                             GParamSpec *pspec)
{
  TdTraineeRow *self = TD_TRAINEE_ROW (object);
  const TdTrainee *t = self->trainee;
  const TdEnrolment *e = self->enrolment;

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_int64 (value, e != NULL ? e->position : 0);
      break;
    case PROP_NAME:
      g_value_set_string (value, t->name != NULL ? t->name : "");
      break;
    case PROP_ID_NUMBER:
      g_value_take_string (value, td_id_number_mask (t->id_number));
      break;
    case PROP_ID_ORDER:
      g_value_set_string (value, t->id_number);
      break;
    case PROP_GENDER:
      g_value_set_string (value, gender_label (t->gender));
      break;
    case PROP_BIRTH:
      g_value_set_string (value, t->birth_date);
      break;
    case PROP_BIRTH_DAY:
      g_value_set_int64 (value, td_day_from_iso (t->birth_date));
      break;
    case PROP_CATEGORIES:
      g_value_take_string (value, category_names (e != NULL ? e->categories : NULL));
      break;
    case PROP_CONSENT:
      g_value_set_string (value, e != NULL ? e->consent_date : "");
      break;
    case PROP_CONSENT_DAY:
      g_value_set_int64 (value, e != NULL ? td_day_from_iso (e->consent_date) : 0);
      break;
    case PROP_STATUS:
      g_value_set_string (value, e != NULL && e->withdrawn_date[0] ? _("withdrawn") : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_trainee_row_finalize (GObject *object)
{
  TdTraineeRow *self = TD_TRAINEE_ROW (object);

  g_clear_pointer (&self->trainee, td_trainee_free);
  g_clear_pointer (&self->enrolment, td_enrolment_free);
  g_free (self->search_key);
  G_OBJECT_CLASS (td_trainee_row_parent_class)->finalize (object);
}

static void
td_trainee_row_class_init (TdTraineeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const char *texts[] = { [PROP_NAME] = "name", [PROP_ID_NUMBER] = "id-number",
                          [PROP_ID_ORDER] = "id-order", [PROP_GENDER] = "gender",
                          [PROP_BIRTH] = "birth", [PROP_CATEGORIES] = "categories",
                          [PROP_CONSENT] = "consent", [PROP_STATUS] = "status" };
  const char *numbers[] = { [PROP_POSITION] = "position", [PROP_BIRTH_DAY] = "birth-day",
                            [PROP_CONSENT_DAY] = "consent-day" };

  object_class->get_property = td_trainee_row_get_property;
  object_class->finalize = td_trainee_row_finalize;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      g_object_class_install_property (object_class, i,
                                       g_param_spec_string (texts[i], NULL, NULL, "", flags));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (numbers[i] != NULL)
      g_object_class_install_property (object_class, i,
                                       g_param_spec_int64 (numbers[i], NULL, NULL, 0,
                                                           G_MAXINT64, 0, flags));
}

static void
td_trainee_row_init (TdTraineeRow *self)
{
}

static TdTraineeRow *
row_new (TdTrainee *trainee, TdEnrolment *enrolment)
{
  TdTraineeRow *self = g_object_new (TD_TYPE_TRAINEE_ROW, NULL);
  g_autofree char *key = NULL;

  self->trainee = trainee;
  self->enrolment = enrolment;
  td_list_row_set_id (TD_LIST_ROW (self), trainee->id);
  key = g_strdup_printf ("%s %s", trainee->name != NULL ? trainee->name : "",
                         trainee->id_number);
  self->search_key = g_utf8_casefold (key, -1);
  return self;
}

TdTraineeRow *
td_trainee_row_new_take (TdTrainee *trainee)
{
  g_return_val_if_fail (trainee != NULL, NULL);
  return row_new (trainee, NULL);
}

TdTraineeRow *
td_trainee_row_new_from_trainee (const TdTrainee *trainee)
{
  g_return_val_if_fail (trainee != NULL, NULL);
  return row_new (td_trainee_copy (trainee), NULL);
}

TdTraineeRow *
td_trainee_row_new_from_enrolment (const TdEnrolment *enrolment)
{
  g_return_val_if_fail (enrolment != NULL, NULL);
  return row_new (td_trainee_copy (&enrolment->trainee), td_enrolment_copy (enrolment));
}

const TdTrainee *
td_trainee_row_get_trainee (TdTraineeRow *self)
{
  g_return_val_if_fail (TD_IS_TRAINEE_ROW (self), NULL);
  return self->trainee;
}

const TdEnrolment *
td_trainee_row_get_enrolment (TdTraineeRow *self)
{
  g_return_val_if_fail (TD_IS_TRAINEE_ROW (self), NULL);
  return self->enrolment;
}

gboolean
td_trainee_row_matches (TdTraineeRow *self, const char *needle)
{
  return needle == NULL || needle[0] == '\0' || strstr (self->search_key, needle) != NULL;
}
