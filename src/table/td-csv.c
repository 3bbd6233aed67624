/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-table"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "table/td-csv.h"

static guint
line_at (const char *data, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

static gboolean
has_high_bytes (const char *p, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) p[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* A file that is not UTF-8 as a whole but has a line of valid UTF-8 text beyond ASCII was
 * put together from two sources: refuse rather than guess. */
static gboolean
check_not_mixed (const char *data, gsize len, GError **error)
{
  guint line = 1, utf8_line = 0, other_line = 0;
  const char *p = data, *end = data + len;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize n = (nl != NULL ? nl : end) - p;

      if (has_high_bytes (p, n))
        {
          if (g_utf8_validate (p, n, NULL))
            utf8_line = utf8_line ? utf8_line : line;
          else
            other_line = other_line ? other_line : line;
        }
      if (utf8_line != 0 && other_line != 0)
        {
          g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_ENCODING,
                       _("The file mixes text encodings: line %u is UTF-8 but line %u is "
                         "not. Save it again as UTF-8 CSV."),
                       utf8_line, other_line);
          return FALSE;
        }
      p += n + 1;
      line++;
    }
  return TRUE;
}

static char *
decode_utf16 (const char *data, gsize len, const char *charset, gsize *out_len,
              GError **error)
{
  g_autoptr (GError) local = NULL;
  char *text = g_convert (data, len, "UTF-8", charset, NULL, out_len, &local);

  if (text == NULL || memchr (text, '\0', *out_len) != NULL)
    {
      g_free (text);
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_ENCODING,
                   _("The file is not valid %s text."), charset);
      return NULL;
    }
  return text;
}

const char *
td_csv_gb_charset (void)
{
  static gsize has_gb18030 = 0;

  if (g_once_init_enter (&has_gb18030))
    {
      GIConv cd = g_iconv_open ("UTF-8", "GB18030");

      if (cd != (GIConv) -1)
        g_iconv_close (cd);
      g_once_init_leave (&has_gb18030, cd != (GIConv) -1 ? 1 : 2);
    }
  return has_gb18030 == 1 ? "GB18030" : "GBK";
}

static char *
decode_gb18030 (const char *data, gsize len, gsize *out_len, GError **error)
{
  g_autoptr (GError) local = NULL;
  gsize read = 0;
  char *text;

  if (!check_not_mixed (data, len, error))
    return NULL;
  text = g_convert (data, len, "UTF-8", td_csv_gb_charset (), &read, out_len, &local);
  if (text == NULL)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_ENCODING,
                   _("Line %u is neither UTF-8 nor GB18030 (GBK) text. Save the file as "
                     "UTF-8 CSV."),
                   line_at (data, MIN (read, len)));
      return NULL;
    }
  return text;
}

/* Returns the text as UTF-8 (newly allocated) and names its encoding. */
static char *
decode (const char *data, gsize len, const char **encoding, gsize *out_len, GError **error)
{
  const char *nul;
  const char *bad;

  if (len >= 2 && (guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
    {
      *encoding = "UTF-16LE";
      return decode_utf16 (data + 2, len - 2, *encoding, out_len, error);
    }
  if (len >= 2 && (guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
    {
      *encoding = "UTF-16BE";
      return decode_utf16 (data + 2, len - 2, *encoding, out_len, error);
    }
  nul = memchr (data, '\0', len);
  if (nul != NULL)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_ENCODING,
                   _("Line %u holds a NUL byte: this is not a text (CSV) file."),
                   line_at (data, nul - data));
      return NULL;
    }
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      *encoding = "UTF-8 (BOM)";
      if (!g_utf8_validate (data + 3, len - 3, &bad))
        {
          g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_ENCODING,
                       _("Line %u is not valid UTF-8 text."), line_at (data, bad - data));
          return NULL;
        }
      *out_len = len - 3;
      return g_strndup (data + 3, len - 3);
    }
  if (g_utf8_validate (data, len, NULL))
    {
      *encoding = "UTF-8";
      *out_len = len;
      return g_strndup (data, len);
    }
  *encoding = td_csv_gb_charset ();
  return decode_gb18030 (data, len, out_len, error);
}

