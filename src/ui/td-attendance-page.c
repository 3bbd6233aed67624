/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Attendance page: the class's lessons on the left, the trainees of the chosen lesson
 * on the right with their status, times, method, credited hours and attendance rate.
 * Keyboard entry: P/L/E/V/A set the selected trainee's status and move on; Enter records
 * the times typed for a late or early trainee.  Records an attendance packet carried are
 * locked: a change is confirmed first and becomes a correction the next batch sends. */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-codes.h"
#include "core/td-idnumber.h"
#include "core/td-subsidy.h"
#include "ui/td-attendance-import-dialog.h"
#include "ui/td-attendance-page.h"
#include "ui/td-dialog.h"
#include "ui/td-cell.h"
#include "ui/td-lesson-row.h"
#include "ui/td-record-row.h"
#include "ui/td-row-view.h"
#include "ui/td-ui-util.h"

struct _TdAttendancePage
{
  TdPage parent_instance;

  TdClass *klass;
  TdRate min_rate;
  GPtrArray *lessons;           /* TdLesson* */
  GPtrArray *enrolments;        /* TdEnrolment* */
  GHashTable *records;          /* record id → TdAttendance* (owned), the current ones */
  GHashTable *by_pair;          /* the same records as a set by lesson and trainee */
  GHashTable *credited;         /* trainee id → TdHalves of the current records */
  guint64 checked_count;        /* the store's change count when the chain was checked */
  /* the change counts when the data above were read: of the class, its catalog and the
   * trainees (read all again), of its lessons and roster (read again), of the attendance */
  guint64 class_count, roster_count, enrolment_count, attendance_count;
  TdAttendanceMark attendance_mark;   /* the records read are those up to this mark */
  GHashTable *dirty_lessons;    /* lesson id → its row is to be made again */
  gboolean rows_stale;          /* every lesson row is */
  gint64 checked_class;
  GHashTable *problem_lids;     /* lessons with a chain problem (char*) */
  char *problems_text;
  GListStore *lesson_rows;
  GListStore *trainee_rows;
  GtkSingleSelection *lesson_sel;
  GtkSingleSelection *trainee_sel;

  GtkStack *stack;
  GtkRevealer *problems_revealer;
  GtkLabel *problems_label;
  GtkColumnView *lesson_view;
  GtkColumnView *trainee_view;
  GtkLabel *lesson_label;
  GtkDropDown *status_drop;
  GtkEntry *in_entry;
  GtkEntry *out_entry;
  GtkDropDown *method_drop;
};

G_DEFINE_FINAL_TYPE (TdAttendancePage, td_attendance_page, TD_TYPE_PAGE)

static void reload (TdPage *page);

/* ---- lookups ------------------------------------------------------------------------ */

/* A record's place in by_pair: its lesson and trainee.  (Folding the two together as
 * lesson ^ trainee would give a class's keys about a thousand hash values and every lookup
 * long probe runs.) */
static guint
pair_hash (gconstpointer record)
{
  const TdAttendance *r = record;
  guint64 k = (guint64) r->lesson_id << 32 | (guint64) (guint32) r->trainee_id;

  return (guint) ((k ^ (k >> 29)) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) >> 32);
}

static gboolean
pair_equal (gconstpointer a, gconstpointer b)
{
  const TdAttendance *ra = a, *rb = b;

  return ra->lesson_id == rb->lesson_id && ra->trainee_id == rb->trainee_id;
}

static const TdAttendance *
find_record (TdAttendancePage *self, gint64 lesson_id, gint64 trainee_id)
{
  TdAttendance key = { .lesson_id = lesson_id, .trainee_id = trainee_id };

  return self->by_pair != NULL ? g_hash_table_lookup (self->by_pair, &key) : NULL;
}

/* The lesson of the row chosen (the lists sort: found by its id). */
static TdLesson *
current_lesson (TdAttendancePage *self)
{
  gpointer row = gtk_single_selection_get_selected_item (self->lesson_sel);
  gint64 id = row != NULL ? td_list_row_get_id (row) : 0;

  for (guint i = 0; id != 0 && self->lessons != NULL && i < self->lessons->len; i++)
    if (((TdLesson *) g_ptr_array_index (self->lessons, i))->id == id)
      return g_ptr_array_index (self->lessons, i);
  return NULL;
}

static TdEnrolment *
current_enrolment (TdAttendancePage *self)
{
  gpointer row = gtk_single_selection_get_selected_item (self->trainee_sel);
  gint64 id = row != NULL ? td_list_row_get_id (row) : 0;

  for (guint i = 0; id != 0 && self->enrolments != NULL && i < self->enrolments->len; i++)
    if (((TdEnrolment *) g_ptr_array_index (self->enrolments, i))->trainee.id == id)
      return g_ptr_array_index (self->enrolments, i);
  return NULL;
}

static const char *
code_at (TdCodeList list, guint index)
{
  gsize n = 0;
  const TdCode *codes = td_codes_get (list, &n);

  return index < n ? codes[index].code : NULL;
}

static guint
index_of_code (TdCodeList list, const char *code)
{
  gsize n = 0;
  const TdCode *codes = td_codes_get (list, &n);

  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (codes[i].code, code) == 0)
      return i;
  return 0;
}

static char *
short_time (const char *hms)
{
  return hms[0] != '\0' ? g_strndup (hms, 5) : g_strdup ("");
}

/* Whether @l is after today, when nothing can be recorded for it yet. */
static gboolean
lesson_in_future (const TdLesson *l)
{
  return td_day_from_iso (l->date) > td_day_today ();
}

/* Says why nothing is recorded for @l when it is after today (the store refuses it too);
 * TRUE then. */
