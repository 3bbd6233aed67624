/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Citizen id numbers (公民身份号码, GB 11643): normalise, check, read. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TD_ID_NUMBER_ERROR (td_id_number_error_quark ())
GQuark td_id_number_error_quark (void);

typedef enum
{
  TD_ID_NUMBER_ERROR_EMPTY,        /* nothing typed */
  TD_ID_NUMBER_ERROR_LENGTH,       /* not 15 or 18 characters */
  TD_ID_NUMBER_ERROR_CHARACTERS,   /* a character other than digits (and a final X) */
  TD_ID_NUMBER_ERROR_REGION,       /* first digit 0 */
  TD_ID_NUMBER_ERROR_BIRTH_DATE,   /* positions 7–14 not a real date, or in the future */
  TD_ID_NUMBER_ERROR_CHECK_DIGIT,  /* R-ID-001 */
} TdIdNumberError;

/* Trims white space, maps full-width digits/letters to half-width, upper-cases x,
 * and upgrades a valid 15-digit number (19YYMMDD…) to 18 digits with its check digit.
 * Returns a newly allocated 18-character string, or NULL with an error whose message
 * (translated) says what is wrong.  @today_iso (YYYY-MM-DD or NULL for the real date)
 * bounds the birth date. */
char *td_id_number_normalize (const char *input, const char *today_iso, GError **error);

/* TRUE when @id is 18 characters [0-9]{17}[0-9X] whose check digit is right (R-ID-001). */
gboolean td_id_number_check_digit_ok (const char *id);
/* The check character for the first 17 digits of @id17 ('0'..'9' or 'X'), or 0 if not digits. */
char td_id_number_check_char (const char *id17);

/* Birth date as YYYY-MM-DD into @out (11 bytes); FALSE when not a real date. */
gboolean td_id_number_birth_date (const char *id18, char out[11]);
/* 1 male (odd 17th digit), 2 female, 0 if unreadable. */
int td_id_number_gender (const char *id18);
/* The 6-digit region code (positions 1–6) into @out (7 bytes). */
void td_id_number_region (const char *id18, char out[7]);
/* Age in whole years on @date_iso. -1 if unreadable. */
int td_id_number_age_on (const char *id18, const char *date_iso);
/* "371502********123X": first 6 and last 4 shown, newly allocated. */
char *td_id_number_mask (const char *id18);

G_END_DECLS
