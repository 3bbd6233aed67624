/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-table"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/td-date.h"
#include "core/td-idnumber.h"
#include "table/td-punch-reader.h"

/* A terminal exports more rows than a roster has. */
#define PUNCH_MAX_ROWS 500000

struct _TdPunchFile
{
  TdPunchFileKind kind;
  char *name;
  char sha256[65];
  TdTable *table;               /* NULL for attlog */
  gboolean mapped;
  TdPunchMapping mapping;
  GPtrArray *punches;           /* TdPunch* */
  GPtrArray *problems;          /* TdPunchProblem* */
};

/* Headers as td_table_fold_header () leaves them, '|' between names. */
static const struct
{
  const char *key;
  const char *label;
  const char *names;
} columns[TD_PUNCH_N_COLUMNS] = {
  [TD_PUNCH_COLUMN_PERSON_NO] = { "person", N_("Person number"),
    "考勤号码|考勤号|工号|人员编号|用户id|用户编号|登记号码|编号|personno|personnumber|userid|pin" },
  [TD_PUNCH_COLUMN_NAME] = { "name", N_("Name"), "姓名|name" },
  [TD_PUNCH_COLUMN_ID_NUMBER] = { "id", N_("Id number"),
    "身份证号|身份证号码|证件号码|证件号|公民身份号码|idnumber|idno" },
  [TD_PUNCH_COLUMN_DATETIME] = { "datetime", N_("Date and time"),
    "日期时间|打卡时间|考勤时间|签到时间|刷卡时间|datetime|punchtime" },
  [TD_PUNCH_COLUMN_DATE] = { "date", N_("Date"), "日期|考勤日期|打卡日期|date" },
  [TD_PUNCH_COLUMN_TIME] = { "time", N_("Time"), "时间|time" },
  [TD_PUNCH_COLUMN_DEVICE] = { "device", N_("Device"), "设备名称|机器号|设备号|设备|device" },
  [TD_PUNCH_COLUMN_VERIFY] = { "verify", N_("Verify mode"),
    "验证方式|比对方式|verifymode|verify" },
  [TD_PUNCH_COLUMN_LESSON] = { "lesson", N_("Lesson"), "课次|课次id|课次编号|课次号|lesson|lessonid" },
  [TD_PUNCH_COLUMN_LESSON_DATE] = { "lesson-date", N_("Lesson date"),
    "上课日期|课次日期|课程日期|lessondate" },
  [TD_PUNCH_COLUMN_LESSON_START] = { "lesson-start", N_("Lesson start"),
    "上课时间|课次开始时间|上课开始时间|lessonstart" },
  [TD_PUNCH_COLUMN_STUDY_START] = { "study-start", N_("Study start"),
    "学习开始时间|开始学习时间|学习开始|studystart" },
  [TD_PUNCH_COLUMN_STUDY_END] = { "study-end", N_("Study end"),
    "学习结束时间|结束学习时间|学习结束|studyend" },
};

/* ---- mappings ------------------------------------------------------------------- */

const char *
td_punch_column_key (TdPunchColumn column)
{
  g_return_val_if_fail (column < TD_PUNCH_N_COLUMNS, NULL);
  return columns[column].key;
}

const char *
td_punch_column_label (TdPunchColumn column)
{
  g_return_val_if_fail (column < TD_PUNCH_N_COLUMNS, NULL);
  return _(columns[column].label);
}

void
td_punch_mapping_init (TdPunchMapping *mapping)
{
  for (int c = 0; c < TD_PUNCH_N_COLUMNS; c++)
    mapping->columns[c] = -1;
  mapping->first_row = 0;
}

char *
td_punch_mapping_to_string (const TdPunchMapping *mapping)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "first=%u", mapping->first_row);
  for (int c = 0; c < TD_PUNCH_N_COLUMNS; c++)
    if (mapping->columns[c] >= 0)
      g_string_append_printf (out, ";%s=%d", columns[c].key, mapping->columns[c]);
  return g_string_free (out, FALSE);
}

