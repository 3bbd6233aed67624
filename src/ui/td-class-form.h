/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The class filing form: the filing's fields, teachers and the timetable, checked live
 * against the bureau's rules (each finding names its rule id). */
#pragma once

#include <adwaita.h>

#include "core/td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_CLASS_FORM (td_class_form_get_type ())
G_DECLARE_FINAL_TYPE (TdClassForm, td_class_form, TD, CLASS_FORM, GtkBox)

void td_class_form_set_store (TdClassForm *self, TdStore *store);
/* Loads a class (0: a new, empty one); clears the modified flag. */
/* Shows the class (0: a new one); FALSE with @error, the form unchanged, when the store
 * cannot be read. */
gboolean td_class_form_load (TdClassForm *self, gint64 class_id, GError **error);
gint64 td_class_form_get_class_id (TdClassForm *self);
gboolean td_class_form_get_modified (TdClassForm *self);
/* Saves class, teachers and lessons in one transaction; on failure nothing in the form or the
 * store changes. */
gboolean td_class_form_save (TdClassForm *self, GError **error);
/* The current findings as "RULE: message" lines (for tests and the status line). */
char *td_class_form_dup_findings_text (TdClassForm *self);
/* Adds a teacher as the "Add teacher" dialog would (tests and imports). */
void td_class_form_add_teacher (TdClassForm *self, const char *name, const char *id_number,
                                const char *qualification);

/* Of the fields already sent to the bureau, those changed in the form: what saving re-sends
 * in a correction of the filing (td-class-lock.h bits); 0 when nothing was sent. */
guint td_class_form_get_resent_fields (TdClassForm *self);

G_END_DECLS
