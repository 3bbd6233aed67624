/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-table"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "table/td-xlsx-reader.h"

#define MAX_MERGES 10000
#define MAX_SHEET_ROW 1048576

typedef struct
{
  zip_t *zip;
  const TdTableLimits *limits;
  guint64 budget;               /* inflated bytes still allowed */
  GCancellable *cancellable;
} Package;

typedef struct
{
  Package *pkg;
  const char *name;
  zip_file_t *file;
  guint64 declared;
  guint64 read;
  gboolean over;                /* inflated past the directory's size or the budget */
  gboolean failed;              /* the zip layer failed (damaged data, bad CRC) */
  char *xml_error;              /* the first message of the XML parser */
} Part;

/* Handles one node of a part; FALSE with @error to stop. */
typedef gboolean (*NodeFunc) (xmlTextReaderPtr reader, int type, gpointer data,
                              GError **error);

static void
package_close (Package *pkg)
{
  g_clear_pointer (&pkg->zip, zip_discard);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Package, package_close)

static int
part_read (void *context, char *buffer, int len)
{
  Part *part = context;
  zip_int64_t n = zip_fread (part->file, buffer, len);

  if (n < 0)
    {
      part->failed = TRUE;
      return -1;
    }
  part->read += n;
  if (part->read > part->declared || part->read > part->pkg->budget)
    {
      part->over = TRUE;
      return -1;
    }
  return (int) n;
}

static int
part_close (void *context)
{
  return 0;
}

static void
part_xml_error (void *data, xmlErrorPtr xml_error)
{
  Part *part = data;

  if (part->xml_error == NULL && xml_error != NULL && xml_error->message != NULL)
    part->xml_error = g_strdup_printf ("%d: %s", xml_error->line,
                                       g_strstrip (xml_error->message));
}

static void
set_too_large (Package *pkg, GError **error)
{
  g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_TOO_LARGE,
               _("The workbook is larger than %u MiB once uncompressed: refused."),
               (guint) (pkg->limits->max_uncompressed / (1024 * 1024)));
}

static gboolean
part_open (Package *pkg, const char *name, gboolean required, Part *part, GError **error)
{
  zip_int64_t index = zip_name_locate (pkg->zip, name, ZIP_FL_NOCASE);
  zip_stat_t st;

  *part = (Part) { .pkg = pkg, .name = name };
  if (index < 0)
    {
      if (required)
        g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                     _("The file has no %s: it is not an Excel workbook (.xlsx), or it is "
                       "damaged."),
                     name);
      return !required;
    }
  zip_stat_init (&st);
  if (zip_stat_index (pkg->zip, index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                   _("The workbook is damaged: %s"), zip_strerror (pkg->zip));
      return FALSE;
    }
  if (st.size > pkg->budget)
    {
      set_too_large (pkg, error);
      return FALSE;
    }
  part->declared = st.size;
  part->file = zip_fopen_index (pkg->zip, index, 0);
  if (part->file == NULL)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                   _("The workbook is damaged: %s"), zip_strerror (pkg->zip));
      return FALSE;
    }
  return TRUE;
}

static void
part_set_read_error (Part *part, GError **error)
{
  if (part->over)
    set_too_large (part->pkg, error);
  else if (part->failed)
    g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                 _("The workbook is damaged: %s"), zip_file_strerror (part->file));
  else
    g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                 _("The workbook is damaged: %s line %s"), part->name,
                 part->xml_error != NULL ? part->xml_error : "?");
}

static gboolean
check_node_allowed (Part *part, int type, GError **error)
{
  if (type != XML_READER_TYPE_DOCUMENT_TYPE && type != XML_READER_TYPE_ENTITY_REFERENCE
      && type != XML_READER_TYPE_ENTITY)
    return TRUE;
  g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
               _("%s declares a DTD or entities, which an Excel workbook never does: "
                 "refused."),
               part->name);
  return FALSE;
}