gboolean
td_punch_mapping_from_string (const char *text, TdPunchMapping *mapping)
{
  g_auto (GStrv) parts = g_strsplit (text != NULL ? text : "", ";", -1);

  td_punch_mapping_init (mapping);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto (GStrv) kv = g_strsplit (parts[i], "=", 2);
      guint64 value;
      int c;

      if (g_strv_length (kv) != 2 || !g_ascii_string_to_unsigned (kv[1], 10, 0, 10000, &value,
                                                                   NULL))
        return FALSE;
      if (strcmp (kv[0], "first") == 0)
        {
          mapping->first_row = (guint) value;
          continue;
        }
      for (c = 0; c < TD_PUNCH_N_COLUMNS && strcmp (kv[0], columns[c].key) != 0; c++)
        ;
      if (c == TD_PUNCH_N_COLUMNS)
        return FALSE;
      mapping->columns[c] = (int) value;
    }
  return TRUE;
}

static int
column_of_header (const char *header)
{
  g_autofree char *folded = td_table_fold_header (header);

  if (folded[0] == '\0')
    return -1;
  for (int c = 0; c < TD_PUNCH_N_COLUMNS; c++)
    {
      g_auto (GStrv) names = g_strsplit (columns[c].names, "|", -1);
      if (g_strv_contains ((const char *const *) names, folded))
        return c;
    }
  return -1;
}

/* Enough to make punches: who, and when. */
static gboolean
mapping_complete (const TdPunchMapping *m)
{
  const int *c = m->columns;
  gboolean who = c[TD_PUNCH_COLUMN_PERSON_NO] >= 0 || c[TD_PUNCH_COLUMN_ID_NUMBER] >= 0;
  gboolean when = c[TD_PUNCH_COLUMN_DATETIME] >= 0
                  || (c[TD_PUNCH_COLUMN_DATE] >= 0 && c[TD_PUNCH_COLUMN_TIME] >= 0)
                  || (c[TD_PUNCH_COLUMN_STUDY_START] >= 0 && c[TD_PUNCH_COLUMN_STUDY_END] >= 0);

  return who && when;
}

static gboolean
is_study (const TdPunchMapping *m)
{
  return m->columns[TD_PUNCH_COLUMN_STUDY_START] >= 0 && m->columns[TD_PUNCH_COLUMN_STUDY_END] >= 0;
}

/* The header: the first of the first rows whose headers name who and when. */
static gboolean
find_mapping (const TdTable *table, TdPunchMapping *mapping)
{
  guint n = MIN (td_table_get_n_rows (table), TD_TABLE_MAX_HEADER_ROWS);

  for (guint r = 0; r < n; r++)
    {
      td_punch_mapping_init (mapping);
      for (guint col = 0; col < td_table_get_n_columns (table, r); col++)
        {
          int c = column_of_header (td_table_get_text (table, r, col));
          if (c >= 0 && mapping->columns[c] < 0)
            mapping->columns[c] = (int) col;
        }
      mapping->first_row = r + 1;
      if (mapping_complete (mapping))
        return TRUE;
    }
  td_punch_mapping_init (mapping);
  return FALSE;
}

/* ---- values ------------------------------------------------------------------------- */

static void
add_problem (TdPunchFile *f, guint line, char *reason)
{
  g_ptr_array_add (f->problems, td_punch_problem_new (line, reason));
}

/* A time of day: "07:55:00", "7:55", or a spreadsheet's fraction of a day. */
static int
parse_time (const char *text)
{
  char *end = NULL;
  double value;

  if (strchr (text, ':') == NULL && text[0] == '0' && text[1] == '.')
    {
      value = g_ascii_strtod (text, &end);
      if (end != text && *end == '\0' && value >= 0 && value < 1)
        return (int) (value * 86400.0 + 0.5) % 86400;
    }
  return td_time_parse_lenient (text);
}

/* "2026-03-02 07:55:00", "2026/3/2 7:55", "2026-03-02T07:55:00", or a spreadsheet serial. */
static gboolean
parse_datetime (const char *text, char date[TD_DATE_LEN], int *seconds)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *sep = strpbrk (copy, " T");
  char *end = NULL;
  double serial = g_ascii_strtod (copy, &end);

  if (end != copy && *end == '\0' && serial > 1 && strchr (copy, '-') == NULL)
    {
      *seconds = (int) ((serial - floor (serial)) * 86400.0 + 0.5);
      return *seconds < 86400 && td_table_serial_to_iso (serial, FALSE, date);
    }
  if (sep == NULL)
    return FALSE;
  *sep = '\0';
  td_day_to_iso (td_day_parse_lenient (copy), date);
  *seconds = parse_time (g_strstrip (sep + 1));
  return date[0] != '\0' && *seconds >= 0;
}

