/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Add or edit a trainee on a class's roster.  The id number fills birth date, gender and
 * region and is checked as it is typed; a person already in the database is found by id
 * number and reused. */
#pragma once

#include <adwaita.h>

#include "core/td-store.h"

G_BEGIN_DECLS

typedef void (*TdTraineeSaved) (gpointer data, gint64 trainee_id);

/* @existing NULL for a new trainee.  @saved runs after a successful save.  The window is
 * named "td-trainee-dialog"; its fields are named (id_number, name, phone, …). */
GtkWindow *td_trainee_dialog_open (GtkWidget *parent, TdStore *store, gint64 class_id,
                                   const TdEnrolment *existing, TdTraineeSaved saved,
                                   gpointer data);

G_END_DECLS
