/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by td-validator*.c: the history view recomputed from the packet log. */
#pragma once

#include <libxml/tree.h>

#include "core/td-store.h"
#include "packet/td-finding.h"
#include "packet/td-xml-safe.h"

G_BEGIN_DECLS

/* One accepted packet of the view. */
typedef struct
{
  TdPacketLog *log;             /* metadata; content is parsed into doc */
  xmlDoc *doc;
  xmlNode *kind;                /* the element inside Body */
  char *class_code;             /* NULL for a quarterly report */
  gint64 created;               /* µs since the epoch */
  gboolean superseded;          /* named in supersedes by another packet of the view */
  GHashTable *approved;         /* claims: id → TdFen* approved (NULL: all as claimed) */
} TdHPacket;

/* What the view says about one class. */
typedef struct
{
  char *code;
  TdHPacket *first_filing;      /* accepted filing without supersedes (the earliest) */
  TdHPacket *filing;            /* latest accepted filing */
  TdHPacket *roster;            /* latest accepted roster */
  TdHPacket *withdrawals;       /* latest accepted notice with Withdrawal elements */
  char cancel_date[11];         /* of an accepted Cancellation, "" when none */
  GPtrArray *batches;           /* TdHPacket*: accepted attendance, not superseded */
  GPtrArray *all_batches;       /* every accepted attendance batch, by created */
  GPtrArray *assessments;       /* accepted, by created */
  GPtrArray *follow_ups;        /* accepted, by created */
  GPtrArray *claims;            /* accepted, not superseded */
  GHashTable *trainees;         /* id → Trainee element of the latest roster */
  GHashTable *withdrawn;        /* id → date */
  char start[11];
  char end[11];
  TdCatalog *catalog;           /* the Catalog of the class, or NULL */
} TdClassView;

typedef struct
{
  TdStore *store;
  TdFindings *findings;
  xmlDoc *doc;
  xmlNode *kind;
  const char *kind_name;
  char *id;
  char *created;
  gint64 created_us;
  TdDay day;                    /* date of created */
  char *supersedes;
  char *class_code;
  gboolean history;             /* history rules run */
  GPtrArray *view;              /* TdHPacket*, by created */
  GHashTable *classes;          /* code → TdClassView* (built on demand) */
  GHashTable *catalogs;         /* version → TdCatalog* (or a NULL entry: none) */
  TdClassView *klass;           /* this packet's class in the view (history only) */
  TdCatalog *catalog;           /* this packet's Catalog, or NULL */
  char *catalog_unreadable;     /* why a catalogue could not be read from the store, or NULL */
} TdCheck;

/* ---- td-validator.c ---- */
TdClassView *td_check_class (TdCheck *c, const char *code);
TdCatalog *td_check_catalog (TdCheck *c, const char *version);
/* Why a rule cannot be checked when the database cannot be read. */
char *td_check_unreadable (const GError *error);
/* @rule reported as not checked (info), and why. */
void td_check_not_checked (TdCheck *c, const char *rule, const char *reason);
/* Packets of the view of @kind about @code (NULL: any class), by created. */
GPtrArray *td_check_packets (TdCheck *c, const char *kind, const char *code);
void td_check_error (TdCheck *c, const char *rule, const char *ref, xmlNode *node,
                     const char *format, ...) G_GNUC_PRINTF (5, 6);
void td_check_warning (TdCheck *c, const char *rule, const char *ref, xmlNode *node,
                       const char *format, ...) G_GNUC_PRINTF (5, 6);

/* Class facts read from the view's latest filing (NULL/0 when there is none). */
xmlNode *td_class_view_class (TdClassView *cv);       /* ClassFiling/Class */
xmlNode *td_class_view_lesson (TdClassView *cv, const char *lid);
int td_class_view_int (TdClassView *cv, const char *element);
TdHalves td_class_view_planned (TdClassView *cv);      /* theory + practice */
char *td_class_view_text (TdClassView *cv, const char *element);
/* Credited hours of @id in the accepted, not superseded batches. */
TdHalves td_class_view_credited (TdClassView *cv, const char *id);
/* R-SUB-001's attendance rate. */
TdRate td_class_view_rate (TdClassView *cv, const char *id);
/* The trainee's counting Result (latest accepted assessment packet), or NULL. */
xmlNode *td_class_view_result (TdClassView *cv, const char *id);
/* The latest follow-up Record, or NULL. */
xmlNode *td_class_view_follow_up (TdClassView *cv, const char *id);
/* On the roster and not withdrawn on or before @day (0: withdrawn at all). */
gboolean td_class_view_enrolled (TdClassView *cv, const char *id);

/* ---- td-validator-rules.c ---- */
void td_check_common (TdCheck *c);
void td_check_filing (TdCheck *c);
void td_check_roster (TdCheck *c);
void td_check_attendance (TdCheck *c);
void td_check_assessment (TdCheck *c);
void td_check_follow_up (TdCheck *c);
void td_check_claim (TdCheck *c);
void td_check_notice (TdCheck *c);
void td_check_quarterly (TdCheck *c);
/* Catalogue rules that need no history (R-CLS-002 first filing, -006, -009, R-ATT-007). */
void td_check_catalog_only (TdCheck *c);

G_END_DECLS