static gboolean
refuse_future (TdAttendancePage *self, const TdLesson *l)
{
  g_autofree char *today = NULL;
  g_autofree char *why = NULL;

  if (!lesson_in_future (l))
    return FALSE;
  today = td_day_to_iso_dup (td_day_today ());
  why = g_strdup_printf (_("Lesson %s is on %s, after today (%s): attendance is recorded on the "
                           "day of the lesson or later, as it happened."), l->lid, l->date,
                         today);
  td_ui_show_message (GTK_WIDGET (self), _("The attendance was not recorded"), why);
  return TRUE;
}

/* ---- rows --------------------------------------------------------------------------- */

static TdLessonRow *
lesson_row_new (TdAttendancePage *self, const TdLesson *l, GHashTable *problem_lids)
{
  guint recorded = 0, offered_n = 0;
  gboolean sent = FALSE;

  for (guint i = 0; i < self->enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (self->enrolments, i);
      const TdAttendance *r = find_record (self, l->id, e->trainee.id);
      offered_n += td_lesson_offered (self->klass, l, e);
      recorded += r != NULL;
      sent |= r != NULL && r->packet_id != NULL;
    }
  return td_lesson_row_new (l, recorded, offered_n, sent,
                            g_hash_table_contains (problem_lids, l->lid));
}

/* Hours @e can still be credited: lessons from today on with no record yet. */
static TdHalves
hours_still_open (TdAttendancePage *self, const TdEnrolment *e)
{
  char today[TD_DATE_LEN];
  TdHalves open = 0;

  td_day_to_iso (td_day_today (), today);
  for (guint i = 0; i < self->lessons->len; i++)
    {
      const TdLesson *l = g_ptr_array_index (self->lessons, i);
      if (strcmp (l->date, today) >= 0 && td_lesson_offered (self->klass, l, e)
          && find_record (self, l->id, e->trainee.id) == NULL)
        open += l->hours;
    }
  return open;
}

/* The row of @e with the credited hours and the rate so far; the rate is flagged when the
 * trainee can no longer reach the threshold (R-SUB-001), not merely because the class is half
 * done. */
static TdRecordRow *
trainee_row_new (TdAttendancePage *self, const TdLesson *l, const TdEnrolment *e)
{
  const TdAttendance *r = l != NULL ? find_record (self, l->id, e->trainee.id) : NULL;
  TdHalves planned = td_subsidy_planned_hours (self->klass, self->lessons);
  TdHalves credited = GPOINTER_TO_INT (g_hash_table_lookup (self->credited, &e->trainee.id));
  TdRate best = td_rate_of (credited + hours_still_open (self, e), planned);

  return td_record_row_new (e, r, l == NULL || td_lesson_offered (self->klass, l, e), credited,
                            td_rate_of (credited, planned), best < self->min_rate);
}

static void
rebuild_trainees (TdAttendancePage *self)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  TdLesson *l = current_lesson (self);
  gboolean focused = td_row_view_get_focus_position (self->trainee_view)
                     != GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->enrolments != NULL && i < self->enrolments->len; i++)
    g_ptr_array_add (rows, trainee_row_new (self, l, g_ptr_array_index (self->enrolments, i)));

  td_list_row_store_replace (self->trainee_rows, rows, self->trainee_sel);
  /* the rows were replaced: the focus goes back to the selected one, not to another */
  if (focused)
    td_row_view_focus_selected (self->trainee_view);
  if (l == NULL)
    {
      gtk_label_set_text (self->lesson_label, _("This class has no lessons yet."));
      return;
    }
  {
    g_autofree char *hours = td_hours_format (l->hours);
    g_autofree char *start = short_time (l->start), *end = short_time (l->end);
    /* TRANSLATORS: the 2nd %s is the lesson type (theory or practice) */
    g_autofree char *text = g_strdup_printf (_("Lesson %s (%s), %s %s–%s, %s class hours · "
                                               "attendance threshold %.0f%%"),
                                             l->lid,
                                             td_code_label (TD_CODES_LESSON_KIND,
                                                            l->kind == 'P' ? "P" : "T"),
                                             l->date, start, end, hours,
                                             self->min_rate / 100.0);
    g_autofree char *future = lesson_in_future (l)
      ? g_strdup_printf ("%s · %s", text, _("after today: nothing can be recorded yet"))
      : NULL;
    gtk_label_set_text (self->lesson_label, future != NULL ? future : text);
  }
}

/* What the page shows comes from these tables: a change elsewhere (a setting, another
 * page's records) reads nothing again. */
static const char *const class_tables[] = { "class", "catalog", "trainee", NULL };
static const char *const roster_tables[] = { "lesson", "enrolment", NULL };
static const char *const enrolment_tables[] = { "enrolment", NULL };
static const char *const attendance_tables[] = { "attendance", NULL };

static guint64
count_of (TdAttendancePage *self, const char *const *tables)
{
  TdStore *store = td_page_get_store (TD_PAGE (self));

  return store != NULL ? td_store_get_change_count_of (store, tables) : 0;
}

static guint64
change_count (TdAttendancePage *self)
{
  return count_of (self, class_tables) + count_of (self, roster_tables)
         + count_of (self, attendance_tables);
}

static gboolean
same_keys (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      return FALSE;
  return TRUE;
}

/* The class's chain checked again only when the data changed (the store's change counter)
 * or another class is shown, not on every reload (and then only what was added or changed
 * since the last check, td_store_verify_class); the lessons with a problem, newly
 * referenced. */
