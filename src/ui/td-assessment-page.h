/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ui/td-page.h"

G_BEGIN_DECLS

#define TD_TYPE_ASSESSMENT_PAGE (td_assessment_page_get_type ())
G_DECLARE_FINAL_TYPE (TdAssessmentPage, td_assessment_page, TD, ASSESSMENT_PAGE, TdPage)

G_END_DECLS
