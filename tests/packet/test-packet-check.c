/* SPDX-License-Identifier: GPL-3.0-or-later */
/* td_packet_check: every example passes; every (packet) rule refuses a packet that breaks
 * only that rule. */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "packet/td-digest.h"
#include "packet/td-finding.h"
#include "packet/td-packet-check.h"
#include "packet/td-xml-safe.h"

/* After every example was created. */
#define RECEIVER_NOW "2026-12-31T12:00:00+08:00"

static const char *const packets[] = {
  "filing", "roster", "attendance", "attendance-2", "notice", "assessment", "followup",
  "claim", "quarterly",
};

static char *
read_example (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".xml", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("TD_TEST_DATA"), "bureau", file, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static xmlDoc *
parse (const char *text)
{
  g_autoptr(TdFindings) findings = td_findings_new ();
  xmlDoc *doc = td_xml_read_memory (text, strlen (text), "mutated", findings);

  g_assert_cmpuint (td_findings_get_n (findings), ==, 0);
  g_assert_nonnull (doc);
  return doc;
}

static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

/* The first element that @xpath (prefix t) selects. */
static xmlNode *
select_node (xmlDoc     *doc,
             const char *xpath)
{
  xmlXPathContextPtr ctxt = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  xmlNode *node = NULL;

  xmlXPathRegisterNs (ctxt, BAD_CAST "t", BAD_CAST TD_NS);
  result = xmlXPathEvalExpression (BAD_CAST xpath, ctxt);
  if (result != NULL && result->nodesetval != NULL && result->nodesetval->nodeNr > 0)
    node = result->nodesetval->nodeTab[0];
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctxt);
  g_assert_nonnull (node);
  return node;
}

/* Sets (or with NULL removes) an attribute of the first node @xpath selects. */
static void
set_attr (xmlDoc     *doc,
          const char *xpath,
          const char *name,
          const char *value)
{
  xmlNode *node = select_node (doc, xpath);

  if (value != NULL)
    xmlSetProp (node, BAD_CAST name, BAD_CAST value);
  else
    g_assert_cmpint (xmlUnsetProp (node, BAD_CAST name), ==, 0);
}

static void
fix_chain (xmlDoc *doc)
{
  xmlNode *attendance = select_node (doc, "/t:Packet/t:Body/t:Attendance");
  xmlNode *chain = select_node (doc, "//t:Chain");
  g_autofree char *prev = td_xml_attr (chain, "prev");
  g_autofree char *head = td_packet_chain_head (attendance, prev, NULL);

  xmlSetProp (chain, BAD_CAST "head", BAD_CAST head);
}

/* Writes the right Digest for the Body as it now is. */
static void
fix_digest (xmlDoc *doc)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = td_digest_body (doc, &error);

  g_assert_no_error (error);
  xmlNodeSetContent (select_node (doc, "/t:Packet/t:Digest"), BAD_CAST digest);
}

static TdFindings *
check_doc (xmlDoc     *doc,
           const char *now)
{
  TdFindings *findings = td_findings_new ();

  td_packet_check (doc, now, findings);
  return findings;
}

/* Asserts every finding is @rule with @severity (at least one) and returns the first
 * message. */
static char *
assert_only (TdFindings *findings,
             const char *rule,
             TdSeverity  severity)
{
  g_autofree char *text = td_findings_format (findings);

  g_test_message ("%s", text);
  g_assert_cmpuint (td_findings_get_n (findings), >=, 1);
  g_assert_cmpuint (td_findings_count_rule (findings, rule), ==, td_findings_get_n (findings));
  g_assert_cmpuint (td_findings_count (findings, severity), ==, td_findings_get_n (findings));
  return g_strdup (td_findings_get (findings, 0)->message);
}

