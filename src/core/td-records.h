/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plain records of the domain: what the store keeps and the packets carry.
 * Dates are YYYY-MM-DD, times hh:mm:ss, "" when absent; hours in halves (td-hours.h);
 * money in fen and rates in ten-thousandths (td-money.h). */
#pragma once

#include <glib.h>

#include "core/td-date.h"
#include "core/td-hours.h"
#include "core/td-money.h"

G_BEGIN_DECLS

#define TD_DATE_LEN 11  /* "2026-03-02" + NUL */
#define TD_TIME_LEN 9   /* "08:00:00" + NUL */
#define TD_INSTANT_LEN 26 /* "2026-02-20T09:30:00+08:00" + NUL */
#define TD_UUID_LEN 37
#define TD_DIGEST_LEN 65
#define TD_ID_LEN 19    /* 18 characters + NUL */

/* ---- institution ------------------------------------------------------- */

typedef struct
{
  char *credit_code;    /* 统一社会信用代码 */
  char *name;
  char *license_no;     /* 办学许可证号, may be NULL */
  char *region;         /* one of Liaocheng's divisions, e.g. "371502" */
  char *contact_name;
  char *contact_phone;
  char *legal_rep;      /* 法定代表人: signs the commitment and the claim declaration */
  char *account_name;   /* bank account for claims */
  char *bank;
  char *account;
} TdInstitution;

TdInstitution *td_institution_new (void);
TdInstitution *td_institution_copy (const TdInstitution *inst);
void td_institution_free (TdInstitution *inst);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdInstitution, td_institution_free)

/* ---- catalogue --------------------------------------------------------- */

typedef struct
{
  int filing_lead_workdays;
  int min_class_size;
  int max_class_size;
  int min_age;
  int max_age;
  TdRate min_attendance_rate;
  int max_subsidies_per_year;
  int employment_window_days;
  TdRate employment_uplift_rate;
  int claim_window_days;
} TdCatalogRules;

typedef struct
{
  int certificate;      /* 1–6 */
  int level;            /* 0–5 */
  TdFen amount;
  TdFen per_hour;       /* -1 when the standard is not per hour */
  TdHalves min_hours;
} TdStandard;

typedef struct
{
  char *code;
  char *name;
  char *kind;           /* OCC SPEC START */
  gboolean shortage;
  gboolean green;
  gboolean digital;
  GArray *standards;    /* TdStandard */
} TdCatalogItem;

typedef struct
{
  char *version;        /* "2026-1" */
  char effective[TD_DATE_LEN];
  TdCatalogRules rules;
  TdCalendar *calendar;
  GPtrArray *items;     /* TdCatalogItem*, owned */
} TdCatalog;

TdCatalogItem *td_catalog_item_new (void);
void td_catalog_item_free (TdCatalogItem *item);
TdCatalog *td_catalog_new (void);
void td_catalog_free (TdCatalog *catalog);
const TdCatalogItem *td_catalog_find_item (const TdCatalog *catalog, const char *code);
const TdStandard *td_catalog_item_find_standard (const TdCatalogItem *item, int certificate,
                                                 int level);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCatalogItem, td_catalog_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCatalog, td_catalog_free)

/* ---- class, teachers, timetable ----------------------------------------- */

typedef enum
{
  TD_CLASS_DRAFT,       /* no filing sent yet */
  TD_CLASS_AWAITING_RECEIPT, /* filing exported, no receipt has accepted it yet */
  TD_CLASS_FILED,       /* filing accepted by a receipt, not started */
  TD_CLASS_RUNNING,     /* start ≤ today ≤ end */
  TD_CLASS_FINISHED,    /* after end */
  TD_CLASS_CANCELLED,
} TdClassStatus;

/* "draft", "awaiting", "filed", "running", "finished", "cancelled": stable tokens for
 * `list classes`. */
const char *td_class_status_token (TdClassStatus status);
/* The UI's name for the status (translated). */
const char *td_class_status_label (TdClassStatus status);

