/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every (history) and (catalog) rule of RULES.md, one row each: an example of class
 * GY2026-007 mutated so that it breaks only that rule, checked against the class's logged
 * history (and, for a few rows, more accepted packets), must be refused with exactly that
 * rule; warnings are reported as warnings.  Each row is also run through the CLI's
 * `validate` with the same database: exit 1 and an "R-… error" line for an error, exit 0
 * and an "R-… warning" line for a warning.  Rows without a rule are the rule's limits: the
 * mutated packet passes. */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "../td-test-db.h"
#include "../td-test-dir.h"
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "core/td-store.h"
#include "packet/td-catalog-import.h"
#include "packet/td-digest.h"
#include "packet/td-packet-check.h"
#include "packet/td-receipt.h"
#include "packet/td-validator.h"
#include "packet/td-xml-safe.h"
#include "validator-fixture.h"

/* The receiver's clock: after every packet below, so R-PKT-003 always holds. */
#define NOW "2027-12-31T12:00:00+08:00"
#define NEW_ID "7d1c2a44-9b8e-4f0a-a3c5-000000000001"
#define CODE "GY2026-007"
#define FILING_NO "LC2026-000123"
#define OTHER_CODE "GY2026-008"
#define OTHER_FILING_NO "LC2026-000124"
#define ZEROS "0000000000000000000000000000000000000000000000000000000000000000"

/* Ids of the examples. */
#define FILING_ID "6513270e-269e-4d37-b2a7-4de452e6b438"
#define ROSTER_ID "d23f0824-128b-4f33-8c5c-7fd0a6a3a450"
#define NOTICE_ID "9531985d-5d9d-49f8-9818-e811892f902b"
#define ATTENDANCE_ID "36f675cc-81e7-4ef5-a8e2-5d940ed90475"
#define QUARTERLY_ID "0fd630f1-f29d-4da9-953f-48f1a09f76b5"

static const char *const packets[] = {
  "filing", "roster", "notice", "attendance", "attendance-2", "assessment", "followup",
  "claim", "quarterly",
};

/* A database with every example logged and answered: built once, copied for each row. */
static char *template_dir;

/* ---- examples and mutations ---- */

static char *
example_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".xml", NULL);
  return g_build_filename (g_getenv ("TD_TEST_DATA"), "bureau", file, NULL);
}

static char *
example_text (const char *name)
{
  g_autofree char *path = example_path (name);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static xmlDoc *
parse (const char *text, gsize len)
{
  g_autoptr (TdFindings) findings = td_findings_new ();
  xmlDoc *doc = td_xml_read_memory (text, len, "mutated", findings);

  g_assert_cmpuint (td_findings_get_n (findings), ==, 0);
  g_assert_nonnull (doc);
  return doc;
}

/* Every node @xpath (prefix t) selects; at least one. */
static GPtrArray *
select_all (xmlDoc *doc, const char *xpath)
{
  xmlXPathContextPtr ctxt = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  GPtrArray *nodes = g_ptr_array_new ();

  xmlXPathRegisterNs (ctxt, BAD_CAST "t", BAD_CAST TD_NS);
  result = xmlXPathEvalExpression (BAD_CAST xpath, ctxt);
  for (int i = 0; result != NULL && result->nodesetval != NULL
                  && i < result->nodesetval->nodeNr; i++)
    g_ptr_array_add (nodes, result->nodesetval->nodeTab[i]);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctxt);
  if (nodes->len == 0)
    g_error ("%s selects nothing", xpath);
  return nodes;
}

static xmlNode *
select_node (xmlDoc *doc, const char *xpath)
{
  g_autoptr (GPtrArray) nodes = select_all (doc, xpath);

  return g_ptr_array_index (nodes, 0);
}

/* Sets (NULL: removes) attribute @name of every node @xpath selects. */
static void
set_attr (xmlDoc *doc, const char *xpath, const char *name, const char *value)
{
  g_autoptr (GPtrArray) nodes = select_all (doc, xpath);

  for (guint i = 0; i < nodes->len; i++)
    if (value != NULL)
      xmlSetProp (g_ptr_array_index (nodes, i), BAD_CAST name, BAD_CAST value);
    else
      g_assert_cmpint (xmlUnsetProp (g_ptr_array_index (nodes, i), BAD_CAST name), ==, 0);
}

static void
set_text (xmlDoc *doc, const char *xpath, const char *text)
{
  xmlNodeSetContent (select_node (doc, xpath), BAD_CAST text);
}

/* Removes every node @xpath selects, with the white space before it. */
static void
remove_all (xmlDoc *doc, const char *xpath)
{
  g_autoptr (GPtrArray) nodes = select_all (doc, xpath);

  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNode *node = g_ptr_array_index (nodes, i);
      xmlNode *space = node->prev;
      if (space != NULL && space->type == XML_TEXT_NODE)
        {
          xmlUnlinkNode (space);
          xmlFreeNode (space);
        }
      xmlUnlinkNode (node);
      xmlFreeNode (node);
    }
}

static void
set_root (xmlDoc *doc, const char *name, const char *value)
{
  set_attr (doc, "/t:Packet", name, value);
}

/* A citizen id with a valid GB 11643 check digit. */
static char *
make_id (const char *first17)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  g_assert_cmpuint (strlen (first17), ==, 17);
  for (int i = 0; i < 17; i++)
    sum += (first17[i] - '0') * weights[i];
  return g_strdup_printf ("%s%c", first17, "10X98765432"[sum % 11]);
}

/* The chain (when an attendance batch) and the Digest for the Body as it now is: the
 * mutated packet keeps R-ATT-005's packet part and R-PKT-002. */
static void
seal (xmlDoc *doc)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *digest = NULL;
  g_autoptr (GPtrArray) batch = NULL;
  xmlNode *attendance = td_xml_child (td_xml_child (xmlDocGetRootElement (doc), "Body"),
                                      "Attendance");

  if (attendance != NULL)
    {
      xmlNode *chain = td_xml_child (attendance, "Chain");
      g_autofree char *prev = td_xml_attr (chain, "prev");
      guint count = 0;
      g_autofree char *head = td_packet_chain_head (attendance, prev, &count);
      g_autofree char *n = g_strdup_printf ("%u", count);

      xmlSetProp (chain, BAD_CAST "head", BAD_CAST head);
      xmlSetProp (chain, BAD_CAST "count", BAD_CAST n);
    }
  digest = td_digest_body (doc, &error);
  g_assert_no_error (error);
  set_text (doc, "/t:Packet/t:Digest", digest);
}