static gboolean
part_stream (Part *part, NodeFunc func, gpointer data, GError **error)
{
  xmlTextReaderPtr reader;
  gboolean ok = TRUE;
  int ret;

  reader = xmlReaderForIO (part_read, part_close, part, part->name, NULL, XML_PARSE_NONET);
  if (reader == NULL)
    {
      part_set_read_error (part, error);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, part_xml_error, part);
  while (ok && (ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      ok = check_node_allowed (part, type, error) && func (reader, type, data, error);
    }
  if (ok && ret < 0)
    {
      part_set_read_error (part, error);
      ok = FALSE;
    }
  xmlFreeTextReader (reader);
  return ok;
}

/* Streams the part @name through @func.  A missing part is an error when @required. */
static gboolean
package_walk (Package *pkg, const char *name, gboolean required, NodeFunc func,
              gpointer data, GError **error)
{
  Part part;
  gboolean ok;

  if (!part_open (pkg, name, required, &part, error))
    return FALSE;
  if (part.file == NULL)
    return TRUE;
  ok = part_stream (&part, func, data, error);
  zip_fclose (part.file);
  g_free (part.xml_error);
  pkg->budget -= MIN (part.read, pkg->budget);
  return ok;
}

static gboolean
package_open (Package *pkg, GBytes *bytes, const TdTableLimits *limits,
              GCancellable *cancellable, GError **error)
{
  zip_error_t zerr;
  zip_source_t *source;
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);

  *pkg = (Package) { .limits = limits, .budget = limits->max_uncompressed,
                     .cancellable = cancellable };
  zip_error_init (&zerr);
  source = zip_source_buffer_create (data, len, 0, &zerr);
  if (source != NULL)
    pkg->zip = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  if (pkg->zip == NULL)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                   _("The file is not a readable Excel workbook (.xlsx): %s"),
                   zip_error_strerror (&zerr));
      if (source != NULL)
        zip_source_free (source);
      zip_error_fini (&zerr);
      return FALSE;
    }
  zip_error_fini (&zerr);
  return TRUE;
}

/* ---- small helpers on the reader --------------------------------------- */

static gboolean
is_element (xmlTextReaderPtr reader, int type, const char *local_name)
{
  return type == XML_READER_TYPE_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr reader, int type, const char *local_name)
{
  return type == XML_READER_TYPE_END_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0;
}

static char *
get_attr (xmlTextReaderPtr reader, const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* The relationship id of a <sheet>: an attribute "id" in any namespace with a prefix. */
static char *
get_relationship_id (xmlTextReaderPtr reader)
{
  char *id = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    {
      const char *local = (const char *) xmlTextReaderConstLocalName (reader);
      const char *prefix = (const char *) xmlTextReaderConstPrefix (reader);

      if (id == NULL && g_strcmp0 (local, "id") == 0 && prefix != NULL)
        id = g_strdup ((const char *) xmlTextReaderConstValue (reader));
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return id;
}

static gboolean
is_text (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
         || type == XML_READER_TYPE_WHITESPACE;
}

/* ---- relationships and the workbook ------------------------------------- */

typedef struct
{
  GHashTable *targets;          /* Id → Target */
  char *office_document;        /* target of the officeDocument relationship */
} Rels;

static gboolean
rels_node (xmlTextReaderPtr reader, int type, gpointer data, GError **error)
{
  Rels *rels = data;
  g_autofree char *id = NULL, *target = NULL, *rel_type = NULL;

  if (!is_element (reader, type, "Relationship"))
    return TRUE;
  id = get_attr (reader, "Id");
  target = get_attr (reader, "Target");
  rel_type = get_attr (reader, "Type");
  if (id == NULL || target == NULL)
    return TRUE;
  if (rel_type != NULL && g_str_has_suffix (rel_type, "/officeDocument")
      && rels->office_document == NULL)
    rels->office_document = g_strdup (target);
  g_hash_table_replace (rels->targets, g_steal_pointer (&id), g_steal_pointer (&target));
  return TRUE;
}

static void
rels_clear (Rels *rels)
{
  g_clear_pointer (&rels->targets, g_hash_table_unref);
  g_clear_pointer (&rels->office_document, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Rels, rels_clear)

static void
rels_init (Rels *rels)
{
  rels->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rels->office_document = NULL;
}

/* @target relative to the folder of @base ("xl/workbook.xml"), or absolute from the root. */
static char *
resolve_target (const char *base, const char *target)
{
  g_autofree char *dir = NULL, *joined = NULL;
  g_auto (GStrv) parts = NULL;
  g_autoptr (GPtrArray) out = g_ptr_array_new ();

  if (target[0] == '/')
    return g_strdup (target + 1);
  dir = g_path_get_dirname (base);
  joined = g_str_equal (dir, ".") ? g_strdup (target) : g_strconcat (dir, "/", target, NULL);
  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], "..") && out->len > 0)
        g_ptr_array_remove_index (out, out->len - 1);
      else if (!g_str_equal (parts[i], ".") && !g_str_equal (parts[i], "..")
               && parts[i][0] != '\0')
        g_ptr_array_add (out, parts[i]);
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("/", (char **) out->pdata);
}