typedef struct
{
  gint64 id;
  char *code;                   /* 班级编号 */
  char *title;
  char *catalog_version;        /* the Catalog of the class (RULES.md) */
  char *item_code;
  char *item_name;
  int level;                    /* 0–5 */
  char training_type[3];        /* "01" … "07" */
  char special_action[3];       /* "01" … "09" */
  int project_mode;             /* 0–3 */
  int mode;                     /* 1–3 */
  char start_date[TD_DATE_LEN];
  char end_date[TD_DATE_LEN];
  TdHalves planned_theory;
  TdHalves planned_practice;
  TdHalves planned_online;
  int planned_size;
  char venue_region[7];
  char *venue_address;
  char *online_platform;        /* NULL unless mode 2 or 3 */
  int funding_source;           /* 1–6, 9 */
  int certificate;              /* AssessmentPlan/@certificate */
  char *assessment_method;
  char *partner_credit_code;    /* project mode ≠ 0 */
  char *partner_name;
  int partner_positions;
  char *commitment_signed_by;
  char commitment_date[TD_DATE_LEN];
  char *filing_no;              /* from the filing's receipt, NULL until then */
  char cancel_date[TD_DATE_LEN];
  char *cancel_reason;
  /* the assessment (结业考核) */
  char exam_theory_date[TD_DATE_LEN];
  char exam_practice_date[TD_DATE_LEN];
  char *evaluator;
  char *exam_place;
  /* the claim's payee: 1 institution, 2 trainees, 3 employer */
  int payee_type;
  /* the row version it was read at (0: not read from the store); a save refuses when
   * another desk changed the class since (TD_STORE_ERROR_CONFLICT) */
  gint64 row_version;
} TdClass;

TdClass *td_class_new (void);
TdClass *td_class_copy (const TdClass *klass);
void td_class_free (TdClass *klass);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdClass, td_class_free)

/* One line of `list classes` and of the class lists in the GUI. */
typedef struct
{
  gint64 id;
  char *code;
  char *title;
  TdClassStatus status;
  char start_date[TD_DATE_LEN];
  char end_date[TD_DATE_LEN];
  int planned_size;
  int enrolled;                 /* on the roster and not withdrawn */
  char *filing_no;
  char special_action[3];
  char *item_name;
} TdClassSummary;

void td_class_summary_free (TdClassSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdClassSummary, td_class_summary_free)

typedef struct
{
  gint64 id;
  gint64 class_id;
  char *tid;                    /* "T1": the filing's Teacher/@id */
  char *name;
  char *id_number;
  char *qualification;
} TdTeacher;

TdTeacher *td_teacher_new (void);
void td_teacher_free (TdTeacher *teacher);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdTeacher, td_teacher_free)

typedef struct
{
  gint64 id;
  gint64 class_id;
  char *lid;                    /* "L01A": the filing's Lesson/@id */
  char date[TD_DATE_LEN];
  char start[TD_TIME_LEN];
  char end[TD_TIME_LEN];
  TdHalves hours;
  char kind;                    /* 'T' theory, 'P' practice */
  gboolean online;
  char *teacher;                /* a TdTeacher's tid */
  char *content;                /* 授课内容 */
  gint64 row_version;           /* as TdClass's */
} TdLesson;

TdLesson *td_lesson_new (void);
TdLesson *td_lesson_copy (const TdLesson *lesson);
void td_lesson_free (TdLesson *lesson);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdLesson, td_lesson_free)

/* ---- trainees and the roster -------------------------------------------- */

typedef struct
{
  gint64 id;
  char id_number[TD_ID_LEN];    /* 18 characters, normalised */
  char *name;
  int gender;                   /* 1 male, 2 female */
  char birth_date[TD_DATE_LEN];
  char *phone;
  char education[3];            /* GB/T 4658 code */
  char household_region[7];
  gint64 row_version;           /* as TdClass's */
} TdTrainee;

TdTrainee *td_trainee_new (void);
TdTrainee *td_trainee_copy (const TdTrainee *trainee);
void td_trainee_free (TdTrainee *trainee);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdTrainee, td_trainee_free)

/* A trainee on a class's roster. */
typedef struct
{
  gint64 id;
  gint64 class_id;
  TdTrainee trainee;            /* the person (its id is the trainee's row) */
  int position;                 /* order on the roster, from 1 */
  char *categories;             /* "03,07": category codes, comma-separated, sorted */
  int employment_before;        /* EmploymentStatusCode */
  char consent_date[TD_DATE_LEN];
  char withdrawn_date[TD_DATE_LEN];  /* "" unless withdrawn (退训) */
  char *withdrawn_reason;
  char *bank;                   /* the trainee's own account, for payee type 2 */
  char *account;
  gint64 row_version;           /* the enrolment's, as TdClass's (the person's: trainee's) */
} TdEnrolment;

