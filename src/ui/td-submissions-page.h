/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ui/td-page.h"

G_BEGIN_DECLS

#define TD_TYPE_SUBMISSIONS_PAGE (td_submissions_page_get_type ())
G_DECLARE_FINAL_TYPE (TdSubmissionsPage, td_submissions_page, TD, SUBMISSIONS_PAGE, AdwBin)

G_END_DECLS
