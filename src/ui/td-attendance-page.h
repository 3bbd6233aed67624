/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ui/td-page.h"

G_BEGIN_DECLS

#define TD_TYPE_ATTENDANCE_PAGE (td_attendance_page_get_type ())
G_DECLARE_FINAL_TYPE (TdAttendancePage, td_attendance_page, TD, ATTENDANCE_PAGE, TdPage)

G_END_DECLS