static void
test_examples_pass (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (packets); i++)
    {
      g_autofree char *text = read_example (packets[i]);
      xmlDoc *doc = parse (text);
      g_autoptr(TdFindings) findings = check_doc (doc, RECEIVER_NOW);
      g_autofree char *out = td_findings_format (findings);

      g_test_message ("%s: %s", packets[i], out);
      /* The examples' credit codes all have right check characters: no R-ORG-001 either. */
      g_assert_cmpstr (out, ==, "");
      xmlFreeDoc (doc);
    }
}

static void
test_kind_helpers (void)
{
  g_autofree char *text = read_example ("roster");
  xmlDoc *doc = parse (text);

  g_assert_cmpstr (td_packet_kind (doc), ==, "Roster");
  g_assert_true (td_xml_is (td_packet_body (doc), "Body"));
  g_assert_true (td_xml_is (td_packet_kind_node (doc), "Roster"));
  xmlFreeDoc (doc);
}

typedef struct
{
  const char *example;
  const char *old;        /* text replaced once */
  const char *new;
  gboolean fix_digest;    /* recompute Digest so only the rule under test breaks */
  const char *rule;
  TdSeverity severity;
  const char *message;    /* the first finding's message, or NULL to skip */
} Mutation;

static const Mutation mutations[] = {
  { "filing", "<ProjectMode>0</ProjectMode>", "<ProjectMode>7</ProjectMode>", TRUE,
    "R-PKT-001", TD_SEVERITY_ERROR, NULL },
  { "notice", "家庭原因退训", "个人原因退训", FALSE, "R-PKT-002", TD_SEVERITY_ERROR,
    "Digest 9070de8ab872b28217520b792cac402b8055000e7c966b9a4b431422d62d1047 is not the "
    "SHA-256 of the Body as sent, which is "
    "226324cc59f3c757c6d25b520dafc61cadb52d39876227169761339e600800c6" },
  { "notice", "created=\"2026-03-06T17:00:00+08:00\"", "created=\"2024-12-31T23:59:59+08:00\"",
    FALSE, "R-PKT-003", TD_SEVERITY_ERROR,
    "created 2024-12-31T23:59:59+08:00 is before 2025-01-01T00:00:00+08:00" },
  { "notice", "<Withdrawal id=\"372901198011253562\" date=\"2026-03-06\">家庭原因退训</Withdrawal>",
    "<t:Withdrawal xmlns:t=\"urn:lc-hrss:training:1.0\" id=\"372901198011253562\" "
    "date=\"2026-03-06\">家庭原因退训</t:Withdrawal>", TRUE, "R-PKT-006", TD_SEVERITY_ERROR,
    "Element Withdrawal is written with the prefix “t”; packets use the namespace as the "
    "default namespace" },
  { "notice", "date=\"2026-03-06\">", "date=\" 2026-03-06\">", TRUE, "R-PKT-006",
    TD_SEVERITY_ERROR, "Withdrawal/@date “ 2026-03-06” has white space around the value" },
  { "filing", "<StartDate>2026-03-02</StartDate>", "<StartDate>2026-03-02\n</StartDate>", TRUE,
    "R-PKT-006", TD_SEVERITY_ERROR, "StartDate “2026-03-02\n” has white space around the value" },
  { "filing", "created=\"2026-02-20T09:30:00+08:00\"", "created=\"2026-02-20T09:30:00+08:00 \"",
    FALSE, "R-PKT-006", TD_SEVERITY_ERROR, NULL },
  { "notice", "id=\"372901198011253562\"", "id=\"372901198011253563\"", TRUE, "R-ID-001",
    TD_SEVERITY_ERROR, "Id number 372901198011253563: the check digit is wrong" },
  { "notice", "id=\"372901198011253562\"", "id=\"371502202701010018\"", TRUE, "R-ID-002",
    TD_SEVERITY_ERROR, "Id number 371502202701010018: the birth date 2027-01-01 is after the "
    "date the packet was created" },
  { "roster", "<BirthDate>1976-08-02</BirthDate>", "<BirthDate>1976-08-03</BirthDate>", TRUE,
    "R-ID-002", TD_SEVERITY_ERROR, "Trainee 371524197608024399: BirthDate 1976-08-03 is not the "
    "birth date 1976-08-02 in the id number" },
  { "roster", "<IdNumber>371524197608024399</IdNumber>\n        <Name>吴丽娟</Name>\n"
    "        <Gender>1</Gender>", "<IdNumber>371524197608024399</IdNumber>\n        "
    "<Name>吴丽娟</Name>\n        <Gender>2</Gender>", TRUE, "R-ID-002", TD_SEVERITY_ERROR,
    "Trainee 371524197608024399: Gender 2 does not agree with the id number, whose 17th digit "
    "is odd (male, 1)" },
  { "notice", "<CreditCode>52371502MJD1234563</CreditCode>",
    "<CreditCode>52371502MJD1234564</CreditCode>", FALSE, "R-ORG-001", TD_SEVERITY_WARNING,
    "Credit code 52371502MJD1234564: the check character is wrong (some early codes fail "
    "this)" },
  { "filing", "<EndDate>2026-03-20</EndDate>", "<EndDate>2027-03-20</EndDate>", TRUE,
    "R-CLS-001", TD_SEVERITY_ERROR,
    "EndDate is 383 days after StartDate; a class lasts at most 366 days" },
  { "filing", "theory=\"75\"", "theory=\"70\"", TRUE, "R-CLS-003", TD_SEVERITY_ERROR,
    "The theory lessons add up to 75 hours, but Hours/@theory is 70" },
  /* A control: white space between attributes is not in the canonical form. */
  { "filing", "id=\"L05A\" date=\"2026-03-06\"", "id=\"L05A\"   date=\"2026-03-06\"", FALSE,
    NULL, 0, NULL },
  { "filing", "id=\"L03A\" date=\"2026-03-04\" start=\"08:00:00\" end=\"11:45:00\"",
    "id=\"L03A\" date=\"2026-03-04\" start=\"08:00:00\" end=\"11:00:00\"", TRUE, "R-CLS-004",
    TD_SEVERITY_ERROR, "Lesson L03A: hours 5 is more than the 4 class hours of "
    "08:00:00–11:00:00" },
  { "filing", "id=\"L15B\" date=\"2026-03-20\"", "id=\"L15B\" date=\"2026-03-21\"", TRUE,
    "R-CLS-004", TD_SEVERITY_ERROR, "Lesson L15B: the date 2026-03-21 is outside "
    "StartDate..EndDate" },
  { "filing", "id=\"L02A\" date=\"2026-03-03\" start=\"08:00:00\" end=\"11:45:00\"",
    "id=\"L02A\" date=\"2026-03-03\" start=\"08:00:00\" end=\"08:00:00\"", TRUE, "R-CLS-004",
    TD_SEVERITY_ERROR, "Lesson L02A: the end 08:00:00 is not after the start 08:00:00" },
  { "filing", "id=\"L01B\" date=\"2026-03-02\" start=\"13:30:00\"",
    "id=\"L01B\" date=\"2026-03-02\" start=\"11:30:00\"", TRUE, "R-CLS-005", TD_SEVERITY_ERROR,
    "Lesson L01B overlaps lesson L01A" },
  { "filing", "kind=\"P\" online=\"false\" teacher=\"T2\">生活照护实操 第15次",
    "kind=\"P\" online=\"false\" teacher=\"T3\">生活照护实操 第15次", TRUE, "R-CLS-005",
    TD_SEVERITY_ERROR, "Lesson L15B: the teacher T3 is not a Teacher of the filing" },
  { "filing", "<OnlinePlatform>山东省职业技能线上培训平台</OnlinePlatform>\n", "", TRUE,
    "R-CLS-007", TD_SEVERITY_ERROR, "Mode 3 needs an OnlinePlatform" },
  { "filing", "<Mode>3</Mode>", "<Mode>2</Mode>", TRUE, "R-CLS-007", TD_SEVERITY_ERROR,
    "Hours/@online is 20, but Mode 2 (online) gives all 150 hours online" },
  { "filing", "<Mode>3</Mode>", "<Mode>1</Mode>", TRUE, "R-CLS-007", TD_SEVERITY_ERROR,
    "OnlinePlatform is given, but Mode 1 (in person) has no online part" },
  { "filing", "<ProjectMode>0</ProjectMode>", "<ProjectMode>2</ProjectMode>", TRUE, "R-CLS-008",
    TD_SEVERITY_ERROR, "ProjectMode 2 needs a Partner employer" },
  { "filing", "<SpecialAction>05</SpecialAction>", "<SpecialAction>09</SpecialAction>", TRUE,
    "R-CLS-011", TD_SEVERITY_WARNING,
    "SpecialAction 09 (entrepreneurship) is for TrainingType 03, not 01" },
  { "assessment", "number=\"S000137150301265000101\"", "number=\"S000137150301264000101\"", TRUE,
    "R-ASM-003", TD_SEVERITY_ERROR, "Trainee 371503197502193651: certificate number "
    "S000137150301264000101 has level digit 4, but the level is 5" },
  { "assessment", "number=\"S000137150301265000101\"", "number=\"X000137150301265000101\"", TRUE,
    "R-ASM-003", TD_SEVERITY_ERROR, "Trainee 371503197502193651: certificate number "
    "X000137150301265000101 is not Y or S followed by 21 digits" },
  { "assessment", "number=\"S000137150301265000101\" issued=\"2026-04-08\"",
    "number=\"S000137150301265000101\" issued=\"2026-03-25\"", TRUE, "R-ASM-004",
    TD_SEVERITY_ERROR, "Trainee 371503197502193651: the certificate is issued on 2026-03-25, "
    "before the exam ended on 2026-03-26" },
  { "followup", "<Record id=\"371503197502193651\" checked=\"2026-06-12\" status=\"1\" "
    "since=\"2026-04-11\" proof=\"1\" monthlyWage=\"4200.00\">\n        <Employer "
    "creditCode=\"91371502MA3C001015\" name=\"东昌府区康乐居家养老服务中心\"/>\n      </Record>",
    "<Record id=\"371503197502193651\" checked=\"2026-06-12\" status=\"1\" "
    "since=\"2026-04-11\" proof=\"1\" monthlyWage=\"4200.00\"/>", TRUE, "R-EMP-002",
    TD_SEVERITY_ERROR, "Trainee 371503197502193651: status 1 needs an Employer" },
  { "followup", "<Record id=\"371521199409283101\" checked=\"2026-06-12\" status=\"4\"/>",
    "<Record id=\"371521199409283101\" checked=\"2026-06-12\" status=\"4\" since=\"2026-05-01\"/>",
    TRUE, "R-EMP-002", TD_SEVERITY_ERROR,
    "Trainee 371521199409283101: status 4 (not employed) carries no Employer, since or proof" },
  { "followup", "id=\"371525199310113167\" checked=\"2026-06-12\" status=\"3\" "
    "since=\"2026-05-06\" proof=\"2\"",
    "id=\"371525199310113167\" checked=\"2026-06-12\" status=\"3\" since=\"2026-05-06\"",
    TRUE, "R-EMP-002", TD_SEVERITY_ERROR,
    "Trainee 371525199310113167: status 3 needs since and proof" },
  { "claim", "<Line id=\"371503197502193651\" certificate=\"2\" level=\"5\" "
    "attendanceRate=\"0.9800\" standard=\"1500.00\" uplift=\"300.00\"",
    "<Line id=\"371503197502193651\" certificate=\"2\" level=\"5\" "
    "attendanceRate=\"0.9800\" standard=\"1500.00\" uplift=\"0.00\"", TRUE, "R-SUB-003",
    TD_SEVERITY_ERROR, "Line 371503197502193651: amount 1800.00 is not standard 1500.00 + "
    "uplift 0.00" },
  { "claim", "<Total count=\"26\" amount=\"45300.00\"/>",
    "<Total count=\"25\" amount=\"45300.00\"/>",
    TRUE, "R-SUB-004", TD_SEVERITY_ERROR, "Total/@count is 25, but the claim has 26 lines" },
  { "claim", "<Total count=\"26\" amount=\"45300.00\"/>",
    "<Total count=\"26\" amount=\"45000.00\"/>",
    TRUE, "R-SUB-004", TD_SEVERITY_ERROR,
    "Total/@amount is 45000.00, but the lines add up to 45300.00" },
  { "claim", "<Payee type=\"1\">", "<Payee type=\"2\">", TRUE, "R-SUB-007", TD_SEVERITY_ERROR,
    "Line 371503197502193651: with Payee type 2 every line carries the trainee's bank and "
    "account" },
  { "claim", "attendanceRate=\"0.9933\" standard=\"1500.00\" uplift=\"300.00\" "
    "amount=\"1800.00\"/>\n      <Line id=\"371524199306071973\"",
    "attendanceRate=\"0.9933\" standard=\"1500.00\" uplift=\"300.00\" amount=\"1800.00\" "
    "bank=\"农业银行\" account=\"6228480123456789\"/>\n"
    "      <Line id=\"371524199306071973\"", TRUE, "R-SUB-007", TD_SEVERITY_ERROR,
    "Line 371525199310113167: a bank or account on a line is only for Payee type 2" },
  { "quarterly", "category=\"03\" enrolled=\"9\"", "category=\"01\" enrolled=\"9\"", TRUE,
    "R-QTR-001", TD_SEVERITY_ERROR,
    "Row 05/01/01: action, training type and category repeat an earlier row" },
  { "quarterly", "enrolled=\"8\" completed=\"8\" certified=\"5\"",
    "enrolled=\"8\" completed=\"8\" certified=\"9\"", TRUE, "R-QTR-002", TD_SEVERITY_ERROR,
    "Row 05/01/01: more certified than completed" },
};

