/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A desk in a process of its own, for test-desk-processes: it opens the database at
 * LOCATION and does one thing when told.  It speaks lines on stdin and stdout, so the test
 * lines the desks up by what they say, never by waiting a while:
 *   desk-process LOCATION append CLASS_ID FIRST N ROUNDS
 *       says "ready", waits for "go", then records every trainee of the roster at lessons
 *       FIRST … FIRST+N-1 (in the class's order), ROUNDS times over (statuses P, L, P, …),
 *       each record its own transaction; says "done COUNT"
 *   desk-process LOCATION edit-class CLASS_ID TITLE
 *   desk-process LOCATION edit-trainee TRAINEE_ID PHONE
 *       reads the class (the person), says "read", waits for "save", saves the new title
 *       (phone); says "saved", or "refused MESSAGE" when the store refuses
 *   desk-process LOCATION export CLASS_CODE CREATED
 *       says "ready", waits for "go", exports the class's pending attendance; says
 *       "exported PACKET_ID PATH", or "refused MESSAGE"
 *   desk-process LOCATION export-held CLASS_CODE CREATED
 *       the same, but once the packet is logged "writing" (before its file is put in place)
 *       says "writing PACKET_ID PATH" and waits for "go" (or to be killed) before going on
 * Before anything else every verb says "notice MESSAGE" for what opening told the user (an
 * interrupted export settled).
 * Exit status 0, or 1 when something else went wrong (said on stderr). */
#define G_LOG_DOMAIN "td-test"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/td-store.h"
#include "packet/td-export.h"
#include "../td-test-private.h"

static void
say (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

/* Waits for the line @word on stdin. */
static gboolean
wait_for (const char *word)
{
  char line[64];

  if (fgets (line, sizeof line, stdin) == NULL)
    return FALSE;
  g_strchomp (line);
  return g_str_equal (line, word);
}

/* One line: newlines in a message would end it early. */
static char *
one_line (const char *message)
{
  return g_strdelimit (g_strdup (message), "\r\n", ' ');
}

static int
append (TdStore *store, gint64 class_id, int first, int n, int rounds)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lessons = td_store_list_lessons (store, class_id, &error);
  g_autoptr (GPtrArray) roster = NULL;
  int count = 0;

  if (lessons == NULL || (roster = td_store_list_enrolments (store, class_id, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (first + n > (int) lessons->len)
    {
      g_printerr ("the class has %u lessons\n", lessons->len);
      return 1;
    }
  say ("ready");
  if (!wait_for ("go"))
    return 1;
  for (int r = 0; r < rounds; r++)
    for (int l = first; l < first + n; l++)
      for (guint t = 0; t < roster->len; t++)
        {
          const TdLesson *lesson = g_ptr_array_index (lessons, l);
          const TdEnrolment *e = g_ptr_array_index (roster, t);
          gboolean late = r % 2 == 1;
          int h = 0, m = 0;
          char in[9];

          /* on time, or 20 minutes late */
          sscanf (lesson->start, "%d:%d", &h, &m);
          m += late ? 20 : 0;
          g_snprintf (in, sizeof in, "%02d:%02d:00", h + m / 60, m % 60);
          if (!td_store_record_attendance (store, class_id, lesson->id, e->trainee.id,
                                           late ? 'L' : 'P', in, lesson->end, "FACE", &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          count++;
        }
  say ("done %d", count);
  return 0;
}

/* Says how a save went: 0 when saved or refused by the store, 1 otherwise. */
static int
saved (gboolean ok, const GError *error)
{
  g_autofree char *message = NULL;

  if (ok)
    {
      say ("saved");
      return 0;
    }
  message = one_line (error->message);
  say ("refused %s", message);
  return error->domain == TD_STORE_ERROR ? 0 : 1;
}

static int
edit_class (TdStore *store, gint64 class_id, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) k = td_store_get_class (store, class_id, &error);
  gboolean ok;

  if (k == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  say ("read");
  if (!wait_for ("save"))
    return 1;
  g_free (k->title);
  k->title = g_strdup (title);
  ok = td_store_save_class (store, k, &error);
  return saved (ok, error);
}

static int
edit_trainee (TdStore *store, gint64 trainee_id, const char *phone)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTrainee) t = td_store_get_trainee (store, trainee_id, &error);
  gboolean ok;

  if (t == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  say ("read");
  if (!wait_for ("save"))
    return 1;
  g_free (t->phone);
  t->phone = g_strdup (phone);
  ok = td_store_save_trainee (store, t, &error);
  return saved (ok, error);
}

/* export-held: the packet logged "writing" (the commit that logs it tells ::changed), the
 * export stops there until told to go on. */
static void
on_changed (TdStore *store, const char *table, gint64 row, gboolean *held)
{
  g_autoptr (GPtrArray) packets = NULL;

  if (*held || !g_str_equal (table, "packet"))
    return;
  packets = td_store_list_packets (store, 0, NULL);
  for (guint i = 0; packets != NULL && i < packets->len; i++)
    {
      const TdPacketLog *p = g_ptr_array_index (packets, i);

      if (p->status == TD_PACKET_WRITING)
        {
          *held = TRUE;
          say ("writing %s %s", p->id, p->file);
          if (!wait_for ("go"))
            exit (1);
          return;
        }
    }
}

static int
export (TdStore *store, const char *code, const char *created, gboolean hold)
{
  gboolean held = FALSE;
  TdExportOptions options = { .created = created };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdFindings) failed = NULL;
  g_autoptr (TdExportResult) r = NULL;
  g_autofree char *message = NULL;

  say ("ready");
  if (!wait_for ("go"))
    return 1;
  if (hold)
    g_signal_connect (store, "changed", G_CALLBACK (on_changed), &held);
  r = td_export_packet (store, TD_KIND_ATTENDANCE, code, 0, 0, &options, &failed, &error);
  if (r != NULL)
    {
      say ("exported %s %s", r->packet_id, r->path);
      return 0;
    }
  message = one_line (error->message);
  say ("refused %s", message);
  return 0;
}

int
main (int argc, char **argv_local)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_auto (GStrv) argv = td_test_utf8_argv (argv_local);
  const char *verb;

  argc = (int) g_strv_length (argv);
  verb = argc > 2 ? argv[2] : "";

  if (argc < 5)
    {
      g_printerr ("usage: desk-process LOCATION VERB ARGS…\n");
      return 2;
    }
  store = td_store_open (argv[1], TD_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < td_store_get_notices (store)->len; i++)
    {
      g_autofree char *notice = one_line (g_ptr_array_index (td_store_get_notices (store), i));

      say ("notice %s", notice);
    }
  if (g_str_equal (verb, "append") && argc == 7)
    return append (store, g_ascii_strtoll (argv[3], NULL, 10), atoi (argv[4]), atoi (argv[5]),
                   atoi (argv[6]));
  if (g_str_equal (verb, "edit-class"))
    return edit_class (store, g_ascii_strtoll (argv[3], NULL, 10), argv[4]);
  if (g_str_equal (verb, "edit-trainee"))
    return edit_trainee (store, g_ascii_strtoll (argv[3], NULL, 10), argv[4]);
  if (g_str_equal (verb, "export") || g_str_equal (verb, "export-held"))
    return export (store, argv[3], argv[4], g_str_equal (verb, "export-held"));
  g_printerr ("unknown verb or arguments: %s\n", verb);
  return 2;
}