static GBytes *
serialize (xmlDoc *doc)
{
  xmlChar *mem = NULL;
  int len = 0;
  GBytes *bytes;

  xmlDocDumpMemoryEnc (doc, &mem, &len, "UTF-8");
  bytes = g_bytes_new (mem, (gsize) len);
  xmlFree (mem);
  return bytes;
}

/* ---- the history ---- */

static gint64
class_id_of (TdStore *store, const char *code)
{
  g_autoptr (TdClass) klass = td_store_get_class_by_code (store, code, NULL);

  g_assert_nonnull (klass);
  return klass->id;
}

/* Logs @doc as sent and answers it with an ACCEPTED receipt issued at @issued. */
static void
log_accepted (TdStore *store, xmlDoc *doc, const char *issued, const char *inner)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *kind = td_xml_first_element (td_xml_child (root, "Body"));
  g_autoptr (TdPacketLog) log = td_packet_log_new ();
  g_autoptr (GBytes) bytes = serialize (doc);
  g_autofree char *id = td_xml_attr (root, "id"), *created = td_xml_attr (root, "created");
  g_autofree char *digest = td_digest_body (doc, NULL);
  g_autofree char *receipt = NULL;
  g_autoptr (GBytes) rbytes = NULL;
  g_autoptr (GError) error = NULL;
  xmlNode *ref = td_xml_child (kind, "ClassRef");
  g_autofree char *code = td_xml_attr (ref != NULL ? ref : td_xml_child (kind, "Class"), "code");

  g_strlcpy (log->id, id, sizeof log->id);
  g_assert_true (td_packet_kind_from_string ((const char *) kind->name, &log->kind));
  g_assert_cmpint (log->kind, !=, TD_KIND_QUARTERLY);
  log->class_id = class_id_of (store, code);
  log->supersedes = td_xml_attr (root, "supersedes");
  g_strlcpy (log->created, created, sizeof log->created);
  g_strlcpy (log->digest, digest, sizeof log->digest);
  log->status = TD_PACKET_SENT;
  g_assert_true (td_store_log_packet (store, log, bytes, &error));
  g_assert_no_error (error);
  receipt = g_strdup_printf ("<?xml version='1.0' encoding='UTF-8'?>\n"
                             "<Receipt xmlns=\"" TD_NS "\" version=\"1.0\" packet=\"%s\" "
                             "digest=\"%s\" received=\"%s\" issued=\"%s\" "
                             "status=\"ACCEPTED\">%s</Receipt>",
                             id, digest, issued, issued, inner != NULL ? inner : "");
  rbytes = g_bytes_new (receipt, strlen (receipt));
  g_assert_true (td_receipt_apply_bytes (store, rbytes, NULL, &error));
  g_assert_no_error (error);
}

static void
log_example (TdStore *store, const char *name)
{
  g_autofree char *text = example_text (name);
  g_autofree char *rname = g_strconcat ("receipt-", name, NULL);
  g_autofree char *rpath = example_path (rname);
  g_autoptr (GError) error = NULL;
  xmlDoc *doc = parse (text, strlen (text));
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *kind = td_xml_first_element (td_xml_child (root, "Body"));
  g_autoptr (TdPacketLog) log = td_packet_log_new ();
  g_autofree char *id = td_xml_attr (root, "id"), *created = td_xml_attr (root, "created");
  g_autofree char *digest = td_digest_body (doc, NULL);
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));

  g_strlcpy (log->id, id, sizeof log->id);
  g_assert_true (td_packet_kind_from_string ((const char *) kind->name, &log->kind));
  log->class_id = log->kind == TD_KIND_QUARTERLY ? 0 : class_id_of (store, CODE);
  log->year = log->kind == TD_KIND_QUARTERLY ? 2026 : 0;
  log->quarter = log->kind == TD_KIND_QUARTERLY ? 1 : 0;
  g_strlcpy (log->created, created, sizeof log->created);
  g_strlcpy (log->digest, digest, sizeof log->digest);
  log->status = TD_PACKET_SENT;
  g_assert_true (td_store_log_packet (store, log, bytes, &error));
  g_assert_no_error (error);
  g_assert_true (td_receipt_apply_file (store, rpath, NULL, &error));
  g_assert_no_error (error);
  xmlFreeDoc (doc);
}

static void
save_classes (TdStore *store)
{
  g_autoptr (TdClass) klass = validator_fixture_class ();
  g_autoptr (TdClass) other = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (td_store_save_class (store, klass, &error));
  g_assert_no_error (error);
  /* a second class of the same institution, for the rules across classes */
  other = td_class_copy (klass);
  other->id = 0;
  g_free (other->code);
  other->code = g_strdup (OTHER_CODE);
  g_free (other->title);
  other->title = g_strdup ("养老护理员（五级）就业技能培训2026年第8期");
  g_assert_true (td_store_save_class (store, other, &error));
  g_assert_no_error (error);
}

/* The history: every example but @without (may be NULL), logged and answered. */
static void
build_history (const char *path, const char *without)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = td_store_open (path, TD_STORE_OPEN_CREATE, &error);
  g_autoptr (TdInstitution) inst = td_institution_new ();

  g_assert_no_error (error);
  inst->credit_code = g_strdup ("52371502MJD1234563");
  inst->name = g_strdup ("聊城市东昌府区光岳职业培训学校");
  inst->region = g_strdup ("371502");
  inst->contact_name = g_strdup ("王立新");
  inst->contact_phone = g_strdup ("0635-8212345");
  inst->legal_rep = g_strdup ("王立新");
  g_assert_true (td_store_save_institution (store, inst, &error));
  g_assert_true (td_catalog_import_default (store, &error));
  g_assert_no_error (error);
  save_classes (store);
  for (guint i = 0; i < G_N_ELEMENTS (packets); i++)
    if (g_strcmp0 (packets[i], without) != 0)
      log_example (store, packets[i]);
}