static void
run_mutation (const Mutation *m)
{
  g_autofree char *text = read_example (m->example);
  g_autofree char *mutated = replace_once (text, m->old, m->new);
  xmlDoc *doc = parse (mutated);
  g_autoptr(TdFindings) findings = NULL;

  g_test_message ("%s: %s → %s", m->example, m->old, m->new);
  if (m->fix_digest)
    fix_digest (doc);
  findings = check_doc (doc, RECEIVER_NOW);
  if (m->rule == NULL)
    {
      /* A control: a change that breaks nothing. */
      g_assert_cmpuint (td_findings_get_n (findings), ==, 0);
    }
  else
    {
      g_autofree char *message = assert_only (findings, m->rule, m->severity);

      if (m->message != NULL)
        g_assert_cmpstr (message, ==, m->message);
    }
  xmlFreeDoc (doc);
}

static void
test_mutation (gconstpointer data)
{
  run_mutation (data);
}

/* Attendance mutations on the tree: @mutate changes the first batch, then the chain (when
 * @chain) and the digest are recomputed so that only @rule breaks. */
static TdFindings *
check_attendance (void (*mutate) (xmlDoc *doc),
                  gboolean chain)
{
  g_autofree char *text = read_example ("attendance");
  xmlDoc *doc = parse (text);
  TdFindings *findings;

  mutate (doc);
  if (chain)
    fix_chain (doc);
  fix_digest (doc);
  findings = check_doc (doc, RECEIVER_NOW);
  xmlFreeDoc (doc);
  return findings;
}

