/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Safe reading (hostile inputs), the schema, findings and the R-PKT-002 digest. */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "packet/td-digest.h"
#include "packet/td-finding.h"
#include "packet/td-schema.h"
#include "packet/td-xml-safe.h"

static const char *const packets[] = {
  "filing", "roster", "attendance", "attendance-2", "notice", "assessment", "followup",
  "claim", "quarterly",
};

static char *
data_path (const char *dir,
           const char *file)
{
  const char *root = g_getenv ("TD_TEST_DATA");

  g_assert_nonnull (root);
  return g_build_filename (root, dir, file, NULL);
}

static char *
bureau_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".xml", NULL);
  return data_path ("bureau", file);
}

/* Reads a hostile file; asserts it is refused in well under a second with R-PKT-001 and
 * returns the formatted findings. */
static char *
assert_refused (const char *path)
{
  g_autoptr(TdFindings) findings = td_findings_new ();
  xmlDoc *doc;
  double elapsed;

  g_test_timer_start ();
  doc = td_xml_read_file (path, findings);
  elapsed = g_test_timer_elapsed ();

  g_assert_null (doc);
  g_assert_cmpfloat (elapsed, <, 0.5);
  g_assert_cmpuint (td_findings_get_n (findings), >=, 1);
  g_assert_cmpuint (td_findings_count_rule (findings, "R-PKT-001"),
                    ==, td_findings_get_n (findings));
  g_assert_true (td_findings_has_errors (findings));
  return td_findings_format (findings);
}

static char *
assert_hostile_refused (const char *file)
{
  g_autofree char *path = data_path ("hostile", file);
  return assert_refused (path);
}

static void
test_findings_list (void)
{
  g_autoptr(TdFindings) findings = td_findings_new ();
  g_autofree char *text = NULL;
  g_autofree char *one = NULL;

  td_findings_add (findings, "R-CLS-004", TD_SEVERITY_ERROR, "L03A", 40,
                   "Lesson %s: hours %s is more than %d", "L03A", "5.5", 5);
  td_findings_add (findings, "R-ORG-001", TD_SEVERITY_WARNING, NULL, 4, "credit code");
  td_findings_add (findings, "R-CLS-003", TD_SEVERITY_ERROR, NULL, 40, "hours add up");
  td_findings_add (findings, "R-PKT-003", TD_SEVERITY_INFO, NULL, 0, "note");

  g_assert_cmpuint (td_findings_get_n (findings), ==, 4);
  g_assert_cmpuint (td_findings_count (findings, TD_SEVERITY_ERROR), ==, 2);
  g_assert_cmpuint (td_findings_count (findings, TD_SEVERITY_WARNING), ==, 1);
  g_assert_cmpuint (td_findings_count (findings, TD_SEVERITY_INFO), ==, 1);
  g_assert_true (td_findings_has_errors (findings));
  g_assert_cmpstr (td_findings_get (findings, 0)->ref, ==, "L03A");
  g_assert_cmpint (td_findings_get (findings, 0)->line, ==, 40);

  one = td_finding_format (td_findings_get (findings, 0));
  g_assert_cmpstr (one, ==, "R-CLS-004 error Lesson L03A: hours 5.5 is more than 5");

  td_findings_sort (findings);
  text = td_findings_format (findings);
  g_assert_cmpstr (text, ==,
                   "R-PKT-003 info note\n"
                   "R-ORG-001 warning credit code\n"
                   "R-CLS-003 error hours add up\n"
                   "R-CLS-004 error Lesson L03A: hours 5.5 is more than 5\n");
}

static void
test_findings_no_errors (void)
{
  g_autoptr(TdFindings) findings = td_findings_new ();
  g_autoptr(TdFindings) merged = td_findings_new ();

  g_assert_false (td_findings_has_errors (findings));
  td_findings_add (findings, "R-ORG-001", TD_SEVERITY_WARNING, "X", 1, "w");
  g_assert_false (td_findings_has_errors (findings));
  td_findings_merge (merged, findings);
  td_findings_merge (merged, findings);
  g_assert_cmpuint (td_findings_count_rule (merged, "R-ORG-001"), ==, 2);
  g_assert_cmpstr (td_findings_get (merged, 1)->ref, ==, "X");
}