typedef struct
{
  char *name;
  char *rel_id;
  gboolean hidden;
} SheetEntry;

static void
sheet_entry_free (gpointer data)
{
  SheetEntry *entry = data;

  g_free (entry->name);
  g_free (entry->rel_id);
  g_free (entry);
}

typedef struct
{
  gboolean date1904;
  GPtrArray *sheets;            /* SheetEntry* */
} Workbook;

static gboolean
workbook_node (xmlTextReaderPtr reader, int type, gpointer data, GError **error)
{
  Workbook *wb = data;

  if (is_element (reader, type, "workbookPr"))
    {
      g_autofree char *value = get_attr (reader, "date1904");

      wb->date1904 = g_strcmp0 (value, "1") == 0 || g_strcmp0 (value, "true") == 0;
    }
  else if (is_element (reader, type, "sheet"))
    {
      SheetEntry *entry = g_new0 (SheetEntry, 1);
      g_autofree char *state = get_attr (reader, "state");

      entry->name = get_attr (reader, "name");
      entry->rel_id = get_relationship_id (reader);
      entry->hidden = state != NULL && !g_str_equal (state, "visible");
      if (entry->name == NULL)
        entry->name = g_strdup ("");
      g_ptr_array_add (wb->sheets, entry);
    }
  return TRUE;
}

static char *
find_workbook_path (Package *pkg, GError **error)
{
  g_auto (Rels) rels = { 0 };

  if (zip_name_locate (pkg->zip, "xl/workbook.xml", ZIP_FL_NOCASE) >= 0)
    return g_strdup ("xl/workbook.xml");
  rels_init (&rels);
  if (!package_walk (pkg, "_rels/.rels", FALSE, rels_node, &rels, error))
    return NULL;
  if (rels.office_document == NULL)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                   _("The file has no %s: it is not an Excel workbook (.xlsx), or it is "
                     "damaged."),
                   "xl/workbook.xml");
      return NULL;
    }
  return resolve_target ("", rels.office_document);
}

static char *
rels_path_of (const char *part)
{
  g_autofree char *dir = g_path_get_dirname (part);
  g_autofree char *base = g_path_get_basename (part);

  if (g_str_equal (dir, "."))
    return g_strconcat ("_rels/", base, ".rels", NULL);
  return g_strconcat (dir, "/_rels/", base, ".rels", NULL);
}

