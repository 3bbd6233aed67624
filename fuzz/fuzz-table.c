/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The roster table readers: CSV (encodings, separators, quoting) or .xlsx (zip, shared
 * strings, sheets), chosen like td_table_read_bytes () by FUZZ_TABLE_XLSX. */
#define G_LOG_DOMAIN "td-fuzz"

#include "config.h"

#include "fuzz-common.h"
#include "table/td-csv.h"
#include "table/td-xlsx-reader.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  td_fuzz_init ();
  return 0;
}

/* Every cell read back, as the import does. */
static void
walk (const TdTable *table)
{
  for (guint r = 0; r < td_table_get_n_rows (table); r++)
    for (guint c = 0; c < td_table_get_n_columns (table, r); c++)
      g_assert_nonnull (td_table_get_text (table, r, c));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTable) table = NULL;
  TdTableLimits limits;

  td_table_limits_init (&limits);
#if FUZZ_TABLE_XLSX
  {
    g_autoptr (GPtrArray) sheets = td_xlsx_list_sheets (bytes, NULL);
    const char *last = sheets != NULL && sheets->len > 0
                         ? g_ptr_array_index (sheets, sheets->len - 1) : NULL;

    /* the last sheet by name, as a user who picks one */
    table = td_xlsx_read (bytes, last, &limits, NULL, &error);
  }
#else
  table = td_csv_read (bytes, &limits, NULL, &error);
#endif
  if (table != NULL)
    walk (table);
  return 0;
}
