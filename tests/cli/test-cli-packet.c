/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CLI's packet verbs as a user runs them: `validate` of every bureau example without a
 * database (history rules listed as info, exit 0), of broken, warned and hostile packets;
 * `import-receipt` of a receipt for a packet the database never wrote; `import-catalog` of
 * the shipped catalogue and of broken ones. */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "../td-test-dir.h"
#include "../td-test-platform.h"
#include "packet/td-digest.h"
#include "packet/td-xml-safe.h"

#include "cli-reseal.h"

#define NOW "2026-12-31T12:00:00+08:00"

static const char *const examples[] = {
  "filing", "roster", "notice", "attendance", "attendance-2", "assessment", "followup",
  "claim", "quarterly",
};

typedef struct
{
  char *dir;
  char *db;                     /* not created until a verb creates it */
} Fixture;

typedef struct
{
  int status;
  char *out;
  char *err;
  gint64 usec;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = td_test_make_dir ("td-cli-packet-XXXXXX");
  f->db = g_build_filename (f->dir, "td.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  td_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* traindesk-cli --db DB VERB ARG at the clock NOW. */
static Run
cli (Fixture *f, const char *verb, const char *arg)
{
  const char *argv[] = { g_getenv ("TD_CLI"), "--db", f->db, verb, arg, NULL };
  g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "TD_NOW", NOW, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) exit_error = NULL;
  Run run = { -1, NULL, NULL, 0 };
  int wait_status = -1;
  gint64 start = g_get_monotonic_time ();

  g_assert_nonnull (argv[0]);
  if (!td_test_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, &run.out, &run.err, &wait_status,
                          &error))
    g_error ("Cannot start %s: %s", argv[0], error->message);
  run.usec = g_get_monotonic_time () - start;
  if (g_spawn_check_wait_status (wait_status, &exit_error))
    run.status = 0;
  else if (g_error_matches (exit_error, G_SPAWN_EXIT_ERROR, exit_error->code))
    run.status = exit_error->code;
  else
    g_error ("the CLI did not exit: %s", exit_error->message);
  g_test_message ("%s %s -> %d in %" G_GINT64_FORMAT " us\n%s%s", verb, arg, run.status,
                  run.usec, run.out, run.err);
  return run;
}

static char *
data_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".xml", NULL);
  return g_build_filename (g_getenv ("TD_TEST_DATA"), "bureau", file, NULL);
}

static char *
read_data (const char *name)
{
  g_autofree char *path = data_path (name);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static char *
write_file (Fixture *f, const char *name, const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* Every output line is "RULE SEVERITY message" with that severity; returns how many. */
static guint
count_lines (const char *out, const char *severity)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) words = g_strsplit (lines[i], " ", 3);
      if (*lines[i] == '\0')
        continue;
      g_assert_cmpuint (g_strv_length (words), ==, 3);
      g_assert_true (g_str_has_prefix (words[0], "R-"));
      if (g_strcmp0 (words[1], severity) == 0)
        n++;
    }
  return n;
}

static gboolean
has_line (const char *out, const char *prefix)
{
  g_autofree char *needle = g_strconcat ("\n", prefix, NULL);
  g_autofree char *text = g_strconcat ("\n", out, NULL);

  return strstr (text, needle) != NULL;
}

static void
test_validate_examples (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = data_path (examples[i]);
      Run run = cli (f, "validate", path);

      g_assert_cmpint (run.status, ==, 0);
      /* no database: the history rules are listed, none is an error or a warning */
      g_assert_cmpuint (count_lines (run.out, "info"), >, 0);
      g_assert_cmpuint (count_lines (run.out, "error"), ==, 0);
      g_assert_cmpuint (count_lines (run.out, "warning"), ==, 0);
      g_assert_true (has_line (run.out, g_str_equal (examples[i], "quarterly")
                                        ? "R-QTR-003 info not checked: no database is open"
                                        : "R-PKT-005 info not checked: no database is open"));
      run_clear (&run);
    }
  /* validate never creates the database */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_validate_broken (Fixture *f, gconstpointer data)
{
  g_autofree char *text = read_data ("filing");
  g_autofree char *broken = cli_replace_once (text, "theory=\"75\"", "theory=\"70\"");
  g_autofree char *path = write_file (f, "broken.xml", broken);
  Run run = cli (f, "validate", path);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (has_line (run.out, "R-PKT-002 error "));
  g_assert_true (has_line (run.out, "R-CLS-003 error "));
  g_assert_cmpuint (count_lines (run.out, "error"), ==, 2);
  run_clear (&run);
}

/* Packet-only warnings: reported, and the packet is valid (exit 0). */
static void
test_validate_warnings (Fixture *f, gconstpointer data)
{
  g_autofree char *filing = read_data ("filing");
  g_autofree char *followup = read_data ("followup");
  g_autofree char *action = cli_replace_once (filing, "<SpecialAction>05</SpecialAction>",
                                          "<SpecialAction>09</SpecialAction>");
  g_autofree char *sealed_action = cli_reseal (action);
  g_autofree char *credit = cli_replace_once (followup, "creditCode=\"91371502MA3C001015\"",
                                          "creditCode=\"91371502MA3C001016\"");
  g_autofree char *sealed_credit = cli_reseal (credit);
  g_autofree char *action_path = write_file (f, "action.xml", sealed_action);
  g_autofree char *credit_path = write_file (f, "credit.xml", sealed_credit);
  Run a = cli (f, "validate", action_path);
  Run c = cli (f, "validate", credit_path);

  g_assert_cmpint (a.status, ==, 0);
  g_assert_true (has_line (a.out, "R-CLS-011 warning "));
  g_assert_cmpuint (count_lines (a.out, "warning"), ==, 1);
  g_assert_cmpuint (count_lines (a.out, "error"), ==, 0);
  g_assert_cmpint (c.status, ==, 0);
  g_assert_true (has_line (c.out, "R-ORG-001 warning "));
  g_assert_cmpuint (count_lines (c.out, "warning"), ==, 1);
  g_assert_cmpuint (count_lines (c.out, "error"), ==, 0);
  run_clear (&a);
  run_clear (&c);
}