static gboolean
workbook_read (Package *pkg, Workbook *wb, char **workbook_path, GError **error)
{
  wb->sheets = g_ptr_array_new_with_free_func (sheet_entry_free);
  *workbook_path = find_workbook_path (pkg, error);
  if (*workbook_path == NULL)
    return FALSE;
  if (!package_walk (pkg, *workbook_path, TRUE, workbook_node, wb, error))
    return FALSE;
  if (wb->sheets->len == 0)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_NO_SHEET,
                   _("The workbook has no sheet."));
      return FALSE;
    }
  return TRUE;
}

static const SheetEntry *
choose_sheet (const Workbook *wb, const char *name, GError **error)
{
  g_autofree char *wanted = name != NULL ? g_utf8_casefold (name, -1) : NULL;
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < wb->sheets->len; i++)
    {
      const SheetEntry *entry = g_ptr_array_index (wb->sheets, i);
      g_autofree char *folded = g_utf8_casefold (entry->name, -1);

      if (wanted == NULL ? !entry->hidden : g_str_equal (folded, wanted))
        return entry;
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", entry->name);
    }
  if (wanted == NULL)
    return g_ptr_array_index (wb->sheets, 0);
  g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_NO_SHEET,
               _("The workbook has no sheet named “%s”; its sheets are: %s."), name,
               names->str);
  return NULL;
}

/* ---- styles: which cell formats are dates -------------------------------- */

typedef struct
{
  GHashTable *custom_dates;     /* numFmtId → TRUE for custom date formats */
  GArray *xf_formats;           /* guint numFmtId per cellXfs/xf */
  gboolean in_cell_xfs;
} Styles;