/* Extra history: class GY2026-008 filed (same item, @start … @end) and accepted. */
static void
file_other_class (TdStore *store, const char *start, const char *end)
{
  g_autofree char *text = example_text ("filing");
  xmlDoc *doc = parse (text, strlen (text));

  set_root (doc, "id", "7d1c2a44-9b8e-4f0a-a3c5-000000000801");
  set_attr (doc, "//t:Class", "code", OTHER_CODE);
  set_text (doc, "//t:StartDate", start);
  set_text (doc, "//t:EndDate", end);
  seal (doc);
  log_accepted (store, doc, "2026-02-20T10:05:00+08:00",
                "<FilingNo>" OTHER_FILING_NO "</FilingNo>");
  xmlFreeDoc (doc);
}

/* … with GY2026-007's dates. */
static void
history_other_filing (TdStore *store)
{
  file_other_class (store, "2026-03-02", "2026-03-20");
}

/* … starting a week later, after a trainee withdrew from GY2026-007 (2026-03-06). */
static void
history_other_filing_later (TdStore *store)
{
  file_other_class (store, "2026-03-09", "2026-03-27");
}

/* Class GY2026-008's accepted claim for one trainee of GY2026-007, at @level. */
static void
history_other_claim (TdStore *store, const char *level)
{
  g_autofree char *text = example_text ("claim");
  xmlDoc *doc = parse (text, strlen (text));

  history_other_filing (store);
  set_root (doc, "id", "7d1c2a44-9b8e-4f0a-a3c5-000000000802");
  set_root (doc, "created", "2026-06-01T10:00:00+08:00");
  set_attr (doc, "//t:ClassRef", "code", OTHER_CODE);
  set_attr (doc, "//t:ClassRef", "filingNo", OTHER_FILING_NO);
  remove_all (doc, "//t:Line[position() > 1]");
  set_attr (doc, "//t:Line", "level", level);
  set_attr (doc, "//t:Total", "count", "1");
  set_attr (doc, "//t:Total", "amount", "1800.00");
  seal (doc);
  log_accepted (store, doc, "2026-06-02T10:00:00+08:00",
                "<ApprovedAmount>1800.00</ApprovedAmount>");
  xmlFreeDoc (doc);
}

static void
history_claim_same_level (TdStore *store)
{
  history_other_claim (store, "5");
}

static void
history_claim_higher_level (TdStore *store)
{
  history_other_claim (store, "4");
}

/* The notice's Withdrawal turned into a Cancellation dated @date. */
static void
to_cancellation (xmlDoc *doc, const char *date)
{
  xmlNode *w = select_node (doc, "//t:Withdrawal");

  xmlNodeSetName (w, BAD_CAST "Cancellation");
  g_assert_cmpint (xmlUnsetProp (w, BAD_CAST "id"), ==, 0);
  xmlSetProp (w, BAD_CAST "date", BAD_CAST date);
  xmlNodeSetContent (w, BAD_CAST "生源不足，撤销开班");
}

/* GY2026-007 cancelled on @date (at 09:00, accepted at 10:00). */
static void
cancel_class (TdStore *store, const char *date)
{
  g_autofree char *text = example_text ("notice");
  xmlDoc *doc = parse (text, strlen (text));
  g_autofree char *created = g_strconcat (date, "T09:00:00+08:00", NULL);
  g_autofree char *issued = g_strconcat (date, "T10:00:00+08:00", NULL);

  set_root (doc, "id", "7d1c2a44-9b8e-4f0a-a3c5-000000000803");
  set_root (doc, "created", created);
  to_cancellation (doc, date);
  seal (doc);
  log_accepted (store, doc, issued, NULL);
  xmlFreeDoc (doc);
}

static void
history_cancelled (TdStore *store)
{
  cancel_class (store, "2026-03-10");
}

/* GY2026-008 starts on 2026-03-09; GY2026-007 was cancelled the day before. */
static void
history_other_after_cancelled (TdStore *store)
{
  history_other_filing_later (store);
  cancel_class (store, "2026-03-08");
}

/* The example claim approved in part: every line but 371503197502193651's (1800.00). */
static void
history_claim_in_part (TdStore *store)
{
  g_autofree char *text = example_text ("claim");
  xmlDoc *doc = parse (text, strlen (text));
  g_autoptr (GPtrArray) lines = select_all (doc, "//t:Line[@id != '371503197502193651']");
  g_autoptr (GString) inner = g_string_new ("<ApprovedAmount>43500.00</ApprovedAmount>");

  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *id = td_xml_attr (g_ptr_array_index (lines, i), "id");
      g_autofree char *amount = td_xml_attr (g_ptr_array_index (lines, i), "amount");
      g_string_append_printf (inner, "<ApprovedLine id=\"%s\" amount=\"%s\"/>", id, amount);
    }
  log_accepted (store, doc, "2026-06-28T15:20:00+08:00", inner->str);
  xmlFreeDoc (doc);
}

/* The roster corrected once already (accepted 2026-02-28). */
static void
history_roster_corrected (TdStore *store)
{
  g_autofree char *text = example_text ("roster");
  xmlDoc *doc = parse (text, strlen (text));

  set_root (doc, "id", "7d1c2a44-9b8e-4f0a-a3c5-000000000804");
  set_root (doc, "created", "2026-02-28T09:00:00+08:00");
  set_root (doc, "supersedes", ROSTER_ID);
  set_text (doc, "//t:Trainee[1]/t:Phone", "13800138000");
  seal (doc);
  log_accepted (store, doc, "2026-02-28T10:00:00+08:00", NULL);
  xmlFreeDoc (doc);
}

/* ---- mutations, one per row ---- */

/* R-PKT-004 */
static void
m_supersedes_unknown (xmlDoc *d)
{
  set_root (d, "created", "2026-03-01T10:00:00+08:00");
  set_root (d, "supersedes", "7d1c2a44-9b8e-4f0a-a3c5-0000000000ff");
}

static void
m_supersedes_other_kind (xmlDoc *d)
{
  set_root (d, "created", "2026-03-01T10:00:00+08:00");
  set_root (d, "supersedes", FILING_ID);
}

static void
m_roster_leaves_out (xmlDoc *d)
{
  set_root (d, "created", "2026-03-01T10:00:00+08:00");
  set_root (d, "supersedes", ROSTER_ID);
  remove_all (d, "//t:Trainee[last()]");
}

