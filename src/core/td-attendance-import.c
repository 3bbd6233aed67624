/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-attendance-import.h"
#include "core/td-idnumber.h"

typedef struct
{
  TdAttDecision decision;
  int time;
} Decision;

struct _TdAttendanceImport
{
  TdStore *store;
  TdClass *klass;
  char method[8];
  gboolean one_punch_absent;
  GPtrArray *lessons;           /* TdLesson*, by date and start */
  GPtrArray *roster;            /* TdEnrolment*, by position */
  GHashTable *by_id;            /* id number → TdEnrolment* */
  GHashTable *by_number;        /* terminal person number → TdEnrolment* */
  GHashTable *stored;           /* "lesson:trainee" → TdAttendance* */
  GPtrArray *stored_list;       /* owns the records */
  GHashTable *decisions;        /* case key → Decision* (kept across runs) */
  GPtrArray *punches;           /* TdPunch*, the last run's, by person, date and time */
  GPtrArray *problems;          /* TdPunchProblem* */
  GArray *rows;                 /* TdAttRow */
  GPtrArray *exceptions;        /* TdAttException* */
  GPtrArray *exception_keys;    /* char*, parallel to exceptions */
};

static void
exception_free (TdAttException *e)
{
  g_free (e->reason);
  g_free (e);
}

/* ---- setting up ---------------------------------------------------------------- */

static char *
pair_key (gint64 lesson_id, gint64 trainee_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, lesson_id, trainee_id);
}

static gboolean
load_roster (TdAttendanceImport *self, GError **error)
{
  g_autoptr (GHashTable) numbers = td_store_list_terminal_numbers (self->store, self->klass->id,
                                                                    error);

  if (numbers == NULL)
    return FALSE;
  self->roster = td_store_list_enrolments (self->store, self->klass->id, error);
  if (self->roster == NULL)
    return FALSE;
  for (guint i = 0; i < self->roster->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (self->roster, i);
      const char *number = g_hash_table_lookup (numbers, &e->trainee.id);

      g_hash_table_insert (self->by_id, e->trainee.id_number, e);
      if (number != NULL)
        g_hash_table_insert (self->by_number, g_strdup (number), e);
    }
  return TRUE;
}

/* The stored records; FALSE with @error (and none) when they cannot be read. */
static gboolean
load_stored (TdAttendanceImport *self, GError **error)
{
  g_clear_pointer (&self->stored, g_hash_table_unref);
  g_clear_pointer (&self->stored_list, g_ptr_array_unref);
  self->stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stored_list = td_store_list_attendance (self->store, self->klass->id, error);
  if (self->stored_list == NULL)
    {
      self->stored_list = g_ptr_array_new ();
      return FALSE;
    }
  for (guint i = 0; i < self->stored_list->len; i++)
    {
      TdAttendance *a = g_ptr_array_index (self->stored_list, i);
      g_hash_table_insert (self->stored, pair_key (a->lesson_id, a->trainee_id), a);
    }
  return TRUE;
}

TdAttendanceImport *
td_attendance_import_new (TdStore *store, const char *class_code, GError **error)
{
  g_autoptr (TdClass) klass = NULL;
  TdAttendanceImport *self;

  g_return_val_if_fail (TD_IS_STORE (store) && class_code != NULL, NULL);
  klass = td_store_get_class_by_code (store, class_code, error);
  if (klass == NULL)
    return NULL;
  self = g_new0 (TdAttendanceImport, 1);
  self->store = g_object_ref (store);
  self->klass = g_steal_pointer (&klass);
  g_strlcpy (self->method, "FACE", sizeof self->method);
  self->lessons = td_store_list_lessons (store, self->klass->id, error);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_number = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->punches = g_ptr_array_new_with_free_func ((GDestroyNotify) td_punch_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) td_punch_problem_free);
  self->rows = g_array_new (FALSE, TRUE, sizeof (TdAttRow));
  self->exceptions = g_ptr_array_new_with_free_func ((GDestroyNotify) exception_free);
  self->exception_keys = g_ptr_array_new_with_free_func (g_free);
  if (self->lessons == NULL || !load_roster (self, error) || !load_stored (self, error))
    {
      td_attendance_import_free (self);
      return NULL;
    }
  return self;
}

void
td_attendance_import_free (TdAttendanceImport *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->store);
  g_clear_pointer (&self->klass, td_class_free);
  g_clear_pointer (&self->lessons, g_ptr_array_unref);
  g_clear_pointer (&self->roster, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->by_number, g_hash_table_unref);
  g_clear_pointer (&self->stored, g_hash_table_unref);
  g_clear_pointer (&self->stored_list, g_ptr_array_unref);
  g_clear_pointer (&self->decisions, g_hash_table_unref);
  g_clear_pointer (&self->punches, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->exceptions, g_ptr_array_unref);
  g_clear_pointer (&self->exception_keys, g_ptr_array_unref);
  g_free (self);
}

