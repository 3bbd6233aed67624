/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV in: UTF-8 (with or without BOM), GB18030/GBK or UTF-16 with a BOM; comma, tab or
 * semicolon (whichever the first line uses most); quoted fields with doubled quotes and
 * line breaks.  NUL bytes, invalid or mixed encodings and unclosed quotes are refused. */
#pragma once

#include "table/td-table.h"

G_BEGIN_DECLS

TdTable *td_csv_read (GBytes *bytes, const TdTableLimits *limits, GCancellable *cancellable,
                      GError **error);

/* The charset a CSV that is not UTF-8 is read in: "GB18030", or "GBK" (code page 936, what
 * Excel on a Chinese Windows writes) where the system has no GB18030 converter (Wine 8.0
 * has no code page 54936). */
const char *td_csv_gb_charset (void);

/* Appends @text to @out as one CSV field: quoted when it holds @separator, a quote, a line
 * break or leading/trailing spaces; quotes doubled. */
void td_csv_append_field (GString *out, const char *text, char separator);

G_END_DECLS
