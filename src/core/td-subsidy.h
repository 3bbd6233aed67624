/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The subsidy per trainee (RULES.md R-SUB-001…006): the one computation behind the GUI's
 * claim preview, the claim form and the SubsidyClaim packet. */
#pragma once

#include "core/td-store.h"

G_BEGIN_DECLS

typedef enum
{
  TD_SUBSIDY_INCLUDED,
  TD_SUBSIDY_WITHDRAWN,          /* withdrew from the class (R-SUB-001) */
  TD_SUBSIDY_NO_RESULT,          /* no assessment result recorded */
  TD_SUBSIDY_FAILED,             /* outcome 2 (failed) or 3 (absent) */
  TD_SUBSIDY_LOW_ATTENDANCE,     /* below MinAttendanceRate */
  TD_SUBSIDY_NO_STANDARD,        /* the catalogue has no standard for the certificate */
  TD_SUBSIDY_YEARLY_LIMIT,       /* MaxSubsidiesPerYear reached (R-SUB-005) */
  TD_SUBSIDY_SAME_ITEM_LEVEL,    /* already subsidised for this item, certificate and level */
  TD_SUBSIDY_LOWER_LEVEL,        /* a higher level of the item was already subsidised */
  TD_SUBSIDY_NO_ACCOUNT,         /* payee type 2 and the trainee's bank account is missing */
} TdSubsidyReason;

typedef struct
{
  TdEnrolment *enrolment;        /* owned copy: the trainee as on the roster */
  TdSubsidyReason reason;        /* the first reason it is left out */
  char **reasons;                /* every reason it is left out, in the UI language; NULL
                                  * when included */
  char *explanation;             /* the reasons on one line ("; "); NULL when included */
  TdHalves credited;             /* credited hours */
  TdRate attendance_rate;        /* credited / (theory + practice), half up, 4 decimals */
  int certificate;               /* of the trainee's certificate, 0 when none */
  int level;
  TdFen standard;
  TdFen uplift;                  /* standard × EmploymentUpliftRate when the follow-up earns it */
  TdFen amount;                  /* standard + uplift; 0 when left out */
} TdSubsidyLine;

typedef struct
{
  TdClass *klass;
  TdCatalog *catalog;            /* the Catalog of the class */
  GPtrArray *lines;              /* TdSubsidyLine*, every trainee of the roster, roster order */
  int enrolled;                  /* trainees on the roster who did not withdraw: the class's
                                  * trainee count wherever it is shown */
  int withdrawn;                 /* lines of trainees who withdrew */
  int count;                     /* lines included */
  TdFen total;
} TdSubsidyPreview;

void td_subsidy_line_free (TdSubsidyLine *line);
void td_subsidy_preview_free (TdSubsidyPreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdSubsidyPreview, td_subsidy_preview_free)

/* The claim as it stands in the store now. */
TdSubsidyPreview *td_subsidy_preview (TdStore *store, gint64 class_id, GError **error);

/* Theory + practice of the class (the denominator of every attendance rate, R-SUB-001): the
 * sum of its timetable's lessons, which is what the filing carries, or the plan while there
 * is no timetable yet.  @lessons: td_store_list_lessons (). */
TdHalves td_subsidy_planned_hours (const TdClass *klass, GPtrArray *lessons);

/* R-SUB-002: the standard for a certificate and level; per-hour standards pay
 * min(perHour × planned hours, amount).  -1 when the item has no such standard. */
TdFen td_subsidy_standard (const TdCatalogItem *item, int certificate, int level,
                           TdHalves planned);
/* R-SUB-003 / R-EMP-003: whether a follow-up earns the uplift for a class ending @end_date. */
gboolean td_subsidy_follow_up_earns_uplift (const TdFollowUp *follow_up, const char *end_date,
                                            int window_days);
/* A trainee's latest follow-up (latest checked) among @follow_ups, or NULL. */
const TdFollowUp *td_subsidy_latest_follow_up (GPtrArray *follow_ups, gint64 trainee_id);

G_END_DECLS