static GHashTable *
show_problems (TdAttendancePage *self)
{
  guint64 count = change_count (self);

  if (self->problem_lids == NULL || count != self->checked_count
      || td_page_get_class_id (TD_PAGE (self)) != self->checked_class)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) problems = td_store_verify_class (
          td_page_get_store (TD_PAGE (self)), td_page_get_class_id (TD_PAGE (self)), &error);
      g_autoptr (GString) text = g_string_new (NULL);

      g_autoptr (GHashTable) before = g_steal_pointer (&self->problem_lids);

      self->problem_lids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          TdVerifyProblem *p = g_ptr_array_index (problems, i);
          g_autofree char *id = p->id_number != NULL ? td_id_number_mask (p->id_number) : NULL;

          if (p->lid != NULL)
            {
              g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, p->seq);
              g_hash_table_add (self->problem_lids, g_strdup (p->lid));
              g_string_append_printf (text, _("Lesson %s, %s, record %s: %s\n"), p->lid,
                                      id != NULL ? id : "", seq, p->message);
            }
          else
            g_string_append_printf (text, "%s\n", p->message);
        }
      if (error != NULL)
        g_string_append_printf (text, "%s\n", error->message);
      if (text->len > 0)
        g_string_prepend (text, _("The attendance chain does not verify:\n"));
      g_strchomp (text->str);
      /* the lessons flagged changed: their rows are made again (all of them: it is rare) */
      if (before == NULL || !same_keys (before, self->problem_lids))
        self->rows_stale = TRUE;
      g_free (self->problems_text);
      self->problems_text = g_strdup (text->str);
      self->checked_count = count;
      self->checked_class = td_page_get_class_id (TD_PAGE (self));
    }
  gtk_label_set_text (self->problems_label, self->problems_text);
  gtk_revealer_set_reveal_child (self->problems_revealer, self->problems_text[0] != '\0');
  return g_hash_table_ref (self->problem_lids);
}

static void
clear_records (TdAttendancePage *self)
{
  g_clear_pointer (&self->by_pair, g_hash_table_unref);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->credited, g_hash_table_unref);
}

static void
clear_data (TdAttendancePage *self)
{
  g_clear_pointer (&self->klass, td_class_free);
  g_clear_pointer (&self->lessons, g_ptr_array_unref);
  g_clear_pointer (&self->enrolments, g_ptr_array_unref);
  clear_records (self);
}

static void
credit (TdAttendancePage *self, gint64 trainee_id, TdHalves hours)
{
  int sum = GPOINTER_TO_INT (g_hash_table_lookup (self->credited, &trainee_id));

  g_hash_table_replace (self->credited, g_memdup2 (&trainee_id, sizeof trainee_id),
                        GINT_TO_POINTER (sum + hours));
}

static void
mark_dirty (TdAttendancePage *self, gint64 lesson_id)
{
  if (!self->rows_stale)
    g_hash_table_add (self->dirty_lessons, g_memdup2 (&lesson_id, sizeof lesson_id));
}

/* The record @id leaves what the page holds (replaced, rolled back, or read again). */
static void
drop_record (TdAttendancePage *self, gint64 id)
{
  TdAttendance *r = g_hash_table_lookup (self->records, &id);

  if (r == NULL)
    return;
  mark_dirty (self, r->lesson_id);
  credit (self, r->trainee_id, -r->hours);
  if (g_hash_table_lookup (self->by_pair, r) == r)
    g_hash_table_remove (self->by_pair, r);
  g_hash_table_remove (self->records, &id);
}

/* @r (taken) is the current record of its lesson and trainee. */
static void
add_record (TdAttendancePage *self, TdAttendance *r)
{
  TdAttendance *before = g_hash_table_lookup (self->by_pair, r);

  if (before != NULL)
    drop_record (self, before->id);
  g_hash_table_insert (self->records, &r->id, r);
  g_hash_table_add (self->by_pair, r);
  mark_dirty (self, r->lesson_id);
  credit (self, r->trainee_id, r->hours);
}

/* The records of @list (taken, its free function dropped) applied: each read again replaces
 * what the page held of it; those now replaced or gone only leave. */
static void
apply_records (TdAttendancePage *self, GPtrArray *list)
{
  if (self->records == NULL)
    {
      self->records = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                             (GDestroyNotify) td_attendance_free);
      self->by_pair = g_hash_table_new (pair_hash, pair_equal);
      self->credited = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }
  g_ptr_array_set_free_func (list, NULL);
  for (guint i = 0; i < list->len; i++)
    drop_record (self, ((TdAttendance *) g_ptr_array_index (list, i))->id);
  for (guint i = 0; i < list->len; i++)
    {
      TdAttendance *r = g_ptr_array_index (list, i);

      if (r->replaced)
        td_attendance_free (r);
      else
        add_record (self, r);
    }
}

static gboolean
same_lesson (const TdLesson *a, const TdLesson *b)
{
  return a->id == b->id && g_strcmp0 (a->lid, b->lid) == 0 && strcmp (a->date, b->date) == 0
         && strcmp (a->start, b->start) == 0 && strcmp (a->end, b->end) == 0
         && a->hours == b->hours && a->kind == b->kind && a->online == b->online
         && g_strcmp0 (a->teacher, b->teacher) == 0 && g_strcmp0 (a->content, b->content) == 0;
}

/* The lessons of @lessons added, changed or gone since self->lessons: their rows are made
 * again (a row gone is one of no lesson any more). */
static void
mark_lessons_changed (TdAttendancePage *self, GPtrArray *lessons)
{
  g_autoptr (GHashTable) before = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; self->lessons != NULL && i < self->lessons->len; i++)
    {
      TdLesson *l = g_ptr_array_index (self->lessons, i);
      g_hash_table_insert (before, &l->id, l);
    }
  for (guint i = 0; i < lessons->len; i++)
    {
      TdLesson *l = g_ptr_array_index (lessons, i);
      TdLesson *old = g_hash_table_lookup (before, &l->id);

      if (old == NULL || !same_lesson (old, l))
        mark_dirty (self, l->id);
      g_hash_table_remove (before, &l->id);
    }
  if (g_hash_table_size (before) > 0)
    self->rows_stale = TRUE;
}

