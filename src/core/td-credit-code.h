/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unified social credit codes (统一社会信用代码, GB 32100). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Trims, upper-cases and maps full-width characters; newly allocated. */
char *td_credit_code_normalize (const char *input);
/* TRUE when @code matches the schema's pattern (18 characters of the GB 32100 set). */
gboolean td_credit_code_well_formed (const char *code);
/* TRUE when the check character is right (R-ORG-001; a failure is only a warning). */
gboolean td_credit_code_check_ok (const char *code);
/* The check character for the first 17 characters, or 0 when one is outside the set. */
char td_credit_code_check_char (const char *code17);

G_END_DECLS