const TdClass *
td_attendance_import_get_class (TdAttendanceImport *self)
{
  return self->klass;
}

void
td_attendance_import_set_method (TdAttendanceImport *self, const char *method)
{
  g_strlcpy (self->method, method != NULL && method[0] != '\0' ? method : "FACE",
             sizeof self->method);
}

void
td_attendance_import_set_one_punch_absent (TdAttendanceImport *self, gboolean absent)
{
  self->one_punch_absent = absent;
}

/* ---- the rules ------------------------------------------------------------------ */

char
td_attendance_status_of (const TdLesson *lesson, int in, int out, TdHalves *hours)
{
  int start = td_time_from_iso (lesson->start), end = td_time_from_iso (lesson->end);
  char status;

  /* R-ATT-003: P signed in by the start and out after the end; L signed in after the start
   * (also when out before the end); E out before the end. */
  if (in > start)
    status = 'L';
  else if (out < end)
    status = 'E';
  else
    status = 'P';
  /* R-ATT-004 */
  *hours = status == 'P' ? lesson->hours : td_hours_credited (start, end, lesson->hours, in, out);
  return status;
}

/* ---- exceptions ----------------------------------------------------------------- */

static TdAttException *
add_exception (TdAttendanceImport *self, TdAttExceptionKind kind, guint line,
               const TdLesson *lesson, const TdEnrolment *enrolment, const char *key,
               char *reason)
{
  TdAttException *e = g_new0 (TdAttException, 1);
  g_autofree char *full_key = g_strdup_printf ("%d|%s", kind, key != NULL ? key : "");
  const Decision *d = g_hash_table_lookup (self->decisions, full_key);

  e->kind = kind;
  e->line = line;
  e->lesson = lesson;
  e->enrolment = enrolment;
  e->reason = reason;
  e->needs_decision = kind == TD_ATT_EXCEPTION_ONE_PUNCH || kind == TD_ATT_EXCEPTION_NAME;
  if (d != NULL)
    {
      e->decision = d->decision;
      e->time = d->time;
    }
  else if (kind == TD_ATT_EXCEPTION_ONE_PUNCH && self->one_punch_absent)
    e->decision = TD_ATT_DECISION_ABSENT;
  else if (kind == TD_ATT_EXCEPTION_MANUAL)
    e->decision = TD_ATT_DECISION_KEEP;
  g_ptr_array_add (self->exceptions, e);
  g_ptr_array_add (self->exception_keys, g_steal_pointer (&full_key));
  return e;
}

static char *
lesson_label (const TdLesson *l)
{
  return g_strdup_printf ("%s (%s %.5s–%.5s)", l->lid, l->date, l->start, l->end);
}

/* ---- resolving who punched -------------------------------------------------------- */