static gboolean
format_code_is_date (const char *code)
{
  gboolean quoted = FALSE;
  int bracket = 0;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '[')
        bracket++;
      else if (*p == ']' && bracket > 0)
        bracket--;
      else if (bracket == 0 && strchr ("dDyY", *p) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
builtin_format_is_date (guint id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36
         || (id >= 50 && id <= 54) || id == 57 || id == 58;
}

static gboolean
styles_node (xmlTextReaderPtr reader, int type, gpointer data, GError **error)
{
  Styles *styles = data;

  if (is_element (reader, type, "numFmt"))
    {
      g_autofree char *id = get_attr (reader, "numFmtId");
      g_autofree char *code = get_attr (reader, "formatCode");

      if (id != NULL && code != NULL && format_code_is_date (code))
        g_hash_table_add (styles->custom_dates, GUINT_TO_POINTER (atoi (id)));
    }
  else if (is_element (reader, type, "cellXfs"))
    styles->in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
  else if (is_end (reader, type, "cellXfs"))
    styles->in_cell_xfs = FALSE;
  else if (styles->in_cell_xfs && is_element (reader, type, "xf"))
    {
      g_autofree char *id = get_attr (reader, "numFmtId");
      guint value = id != NULL ? (guint) atoi (id) : 0;

      g_array_append_val (styles->xf_formats, value);
    }
  return TRUE;
}

/* One gboolean per cell style: TRUE when it formats a date. */
static GArray *
styles_read (Package *pkg, const char *dir, GError **error)
{
  g_autofree char *path = g_strconcat (dir, "styles.xml", NULL);
  Styles styles = { 0 };
  GArray *dates = g_array_new (FALSE, TRUE, sizeof (gboolean));
  gboolean ok;

  styles.custom_dates = g_hash_table_new (NULL, NULL);
  styles.xf_formats = g_array_new (FALSE, TRUE, sizeof (guint));
  ok = package_walk (pkg, path, FALSE, styles_node, &styles, error);
  for (guint i = 0; ok && i < styles.xf_formats->len; i++)
    {
      guint id = g_array_index (styles.xf_formats, guint, i);
      gboolean is_date = builtin_format_is_date (id)
                         || g_hash_table_contains (styles.custom_dates, GUINT_TO_POINTER (id));

      g_array_append_val (dates, is_date);
    }
  g_hash_table_unref (styles.custom_dates);
  g_array_unref (styles.xf_formats);
  if (!ok)
    g_clear_pointer (&dates, g_array_unref);
  return dates;
}

/* ---- shared strings ------------------------------------------------------ */

typedef struct
{
  GPtrArray *strings;
  GString *current;
  gboolean in_si;
  gboolean in_phonetic;
  gboolean in_text;
} SharedStrings;

static gboolean
strings_node (xmlTextReaderPtr reader, int type, gpointer data, GError **error)
{
  SharedStrings *ss = data;
  gboolean empty = type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (reader);

  if (is_element (reader, type, "si"))
    {
      g_string_truncate (ss->current, 0);
      ss->in_si = !empty;
      if (empty)
        g_ptr_array_add (ss->strings, g_strdup (""));
    }
  else if (is_end (reader, type, "si"))
    {
      g_ptr_array_add (ss->strings, g_strndup (ss->current->str, ss->current->len));
      ss->in_si = FALSE;
    }
  else if (is_element (reader, type, "rPh"))
    ss->in_phonetic = !empty;
  else if (is_end (reader, type, "rPh"))
    ss->in_phonetic = FALSE;
  else if (is_element (reader, type, "t"))
    ss->in_text = ss->in_si && !ss->in_phonetic && !empty;
  else if (is_end (reader, type, "t"))
    ss->in_text = FALSE;
  else if (ss->in_text && is_text (type))
    g_string_append (ss->current, (const char *) xmlTextReaderConstValue (reader));
  return TRUE;
}

static GPtrArray *
strings_read (Package *pkg, const char *dir, GError **error)
{
  g_autofree char *path = g_strconcat (dir, "sharedStrings.xml", NULL);
  SharedStrings ss = { 0 };
  gboolean ok;

  ss.strings = g_ptr_array_new_with_free_func (g_free);
  ss.current = g_string_new (NULL);
  ok = package_walk (pkg, path, FALSE, strings_node, &ss, error);
  g_string_free (ss.current, TRUE);
  if (!ok)
    g_clear_pointer (&ss.strings, g_ptr_array_unref);
  return ss.strings;
}

/* ---- the sheet ----------------------------------------------------------- */

typedef struct
{
  guint first_line, first_column, last_line, last_column;
} Merge;

typedef struct
{
  TdTable *table;
  Package *pkg;
  GPtrArray *strings;
  GArray *date_styles;
  gboolean date1904;
  gboolean in_row;
  guint line;                   /* current sheet row */
  guint next_column;
  gboolean in_cell;
  guint column;
  char *cell_type;
  guint style;
  gboolean in_inline;
  gboolean in_phonetic;
  gboolean in_value;
  GString *value;
  GArray *merges;               /* Merge */
  guint rows_seen;
} Sheet;

/* "C5" → column 2, line 5.  Either output may be NULL. */
static gboolean
parse_ref (const char *ref, guint *column, guint *line)
{
  guint64 col = 0, row = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p) && p - ref < 3; p++)
    col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (col == 0)
    return FALSE;
  for (; g_ascii_isdigit (*p) && row <= MAX_SHEET_ROW; p++)
    row = row * 10 + (*p - '0');
  if (*p != '\0' || row == 0 || row > MAX_SHEET_ROW)
    return FALSE;
  if (column != NULL)
    *column = col - 1;
  if (line != NULL)
    *line = row;
  return TRUE;
}

static void
set_bad_ref (const char *what, const char *ref, GError **error)
{
  g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
               _("The sheet is damaged: %s “%s” is not a cell reference."), what,
               ref != NULL ? ref : "");
}

