/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A ClassFiling element read into the core's records: what the packet checker checks with
 * the filing rules (td-filing-check.h) and what `import-packet` and `class new --from`
 * store. */
#pragma once

#include <libxml/tree.h>

#include "core/td-records.h"

G_BEGIN_DECLS

/* The class of @filing (a ClassFiling element): its Class and Commitment. */
TdClass *td_filing_read_class (xmlNode *filing);
/* Its Teachers (TdTeacher*) and its Timetable's lessons (TdLesson*), in document order,
 * with @class_id set. */
GPtrArray *td_filing_read_teachers (xmlNode *filing, gint64 class_id);
GPtrArray *td_filing_read_lessons (xmlNode *filing, gint64 class_id);

G_END_DECLS
