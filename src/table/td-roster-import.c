/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-table"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/td-codes.h"
#include "core/td-date.h"
#include "core/td-idnumber.h"
#include "core/td-phone.h"
#include "core/td-punch.h"
#include "table/td-roster-import.h"
#include "table/td-sheet.h"

G_DEFINE_QUARK (td-import-error-quark, td_import_error)

#define NAME_MAX_CHARS 30
#define LOOKUP_MEMO 4

/* Headers as they are compared: NFKC, case-folded, without spaces; '|' between names. */
static const TdSheetField fields[TD_ROSTER_N_FIELDS] = {
  [TD_ROSTER_FIELD_NAME] = { "姓名", "姓名|学员姓名|name|traineename|fullname", TRUE },
  [TD_ROSTER_FIELD_ID_NUMBER] = { "身份证号码",
    "身份证号码|身份证号|身份证|公民身份号码|身份证件号码|idnumber|idno|idcard|idcardnumber"
    "|citizenid|id", TRUE },
  [TD_ROSTER_FIELD_PHONE] = { "手机号码",
    "手机号码|联系电话|手机号|手机|电话|联系方式|phone|mobile|phonenumber|mobilephone|telephone",
    TRUE },
  [TD_ROSTER_FIELD_EDUCATION] = { "文化程度", "文化程度|学历|education", TRUE },
  [TD_ROSTER_FIELD_HOUSEHOLD] = { "户籍地",
    "户籍地|户籍所在地|户籍|户口所在地|householdregion|household|hukou", FALSE },
  [TD_ROSTER_FIELD_CATEGORIES] = { "人员类别",
    "人员类别|类别|人员类型|category|categories|traineecategory", TRUE },
  [TD_ROSTER_FIELD_EMPLOYMENT] = { "培训前就业状态",
    "培训前就业状态|就业状态|employmentstatus|employmentbefore|employment"
    "|employmentstatusbeforetraining", FALSE },
  [TD_ROSTER_FIELD_CONSENT] = { "同意日期",
    "同意日期|知情同意日期|签署日期|consentdate|consent", TRUE },
  [TD_ROSTER_FIELD_GENDER] = { "性别", "性别|gender|sex", FALSE },
  [TD_ROSTER_FIELD_TERMINAL_NO] = { "考勤号",
    "考勤号|考勤号码|考勤机号|terminalno|terminalnumber|personno|personnumber", FALSE },
  [TD_ROSTER_FIELD_BIRTH_DATE] = { "出生日期",
    "出生日期|出生年月日|出生年月|birthdate|dateofbirth|birthday", FALSE },
};

struct _TdRosterImport
{
  TdStore *store;
  TdClass *klass;
  TdCatalog *catalog;           /* NULL when the class's catalogue is not stored */
  char today[TD_DATE_LEN];
  TdTable *table;
  TdSheetMap *map;              /* the header: which column holds which field */
  GPtrArray *rows;              /* TdImportRow* */
  GPtrArray *notices;           /* char* */
  GHashTable *on_roster;        /* id numbers already enrolled in this class */
  int enrolled;                 /* not withdrawn */
  GHashTable *classes;          /* code → TdClass* (R-ROS-001 look-ups) */
  GHashTable *elsewhere;        /* id number → codes of the other classes it is enrolled in */
  GError *store_error;          /* the first failure to read the store while checking */
  GPtrArray *codes;             /* check_categories ()'s, kept for the next row */
  /* the cells looked up last in each code list and what they gave (lookup ()) */
  char *looked_up[TD_CODES_N_LISTS][LOOKUP_MEMO];
  const char *found[TD_CODES_N_LISTS][LOOKUP_MEMO];
  guint next_memo[TD_CODES_N_LISTS];
};

/* ---- fields and headers --------------------------------------------------- */

const char *
td_roster_field_header (TdRosterField field)
{
  g_return_val_if_fail (field >= 0 && field < TD_ROSTER_N_FIELDS, NULL);
  return fields[field].header;
}

gboolean
td_roster_field_required (TdRosterField field)
{
  g_return_val_if_fail (field >= 0 && field < TD_ROSTER_N_FIELDS, FALSE);
  return fields[field].required;
}

TdRosterField
td_roster_field_from_header (const char *header)
{
  int field = td_sheet_field_from_header (fields, TD_ROSTER_N_FIELDS, header);

  return field >= 0 ? (TdRosterField) field : TD_ROSTER_FIELD_NONE;
}