/* The lessons and the roster of the class read (again). */
static gboolean
load_lessons (TdAttendancePage *self, GError **error)
{
  TdStore *store = td_page_get_store (TD_PAGE (self));
  gint64 class_id = td_page_get_class_id (TD_PAGE (self));
  g_autoptr (GPtrArray) lessons = td_store_list_lessons (store, class_id, error);
  g_autoptr (GPtrArray) enrolments = lessons != NULL
    ? td_store_list_enrolments (store, class_id, error) : NULL;

  if (enrolments == NULL)
    return FALSE;
  /* a trainee added, withdrawn or changed: how many a lesson is given to may change */
  if (self->enrolments == NULL || self->enrolment_count != count_of (self, enrolment_tables))
    self->rows_stale = TRUE;
  mark_lessons_changed (self, lessons);
  g_clear_pointer (&self->lessons, g_ptr_array_unref);
  g_clear_pointer (&self->enrolments, g_ptr_array_unref);
  self->lessons = g_steal_pointer (&lessons);
  self->enrolments = g_steal_pointer (&enrolments);
  self->roster_count = count_of (self, roster_tables);
  self->enrolment_count = count_of (self, enrolment_tables);
  return TRUE;
}

/* The records written since they were read (all of them the first time, or when the store
 * cannot tell which: td_store_list_attendance_since). */
static gboolean
load_records (TdAttendancePage *self, gboolean first, GError **error)
{
  TdStore *store = td_page_get_store (TD_PAGE (self));
  gint64 class_id = td_page_get_class_id (TD_PAGE (self));
  TdAttendanceMark mark = td_store_attendance_mark (store);
  guint64 count = count_of (self, attendance_tables);
  gboolean whole = TRUE;
  g_autoptr (GPtrArray) list = first
    ? td_store_list_attendance (store, class_id, error)
    : td_store_list_attendance_since (store, class_id, &self->attendance_mark, &whole, error);

  if (list == NULL)
    return FALSE;
  if (whole)
    clear_records (self);
  apply_records (self, list);
  self->attendance_mark = mark;
  self->attendance_count = count;
  return TRUE;
}

/* Reads the class; FALSE with @error (and nothing loaded) when the store cannot be read. */
static gboolean
load_data (TdAttendancePage *self, GError **error)
{
  TdStore *store = td_page_get_store (TD_PAGE (self));
  g_autoptr (TdCatalog) catalog = NULL;
  g_autoptr (GError) local = NULL;

  clear_data (self);
  self->rows_stale = TRUE;
  if (store == NULL || td_page_get_class_id (TD_PAGE (self)) == 0)
    return TRUE;
  self->class_count = count_of (self, class_tables);
  self->klass = td_store_get_class (store, td_page_get_class_id (TD_PAGE (self)), &local);
  if (self->klass == NULL)
    {
      /* a class deleted meanwhile shows the empty page; anything else is an error */
      if (g_error_matches (local, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* a class without a catalogue in force has no threshold; an unreadable one is an error */
  catalog = td_store_get_class_catalog (store, self->klass, &local);
  if (catalog == NULL && !g_error_matches (local, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      clear_data (self);
      return FALSE;
    }
  self->min_rate = catalog != NULL ? catalog->rules.min_attendance_rate : 0;
  if (!load_lessons (self, error) || !load_records (self, TRUE, error))
    {
      clear_data (self);
      return FALSE;
    }
  return TRUE;
}

/* The class shown again after a change to its lessons, roster or attendance: only what
 * changed is read (the lessons and roster are small; of the records, those written since
 * the last read), not the whole class. */
static gboolean
update_data (TdAttendancePage *self, GError **error)
{
  if ((self->roster_count != count_of (self, roster_tables) && !load_lessons (self, error))
      || (self->attendance_count != count_of (self, attendance_tables)
          && !load_records (self, FALSE, error)))
    {
      clear_data (self);
      return FALSE;
    }
  return TRUE;
}

/* The lesson rows made again: all of them after the class was read, the roster or the chain's
 * problems changed; else only those of the lessons whose records or timetable entry changed
 * (a record added to a class of 1,000 lessons makes one row, not 1,000). */
static void
update_lesson_rows (TdAttendancePage *self, GHashTable *lids)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (self->lesson_rows);

  if (self->rows_stale)
    {
      for (guint i = 0; i < self->lessons->len; i++)
        g_ptr_array_add (rows, lesson_row_new (self, g_ptr_array_index (self->lessons, i),
                                               lids));
      td_list_row_store_replace (self->lesson_rows, rows, self->lesson_sel);
    }
  else if (g_hash_table_size (self->dirty_lessons) > 0)
    {
      gpointer chosen = gtk_single_selection_get_selected_item (self->lesson_sel);
      gint64 chosen_id = chosen != NULL ? td_list_row_get_id (chosen) : 0;
      guint n = g_list_model_get_n_items (model), position;
      g_autofree gint64 *ids = g_new (gint64, MAX (n, 1));
      g_autoptr (GHashTable) at = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (TdListRow) row = g_list_model_get_item (model, i);
          ids[i] = td_list_row_get_id (row);
          g_hash_table_insert (at, &ids[i], GUINT_TO_POINTER (i + 1));
        }
      for (guint i = 0; i < self->lessons->len; i++)
        {
          const TdLesson *l = g_ptr_array_index (self->lessons, i);
          g_autoptr (TdLessonRow) row = NULL;

          if (!g_hash_table_contains (self->dirty_lessons, &l->id))
            continue;
          row = lesson_row_new (self, l, lids);
          position = GPOINTER_TO_UINT (g_hash_table_lookup (at, &l->id));
          if (position > 0)
            g_list_store_splice (self->lesson_rows, position - 1, 1, (gpointer *) &row, 1);
          else
            g_list_store_append (self->lesson_rows, row);
        }
      /* wherever the sort puts it */
      position = chosen_id != 0 ? td_list_row_find (G_LIST_MODEL (self->lesson_sel), chosen_id)
                                : GTK_INVALID_LIST_POSITION;
      if (position != GTK_INVALID_LIST_POSITION
          && position != gtk_single_selection_get_selected (self->lesson_sel))
        gtk_single_selection_set_selected (self->lesson_sel, position);
    }
  g_hash_table_remove_all (self->dirty_lessons);
  self->rows_stale = FALSE;
}

static void
reload (TdPage *page)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (page);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) lids = NULL;
  g_autoptr (GError) error = NULL;
  gboolean same_class = self->klass != NULL
                        && self->klass->id == td_page_get_class_id (TD_PAGE (self))
                        && self->class_count == count_of (self, class_tables);

  /* nothing changed since the class was read (the page shown again, the same class chosen):
   * what it shows stands, only the trainees of the chosen lesson are listed again */
  if (same_class && self->roster_count == count_of (self, roster_tables)
      && self->attendance_count == count_of (self, attendance_tables))
    {
      rebuild_trainees (self);
      return;
    }
  if (same_class)
    update_data (self, &error);
  else
    load_data (self, &error);
  td_page_set_store_error (TD_PAGE (self), error);
  gtk_stack_set_visible_child_name (self->stack, self->klass != NULL ? "grid" : "empty");
  if (self->klass == NULL)
    {
      td_list_row_store_replace (self->lesson_rows, rows, self->lesson_sel);
      td_list_row_store_replace (self->trainee_rows, rows, self->trainee_sel);
      return;
    }
  lids = show_problems (self);
  g_signal_handlers_block_matched (self->lesson_sel, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                   self);
  update_lesson_rows (self, lids);
  g_signal_handlers_unblock_matched (self->lesson_sel, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                     self);
  rebuild_trainees (self);
}