/* FACE, CARD or QR when the verify mode says so; "" for the device's method. */
static const char *
method_of_verify (const char *text)
{
  g_autofree char *folded = td_table_fold_header (text);

  if (strcmp (folded, "15") == 0 || strstr (folded, "脸") != NULL || strstr (folded, "面部")
      || strstr (folded, "face") != NULL)
    return "FACE";
  if (strcmp (folded, "4") == 0 || strstr (folded, "卡") != NULL || strstr (folded, "card"))
    return "CARD";
  if (strstr (folded, "码") != NULL || strstr (folded, "qr") != NULL)
    return "QR";
  return "";
}

/* Who: the id number (checked) and the person number, as the row writes them. */
static gboolean
read_who (TdPunchFile *f, TdPunch *p, const char *id, const char *number)
{
  g_autoptr (GError) error = NULL;
  char today[TD_DATE_LEN];

  td_day_to_iso (td_day_today (), today);
  if (id != NULL && id[0] != '\0')
    {
      p->id_number = td_id_number_normalize (id, today, &error);
      if (p->id_number == NULL)
        {
          add_problem (f, p->line, g_strdup_printf (_("The id number %s is not valid: %s"),
                                                    id, error->message));
          return FALSE;
        }
    }
  if (number != NULL && number[0] != '\0')
    {
      p->person_no = td_terminal_number_normalize (number);
      if (p->person_no == NULL && p->id_number == NULL)
        {
          add_problem (f, p->line, g_strdup_printf (_("“%s” is not a person number."), number));
          return FALSE;
        }
    }
  if (p->id_number == NULL && p->person_no == NULL)
    {
      add_problem (f, p->line, g_strdup (_("The line has neither a person number nor an id "
                                           "number.")));
      return FALSE;
    }
  return TRUE;
}

/* ---- attlog ------------------------------------------------------------------------ */

/* @text starts with @shape, where 'd' is an ASCII digit and anything else itself (a regular
 * expression per line made reading a large attlog 4 times slower). */
static gboolean
has_shape (const char *text, const char *shape)
{
  for (; *shape != '\0'; shape++, text++)
    if (*shape == 'd' ? !g_ascii_isdigit (*text) : *text != *shape)
      return FALSE;
  return TRUE;
}

static gboolean
attlog_line_shape (const char *line)
{
  const char *tab = strchr (line, '\t');

  if (tab == NULL)
    return FALSE;
  for (const char *p = line; p < tab; p++)
    if (!g_ascii_isdigit (*p) && *p != ' ')
      return FALSE;
  return has_shape (tab + 1, "dddd-dd-dd dd:dd:dd");
}

static gboolean
looks_like_attlog (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  /* empty bytes may have no data at all */
  g_autofree char *head = g_strndup (data != NULL ? data : "", MIN (size, 4096));
  g_auto (GStrv) lines = g_strsplit (head, "\n", 12);

  for (guint i = 0; lines[i] != NULL && i < 11; i++)
    if (attlog_line_shape (g_strchomp (lines[i])))
      return TRUE;
  return FALSE;
}

