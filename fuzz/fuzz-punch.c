/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The punch-log readers: a terminal's attlog, its spreadsheet (CSV or .xlsx, columns found by
 * their headers) or a platform's study records, told apart by the bytes; a table whose
 * columns are not found is read again with a mapping made by hand. */
#define G_LOG_DOMAIN "td-fuzz"

#include "config.h"

#include "fuzz-common.h"
#include "table/td-punch-reader.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  td_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPunchFile) file = td_punch_file_load_bytes (bytes, "fuzz.csv", NULL, &error);
  TdPunchMapping mapping;

  if (file == NULL)
    return 0;
  g_assert_nonnull (td_punch_file_get_punches (file));
  g_assert_nonnull (td_punch_file_get_problems (file));
  g_free (td_punch_file_get_shape (file));
  if (td_punch_file_needs_mapping (file)
      && td_punch_mapping_from_string ("first=1;person=0;name=1;datetime=2;device=3", &mapping)
      && td_punch_file_set_mapping (file, &mapping, &error))
    g_assert_nonnull (td_punch_file_get_punches (file));
  return 0;
}
