/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Imports 10,000 trainees from a CSV file and from an .xlsx workbook into a temporary
 * database, and prints how long each takes (reading, checking and storing; target < 1 s),
 * beside `sqlite3 .import` of the same CSV into a table of its own (goal: ≤ 3×, the median
 * of the rounds, each with the machine's load).  Each side is timed by the wall clock and by
 * its processor time: on a shared machine the wall clock also measures the load, which
 * slows the short anchor (a new process) more than the import; the goal is judged on the
 * processor times, both sides single-threaded. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <xlsxwriter.h>

#include "core/td-idnumber.h"
#include "table/td-roster-import.h"
#include "bench-util.h"

#define N_ROWS 10000

static void
add_catalog (TdStore *store)
{
  g_autoptr (TdCatalog) catalog = td_catalog_new ();
  g_autoptr (GBytes) source = g_bytes_new_static ("<Catalog/>", 10);
  g_autoptr (GError) error = NULL;

  catalog->version = g_strdup ("2026-1");
  g_strlcpy (catalog->effective, "2026-01-01", TD_DATE_LEN);
  catalog->rules.min_age = 16;
  catalog->rules.max_age = 65;
  if (!td_store_add_catalog (store, catalog, source, &error))
    g_error ("%s", error->message);
}

/* Row @i: a name, a distinct valid id number born in 1970–1999, a phone. */
static void
row_values (guint i, char name[16], char id[TD_ID_LEN], char phone[12])
{
  static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄" };
  static const char *const given[] = { "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋" };
  char seventeen[18];

  g_snprintf (name, 16, "%s%s%s", surnames[i % 8], given[(i / 8) % 9], given[(i / 72) % 9]);
  g_snprintf (seventeen, sizeof seventeen, "371502%04u%02u%02u%03u", 1970 + i % 30,
              1 + (i / 30) % 12, 1 + (i / 360) % 28, i % 1000);
  g_snprintf (id, TD_ID_LEN, "%s%c", seventeen, td_id_number_check_char (seventeen));
  g_snprintf (phone, 12, "138%08u", i);
}

static char *
write_csv (const char *dir)
{
  g_autoptr (GString) csv = g_string_new ("姓名,身份证号码,手机号码,文化程度,人员类别,同意日期\n");
  char *path = g_build_filename (dir, "bench.csv", NULL);

  for (guint i = 0; i < N_ROWS; i++)
    {
      char name[16], id[TD_ID_LEN], phone[12];

      row_values (i, name, id, phone);
      g_string_append_printf (csv, "%s,%s,%s,高中,农民工、退役军人,2026-11-02\n", name, id,
                              phone);
    }
  if (!g_file_set_contents (path, csv->str, csv->len, NULL))
    g_error ("cannot write %s", path);
  return path;
}

static char *
write_xlsx (const char *dir)
{
  char *path = g_build_filename (dir, "bench.xlsx", NULL);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, NULL);
  lxw_format *date = workbook_add_format (wb);
  lxw_datetime consent = { 2026, 11, 2, 0, 0, 0 };
  const char *headers[] = { "姓名", "身份证号码", "手机号码", "文化程度", "人员类别",
                            "同意日期" };

  format_set_num_format (date, "yyyy-mm-dd");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (ws, 0, c, headers[c], NULL);
  for (guint i = 0; i < N_ROWS; i++)
    {
      char name[16], id[TD_ID_LEN], phone[12];

      row_values (i, name, id, phone);
      worksheet_write_string (ws, i + 1, 0, name, NULL);
      worksheet_write_string (ws, i + 1, 1, id, NULL);
      worksheet_write_number (ws, i + 1, 2, g_ascii_strtod (phone, NULL), NULL);
      worksheet_write_string (ws, i + 1, 3, "高中", NULL);
      worksheet_write_string (ws, i + 1, 4, "农民工、退役军人", NULL);
      worksheet_write_datetime (ws, i + 1, 5, &consent, date);
    }
  if (workbook_close (wb) != LXW_NO_ERROR)
    g_error ("cannot write %s", path);
  return path;
}

/* Seconds `sqlite3 .import` takes to load @csv into a new table of a new database, or -1
 * without the sqlite3 program; its processor seconds in @cpu (-1 where unknown). */
static double
sqlite3_import_seconds (const char *dir, const char *csv, double *cpu)
{
  g_autofree char *db = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *import = g_strdup_printf (".import %s roster", csv);
  const char *argv[] = { "sqlite3", db, "-cmd", ".mode csv", import, ".quit", NULL };
  double cpu0 = bench_children_cpu_seconds ();
  gint64 t0 = g_get_monotonic_time ();
  int status = 0;
  gboolean ok = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                              | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                              NULL, NULL, NULL, &status, NULL)
                && g_spawn_check_wait_status (status, NULL);
  double seconds = (g_get_monotonic_time () - t0) / 1e6;

  *cpu = cpu0 < 0 ? -1 : bench_children_cpu_seconds () - cpu0;
  g_remove (db);
  return ok ? seconds : -1;
}