static void
m_roster_restates (xmlDoc *d)
{
  set_root (d, "created", "2026-03-01T10:00:00+08:00");
  set_root (d, "supersedes", ROSTER_ID);
  set_text (d, "//t:Trainee[1]/t:Phone", "13800138001");
}

/* A correction of the first attendance batch, written after its receipt. */
static void
m_batch_correction (xmlDoc *d)
{
  g_autofree char *head = td_xml_attr (select_node (d, "//t:Chain"), "head");

  set_root (d, "created", "2026-03-09T09:00:00+08:00");
  set_root (d, "supersedes", ATTENDANCE_ID);
  set_attr (d, "//t:Chain", "prev", head);
}

static void
m_batch_correction_restates (xmlDoc *d)
{
  m_batch_correction (d);
  /* the late trainee was present after all */
  set_attr (d, "//t:Session[@lesson='L01A']/t:Record[@id='371524197012231602']", "in",
            "07:58:00");
  set_attr (d, "//t:Session[@lesson='L01A']/t:Record[@id='371524197012231602']", "status",
            "P");
  set_attr (d, "//t:Session[@lesson='L01A']/t:Record[@id='371524197012231602']", "hours", "5");
}

static void
m_batch_correction_drops_lesson (xmlDoc *d)
{
  m_batch_correction (d);
  remove_all (d, "//t:Session[@lesson='L05B']");
}

static void
m_batch_correction_drops_record (xmlDoc *d)
{
  m_batch_correction (d);
  remove_all (d, "//t:Session[@lesson='L02A']/t:Record[@id='371524197608024399']");
}

/* R-PKT-005 */
static void
m_before_filing_accepted (xmlDoc *d)
{
  set_root (d, "created", "2026-02-20T10:00:00+08:00");
}

static void
m_filed_again (xmlDoc *d)
{
  set_root (d, "created", "2026-02-21T09:00:00+08:00");
  set_attr (d, "//t:Class", "filingNo", FILING_NO);
}

/* The roster's own id and Body, written again a day later. */
static void
m_roster_recreated (xmlDoc *d)
{
  set_root (d, "created", "2026-02-28T09:00:00+08:00");
}

static void
m_id_reused (xmlDoc *d)
{
  set_root (d, "id", QUARTERLY_ID);
}

/* R-CLS-002 */
static void
m_late_first_filing (xmlDoc *d)
{
  set_text (d, "//t:StartDate", "2026-02-25");
}

static void
m_correction_moves_start (xmlDoc *d)
{
  set_root (d, "created", "2026-02-24T09:00:00+08:00");
  set_root (d, "supersedes", FILING_ID);
  set_attr (d, "//t:Class", "filingNo", FILING_NO);
  set_text (d, "//t:StartDate", "2026-02-27");
}

static void
m_started_correction (xmlDoc *d)
{
  set_root (d, "created", "2026-03-05T12:00:00+08:00");
  set_root (d, "supersedes", FILING_ID);
  set_attr (d, "//t:Class", "filingNo", FILING_NO);
}

static void
m_started_past_lesson (xmlDoc *d)
{
  m_started_correction (d);
  set_attr (d, "//t:Lesson[@id='L01A']", "teacher", "T2");
}

static void
m_started_title (xmlDoc *d)
{
  m_started_correction (d);
  set_text (d, "//t:Title", "养老护理员（五级）就业技能培训2026年第7期（更正）");
}

static void
m_started_future_lesson (xmlDoc *d)
{
  m_started_correction (d);
  set_attr (d, "//t:Lesson[@id='L10A']", "teacher", "T2");
  set_text (d, "//t:Teacher[@id='T2']/t:Qualification", "高级技师(养老护理员)");
}

/* R-CLS-006, R-CLS-009 */
static void
m_size_over (xmlDoc *d)
{
  set_text (d, "//t:PlannedSize", "61");
}

static void
m_size_under (xmlDoc *d)
{
  set_text (d, "//t:PlannedSize", "9");
}

static void
m_item_name (xmlDoc *d)
{
  set_attr (d, "//t:CatalogItem", "name", "家政服务员");
}

static void
m_no_standard (xmlDoc *d)
{
  set_attr (d, "//t:AssessmentPlan", "certificate", "3");
}

static void
m_too_few_hours (xmlDoc *d)
{
  set_attr (d, "//t:Lesson", "hours", "2");
  set_attr (d, "//t:Hours", "theory", "30");
  set_attr (d, "//t:Hours", "practice", "30");
  set_attr (d, "//t:Hours", "online", "8");
}

/* R-CLS-010 */
static void
m_wrong_filing_no (xmlDoc *d)
{
  set_attr (d, "//t:ClassRef", "filingNo", "LC2026-000999");
}

static void
m_no_filing_no (xmlDoc *d)
{
  set_attr (d, "//t:ClassRef", "filingNo", NULL);
}

/* R-ROS-001 … 006 */
static void
m_on_other_roster (xmlDoc *d)
{
  set_root (d, "created", "2026-02-28T09:00:00+08:00");
  set_attr (d, "//t:ClassRef", "code", OTHER_CODE);
  set_attr (d, "//t:ClassRef", "filingNo", OTHER_FILING_NO);
  remove_all (d, "//t:Trainee[position() > 1]");
}

/* GY2026-008's roster (it starts on 2026-03-09) with one trainee of GY2026-007. */
static void
other_roster (xmlDoc *d, const char *created, const char *id)
{
  g_autofree char *others = g_strdup_printf ("//t:Trainee[t:IdNumber != '%s']", id);

  set_root (d, "created", created);
  set_attr (d, "//t:ClassRef", "code", OTHER_CODE);
  set_attr (d, "//t:ClassRef", "filingNo", OTHER_FILING_NO);
  remove_all (d, others);
}

static void
m_other_roster_withdrawn (xmlDoc *d)
{
  /* withdrew from GY2026-007 on 2026-03-06 */
  other_roster (d, "2026-03-07T10:00:00+08:00", "372901198011253562");
}

static void
m_other_roster_enrolled (xmlDoc *d)
{
  other_roster (d, "2026-03-08T12:00:00+08:00", "371524197608024399");
}

