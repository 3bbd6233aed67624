/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bureau's Catalog (补贴标准目录): read safely, checked against the schema and the
 * calendar rules of RULES.md, turned into a TdCatalog and stored as a new version. */
#pragma once

#include <glib.h>

#include "core/td-store.h"
#include "packet/td-finding.h"

G_BEGIN_DECLS

#define TD_CATALOG_ERROR (td_catalog_error_quark ())
GQuark td_catalog_error_quark (void);

typedef enum
{
  TD_CATALOG_ERROR_INVALID,     /* not a valid Catalog (the message gives every reason) */
  TD_CATALOG_ERROR_READ,        /* the file cannot be read */
} TdCatalogError;

/* The shipped default catalogue in the GResource. */
#define TD_CATALOG_DEFAULT_RESOURCE \
  "/io/github/traindesk/TrainDesk/data/catalog/catalog-2026-1.xml"

/* Parses @xml: safe reading, a Catalog root valid against the schema, and what the schema
 * cannot say (a Holiday is Monday–Friday and a Workday a Saturday or Sunday of its
 * calendar's year; MinClassSize ≤ MaxClassSize; MinAge ≤ MaxAge).  Every problem is added
 * to @findings (nullable) as an R-PKT-001 error; NULL with @error (naming the problems)
 * when there is any. */
TdCatalog *td_catalog_parse (GBytes *xml, TdFindings *findings, GError **error);

/* Parses and stores @xml as a new catalogue version (td_store_add_catalog); a version
 * already stored with the same bytes is fine (TRUE, nothing changes). */
gboolean td_catalog_import_bytes (TdStore *store, GBytes *xml, GError **error);
gboolean td_catalog_import_file (TdStore *store, const char *path, GError **error);
/* Imports the shipped catalogue (TD_CATALOG_DEFAULT_RESOURCE). */
gboolean td_catalog_import_default (TdStore *store, GError **error);

G_END_DECLS
