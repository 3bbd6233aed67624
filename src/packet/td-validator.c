/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The validator's entry and the history view recomputed from the packet log (see
 * td-validator.h for what "history" means here). */
#define G_LOG_DOMAIN "td-validator"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "packet/td-catalog-import.h"
#include "packet/td-digest.h"
#include "packet/td-packet-check.h"
#include "packet/td-validator.h"
#include "packet/td-validator-private.h"

/* ---- findings ---- */

static void
add_valist (TdCheck *c, const char *rule, TdSeverity severity, const char *ref, xmlNode *node,
            const char *format, va_list args)
{
  td_findings_add_valist (c->findings, rule, severity, ref, node != NULL ? td_xml_line (node) : 0,
                          format, args);
}

void
td_check_error (TdCheck *c, const char *rule, const char *ref, xmlNode *node,
                const char *format, ...)
{
  va_list args;

  va_start (args, format);
  add_valist (c, rule, TD_SEVERITY_ERROR, ref, node, format, args);
  va_end (args);
}

void
td_check_warning (TdCheck *c, const char *rule, const char *ref, xmlNode *node,
                  const char *format, ...)
{
  va_list args;

  va_start (args, format);
  add_valist (c, rule, TD_SEVERITY_WARNING, ref, node, format, args);
  va_end (args);
}

/* ---- packets of the view ---- */

static char *
packet_class_code (xmlNode *kind)
{
  if (td_xml_is (kind, "ClassFiling"))
    return td_xml_attr (td_xml_child (kind, "Class"), "code");
  if (td_xml_child (kind, "ClassRef") != NULL)
    return td_xml_attr (td_xml_child (kind, "ClassRef"), "code");
  return NULL;
}

static void
hpacket_free (TdHPacket *p)
{
  td_packet_log_free (p->log);
  if (p->doc != NULL)
    xmlFreeDoc (p->doc);
  g_free (p->class_code);
  g_clear_pointer (&p->approved, g_hash_table_unref);
  g_free (p);
}

/* A receipt's ApprovedLine elements as id → approved fen; NULL when it lists none. */
static GHashTable *
receipt_approved (GBytes *receipt)
{
  g_autoptr (TdFindings) ignored = td_findings_new ();
  GHashTable *map = NULL;
  xmlDoc *doc;
  gsize len = 0;
  const char *data;

  if (receipt == NULL)
    return NULL;
  data = g_bytes_get_data (receipt, &len);
  doc = td_xml_read_memory (data, len, NULL, ignored);
  if (doc == NULL)
    return NULL;
  for (xmlNode *l = td_xml_child (xmlDocGetRootElement (doc), "ApprovedLine"); l != NULL;
       l = td_xml_next (l, "ApprovedLine"))
    {
      TdFen *fen = g_new (TdFen, 1);
      if (map == NULL)
        map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      *fen = td_xml_attr_money (l, "amount", -1);
      g_hash_table_insert (map, td_xml_attr (l, "id"), fen);
    }
  xmlFreeDoc (doc);
  return map;
}

char *
td_check_unreadable (const GError *error)
{
  return g_strdup_printf (_("the database cannot be read (%s)"), error->message);
}

/* NULL when the packet is gone or not a packet; NULL with *@reason set when the database
 * cannot be read. */
static TdHPacket *
load_packet (TdCheck *c, const TdPacketLog *meta, char **reason)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPacketLog) log = td_store_get_packet (c->store, meta->id, &local);
  g_autoptr (TdFindings) ignored = td_findings_new ();
  TdHPacket *p;
  gsize len = 0;
  const char *data;
  xmlDoc *doc;

  if (!td_store_missing_ok (&local, &error))
    *reason = td_check_unreadable (error);
  if (log == NULL || log->content == NULL)
    return NULL;
  data = g_bytes_get_data (log->content, &len);
  doc = td_xml_read_memory (data, len, NULL, ignored);
  if (doc == NULL || td_packet_kind_node (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }
  p = g_new0 (TdHPacket, 1);
  p->doc = doc;
  p->kind = td_packet_kind_node (doc);
  p->class_code = packet_class_code (p->kind);
  p->created = td_instant_parse (log->created);
  if (log->kind == TD_KIND_CLAIM)
    p->approved = receipt_approved (log->receipt);
  p->log = g_steal_pointer (&log);
  return p;
}