#define FIRST_P "(//t:Record[@status='P'])[1]"
#define FIRST_A "(//t:Record[@status='A'])[1]"

static void
present_without_out (xmlDoc *doc)
{
  set_attr (doc, FIRST_P, "out", NULL);
}

static void
present_out_before_in (xmlDoc *doc)
{
  set_attr (doc, FIRST_P, "out", "07:30:00");
}

static void
absent_with_times (xmlDoc *doc)
{
  set_attr (doc, FIRST_A, "in", "08:00:00");
}

static void
absent_with_hours (xmlDoc *doc)
{
  set_attr (doc, FIRST_A, "hours", "1");
}

static void
hours_changed (xmlDoc *doc)
{
  set_attr (doc, FIRST_P, "hours", "4.5");
}

static void
count_changed (xmlDoc *doc)
{
  set_attr (doc, "//t:Chain", "count", "379");
}

static void
test_attendance_rules (void)
{
  struct { void (*mutate) (xmlDoc *); gboolean chain; const char *rule; const char *message; }
  cases[] = {
    { present_without_out, TRUE, "R-ATT-003", "Lesson L01A, trainee 371524197608024399: "
      "status P needs both in and out times" },
    { present_out_before_in, TRUE, "R-ATT-003", "Lesson L01A, trainee 371524197608024399: "
      "out 07:30:00 is not after in 07:45:00" },
    { absent_with_times, TRUE, "R-ATT-003", "Lesson L01A, trainee 371503197903223233: "
      "status A has no sign-in, so it carries no in or out time" },
    { absent_with_hours, TRUE, "R-ATT-004", "Lesson L01A, trainee 371503197903223233: "
      "status A credits 0 hours, not 1" },
    /* Edited after the chain was made: the chain shows it. */
    { hours_changed, FALSE, "R-ATT-005", "Chain/@head "
      "9f32bfbb92c5c7ea65b4c4aa5bbc7f17347010dba6d3787721e2a4552faa8803 does not recompute "
      "from the records; the chain gives " },
    { count_changed, FALSE, "R-ATT-005", "Chain/@count is 379, but the batch has 380 records" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TdFindings) findings = check_attendance (cases[i].mutate, cases[i].chain);
      g_autofree char *message = assert_only (findings, cases[i].rule, TD_SEVERITY_ERROR);

      g_assert_cmpuint (td_findings_get_n (findings), ==, 1);
      g_assert_true (g_str_has_prefix (message, cases[i].message));
    }
}