static gboolean
sheet_begin_row (Sheet *sheet, xmlTextReaderPtr reader, GError **error)
{
  g_autofree char *r = get_attr (reader, "r");
  guint line = sheet->line + 1;

  if (r != NULL)
    {
      char *end = NULL;
      guint64 value = g_ascii_strtoull (r, &end, 10);

      if (end == r || *end != '\0' || value <= sheet->line || value > MAX_SHEET_ROW)
        {
          g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                       _("The sheet is damaged: row “%s” is out of order."), r);
          return FALSE;
        }
      line = value;
    }
  if ((++sheet->rows_seen & 511) == 0
      && g_cancellable_set_error_if_cancelled (sheet->pkg->cancellable, error))
    return FALSE;
  sheet->line = line;
  sheet->next_column = 0;
  td_table_begin_row (sheet->table, line);
  sheet->in_row = TRUE;
  if (xmlTextReaderIsEmptyElement (reader))
    {
      sheet->in_row = FALSE;
      return td_table_end_row (sheet->table, error);
    }
  return TRUE;
}

static gboolean
sheet_begin_cell (Sheet *sheet, xmlTextReaderPtr reader, GError **error)
{
  g_autofree char *r = get_attr (reader, "r");
  g_autofree char *s = get_attr (reader, "s");

  sheet->column = sheet->next_column;
  if (r != NULL && !parse_ref (r, &sheet->column, NULL))
    {
      set_bad_ref ("cell", r, error);
      return FALSE;
    }
  sheet->next_column = sheet->column + 1;
  g_free (sheet->cell_type);
  sheet->cell_type = get_attr (reader, "t");
  sheet->style = s != NULL ? (guint) atoi (s) : 0;
  g_string_truncate (sheet->value, 0);
  sheet->in_cell = !xmlTextReaderIsEmptyElement (reader);
  return TRUE;
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (value) < 1e15 && value == floor (value))
    return g_strdup_printf ("%.0f", value);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

static gboolean
style_is_date (const Sheet *sheet)
{
  return sheet->date_styles != NULL && sheet->style < sheet->date_styles->len
         && g_array_index (sheet->date_styles, gboolean, sheet->style);
}

/* A number cell: a date when its style says so, else the number's shortest text. */
static gboolean
sheet_number_cell (Sheet *sheet, const char *text, GError **error)
{
  char *end = NULL;
  double value;
  char iso[11];

  if (text[0] == '\0')
    return TRUE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    return td_table_set_cell (sheet->table, sheet->column, g_strdup (text), TD_CELL_TEXT,
                              error);
  if (style_is_date (sheet) && td_table_serial_to_iso (value, sheet->date1904, iso))
    {
      /* a date and time (a terminal's punch): the time of day too, to the second */
      int seconds = (int) ((value - floor (value)) * 86400.0 + 0.5);

      if (seconds > 0 && seconds < 86400)
        return td_table_set_cell (sheet->table, sheet->column,
                                  g_strdup_printf ("%s %02d:%02d:%02d", iso, seconds / 3600,
                                                   seconds / 60 % 60, seconds % 60),
                                  TD_CELL_DATE, error);
      return td_table_set_cell (sheet->table, sheet->column, g_strdup (iso), TD_CELL_DATE,
                                error);
    }
  return td_table_set_cell (sheet->table, sheet->column, format_number (value),
                            TD_CELL_NUMBER, error);
}

static gboolean
sheet_shared_cell (Sheet *sheet, const char *text, GError **error)
{
  char *end = NULL;
  guint64 index = g_ascii_strtoull (text, &end, 10);

  if (end == text || *end != '\0' || sheet->strings == NULL || index >= sheet->strings->len)
    {
      g_autofree char *letters = td_table_column_letters (sheet->column);

      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                   _("The sheet is damaged: cell %s%u refers to a missing shared string."),
                   letters, sheet->line);
      return FALSE;
    }
  return td_table_set_cell (sheet->table, sheet->column,
                            g_strdup (g_ptr_array_index (sheet->strings, index)),
                            TD_CELL_TEXT, error);
}