static char
detect_separator (const char *text, gsize len)
{
  const char *candidates = ",\t;";
  guint counts[3] = { 0, 0, 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && text[i] == '\n' && (counts[0] || counts[1] || counts[2]))
        break;
      else if (!quoted)
        for (guint k = 0; k < 3; k++)
          counts[k] += text[i] == candidates[k];
    }
  for (guint k = 1; k < 3; k++)
    if (counts[k] > counts[best])
      best = k;
  return candidates[best];
}

typedef struct
{
  const char *p;
  const char *end;
  char separator;
  guint line;
  GString *field;
} Scanner;

/* A quoted field from just after its opening quote to just after its closing one. */
static gboolean
scan_quoted (Scanner *s, GError **error)
{
  guint start_line = s->line;

  for (;;)
    {
      if (s->p >= s->end)
        {
          g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                       _("Line %u: a quoted field is never closed."), start_line);
          return FALSE;
        }
      if (*s->p == '"')
        {
          if (s->p + 1 < s->end && s->p[1] == '"')
            {
              g_string_append_c (s->field, '"');
              s->p += 2;
              continue;
            }
          s->p++;
          return TRUE;
        }
      if (*s->p == '\r' && s->p + 1 < s->end && s->p[1] == '\n')
        s->p++;
      if (*s->p == '\n')
        s->line++;
      g_string_append_c (s->field, *s->p++);
    }
}

/* One field, newly allocated; the scanner stops on the separator, a line break or the end.
 * NULL with @error for a quoted field never closed. */
static char *
scan_field (Scanner *s, GError **error)
{
  const char *start = s->p;

  if (s->p < s->end && *s->p == '"')
    {
      g_string_truncate (s->field, 0);
      s->p++;
      if (!scan_quoted (s, error))
        return NULL;
      /* What follows a closing quote is kept as written, as spreadsheets do. */
      while (s->p < s->end && *s->p != s->separator && *s->p != '\n' && *s->p != '\r')
        g_string_append_c (s->field, *s->p++);
      return g_strndup (s->field->str, s->field->len);
    }
  /* unquoted (nearly every field): as it stands in the text */
  while (s->p < s->end && *s->p != s->separator && *s->p != '\n' && *s->p != '\r')
    s->p++;
  return g_strndup (start, s->p - start);
}

static gboolean
scan_record (Scanner *s, TdTable *table, GError **error)
{
  guint column = 0;

  td_table_begin_row (table, s->line);
  for (;;)
    {
      char *field = scan_field (s, error);

      if (field == NULL || !td_table_set_cell (table, column++, field, TD_CELL_TEXT, error))
        return FALSE;
      if (s->p < s->end && *s->p == s->separator)
        {
          s->p++;
          continue;
        }
      break;
    }
  if (s->p < s->end && *s->p == '\r')
    s->p++;
  if (s->p < s->end && *s->p == '\n')
    s->p++;
  s->line++;
  return td_table_end_row (table, error);
}

TdTable *
td_csv_read (GBytes *bytes, const TdTableLimits *limits, GCancellable *cancellable,
             GError **error)
{
  g_autoptr (TdTable) table = td_table_new (TD_TABLE_FORMAT_CSV, limits);
  g_autoptr (GString) field = g_string_new (NULL);
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  gsize data_len, len = 0;
  const char *data = g_bytes_get_data (bytes, &data_len);
  Scanner s;

  text = decode (data != NULL ? data : "", data_len, &encoding, &len, error);
  if (text == NULL)
    return NULL;
  s = (Scanner) { text, text + len, detect_separator (text, len), 1, field };
  td_table_set_encoding (table, encoding, s.separator);
  for (guint n = 0; s.p < s.end; n++)
    {
      if ((n & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!scan_record (&s, table, error))
        return NULL;
    }
  return g_steal_pointer (&table);
}

void
td_csv_append_field (GString *out, const char *text, char separator)
{
  gsize len = strlen (text);
  gboolean quote = len > 0 && (text[0] == ' ' || text[len - 1] == ' ');

  for (const char *p = text; !quote && *p != '\0'; p++)
    quote = *p == separator || *p == '"' || *p == '\n' || *p == '\r';
  if (!quote)
    {
      g_string_append_len (out, text, len);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