/* The second batch chains from the first: prev is the first batch's head. */
static void
test_chain_links_batches (void)
{
  g_autofree char *one = read_example ("attendance");
  g_autofree char *two = read_example ("attendance-2");
  xmlDoc *doc_one = parse (one);
  xmlDoc *doc_two = parse (two);
  g_autofree char *head_one = td_xml_attr (select_node (doc_one, "//t:Chain"), "head");
  g_autofree char *prev_two = td_xml_attr (select_node (doc_two, "//t:Chain"), "prev");
  g_autofree char *zero = g_strnfill (64, '0');
  g_autofree char *computed = NULL;
  guint count = 0;

  g_assert_cmpstr (prev_two, ==, head_one);
  computed = td_packet_chain_head (td_packet_kind_node (doc_one), zero, &count);
  g_assert_cmpstr (computed, ==, head_one);
  g_assert_cmpuint (count, ==, 380);
  g_assert_null (td_packet_chain_head (td_packet_kind_node (doc_one), "00", NULL));
  xmlFreeDoc (doc_one);
  xmlFreeDoc (doc_two);
}

static void
test_receiver_clock (void)
{
  g_autofree char *text = read_example ("notice");  /* created 2026-03-06T17:00:00+08:00 */
  xmlDoc *doc = parse (text);
  g_autoptr(TdFindings) at_limit = check_doc (doc, "2026-03-06T16:50:00+08:00");
  g_autoptr(TdFindings) too_early = check_doc (doc, "2026-03-06T16:49:59+08:00");
  g_autoptr(TdFindings) utc_clock = check_doc (doc, "2026-03-06T08:50:00Z");
  g_autofree char *message = NULL;

  g_assert_cmpuint (td_findings_get_n (at_limit), ==, 0);
  g_assert_cmpuint (td_findings_get_n (utc_clock), ==, 0);
  message = assert_only (too_early, "R-PKT-003", TD_SEVERITY_ERROR);
  g_assert_cmpstr (message, ==, "created 2026-03-06T17:00:00+08:00 is more than 10 minutes "
                                "after the receiver's clock (2026-03-06T16:49:59+08:00)");
  xmlFreeDoc (doc);
}