static void
set_trainee_birth (xmlDoc *d, const char *birth, const char *first17)
{
  g_autofree char *id = make_id (first17);

  set_text (d, "//t:Trainee[1]/t:IdNumber", id);
  set_text (d, "//t:Trainee[1]/t:BirthDate", birth);
}

static void
m_too_old (xmlDoc *d)
{
  set_trainee_birth (d, "1960-03-01", "37152419600301439");
}

static void
m_too_young (xmlDoc *d)
{
  set_trainee_birth (d, "2010-03-03", "37152420100303439");
}

static void
m_sixteen_on_start (xmlDoc *d)
{
  set_trainee_birth (d, "2010-03-02", "37152420100302439");
}

static void
m_over_planned (xmlDoc *d)
{
  /* 38 trainees + 3 = 41 > PlannedSize 40 */
  static const char *const births[] = { "1976-08-03", "1976-08-04", "1976-08-05" };
  xmlNode *first = select_node (d, "//t:Trainee[1]");

  for (guint i = 0; i < G_N_ELEMENTS (births); i++)
    {
      xmlNode *copy = xmlCopyNode (first, 1);
      g_autofree char *digits = g_strdup_printf ("371524%.4s%.2s%.2s439", births[i],
                                                 births[i] + 5, births[i] + 8);
      g_autofree char *id = make_id (digits);

      xmlAddNextSibling (first, copy);
      xmlNodeSetContent (td_xml_child (copy, "IdNumber"), BAD_CAST id);
      xmlNodeSetContent (td_xml_child (copy, "BirthDate"), BAD_CAST births[i]);
    }
}

static void
m_consent_late (xmlDoc *d)
{
  /* after the date of created (2026-02-27) */
  set_attr (d, "//t:Trainee[1]/t:Consent", "date", "2026-02-28");
}

static void
m_graduate_older (xmlDoc *d)
{
  set_text (d, "//t:Trainee[1]/t:Categories/t:Category[1]", "02");
}

static void
m_late_roster (xmlDoc *d)
{
  set_root (d, "created", "2026-03-03T09:00:00+08:00");
}

/* R-ATT-001 … 007 */
static void
m_session_date (xmlDoc *d)
{
  set_attr (d, "//t:Session[@lesson='L01A']", "date", "2026-03-03");
}

static void
m_session_unknown (xmlDoc *d)
{
  set_attr (d, "//t:Session[@lesson='L01A']", "lesson", "L99A");
}

static void
m_withdrawn_recorded (xmlDoc *d)
{
  set_attr (d, "//t:Session[@lesson='L06A']/t:Record[@id='371524197608024399']", "id",
            "372901198011253562");
}

static void
m_present_but_late (xmlDoc *d)
{
  set_attr (d, "//t:Session[@lesson='L01A']/t:Record[@id='371524197608024399']", "in",
            "08:05:00");
}

static void
m_in_too_early (xmlDoc *d)
{
  set_attr (d, "//t:Session[@lesson='L01A']/t:Record[@id='371524197608024399']", "in",
            "06:59:00");
}

static void
m_in_hour_early (xmlDoc *d)
{
  set_attr (d, "//t:Session[@lesson='L01A']/t:Record[@id='371524197608024399']", "in",
            "07:00:00");
}

static void
m_late_hours (xmlDoc *d)
{
  set_attr (d, "//t:Session[@lesson='L01A']/t:Record[@id='371524197012231602']", "hours", "3");
}

static void
m_early_hours (xmlDoc *d)
{
  set_attr (d, "//t:Session[@lesson='L01A']/t:Record[@id='371503199808122193']", "hours", "5");
}

static void
m_chain_restarts (xmlDoc *d)
{
  set_attr (d, "//t:Chain", "prev", ZEROS);
}

static void
m_lesson_twice (xmlDoc *d)
{
  g_autofree char *head = td_xml_attr (select_node (d, "//t:Chain"), "head");

  set_root (d, "created", "2026-03-23T09:00:00+08:00");
  set_attr (d, "//t:Chain", "prev", head);
  remove_all (d, "//t:Session[position() < last()]");
}

static void
m_roster_on_start (xmlDoc *d)
{
  set_root (d, "created", "2026-03-02T23:59:00+08:00");
}

static void
m_batch_late (xmlDoc *d)
{
  set_root (d, "created", "2026-03-12T09:00:00+08:00");
}

static void
m_batch_three_days (xmlDoc *d)
{
  set_root (d, "created", "2026-03-11T20:00:00+08:00");
}

/* R-ASM-001 … 004 */
static void
m_result_stranger (xmlDoc *d)
{
  g_autofree char *id = make_id ("37152419760803439");

  set_attr (d, "//t:Result[@id='371524197608024399']", "id", id);
}

static void
m_exam_early (xmlDoc *d)
{
  set_attr (d, "//t:Exam", "theoryDate", "2026-03-16");
}

static void
m_exam_three_days (xmlDoc *d)
{
  set_attr (d, "//t:Exam", "theoryDate", "2026-03-17");
}

static void
m_passed_no_certificate (xmlDoc *d)
{
  set_attr (d, "//t:Result[@id='371524197608024399']", "outcome", "1");
}

static void
m_failed_with_certificate (xmlDoc *d)
{
  set_attr (d, "//t:Result[@id='371503197502193651']", "outcome", "2");
}

static void
m_certificate_level (xmlDoc *d)
{
  set_attr (d, "//t:Result[@id='371503197502193651']/t:Certificate", "level", "4");
  set_attr (d, "//t:Result[@id='371503197502193651']/t:Certificate", "number",
            "S000137150301264000101");
}

/* R-EMP-001, R-EMP-003 */
static void
m_checked_early (xmlDoc *d)
{
  set_attr (d, "//t:Record[@id='371521199409283101']", "checked", "2026-03-20");
}

static void
m_follow_up_stranger (xmlDoc *d)
{
  g_autofree char *id = make_id ("37152419760803439");

  set_attr (d, "//t:Record[@id='371521199409283101']", "id", id);
}

static void
m_since_at_end (xmlDoc *d)
{
  set_attr (d, "//t:Record[@id='371503197502193651']", "since", "2026-03-20");
}

static void
m_since_after_window (xmlDoc *d)
{
  set_root (d, "created", "2026-10-15T10:00:00+08:00");
  set_attr (d, "//t:Record[@id='371503197502193651']", "checked", "2026-10-12");
  set_attr (d, "//t:Record[@id='371503197502193651']", "since", "2026-09-20");
}

