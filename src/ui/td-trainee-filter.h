/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdTraineeFilter: the trainees (TdTraineeRow) whose name or id number contains what is
 * typed, case-insensitive; typing more only narrows what was shown (GTK filters it
 * incrementally). */
#pragma once

#include <gtk/gtk.h>

#include "ui/td-trainee-row.h"

G_BEGIN_DECLS

#define TD_TYPE_TRAINEE_FILTER (td_trainee_filter_get_type ())
G_DECLARE_FINAL_TYPE (TdTraineeFilter, td_trainee_filter, TD, TRAINEE_FILTER, GtkFilter)

TdTraineeFilter *td_trainee_filter_new (void);
/* Matches rows whose name or id number contains @text (case-insensitive). */
void td_trainee_filter_set_text (TdTraineeFilter *self, const char *text);

G_END_DECLS