static char *
fold_name (const char *name)
{
  g_autofree char *nfkc = g_utf8_normalize (name != NULL ? name : "", -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);

  for (const char *p = nfkc; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static const TdEnrolment *
resolve (TdAttendanceImport *self, const TdPunch *p, char **label)
{
  if (p->id_number != NULL)
    {
      g_autofree char *masked = td_id_number_mask (p->id_number);
      *label = g_strdup_printf (_("id number %s"), masked);
      return g_hash_table_lookup (self->by_id, p->id_number);
    }
  *label = g_strdup_printf (_("person number %s"), p->person_no != NULL ? p->person_no : "?");
  return p->person_no != NULL ? g_hash_table_lookup (self->by_number, p->person_no) : NULL;
}

typedef struct
{
  guint line;
  guint count;
  char *label;
  char *name;
} Group;

static void
group_free (Group *g)
{
  g_free (g->label);
  g_free (g->name);
  g_free (g);
}

static void
group_add (GHashTable *groups, GPtrArray *order, const char *key, const TdPunch *p,
           const char *label)
{
  Group *g = g_hash_table_lookup (groups, key);

  if (g == NULL)
    {
      g = g_new0 (Group, 1);
      g->line = p->line;
      g->label = g_strdup (label);
      g->name = g_strdup (p->name);
      g_hash_table_insert (groups, g_strdup (key), g);
      g_ptr_array_add (order, g_strdup (key));
    }
  g->count++;
  g->line = MIN (g->line, p->line);
}

/* ---- matching --------------------------------------------------------------------- */

/* What a run works on: each trainee's usable punches, in time order. */
typedef struct
{
  GHashTable *by_trainee;       /* gint64* trainee id → GPtrArray of TdPunch* */
  GHashTable *used;             /* TdPunch* → itself, once a lesson counted it */
  GHashTable *hint;             /* TdPunch* → TdLesson* it names (study records) */
  GHashTable *named;            /* TdLesson* named by any study record */
  GHashTable *held;             /* gint64* trainee ids whose name exception is undecided */
  char first_date[TD_DATE_LEN];
  char last_date[TD_DATE_LEN];
  guint in_window_any;          /* scratch */
} Match;

static const TdLesson *
find_lesson (TdAttendanceImport *self, const TdPunch *p)
{
  for (guint i = 0; i < self->lessons->len; i++)
    {
      const TdLesson *l = g_ptr_array_index (self->lessons, i);
      if (p->lesson != NULL ? g_strcmp0 (l->lid, p->lesson) == 0
                            : strcmp (l->date, p->lesson_date) == 0
                              && td_time_from_iso (l->start) == p->lesson_start)
        return l;
    }
  return NULL;
}

static gboolean
names_lesson (const TdPunch *p)
{
  return p->lesson != NULL || p->lesson_date[0] != '\0';
}

static gint
punch_cmp (gconstpointer a, gconstpointer b)
{
  const TdPunch *x = *(TdPunch *const *) a, *y = *(TdPunch *const *) b;
  int c = strcmp (x->date, y->date);

  if (c != 0)
    return c;
  if (x->seconds != y->seconds)
    return x->seconds < y->seconds ? -1 : 1;
  return x->line < y->line ? -1 : x->line > y->line;
}

/* The name on the file disagrees with the roster: the exception's decision says whether the
 * punches count.  TRUE when they do. */
static gboolean
name_agrees (TdAttendanceImport *self, const TdEnrolment *e, const TdPunch *p, GHashTable *seen,
             GHashTable *held)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *key = NULL;
  TdAttException *x;

  if (p->name == NULL || p->name[0] == '\0')
    return TRUE;
  a = fold_name (p->name);
  b = fold_name (e->trainee.name);
  if (strcmp (a, b) == 0)
    return TRUE;
  key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s", e->trainee.id, a);
  x = g_hash_table_lookup (seen, key);
  if (x == NULL)
    {
      x = add_exception (self, TD_ATT_EXCEPTION_NAME, p->line, NULL, e, key,
                         g_strdup_printf (_("The file names %s, but %s on the roster is %s: "
                                            "take the punches as %s's, or ignore them."),
                                          p->name, p->id_number != NULL
                                          ? _("this id number") : _("this person number"),
                                          e->trainee.name, e->trainee.name));
      g_hash_table_insert (seen, g_steal_pointer (&key), x);
      if (x->decision == TD_ATT_DECISION_NONE)
        g_hash_table_insert (held, (gpointer) &e->trainee.id,
                             GINT_TO_POINTER (self->exceptions->len));  /* index + 1 */
    }
  return x->decision == TD_ATT_DECISION_TAKE;
}

static void
sort_punches (TdAttendanceImport *self, GPtrArray *punches)
{
  g_ptr_array_set_size (self->punches, 0);
  for (guint i = 0; i < punches->len; i++)
    g_ptr_array_add (self->punches, td_punch_copy (g_ptr_array_index (punches, i)));
  g_ptr_array_sort (self->punches, punch_cmp);
}

static void
note_span (Match *m, const TdPunch *p)
{
  if (m->first_date[0] == '\0' || strcmp (p->date, m->first_date) < 0)
    memcpy (m->first_date, p->date, TD_DATE_LEN);
  if (strcmp (p->date, m->last_date) > 0)
    memcpy (m->last_date, p->date, TD_DATE_LEN);
}

/* Who each punch is: the trainee's list, or an exception (not on the roster, withdrawn,
 * a name that disagrees, a lesson the timetable lacks). */
static void
assign_punches (TdAttendanceImport *self, Match *m)
{
  g_autoptr (GHashTable) unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) group_free);
  g_autoptr (GHashTable) withdrawn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) group_free);
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) unknown_order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) withdrawn_order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) no_lesson = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->punches->len; i++)
    {
      TdPunch *p = g_ptr_array_index (self->punches, i);
      g_autofree char *label = NULL;
      const TdEnrolment *e = resolve (self, p, &label);
      GPtrArray *list;

      note_span (m, p);
      if (names_lesson (p))
        {
          const TdLesson *l = find_lesson (self, p);
          if (l == NULL)
            {
              /* the record's two punches share its line: one exception */
              if (!g_hash_table_add (no_lesson, GUINT_TO_POINTER (p->line)))
                continue;
              add_exception (self, TD_ATT_EXCEPTION_NO_LESSON, p->line, NULL, NULL, NULL,
                             g_strdup_printf (_("The study record names lesson %s, which is "
                                                "not in the class's timetable."),
                                              p->lesson != NULL ? p->lesson : p->lesson_date));
              continue;
            }
          g_hash_table_insert (m->hint, p, (gpointer) l);
          g_hash_table_add (m->named, (gpointer) l);
        }
      if (e == NULL)
        {
          group_add (unknown, unknown_order, label, p, label);
          continue;
        }
      if (!name_agrees (self, e, p, names, m->held))
        continue;
      if (!td_enrolment_on_roster (e, p->date))
        {
          group_add (withdrawn, withdrawn_order, e->trainee.id_number, p, e->trainee.name);
          continue;
        }
      list = g_hash_table_lookup (m->by_trainee, &e->trainee.id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (m->by_trainee, (gpointer) &e->trainee.id, list);
        }
      g_ptr_array_add (list, p);
    }
  for (guint i = 0; i < unknown_order->len; i++)
    {
      const Group *g = g_hash_table_lookup (unknown, g_ptr_array_index (unknown_order, i));
      add_exception (self, TD_ATT_EXCEPTION_NOT_ON_ROSTER, g->line, NULL, NULL, NULL,
                     g_strdup_printf (ngettext ("%s%s%s%s is not on the class's roster: %u "
                                                "punch ignored.",
                                                "%s%s%s%s is not on the class's roster: %u "
                                                "punches ignored.", g->count),
                                      g->label, g->name != NULL ? " (" : "",
                                      g->name != NULL ? g->name : "", g->name != NULL ? ")" : "",
                                      g->count));
    }
  for (guint i = 0; i < withdrawn_order->len; i++)
    {
      const char *id = g_ptr_array_index (withdrawn_order, i);
      const Group *g = g_hash_table_lookup (withdrawn, id);
      const TdEnrolment *e = g_hash_table_lookup (self->by_id, id);
      add_exception (self, TD_ATT_EXCEPTION_WITHDRAWN, g->line, NULL, e, NULL,
                     g_strdup_printf (ngettext ("%s withdrew on %s: %u later punch ignored.",
                                                "%s withdrew on %s: %u later punches ignored.",
                                                g->count),
                                      e->trainee.name, e->withdrawn_date, g->count));
    }
}

