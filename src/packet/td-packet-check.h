/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules RULES.md marks (packet): what can be checked from a packet alone. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "packet/td-finding.h"
#include "packet/td-xml-safe.h"

G_BEGIN_DECLS

/* The packet's Body element, or NULL when @doc is not a Packet of TD_NS with one. */
xmlNode *td_packet_body (xmlDoc *doc);
/* The element inside Body that gives the packet its kind (ClassFiling, Roster,
 * Attendance, Assessment, EmploymentFollowUp, SubsidyClaim, QuarterlyReport,
 * ClassNotice), or NULL. */
xmlNode *td_packet_kind_node (xmlDoc *doc);
/* Its local name ("Roster"), or NULL.  Points into @doc. */
const char *td_packet_kind (xmlDoc *doc);

/* Runs R-PKT-001 (schema) and, when the schema passes, every (packet) rule of RULES.md:
 * R-PKT-002, R-PKT-003, R-PKT-006, R-ID-001, R-ID-002, R-ORG-001, R-CLS-001, -003, -004,
 * -005, -007, -008, -011, R-ATT-003 (times present), R-ATT-004 (A and V), R-ATT-005 (the
 * chain recomputes), R-ASM-003, R-ASM-004 (dates), R-EMP-002, R-SUB-003 (the sum),
 * R-SUB-004, R-SUB-007, R-QTR-001, R-QTR-002.  Findings are added to @findings in document
 * order per rule.  @receiver_now is the receiver's clock as an instant
 * (2026-02-20T09:30:00+08:00), NULL for now (td_instant_now(), which honours TD_NOW). */
void td_packet_check (xmlDoc *doc, const char *receiver_now, TdFindings *findings);

/* The attendance chain of an Attendance element: the final h from @prev (64 hex digits)
 * over its records, as 64 lower-case hex digits, with the record count in @count.  NULL
 * when @prev is not 64 hex digits.  (R-ATT-005; the writer uses it to fill Chain.) */
char *td_packet_chain_head (xmlNode *attendance, const char *prev, guint *count);

G_END_DECLS