/* ---- problems ------------------------------------------------------------- */

void
td_import_problem_free (TdImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->column);
  g_free (problem->header);
  g_free (problem->reason);
  g_free (problem);
}

char *
td_import_problem_format (const TdImportProblem *problem, TdTableFormat format)
{
  gboolean sheet = format == TD_TABLE_FORMAT_XLSX;

  if (problem->column == NULL)
    return sheet ? g_strdup_printf (_("Row %u: %s"), problem->line, problem->reason)
                 : g_strdup_printf (_("Line %u: %s"), problem->line, problem->reason);
  if (sheet)
    return g_strdup_printf (_("Row %u, column %s (%s): %s"), problem->line, problem->column,
                            problem->header, problem->reason);
  return g_strdup_printf (_("Line %u, column %s (%s): %s"), problem->line, problem->column,
                          problem->header, problem->reason);
}

static void
import_row_free (gpointer data)
{
  TdImportRow *row = data;

  td_enrolment_free (row->enrolment);
  g_ptr_array_unref (row->problems);
  g_free (row->terminal_no);
  g_free (row);
}

static void
add_problem (TdRosterImport *self, TdImportRow *row, TdRosterField field, char *reason)
{
  TdImportProblem *problem = g_new0 (TdImportProblem, 1);

  problem->line = row->line;
  problem->field = field;
  problem->reason = reason;
  if (field != TD_ROSTER_FIELD_NONE && td_sheet_map_get_column (self->map, field) >= 0)
    {
      problem->column = td_table_column_name (self->table,
                                              td_sheet_map_get_column (self->map, field));
      problem->header = g_strdup (td_sheet_map_get_header (self->map, field));
    }
  g_ptr_array_add (row->problems, problem);
}

/* ---- the class ------------------------------------------------------------ */

static void
import_reset (TdRosterImport *self)
{
  g_clear_pointer (&self->table, td_table_free);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->notices, 0);
  g_clear_pointer (&self->map, td_sheet_map_free);
  self->map = td_sheet_map_new (fields, TD_ROSTER_N_FIELDS);
}

static gboolean
load_roster (TdRosterImport *self, GError **error)
{
  g_autoptr (GPtrArray) enrolments = td_store_list_enrolments (self->store, self->klass->id,
                                                               error);

  if (enrolments == NULL)
    return FALSE;
  for (guint i = 0; i < enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (enrolments, i);

      g_hash_table_add (self->on_roster, g_strdup (e->trainee.id_number));
      if (e->withdrawn_date[0] == '\0')
        self->enrolled++;
    }
  return TRUE;
}