static void
m_since_window_end (xmlDoc *d)
{
  set_root (d, "created", "2026-10-15T10:00:00+08:00");
  set_attr (d, "//t:Record[@id='371503197502193651']", "checked", "2026-10-12");
  set_attr (d, "//t:Record[@id='371503197502193651']", "since", "2026-09-19");
}

/* R-SUB-001 … 006 */
static void
m_rate (xmlDoc *d)
{
  set_attr (d, "//t:Line[@id='371503197502193651']", "attendanceRate", "0.9700");
}

static void
m_line_level (xmlDoc *d)
{
  set_attr (d, "//t:Line[@id='371503197502193651']", "level", "4");
}

static void
m_uplift_without_job (xmlDoc *d)
{
  /* 371521199409283101's follow-up has status 4: no uplift */
  set_attr (d, "//t:Line[@id='371521199409283101']", "uplift", "300.00");
  set_attr (d, "//t:Line[@id='371521199409283101']", "amount", "1800.00");
  set_attr (d, "//t:Total", "amount", "45600.00");
}

static void
m_claim_late (xmlDoc *d)
{
  set_root (d, "created", "2027-03-21T10:00:00+08:00");
}

static void
m_claim_last_day (xmlDoc *d)
{
  set_root (d, "created", "2027-03-20T10:00:00+08:00");
}

/* R-NOT-001, R-NOT-002 */
static void
m_cancel_after_end (xmlDoc *d)
{
  set_root (d, "created", "2026-03-26T09:00:00+08:00");
  to_cancellation (d, "2026-03-21");
}

static void
m_cancel_after_created (xmlDoc *d)
{
  set_root (d, "created", "2026-03-10T09:00:00+08:00");
  to_cancellation (d, "2026-03-11");
}

static void
m_cancel_on_end (xmlDoc *d)
{
  set_root (d, "created", "2026-03-20T19:00:00+08:00");
  to_cancellation (d, "2026-03-20");
}

static void
m_withdraw_stranger (xmlDoc *d)
{
  g_autofree char *id = make_id ("37152419760803439");

  set_attr (d, "//t:Withdrawal", "id", id);
}

static void
m_withdraw_before_start (xmlDoc *d)
{
  set_attr (d, "//t:Withdrawal", "date", "2026-03-01");
}

static void
m_second_notice (xmlDoc *d)
{
  set_root (d, "created", "2026-03-10T09:00:00+08:00");
  set_attr (d, "//t:Withdrawal", "id", "371524197608024399");
  set_attr (d, "//t:Withdrawal", "date", "2026-03-09");
}

static void
m_notice_restates (xmlDoc *d)
{
  xmlNode *w = select_node (d, "//t:Withdrawal");
  xmlNode *copy = xmlCopyNode (w, 1);

  set_root (d, "created", "2026-03-10T09:00:00+08:00");
  set_root (d, "supersedes", NOTICE_ID);
  xmlAddNextSibling (w, copy);
  xmlSetProp (copy, BAD_CAST "id", BAD_CAST "371524197608024399");
  xmlSetProp (copy, BAD_CAST "date", BAD_CAST "2026-03-09");
}

/* R-QTR-003 */
static void
m_quarter_figure (xmlDoc *d)
{
  set_attr (d, "//t:Row[@category='01']", "certified", "4");
}

static void
m_quarter_subsidy (xmlDoc *d)
{
  set_attr (d, "//t:Row[@category='01']", "subsidy", "9300.00");
}

static void
m_quarter_missing_row (xmlDoc *d)
{
  remove_all (d, "//t:Row[@category='13']");
}

static void
m_quarter_again (xmlDoc *d)
{
  set_root (d, "created", "2026-07-20T09:00:00+08:00");
}

/* ---- the table ---- */

typedef struct
{
  const char *name;
  const char *example;
  void (*mutate) (xmlDoc *doc);
  void (*history) (TdStore *store);   /* more accepted packets before the check, or NULL */
  gboolean keep_id;                   /* the example's own id (else NEW_ID) */
  const char *rule;                   /* NULL: the packet passes */
  TdSeverity severity;
  const char *without;                /* an example left out of the history, or NULL */
  guint count;                        /* findings of the rule expected (0: one) */
} Row;

#define E TD_SEVERITY_ERROR
#define W TD_SEVERITY_WARNING

