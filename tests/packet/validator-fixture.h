/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The class of the bureau examples (GY2026-007), shared by the validator tests. */
#pragma once

#include "core/td-store.h"

G_BEGIN_DECLS

/* A new, unsaved class GY2026-007 as filed in the bureau examples (养老护理员 level 5,
 * 2026-03-02 … 03-20, 40 places, venue and commitment filled). */
TdClass *validator_fixture_class (void);

G_END_DECLS
