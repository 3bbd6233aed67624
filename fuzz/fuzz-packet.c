/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The packet reader and validator: safe reading, schema, packet and catalogue rules (the
 * history rules listed as not checked: no database). */
#define G_LOG_DOMAIN "td-fuzz"

#include "config.h"

#include "fuzz-common.h"
#include "packet/td-validator.h"
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
  g_autoptr (TdFindings) findings = td_findings_new ();
  xmlDoc *doc = td_xml_read_memory ((const char *) data, size, "fuzz.xml", findings);

  if (doc != NULL)
    {
      td_validator_check (NULL, doc, "2026-12-01T12:00:00+08:00", findings);
      xmlFreeDoc (doc);
    }
  g_free (td_findings_format (findings));
  return 0;
}