/* ---- the editor strip --------------------------------------------------------------- */

static void
load_editor (TdAttendancePage *self)
{
  TdLesson *l = current_lesson (self);
  TdEnrolment *e = current_enrolment (self);
  const TdAttendance *r = l != NULL && e != NULL ? find_record (self, l->id, e->trainee.id)
                                                 : NULL;
  g_autofree char *in = NULL, *out = NULL;

  if (l == NULL)
    return;
  in = short_time (r != NULL && r->time_in[0] != '\0' ? r->time_in : l->start);
  out = short_time (r != NULL && r->time_out[0] != '\0' ? r->time_out : l->end);
  gtk_editable_set_text (GTK_EDITABLE (self->in_entry), in);
  gtk_editable_set_text (GTK_EDITABLE (self->out_entry), out);
  gtk_drop_down_set_selected (self->status_drop,
                              index_of_code (TD_CODES_ATTENDANCE_STATUS,
                                             r != NULL ? (char[2]){ r->status, 0 } : "P"));
  if (r != NULL)
    gtk_drop_down_set_selected (self->method_drop, index_of_code (TD_CODES_SIGN_METHOD,
                                                                  r->method));
  else if (l->online)
    gtk_drop_down_set_selected (self->method_drop, index_of_code (TD_CODES_SIGN_METHOD,
                                                                  "ONLINE"));
}

static void
on_lesson_selected (TdAttendancePage *self)
{
  rebuild_trainees (self);
  load_editor (self);
}

/* ---- recording ---------------------------------------------------------------------- */

typedef struct
{
  TdAttendancePage *self;
  gint64 lesson_id;
  gint64 trainee_id;
  char status;
  char in[TD_TIME_LEN];
  char out[TD_TIME_LEN];
  char method[8];
  gboolean advance;
} Pending;

static void
select_next_trainee (TdAttendancePage *self)
{
  guint i = gtk_single_selection_get_selected (self->trainee_sel);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->trainee_rows));

  if (i == GTK_INVALID_LIST_POSITION || i + 1 >= n)
    return;
  gtk_single_selection_set_selected (self->trainee_sel, i + 1);
  gtk_widget_activate_action (GTK_WIDGET (self->trainee_view), "list.scroll-to-item", "u",
                              i + 1);
}

static void
store_pending (Pending *p)
{
  TdAttendancePage *self = p->self;
  g_autoptr (GError) error = NULL;

  if (!td_store_record_attendance (td_page_get_store (TD_PAGE (self)),
                                   td_page_get_class_id (TD_PAGE (self)), p->lesson_id,
                                   p->trainee_id, p->status, p->in, p->out, p->method, &error))
    {
      td_ui_show_error (GTK_WIDGET (self), _("The attendance was not recorded"), error);
      return;
    }
  td_page_reload (TD_PAGE (self));
  if (p->advance)
    select_next_trainee (self);
  load_editor (self);
  /* the keys act on the selected trainee: the focus (where the arrows move from) is there */
  td_row_view_focus_selected (self->trainee_view);
}

static void
on_correction_response (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  Pending *p = data;

  if (g_strcmp0 (response, "correct") == 0)
    store_pending (p);
}