/* The trainee's punches that count for @l: on its date, within its window, and (for a
 * study record) naming it.  Marks them used. */
static GPtrArray *
punches_for (Match *m, GPtrArray *list, const TdLesson *l)
{
  int start = td_time_from_iso (l->start) - TD_PUNCH_WINDOW_SECONDS;
  int end = td_time_from_iso (l->end) + TD_PUNCH_WINDOW_SECONDS;
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      TdPunch *p = g_ptr_array_index (list, i);
      const TdLesson *hint = g_hash_table_lookup (m->hint, p);

      if (strcmp (p->date, l->date) != 0 || p->seconds < start || p->seconds > end
          || (hint != NULL && hint != l))
        continue;
      g_ptr_array_add (found, p);
      g_hash_table_add (m->used, p);
    }
  return found;
}

static void
row_set_times (TdAttRow *row, int in, int out)
{
  td_time_to_iso (in, row->time_in);
  td_time_to_iso (out, row->time_out);
  row->status = td_attendance_status_of (row->lesson, in, out, &row->hours);
}

static gboolean
one_cluster (GPtrArray *punches)
{
  for (guint i = 1; i < punches->len; i++)
    {
      const TdPunch *a = g_ptr_array_index (punches, i - 1), *b = g_ptr_array_index (punches, i);
      if (b->seconds - a->seconds > TD_PUNCH_MERGE_SECONDS)
        return FALSE;
    }
  return TRUE;
}

/* One punch only: the exception, and the row as it has been decided. */
static void
one_punch (TdAttendanceImport *self, TdAttRow *row, const TdPunch *p)
{
  int start = td_time_from_iso (row->lesson->start), end = td_time_from_iso (row->lesson->end);
  gboolean is_in = p->seconds <= start + (end - start) / 2;
  g_autofree char *key = pair_key (row->lesson->id, row->enrolment->trainee.id);
  g_autofree char *lesson = lesson_label (row->lesson);
  char at[TD_TIME_LEN];
  TdAttException *x;

  td_time_to_iso (p->seconds, at);
  x = add_exception (self, TD_ATT_EXCEPTION_ONE_PUNCH, p->line, row->lesson, row->enrolment,
                     key, g_strdup_printf (is_in
                       ? _("%s punched only once for lesson %s, at %s: the sign-out is missing. "
                           "Record absent, or enter the sign-out time.")
                       : _("%s punched only once for lesson %s, at %s: the sign-in is missing. "
                           "Record absent, or enter the sign-in time."),
                       row->enrolment->trainee.name, lesson, at));
  row->exception = (int) self->exceptions->len - 1;
  if (x->decision == TD_ATT_DECISION_ABSENT)
    row->status = 'A';
  else if (x->decision == TD_ATT_DECISION_TIME)
    row_set_times (row, is_in ? p->seconds : x->time, is_in ? x->time : p->seconds);
  else
    row->status = '?';
}

