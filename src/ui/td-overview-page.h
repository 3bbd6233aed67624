/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ui/td-page.h"

G_BEGIN_DECLS

#define TD_TYPE_OVERVIEW_PAGE (td_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (TdOverviewPage, td_overview_page, TD, OVERVIEW_PAGE, TdPage)

G_END_DECLS