static void
confirm_correction (Pending *p, const TdAttendance *old)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (p->self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Correct a record already sent?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("This record of lesson %s was sent to the bureau in an "
                                    "attendance batch. The change is kept as a correction: the "
                                    "next attendance batch replaces (supersedes) the batch that "
                                    "carried it, and the chain keeps both."), old->lid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "correct", _("_Correct"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "correct",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_name (dialog, "td-correction-dialog");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_correction_response), p,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
differs (const TdAttendance *old, const Pending *p)
{
  if (old->status != p->status || strcmp (old->method, p->method) != 0)
    return TRUE;
  if (p->status == 'A' || p->status == 'V')
    return FALSE;
  return strcmp (old->time_in, p->in) != 0 || strcmp (old->time_out, p->out) != 0;
}

static void
record (TdAttendancePage *self, char status, const char *in, const char *out,
        const char *method, gboolean advance)
{
  TdLesson *l = current_lesson (self);
  TdEnrolment *e = current_enrolment (self);
  const TdAttendance *old;
  Pending *p;

  if (l == NULL || e == NULL || td_page_get_store (TD_PAGE (self)) == NULL)
    return;
  p = g_new0 (Pending, 1);
  *p = (Pending){ self, l->id, e->trainee.id, status, "", "", "", advance };
  g_strlcpy (p->in, in != NULL ? in : "", sizeof p->in);
  g_strlcpy (p->out, out != NULL ? out : "", sizeof p->out);
  g_strlcpy (p->method, method, sizeof p->method);
  old = find_record (self, l->id, e->trainee.id);
  if (old != NULL && old->packet_id != NULL && differs (old, p))
    {
      confirm_correction (p, old);
      return;
    }
  store_pending (p);
  g_free (p);
}

static const char *
chosen_method (TdAttendancePage *self)
{
  return code_at (TD_CODES_SIGN_METHOD, gtk_drop_down_get_selected (self->method_drop));
}

static void
action_status (GtkWidget *widget, const char *name, GVariant *param)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  const char *code = g_variant_get_string (param, NULL);
  TdLesson *l = current_lesson (self);

  if (l == NULL || current_enrolment (self) == NULL || refuse_future (self, l))
    return;
  gtk_drop_down_set_selected (self->status_drop,
                              index_of_code (TD_CODES_ATTENDANCE_STATUS, code));
  if (code[0] == 'L' || code[0] == 'E')
    {
      /* the times decide the credited hours: type them, Enter records */
      GtkWidget *entry = GTK_WIDGET (code[0] == 'L' ? self->in_entry : self->out_entry);
      gtk_widget_grab_focus (entry);
      return;
    }
  record (self, code[0], code[0] == 'P' ? l->start : NULL, code[0] == 'P' ? l->end : NULL,
          chosen_method (self), TRUE);
}

static gboolean
editor_time (GtkEntry *entry, char out[TD_TIME_LEN])
{
  int seconds = td_time_parse_lenient (gtk_editable_get_text (GTK_EDITABLE (entry)));

  td_ui_set_error (GTK_WIDGET (entry), seconds < 0);
  if (seconds < 0)
    return FALSE;
  td_time_to_iso (seconds, out);
  return TRUE;
}

static void
action_record (GtkWidget *widget, const char *name, GVariant *param)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  const char *status = code_at (TD_CODES_ATTENDANCE_STATUS,
                                gtk_drop_down_get_selected (self->status_drop));
  char in[TD_TIME_LEN] = "", out[TD_TIME_LEN] = "";

  if (status == NULL || current_lesson (self) == NULL
      || refuse_future (self, current_lesson (self)))
    return;
  if (status[0] != 'A' && status[0] != 'V'
      && (!editor_time (self->in_entry, in) || !editor_time (self->out_entry, out)))
    {
      td_ui_show_message (widget, _("The times are not readable"),
                          _("Type the sign-in and sign-out times as 8:05 or 08:05."));
      return;
    }
  record (self, status[0], in, out, chosen_method (self), TRUE);
  td_row_view_focus_selected (self->trainee_view);
}

static void
on_entry_activate (TdAttendancePage *self)
{
  action_record (GTK_WIDGET (self), NULL, NULL);
}

/* Every offered trainee without a record in @l becomes present, start to end: the entries
 * are added to @entries (their times point into self->lessons). */
static void
fill_lesson (TdAttendancePage *self, const TdLesson *l, GArray *entries)
{
  const char *method = l->online ? "ONLINE" : chosen_method (self);

  for (guint i = 0; i < self->enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (self->enrolments, i);
      TdAttendanceEntry entry = { l->id, e->trainee.id, 'P', l->start, l->end, method };

      if (td_lesson_offered (self->klass, l, e) && find_record (self, l->id, e->trainee.id) == NULL)
        g_array_append_val (entries, entry);
    }
}

/* Stores @entries in one go: all of them, or none and the error says so. */
static void
store_filled (TdAttendancePage *self, GArray *entries)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *msg = NULL;
  guint n = 0;

  if (!td_store_record_attendance_many (
          td_page_get_store (TD_PAGE (self)), td_page_get_class_id (TD_PAGE (self)),
          (TdAttendanceEntry *) (void *) entries->data, entries->len, &n, &error))
    {
      td_page_reload (TD_PAGE (self));
      td_ui_show_error (GTK_WIDGET (self), _("Nothing was stored"), error);
      return;
    }
  td_page_reload (TD_PAGE (self));
  msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d trainee marked present",
                                      "%d trainees marked present", (int) n), (int) n);
  td_page_toast (TD_PAGE (self), msg);
}

static void
action_lesson_present (GtkWidget *widget, const char *name, GVariant *param)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (TdAttendanceEntry));
  TdLesson *l = current_lesson (self);

  if (l == NULL || td_page_get_store (TD_PAGE (self)) == NULL || refuse_future (self, l))
    return;
  fill_lesson (self, l, entries);
  store_filled (self, entries);
}