static void
test_validate_hostile (Fixture *f, gconstpointer data)
{
  static const char *const hostile[] = {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE Packet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
    "<Packet xmlns=\"urn:lc-hrss:training:1.0\">&x;</Packet>\n",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE Packet [\n <!ENTITY a \"aaaaaaaaaa\">\n"
    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
    " <!ENTITY g \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
    " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
    " <!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n]>\n"
    "<Packet xmlns=\"urn:lc-hrss:training:1.0\">&i;</Packet>\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = write_file (f, "hostile.xml", hostile[i]);
      Run run = cli (f, "validate", path);

      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (has_line (run.out, "R-PKT-001 error "));
      g_assert_null (strstr (run.out, "root:"));
      /* refused before anything is expanded or fetched: the process start dominates */
      g_assert_cmpint (run.usec, <, G_USEC_PER_SEC);
      run_clear (&run);
    }
}

static void
test_import_receipt_unknown (Fixture *f, gconstpointer data)
{
  g_autofree char *receipt = data_path ("receipt-filing");
  Run created = cli (f, "init", NULL);
  Run run = cli (f, "import-receipt", receipt);

  g_assert_cmpint (created.status, ==, 0);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "6513270e-269e-4d37-b2a7-4de452e6b438"));
  g_assert_nonnull (strstr (run.err, "did not write"));
  run_clear (&created);
  run_clear (&run);
}

static void
test_import_catalog (Fixture *f, gconstpointer data)
{
  g_autofree char *shipped = data_path ("catalog-2026-1");
  g_autofree char *text = read_data ("catalog-2026-1");
  g_autofree char *sizes = cli_replace_once (text, "<MinClassSize>10</MinClassSize>",
                                         "<MinClassSize>70</MinClassSize>");
  g_autofree char *version = cli_replace_once (sizes, "version=\"2026-1\"", "version=\"2026-2\"");
  g_autofree char *sizes_path = write_file (f, "sizes.xml", version);
  g_autofree char *truncated = g_strndup (text, strlen (text) / 2);
  g_autofree char *truncated_path = write_file (f, "truncated.xml", truncated);
  g_autofree char *packet = data_path ("filing");
  g_autofree char *renamed = cli_replace_once (text, "version=\"2026-1\"", "version=\"2026-9\"");
  g_autofree char *same_day_path = write_file (f, "same-day.xml", renamed);
  Run missing = cli (f, "import-catalog", shipped);
  Run init = cli (f, "init", NULL);
  Run ok = cli (f, "import-catalog", shipped);
  Run again = cli (f, "import-catalog", shipped);
  Run same_day = cli (f, "import-catalog", same_day_path);
  Run bad_sizes = cli (f, "import-catalog", sizes_path);
  Run bad_xml = cli (f, "import-catalog", truncated_path);
  Run not_catalog = cli (f, "import-catalog", packet);

  /* a mistyped --db is not created: only init creates a database */
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "No such database: "));
  g_assert_cmpint (init.status, ==, 0);
  g_assert_cmpint (ok.status, ==, 0);
  /* the same catalogue again changes nothing and is not an error */
  g_assert_cmpint (again.status, ==, 0);
  /* another version in force from the same day is refused, naming the stored one */
  g_assert_cmpint (same_day.status, ==, 1);
  g_assert_nonnull (strstr (same_day.err, "Catalogue version 2026-9 takes effect on 2026-01-01, "
                                          "the same day as the stored catalogue version 2026-1"));
  g_assert_cmpint (bad_sizes.status, ==, 1);
  g_assert_nonnull (strstr (bad_sizes.err, "MinClassSize 70 is larger than its MaxClassSize 60"));
  g_assert_cmpint (bad_xml.status, ==, 1);
  g_assert_nonnull (strstr (bad_xml.err, "not well-formed XML"));
  g_assert_cmpint (not_catalog.status, ==, 1);
  g_assert_nonnull (strstr (not_catalog.err, "not a catalogue"));
  run_clear (&missing);
  run_clear (&init);
  run_clear (&ok);
  run_clear (&again);
  run_clear (&same_day);
  run_clear (&bad_sizes);
  run_clear (&bad_xml);
  run_clear (&not_catalog);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  td_xml_init ();
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/cli/packet/validate-examples", test_validate_examples);
  ADD ("/cli/packet/validate-broken", test_validate_broken);
  ADD ("/cli/packet/validate-warnings", test_validate_warnings);
  ADD ("/cli/packet/validate-hostile", test_validate_hostile);
  ADD ("/cli/packet/import-receipt-unknown", test_import_receipt_unknown);
  ADD ("/cli/packet/import-catalog", test_import_catalog);
#undef ADD
  return g_test_run ();
}
