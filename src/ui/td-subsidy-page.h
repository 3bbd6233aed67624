/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/td-subsidy.h"
#include "ui/td-page.h"

G_BEGIN_DECLS

#define TD_TYPE_SUBSIDY_PAGE (td_subsidy_page_get_type ())
G_DECLARE_FINAL_TYPE (TdSubsidyPage, td_subsidy_page, TD, SUBSIDY_PAGE, TdPage)

/* The claim preview the page shows (NULL when none), for tests and the other pages. */
const TdSubsidyPreview *td_subsidy_page_get_preview (TdSubsidyPage *self);

G_END_DECLS
