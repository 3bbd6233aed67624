/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small class built through the store API, for the writer and export tests. */
#pragma once

#include "core/td-store.h"
#include "packet/td-export.h"
#include "packet/td-packet-writer.h"

G_BEGIN_DECLS

#define FIX_CLASS "TD2026-001"
#define FIX_FILING_NO "LC2026-000777"
/* When fixture_file_and_roster () files the class and sends its roster, and the receipts. */
#define FIX_FILED "2026-02-20T09:30:00+08:00"
#define FIX_FILING_OK "2026-02-20T10:02:11+08:00"
#define FIX_ROSTER_AT "2026-02-27T16:00:00+08:00"
#define FIX_ROSTER_OK "2026-02-27T17:00:00+08:00"

typedef struct
{
  char *dir;                     /* temporary folder, removed after */
  char *schema;                  /* on a server: the test's schema (tests/td-test-db.h) */
  TdStore *store;
  TdClass *klass;
  gint64 trainees[3];
  gint64 lessons[8];
} Fixture;

/* A fresh database with the default catalogue, the institution, class FIX_CLASS (4 days
 * 2026-03-02 … 03-05, 8 lessons of 5 hours, certificate 4 level 0), 2 teachers and 3
 * trainees.  The outbox setting points into the temporary folder. */
void fixture_set_up (Fixture *f, gconstpointer data);
void fixture_tear_down (Fixture *f, gconstpointer data);

/* Everyone present at lesson @index (0 … 7). */
void fixture_attend (Fixture *f, int index);
/* Exports @kind as of @created; asserts success. */
TdExportResult *fixture_export (Fixture *f, TdPacketKind kind, const char *created);
/* The class filed and its roster sent, both accepted: attendance may be sent. */
void fixture_file_and_roster (Fixture *f);
/* Applies an ACCEPTED receipt issued at @issued (and the filing number for a filing). */
void fixture_accept (Fixture *f, const TdExportResult *r, const char *issued);
/* xmllint --noout --schema data/schema/lc-training-1.0.xsd @path: asserts it passes. */
void fixture_assert_xmllint (const char *path);
/* td_digest_body () of the file equals @digest. */
void fixture_assert_digest (const char *path, const char *digest);
/* The file's bytes. */
GBytes *fixture_read (const char *path);

G_END_DECLS
