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

gboolean
td_chain_step (const char *prev_hex, const char *line, char out[65])
{
  guint8 raw[32];
  g_autoptr (GChecksum) sum = NULL;

  if (prev_hex == NULL || strlen (prev_hex) != 64)
    return FALSE;
  for (int i = 0; i < 32; i++)
    {
      int hi = g_ascii_xdigit_value (prev_hex[2 * i]);
      int lo = g_ascii_xdigit_value (prev_hex[2 * i + 1]);
      if (hi < 0 || lo < 0)
        return FALSE;
      raw[i] = (guint8) (hi << 4 | lo);
    }
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sum, raw, sizeof raw);
  g_checksum_update (sum, (const guchar *) line, strlen (line));
  memcpy (out, g_checksum_get_string (sum), 64);
  out[64] = '\0';
  return TRUE;
}