static int
compare_created (gconstpointer a, gconstpointer b)
{
  const TdHPacket *pa = *(TdHPacket * const *) a, *pb = *(TdHPacket * const *) b;

  return pa->created < pb->created ? -1 : pa->created > pb->created;
}

static void
mark_superseded (GPtrArray *view)
{
  for (guint i = 0; i < view->len; i++)
    {
      TdHPacket *p = g_ptr_array_index (view, i);
      if (p->log->supersedes == NULL)
        continue;
      for (guint j = 0; j < view->len; j++)
        {
          TdHPacket *q = g_ptr_array_index (view, j);
          if (g_strcmp0 (q->log->id, p->log->supersedes) == 0)
            q->superseded = TRUE;
        }
    }
}

/* The accepted packets whose receipt was issued before this packet was created; NULL with
 * *@reason set when the packet log cannot be read. */
static GPtrArray *
load_view (TdCheck *c, char **reason)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) logs = td_store_list_packets (c->store, 0, &error);
  GPtrArray *view;

  if (logs == NULL)
    {
      *reason = td_check_unreadable (error);
      return NULL;
    }
  view = g_ptr_array_new_with_free_func ((GDestroyNotify) hpacket_free);
  for (guint i = 0; i < logs->len; i++)
    {
      TdPacketLog *meta = g_ptr_array_index (logs, i);
      gint64 issued = td_instant_parse (meta->issued);
      TdHPacket *p;

      if (!td_packet_status_accepted (meta->status) || strcmp (meta->id, c->id) == 0
          || issued == G_MININT64 || issued >= c->created_us)
        continue;
      p = load_packet (c, meta, reason);
      if (*reason != NULL)
        {
          g_ptr_array_unref (view);
          return NULL;
        }
      if (p != NULL)
        g_ptr_array_add (view, p);
    }
  g_ptr_array_sort (view, compare_created);
  mark_superseded (view);
  return view;
}

GPtrArray *
td_check_packets (TdCheck *c, const char *kind, const char *code)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; c->view != NULL && i < c->view->len; i++)
    {
      TdHPacket *p = g_ptr_array_index (c->view, i);
      if (td_xml_is (p->kind, kind) && (code == NULL || g_strcmp0 (p->class_code, code) == 0))
        g_ptr_array_add (list, p);
    }
  return list;
}

/* ---- catalogues ---- */

static TdCatalog *
default_catalog (void)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data (TD_CATALOG_DEFAULT_RESOURCE, 0, NULL);

  return bytes != NULL ? td_catalog_parse (bytes, NULL, NULL) : NULL;
}

TdCatalog *
td_check_catalog (TdCheck *c, const char *version)
{
  TdCatalog *catalog = NULL;

  if (version == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (c->catalogs, version, NULL, (gpointer *) &catalog))
    return catalog;
  if (c->store != NULL)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (GError) error = NULL;

      catalog = td_store_get_catalog (c->store, version, &local);
      if (!td_store_missing_ok (&local, &error))
        {
          /* not the shipped one in its place: the stored one may differ */
          if (c->catalog_unreadable == NULL)
            c->catalog_unreadable = td_check_unreadable (error);
          return NULL;
        }
    }
  if (catalog == NULL)
    {
      catalog = default_catalog ();
      if (catalog != NULL && g_strcmp0 (catalog->version, version) != 0)
        g_clear_pointer (&catalog, td_catalog_free);
    }
  g_hash_table_insert (c->catalogs, g_strdup (version), catalog);
  return catalog;
}