static gboolean
sheet_end_cell (Sheet *sheet, GError **error)
{
  const char *type = sheet->cell_type != NULL ? sheet->cell_type : "n";
  const char *text = sheet->value->str;

  sheet->in_cell = FALSE;
  if (g_str_equal (type, "s"))
    return sheet_shared_cell (sheet, text, error);
  if (g_str_equal (type, "n"))
    return sheet_number_cell (sheet, text, error);
  if (g_str_equal (type, "b"))
    return td_table_set_cell (sheet->table, sheet->column,
                              g_strdup (g_str_equal (text, "1") ? "TRUE" : "FALSE"),
                              TD_CELL_TEXT, error);
  if (g_str_equal (type, "d") && strlen (text) >= 10)
    return td_table_set_cell (sheet->table, sheet->column, g_strndup (text, 10),
                              TD_CELL_DATE, error);
  return td_table_set_cell (sheet->table, sheet->column, g_strdup (text), TD_CELL_TEXT,
                            error);
}

static gboolean
sheet_merge (Sheet *sheet, xmlTextReaderPtr reader, GError **error)
{
  g_autofree char *ref = get_attr (reader, "ref");
  g_auto (GStrv) ends = ref != NULL ? g_strsplit (ref, ":", 3) : NULL;
  Merge merge;

  if (ends == NULL || ends[0] == NULL || ends[1] == NULL || ends[2] != NULL
      || !parse_ref (ends[0], &merge.first_column, &merge.first_line)
      || !parse_ref (ends[1], &merge.last_column, &merge.last_line))
    {
      set_bad_ref ("mergeCell", ref, error);
      return FALSE;
    }
  if (sheet->merges->len < MAX_MERGES)
    g_array_append_val (sheet->merges, merge);
  return TRUE;
}

static gboolean
sheet_cell_content (Sheet *sheet, xmlTextReaderPtr reader, int type)
{
  gboolean empty = type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (reader);

  if (is_element (reader, type, "v"))
    sheet->in_value = !empty;
  else if (is_element (reader, type, "is"))
    sheet->in_inline = !empty;
  else if (is_element (reader, type, "rPh"))
    sheet->in_phonetic = !empty;
  else if (is_end (reader, type, "rPh"))
    sheet->in_phonetic = FALSE;
  else if (is_element (reader, type, "t"))
    sheet->in_value = sheet->in_inline && !sheet->in_phonetic && !empty;
  else if (is_end (reader, type, "v") || is_end (reader, type, "t"))
    sheet->in_value = FALSE;
  else if (is_end (reader, type, "is"))
    sheet->in_inline = FALSE;
  else if (sheet->in_value && is_text (type))
    g_string_append (sheet->value, (const char *) xmlTextReaderConstValue (reader));
  else
    return FALSE;
  return TRUE;
}

static gboolean
sheet_node (xmlTextReaderPtr reader, int type, gpointer data, GError **error)
{
  Sheet *sheet = data;

  if (sheet->in_cell)
    {
      if (is_end (reader, type, "c"))
        return sheet_end_cell (sheet, error);
      sheet_cell_content (sheet, reader, type);
      return TRUE;
    }
  if (is_element (reader, type, "row"))
    return sheet_begin_row (sheet, reader, error);
  if (sheet->in_row && is_end (reader, type, "row"))
    {
      sheet->in_row = FALSE;
      return td_table_end_row (sheet->table, error);
    }
  if (sheet->in_row && is_element (reader, type, "c"))
    return sheet_begin_cell (sheet, reader, error);
  if (is_element (reader, type, "mergeCell"))
    return sheet_merge (sheet, reader, error);
  return TRUE;
}

static void
sheet_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->strings, g_ptr_array_unref);
  g_clear_pointer (&sheet->date_styles, g_array_unref);
  g_clear_pointer (&sheet->cell_type, g_free);
  if (sheet->value != NULL)
    g_string_free (sheet->value, TRUE);
  sheet->value = NULL;
  g_clear_pointer (&sheet->merges, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sheet, sheet_clear)

