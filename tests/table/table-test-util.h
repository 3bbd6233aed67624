/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the table tests: hand-made .xlsx packages. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <zip.h>

#include "../td-test-dir.h"

static const char tt_content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
static const char tt_workbook_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
  "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

/* A workbook of one sheet named "Sheet1" (date1904 when asked), with @sheet_xml as its
 * worksheet and @strings_xml (or none) as its shared strings, as bytes. */
static inline GBytes *
tt_make_xlsx_full (const char *sheet_xml, gsize sheet_len, const char *strings_xml,
                   gboolean date1904)
{
  g_autofree char *dir = td_test_make_dir ("td-table-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "book.xlsx", NULL);
  g_autofree char *workbook = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<workbookPr%s/><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
    "</workbook>", date1904 ? " date1904=\"1\"" : "");
  const char *names[] = { "[Content_Types].xml", "xl/workbook.xml",
                          "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
                          "xl/sharedStrings.xml" };
  const char *texts[] = { tt_content_types, workbook, tt_workbook_rels, sheet_xml,
                          strings_xml };
  gsize lens[] = { strlen (tt_content_types), strlen (workbook), strlen (tt_workbook_rels),
                   sheet_len, strings_xml != NULL ? strlen (strings_xml) : 0 };
  int zerr = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_nonnull (zip);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      zip_source_t *src;
      zip_int64_t index;

      if (texts[i] == NULL)
        continue;
      src = zip_source_buffer (zip, texts[i], lens[i], 0);
      index = zip_file_add (zip, names[i], src, ZIP_FL_OVERWRITE);
      g_assert_cmpint (index, >=, 0);
      zip_set_file_compression (zip, index, ZIP_CM_DEFLATE, 1);
    }
  g_assert_cmpint (zip_close (zip), ==, 0);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  td_test_remove_tree (dir);
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

static inline GBytes *
tt_make_xlsx (const char *sheet_xml, const char *strings_xml)
{
  return tt_make_xlsx_full (sheet_xml, strlen (sheet_xml), strings_xml, FALSE);
}

#define TT_SHEET_HEAD                                                                     \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"                                           \
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"      \
  "<sheetData>"
#define TT_SHEET_TAIL "</sheetData></worksheet>"