TdRosterImport *
td_roster_import_new (TdStore *store, const char *class_code, GError **error)
{
  g_autoptr (TdRosterImport) self = g_new0 (TdRosterImport, 1);
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  self->store = g_object_ref (store);
  self->rows = g_ptr_array_new_with_free_func (import_row_free);
  self->notices = g_ptr_array_new_with_free_func (g_free);
  self->codes = g_ptr_array_new ();
  self->on_roster = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) td_class_free);
  import_reset (self);
  self->klass = td_store_get_class_by_code (store, class_code, error);
  if (self->klass == NULL)
    return NULL;
  if (self->klass->cancel_date[0] != '\0')
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CLASS,
                   _("Class %s was cancelled on %s: its roster cannot change."),
                   self->klass->code, self->klass->cancel_date);
      return NULL;
    }
  /* a catalogue not stored is a notice (ages unchecked); one that cannot be read stops */
  self->catalog = td_store_get_class_catalog (store, self->klass, &local);
  if (local != NULL && !g_error_matches (local, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  td_day_to_iso (td_day_today (), self->today);
  if (!load_roster (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
td_roster_import_free (TdRosterImport *self)
{
  if (self == NULL)
    return;
  if (self->rows != NULL)
    import_reset (self);
  g_clear_pointer (&self->map, td_sheet_map_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->klass, td_class_free);
  g_clear_pointer (&self->catalog, td_catalog_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  for (guint l = 0; l < TD_CODES_N_LISTS; l++)
    for (guint m = 0; m < LOOKUP_MEMO; m++)
      g_free (self->looked_up[l][m]);
  g_clear_pointer (&self->on_roster, g_hash_table_unref);
  g_clear_pointer (&self->classes, g_hash_table_unref);
  g_clear_pointer (&self->elsewhere, g_hash_table_unref);
  g_clear_error (&self->store_error);
  g_free (self);
}

/* ---- the header row ------------------------------------------------------- */

/* The header is the first row naming at least three roster columns; a second header row
 * below it (under merged cells) may name more (td-sheet.c). */
static gboolean
find_header (TdRosterImport *self, GError **error)
{
  g_autoptr (GPtrArray) ignored = g_ptr_array_new_with_free_func (g_free);

  if (!td_sheet_map_find_header (self->map, self->table, 3,
                                 _("No header row: none of the first rows names the roster's "
                                   "columns (姓名, 身份证号码, 手机号码, 文化程度, 人员类别, "
                                   "同意日期 …)."), ignored, error))
    return FALSE;
  for (guint i = 0; i < ignored->len; i++)
    g_ptr_array_add (self->notices,
                     g_strdup_printf (_("Column %s is not a roster column: ignored."),
                                      (char *) ignored->pdata[i]));
  return TRUE;
}

/* ---- one row -------------------------------------------------------------- */

static char *
cell_text (TdRosterImport *self, guint row, TdRosterField field)
{
  return td_sheet_map_cell_text (self->map, self->table, row, field);
}

static TdCellKind
cell_kind (TdRosterImport *self, guint row, TdRosterField field)
{
  return td_sheet_map_cell_kind (self->map, self->table, row, field);
}

/* td_code_lookup (): a column mostly holds the same few values, which are looked up once
 * (the last LOOKUP_MEMO of each list are remembered). */
static const char *
lookup (TdRosterImport *self, TdCodeList list, const char *text)
{
  guint m;
  const char *code;

  for (m = 0; m < LOOKUP_MEMO && self->looked_up[list][m] != NULL; m++)
    if (strcmp (self->looked_up[list][m], text) == 0)
      return self->found[list][m];
  code = td_code_lookup (list, text);
  m = self->next_memo[list];
  self->next_memo[list] = (m + 1) % LOOKUP_MEMO;
  g_free (self->looked_up[list][m]);
  self->looked_up[list][m] = g_strdup (text);
  self->found[list][m] = code;
  return code;
}

static void
check_name (TdRosterImport *self, guint row, TdImportRow *out)
{
  g_autofree char *name = cell_text (self, row, TD_ROSTER_FIELD_NAME);

  if (name[0] == '\0')
    {
      add_problem (self, out, TD_ROSTER_FIELD_NAME, g_strdup (_("No name was entered.")));
      return;
    }
  if (g_utf8_strlen (name, -1) > NAME_MAX_CHARS)
    {
      add_problem (self, out, TD_ROSTER_FIELD_NAME,
                        g_strdup_printf (_("A name has at most %d characters."),
                                         NAME_MAX_CHARS));
      return;
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isdigit (g_utf8_get_char (p)) || g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        add_problem (self, out, TD_ROSTER_FIELD_NAME,
                          g_strdup_printf (_("The name “%s” holds a digit or a control "
                                             "character."), name));
        return;
      }
  out->enrolment->trainee.name = g_steal_pointer (&name);
}

static gboolean
check_id_number (TdRosterImport *self, guint row, TdImportRow *out)
{
  g_autofree char *text = cell_text (self, row, TD_ROSTER_FIELD_ID_NUMBER);
  g_autofree char *id = NULL;
  g_autoptr (GError) error = NULL;
  TdTrainee *trainee = &out->enrolment->trainee;

  if (cell_kind (self, row, TD_ROSTER_FIELD_ID_NUMBER) == TD_CELL_NUMBER
      && (strchr (text, 'e') != NULL || strchr (text, 'E') != NULL || strlen (text) > 15))
    {
      add_problem (self, out, TD_ROSTER_FIELD_ID_NUMBER,
                   g_strdup (_("The id number was stored as a number and lost its last "
                               "digits: format the column as text and type it again.")));
      return FALSE;
    }
  id = td_id_number_normalize (text, self->today, &error);
  if (id == NULL)
    {
      add_problem (self, out, TD_ROSTER_FIELD_ID_NUMBER, g_strdup (error->message));
      return FALSE;
    }
  g_strlcpy (trainee->id_number, id, sizeof trainee->id_number);
  trainee->gender = td_id_number_gender (id);
  td_id_number_birth_date (id, trainee->birth_date);
  if (g_str_equal (id, TD_ROSTER_EXAMPLE_ID))
    add_problem (self, out, TD_ROSTER_FIELD_NONE,
                 g_strdup (_("This is the template's example row: delete it.")));
  return TRUE;
}

static void
check_gender (TdRosterImport *self, guint row, TdImportRow *out)
{
  g_autofree char *text = cell_text (self, row, TD_ROSTER_FIELD_GENDER);
  const char *code;
  int gender = out->enrolment->trainee.gender;

  if (text[0] == '\0')
    return;
  code = lookup (self, TD_CODES_GENDER, text);
  if (code == NULL)
    add_problem (self, out, TD_ROSTER_FIELD_GENDER,
                 g_strdup_printf (_("“%s” is not a gender."), text));
  else if (atoi (code) != gender)
    add_problem (self, out, TD_ROSTER_FIELD_GENDER,
                 g_strdup_printf (_("The gender %s does not match the id number (%s)."), text,
                                  td_code_label_zh (TD_CODES_GENDER, gender == 1 ? "1" : "2")));
}

static void
check_birth_date (TdRosterImport *self, guint row, TdImportRow *out)
{
  g_autofree char *text = cell_text (self, row, TD_ROSTER_FIELD_BIRTH_DATE);
  TdDay day;
  char iso[TD_DATE_LEN];

  if (text[0] == '\0')
    return;
  day = td_sheet_map_cell_date (self->map, self->table, row, TD_ROSTER_FIELD_BIRTH_DATE);
  td_day_to_iso (day, iso);
  if (day == 0)
    add_problem (self, out, TD_ROSTER_FIELD_BIRTH_DATE,
                 g_strdup_printf (_("“%s” is not a date."), text));
  else if (!g_str_equal (iso, out->enrolment->trainee.birth_date))
    add_problem (self, out, TD_ROSTER_FIELD_BIRTH_DATE,
                 g_strdup_printf (_("The birth date %s does not match the id number (%s)."),
                                  iso, out->enrolment->trainee.birth_date));
}

static void
check_phone (TdRosterImport *self, guint row, TdImportRow *out)
{
  g_autofree char *text = cell_text (self, row, TD_ROSTER_FIELD_PHONE);
  g_autoptr (GError) error = NULL;
  char *phone = td_phone_normalize (text, &error);

  if (phone == NULL)
    add_problem (self, out, TD_ROSTER_FIELD_PHONE, g_strdup (error->message));
  out->enrolment->trainee.phone = phone;
}

/* A code of @list from the cell, or NULL with a problem; @fallback when the cell is empty
 * (NULL: the cell is required). */
static const char *
check_code (TdRosterImport *self, guint row, TdImportRow *out, TdRosterField field,
            TdCodeList list, const char *fallback)
{
  g_autofree char *text = cell_text (self, row, field);
  const char *code;

  if (text[0] == '\0' && fallback != NULL)
    return fallback;
  if (text[0] == '\0')
    {
      add_problem (self, out, field, g_strdup (_("Nothing was entered.")));
      return NULL;
    }
  code = lookup (self, list, text);
  if (code == NULL)
    add_problem (self, out, field, td_code_unknown_reason (list, text));
  return code;
}

static void
check_household (TdRosterImport *self, guint row, TdImportRow *out)
{
  g_autofree char *text = cell_text (self, row, TD_ROSTER_FIELD_HOUSEHOLD);
  TdTrainee *trainee = &out->enrolment->trainee;
  const char *code = NULL;

  if (text[0] == '\0')
    {
      if (trainee->id_number[0] != '\0')
        td_id_number_region (trainee->id_number, trainee->household_region);
      return;
    }
  if (strlen (text) == 6 && text[0] >= '1' && text[0] <= '9'
      && strspn (text, "0123456789") == 6)
    code = text;
  else
    code = lookup (self, TD_CODES_REGION, text);
  if (code == NULL)
    add_problem (self, out, TD_ROSTER_FIELD_HOUSEHOLD,
                 g_strdup_printf (_("“%s” is not a region: give the 6-digit region code, or "
                                    "leave it empty to take it from the id number."), text));
  else
    g_strlcpy (trainee->household_region, code, sizeof trainee->household_region);
}

static gint
compare_codes (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* What separates the categories of a cell: 、，,;；/／ and white space. */
static gboolean
category_separator (gunichar c)
{
  return c == ',' || c == ';' || c == '/' || c == 0x3001 || c == 0xFF0C || c == 0xFF1B
         || c == 0xFF0F || g_unichar_isspace (c);
}

static void
check_categories (TdRosterImport *self, guint row, TdImportRow *out)
{
  g_autofree char *text = cell_text (self, row, TD_ROSTER_FIELD_CATEGORIES);
  GPtrArray *codes = self->codes;
  gboolean ok = TRUE;
  const char *p = text;

  g_ptr_array_set_size (codes, 0);
  /* split by hand, not with a GRegex made and run for every row */
  while (*p != '\0')
    {
      const char *start, *code;
      g_autofree char *part = NULL;

      while (*p != '\0' && category_separator (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !category_separator (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        break;
      part = g_strndup (start, p - start);
      code = lookup (self, TD_CODES_CATEGORY, part);
      if (code == NULL)
        {
          add_problem (self, out, TD_ROSTER_FIELD_CATEGORIES,
                       g_strdup_printf (_("“%s” is not a trainee category."), part));
          ok = FALSE;
        }
      else if (!g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
        g_ptr_array_add (codes, (gpointer) code);
    }
  if (ok && codes->len == 0)
    add_problem (self, out, TD_ROSTER_FIELD_CATEGORIES, g_strdup (_("No category was entered.")));
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);
  out->enrolment->categories = g_strjoinv (",", (char **) codes->pdata);
}

static void
check_consent (TdRosterImport *self, guint row, TdImportRow *out)
{
  g_autofree char *text = cell_text (self, row, TD_ROSTER_FIELD_CONSENT);
  char *consent = out->enrolment->consent_date;
  TdDay day;

  if (text[0] == '\0')
    {
      add_problem (self, out, TD_ROSTER_FIELD_CONSENT,
                        g_strdup (_("No consent date was entered.")));
      return;
    }
  day = td_sheet_map_cell_date (self->map, self->table, row, TD_ROSTER_FIELD_CONSENT);
  if (day == 0)
    {
      add_problem (self, out, TD_ROSTER_FIELD_CONSENT,
                        g_strdup_printf (_("“%s” is not a date."), text));
      return;
    }
  td_day_to_iso (day, consent);
  if (strcmp (consent, self->klass->start_date) > 0)
    add_problem (self, out, TD_ROSTER_FIELD_CONSENT,
                 g_strdup_printf (_("The consent date %s is after the class's start date %s "
                                    "(R-ROS-004)."), consent, self->klass->start_date));
  else if (strcmp (consent, self->today) > 0)
    add_problem (self, out, TD_ROSTER_FIELD_CONSENT,
                 g_strdup_printf (_("The consent date %s is after today (R-ROS-004)."),
                                  consent));
}

static void
check_age (TdRosterImport *self, TdImportRow *out)
{
  const TdCatalogRules *rules;
  int age;

  if (self->catalog == NULL || out->enrolment->trainee.id_number[0] == '\0')
    return;
  rules = &self->catalog->rules;
  age = td_id_number_age_on (out->enrolment->trainee.id_number, self->klass->start_date);
  if (age >= 0 && (age < rules->min_age || age > rules->max_age))
    add_problem (self, out, TD_ROSTER_FIELD_ID_NUMBER,
                 g_strdup_printf (_("Aged %d on the class's start date %s; the catalogue "
                                    "allows %d to %d (R-ROS-002)."),
                                  age, self->klass->start_date, rules->min_age,
                                  rules->max_age));
}

/* Keeps the first failure to read the store (which stops the checks and is reported
 * instead of their findings); "not found" is an answer, not a failure. */
static gboolean
read_failed (TdRosterImport *self, GError **local)
{
  if (*local == NULL || g_error_matches (*local, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND))
    return FALSE;
  if (self->store_error == NULL)
    self->store_error = g_steal_pointer (local);
  return TRUE;
}

/* NULL for a class that is not stored, or that cannot be read (self->store_error). */
static const TdClass *
cached_class (TdRosterImport *self, const char *code)
{
  TdClass *klass = g_hash_table_lookup (self->classes, code);

  if (klass == NULL && !g_hash_table_contains (self->classes, code))
    {
      g_autoptr (GError) local = NULL;

      klass = td_store_get_class_by_code (self->store, code, &local);
      if (read_failed (self, &local))
        return NULL;
      g_hash_table_insert (self->classes, g_strdup (code), klass);
    }
  return klass;
}

/* R-ROS-001: not on the roster of another class, not cancelled, whose dates overlap,
 * unless withdrawn from it before this class starts.  The rosters were read once for the
 * whole file (self->elsewhere); the person and the enrolment only for a class that
 * overlaps.  A failure to read them stops the checks (self->store_error). */
static void
check_overlap (TdRosterImport *self, TdImportRow *out)
{
  GPtrArray *codes = g_hash_table_lookup (self->elsewhere, out->enrolment->trainee.id_number);
  g_autoptr (TdTrainee) known = NULL;
  const TdClass *k = self->klass;

  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      const TdClass *other = cached_class (self, g_ptr_array_index (codes, i));
      g_autoptr (TdEnrolment) e = NULL;
      g_autoptr (GError) local = NULL;

      if (self->store_error != NULL)
        return;
      if (other == NULL || other->id == k->id || other->cancel_date[0] != '\0'
          || strcmp (other->start_date, k->end_date) > 0
          || strcmp (other->end_date, k->start_date) < 0)
        continue;
      if (known == NULL)
        known = td_store_find_trainee (self->store, out->enrolment->trainee.id_number, &local);
      if (known == NULL)
        {
          read_failed (self, &local);
          return;
        }
      e = td_store_get_enrolment (self->store, other->id, known->id, &local);
      if (read_failed (self, &local))
        return;
      if (e != NULL && e->withdrawn_date[0] != '\0'
          && strcmp (e->withdrawn_date, k->start_date) < 0)
        continue;
      add_problem (self, out, TD_ROSTER_FIELD_ID_NUMBER,
                   g_strdup_printf (_("Already on the roster of class %s (%s to %s), whose "
                                      "dates overlap this class's (R-ROS-001)."),
                                    other->code, other->start_date, other->end_date));
      return;
    }
}

/* What the rows checked so far hold, → the line of the first: id numbers and 考勤号.  The
 * keys are the rows' own strings, which outlive the check. */
typedef struct
{
  GHashTable *ids;
  GHashTable *numbers;
} Seen;

static void
check_duplicates (TdRosterImport *self, TdImportRow *out, Seen *seen)
{
  const char *id = out->enrolment->trainee.id_number;
  gpointer first;

  if (g_hash_table_contains (self->on_roster, id))
    add_problem (self, out, TD_ROSTER_FIELD_ID_NUMBER,
                 g_strdup (_("Already on this class's roster.")));
  else if (g_hash_table_lookup_extended (seen->ids, id, NULL, &first))
    add_problem (self, out, TD_ROSTER_FIELD_ID_NUMBER,
                 td_table_get_format (self->table) == TD_TABLE_FORMAT_XLSX
                   ? g_strdup_printf (_("The same id number as row %u."), GPOINTER_TO_UINT (first))
                   : g_strdup_printf (_("The same id number as line %u."),
                                      GPOINTER_TO_UINT (first)));
  else
    {
      g_hash_table_insert (seen->ids, (gpointer) id, GUINT_TO_POINTER (out->line));
      check_overlap (self, out);
    }
}

/* 考勤号: a whole number above 0, once in the file. */
static void
check_terminal_no (TdRosterImport *self, guint row, TdImportRow *out, Seen *seen)
{
  g_autofree char *text = cell_text (self, row, TD_ROSTER_FIELD_TERMINAL_NO);
  guint other;

  if (text[0] == '\0')
    return;
  out->terminal_no = td_terminal_number_normalize (text);
  if (out->terminal_no == NULL)
    {
      add_problem (self, out, TD_ROSTER_FIELD_TERMINAL_NO,
                   g_strdup_printf (_("“%s” is not a terminal person number (a whole number "
                                      "above 0)."), text));
      return;
    }
  other = GPOINTER_TO_UINT (g_hash_table_lookup (seen->numbers, out->terminal_no));
  if (other != 0)
    add_problem (self, out, TD_ROSTER_FIELD_TERMINAL_NO,
                 g_strdup_printf (_("The terminal person number %s is also on line %u."),
                                  out->terminal_no, other));
  else
    g_hash_table_insert (seen->numbers, out->terminal_no, GUINT_TO_POINTER (out->line));
}

static TdImportRow *
check_row (TdRosterImport *self, guint row, Seen *seen)
{
  TdImportRow *out = g_new0 (TdImportRow, 1);
  const char *code;

  out->line = td_table_get_line (self->table, row);
  out->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) td_import_problem_free);
  out->enrolment = td_enrolment_new ();
  out->enrolment->class_id = self->klass->id;
  check_name (self, row, out);
  if (check_id_number (self, row, out))
    {
      check_gender (self, row, out);
      check_birth_date (self, row, out);
      check_age (self, out);
      check_duplicates (self, out, seen);
    }
  check_phone (self, row, out);
  code = check_code (self, row, out, TD_ROSTER_FIELD_EDUCATION, TD_CODES_EDUCATION, NULL);
  if (code != NULL)
    g_strlcpy (out->enrolment->trainee.education, code,
               sizeof out->enrolment->trainee.education);
  check_household (self, row, out);
  check_categories (self, row, out);
  code = check_code (self, row, out, TD_ROSTER_FIELD_EMPLOYMENT,
                     TD_CODES_EMPLOYMENT_STATUS, "4");
  out->enrolment->employment_before = code != NULL ? atoi (code) : 0;
  check_consent (self, row, out);
  check_terminal_no (self, row, out, seen);
  return out;
}

/* R-ROS-003: good rows past the class's planned size are refused, in file order. */
static void
check_planned_size (TdRosterImport *self)
{
  int planned = self->klass->planned_size;
  int room = planned - self->enrolled;

  if (planned <= 0)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    {
      TdImportRow *row = g_ptr_array_index (self->rows, i);

      if (row->problems->len > 0)
        continue;
      if (room > 0)
        {
          room--;
          continue;
        }
      add_problem (self, row, TD_ROSTER_FIELD_NONE,
                   g_strdup_printf (_("The class is full: it plans %d trainees "
                                      "(R-ROS-003)."), planned));
    }
}

gboolean
td_roster_import_load_table (TdRosterImport *self, TdTable *table, GError **error)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  Seen seen = { ids, numbers };
  guint n, first;

  import_reset (self);
  self->table = table;
  if (!find_header (self, error))
    return FALSE;
  n = td_table_get_n_rows (table);
  first = td_sheet_map_get_first_data_row (self->map);
  if (n <= first)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_EMPTY,
                   _("The file has a header row but no trainees."));
      return FALSE;
    }
  if (n - first > TD_TABLE_MAX_DATA_ROWS)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_MANY_ROWS,
                   _("The file has more than %u trainees: split it into smaller files."),
                   TD_TABLE_MAX_DATA_ROWS);
      return FALSE;
    }
  if (self->catalog == NULL)
    g_ptr_array_add (self->notices,
                     g_strdup (_("The class's catalogue is not stored: ages were not "
                                 "checked.")));
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->elsewhere, g_hash_table_unref);
  self->elsewhere = td_store_list_enrolled_elsewhere (self->store, self->klass->id, error);
  if (self->elsewhere == NULL)
    return FALSE;
  for (guint r = first; r < n && self->store_error == NULL; r++)
    g_ptr_array_add (self->rows, check_row (self, r, &seen));
  if (self->store_error != NULL)
    {
      /* no row half checked is kept: the file is checked again once the store reads */
      g_ptr_array_set_size (self->rows, 0);
      g_propagate_error (error, g_steal_pointer (&self->store_error));
      return FALSE;
    }
  check_planned_size (self);
  return TRUE;
}

