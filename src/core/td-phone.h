/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Phone numbers as the schema's PhoneType: mobile 1[3-9]\d{9} or landline 0\d{2,3}-\d{7,8}. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TD_PHONE_ERROR (td_phone_error_quark ())
GQuark td_phone_error_quark (void);

typedef enum
{
  TD_PHONE_ERROR_EMPTY,    /* nothing typed */
  TD_PHONE_ERROR_INVALID,  /* not a mobile or landline number (the message says why) */
} TdPhoneError;

/* Trims, maps full-width digits, drops spaces, a leading +86/0086, and turns a landline
 * written 0635 8212345 or (0635)8212345 into 0635-8212345.  NULL when the result is not a
 * valid phone number (error message names why).  Newly allocated. */
char *td_phone_normalize (const char *input, GError **error);
gboolean td_phone_valid (const char *phone);
/* 138****1234 for mobiles; landlines keep area code and last 4: 0635-***2345. */
char *td_phone_mask (const char *phone);

G_END_DECLS