static gboolean
same_as_stored (const TdAttRow *row, const TdAttendance *s)
{
  return s->status == row->status && strcmp (s->time_in, row->time_in) == 0
         && strcmp (s->time_out, row->time_out) == 0 && s->hours == row->hours
         && strcmp (s->method, row->method) == 0;
}

static const char *
status_name (char status)
{
  switch (status)
    {
    case 'P': return _("present");
    case 'L': return _("late");
    case 'E': return _("left early");
    case 'V': return _("on leave");
    default: return _("absent");
    }
}

/* Against what is stored: new, the same, changed in place, a correction, or a hand record
 * with another status (an exception: kept unless decided otherwise).  A trainee without a
 * punch in the file keeps what is stored. */
static void
compare_row (TdAttendanceImport *self, TdAttRow *row, guint line, gboolean punched)
{
  g_autofree char *key = pair_key (row->lesson->id, row->enrolment->trainee.id);
  const TdAttendance *s = g_hash_table_lookup (self->stored, key);

  row->stored = s;
  if (row->status == '?')
    row->change = TD_ATT_CHANGE_UNDECIDED;
  else if (s == NULL)
    row->change = TD_ATT_CHANGE_NEW;
  else if (!punched)
    {
      /* No punch in this file: A is only for a trainee with no record yet.  What is stored
       * stays (on leave, typed by hand, or another terminal's file imported before). */
      row->status = s->status;
      memcpy (row->time_in, s->time_in, sizeof row->time_in);
      memcpy (row->time_out, s->time_out, sizeof row->time_out);
      row->hours = s->hours;
      g_strlcpy (row->method, s->method, sizeof row->method);
      row->change = TD_ATT_CHANGE_NONE;
    }
  else if (same_as_stored (row, s))
    row->change = TD_ATT_CHANGE_NONE;
  else if ((strcmp (s->method, "MANUAL") == 0 || s->status == 'V') && s->status != row->status)
    {
      g_autofree char *lesson = lesson_label (row->lesson);
      TdAttException *x = add_exception (self, TD_ATT_EXCEPTION_MANUAL, line, row->lesson,
        row->enrolment, key, g_strdup_printf (_("%s is recorded by hand as %s for lesson %s; "
                                                "the terminal says %s. The hand record is "
                                                "kept unless you take the terminal's."),
                                              row->enrolment->trainee.name,
                                              status_name (s->status), lesson,
                                              status_name (row->status)));
      if (row->exception < 0)
        row->exception = (int) self->exceptions->len - 1;
      row->change = x->decision == TD_ATT_DECISION_TAKE
                    ? (s->packet_id != NULL ? TD_ATT_CHANGE_CORRECTION : TD_ATT_CHANGE_UPDATE)
                    : TD_ATT_CHANGE_KEPT;
    }
  else
    row->change = s->packet_id != NULL ? TD_ATT_CHANGE_CORRECTION : TD_ATT_CHANGE_UPDATE;
}

static void
match_row (TdAttendanceImport *self, Match *m, const TdLesson *l, const TdEnrolment *e)
{
  GPtrArray *list = g_hash_table_lookup (m->by_trainee, &e->trainee.id);
  g_autoptr (GPtrArray) found = punches_for (m, list, l);
  TdAttRow row = { .lesson = l, .enrolment = e, .status = 'A', .exception = -1 };
  gpointer held = NULL;
  guint line = 0;

  if (g_hash_table_lookup_extended (m->held, &e->trainee.id, NULL, &held))
    {
      /* whose punches these are is not decided yet */
      row.status = '?';
      row.change = TD_ATT_CHANGE_UNDECIDED;
      row.exception = GPOINTER_TO_INT (held) - 1;
      g_strlcpy (row.method, self->method, sizeof row.method);
      g_array_append_val (self->rows, row);
      return;
    }

  m->in_window_any += found->len;
  if (found->len > 0)
    {
      const TdPunch *first = g_ptr_array_index (found, 0);
      const TdPunch *last = g_ptr_array_index (found, found->len - 1);

      line = first->line;
      g_strlcpy (row.method, first->method[0] != '\0' ? first->method : self->method,
                 sizeof row.method);
      if (one_cluster (found))
        one_punch (self, &row, first);
      else
        row_set_times (&row, first->seconds, last->seconds);
    }
  else
    g_strlcpy (row.method, self->method, sizeof row.method);
  if (row.status == 'A')
    row.time_in[0] = row.time_out[0] = '\0', row.hours = 0;
  compare_row (self, &row, line, found->len > 0);
  g_array_append_val (self->rows, row);
}

/* Punches of nobody on the roster count too: a lesson with any punch was not missed by the
 * device. */