/* The version in force on the date of created (store first, then the shipped one). */
static TdCatalog *
catalog_in_force (TdCheck *c)
{
  char date[TD_DATE_LEN];
  g_autoptr (TdCatalog) found = NULL;
  g_autofree char *version = NULL;

  td_day_to_iso (c->day, date);
  if (c->store != NULL)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (GError) error = NULL;

      found = td_store_get_catalog_in_force (c->store, date, &local);
      if (!td_store_missing_ok (&local, &error))
        {
          if (c->catalog_unreadable == NULL)
            c->catalog_unreadable = td_check_unreadable (error);
          return NULL;
        }
    }
  if (found == NULL)
    {
      found = default_catalog ();
      if (found != NULL && strcmp (found->effective, date) > 0)
        g_clear_pointer (&found, td_catalog_free);
    }
  if (found == NULL)
    return NULL;
  version = g_strdup (found->version);
  return td_check_catalog (c, version);
}

/* ---- class views ---- */

static void
class_view_free (TdClassView *cv)
{
  g_free (cv->code);
  g_ptr_array_unref (cv->batches);
  g_ptr_array_unref (cv->all_batches);
  g_ptr_array_unref (cv->assessments);
  g_ptr_array_unref (cv->follow_ups);
  g_ptr_array_unref (cv->claims);
  g_hash_table_unref (cv->trainees);
  g_hash_table_unref (cv->withdrawn);
  g_free (cv);
}

static void
class_view_add (TdClassView *cv, TdHPacket *p)
{
  xmlNode *k = p->kind;

  if (td_xml_is (k, "ClassFiling"))
    {
      if (cv->first_filing == NULL && p->log->supersedes == NULL)
        cv->first_filing = p;
      cv->filing = p;
    }
  else if (td_xml_is (k, "Roster"))
    cv->roster = p;
  else if (td_xml_is (k, "ClassNotice"))
    {
      xmlNode *cancel = td_xml_child (k, "Cancellation");
      if (td_xml_child (k, "Withdrawal") != NULL)
        cv->withdrawals = p;
      if (cancel != NULL)
        {
          g_autofree char *date = td_xml_attr (cancel, "date");
          g_strlcpy (cv->cancel_date, date != NULL ? date : "", sizeof cv->cancel_date);
        }
    }
  else if (td_xml_is (k, "Attendance"))
    {
      g_ptr_array_add (cv->all_batches, p);
      if (!p->superseded)
        g_ptr_array_add (cv->batches, p);
    }
  else if (td_xml_is (k, "Assessment"))
    g_ptr_array_add (cv->assessments, p);
  else if (td_xml_is (k, "EmploymentFollowUp"))
    g_ptr_array_add (cv->follow_ups, p);
  else if (td_xml_is (k, "SubsidyClaim") && !p->superseded)
    g_ptr_array_add (cv->claims, p);
}

static void
class_view_index (TdCheck *c, TdClassView *cv)
{
  xmlNode *klass = td_class_view_class (cv);
  g_autofree char *start = td_class_view_text (cv, "StartDate");
  g_autofree char *end = td_class_view_text (cv, "EndDate");
  TdHPacket *named = cv->first_filing != NULL ? cv->first_filing : cv->filing;

  g_strlcpy (cv->start, start != NULL ? start : "", sizeof cv->start);
  g_strlcpy (cv->end, end != NULL ? end : "", sizeof cv->end);
  if (cv->roster != NULL)
    for (xmlNode *t = td_xml_child (cv->roster->kind, "Trainee"); t != NULL;
         t = td_xml_next (t, "Trainee"))
      g_hash_table_insert (cv->trainees, td_xml_child_text (t, "IdNumber"), t);
  if (cv->withdrawals != NULL)
    for (xmlNode *w = td_xml_child (cv->withdrawals->kind, "Withdrawal"); w != NULL;
         w = td_xml_next (w, "Withdrawal"))
      g_hash_table_insert (cv->withdrawn, td_xml_attr (w, "id"), td_xml_attr (w, "date"));
  if (named != NULL && klass != NULL)
    {
      xmlNode *item = td_xml_child (td_xml_child (named->kind, "Class"), "CatalogItem");
      g_autofree char *version = td_xml_attr (item, "catalogVersion");
      cv->catalog = td_check_catalog (c, version);
    }
}