static const Row rows[] = {
  { "pkt-004/unknown", "roster", m_supersedes_unknown, NULL, FALSE, "R-PKT-004", E },
  { "pkt-004/other-kind", "roster", m_supersedes_other_kind, NULL, FALSE, "R-PKT-004", E },
  { "pkt-004/leaves-out", "roster", m_roster_leaves_out, NULL, FALSE, "R-PKT-004", E },
  { "pkt-004/already-superseded", "roster", m_roster_restates, history_roster_corrected, FALSE,
    "R-PKT-004", E },
  { "pkt-004/restates", "roster", m_roster_restates, NULL, FALSE, NULL, E },
  { "pkt-004/notice-restates", "notice", m_notice_restates, NULL, FALSE, NULL, E },
  { "pkt-004/batch-restates", "attendance", m_batch_correction_restates, NULL, FALSE, NULL, E },
  { "pkt-004/batch-drops-lesson", "attendance", m_batch_correction_drops_lesson, NULL, FALSE,
    "R-PKT-004", E },
  { "pkt-004/batch-drops-record", "attendance", m_batch_correction_drops_record, NULL, FALSE,
    "R-PKT-004", E },
  { "pkt-005/no-filing", "roster", m_before_filing_accepted, NULL, FALSE, "R-PKT-005", E },
  { "pkt-005/filed-again", "filing", m_filed_again, NULL, FALSE, "R-PKT-005", E },
  { "pkt-005/id-reused", "roster", m_id_reused, NULL, TRUE, "R-PKT-005", E },
  { "pkt-005/id-recreated", "roster", m_roster_recreated, NULL, TRUE, "R-PKT-005", E },
  { "cls-002/first-late", "filing", m_late_first_filing, NULL, FALSE, "R-CLS-002", E },
  { "cls-002/moves-start", "filing", m_correction_moves_start, NULL, FALSE, "R-CLS-002", E },
  { "cls-002/past-lesson", "filing", m_started_past_lesson, NULL, FALSE, "R-CLS-002", E },
  { "cls-002/started-title", "filing", m_started_title, NULL, FALSE, "R-CLS-002", E },
  { "cls-002/future-lesson", "filing", m_started_future_lesson, NULL, FALSE, NULL, E },
  { "cls-006/over", "filing", m_size_over, NULL, FALSE, "R-CLS-006", E },
  { "cls-006/under", "filing", m_size_under, NULL, FALSE, "R-CLS-006", E },
  { "cls-009/name", "filing", m_item_name, NULL, FALSE, "R-CLS-009", E },
  { "cls-009/standard", "filing", m_no_standard, NULL, FALSE, "R-CLS-009", E },
  { "cls-009/min-hours", "filing", m_too_few_hours, NULL, FALSE, "R-CLS-009", E },
  { "cls-010/wrong", "roster", m_wrong_filing_no, NULL, FALSE, "R-CLS-010", E },
  { "cls-010/missing", "assessment", m_no_filing_no, NULL, FALSE, "R-CLS-010", E },
  { "ros-001/other-class", "roster", m_on_other_roster, history_other_filing, FALSE,
    "R-ROS-001", E },
  { "ros-001/later-class", "roster", m_other_roster_enrolled, history_other_filing_later, FALSE,
    "R-ROS-001", E },
  { "ros-001/withdrawn-before", "roster", m_other_roster_withdrawn, history_other_filing_later,
    FALSE, NULL, E },
  { "ros-001/cancelled", "roster", m_other_roster_enrolled, history_other_after_cancelled, FALSE,
    NULL, E },
  { "ros-002/old", "roster", m_too_old, NULL, FALSE, "R-ROS-002", E },
  { "ros-002/young", "roster", m_too_young, NULL, FALSE, "R-ROS-002", E },
  { "ros-002/sixteen", "roster", m_sixteen_on_start, NULL, FALSE, NULL, E },
  { "ros-003/over", "roster", m_over_planned, NULL, FALSE, "R-ROS-003", E },
  { "ros-004/consent", "roster", m_consent_late, NULL, FALSE, "R-ROS-004", E },
  { "ros-005/graduate", "roster", m_graduate_older, NULL, FALSE, "R-ROS-005", W },
  { "ros-006/late", "roster", m_late_roster, NULL, FALSE, "R-ROS-006", W, "roster" },
  { "ros-006/on-start", "roster", m_roster_on_start, NULL, FALSE, NULL, E, "roster" },
  { "att-001/date", "attendance", m_session_date, NULL, FALSE, "R-ATT-001", E },
  { "att-001/lesson", "attendance", m_session_unknown, NULL, FALSE, "R-ATT-001", E },
  { "att-002/withdrawn", "attendance-2", m_withdrawn_recorded, NULL, FALSE, "R-ATT-002", E },
  { "att-003/present-late", "attendance", m_present_but_late, NULL, FALSE, "R-ATT-003", E },
  { "att-003/too-early", "attendance", m_in_too_early, NULL, FALSE, "R-ATT-003", E },
  { "att-003/hour-early", "attendance", m_in_hour_early, NULL, FALSE, NULL, E },
  { "att-004/late", "attendance", m_late_hours, NULL, FALSE, "R-ATT-004", E },
  { "att-004/early", "attendance", m_early_hours, NULL, FALSE, "R-ATT-004", E },
  { "att-005/prev", "attendance-2", m_chain_restarts, NULL, FALSE, "R-ATT-005", E },
  { "att-006/twice", "attendance-2", m_lesson_twice, NULL, FALSE, "R-ATT-006", E },
  { "att-007/late", "attendance", m_batch_late, NULL, FALSE, "R-ATT-007", W, "attendance" },
  { "att-007/three-days", "attendance", m_batch_three_days, NULL, FALSE, NULL, E,
    "attendance" },
  { "asm-001/stranger", "assessment", m_result_stranger, NULL, FALSE, "R-ASM-001", E },
  { "asm-001/early", "assessment", m_exam_early, NULL, FALSE, "R-ASM-001", E },
  { "asm-001/three-days", "assessment", m_exam_three_days, NULL, FALSE, NULL, E },
  { "asm-002/no-certificate", "assessment", m_passed_no_certificate, NULL, FALSE, "R-ASM-002",
    E },
  { "asm-002/failed-certificate", "assessment", m_failed_with_certificate, NULL, FALSE,
    "R-ASM-002", E },
  { "asm-004/level", "assessment", m_certificate_level, NULL, FALSE, "R-ASM-004", E },
  { "emp-001/checked", "followup", m_checked_early, NULL, FALSE, "R-EMP-001", E },
  { "emp-001/stranger", "followup", m_follow_up_stranger, NULL, FALSE, "R-EMP-001", E },
  { "emp-003/at-end", "followup", m_since_at_end, NULL, FALSE, "R-EMP-003", W },
  { "emp-003/after", "followup", m_since_after_window, NULL, FALSE, "R-EMP-003", W },
  { "emp-003/window-end", "followup", m_since_window_end, NULL, FALSE, NULL, E },
  { "sub-001/rate", "claim", m_rate, NULL, FALSE, "R-SUB-001", E },
  { "sub-002/level", "claim", m_line_level, NULL, FALSE, "R-SUB-002", E },
  { "sub-003/uplift", "claim", m_uplift_without_job, NULL, FALSE, "R-SUB-003", E },
  { "sub-005/twice", "claim", NULL, history_claim_same_level, TRUE, "R-SUB-005", E },
  { "sub-005/lower", "claim", NULL, history_claim_higher_level, TRUE, "R-SUB-005", E },
  { "sub-006/late", "claim", m_claim_late, NULL, FALSE, "R-SUB-006", E, "claim" },
  { "sub-006/last-day", "claim", m_claim_last_day, NULL, FALSE, NULL, E, "claim" },
  { "not-001/cancelled", "attendance-2", NULL, history_cancelled, TRUE, "R-NOT-001", E },
  { "not-001/after-end", "notice", m_cancel_after_end, NULL, FALSE, "R-NOT-001", E },
  { "not-001/after-created", "notice", m_cancel_after_created, NULL, FALSE, "R-NOT-001", E },
  { "not-001/on-end", "notice", m_cancel_on_end, NULL, FALSE, NULL, E },
  { "not-002/stranger", "notice", m_withdraw_stranger, NULL, FALSE, "R-NOT-002", E },
  { "not-002/before-start", "notice", m_withdraw_before_start, NULL, FALSE, "R-NOT-002", E },
  { "not-002/second", "notice", m_second_notice, NULL, FALSE, "R-NOT-002", E },
  { "qtr-003/figure", "quarterly", m_quarter_figure, NULL, FALSE, "R-QTR-003", E },
  { "qtr-003/subsidy", "quarterly", m_quarter_subsidy, NULL, FALSE, "R-QTR-003", E },
  { "qtr-003/missing-row", "quarterly", m_quarter_missing_row, NULL, FALSE, "R-QTR-003", E },
  /* the trainee refused in the claim's receipt is in rows 05 and 06: both lose 1800.00 */
  { "qtr-003/approved-in-part", "quarterly", NULL, history_claim_in_part, TRUE, "R-QTR-003", E,
    "claim", 2 },
  { "qtr-003/again", "quarterly", m_quarter_again, NULL, FALSE, "R-QTR-003", E },
};