static gboolean
anyone_punched (TdAttendanceImport *self, const TdLesson *l)
{
  int start = td_time_from_iso (l->start) - TD_PUNCH_WINDOW_SECONDS;
  int end = td_time_from_iso (l->end) + TD_PUNCH_WINDOW_SECONDS;

  for (guint i = 0; i < self->punches->len; i++)
    {
      const TdPunch *p = g_ptr_array_index (self->punches, i);
      if (strcmp (p->date, l->date) == 0 && p->seconds >= start && p->seconds <= end)
        return TRUE;
    }
  return FALSE;
}

static gboolean
lesson_covered (Match *m, const TdLesson *l)
{
  if (g_hash_table_size (m->named) > 0)
    return g_hash_table_contains (m->named, l);
  return m->first_date[0] != '\0' && strcmp (l->date, m->first_date) >= 0
         && strcmp (l->date, m->last_date) <= 0;
}

static void
match_lesson (TdAttendanceImport *self, Match *m, const TdLesson *l)
{
  if (!anyone_punched (self, l))
    {
      g_autofree char *lesson = lesson_label (l);
      add_exception (self, TD_ATT_EXCEPTION_NO_PUNCHES, 0, l, NULL, NULL,
                     g_strdup_printf (_("Nobody punched for lesson %s: was the terminal off? "
                                        "No record is made for it; enter them by hand."),
                                      lesson));
      return;
    }
  for (guint i = 0; i < self->roster->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (self->roster, i);
      if (!td_enrolment_on_roster (e, l->date))
        continue;
      match_row (self, m, l, e);
    }
}

/* Punches of trainees on the roster that no lesson counted: one exception per trainee and
 * day. */
static void
note_outside (TdAttendanceImport *self, Match *m)
{
  for (guint i = 0; i < self->roster->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (self->roster, i);
      GPtrArray *list = g_hash_table_lookup (m->by_trainee, &e->trainee.id);
      guint j = 0;

      while (list != NULL && j < list->len)
        {
          const TdPunch *p = g_ptr_array_index (list, j);
          guint count = 0, line = p->line;

          for (; j < list->len && strcmp (((TdPunch *) g_ptr_array_index (list, j))->date,
                                          p->date) == 0; j++)
            if (!g_hash_table_contains (m->used, g_ptr_array_index (list, j)))
              count++;
          if (count > 0)
            add_exception (self, TD_ATT_EXCEPTION_OUTSIDE, line, NULL, e, NULL,
                           g_strdup_printf (ngettext ("%u punch of %s on %s falls in no "
                                                      "lesson's time (60 minutes before its "
                                                      "start to 60 after its end): ignored.",
                                                      "%u punches of %s on %s fall in no "
                                                      "lesson's time (60 minutes before its "
                                                      "start to 60 after its end): ignored.",
                                                      count),
                                            count, e->trainee.name, p->date));
        }
    }
}

static gint
exception_cmp (gconstpointer a, gconstpointer b)
{
  const TdAttException *x = *(TdAttException *const *) a, *y = *(TdAttException *const *) b;
  guint lx = x->line != 0 ? x->line : G_MAXUINT, ly = y->line != 0 ? y->line : G_MAXUINT;

  return lx < ly ? -1 : lx > ly;
}

/* Sorts the exceptions by line, keeping rows and keys pointing at the right ones. */
static void
sort_exceptions (TdAttendanceImport *self)
{
  g_autoptr (GPtrArray) before = g_ptr_array_copy (self->exceptions, NULL, NULL);
  g_autoptr (GPtrArray) keys = g_ptr_array_copy (self->exception_keys, NULL, NULL);
  g_autoptr (GHashTable) index = g_hash_table_new (NULL, NULL);

  /* the copies only borrow: g_ptr_array_copy gives them the original's free function */
  g_ptr_array_set_free_func (before, NULL);
  g_ptr_array_set_free_func (keys, NULL);
  g_ptr_array_sort (self->exceptions, exception_cmp);  /* stable (merge sort) */
  for (guint i = 0; i < self->exceptions->len; i++)
    g_hash_table_insert (index, g_ptr_array_index (self->exceptions, i), GUINT_TO_POINTER (i));
  g_ptr_array_set_free_func (self->exception_keys, NULL);
  for (guint i = 0; i < before->len; i++)
    self->exception_keys->pdata[GPOINTER_TO_UINT (g_hash_table_lookup (
      index, g_ptr_array_index (before, i)))] = g_ptr_array_index (keys, i);
  g_ptr_array_set_free_func (self->exception_keys, g_free);
  for (guint i = 0; i < self->rows->len; i++)
    {
      TdAttRow *row = &g_array_index (self->rows, TdAttRow, i);
      if (row->exception >= 0)
        row->exception = (int) GPOINTER_TO_UINT (g_hash_table_lookup (
          index, g_ptr_array_index (before, row->exception)));
    }
}

