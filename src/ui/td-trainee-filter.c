/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <string.h>

#include "ui/td-trainee-filter.h"

struct _TdTraineeFilter
{
  GtkFilter parent_instance;
  char *needle;                 /* casefolded */
};

G_DEFINE_FINAL_TYPE (TdTraineeFilter, td_trainee_filter, GTK_TYPE_FILTER)

static gboolean
td_trainee_filter_match (GtkFilter *filter, gpointer item)
{
  return td_trainee_row_matches (TD_TRAINEE_ROW (item), TD_TRAINEE_FILTER (filter)->needle);
}

static GtkFilterMatch
td_trainee_filter_get_strictness (GtkFilter *filter)
{
  const char *needle = TD_TRAINEE_FILTER (filter)->needle;

  return needle == NULL || needle[0] == '\0' ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
td_trainee_filter_finalize (GObject *object)
{
  g_free (TD_TRAINEE_FILTER (object)->needle);
  G_OBJECT_CLASS (td_trainee_filter_parent_class)->finalize (object);
}

static void
td_trainee_filter_class_init (TdTraineeFilterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_trainee_filter_finalize;
  GTK_FILTER_CLASS (klass)->match = td_trainee_filter_match;
  GTK_FILTER_CLASS (klass)->get_strictness = td_trainee_filter_get_strictness;
}

static void
td_trainee_filter_init (TdTraineeFilter *self)
{
}

TdTraineeFilter *
td_trainee_filter_new (void)
{
  return g_object_new (TD_TYPE_TRAINEE_FILTER, NULL);
}

void
td_trainee_filter_set_text (TdTraineeFilter *self, const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *needle = g_utf8_casefold (stripped, -1);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (TD_IS_TRAINEE_FILTER (self));
  if (g_strcmp0 (needle, self->needle) == 0)
    return;
  if (self->needle != NULL && strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->needle != NULL && strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self), change);
}
