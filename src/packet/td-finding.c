/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-finding"

#include "config.h"

#include "packet/td-finding.h"

TdFinding *
td_finding_new (const char *rule,
                TdSeverity  severity,
                const char *ref,
                int         line,
                const char *message)
{
  TdFinding *finding;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  finding = g_new0 (TdFinding, 1);
  finding->rule = g_strdup (rule);
  finding->severity = severity;
  finding->ref = g_strdup (ref);
  finding->line = line;
  finding->message = g_strdup (message);
  return finding;
}

TdFinding *
td_finding_copy (const TdFinding *finding)
{
  g_return_val_if_fail (finding != NULL, NULL);

  return td_finding_new (finding->rule, finding->severity, finding->ref, finding->line,
                         finding->message);
}

void
td_finding_free (TdFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->rule);
  g_free (finding->ref);
  g_free (finding->message);
  g_free (finding);
}

const char *
td_severity_to_string (TdSeverity severity)
{
  switch (severity)
    {
    case TD_SEVERITY_ERROR:
      return "error";
    case TD_SEVERITY_WARNING:
      return "warning";
    case TD_SEVERITY_INFO:
    default:
      return "info";
    }
}

char *
td_finding_format (const TdFinding *finding)
{
  g_return_val_if_fail (finding != NULL, NULL);

  return g_strdup_printf ("%s %s %s", finding->rule, td_severity_to_string (finding->severity),
                          finding->message);
}

TdFindings *
td_findings_new (void)
{
  TdFindings *findings = g_new0 (TdFindings, 1);

  findings->items = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);
  return findings;
}

void
td_findings_free (TdFindings *findings)
{
  if (findings == NULL)
    return;
  g_ptr_array_unref (findings->items);
  g_free (findings);
}

void
td_findings_add_valist (TdFindings *findings,
                        const char *rule,
                        TdSeverity  severity,
                        const char *ref,
                        int         line,
                        const char *format,
                        va_list     args)
{
  g_autofree char *message = NULL;

  g_return_if_fail (findings != NULL);
  g_return_if_fail (rule != NULL && format != NULL);

  message = g_strdup_vprintf (format, args);
  g_ptr_array_add (findings->items, td_finding_new (rule, severity, ref, line, message));
}

void
td_findings_add (TdFindings *findings,
                 const char *rule,
                 TdSeverity  severity,
                 const char *ref,
                 int         line,
                 const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  td_findings_add_valist (findings, rule, severity, ref, line, format, args);
  va_end (args);
}

void
td_findings_merge (TdFindings       *findings,
                   const TdFindings *from)
{
  g_return_if_fail (findings != NULL && from != NULL);

  for (guint i = 0; i < from->items->len; i++)
    g_ptr_array_add (findings->items, td_finding_copy (g_ptr_array_index (from->items, i)));
}

guint
td_findings_get_n (const TdFindings *findings)
{
  g_return_val_if_fail (findings != NULL, 0);
  return findings->items->len;
}

const TdFinding *
td_findings_get (const TdFindings *findings,
                 guint             index)
{
  g_return_val_if_fail (findings != NULL, NULL);
  g_return_val_if_fail (index < findings->items->len, NULL);
  return g_ptr_array_index (findings->items, index);
}

guint
td_findings_count (const TdFindings *findings,
                   TdSeverity        severity)
{
  guint n = 0;

  g_return_val_if_fail (findings != NULL, 0);
  for (guint i = 0; i < findings->items->len; i++)
    {
      const TdFinding *f = g_ptr_array_index (findings->items, i);
      if (f->severity == severity)
        n++;
    }
  return n;
}

gboolean
td_findings_has_errors (const TdFindings *findings)
{
  return td_findings_count (findings, TD_SEVERITY_ERROR) > 0;
}

guint
td_findings_count_rule (const TdFindings *findings,
                        const char       *rule)
{
  guint n = 0;

  g_return_val_if_fail (findings != NULL && rule != NULL, 0);
  for (guint i = 0; i < findings->items->len; i++)
    {
      const TdFinding *f = g_ptr_array_index (findings->items, i);
      if (g_strcmp0 (f->rule, rule) == 0)
        n++;
    }
  return n;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const TdFinding *fa = *(TdFinding * const *) a;
  const TdFinding *fb = *(TdFinding * const *) b;

  if (fa->line != fb->line)
    return fa->line < fb->line ? -1 : 1;
  return strcmp (fa->rule, fb->rule);
}

void
td_findings_sort (TdFindings *findings)
{
  g_return_if_fail (findings != NULL);
  /* g_ptr_array_sort is a stable merge sort (g_qsort_with_data). */
  g_ptr_array_sort (findings->items, compare_findings);
}

char *
td_findings_format (const TdFindings *findings)
{
  GString *out;

  g_return_val_if_fail (findings != NULL, NULL);
  out = g_string_new (NULL);
  for (guint i = 0; i < findings->items->len; i++)
    {
      g_autofree char *line = td_finding_format (g_ptr_array_index (findings->items, i));
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
