/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <string.h>

#include "core/td-punch.h"

TdPunch *
td_punch_new (void)
{
  TdPunch *p = g_new0 (TdPunch, 1);

  p->seconds = -1;
  p->lesson_start = -1;
  return p;
}

TdPunch *
td_punch_copy (const TdPunch *punch)
{
  TdPunch *p = g_memdup2 (punch, sizeof *punch);

  p->person_no = g_strdup (punch->person_no);
  p->id_number = g_strdup (punch->id_number);
  p->name = g_strdup (punch->name);
  p->lesson = g_strdup (punch->lesson);
  return p;
}

void
td_punch_free (TdPunch *punch)
{
  if (punch == NULL)
    return;
  g_free (punch->person_no);
  g_free (punch->id_number);
  g_free (punch->name);
  g_free (punch->lesson);
  g_free (punch);
}

TdPunchProblem *
td_punch_problem_new (guint line, char *reason)
{
  TdPunchProblem *p = g_new0 (TdPunchProblem, 1);

  p->line = line;
  p->reason = reason;
  return p;
}

void
td_punch_problem_free (TdPunchProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->reason);
  g_free (problem);
}

char *
td_terminal_number_normalize (const char *text)
{
  g_autofree char *nfkc = NULL;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_strstrip (nfkc);
  if (nfkc[0] == '\0' || strlen (nfkc) > 18)
    return NULL;
  for (p = nfkc; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;
  for (p = nfkc; *p == '0'; p++)
    ;
  return *p != '\0' ? g_strdup (p) : NULL;
}