static void
test_examples_read_and_valid (void)
{
  const char *const others[] = { "catalog-2026-1", "receipt-filing", "receipt-claim" };

  for (guint i = 0; i < G_N_ELEMENTS (packets) + G_N_ELEMENTS (others); i++)
    {
      const char *name = i < G_N_ELEMENTS (packets) ? packets[i]
                                                    : others[i - G_N_ELEMENTS (packets)];
      g_autofree char *path = bureau_path (name);
      g_autoptr(TdFindings) findings = td_findings_new ();
      xmlDoc *doc = td_xml_read_file (path, findings);
      g_autofree char *text = td_findings_format (findings);

      g_test_message ("%s: %s", name, text);
      g_assert_nonnull (doc);
      g_assert_cmpstr (text, ==, "");
      g_assert_true (td_schema_validate (doc, findings));
      g_assert_cmpuint (td_findings_get_n (findings), ==, 0);
      xmlFreeDoc (doc);
    }
}

/* @text with the one occurrence of @old replaced by @new (asserts it occurs once). */
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

static void
test_schema_errors_have_lines (void)
{
  g_autofree char *path = bureau_path ("filing");
  g_autofree char *text = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(TdFindings) findings = td_findings_new ();
  const TdFinding *f;
  xmlDoc *doc;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* Line 22: 7 is not a project mode. */
  bad = replace_once (text, "<ProjectMode>0</ProjectMode>", "<ProjectMode>7</ProjectMode>");
  doc = td_xml_read_memory (bad, strlen (bad), "filing.xml", findings);
  g_assert_nonnull (doc);
  g_assert_false (td_schema_validate (doc, findings));
  g_assert_cmpuint (td_findings_get_n (findings), ==, 1);
  f = td_findings_get (findings, 0);
  g_assert_cmpstr (f->rule, ==, "R-PKT-001");
  g_assert_cmpint (f->severity, ==, TD_SEVERITY_ERROR);
  g_assert_cmpint (f->line, ==, 22);
  g_assert_cmpstr (f->ref, ==, "ProjectMode");
  g_assert_true (g_str_has_prefix (f->message, "line 22: the packet does not follow the schema: "));
  g_assert_nonnull (strstr (f->message, "ProjectMode"));
  xmlFreeDoc (doc);
}

static void
test_hostile_doctype (void)
{
  const char *const files[] = { "billion-laughs.xml", "xxe-passwd.xml", "xxe-parameter.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *text = assert_hostile_refused (files[i]);

      g_test_message ("%s: %s", files[i], text);
      g_assert_nonnull (strstr (text, "R-PKT-001 error the file has a DOCTYPE declaration, "
                                       "which packets may not have"));
      g_assert_null (strstr (text, "root:"));
      g_assert_null (strstr (text, "lollol"));
    }
}

/* The external entity is never resolved, whichever way the document reaches the parser. */
static void
test_hostile_xxe_memory (void)
{
  const char *xxe = "<?xml version=\"1.0\"?>\n"
                    "<!DOCTYPE P [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                    "<P>&x;</P>\n";
  g_autoptr(TdFindings) findings = td_findings_new ();
  g_autofree char *text = NULL;

  g_assert_null (td_xml_read_memory (xxe, strlen (xxe), "xxe", findings));
  text = td_findings_format (findings);
  g_assert_cmpstr (text, ==, "R-PKT-001 error the file has a DOCTYPE declaration, which "
                             "packets may not have\n");
  g_assert_cmpstr (td_findings_get (findings, 0)->ref, ==, "xxe");
  g_assert_cmpint (td_findings_get (findings, 0)->line, ==, 2);
}

/* XInclude is never processed: the include element stays an element, nothing is read, and
 * the schema refuses it. */
static void
test_hostile_xinclude (void)
{
  g_autofree char *path = data_path ("hostile", "xinclude.xml");
  g_autoptr(TdFindings) findings = td_findings_new ();
  g_autofree char *text = NULL;
  xmlChar *dump = NULL;
  int len = 0;
  xmlDoc *doc;

  g_test_timer_start ();
  doc = td_xml_read_file (path, findings);
  g_assert_nonnull (doc);
  xmlDocDumpMemory (doc, &dump, &len);
  g_assert_null (strstr ((char *) dump, "root:"));
  g_assert_nonnull (strstr ((char *) dump, "<xi:include href=\"file:///etc/passwd\""));
  g_assert_false (td_schema_validate (doc, findings));
  g_assert_cmpfloat (g_test_timer_elapsed (), <, 0.5);
  text = td_findings_format (findings);
  g_assert_null (strstr (text, "root:"));
  g_assert_cmpuint (td_findings_count_rule (findings, "R-PKT-001"), >=, 1);
  xmlFree (dump);
  xmlFreeDoc (doc);
}

