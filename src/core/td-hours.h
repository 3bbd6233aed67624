/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Class hours (学时) of 45 minutes, kept as whole half-hours ("halves"): 4.5 h is 9. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef int TdHalves;

/* RULES.md "Class hours of an interval": m = floor(seconds / 60), hours = floor(2m/45)/2.
 * Returns halves; an empty or negative interval is 0. */
TdHalves td_hours_of_interval (int start_seconds, int end_seconds);
/* Credited hours of a late or early record: class hours of the overlap of in..out with the
 * lesson's start..end, at most the lesson's hours (R-ATT-004). */
TdHalves td_hours_credited (int lesson_start, int lesson_end, TdHalves lesson_hours,
                            int in_seconds, int out_seconds);
/* Written as the schema's HoursType: 0, 4, 4.5, 120 (no trailing zeros). Newly allocated. */
char *td_hours_format (TdHalves halves);
/* Parses HoursType strictly ("4.5", not " 4.50"); -1 when malformed. */
TdHalves td_hours_parse (const char *text);

G_END_DECLS