gboolean
td_roster_import_load_file (TdRosterImport *self, const char *path,
                            GCancellable *cancellable, GError **error)
{
  TdTable *table = td_table_read_file (path, NULL, NULL, cancellable, error);

  if (table == NULL)
    return FALSE;
  return td_roster_import_load_table (self, table, error);
}

const TdTable *
td_roster_import_get_table (TdRosterImport *self)
{
  return self->table;
}

guint
td_roster_import_get_n_rows (TdRosterImport *self)
{
  return self->rows->len;
}

const TdImportRow *
td_roster_import_get_row (TdRosterImport *self, guint index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

guint
td_roster_import_get_n_valid (TdRosterImport *self)
{
  guint n = 0;

  for (guint i = 0; i < self->rows->len; i++)
    n += ((TdImportRow *) g_ptr_array_index (self->rows, i))->problems->len == 0;
  return n;
}

int
td_roster_import_get_column (TdRosterImport *self, TdRosterField field)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (field >= 0 && field < TD_ROSTER_N_FIELDS, -1);
  return td_sheet_map_get_column (self->map, field);
}

guint
td_roster_import_get_first_data_row (TdRosterImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return td_sheet_map_get_first_data_row (self->map);
}

GPtrArray *
td_roster_import_get_notices (TdRosterImport *self)
{
  return self->notices;
}

