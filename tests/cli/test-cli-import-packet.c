/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import-packet and class new --from as a user runs them: the demo's whole history (every
 * packet and receipt, written with packet-file) imported into an empty database gives the
 * same institution, classes, rosters, results, follow-ups, claims and packet log, the same
 * bytes back, and re-exports that are the packets already accepted; a second import changes
 * nothing; a contradiction is refused with the difference named and nothing imported. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-reseal.h"
#include "cli-run.h"

static const char *const classes[] = { "YL2026-011", "CY2026-004", "DG2026-021", "JZ2026-031" };

/* Every packet of @f's database (and its receipt) into @dir; returns the file names. */
static GPtrArray *
write_history (CliFixture *f, const char *dir)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_auto (CliRun) r = { 0 };
  g_auto (GStrv) lines = NULL;

  CLI (&r, f, "list", "packets");
  lines = cli_lines (r.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 21);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (CliRun) w = { 0 };
      g_autofree char *id = g_strndup (lines[i], 36);
      g_autofree char *name = g_strdup_printf ("%s.xml", id);
      g_autofree char *receipt = g_strdup_printf ("%s-receipt.xml", id);
      char *path = g_build_filename (dir, name, NULL);
      char *rpath = g_build_filename (dir, receipt, NULL);

      CLI (&w, f, "packet-file", id, "-o", path, "--receipt", rpath);
      g_assert_cmpint (w.status, ==, 0);
      g_ptr_array_add (files, path);
      g_ptr_array_add (files, rpath);
    }
  return files;
}

/* What the database says, as the CLI prints it; the claim preview of the running class is
 * left out: it counts attendance recorded after the last batch, which no packet carries. */
static char *
dump (CliFixture *f)
{
  GString *out = g_string_new (NULL);
  g_auto (CliRun) r = { 0 };
  static const char *const lists[] = { "trainees", "results", "follow-ups", "claim" };

  CLI (&r, f, "institution", "show");
  g_string_append (out, r.out);
  CLI (&r, f, "list", "classes");
  g_string_append (out, r.out);
  CLI (&r, f, "list", "packets");
  g_string_append (out, r.out);
  for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
    {
      CLI (&r, f, "class", "show", classes[c]);
      g_string_append (out, r.out);
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          if (g_str_equal (classes[c], "DG2026-021") && g_str_equal (lists[l], "claim"))
            continue;
          CLI (&r, f, "list", lists[l], "--class", classes[c], "--show-id");
          g_assert_cmpint (r.status, ==, 0);
          g_string_append (out, r.out);
        }
    }
  CLI (&r, f, "verify");
  g_assert_cmpint (r.status, ==, 0);
  g_string_append (out, r.out);
  return g_string_free (out, FALSE);
}

static void
assert_same_bytes (const char *a, const char *b)
{
  g_autofree char *x = NULL, *y = NULL;
  gsize xn = 0, yn = 0;

  g_assert_true (g_file_get_contents (a, &x, &xn, NULL));
  g_assert_true (g_file_get_contents (b, &y, &yn, NULL));
  g_assert_cmpmem (x, xn, y, yn);
}

static void
import_all (CliFixture *f, GPtrArray *files, CliRun *r)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "import-packet");
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (files, i));
  g_ptr_array_add (argv, NULL);
  cli_run (r, f, (const char *const *) argv->pdata);
}

/* The export of each kind of each finished class, with the new packet's id left out: in
 * both databases the same bytes, or the same answer that the accepted packet says it all. */
static char *
exports (CliFixture *f)
{
  static const char *const kinds[] = { "filing", "roster", "assessment", "followup", "notice",
                                       "claim" };
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < 2; c++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_auto (CliRun) r = { 0 };
        g_autofree char *path = cli_path (f, "probe.xml");
        g_autofree char *text = NULL;
        char *id;

        CLI (&r, f, "export", kinds[k], "--class", classes[c], "-o", path);
        g_string_append_printf (out, "%d %s", r.status, r.err);
        if (r.status != 0)
          {
            g_assert_true (g_str_has_prefix (r.err, "Nothing changed since packet "));
            continue;
          }
        g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
        id = strstr (text, " id=\"");
        g_assert_nonnull (id);
        memset (id + 5, '-', 36);
        g_string_append (out, text);
        g_remove (path);
      }
  return g_string_free (out, FALSE);
}