/* Wall seconds of the import of @path into a new class; its processor seconds in @cpu. */
static double
bench_one (TdStore *store, const char *code, const char *date, const char *path,
           const char *label, double *cpu)
{
  /* planned size 0: no size limit, the bench measures the import itself */
  g_autoptr (TdClass) klass = bench_add_class (store, code, date, date, 0);
  g_autoptr (TdRosterImport) imp = NULL;
  g_autoptr (GError) error = NULL;
  double cpu0 = bench_cpu_seconds ();
  gint64 start = g_get_monotonic_time ();
  gint64 loaded;
  guint n = 0;

  imp = td_roster_import_new (store, code, &error);
  if (imp == NULL || !td_roster_import_load_file (imp, path, NULL, &error))
    g_error ("%s", error->message);
  loaded = g_get_monotonic_time ();
  double cpu_loaded = bench_cpu_seconds ();
  gint64 end;

  if (!td_roster_import_commit (imp, FALSE, NULL, NULL, NULL, &n, &error))
    g_error ("%s", error->message);
  end = g_get_monotonic_time ();
  *cpu = bench_cpu_seconds () - cpu0;
  printf ("import %-5s %u rows: read+check %.3f s, store %.3f s, total %.3f s (processor "
          "%.3f s: %.3f + %.3f)%s\n", label, n, (loaded - start) / 1e6, (end - loaded) / 1e6,
          (end - start) / 1e6, *cpu, cpu_loaded - cpu0, *cpu - (cpu_loaded - cpu0),
          end - start < G_USEC_PER_SEC ? "" : "  (over the 1 s target)");
  return (end - start) / 1e6;
}

/* The CSV import is measured ROUNDS times, each into a new database beside `sqlite3
 * .import` of the same file run right after it (the anchor, under the same load); the
 * figure is the median of the rounds' ratios. */
#define ROUNDS 5

static TdStore *
new_store (const char *db)
{
  g_autoptr (GError) error = NULL;
  TdStore *store;

  bench_remove_db (db);
  store = td_store_open (db, TD_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  add_catalog (store);
  return store;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("td-bench-import-XXXXXX", &error);
  g_autofree char *db = NULL, *csv = NULL, *xlsx = NULL;
  g_autoptr (TdStore) store = NULL;
  double ratio[ROUNDS], cpu_ratio[ROUNDS], best = G_MAXDOUBLE, best_cpu = G_MAXDOUBLE;
  double best_plain = G_MAXDOUBLE, best_plain_cpu = G_MAXDOUBLE, cpu, plain_cpu;
  gboolean anchored = TRUE, anchored_cpu = TRUE;

  setlocale (LC_ALL, "");
  g_setenv ("TD_TODAY", "2026-11-26", TRUE);
  if (dir == NULL)
    g_error ("%s", error->message);
  db = g_build_filename (dir, "bench.db", NULL);
  csv = write_csv (dir);
  xlsx = write_xlsx (dir);
  for (int r = 0; r < ROUNDS; r++)
    {
      double load = bench_load_average (), seconds, plain;

      g_clear_object (&store);
      store = new_store (db);
      printf ("round %d (load %.1f): ", r + 1, load);
      seconds = bench_one (store, "BENCH-CSV", "2026-12-01", csv, "csv", &cpu);
      plain = sqlite3_import_seconds (dir, csv, &plain_cpu);
      ratio[r] = plain > 0 ? seconds / plain : -1;
      cpu_ratio[r] = plain_cpu > 0 ? cpu / plain_cpu : -1;
      anchored = anchored && plain > 0;
      anchored_cpu = anchored_cpu && plain_cpu > 0;
      best = MIN (best, seconds);
      best_cpu = MIN (best_cpu, cpu);
      best_plain = MIN (best_plain, plain);
      best_plain_cpu = MIN (best_plain_cpu, plain_cpu);
      if (plain > 0)
        printf ("  beside sqlite3 .import of the same CSV (%.3f s, processor %.3f s): %.1fx, "
                "processor %.1fx\n", plain, plain_cpu, ratio[r], cpu_ratio[r]);
    }
  if (anchored)
    printf ("roster import / sqlite3 .import of the same CSV, wall clock: median of %d rounds "
            "%.1fx, best/best %.1fx (%.3f s / %.3f s)\n", ROUNDS, bench_median (ratio, ROUNDS),
            best / best_plain, best, best_plain);
  if (anchored_cpu)
    {
      double m = bench_median (cpu_ratio, ROUNDS);

      printf ("roster import / sqlite3 .import of the same CSV, processor time: median of %d "
              "rounds %.1fx, best/best %.1fx (%.3f s / %.3f s)  (goal <= 3x)%s\n", ROUNDS, m,
              best_cpu / best_plain_cpu, best_cpu, best_plain_cpu, m <= 3 ? "" : "  OVER");
    }
  /* The same people again in a later class: the store reuses their rows. */
  bench_one (store, "BENCH-XLSX", "2026-12-21", xlsx, "xlsx", &cpu);
  g_clear_object (&store);
  g_remove (csv);
  g_remove (xlsx);
  bench_remove_db (db);
  g_rmdir (dir);
  return 0;
}
