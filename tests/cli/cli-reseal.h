/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Changing a packet's text in a test and sealing it again (R-PKT-002 holds). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text with its one occurrence of @old replaced by @new (asserted to occur once). */
char *cli_replace_once (const char *text, const char *old, const char *new);
/* @text with its Digest recomputed for its Body. */
char *cli_reseal (const char *text);

G_END_DECLS
