/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The first-run assistant: the institution's details and, when the demo generator is
 * built, an offer of demo data.  Emits ::done once the institution is saved. */
#pragma once

#include <adwaita.h>

#include "core/td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_FIRST_RUN (td_first_run_get_type ())
G_DECLARE_FINAL_TYPE (TdFirstRun, td_first_run, TD, FIRST_RUN, AdwBin)

void td_first_run_set_store (TdFirstRun *self, TdStore *store);

G_END_DECLS
