/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Placeholder until the first real source of this library lands. */
#include "config.h"
int td_placeholder_td_render_stub (void);
int td_placeholder_td_render_stub (void) { return 0; }