static void
attlog_line (TdPunchFile *f, guint number, char *line, gboolean *header_seen)
{
  g_auto (GStrv) fields = g_strsplit (line, "\t", -1);
  g_autoptr (TdPunch) p = td_punch_new ();

  p->line = number;
  if (!attlog_line_shape (line))
    {
      /* a stray header (words, no date) before the first punch is not a punch */
      if (!*header_seen && f->punches->len == 0 && f->problems->len == 0
          && !g_regex_match_simple ("\\d{4}-\\d{1,2}-\\d{1,2}", line, 0, 0))
        {
          *header_seen = TRUE;
          return;
        }
      add_problem (f, number, g_strdup_printf (_("Not a punch (person number, tab, "
                                                 "YYYY-MM-DD hh:mm:ss): “%.40s”."), line));
      return;
    }
  if (!parse_datetime (fields[1], p->date, &p->seconds) || p->seconds < 0)
    {
      add_problem (f, number, g_strdup_printf (_("“%s” is not a real date and time."),
                                               fields[1]));
      return;
    }
  if (!read_who (f, p, NULL, fields[0]))
    return;
  if (g_strv_length (fields) > 3)
    g_strlcpy (p->method, method_of_verify (g_strstrip (fields[3])), sizeof p->method);
  g_ptr_array_add (f->punches, g_steal_pointer (&p));
}

static void
read_attlog (TdPunchFile *f, GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_utf8_make_valid (data, (gssize) size);
  g_auto (GStrv) lines = g_strsplit (g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text,
                                     "\n", -1);
  gboolean header_seen = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);
      if (line[0] != '\0')
        attlog_line (f, i + 1, line, &header_seen);
    }
}

/* ---- tables ------------------------------------------------------------------------ */

static const char *
cell (const TdTable *t, guint row, const TdPunchMapping *m, TdPunchColumn c)
{
  /* TD_PUNCH_N_COLUMNS stands for "no such column" (study records have no date column) */
  if (c >= TD_PUNCH_N_COLUMNS || m->columns[c] < 0)
    return NULL;
  return td_table_get_text (t, row, (guint) m->columns[c]);
}

static gboolean
read_when (TdPunchFile *f, const TdTable *t, guint row, TdPunchColumn dt, TdPunchColumn d,
           TdPunchColumn tm, TdPunch *p)
{
  const TdPunchMapping *m = &f->mapping;
  const char *text = dt < TD_PUNCH_N_COLUMNS ? cell (t, row, m, dt) : NULL;
  gboolean ok;

  if (text != NULL && text[0] != '\0')
    ok = parse_datetime (text, p->date, &p->seconds);
  else
    {
      const char *date = cell (t, row, m, d), *time = cell (t, row, m, tm);
      g_autofree char *both = g_strdup_printf ("%s %s", date != NULL ? date : "",
                                               time != NULL ? time : "");
      text = both;
      ok = date != NULL && date[0] != '\0' && time != NULL && time[0] != '\0'
           && parse_datetime (both, p->date, &p->seconds);
      if (!ok)
        {
          add_problem (f, p->line, g_strdup_printf (_("“%s” is not a date and time."),
                                                    g_strstrip (both)));
          return FALSE;
        }
      return TRUE;
    }
  if (!ok)
    add_problem (f, p->line, g_strdup_printf (_("“%s” is not a date and time."), text));
  return ok;
}

static TdPunch *
table_who (TdPunchFile *f, const TdTable *t, guint row)
{
  const TdPunchMapping *m = &f->mapping;
  g_autoptr (TdPunch) p = td_punch_new ();
  const char *name = cell (t, row, m, TD_PUNCH_COLUMN_NAME);

  p->line = td_table_get_line (t, row);
  if (!read_who (f, p, cell (t, row, m, TD_PUNCH_COLUMN_ID_NUMBER),
                 cell (t, row, m, TD_PUNCH_COLUMN_PERSON_NO)))
    return NULL;
  if (name != NULL && name[0] != '\0')
    p->name = g_strstrip (g_strdup (name));
  return g_steal_pointer (&p);
}

static void
table_punch (TdPunchFile *f, const TdTable *t, guint row)
{
  g_autoptr (TdPunch) p = table_who (f, t, row);
  const char *verify;

  if (p == NULL || !read_when (f, t, row, TD_PUNCH_COLUMN_DATETIME, TD_PUNCH_COLUMN_DATE,
                               TD_PUNCH_COLUMN_TIME, p))
    return;
  verify = cell (t, row, &f->mapping, TD_PUNCH_COLUMN_VERIFY);
  if (verify != NULL)
    g_strlcpy (p->method, method_of_verify (verify), sizeof p->method);
  g_ptr_array_add (f->punches, g_steal_pointer (&p));
}

