/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Catalogue import: safe reading, schema, the catalogue's own checks. */
#define G_LOG_DOMAIN "td-fuzz"

#include "config.h"

#include "fuzz-common.h"
#include "packet/td-catalog-import.h"
#include "packet/td-xml-safe.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  td_fuzz_init ();
  td_xml_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (TdFindings) findings = td_findings_new ();
  g_autoptr (GError) error = NULL;
  TdCatalog *catalog = td_catalog_parse (bytes, findings, &error);

  if (catalog != NULL)
    td_catalog_free (catalog);
  return 0;
}