GPtrArray *
td_roster_import_format_problems (TdRosterImport *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  TdTableFormat format = td_table_get_format (self->table);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const TdImportRow *row = g_ptr_array_index (self->rows, i);

      for (guint k = 0; k < row->problems->len; k++)
        g_ptr_array_add (lines, td_import_problem_format (g_ptr_array_index (row->problems, k),
                                                          format));
    }
  return lines;
}

/* The good rows in one bulk write (td_store_add_enrolments): checked in memory, then
 * stored with statements prepared once; a refusal names the row and stores nothing.  The
 * rows' own enrolments are passed, not copies: the store sets their ids, which a later
 * commit sets again. */
static gboolean
store_rows (TdRosterImport *self, TdImportProgress progress, gpointer user_data,
            GCancellable *cancellable, guint *n_imported, GError **error)
{
  g_autoptr (GPtrArray) good = g_ptr_array_new ();
  g_autoptr (GPtrArray) numbers = g_ptr_array_new ();
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  guint failed = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const TdImportRow *row = g_ptr_array_index (self->rows, i);

      if (row->problems->len > 0)
        continue;
      g_ptr_array_add (good, row->enrolment);
      g_ptr_array_add (numbers, row->terminal_no);
      g_array_append_val (lines, row->line);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  failed = good->len;
  if (!td_store_add_enrolments (self->store, self->klass->id,
                                (TdEnrolment *const *) good->pdata,
                                (const char *const *) numbers->pdata, good->len, progress,
                                user_data, cancellable, &failed, error))
    {
      guint line = failed < lines->len ? g_array_index (lines, guint, failed) : 0;

      if (line > 0 && td_table_get_format (self->table) == TD_TABLE_FORMAT_XLSX)
        g_prefix_error (error, _("Row %u: "), line);
      else if (line > 0)
        g_prefix_error (error, _("Line %u: "), line);
      return FALSE;
    }
  *n_imported = good->len;
  return TRUE;
}

