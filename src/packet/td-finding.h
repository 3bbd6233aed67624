/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rule findings: what a check found, by rule id (R-PKT-001 …), with a severity, what it is
 * about (ref: an id number, a lesson id, an element name) and the line of the document. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TD_SEVERITY_ERROR,
  TD_SEVERITY_WARNING,
  TD_SEVERITY_INFO,
} TdSeverity;

typedef struct
{
  char *rule;          /* "R-ATT-005" */
  TdSeverity severity;
  char *ref;           /* what it is about, or NULL */
  int line;            /* line in the document, 0 when none */
  char *message;       /* translated, complete sentence */
} TdFinding;

/* A list of findings in the order they were added (td_findings_sort() orders them). */
typedef struct
{
  GPtrArray *items;    /* of TdFinding*, owned */
} TdFindings;

TdFinding *td_finding_new (const char *rule, TdSeverity severity, const char *ref, int line,
                           const char *message);
TdFinding *td_finding_copy (const TdFinding *finding);
void td_finding_free (TdFinding *finding);
/* "RULE severity message", e.g. "R-CLS-004 error Lesson L03A: …". Newly allocated. */
char *td_finding_format (const TdFinding *finding);

/* "error", "warning", "info" (not translated: the receipt's and the CLI's vocabulary). */
const char *td_severity_to_string (TdSeverity severity);

TdFindings *td_findings_new (void);
void td_findings_free (TdFindings *findings);
/* Adds a finding; @format is printf-style and already translated by the caller. */
void td_findings_add (TdFindings *findings, const char *rule, TdSeverity severity,
                      const char *ref, int line, const char *format, ...) G_GNUC_PRINTF (6, 7);
void td_findings_add_valist (TdFindings *findings, const char *rule, TdSeverity severity,
                             const char *ref, int line, const char *format, va_list args)
                             G_GNUC_PRINTF (6, 0);
/* Appends copies of every finding of @from. */
void td_findings_merge (TdFindings *findings, const TdFindings *from);

guint td_findings_get_n (const TdFindings *findings);
const TdFinding *td_findings_get (const TdFindings *findings, guint index);
gboolean td_findings_has_errors (const TdFindings *findings);
guint td_findings_count (const TdFindings *findings, TdSeverity severity);
/* Findings of @rule (any severity). */
guint td_findings_count_rule (const TdFindings *findings, const char *rule);
/* Stable sort by line, then rule id. */
void td_findings_sort (TdFindings *findings);
/* Every finding formatted, one per line, each ending in "\n". Newly allocated. */
char *td_findings_format (const TdFindings *findings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdFinding, td_finding_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdFindings, td_findings_free)

G_END_DECLS
