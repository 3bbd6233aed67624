/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the benchmarks that fill a temporary database: a class, and the database's
 * files removed afterwards. */
#pragma once

#include <glib/gstdio.h>
#include <stdlib.h>

#include "core/td-store.h"

/* A class filed under catalogue "2026-1" (planned size 0: no limit). */
static inline TdClass *
bench_add_class (TdStore *store, const char *code, const char *start, const char *end,
                 int planned_size)
{
  TdClass *klass = td_class_new ();
  g_autoptr (GError) error = NULL;

  klass->code = g_strdup (code);
  klass->title = g_strdup ("bench");
  klass->catalog_version = g_strdup ("2026-1");
  klass->item_code = g_strdup ("6-02-01-01");
  klass->item_name = g_strdup ("中式面点师");
  klass->level = 5;
  g_strlcpy (klass->training_type, "01", 3);
  g_strlcpy (klass->special_action, "01", 3);
  klass->mode = 1;
  g_strlcpy (klass->start_date, start, TD_DATE_LEN);
  g_strlcpy (klass->end_date, end, TD_DATE_LEN);
  klass->planned_size = planned_size;
  g_strlcpy (klass->venue_region, "371502", 7);
  klass->venue_address = g_strdup ("bench");
  klass->certificate = 2;
  klass->assessment_method = g_strdup ("bench");
  if (!td_store_save_class (store, klass, &error))
    g_error ("%s", error->message);
  return klass;
}

/* The database file @db and its -wal and -shm. */
static inline void
bench_remove_db (const char *db)
{
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" :
       g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (db, suffix, NULL);

      g_remove (file);
    }
}

/* The one-minute load average where there is one (-1 elsewhere): shared machines make
 * single timings noisy, so a figure says under what load it was taken. */
static inline double
bench_load_average (void)
{
  g_autofree char *text = NULL;

  return g_file_get_contents ("/proc/loadavg", &text, NULL, NULL) ? g_ascii_strtod (text, NULL)
                                                                   : -1;
}

static inline int
bench_compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @n values (sorts them). */
static inline double
bench_median (double *values, int n)
{
  qsort (values, n, sizeof *values, bench_compare_doubles);
  return values[n / 2];
}
