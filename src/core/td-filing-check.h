/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The class-filing rules of RULES.md (R-CLS-*), written once: the filing form checks a class
 * as it is typed, the packet checker a ClassFiling as it was sent, and `traindesk-cli
 * validate` through the packet checker.  Each finding names its rule.  No GTK, no XML. */
#pragma once

#include "core/td-store.h"

G_BEGIN_DECLS

/* The longest a class may last, from start to end date (R-CLS-001). */
#define TD_FILING_MAX_DAYS 366

/* Who reads the messages: a person filling in the filing form, or one reading a packet
 * (messages that name the packet's elements, as `traindesk-cli validate` prints them). */
typedef enum
{
  TD_FILING_FOR_FORM,
  TD_FILING_FOR_PACKET,
} TdFilingReader;

typedef struct
{
  const char *rule;             /* "R-CLS-006", or "" for a required field */
  gboolean error;               /* FALSE: a warning */
  /* What to correct: a TdClass member ("end_date", "planned_online", "special_action"…),
   * "partner" (the partner employer as a whole), "teachers", "timetable" (no lessons yet),
   * "lesson" (the one at @lesson), or NULL. */
  const char *field;
  guint lesson;                 /* with field "lesson": its index in the lessons checked */
  char *message;                /* translated */
} TdFilingFinding;

void td_filing_finding_free (TdFilingFinding *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdFilingFinding, td_filing_finding_free)

/* A new array of TdFilingFinding*. */
GPtrArray *td_filing_findings_new (void);
/* TRUE when @findings hold an error. */
gboolean td_filing_findings_have_error (GPtrArray *findings);

/* R-CLS-004 (each lesson within the class dates, ending after it starts, with no more hours
 * than its time holds) and R-CLS-005 (no two lessons overlap, each lesson's teacher is one of
 * @teachers, TdTeacher*) for @lessons (TdLesson*, any order) of a class from @start to @end
 * (ISO dates, "" or NULL when not known yet).  Added to @findings, field "lesson". */
void td_filing_check_lessons (GPtrArray *findings, GPtrArray *lessons, const char *start,
                              const char *end, GPtrArray *teachers, TdFilingReader reader);

/* The rules a filing is checked against by itself (RULES.md "(packet)"): R-CLS-001, the
 * lessons' R-CLS-004 and -005, R-CLS-003 (the lessons add up to the planned hours),
 * R-CLS-007, -008 and -011.  Added to @findings. */
void td_filing_check_content (GPtrArray *findings, const TdClass *klass, GPtrArray *lessons,
                              GPtrArray *teachers, TdFilingReader reader);

/* R-CLS-002: a filing of a class starting on @start (ISO) is created on @created at the
 * latest @catalog's lead of working days before the start (td_calendar_filing_deadline()).
 * Added to @findings, field "start_date". */
void td_filing_check_lead (GPtrArray *findings, const char *start, const TdCatalog *catalog,
                           TdDay created, TdFilingReader reader);

/* The rules of the catalogue in force for the class (RULES.md "(catalog)"): R-CLS-009 (the
 * item, for a packet under its name too; a standard for the certificate and level; at
 * least its hours of theory and practice) and R-CLS-006 (the planned size).  Added to
 * @findings. */
void td_filing_check_catalog (GPtrArray *findings, const TdClass *klass,
                              const TdCatalog *catalog, TdFilingReader reader);

/* What the filing form checks: the required fields, td_filing_check_content(), the filing
 * deadline by @today (R-CLS-002), the catalogue item, standard and hours (R-CLS-009) and
 * the planned size (R-CLS-006) against @catalog (NULL: R-CLS-009 says which catalogue is
 * missing, from those in @store, which may be NULL).  @lessons sorted, planned hours
 * already set from them.  Returns TdFilingFinding*. */
GPtrArray *td_filing_check (TdStore *store, const TdClass *klass, const TdCatalog *catalog,
                            GPtrArray *lessons, GPtrArray *teachers, TdDay today);
/* What an administrator must import for a class starting on @start (ISO) whose catalogue is
 * @catalog (NULL: none in force): the catalogue missing, named by its date or year, and where
 * to import it; NULL when nothing is missing. */
char *td_filing_catalog_gap (TdStore *store, const char *start, const TdCatalog *catalog);

G_END_DECLS
