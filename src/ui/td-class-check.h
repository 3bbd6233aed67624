/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The filing form's live checks: each finding names its rule (RULES.md).  No GTK. */
#pragma once

#include "core/td-records.h"

G_BEGIN_DECLS

typedef struct
{
  const char *rule;             /* "R-CLS-006", or "" for a required field */
  gboolean error;               /* FALSE: a warning */
  char *message;                /* translated */
} TdClassFinding;

void td_class_finding_free (TdClassFinding *finding);

/* Checks @klass (planned hours already set from the timetable) against @catalog (may be
 * NULL: then R-CLS-006/009 say no catalogue is in force), @lessons (sorted) and @teachers.
 * @today bounds the filing deadline (R-CLS-002).  Returns TdClassFinding*. */
GPtrArray *td_class_check (const TdClass *klass, const TdCatalog *catalog, GPtrArray *lessons,
                           GPtrArray *teachers, TdDay today);
/* TRUE when @findings hold an error. */
gboolean td_class_findings_have_error (GPtrArray *findings);

G_END_DECLS
