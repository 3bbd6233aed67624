/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ui/td-page.h"

G_BEGIN_DECLS

#define TD_TYPE_FOLLOW_UP_PAGE (td_follow_up_page_get_type ())
G_DECLARE_FINAL_TYPE (TdFollowUpPage, td_follow_up_page, TD, FOLLOW_UP_PAGE, TdPage)

G_END_DECLS