/* A study record: which lesson, and two ONLINE punches naming it. */
static void
study_record (TdPunchFile *f, const TdTable *t, guint row)
{
  const TdPunchMapping *m = &f->mapping;
  g_autoptr (TdPunch) start = table_who (f, t, row);
  g_autoptr (TdPunch) end = NULL;
  const char *lesson = cell (t, row, m, TD_PUNCH_COLUMN_LESSON);
  const char *lesson_date = cell (t, row, m, TD_PUNCH_COLUMN_LESSON_DATE);
  const char *lesson_start = cell (t, row, m, TD_PUNCH_COLUMN_LESSON_START);

  if (start == NULL)
    return;
  if (lesson != NULL && lesson[0] != '\0')
    start->lesson = g_strstrip (g_strdup (lesson));
  else if (lesson_date != NULL && lesson_start != NULL
           && td_day_parse_lenient (lesson_date) != 0 && parse_time (lesson_start) >= 0)
    {
      td_day_to_iso (td_day_parse_lenient (lesson_date), start->lesson_date);
      start->lesson_start = parse_time (lesson_start);
    }
  else
    {
      add_problem (f, start->line, g_strdup (_("The study record names no lesson (课次, or "
                                                "its date and start).")));
      return;
    }
  g_strlcpy (start->method, "ONLINE", sizeof start->method);
  end = td_punch_copy (start);
  if (!read_when (f, t, row, TD_PUNCH_COLUMN_STUDY_START, TD_PUNCH_N_COLUMNS,
                  TD_PUNCH_N_COLUMNS, start)
      || !read_when (f, t, row, TD_PUNCH_COLUMN_STUDY_END, TD_PUNCH_N_COLUMNS,
                     TD_PUNCH_N_COLUMNS, end))
    return;
  if (strcmp (end->date, start->date) != 0 || end->seconds <= start->seconds)
    {
      add_problem (f, start->line, g_strdup (_("The study ends before it starts, or on "
                                               "another day.")));
      return;
    }
  g_ptr_array_add (f->punches, g_steal_pointer (&start));
  g_ptr_array_add (f->punches, g_steal_pointer (&end));
}

static void
read_table_rows (TdPunchFile *f)
{
  g_ptr_array_set_size (f->punches, 0);
  g_ptr_array_set_size (f->problems, 0);
  f->kind = is_study (&f->mapping) ? TD_PUNCH_FILE_STUDY : TD_PUNCH_FILE_TABLE;
  for (guint r = f->mapping.first_row; r < td_table_get_n_rows (f->table); r++)
    {
      if (f->kind == TD_PUNCH_FILE_STUDY)
        study_record (f, f->table, r);
      else
        table_punch (f, f->table, r);
    }
}

/* ---- the file ----------------------------------------------------------------------- */

TdPunchFile *
td_punch_file_load_bytes (GBytes *bytes, const char *name, GCancellable *cancellable,
                          GError **error)
{
  g_autoptr (TdPunchFile) f = g_new0 (TdPunchFile, 1);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  TdTableLimits limits;

  f->name = g_path_get_basename (name != NULL ? name : "");
  g_strlcpy (f->sha256, sha, sizeof f->sha256);
  f->punches = g_ptr_array_new_with_free_func ((GDestroyNotify) td_punch_free);
  f->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) td_punch_problem_free);
  td_punch_mapping_init (&f->mapping);
  td_table_limits_init (&limits);
  if (g_bytes_get_size (bytes) > limits.max_file_size)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_TOO_LARGE,
                   _("The file is larger than %u MiB."),
                   (guint) (limits.max_file_size / (1024 * 1024)));
      return NULL;
    }
  if (!(g_bytes_get_size (bytes) >= 2 && memcmp (g_bytes_get_data (bytes, NULL), "PK", 2) == 0)
      && looks_like_attlog (bytes))
    {
      f->kind = TD_PUNCH_FILE_ATTLOG;
      read_attlog (f, bytes);
      return g_steal_pointer (&f);
    }
  limits.max_rows = PUNCH_MAX_ROWS;
  f->kind = TD_PUNCH_FILE_TABLE;
  f->table = td_table_read_bytes (bytes, NULL, &limits, cancellable, error);
  if (f->table == NULL)
    return NULL;
  f->mapped = find_mapping (f->table, &f->mapping);
  if (f->mapped)
    read_table_rows (f);
  return g_steal_pointer (&f);
}

