/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Receipt import into a database holding the default catalogue. */
#define G_LOG_DOMAIN "td-fuzz"

#include "config.h"

#include "fuzz-common.h"
#include "packet/td-catalog-import.h"
#include "packet/td-receipt.h"
#include "packet/td-xml-safe.h"

static TdStore *store;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  td_fuzz_init ();
  td_xml_init ();
  dir = g_dir_make_tmp ("td-fuzz-receipt-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "td.db", NULL);
  store = td_store_open (path, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  td_catalog_import_default (store, &error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (TdReceiptSummary) summary = NULL;
  g_autoptr (GError) error = NULL;

  td_receipt_apply_bytes (store, bytes, &summary, &error);
  return 0;
}
