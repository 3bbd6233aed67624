/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules of one assessment result and one follow-up as the forms and the spreadsheet
 * imports check them, so that a value typed on a page and one read from a score sheet are
 * judged alike (RULES.md R-ASM-002/-003/-004, R-EMP-001/-002, schema patterns). */
#pragma once

#include "core/td-records.h"

G_BEGIN_DECLS

/* A score as people type it: "" → -1 (none); 0–100 with at most one decimal (full-width
 * digits accepted) → tenths (85.5 → 855); anything else → -2. */
int td_score_parse (const char *text);
/* Tenths as the forms show them: 855 → "85.5", 850 → "85", -1 → "".  Newly allocated. */
char *td_score_format (int tenths);

/* A certificate number as people type it: trimmed, full-width mapped, upper-cased.  Newly
 * allocated; NULL for NULL. */
char *td_cert_number_normalize (const char *text);
/* Why a passed trainee's certificate number cannot be sent, or NULL: missing; not the
 * schema's 6–32 characters of 0-9, A-Z and '-'; for a skill level certificate (type 2) not
 * Y or S and 21 digits whose 16th character is @level (R-ASM-003).  Translated. */
char *td_cert_number_problem (int type, int level, const char *number);

/* R-ASM-003, what a skill level certificate's number must be: Y or S, then 21 digits, the
 * 16th character the level (@level -1: no level). */
typedef enum
{
  TD_CERT_SKILL_NUMBER_OK,
  TD_CERT_SKILL_NUMBER_FORM,    /* NULL, or not Y or S and 21 digits */
  TD_CERT_SKILL_NUMBER_LEVEL,   /* the 16th character is not @level */
} TdCertSkillNumber;
TdCertSkillNumber td_cert_number_check_skill (const char *number, int level);

/* R-EMP-002: drops what the follow-up's status does not carry (status 3 no employer;
 * 4, 5 and 9 no employer, start date or proof). */
void td_follow_up_apply_status (TdFollowUp *follow_up);
/* Why the follow-up cannot be sent, or NULL: checked on or before the class's end
 * (R-EMP-001); status 1 and 2 without the employer's name and credit code, a start date or
 * a proof, status 3 without a start date or proof (R-EMP-002); a start date after the
 * check.  Translated. */
char *td_follow_up_problem (const TdFollowUp *follow_up, const TdClass *klass);

G_END_DECLS