TdPunchFile *
td_punch_file_load (const char *path, GCancellable *cancellable, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, error);

  if (bytes == NULL)
    return NULL;
  return td_punch_file_load_bytes (bytes, path, cancellable, error);
}

void
td_punch_file_free (TdPunchFile *f)
{
  if (f == NULL)
    return;
  g_free (f->name);
  g_clear_pointer (&f->table, td_table_free);
  g_clear_pointer (&f->punches, g_ptr_array_unref);
  g_clear_pointer (&f->problems, g_ptr_array_unref);
  g_free (f);
}

TdPunchFileKind
td_punch_file_get_kind (const TdPunchFile *f)
{
  return f->kind;
}

const char *
td_punch_file_get_name (const TdPunchFile *f)
{
  return f->name;
}

const char *
td_punch_file_get_sha256 (const TdPunchFile *f)
{
  return f->sha256;
}

const TdTable *
td_punch_file_get_table (const TdPunchFile *f)
{
  return f->table;
}

gboolean
td_punch_file_needs_mapping (const TdPunchFile *f)
{
  return f->table != NULL && !f->mapped;
}

char *
td_punch_file_get_shape (const TdPunchFile *f)
{
  g_autoptr (GString) shape = NULL;
  guint n;

  if (f->table == NULL)
    return NULL;
  shape = g_string_new (td_table_get_format (f->table) == TD_TABLE_FORMAT_XLSX ? "xlsx" : "csv");
  n = td_table_get_n_rows (f->table) > 0 ? td_table_get_n_columns (f->table, 0) : 0;
  g_string_append_printf (shape, "|%u", n);
  for (guint c = 0; c < n; c++)
    g_string_append_printf (shape, "|%s", td_table_get_text (f->table, 0, c));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, shape->str, -1);
}

gboolean
td_punch_file_get_mapping (const TdPunchFile *f, TdPunchMapping *mapping)
{
  td_punch_mapping_init (mapping);
  if (!f->mapped)
    return FALSE;
  *mapping = f->mapping;
  return TRUE;
}

gboolean
td_punch_file_set_mapping (TdPunchFile *f, const TdPunchMapping *mapping, GError **error)
{
  g_return_val_if_fail (f->table != NULL, FALSE);
  if (!mapping_complete (mapping))
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                   _("Choose the column of the person number or the id number, and the "
                     "column of the date and time (or a date and a time column, or study "
                     "start and end)."));
      return FALSE;
    }
  f->mapping = *mapping;
  f->mapped = TRUE;
  read_table_rows (f);
  return TRUE;
}

static char *
mapping_key (const TdPunchFile *f)
{
  g_autofree char *shape = td_punch_file_get_shape (f);

  return g_strconcat ("punch-columns/", shape, NULL);
}

gboolean
td_punch_file_apply_saved_mapping (TdPunchFile *f, TdStore *store, GError **error)
{
  g_autofree char *key = NULL;
  g_autofree char *saved = NULL;
  TdPunchMapping mapping;

  if (!td_punch_file_needs_mapping (f))
    return TRUE;
  key = mapping_key (f);
  {
    g_autoptr (GError) local = NULL;
    saved = td_store_get_setting (store, key, &local);
    if (local != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local));
        return FALSE;
      }
  }
  if (saved == NULL || !td_punch_mapping_from_string (saved, &mapping))
    return TRUE;
  return td_punch_file_set_mapping (f, &mapping, error);
}

gboolean
td_punch_file_remember_mapping (const TdPunchFile *f, TdStore *store, GError **error)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;

  if (f->table == NULL || !f->mapped)
    return TRUE;
  key = mapping_key (f);
  value = td_punch_mapping_to_string (&f->mapping);
  return td_store_set_setting (store, key, value, error);
}

GPtrArray *
td_punch_file_get_punches (const TdPunchFile *f)
{
  return f->punches;
}

GPtrArray *
td_punch_file_get_problems (const TdPunchFile *f)
{
  return f->problems;
}
