/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Classes: the list of classes and the filing form of the chosen one. */
#pragma once

#include <adwaita.h>

#include "ui/td-class-form.h"
#include "ui/td-page.h"

G_BEGIN_DECLS

#define TD_TYPE_CLASS_PAGE (td_class_page_get_type ())
G_DECLARE_FINAL_TYPE (TdClassPage, td_class_page, TD, CLASS_PAGE, TdPage)

/* Shows an empty filing form for a new class. */
void td_class_page_new_class (TdClassPage *self);
TdClassForm *td_class_page_get_form (TdClassPage *self);

G_END_DECLS
