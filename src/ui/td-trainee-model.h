/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Trainee rows for the column views.  TdTraineeModel holds only row ids
 * (td_store_list_trainee_ids) and builds a row the first time get_item() asks for it, so a
 * list of 100,000 trainees opens at once; wrap it in GtkFilterListModel/GtkSortListModel
 * with incremental=TRUE.  TdTraineeFilter matches name or id number as typed. */
#pragma once

#include <gtk/gtk.h>

#include "core/td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_TRAINEE_ROW (td_trainee_row_get_type ())
G_DECLARE_FINAL_TYPE (TdTraineeRow, td_trainee_row, TD, TRAINEE_ROW, GObject)

TdTraineeRow *td_trainee_row_new_from_trainee (const TdTrainee *trainee);
TdTraineeRow *td_trainee_row_new_from_enrolment (const TdEnrolment *enrolment);
const TdTrainee *td_trainee_row_get_trainee (TdTraineeRow *self);
/* NULL for a row of the all-trainees list. */
const TdEnrolment *td_trainee_row_get_enrolment (TdTraineeRow *self);
/* "371502********123X" */
const char *td_trainee_row_get_masked_id (TdTraineeRow *self);
/* Categories as their names, comma-separated ("" when none). */
const char *td_trainee_row_get_categories (TdTraineeRow *self);
gboolean td_trainee_row_matches (TdTraineeRow *self, const char *casefolded_needle);

#define TD_TYPE_TRAINEE_MODEL (td_trainee_model_get_type ())
G_DECLARE_FINAL_TYPE (TdTraineeModel, td_trainee_model, TD, TRAINEE_MODEL, GObject)

/* @order as td_store_list_trainee_ids (): "name", "id_number", "birth_date" or NULL. */
TdTraineeModel *td_trainee_model_new (TdStore *store, const char *order, GError **error);
/* Re-reads the ids (rows are rebuilt when next asked for); when they cannot be read the
 * model is empty and @error says why. */
gboolean td_trainee_model_reload (TdTraineeModel *self, GError **error);

#define TD_TYPE_TRAINEE_FILTER (td_trainee_filter_get_type ())
G_DECLARE_FINAL_TYPE (TdTraineeFilter, td_trainee_filter, TD, TRAINEE_FILTER, GtkFilter)

TdTraineeFilter *td_trainee_filter_new (void);
/* Matches rows whose name or id number contains @text (case-insensitive). */
void td_trainee_filter_set_text (TdTraineeFilter *self, const char *text);

/* Sorters for the columns. */
GtkSorter *td_trainee_sorter_new (const char *column);  /* "name" "id" "birth" "position" */

G_END_DECLS