TdEnrolment *td_enrolment_new (void);
TdEnrolment *td_enrolment_copy (const TdEnrolment *enrolment);
void td_enrolment_free (TdEnrolment *enrolment);
/* TRUE when @categories (comma-separated) holds @code. */
gboolean td_enrolment_has_category (const TdEnrolment *enrolment, const char *code);
/* R-ATT-002: TRUE when @enrolment is on the roster on @date (ISO): it did not withdraw
 * before that day. */
gboolean td_enrolment_on_roster (const TdEnrolment *enrolment, const char *date);
/* TRUE when @lesson is given to @enrolment: the trainee is on the roster that day and the
 * class was not cancelled before it. */
gboolean td_lesson_offered (const TdClass *klass, const TdLesson *lesson,
                            const TdEnrolment *enrolment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdEnrolment, td_enrolment_free)

/* ---- attendance ------------------------------------------------------- */

typedef struct
{
  gint64 id;
  gint64 class_id;
  gint64 seq;                   /* position in the class's chain, from 1 */
  gint64 lesson_id;
  char lid[17];
  char date[TD_DATE_LEN];       /* the lesson's date */
  gint64 trainee_id;
  char id_number[TD_ID_LEN];
  char status;                  /* P L E V A */
  char time_in[TD_TIME_LEN];    /* "" for A and V */
  char time_out[TD_TIME_LEN];
  TdHalves hours;               /* credited, computed by the store */
  char method[8];               /* FACE CARD QR ONLINE MANUAL */
  char hash[TD_DIGEST_LEN];     /* chain value after this record */
  char *packet_id;              /* the attendance packet that carried it, NULL while pending */
  char *restates;               /* pending correction: the sent packet it restates, or NULL */
  gboolean replaced;            /* a later record of the same lesson and trainee exists */
} TdAttendance;

TdAttendance *td_attendance_new (void);
TdAttendance *td_attendance_copy (const TdAttendance *record);
void td_attendance_free (TdAttendance *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdAttendance, td_attendance_free)

/* ---- assessment, follow-up, claims -------------------------------------- */

typedef struct
{
  gint64 id;
  gint64 class_id;
  gint64 trainee_id;
  char id_number[TD_ID_LEN];
  int theory;                   /* score in tenths (85.5 → 855), -1 none */
  int practice;
  int outcome;                  /* 1 passed, 2 failed, 3 absent */
  gboolean retake;
  int cert_type;                /* 0 when no certificate */
  int cert_level;
  char *cert_number;
  char cert_issued[TD_DATE_LEN];
  char *cert_issuer;
} TdResult;

TdResult *td_result_new (void);
TdResult *td_result_copy (const TdResult *result);
void td_result_free (TdResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdResult, td_result_free)

typedef struct
{
  gint64 id;
  gint64 class_id;
  gint64 trainee_id;
  char id_number[TD_ID_LEN];
  char checked[TD_DATE_LEN];
  int status;                   /* EmploymentStatusCode */
  char *employer_credit_code;
  char *employer_name;
  char since[TD_DATE_LEN];
  int proof;                    /* 0 none */
  TdFen monthly_wage;           /* -1 none */
} TdFollowUp;

TdFollowUp *td_follow_up_new (void);
TdFollowUp *td_follow_up_copy (const TdFollowUp *follow_up);
void td_follow_up_free (TdFollowUp *follow_up);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdFollowUp, td_follow_up_free)

typedef struct
{
  gint64 trainee_id;
  char id_number[TD_ID_LEN];
  int certificate;
  int level;
  TdRate attendance_rate;
  TdFen standard;
  TdFen uplift;
  TdFen amount;
  char *bank;                   /* payee type 2 only */
  char *account;
  TdFen approved;               /* from the receipt; -1 until then */
} TdClaimLine;

