/* SPDX-License-Identifier: GPL-3.0-or-later */
/* R-PKT-002: SHA-256 of the Exclusive C14N 1.0 of a packet's Body. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define TD_DIGEST_ERROR (td_digest_error_quark ())
GQuark td_digest_error_quark (void);

typedef enum
{
  TD_DIGEST_ERROR_NO_BODY,       /* no (or more than one) Body element in the namespace */
  TD_DIGEST_ERROR_CANONICALIZE,  /* libxml2 could not canonicalize it */
} TdDigestError;

/* SHA-256 of @data as 64 lower-case hex digits. Newly allocated. */
char *td_sha256_hex (const void *data, gsize len);

/* The canonical bytes of the Body (Exclusive C14N 1.0, no comments, empty inclusive prefix
 * list) as they are in @doc: what R-PKT-002 hashes. */
GBytes *td_digest_body_c14n (xmlDoc *doc, GError **error);
/* SHA-256 of those bytes, 64 lower-case hex digits, or NULL with @error. */
char *td_digest_body (xmlDoc *doc, GError **error);

G_END_DECLS