static void
match_clear (Match *m)
{
  g_hash_table_unref (m->by_trainee);
  g_hash_table_unref (m->used);
  g_hash_table_unref (m->hint);
  g_hash_table_unref (m->named);
  g_hash_table_unref (m->held);
}

static void
compute (TdAttendanceImport *self)
{
  Match m = {
    .by_trainee = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref),
    .used = g_hash_table_new (NULL, NULL),
    .hint = g_hash_table_new (NULL, NULL),
    .named = g_hash_table_new (NULL, NULL),
    .held = g_hash_table_new (g_int64_hash, g_int64_equal),
  };

  g_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->exceptions, 0);
  g_ptr_array_set_size (self->exception_keys, 0);
  for (guint i = 0; i < self->problems->len; i++)
    {
      const TdPunchProblem *p = g_ptr_array_index (self->problems, i);
      add_exception (self, TD_ATT_EXCEPTION_BAD_LINE, p->line, NULL, NULL, NULL,
                     g_strdup (p->reason));
    }
  assign_punches (self, &m);
  for (guint i = 0; i < self->lessons->len; i++)
    {
      const TdLesson *l = g_ptr_array_index (self->lessons, i);
      if (lesson_covered (&m, l))
        match_lesson (self, &m, l);
    }
  note_outside (self, &m);
  sort_exceptions (self);
  match_clear (&m);
}

gboolean
td_attendance_import_run (TdAttendanceImport *self, GPtrArray *punches, GPtrArray *problems,
                          GError **error)
{
  g_return_val_if_fail (self != NULL && punches != NULL, FALSE);

  sort_punches (self, punches);
  g_ptr_array_set_size (self->problems, 0);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const TdPunchProblem *p = g_ptr_array_index (problems, i);
      g_ptr_array_add (self->problems, td_punch_problem_new (p->line, g_strdup (p->reason)));
    }
  if (!load_stored (self, error))
    return FALSE;
  compute (self);
  return TRUE;
}

/* ---- results ---------------------------------------------------------------------- */

guint
td_attendance_import_get_n_rows (TdAttendanceImport *self)
{
  return self->rows->len;
}

const TdAttRow *
td_attendance_import_get_row (TdAttendanceImport *self, guint index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, TdAttRow, index);
}

guint
td_attendance_import_get_n_exceptions (TdAttendanceImport *self)
{
  return self->exceptions->len;
}

const TdAttException *
td_attendance_import_get_exception (TdAttendanceImport *self, guint index)
{
  g_return_val_if_fail (index < self->exceptions->len, NULL);
  return g_ptr_array_index (self->exceptions, index);
}

guint
td_attendance_import_get_n_punches (TdAttendanceImport *self)
{
  return self->punches->len;
}

void
td_attendance_import_get_counts (TdAttendanceImport *self, TdAttCounts *counts)
{
  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < self->rows->len; i++)
    switch (g_array_index (self->rows, TdAttRow, i).change)
      {
      case TD_ATT_CHANGE_NONE: counts->n_same++; break;
      case TD_ATT_CHANGE_NEW: counts->n_new++; break;
      case TD_ATT_CHANGE_UPDATE: counts->n_update++; break;
      case TD_ATT_CHANGE_CORRECTION: counts->n_correction++; break;
      case TD_ATT_CHANGE_KEPT: counts->n_kept++; break;
      case TD_ATT_CHANGE_UNDECIDED: counts->n_undecided++; break;
      default: g_assert_not_reached ();
      }
}

guint
td_attendance_import_count_undecided (TdAttendanceImport *self)
{
  guint n = 0;

  for (guint i = 0; i < self->exceptions->len; i++)
    {
      const TdAttException *e = g_ptr_array_index (self->exceptions, i);
      n += e->needs_decision && e->decision == TD_ATT_DECISION_NONE;
    }
  return n;
}