static char *
sheet_path (Package *pkg, const char *workbook_path, const SheetEntry *entry,
            GError **error)
{
  g_autofree char *rels_path = rels_path_of (workbook_path);
  g_auto (Rels) rels = { 0 };
  const char *target;

  rels_init (&rels);
  if (!package_walk (pkg, rels_path, TRUE, rels_node, &rels, error))
    return NULL;
  target = entry->rel_id != NULL ? g_hash_table_lookup (rels.targets, entry->rel_id) : NULL;
  if (target == NULL)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                   _("The workbook is damaged: sheet “%s” has no part."), entry->name);
      return NULL;
    }
  return resolve_target (workbook_path, target);
}

static gboolean
read_sheet (Package *pkg, TdTable *table, const char *sheet_name, GError **error)
{
  g_autofree char *workbook_path = NULL, *dir = NULL, *path = NULL, *prefix = NULL;
  g_auto (Sheet) sheet = { 0 };
  Workbook wb = { 0 };
  const SheetEntry *entry;
  gboolean ok = FALSE;

  if (!workbook_read (pkg, &wb, &workbook_path, error))
    goto out;
  entry = choose_sheet (&wb, sheet_name, error);
  path = entry != NULL ? sheet_path (pkg, workbook_path, entry, error) : NULL;
  if (path == NULL)
    goto out;
  td_table_set_sheet_name (table, entry->name);
  dir = g_path_get_dirname (workbook_path);
  prefix = g_str_equal (dir, ".") ? g_strdup ("") : g_strconcat (dir, "/", NULL);
  sheet.table = table;
  sheet.pkg = pkg;
  sheet.date1904 = wb.date1904;
  sheet.value = g_string_new (NULL);
  sheet.merges = g_array_new (FALSE, FALSE, sizeof (Merge));
  sheet.date_styles = styles_read (pkg, prefix, error);
  if (sheet.date_styles == NULL)
    goto out;
  sheet.strings = strings_read (pkg, prefix, error);
  if (sheet.strings == NULL)
    goto out;
  ok = package_walk (pkg, path, TRUE, sheet_node, &sheet, error);
  for (guint i = 0; ok && i < sheet.merges->len; i++)
    {
      const Merge *m = &g_array_index (sheet.merges, Merge, i);

      td_table_fill_merged (table, m->first_line, m->first_column, m->last_line,
                            m->last_column);
    }
out:
  g_clear_pointer (&wb.sheets, g_ptr_array_unref);
  return ok;
}

TdTable *
td_xlsx_read (GBytes *bytes, const char *sheet, const TdTableLimits *limits,
              GCancellable *cancellable, GError **error)
{
  g_autoptr (TdTable) table = NULL;
  g_auto (Package) pkg = { 0 };
  TdTableLimits defaults;

  if (limits == NULL)
    {
      td_table_limits_init (&defaults);
      limits = &defaults;
    }
  if (!package_open (&pkg, bytes, limits, cancellable, error))
    return NULL;
  table = td_table_new (TD_TABLE_FORMAT_XLSX, limits);
  if (!read_sheet (&pkg, table, sheet, error))
    return NULL;
  return g_steal_pointer (&table);
}

GPtrArray *
td_xlsx_list_sheets (GBytes *bytes, GError **error)
{
  g_auto (Package) pkg = { 0 };
  g_autofree char *workbook_path = NULL;
  Workbook wb = { 0 };
  TdTableLimits limits;
  GPtrArray *names = NULL;

  td_table_limits_init (&limits);
  if (!package_open (&pkg, bytes, &limits, NULL, error))
    return NULL;
  if (workbook_read (&pkg, &wb, &workbook_path, error))
    {
      names = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < wb.sheets->len; i++)
        g_ptr_array_add (names, g_strdup (((SheetEntry *) wb.sheets->pdata[i])->name));
    }
  g_clear_pointer (&wb.sheets, g_ptr_array_unref);
  return names;
}