TdClassView *
td_check_class (TdCheck *c, const char *code)
{
  TdClassView *cv;

  if (code == NULL)
    return NULL;
  cv = g_hash_table_lookup (c->classes, code);
  if (cv != NULL)
    return cv;
  cv = g_new0 (TdClassView, 1);
  cv->code = g_strdup (code);
  cv->batches = g_ptr_array_new ();
  cv->all_batches = g_ptr_array_new ();
  cv->assessments = g_ptr_array_new ();
  cv->follow_ups = g_ptr_array_new ();
  cv->claims = g_ptr_array_new ();
  cv->trainees = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cv->withdrawn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; c->view != NULL && i < c->view->len; i++)
    {
      TdHPacket *p = g_ptr_array_index (c->view, i);
      if (g_strcmp0 (p->class_code, code) == 0)
        class_view_add (cv, p);
    }
  class_view_index (c, cv);
  g_hash_table_insert (c->classes, cv->code, cv);
  return cv;
}

/* ---- class facts ---- */

xmlNode *
td_class_view_class (TdClassView *cv)
{
  return cv != NULL && cv->filing != NULL ? td_xml_child (cv->filing->kind, "Class") : NULL;
}

xmlNode *
td_class_view_lesson (TdClassView *cv, const char *lid)
{
  xmlNode *table = cv->filing != NULL ? td_xml_child (cv->filing->kind, "Timetable") : NULL;

  for (xmlNode *l = td_xml_child (table, "Lesson"); l != NULL; l = td_xml_next (l, "Lesson"))
    {
      g_autofree char *id = td_xml_attr (l, "id");
      if (g_strcmp0 (id, lid) == 0)
        return l;
    }
  return NULL;
}

char *
td_class_view_text (TdClassView *cv, const char *element)
{
  return td_xml_child_text (td_class_view_class (cv), element);
}

int
td_class_view_int (TdClassView *cv, const char *element)
{
  g_autofree char *text = td_class_view_text (cv, element);

  return text != NULL ? (int) g_ascii_strtoll (text, NULL, 10) : 0;
}

TdHalves
td_class_view_planned (TdClassView *cv)
{
  xmlNode *hours = td_xml_child (td_class_view_class (cv), "Hours");

  if (hours == NULL)
    return 0;
  return MAX (td_xml_attr_hours (hours, "theory", -1), 0) + MAX (td_xml_attr_hours (hours, "practice", -1), 0);
}

TdHalves
td_class_view_credited (TdClassView *cv, const char *id)
{
  TdHalves sum = 0;

  for (guint i = 0; i < cv->batches->len; i++)
    {
      TdHPacket *b = g_ptr_array_index (cv->batches, i);
      for (xmlNode *s = td_xml_child (b->kind, "Session"); s != NULL; s = td_xml_next (s, "Session"))
        for (xmlNode *r = td_xml_child (s, "Record"); r != NULL; r = td_xml_next (r, "Record"))
          {
            g_autofree char *rid = td_xml_attr (r, "id");
            if (g_strcmp0 (rid, id) == 0)
              sum += MAX (td_xml_attr_hours (r, "hours", -1), 0);
          }
    }
  return sum;
}

TdRate
td_class_view_rate (TdClassView *cv, const char *id)
{
  return td_rate_of (td_class_view_credited (cv, id), td_class_view_planned (cv));
}

/* The element under @packets' kinds named @name whose @id attribute is @id, taking the
 * latest packet (and, for follow-ups, the latest checked). */
xmlNode *
td_class_view_result (TdClassView *cv, const char *id)
{
  xmlNode *found = NULL;

  for (guint i = 0; i < cv->assessments->len; i++)
    {
      TdHPacket *a = g_ptr_array_index (cv->assessments, i);
      for (xmlNode *r = td_xml_child (a->kind, "Result"); r != NULL; r = td_xml_next (r, "Result"))
        {
          g_autofree char *rid = td_xml_attr (r, "id");
          if (g_strcmp0 (rid, id) == 0)
            found = r;
        }
    }
  return found;
}

