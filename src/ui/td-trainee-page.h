/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Trainees: the roster of the chosen class (add, edit, remove, import) and every trainee
 * in the database. */
#pragma once

#include <adwaita.h>

#include "ui/td-page.h"

G_BEGIN_DECLS

#define TD_TYPE_TRAINEE_PAGE (td_trainee_page_get_type ())
G_DECLARE_FINAL_TYPE (TdTraineePage, td_trainee_page, TD, TRAINEE_PAGE, TdPage)

/* Opens the add-trainee dialog (returns it; NULL without a class). */
GtkWindow *td_trainee_page_add_trainee (TdTraineePage *self);
/* Rows shown in the roster view after the search (for tests). */
GListModel *td_trainee_page_get_roster_model (TdTraineePage *self);
/* Selects the roster row at @position and removes that trainee, as the Remove button does. */
void td_trainee_page_remove_at (TdTraineePage *self, guint position);

G_END_DECLS
