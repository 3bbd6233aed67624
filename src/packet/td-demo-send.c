/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo's packets: exported as of their day, answered by the bureau's receipt. */
#define G_LOG_DOMAIN "td-demo"

#include "config.h"

#include "packet/td-demo-private.h"

gboolean
td_demo_send (TdStore *store, TdPacketKind kind, const char *class_code, const char *created,
              const char *issued, const char *filing_no, GError **error)
{
  g_autoptr (TdClass) k = td_store_get_class_by_code (store, class_code, error);

  if (k == NULL)
    return FALSE;
  if (kind == TD_KIND_FILING && filing_no != NULL)
    return td_store_set_filing_no (store, k->id, filing_no, error);
  return TRUE;
}
