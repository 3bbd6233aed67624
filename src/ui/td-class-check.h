/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The filing form's live checks: each finding names its rule (RULES.md).  No GTK. */
#pragma once

#include "core/td-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *rule;             /* "R-CLS-006", or "" for a required field */
  gboolean error;               /* FALSE: a warning */
  const char *field;            /* the name of the form's widget to correct, or NULL */
  char *message;                /* translated */
} TdClassFinding;

void td_class_finding_free (TdClassFinding *finding);

/* Checks @klass (planned hours already set from the timetable) against @catalog (may be
 * NULL: then R-CLS-009 says which catalogue is missing, from those in @store), @lessons
 * (sorted) and @teachers.  @today bounds the filing deadline (R-CLS-002).  Returns
 * TdClassFinding*. */
GPtrArray *td_class_check (TdStore *store, const TdClass *klass, const TdCatalog *catalog,
                           GPtrArray *lessons, GPtrArray *teachers, TdDay today);
/* What an administrator must import for a class starting on @start (ISO) whose catalogue is
 * @catalog (NULL: none in force): the catalogue missing, named by its date or year, and where
 * to import it; NULL when nothing is missing. */
char *td_class_catalog_gap (TdStore *store, const char *start, const TdCatalog *catalog);
/* TRUE when @findings hold an error. */
gboolean td_class_findings_have_error (GPtrArray *findings);

G_END_DECLS
