/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bureau's schema lc-training-1.0.xsd, compiled once from the GResource. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "packet/td-finding.h"

G_BEGIN_DECLS

#define TD_SCHEMA_RESOURCE "/io/github/traindesk/TrainDesk/data/schema/lc-training-1.0.xsd"

/* The parsed schema (cached for the process; never freed).  NULL only if the built-in
 * resource is broken, which is a programming error (logged as critical). */
xmlSchemaPtr td_schema_get (void);
/* The same schema without the per-session uniqueness of Record/@id, for streamed
 * attendance batches whose checker tests that uniqueness itself (libxml2 would keep every
 * key of the document in memory). */
xmlSchemaPtr td_schema_get_streaming (void);

/* Validates @doc against the schema: one R-PKT-001 error per schema error, with its line
 * and libxml2's message.  TRUE when valid.  Loads nothing from disk or network. */
gboolean td_schema_validate (xmlDoc *doc, TdFindings *findings);

G_END_DECLS
