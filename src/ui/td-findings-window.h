/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdFindingsWindow: a window listing rule findings (a validation, an export refused, a
 * receipt's issues): rule id, severity, what it is about and the message, one TdFindingRow a
 * line, the columns in td-findings-window.ui, sorted by a click on a header.  Activating a
 * finding calls @open with its ref (an id number, a lesson id, a class code) so the page can
 * show the record. */
#pragma once

#include <gtk/gtk.h>

#include "packet/td-finding.h"

G_BEGIN_DECLS

#define TD_TYPE_FINDINGS_WINDOW (td_findings_window_get_type ())
G_DECLARE_FINAL_TYPE (TdFindingsWindow, td_findings_window, TD, FINDINGS_WINDOW, GtkWindow)

typedef void (*TdFindingsOpen) (const char *rule, const char *ref, gpointer data);

/* What the findings mean for the packet: accepted with N warnings, or refused with N errors
 * (what to do then).  Newly allocated. */
char *td_findings_summary (const TdFindings *findings);
/* Named "td-findings-window"; its column view "findings-list"; Esc closes it.  @summary NULL:
 * td_findings_summary (). */
GtkWindow *td_findings_window_new (GtkWidget *parent, const char *title, const char *summary,
                                   const TdFindings *findings, TdFindingsOpen open,
                                   gpointer data);
/* Shows @findings instead of those shown, in the order the list is sorted by (the header
 * clicked last), and @summary above (NULL: td_findings_summary ()). */
void td_findings_window_set_findings (TdFindingsWindow *self, const char *summary,
                                      const TdFindings *findings);

G_END_DECLS