static void
test_hostile_encodings (void)
{
  g_autofree char *utf16 = assert_hostile_refused ("utf16-declared.xml");
  g_autofree char *gbk = assert_hostile_refused ("gbk-declared.xml");
  g_autofree char *bom = assert_hostile_refused ("utf16-bom.xml");
  g_autofree char *invalid = assert_hostile_refused ("invalid-utf8.xml");

  g_assert_cmpstr (utf16, ==, "R-PKT-001 error the file declares the encoding “UTF-16”; "
                              "packets must be UTF-8\n");
  g_assert_cmpstr (gbk, ==, "R-PKT-001 error the file declares the encoding “GBK”; "
                            "packets must be UTF-8\n");
  g_assert_cmpstr (bom, ==, "R-PKT-001 error the file starts with a UTF-16 or UTF-32 byte "
                            "order mark; packets must be UTF-8\n");
  g_assert_cmpstr (invalid, ==, "R-PKT-001 error line 3: the text is not valid UTF-8\n");
}

static void
test_hostile_utf8_bom_accepted (void)
{
  const char *doc_text = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a/>\n";
  g_autoptr(TdFindings) findings = td_findings_new ();
  xmlDoc *doc = td_xml_read_memory (doc_text, strlen (doc_text), "bom", findings);

  g_assert_nonnull (doc);
  g_assert_cmpuint (td_findings_get_n (findings), ==, 0);
  xmlFreeDoc (doc);
}

static void
test_hostile_empty_binary_truncated (void)
{
  g_autofree char *empty = assert_hostile_refused ("empty.xml");
  g_autofree char *binary = assert_hostile_refused ("random.bin");
  g_autofree char *truncated = assert_hostile_refused ("truncated.xml");

  g_assert_cmpstr (empty, ==, "R-PKT-001 error the file is empty\n");
  g_assert_true (g_str_has_prefix (binary, "R-PKT-001 error line "));
  g_assert_true (g_str_has_suffix (binary, ": the file contains NUL bytes: it is binary data, "
                                           "not UTF-8 XML\n"));
  /* The parser's own words, with the line where the document stops. */
  g_test_message ("%s", truncated);
  g_assert_cmpstr (truncated, ==, "R-PKT-001 error line 59: the file is not well-formed XML: "
                                  "Premature end of data in tag Timetable line 49\n");
}

static void
test_hostile_nul_byte (void)
{
  const char data[] = "<?xml version=\"1.0\"?>\n<a>\n\0</a>\n";
  g_autoptr(TdFindings) findings = td_findings_new ();
  g_autofree char *text = NULL;

  g_assert_null (td_xml_read_memory (data, sizeof data - 1, "nul", findings));
  text = td_findings_format (findings);
  g_assert_cmpstr (text, ==, "R-PKT-001 error line 3: the file contains NUL bytes: it is "
                             "binary data, not UTF-8 XML\n");
}

static void
test_hostile_random_in_memory (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11643);

  /* Random bytes, random printable bytes, random UTF-8 "<" soup: refused, never crashes. */
  for (guint round = 0; round < 200; round++)
    {
      gsize len = 1 + g_rand_int_range (rand, 0, 2000);
      g_autofree char *data = g_malloc (len);
      g_autoptr(TdFindings) findings = td_findings_new ();
      const char alphabet[] = "<>/=\"' ?!-[]&;#xa";

      for (gsize i = 0; i < len; i++)
        data[i] = round % 2 == 0 ? (char) g_rand_int_range (rand, 0, 256)
                                 : alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      g_assert_null (td_xml_read_memory (data, len, "random", findings));
      g_assert_true (td_findings_has_errors (findings));
    }
}