xmlNode *
td_class_view_follow_up (TdClassView *cv, const char *id)
{
  xmlNode *found = NULL;
  g_autofree char *found_checked = NULL;

  for (guint i = 0; i < cv->follow_ups->len; i++)
    {
      TdHPacket *f = g_ptr_array_index (cv->follow_ups, i);
      for (xmlNode *r = td_xml_child (f->kind, "Record"); r != NULL; r = td_xml_next (r, "Record"))
        {
          g_autofree char *rid = td_xml_attr (r, "id");
          g_autofree char *checked = td_xml_attr (r, "checked");
          if (g_strcmp0 (rid, id) != 0
              || (found_checked != NULL && g_strcmp0 (checked, found_checked) < 0))
            continue;
          found = r;
          g_free (found_checked);
          found_checked = g_steal_pointer (&checked);
        }
    }
  return found;
}

gboolean
td_class_view_enrolled (TdClassView *cv, const char *id)
{
  return g_hash_table_contains (cv->trainees, id) && !g_hash_table_contains (cv->withdrawn, id);
}

/* ---- rules not checked ---- */

void
td_check_not_checked (TdCheck *c, const char *rule, const char *reason)
{
  td_findings_add (c->findings, rule, TD_SEVERITY_INFO, NULL, 0, _("not checked: %s"), reason);
}

static const char *const class_history_rules[] = { "R-PKT-004", "R-PKT-005", "R-CLS-010",
                                                   "R-NOT-001", NULL };
static const struct
{
  const char *kind;
  const char *rules[7];
} kind_history_rules[] = {
  { "ClassFiling", { "R-CLS-002", NULL } },
  { "Roster", { "R-ROS-001", "R-ROS-002", "R-ROS-003", "R-ROS-004", "R-ROS-005", "R-ROS-006",
                NULL } },
  { "Attendance", { "R-ATT-001", "R-ATT-002", "R-ATT-003", "R-ATT-004", "R-ATT-005",
                    "R-ATT-006", NULL } },
  { "Assessment", { "R-ASM-001", "R-ASM-002", "R-ASM-004", NULL } },
  { "EmploymentFollowUp", { "R-EMP-001", "R-EMP-003", NULL } },
  { "SubsidyClaim", { "R-SUB-001", "R-SUB-002", "R-SUB-003", "R-SUB-005", "R-SUB-006",
                      NULL } },
  { "ClassNotice", { "R-NOT-002", NULL } },
  { "QuarterlyReport", { "R-QTR-003", NULL } },
};

static void
list_unchecked (TdCheck *c, const char *reason)
{
  gboolean quarterly = g_strcmp0 (c->kind_name, "QuarterlyReport") == 0;

  for (guint i = 0; class_history_rules[i] != NULL; i++)
    {
      if (quarterly && i >= 2)
        break;
      if (i == 0 && c->supersedes == NULL)
        continue;
      td_check_not_checked (c, class_history_rules[i], reason);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kind_history_rules); i++)
    if (g_strcmp0 (kind_history_rules[i].kind, c->kind_name) == 0)
      for (guint j = 0; kind_history_rules[i].rules[j] != NULL; j++)
        td_check_not_checked (c, kind_history_rules[i].rules[j], reason);
}

/* ---- the entry ---- */

/* Why history cannot be used, or NULL when it can. */
static char *
history_unavailable (TdCheck *c)
{
  g_autoptr (TdInstitution) inst = NULL;
  g_autofree char *sender = NULL;
  g_autoptr (TdClass) klass = NULL;
  g_autoptr (GError) error = NULL;

  if (c->store == NULL)
    return g_strdup (_("no database is open, so the institution's earlier packets are unknown"));
  inst = td_store_get_institution (c->store, &error);
  if (error != NULL)
    return td_check_unreadable (error);
  sender = td_xml_child_text (td_xml_child (xmlDocGetRootElement (c->doc), "Sender"),
                              "CreditCode");
  if (inst == NULL || g_strcmp0 (inst->credit_code, sender) != 0)
    return g_strdup_printf (_("the sender %s is not this database's institution"),
                            sender != NULL ? sender : "?");
  if (c->class_code == NULL)
    return NULL;
  klass = td_store_get_class_by_code (c->store, c->class_code, &error);
  if (klass == NULL && !g_error_matches (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND))
    return td_check_unreadable (error);
  if (klass == NULL)
    return g_strdup_printf (_("the class %s is not in this database"), c->class_code);
  return NULL;
}