/* With the schema failing nothing else is reported, even a broken digest. */
static void
test_schema_failure_stops (void)
{
  g_autofree char *text = read_example ("filing");
  g_autofree char *mutated = replace_once (text, "<Level>5</Level>", "<Level>6</Level>");
  xmlDoc *doc = parse (mutated);
  g_autoptr(TdFindings) findings = check_doc (doc, RECEIVER_NOW);
  g_autofree char *message = assert_only (findings, "R-PKT-001", TD_SEVERITY_ERROR);

  g_assert_cmpuint (td_findings_get_n (findings), ==, 1);
  g_assert_cmpint (td_findings_get (findings, 0)->line, ==, 19);
  xmlFreeDoc (doc);
}

static void
test_receipt_is_not_packet (void)
{
  g_autofree char *text = read_example ("receipt-filing");
  xmlDoc *doc = parse (text);
  g_autoptr(TdFindings) findings = check_doc (doc, RECEIVER_NOW);
  g_autofree char *message = assert_only (findings, "R-PKT-001", TD_SEVERITY_ERROR);

  g_assert_cmpstr (message, ==, "The document is a Receipt, not a Packet");
  xmlFreeDoc (doc);
}

/* A bad id number used in many records is reported once, at its first use. */
static void
test_id_reported_once (void)
{
  g_autofree char *text = read_example ("attendance");
  g_autofree char *mutated = NULL;
  xmlDoc *doc;
  g_autoptr(TdFindings) findings = NULL;
  g_autofree char *message = NULL;
  char **parts = g_strsplit (text, "371524197608024399", -1);

  g_assert_cmpuint (g_strv_length (parts), >, 10);
  mutated = g_strjoinv ("371524197608024398", parts);
  g_strfreev (parts);
  doc = parse (mutated);
  fix_chain (doc);
  fix_digest (doc);
  findings = check_doc (doc, RECEIVER_NOW);
  message = assert_only (findings, "R-ID-001", TD_SEVERITY_ERROR);
  g_assert_cmpuint (td_findings_get_n (findings), ==, 1);
  g_assert_cmpint (td_findings_get (findings, 0)->line, ==, 18);
  g_assert_cmpstr (td_findings_get (findings, 0)->ref, ==, "371524197608024398");
  xmlFreeDoc (doc);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/packet/check/examples", test_examples_pass);
  g_test_add_func ("/packet/check/kind-helpers", test_kind_helpers);
  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/packet/check/mutation/%s/%u",
                                               mutations[i].rule != NULL ? mutations[i].rule
                                                                         : "control", i);
      g_test_add_data_func (path, &mutations[i], test_mutation);
    }
  g_test_add_func ("/packet/check/attendance", test_attendance_rules);
  g_test_add_func ("/packet/check/chain-links", test_chain_links_batches);
  g_test_add_func ("/packet/check/receiver-clock", test_receiver_clock);
  g_test_add_func ("/packet/check/schema-failure-stops", test_schema_failure_stops);
  g_test_add_func ("/packet/check/receipt-is-not-packet", test_receipt_is_not_packet);
  g_test_add_func ("/packet/check/id-reported-once", test_id_reported_once);

  return g_test_run ();
}
