/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The list of every trainee.  TdTraineeModel holds only row ids
 * (td_store_list_trainee_ids) and builds a row the first time get_item() asks for it, so a
 * list of 100,000 trainees opens at once; wrap it in GtkFilterListModel/GtkSortListModel
 * with incremental=TRUE.  TdTraineeFilter matches name or id number as typed. */
#pragma once

#include <gtk/gtk.h>

#include "core/td-store.h"
#include "ui/td-trainee-row.h"

G_BEGIN_DECLS

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

G_END_DECLS
