/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <string.h>

#include "core/td-chain.h"

char *
td_chain_line (const char *date, const char *lesson, const char *id_number, char status,
               const char *time_in, const char *time_out, const char *hours, const char *method)
{
  return g_strdup_printf ("%s|%s|%s|%c|%s|%s|%s|%s\n", date, lesson, id_number, status,
                          time_in != NULL ? time_in : "", time_out != NULL ? time_out : "",
                          hours, method);
}

/* 0-15 for a hex digit, -1 otherwise (the step runs once per record: no call per digit) */
static int
xdigit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

gboolean
td_chain_decode (const char *prev_hex, guint8 raw[32])
{
  if (prev_hex == NULL)
    return FALSE;
  for (int i = 0; i < 32; i++)
    {
      /* the end of the string is no digit: a short value stops here */
      int hi = xdigit (prev_hex[2 * i]);
      int lo = hi < 0 ? -1 : xdigit (prev_hex[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      raw[i] = (guint8) (hi << 4 | lo);
    }
  return prev_hex[64] == '\0';
}

void
td_chain_encode (const guint8 raw[32], char out[65])
{
  static const char hex[] = "0123456789abcdef";

  for (int i = 0; i < 32; i++)
    {
      out[2 * i] = hex[raw[i] >> 4];
      out[2 * i + 1] = hex[raw[i] & 15];
    }
  out[64] = '\0';
}

gboolean
td_chain_step (const char *prev_hex, const char *line, char out[65])
{
  guint8 raw[32];
  GChecksum *sum;

  gsize len = sizeof raw;

  if (!td_chain_decode (prev_hex, raw))
    return FALSE;
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sum, raw, sizeof raw);
  g_checksum_update (sum, (const guchar *) line, strlen (line));
  g_checksum_get_digest (sum, raw, &len);
  g_checksum_free (sum);
  td_chain_encode (raw, out);
  return TRUE;
}

static void
feed (GChecksum *sum, const char *field, char sep)
{
  if (field != NULL)
    g_checksum_update (sum, (const guchar *) field, strlen (field));
  g_checksum_update (sum, (const guchar *) &sep, 1);
}

void
td_chain_step_raw (guint8 h[32], const char *date, const char *lesson, const char *id_number,
                   char status, const char *time_in, const char *time_out, const char *hours,
                   const char *method)
{
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA256);
  char st[2] = { status, '|' };
  gsize len = 32;

  g_checksum_update (sum, h, 32);
  feed (sum, date, '|');
  feed (sum, lesson, '|');
  feed (sum, id_number, '|');
  g_checksum_update (sum, (const guchar *) st, 2);
  feed (sum, time_in, '|');
  feed (sum, time_out, '|');
  feed (sum, hours, '|');
  feed (sum, method, '\n');
  g_checksum_get_digest (sum, h, &len);
  g_checksum_free (sum);
}

gboolean
td_chain_step_record (const char *prev_hex, const char *date, const char *lesson,
                      const char *id_number, char status, const char *time_in,
                      const char *time_out, const char *hours, const char *method,
                      char out[65])
{
  guint8 raw[32];

  if (!td_chain_decode (prev_hex, raw))
    return FALSE;
  td_chain_step_raw (raw, date, lesson, id_number, status, time_in, time_out, hours, method);
  td_chain_encode (raw, out);
  return TRUE;
}