/* A 考勤号 from the file may equal the roster position (the default number) of a trainee
 * stored after it: the class's numbers are checked once all rows are in. */
static gboolean
check_terminal_numbers (TdRosterImport *self, GError **error)
{
  g_autofree char *number = NULL;

  if (!td_store_find_shared_terminal_number (self->store, self->klass->id, &number, error))
    return FALSE;
  if (number != NULL)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_INVALID_ROWS,
                   _("Two trainees would have the terminal person number %s (one by the 考勤号 "
                     "column, one by roster position): give one of them another number in "
                     "the 考勤号 column.  Nothing was imported."), number);
      return FALSE;
    }
  return TRUE;
}

gboolean
td_roster_import_commit (TdRosterImport *self, gboolean skip_invalid,
                         TdImportProgress progress, gpointer user_data,
                         GCancellable *cancellable, guint *n_imported, GError **error)
{
  guint n_valid, n_done = 0;
  g_autofree char *details = NULL;

  g_return_val_if_fail (self->table != NULL, FALSE);
  n_valid = td_roster_import_get_n_valid (self);
  if (n_imported != NULL)
    *n_imported = 0;
  if (n_valid < self->rows->len && !skip_invalid)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_INVALID_ROWS,
                   _("Rows with problems: %u of %u. Nothing was imported."),
                   self->rows->len - n_valid, self->rows->len);
      return FALSE;
    }
  if (n_valid == 0)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_NOTHING,
                   _("No row can be imported."));
      return FALSE;
    }
  /* one transaction, one audit entry for the whole roster */
  if (!td_store_begin_bulk (self->store, "import-roster", "enrolment", self->klass->id, error))
    return FALSE;
  if (!store_rows (self, progress, user_data, cancellable, &n_done, error)
      || !check_terminal_numbers (self, error))
    {
      td_store_rollback (self->store);
      return FALSE;
    }
  details = g_strdup_printf ("{\"trainees\":%u}", n_done);
  /* A failed commit rolls back by itself. */
  if (!td_store_commit_bulk (self->store, details, error))
    return FALSE;
  if (n_imported != NULL)
    *n_imported = n_done;
  return TRUE;
}