static void
action_class_present (GtkWidget *widget, const char *name, GVariant *param)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (TdAttendanceEntry));
  char today[TD_DATE_LEN];

  if (self->lessons == NULL || td_page_get_store (TD_PAGE (self)) == NULL)
    return;
  td_day_to_iso (td_day_today (), today);
  for (guint i = 0; i < self->lessons->len; i++)
    {
      const TdLesson *l = g_ptr_array_index (self->lessons, i);
      if (strcmp (l->date, today) <= 0)
        fill_lesson (self, l, entries);
    }
  store_filled (self, entries);
}

static void
action_lesson_step (GtkWidget *widget, const char *name, GVariant *param)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  guint i = gtk_single_selection_get_selected (self->lesson_sel);
  int step = g_variant_get_int32 (param);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lesson_rows));

  if (i == GTK_INVALID_LIST_POSITION || (step < 0 && i == 0) || (step > 0 && i + 1 >= n))
    return;
  gtk_single_selection_set_selected (self->lesson_sel, i + step);
  gtk_widget_activate_action (GTK_WIDGET (self->lesson_view), "list.scroll-to-item", "u",
                              i + step);
}

/* ---- withdrawal and cancellation ------------------------------------------------------ */

typedef struct
{
  TdAttendancePage *self;
  GtkWindow *window;
  gint64 trainee_id;            /* 0: cancel the class */
  GtkEditable *date;
  GtkEditable *reason;
  GtkLabel *message;
} ChangeForm;

static void
on_change_ok (ChangeForm *f)
{
  TdAttendancePage *self = f->self;
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = td_ui_editable_dup_text (f->reason);
  char date[TD_DATE_LEN];
  gboolean ok;

  if (!td_ui_editable_get_date (f->date, date))
    {
      td_dialog_set_message (f->message, _("The date is not readable: type it as 2026-03-02."));
      return;
    }
  if (f->trainee_id != 0)
    ok = td_store_withdraw (td_page_get_store (TD_PAGE (self)),
                            td_page_get_class_id (TD_PAGE (self)), f->trainee_id, date, reason,
                            &error);
  else
    ok = td_store_cancel_class (td_page_get_store (TD_PAGE (self)),
                                td_page_get_class_id (TD_PAGE (self)), date, reason, &error);
  if (!ok)
    {
      td_ui_show_error (GTK_WIDGET (f->window), f->trainee_id != 0
                        ? _("The withdrawal was not recorded")
                        : _("The class was not cancelled"), error);
      return;
    }
  td_page_toast (TD_PAGE (self), f->trainee_id != 0
                 ? _("Withdrawal recorded. Export a class notice in Submissions to report it.")
                 : _("Cancellation recorded. Export a class notice in Submissions to report it."));
  gtk_window_destroy (f->window);
  td_page_reload (TD_PAGE (self));
}

static void
open_change_form (TdAttendancePage *self, gint64 trainee_id, const char *title,
                  const char *subject)
{
  ChangeForm *f = g_new0 (ChangeForm, 1);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *date, *reason, *message = gtk_label_new (NULL);
  g_autofree char *today = td_day_to_iso_dup (td_day_today ());

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), subject);
  date = td_dialog_entry_row (_("Date"), "change-date", today);
  reason = td_dialog_entry_row (_("Reason"), "change-reason", NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), date);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), reason);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), message);
  *f = (ChangeForm){ self, NULL, trainee_id, GTK_EDITABLE (date), GTK_EDITABLE (reason),
                     GTK_LABEL (message) };
  f->window = td_dialog_new (GTK_WIDGET (self), title,
                             trainee_id != 0 ? "td-withdraw-dialog" : "td-cancel-dialog",
                             trainee_id != 0 ? _("_Withdraw") : _("Cancel _Class"), box,
                             G_CALLBACK (on_change_ok), f, g_free);
  gtk_window_set_default_size (f->window, 480, 320);
  gtk_window_present (f->window);
}

static void
action_withdraw (GtkWidget *widget, const char *name, GVariant *param)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  TdEnrolment *e = current_enrolment (self);
  g_autofree char *subject = NULL;

  if (e == NULL)
    {
      td_ui_show_message (widget, _("No trainee chosen"),
                          _("Select the trainee who withdraws in the list first."));
      return;
    }
  subject = g_strdup_printf (_("%s withdraws from the class from this date on; no attendance, "
                               "assessment or subsidy after it."), e->trainee.name);
  open_change_form (self, e->trainee.id, _("Withdraw Trainee"), subject);
}

/* ---- attendance from a terminal's or platform's file ---- */

static void
import_file (TdAttendancePage *self, const char *path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (td_page_get_store (TD_PAGE (self)) == NULL || td_page_get_class_id (TD_PAGE (self)) == 0)
    return;
  td_attendance_import_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       td_page_get_store (TD_PAGE (self)),
                                       td_page_get_class_id (TD_PAGE (self)), path);
}

static void
action_import (GtkWidget *widget, const char *name, GVariant *param)
{
  import_file (TD_ATTENDANCE_PAGE (widget), NULL);
}

static gboolean
on_file_dropped (GtkDropTarget *target, const GValue *value, double x, double y, gpointer data)
{
  GFile *file = G_VALUE_HOLDS (value, G_TYPE_FILE) ? g_value_get_object (value) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path == NULL)
    return FALSE;
  import_file (TD_ATTENDANCE_PAGE (data), path);
  return TRUE;
}