static void
dispatch (TdCheck *c)
{
  static const struct
  {
    const char *kind;
    void (*check) (TdCheck *c);
  } checks[] = {
    { "ClassFiling", td_check_filing },
    { "Roster", td_check_roster },
    { "Attendance", td_check_attendance },
    { "Assessment", td_check_assessment },
    { "EmploymentFollowUp", td_check_follow_up },
    { "SubsidyClaim", td_check_claim },
    { "ClassNotice", td_check_notice },
    { "QuarterlyReport", td_check_quarterly },
  };

  td_check_common (c);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (g_strcmp0 (checks[i].kind, c->kind_name) == 0)
      checks[i].check (c);
}

/* The Catalog of the class (RULES.md), or the one the packet names, or the one in force. */
static TdCatalog *
resolve_catalog (TdCheck *c)
{
  g_autofree char *version = NULL;

  if (c->klass != NULL && c->klass->catalog != NULL)
    return c->klass->catalog;
  if (td_xml_is (c->kind, "ClassFiling"))
    version = td_xml_attr (td_xml_child (td_xml_child (c->kind, "Class"), "CatalogItem"),
                           "catalogVersion");
  else if (td_xml_is (c->kind, "SubsidyClaim"))
    version = td_xml_attr (c->kind, "catalogVersion");
  if (version != NULL)
    return td_check_catalog (c, version);
  return catalog_in_force (c);
}

static void
check_init (TdCheck *c, TdStore *store, xmlDoc *doc, TdFindings *findings)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  c->store = store;
  c->doc = doc;
  c->findings = findings;
  c->kind = td_packet_kind_node (doc);
  c->kind_name = (const char *) c->kind->name;
  c->id = td_xml_attr (root, "id");
  c->created = td_xml_attr (root, "created");
  c->created_us = td_instant_parse (c->created);
  c->day = td_instant_day (c->created);
  c->supersedes = td_xml_attr (root, "supersedes");
  c->class_code = packet_class_code (c->kind);
  c->classes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) class_view_free);
  c->catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) td_catalog_free);
}

static void
check_clear (TdCheck *c)
{
  g_free (c->id);
  g_free (c->created);
  g_free (c->supersedes);
  g_free (c->class_code);
  g_free (c->catalog_unreadable);
  g_hash_table_unref (c->classes);
  g_hash_table_unref (c->catalogs);
  g_clear_pointer (&c->view, g_ptr_array_unref);
}

void
td_validator_check (TdStore *store, xmlDoc *doc, const char *receiver_now,
                    TdFindings *findings)
{
  TdCheck c = { 0 };
  g_autofree char *reason = NULL;
  guint schema_errors;

  g_return_if_fail (store == NULL || TD_IS_STORE (store));
  g_return_if_fail (doc != NULL && findings != NULL);

  schema_errors = td_findings_count_rule (findings, "R-PKT-001");
  td_packet_check (doc, receiver_now, findings);
  if (td_findings_count_rule (findings, "R-PKT-001") > schema_errors
      || td_packet_kind_node (doc) == NULL)
    return;  /* the structure cannot be trusted: the business rules would only guess */

  check_init (&c, store, doc, findings);
  reason = history_unavailable (&c);
  if (reason == NULL)
    c.view = load_view (&c, &reason);
  if (reason == NULL)
    {
      c.history = TRUE;
      c.klass = td_check_class (&c, c.class_code);
    }
  c.catalog = resolve_catalog (&c);
  td_check_catalog_only (&c);
  if (c.history)
    dispatch (&c);
  else
    list_unchecked (&c, reason);
  check_clear (&c);
}

gboolean
td_validator_check_file (TdStore *store, const char *path, const char *receiver_now,
                         TdFindings *findings)
{
  xmlDoc *doc;

  g_return_val_if_fail (path != NULL && findings != NULL, FALSE);

  doc = td_xml_read_file (path, findings);
  if (doc == NULL)
    return FALSE;
  td_validator_check (store, doc, receiver_now, findings);
  xmlFreeDoc (doc);
  return TRUE;
}