static void
test_hostile_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("td-packet-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *big = NULL;
  gsize size = 65 * 1024 * 1024;

  g_assert_no_error (error);
  path = g_build_filename (dir, "big.xml", NULL);
  big = g_malloc (size);
  memset (big, ' ', size);
  memcpy (big, "<?xml version=\"1.0\"?>\n<a>", 25);
  g_assert_true (g_file_set_contents (path, big, size, &error));
  g_clear_pointer (&big, g_free);

  text = assert_refused (path);
  g_assert_cmpstr (text, ==, "R-PKT-001 error the file is larger than 64 MB\n");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_missing_file (void)
{
  g_autoptr(TdFindings) findings = td_findings_new ();

  g_assert_null (td_xml_read_file ("/nonexistent/td/packet.xml", findings));
  g_assert_cmpuint (td_findings_get_n (findings), ==, 1);
  g_assert_true (g_str_has_prefix (td_findings_get (findings, 0)->message,
                                   "the file cannot be read: "));
  g_assert_cmpstr (td_findings_get (findings, 0)->ref, ==, "packet.xml");
}

static char *
digest_element (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  return td_xml_child_text (root, "Digest");
}

/* Every example's Digest is the digest of its Body, and every receipt names its packet's. */
static void
test_digest_examples (void)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *const receipts[] = { "filing", "roster", "attendance", "attendance-2", "notice",
                                   "assessment", "followup", "claim", "quarterly" };

  for (guint i = 0; i < G_N_ELEMENTS (packets); i++)
    {
      g_autofree char *path = bureau_path (packets[i]);
      g_autoptr(TdFindings) findings = td_findings_new ();
      g_autoptr(GError) error = NULL;
      xmlDoc *doc = td_xml_read_file (path, findings);
      g_autofree char *written = NULL;
      g_autofree char *computed = NULL;

      g_assert_nonnull (doc);
      written = digest_element (doc);
      computed = td_digest_body (doc, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %s", packets[i], computed);
      g_assert_cmpstr (computed, ==, written);
      g_hash_table_insert (by_id, td_xml_attr (xmlDocGetRootElement (doc), "id"),
                           g_steal_pointer (&computed));
      xmlFreeDoc (doc);
    }

  for (guint i = 0; i < G_N_ELEMENTS (receipts); i++)
    {
      g_autofree char *file = g_strconcat ("receipt-", receipts[i], NULL);
      g_autofree char *path = bureau_path (file);
      g_autoptr(TdFindings) findings = td_findings_new ();
      xmlDoc *doc = td_xml_read_file (path, findings);
      g_autofree char *packet = NULL;
      g_autofree char *digest = NULL;

      g_assert_nonnull (doc);
      packet = td_xml_attr (xmlDocGetRootElement (doc), "packet");
      digest = td_xml_attr (xmlDocGetRootElement (doc), "digest");
      g_assert_cmpstr (digest, ==, g_hash_table_lookup (by_id, packet));
      xmlFreeDoc (doc);
    }

  /* The roster's receipt (RULES.md examples): its digest really is the roster's. */
  g_assert_cmpstr (g_hash_table_lookup (by_id, "d23f0824-128b-4f33-8c5c-7fd0a6a3a450"), ==,
                   "190ee1f7c6054ad4ea029bbfd924ebf541424dd90a534cf930802cc8986223b3");
}

/* The digest is over the Body exactly as written: white space in it counts, what is
 * outside it does not, and prefixes as written are kept. */
static void
test_digest_sensitivity (void)
{
  g_autofree char *path = bureau_path ("notice");
  g_autofree char *text = NULL;
  g_autofree char *original = NULL;
  const char *cases[][2] = {
    { "<Name>王立新</Name>", "<Name>王立</Name>" },                      /* outside Body */
    { "家庭原因退训</Withdrawal>", "家庭原因退训 </Withdrawal>" },      /* inside Body */
    { "<ClassNotice>", "<ClassNotice><!-- comment -->" },                /* comment: ignored */
    { "date=\"2026-03-06\">", "date=\"2026-03-06\"  >" },                /* tag spacing */
  };
  const gboolean changes[] = { FALSE, TRUE, FALSE, FALSE };

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  original = g_strdup ("9070de8ab872b28217520b792cac402b8055000e7c966b9a4b431422d62d1047");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *mutated = replace_once (text, cases[i][0], cases[i][1]);
      g_autoptr(TdFindings) findings = td_findings_new ();
      g_autoptr(GError) error = NULL;
      xmlDoc *doc = td_xml_read_memory (mutated, strlen (mutated), "notice", findings);
      g_autofree char *digest = NULL;

      g_assert_nonnull (doc);
      digest = td_digest_body (doc, &error);
      g_assert_no_error (error);
      if (changes[i])
        g_assert_cmpstr (digest, !=, original);
      else
        g_assert_cmpstr (digest, ==, original);
      xmlFreeDoc (doc);
    }
}