typedef struct
{
  gint64 id;
  gint64 class_id;
  char *packet_id;
  char *catalog_version;
  int payee_type;
  char *account_name;
  char *bank;
  char *account;
  char *signed_by;
  char date[TD_DATE_LEN];
  int count;
  TdFen total;
  TdFen approved;               /* -1 until the receipt */
  GPtrArray *lines;             /* TdClaimLine*, owned */
} TdClaim;

TdClaimLine *td_claim_line_new (void);
void td_claim_line_free (TdClaimLine *line);
TdClaim *td_claim_new (void);
void td_claim_free (TdClaim *claim);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdClaimLine, td_claim_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdClaim, td_claim_free)

/* ---- packet log --------------------------------------------------------- */

typedef enum
{
  TD_PACKET_DRAFT,              /* written, not yet marked as sent */
  TD_PACKET_SENT,               /* waiting for the receipt */
  TD_PACKET_ACCEPTED,
  TD_PACKET_ACCEPTED_WITH_WARNINGS,
  TD_PACKET_REJECTED,
  TD_PACKET_WRITING,            /* logged, its file not yet in place (td_store_finish_packet) */
} TdPacketStatus;

const char *td_packet_status_token (TdPacketStatus status);    /* "sent", … */
const char *td_packet_status_label (TdPacketStatus status);    /* translated */
gboolean td_packet_status_accepted (TdPacketStatus status);

/* Packet kinds as the CLI names them and the Body element they write. */
typedef enum
{
  TD_KIND_FILING,               /* ClassFiling */
  TD_KIND_ROSTER,               /* Roster */
  TD_KIND_ATTENDANCE,           /* Attendance */
  TD_KIND_ASSESSMENT,           /* Assessment */
  TD_KIND_FOLLOWUP,             /* EmploymentFollowUp */
  TD_KIND_CLAIM,                /* SubsidyClaim */
  TD_KIND_NOTICE,               /* ClassNotice */
  TD_KIND_QUARTERLY,            /* QuarterlyReport */
  TD_N_KINDS
} TdPacketKind;

const char *td_packet_kind_token (TdPacketKind kind);        /* "filing", … "quarterly" */
const char *td_packet_kind_element (TdPacketKind kind);      /* "ClassFiling", … */
const char *td_packet_kind_label (TdPacketKind kind);        /* translated */
/* From a token or a Body element name; FALSE when unknown. */
gboolean td_packet_kind_from_string (const char *text, TdPacketKind *kind);

typedef struct
{
  char *rule;                   /* "R-ATT-005" */
  char *severity;               /* "error" "warning" */
  char *ref;                    /* may be NULL */
  char *message;
} TdPacketIssue;

void td_packet_issue_free (TdPacketIssue *issue);

typedef struct
{
  char id[TD_UUID_LEN];
  TdPacketKind kind;
  gint64 class_id;              /* 0 for a quarterly report */
  char *class_code;
  int year;                     /* quarterly only */
  int quarter;
  char created[TD_INSTANT_LEN];
  char digest[TD_DIGEST_LEN];
  char *file;                   /* where it was written */
  TdPacketStatus status;
  char *supersedes;             /* NULL or a packet id */
  char *filing_no;              /* from its receipt (filings) */
  TdFen approved;               /* from its receipt (claims), -1 */
  char received[TD_INSTANT_LEN];
  char issued[TD_INSTANT_LEN];  /* the receipt's decision instant */
  GBytes *content;              /* the packet bytes; only from td_store_get_packet () */
  GBytes *receipt;              /* the receipt bytes; only from td_store_get_packet () */
  GPtrArray *issues;            /* TdPacketIssue*; only from td_store_get_packet () */
} TdPacketLog;

TdPacketLog *td_packet_log_new (void);
void td_packet_log_free (TdPacketLog *log);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPacketLog, td_packet_log_free)

/* ---- audit ------------------------------------------------------------- */

typedef struct
{
  gint64 id;
  char *at;                     /* local time, 2026-11-26T19:00:00 */
  char *table_name;
  gint64 row;
  char *op;                     /* insert update delete */
  char *old_values;             /* JSON object, NULL for insert */
  char *new_values;             /* JSON object, NULL for delete */
  char *who;                    /* on a server: the role signed in; NULL on SQLite */
} TdAuditEntry;

void td_audit_entry_free (TdAuditEntry *entry);

G_END_DECLS