/* ---- running a row ---- */

typedef struct
{
  char *dir;
  char *db;
  char *schema;                 /* on a server: the test's schema */
  TdStore *store;
} Fixture;

static void
copy_file (const char *from, const char *to)
{
  g_autoptr (GFile) src = g_file_new_for_path (from);
  g_autoptr (GFile) dst = g_file_new_for_path (to);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template_db = g_build_filename (template_dir, "h.db", NULL);
  const Row *row = data;

  f->dir = td_test_make_dir ("td-rules-XXXXXX");
  f->db = td_test_db_new (f->dir, "h.db", &f->schema);
  /* on a server each test builds its history (a schema is not copied like a file) */
  if ((row != NULL && row->without != NULL) || f->schema != NULL)
    build_history (f->db, row != NULL ? row->without : NULL);
  else
    copy_file (template_db, f->db);
  f->store = td_store_open (f->db, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  td_test_db_drop (f->schema);
  td_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* `traindesk-cli --db DB validate FILE` at the receiver's clock NOW; returns the exit
 * status and the output. */
static int
run_cli_validate (const char *db, const char *file, char **out)
{
  const char *argv[] = { g_getenv ("TD_CLI"), "--db", db, "validate", file, NULL };
  g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "TD_NOW", NOW, TRUE);
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    return 0;
  g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
  return error->code;
}

static GBytes *
mutated_packet (const Row *row)
{
  g_autofree char *text = example_text (row->example);
  xmlDoc *doc = parse (text, strlen (text));
  GBytes *bytes;

  if (!row->keep_id)
    set_root (doc, "id", NEW_ID);
  if (row->mutate != NULL)
    row->mutate (doc);
  seal (doc);
  bytes = serialize (doc);
  xmlFreeDoc (doc);
  return bytes;
}

static void
assert_cli (Fixture *f, const Row *row, GBytes *bytes)
{
  g_autofree char *file = g_build_filename (f->dir, "packet.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *line = NULL;
  int status;

  g_assert_true (g_file_set_contents (file, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  status = run_cli_validate (f->db, file, &out);
  if (row->rule == NULL)
    {
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpint (status, ==, 0);
      return;
    }
  line = g_strdup_printf ("%s %s ", row->rule, td_severity_to_string (row->severity));
  if (!g_str_has_prefix (out, line) && strstr (out, line) == NULL)
    g_error ("'%s' is not in the CLI's output:\n%s", line, out);
  g_assert_cmpint (status, ==, row->severity == TD_SEVERITY_ERROR ? 1 : 0);
}

static void
test_row (Fixture *f, gconstpointer data)
{
  const Row *row = data;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TdFindings) findings = td_findings_new ();
  g_autofree char *text = NULL;
  gsize len = 0;
  const char *mem;
  xmlDoc *doc;

  if (row->history != NULL)
    row->history (f->store);
  bytes = mutated_packet (row);
  mem = g_bytes_get_data (bytes, &len);
  doc = parse (mem, len);
  td_validator_check (f->store, doc, NOW, findings);
  xmlFreeDoc (doc);
  text = td_findings_format (findings);
  g_test_message ("%s", text);
  if (row->rule == NULL)
    {
      if (td_findings_get_n (findings) != 0)
        g_error ("%s should pass:\n%s", row->name, text);
    }
  else if (td_findings_get_n (findings) != MAX (row->count, 1)
           || td_findings_count_rule (findings, row->rule) != MAX (row->count, 1)
           || td_findings_count (findings, row->severity) != MAX (row->count, 1))
    g_error ("%s: expected exactly %u %s %s, got:\n%s", row->name, MAX (row->count, 1),
             row->rule, td_severity_to_string (row->severity), text);
  assert_cli (f, row, bytes);
}

/* Every example still passes against the history the rows start from. */
static void
test_examples_pass (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (packets); i++)
    {
      g_autofree char *path = example_path (packets[i]);
      g_autoptr (TdFindings) findings = td_findings_new ();
      g_autofree char *text = NULL;

      g_assert_true (td_validator_check_file (f->store, path, NOW, findings));
      text = td_findings_format (findings);
      if (td_findings_get_n (findings) != 0)
        g_error ("%s:\n%s", packets[i], text);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!TD_TEST_DB_RUNS ())
    return g_test_run ();   /* the run on a server, with no server: no tests */
  td_xml_init ();
  template_dir = td_test_make_dir ("td-rules-template-XXXXXX");
  if (td_test_server () == NULL)
    {
      g_autofree char *template_db = g_build_filename (template_dir, "h.db", NULL);

      build_history (template_db, NULL);
    }

  g_test_add ("/packet/validator-rules/examples", Fixture, NULL, fixture_set_up,
              test_examples_pass, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strconcat ("/packet/validator-rules/", rows[i].name, NULL);
      g_test_add (path, Fixture, &rows[i], fixture_set_up, test_row, fixture_tear_down);
    }
  status = g_test_run ();
  td_test_remove_tree (template_dir);
  g_free (template_dir);
  return status;
}