static void
action_cancel_class (GtkWidget *widget, const char *name, GVariant *param)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  g_autofree char *subject = NULL;

  if (self->klass == NULL)
    return;
  subject = g_strdup_printf (_("Class %s is cancelled from this date on. A cancellation is "
                               "final once the bureau accepts it."), self->klass->code);
  open_change_form (self, 0, _("Cancel Class"), subject);
}

/* ---- TdPage ------------------------------------------------------------------------- */

/* ---- GObject ------------------------------------------------------------------------ */

static void
td_attendance_page_dispose (GObject *object)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (object);

  /* the columns go with the views, and the sorted rows move: nothing to load then */
  if (self->lesson_sel != NULL)
    g_signal_handlers_disconnect_by_data (self->lesson_sel, self);
  if (self->trainee_sel != NULL)
    g_signal_handlers_disconnect_by_data (self->trainee_sel, self);
  adw_bin_set_child (ADW_BIN (self), NULL);   /* AdwBin would unparent it again */
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_ATTENDANCE_PAGE);
  clear_data (self);
  g_clear_pointer (&self->problem_lids, g_hash_table_unref);
  g_clear_pointer (&self->dirty_lessons, g_hash_table_unref);
  g_clear_pointer (&self->problems_text, g_free);
  g_clear_object (&self->lesson_sel);
  g_clear_object (&self->trainee_sel);
  G_OBJECT_CLASS (td_attendance_page_parent_class)->dispose (object);
}

static void
add_status_key (GtkWidgetClass *widget_class, guint key, const char *code)
{
  gtk_widget_class_add_binding_action (widget_class, key, 0, "attendance.status", "s", code);
  gtk_widget_class_add_binding_action (widget_class, gdk_keyval_to_upper (key), GDK_SHIFT_MASK,
                                       "attendance.status", "s", code);
}

static void
td_attendance_page_class_init (TdAttendancePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_attendance_page_dispose;
  g_type_ensure (TD_TYPE_CELL);
  g_type_ensure (TD_TYPE_LESSON_ROW);
  g_type_ensure (TD_TYPE_RECORD_ROW);
  TD_PAGE_CLASS (klass)->reload = reload;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/traindesk/TrainDesk/ui/"
                                               "td-attendance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, problems_label);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, lesson_view);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, trainee_view);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, lesson_label);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, status_drop);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, in_entry);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, out_entry);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, method_drop);

  gtk_widget_class_install_action (widget_class, "attendance.status", "s", action_status);
  gtk_widget_class_install_action (widget_class, "attendance.record", NULL, action_record);
  gtk_widget_class_install_action (widget_class, "attendance.lesson-present", NULL,
                                   action_lesson_present);
  gtk_widget_class_install_action (widget_class, "attendance.class-present", NULL,
                                   action_class_present);
  gtk_widget_class_install_action (widget_class, "attendance.lesson-step", "i",
                                   action_lesson_step);
  gtk_widget_class_install_action (widget_class, "attendance.withdraw", NULL, action_withdraw);
  gtk_widget_class_install_action (widget_class, "attendance.import", NULL, action_import);
  gtk_widget_class_install_action (widget_class, "attendance.cancel-class", NULL,
                                   action_cancel_class);
  add_status_key (widget_class, GDK_KEY_p, "P");
  add_status_key (widget_class, GDK_KEY_l, "L");
  add_status_key (widget_class, GDK_KEY_e, "E");
  add_status_key (widget_class, GDK_KEY_v, "V");
  add_status_key (widget_class, GDK_KEY_a, "A");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "attendance.lesson-present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "attendance.lesson-present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "attendance.lesson-step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "attendance.lesson-step", "i", 1);
}

/* A selection over @rows sorted as @view's headers say (@rows owned by it). */
static GtkSingleSelection *
sorted_selection (GListStore *rows, GtkColumnView *view)
{
  GtkSorter *sorter = g_object_ref (gtk_column_view_get_sorter (view));
  GtkSortListModel *sorted = gtk_sort_list_model_new (G_LIST_MODEL (rows), sorter);
  GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (sorted));

  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  return selection;
}

static void
setup_views (TdAttendancePage *self)
{
  /* both sorted by the column header clicked; kept across reloads */
  self->lesson_rows = g_list_store_new (TD_TYPE_LESSON_ROW);
  self->trainee_rows = g_list_store_new (TD_TYPE_RECORD_ROW);
  self->lesson_sel = sorted_selection (self->lesson_rows, self->lesson_view);
  self->trainee_sel = sorted_selection (self->trainee_rows, self->trainee_view);
  g_signal_connect_swapped (self->lesson_sel, "notify::selected",
                            G_CALLBACK (on_lesson_selected), self);
  g_signal_connect_swapped (self->trainee_sel, "notify::selected", G_CALLBACK (load_editor),
                            self);
}

static void
td_attendance_page_init (TdAttendancePage *self)
{
  g_autoptr (GtkStringList) statuses = td_ui_code_model (TD_CODES_ATTENDANCE_STATUS);
  g_autoptr (GtkStringList) methods = td_ui_code_model (TD_CODES_SIGN_METHOD);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->dirty_lessons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rows_stale = TRUE;
  gtk_drop_down_set_model (self->status_drop, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->method_drop, G_LIST_MODEL (methods));
  gtk_drop_down_set_selected (self->method_drop, index_of_code (TD_CODES_SIGN_METHOD, "MANUAL"));
  g_signal_connect_swapped (self->in_entry, "activate", G_CALLBACK (on_entry_activate), self);
  g_signal_connect_swapped (self->out_entry, "activate", G_CALLBACK (on_entry_activate), self);
  setup_views (self);
  {
    /* a terminal's export dropped on the page opens the attendance import */
    GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
    g_signal_connect (drop, "drop", G_CALLBACK (on_file_dropped), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
}