static void
test_round_trip (CliFixture *a, gconstpointer data)
{
  CliFixture b = { 0 };
  g_auto (CliRun) r = { 0 };
  g_autoptr (GPtrArray) files = NULL, again = NULL;
  g_autofree char *before = NULL, *after = NULL, *twice = NULL;
  g_autofree char *out_a = NULL, *out_b = NULL, *back = NULL;
  g_auto (GStrv) lines = NULL;

  cli_init_demo (a);
  cli_fixture_set_up (&b, NULL);
  out_a = cli_path (a, "history");
  out_b = cli_path (&b, "history");
  g_assert_cmpint (g_mkdir (out_a, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (out_b, 0700), ==, 0);
  files = write_history (a, out_a);
  before = dump (a);

  CLI (&r, &b, "init");
  import_all (&b, files, &r);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  lines = cli_lines (r.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 42);     /* each packet and its receipt */
  g_assert_true (g_str_has_prefix (lines[0], "filing YL2026-011 "));
  g_assert_true (g_str_has_suffix (lines[0], ": stored"));
  g_assert_true (g_str_has_suffix (lines[1], ": receipt applied, Accepted"));
  after = dump (&b);
  g_assert_cmpstr (after, ==, before);

  /* the same bytes back, packets and receipts */
  again = write_history (&b, out_b);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (files, i));
      g_autofree char *other = g_build_filename (out_b, name, NULL);
      assert_same_bytes (g_ptr_array_index (files, i), other);
    }

  /* twice: nothing changes */
  import_all (&b, files, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_strfreev (lines);
  lines = cli_lines (r.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 21);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_str_has_suffix (lines[i], ": already stored"));
  twice = dump (&b);
  g_assert_cmpstr (twice, ==, before);

  /* re-exported (exports log what they write: last) */
  back = exports (&b);
  {
    g_autofree char *orig = exports (a);
    g_assert_cmpstr (back, ==, orig);
  }
  cli_fixture_tear_down (&b, NULL);
}

static char *
filing_of (CliFixture *f, const char *code, char **id)
{
  g_auto (CliRun) r = { 0 };
  g_auto (GStrv) lines = NULL;
  g_autofree char *path = cli_path (f, "filing.xml");
  char *text = NULL;

  CLI (&r, f, "list", "packets", "--class", code);
  lines = cli_lines (r.out);
  lines[0][36] = '\0';
  *id = g_strdup (lines[0]);
  CLI (&r, f, "packet-file", lines[0], "-o", path);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static char *
write_text (CliFixture *f, const char *name, const char *text)
{
  char *path = cli_path (f, name);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

#define JZ_TITLE "家政服务员（五级）就业技能培训2026年第31期"

static void
test_contradictions (CliFixture *a, gconstpointer data)
{
  CliFixture b = { 0 };
  g_auto (CliRun) r = { 0 };
  g_autofree char *filing = NULL, *renamed = NULL, *sealed = NULL;
  g_autofree char *other_id = NULL, *id = NULL, *roster = NULL;
  g_autofree char *path = NULL, *renamed_path = NULL, *same_id_path = NULL;

  cli_init_demo (a);
  filing = filing_of (a, "JZ2026-031", &id);
  path = write_text (a, "jz.xml", filing);
  renamed = cli_replace_once (filing, JZ_TITLE, "家政服务员（五级）2026年第31期");
  sealed = cli_reseal (renamed);
  same_id_path = write_text (a, "jz-same-id.xml", sealed);

  /* the stored packet's id with other content */
  CLI (&r, a, "import-packet", same_id_path);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, ": packet "));
  g_assert_nonnull (strstr (r.err, " is stored with the digest "));
  g_assert_true (g_str_has_suffix (r.err, "Nothing was imported.\n"));

  /* a draft class from the filing, then a filing of it that says otherwise */
  cli_fixture_set_up (&b, NULL);
  CLI (&r, &b, "init");
  CLI (&r, &b, "class", "new", "--from", path);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "Class JZ2026-031 is stored as a draft.\n");
  CLI (&r, &b, "list", "classes");
  g_assert_cmpstr (r.out, ==, "JZ2026-031\t" JZ_TITLE "\tdraft\t2026-12-14\t2026-12-25\t40\t0\n");
  CLI (&r, &b, "list", "packets");
  g_assert_cmpstr (r.out, ==, "");
  CLI (&r, &b, "class", "new", "--from", path);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "Class JZ2026-031 is already stored.\n");

  other_id = cli_replace_once (sealed, id, "00000000-0000-4000-8000-000000000031");
  renamed_path = write_text (&b, "jz-renamed.xml", other_id);
  CLI (&r, &b, "import-packet", renamed_path);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "contradicts what is stored about JZ2026-031:\n"
                                   "  Title: stored “" JZ_TITLE "”, the packet "
                                   "“家政服务员（五级）2026年第31期”\n"));
  g_assert_true (g_str_has_suffix (r.err, "Nothing was imported.\n"));
  CLI (&r, &b, "list", "packets");
  g_assert_cmpstr (r.out, ==, "");

  /* the filing that matches the draft is taken and logged */
  CLI (&r, &b, "import-packet", path);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_suffix (r.out, ": stored\n"));
  CLI (&r, &b, "list", "classes");
  g_assert_nonnull (strstr (r.out, "\tfiled\t"));

  /* not a filing; not a packet */
  roster = write_text (&b, "note.xml", "<note/>");
  CLI (&r, &b, "class", "new", "--from", roster);
  g_assert_cmpint (r.status, ==, 1);
  CLI (&r, &b, "import-packet", roster);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_suffix (r.err, "Nothing was imported.\n"));
  CLI (&r, &b, "import-packet");
  g_assert_cmpint (r.status, ==, 2);
  cli_fixture_tear_down (&b, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TD_TODAY", "2026-11-26", TRUE);
  g_setenv ("TD_NOW", "2026-11-26T10:00:00+08:00", TRUE);
  g_test_add ("/cli/import-packet/round-trip", CliFixture, NULL, cli_fixture_set_up,
              test_round_trip, cli_fixture_tear_down);
  g_test_add ("/cli/import-packet/contradictions", CliFixture, NULL, cli_fixture_set_up,
              test_contradictions, cli_fixture_tear_down);
  return g_test_run ();
}