static gboolean
check_decision (const TdAttException *x, TdAttDecision decision, int time, GError **error)
{
  gboolean ok;

  switch (x->kind)
    {
    case TD_ATT_EXCEPTION_ONE_PUNCH:
      ok = decision == TD_ATT_DECISION_ABSENT || decision == TD_ATT_DECISION_TIME
           || decision == TD_ATT_DECISION_NONE;
      break;
    case TD_ATT_EXCEPTION_NAME:
    case TD_ATT_EXCEPTION_MANUAL:
      ok = decision == TD_ATT_DECISION_KEEP || decision == TD_ATT_DECISION_TAKE
           || decision == TD_ATT_DECISION_NONE;
      break;
    default:
      ok = FALSE;
    }
  if (!ok)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   _("This exception has no such decision."));
      return FALSE;
    }
  if (decision == TD_ATT_DECISION_TIME)
    {
      int start = td_time_from_iso (x->lesson->start), end = td_time_from_iso (x->lesson->end);
      if (time < start - TD_PUNCH_WINDOW_SECONDS || time > end + TD_PUNCH_WINDOW_SECONDS)
        {
          g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                       _("The time must lie from 60 minutes before the lesson's start (%s) to "
                         "60 minutes after its end (%s) (R-ATT-003)."),
                       x->lesson->start, x->lesson->end);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
td_attendance_import_decide (TdAttendanceImport *self, guint index, TdAttDecision decision,
                             int time, GError **error)
{
  const TdAttException *x;
  Decision *d;

  g_return_val_if_fail (index < self->exceptions->len, FALSE);
  x = g_ptr_array_index (self->exceptions, index);
  if (!check_decision (x, decision, time, error))
    return FALSE;
  d = g_new0 (Decision, 1);
  d->decision = decision;
  d->time = time;
  g_hash_table_insert (self->decisions,
                       g_strdup (g_ptr_array_index (self->exception_keys, index)), d);
  compute (self);
  return TRUE;
}

/* ---- storing ---------------------------------------------------------------------- */

static gboolean
row_changes (const TdAttRow *row)
{
  return row->change == TD_ATT_CHANGE_NEW || row->change == TD_ATT_CHANGE_UPDATE
         || row->change == TD_ATT_CHANGE_CORRECTION;
}

/* Every changed row, in one bulk write of the store. */
static gboolean
store_rows (TdAttendanceImport *self, GError **error)
{
  g_autoptr (GArray) entries = g_array_new (FALSE, TRUE, sizeof (TdAttendanceEntry));

  for (guint i = 0; i < self->rows->len; i++)
    {
      const TdAttRow *row = &g_array_index (self->rows, TdAttRow, i);
      TdAttendanceEntry e = {
        .lesson_id = row->lesson->id, .trainee_id = row->enrolment->trainee.id,
        .status = row->status, .time_in = row->time_in, .time_out = row->time_out,
        .method = row->method,
      };

      if (row_changes (row))
        g_array_append_val (entries, e);
    }
  return td_store_record_attendance_many (self->store, self->klass->id,
                                          (const TdAttendanceEntry *) entries->data,
                                          entries->len, NULL, error);
}

gboolean
td_attendance_import_apply (TdAttendanceImport *self, const char *file_name,
                            const char *sha256, TdAttCounts *counts, GError **error)
{
  guint undecided = td_attendance_import_count_undecided (self);
  TdAttCounts c;
  TdImportLog log = { .file_name = file_name, .sha256 = sha256 };
  g_autofree char *details = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  td_attendance_import_get_counts (self, &c);
  if (counts != NULL)
    memset (counts, 0, sizeof *counts);
  if (undecided > 0)
    {
      g_set_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT,
                   ngettext ("%u exception still needs a decision; nothing was stored.",
                             "%u exceptions still need a decision; nothing was stored.",
                             undecided), undecided);
      return FALSE;
    }
  if (c.n_new + c.n_update + c.n_correction == 0)
    return TRUE;
  log.n_punches = self->punches->len;
  log.n_records = self->rows->len;
  log.n_new = c.n_new;
  log.n_changed = c.n_update;
  log.n_corrections = c.n_correction;
  log.n_exceptions = self->exceptions->len;
  details = td_store_import_details (self->store, &log);
  /* one transaction, one audit entry naming the file */
  if (!td_store_begin_bulk (self->store, "import-attendance", "attendance", self->klass->id,
                            error))
    return FALSE;
  if (!store_rows (self, error))
    {
      td_store_rollback (self->store);
      return FALSE;
    }
  if (!td_store_commit_bulk (self->store, details, error))   /* rolls back when it fails */
    return FALSE;
  if (counts != NULL)
    *counts = c;
  /* stored: what is shown next is read again (a failure says so, the import stands) */
  if (!load_stored (self, error))
    {
      g_prefix_error (error, _("The records were stored, but they cannot be shown again: "));
      return FALSE;
    }
  compute (self);
  return TRUE;
}

const char *
td_attendance_change_label (TdAttChange change)
{
  switch (change)
    {
    case TD_ATT_CHANGE_NONE: return _("unchanged");
    case TD_ATT_CHANGE_NEW: return _("new");
    case TD_ATT_CHANGE_UPDATE: return _("changed");
    case TD_ATT_CHANGE_CORRECTION: return _("correction of a sent batch");
    case TD_ATT_CHANGE_KEPT: return _("kept as recorded");
    case TD_ATT_CHANGE_UNDECIDED: return _("waits for a decision");
    default: g_return_val_if_reached ("");
    }
}
