/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The attendance chain of RULES.md R-ATT-005. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TD_CHAIN_ZERO "0000000000000000000000000000000000000000000000000000000000000000"

/* "date|lesson|id|status|in|out|hours|method\n" with every field as written; an absent
 * time is the empty string.  Newly allocated. */
char *td_chain_line (const char *date, const char *lesson, const char *id_number, char status,
                     const char *time_in, const char *time_out, const char *hours,
                     const char *method);
/* h' = SHA-256 (h as 32 raw bytes ‖ line) as 64 lower-case hex digits into @out.
 * FALSE when @prev_hex is not 64 hex digits. */
gboolean td_chain_step (const char *prev_hex, const char *line, char out[65]);
/* The same step over the line of td_chain_line () without making it (a NULL field is the
 * empty string); @out may be @prev_hex. */
gboolean td_chain_step_record (const char *prev_hex, const char *date, const char *lesson,
                               const char *id_number, char status, const char *time_in,
                               const char *time_out, const char *hours, const char *method,
                               char out[65]);
/* The same step on the value as 32 raw bytes, for a run of steps (a batch) without hex in
 * between; td_chain_decode () (FALSE when not 64 hex digits) and td_chain_encode () convert. */
void td_chain_step_raw (guint8 h[32], const char *date, const char *lesson,
                        const char *id_number, char status, const char *time_in,
                        const char *time_out, const char *hours, const char *method);
gboolean td_chain_decode (const char *hex, guint8 raw[32]);
void td_chain_encode (const guint8 raw[32], char out[65]);

G_END_DECLS