static void
test_digest_no_body (void)
{
  const char *text = "<Receipt xmlns=\"urn:lc-hrss:training:1.0\"/>";
  g_autoptr(TdFindings) findings = td_findings_new ();
  g_autoptr(GError) error = NULL;
  xmlDoc *doc = td_xml_read_memory (text, strlen (text), NULL, findings);
  g_autofree char *digest = td_digest_body (doc, &error);

  g_assert_null (digest);
  g_assert_error (error, TD_DIGEST_ERROR, TD_DIGEST_ERROR_NO_BODY);
  xmlFreeDoc (doc);
}

static void
test_sha256_hex (void)
{
  g_autofree char *abc = td_sha256_hex ("abc", 3);

  g_assert_cmpstr (abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void
test_getters (void)
{
  const char *text = "<P xmlns=\"urn:lc-hrss:training:1.0\" a=\" x &amp; y \">"
                     "<Other xmlns=\"urn:other\"/><B>one</B><B>t<![CDATA[w]]>o</B></P>";
  g_autoptr(TdFindings) findings = td_findings_new ();
  xmlDoc *doc = td_xml_read_memory (text, strlen (text), NULL, findings);
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *b = td_xml_child (root, "B");
  g_autofree char *a = td_xml_attr (root, "a");
  g_autofree char *one = td_xml_text (b);
  g_autofree char *two = td_xml_text (td_xml_next (b, "B"));

  g_assert_true (td_xml_is (root, "P"));
  g_assert_cmpstr (a, ==, " x & y ");
  g_assert_null (td_xml_attr (root, "missing"));
  g_assert_null (td_xml_child (root, "Other"));
  g_assert_cmpstr ((char *) td_xml_first_element (root)->name, ==, "Other");
  g_assert_cmpstr (one, ==, "one");
  g_assert_cmpstr (two, ==, "two");
  g_assert_null (td_xml_next (td_xml_next (b, "B"), "B"));
  g_assert_cmpint (td_xml_line (b), ==, 1);
  xmlFreeDoc (doc);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/packet/findings/list", test_findings_list);
  g_test_add_func ("/packet/findings/no-errors", test_findings_no_errors);
  g_test_add_func ("/packet/read/examples", test_examples_read_and_valid);
  g_test_add_func ("/packet/read/getters", test_getters);
  g_test_add_func ("/packet/read/missing-file", test_missing_file);
  g_test_add_func ("/packet/schema/error-lines", test_schema_errors_have_lines);
  g_test_add_func ("/packet/hostile/doctype", test_hostile_doctype);
  g_test_add_func ("/packet/hostile/xxe-memory", test_hostile_xxe_memory);
  g_test_add_func ("/packet/hostile/xinclude", test_hostile_xinclude);
  g_test_add_func ("/packet/hostile/encodings", test_hostile_encodings);
  g_test_add_func ("/packet/hostile/utf8-bom", test_hostile_utf8_bom_accepted);
  g_test_add_func ("/packet/hostile/empty-binary-truncated",
                   test_hostile_empty_binary_truncated);
  g_test_add_func ("/packet/hostile/nul", test_hostile_nul_byte);
  g_test_add_func ("/packet/hostile/random", test_hostile_random_in_memory);
  g_test_add_func ("/packet/hostile/too-large", test_hostile_too_large);
  g_test_add_func ("/packet/digest/examples", test_digest_examples);
  g_test_add_func ("/packet/digest/sensitivity", test_digest_sensitivity);
  g_test_add_func ("/packet/digest/no-body", test_digest_no_body);
  g_test_add_func ("/packet/digest/sha256", test_sha256_hex);

  return g_test_run ();
}
