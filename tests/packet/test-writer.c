/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The packet writer: exact bytes (golden files), schema validity, Body digest. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "export-fixture.h"
#include "../td-test-db.h"
#include "packet/td-packet-writer-private.h"

#define PINNED_ID "0e7c5a4e-2f61-4d2b-9a53-6c1f1d0b8e21"

static char *
golden_path (const char *kind)
{
  g_autofree char *name = g_strdup_printf ("%s.xml", kind);

  return g_build_filename (g_getenv ("TD_TEST_DATA"), "packets", name, NULL);
}

/* Writes @kind with a pinned id and created and compares with the golden file byte for
 * byte (TD_UPDATE_GOLDEN=1 rewrites it).  Also: xmllint accepts it, and the digest the
 * writer computed while streaming equals td_digest_body () of the bytes. */
static void
assert_golden (Fixture *f, TdPacketKind kind, const char *created)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPacketData) data = td_packet_data_load (f->store, kind, FIX_CLASS, 0, 0, &error);
  TdPacketHead head = { .id = PINNED_ID, .created = created };
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) golden = NULL;
  g_autofree char *path = golden_path (td_packet_kind_token (kind));
  g_autofree char *copy = g_build_filename (f->dir, "copy.xml", NULL);
  char digest[65];

  g_assert_no_error (error);
  bytes = td_packet_write_bytes (data, &head, digest, &error);
  g_assert_no_error (error);
  if (g_getenv ("TD_UPDATE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), NULL));
  golden = fixture_read (path);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   g_bytes_get_data (golden, NULL), g_bytes_get_size (golden));
  fixture_assert_xmllint (path);
  fixture_assert_digest (path, digest);
}

static void
test_golden_filing (Fixture *f, gconstpointer data)
{
  assert_golden (f, TD_KIND_FILING, "2026-02-20T09:30:00+08:00");
}

static void
test_golden_roster (Fixture *f, gconstpointer data)
{
  g_assert_true (td_store_set_filing_no (f->store, f->klass->id, FIX_FILING_NO, NULL));
  assert_golden (f, TD_KIND_ROSTER, "2026-02-27T16:00:00+08:00");
}

static void
test_golden_attendance (Fixture *f, gconstpointer data)
{
  g_assert_true (td_store_set_filing_no (f->store, f->klass->id, FIX_FILING_NO, NULL));
  fixture_attend (f, 0);
  fixture_attend (f, 1);
  /* one late and one absent record: in/out present or absent, hours credited */
  g_assert_true (td_store_record_attendance (f->store, f->klass->id, f->lessons[1],
                                             f->trainees[1], 'L', "14:10:00", "17:20:00", "CARD",
                                             NULL));
  g_assert_true (td_store_record_attendance (f->store, f->klass->id, f->lessons[1],
                                             f->trainees[2], 'A', NULL, NULL, "MANUAL", NULL));
  assert_golden (f, TD_KIND_ATTENDANCE, "2026-03-02T18:00:00+08:00");
}

static void
test_golden_notice (Fixture *f, gconstpointer data)
{
  g_assert_true (td_store_set_filing_no (f->store, f->klass->id, FIX_FILING_NO, NULL));
  g_assert_true (td_store_withdraw (f->store, f->klass->id, f->trainees[2], "2026-03-03",
                                    "家庭原因退训", NULL));
  assert_golden (f, TD_KIND_NOTICE, "2026-03-03T17:00:00+08:00");
}

static void
test_hours_mismatch (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPacketData) pd = NULL;
  TdPacketHead head = { .id = PINNED_ID, .created = "2026-02-20T09:30:00+08:00" };
  char digest[65];

  f->klass->planned_practice = 42;
  g_assert_true (td_store_save_class (f->store, f->klass, NULL));
  pd = td_packet_data_load (f->store, TD_KIND_FILING, FIX_CLASS, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_null (td_packet_write_bytes (pd, &head, digest, &error));
  g_assert_error (error, TD_PACKET_WRITER_ERROR, TD_PACKET_WRITER_ERROR_DATA);
  g_assert_nonnull (strstr (error->message, "R-CLS-003"));
  g_assert_nonnull (strstr (error->message, "20 practice"));
  g_assert_nonnull (strstr (error->message, "21"));
}

/* Values that need escaping (in text and in attributes): the streamed canonical digest
 * still equals libxml2's C14N of what was written. */
static void
test_digest_escaping (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPacketData) pd = NULL;
  TdPacketHead head = { .id = PINNED_ID, .created = "2026-03-10T10:00:00+08:00" };
  g_autofree char *path = g_build_filename (f->dir, "escaped.xml", NULL);
  g_autoptr (GBytes) bytes = NULL;
  TdResult *r;
  char digest[65];

  pd = td_packet_data_load (f->store, TD_KIND_ASSESSMENT, FIX_CLASS, 0, 0, &error);
  g_assert_no_error (error);
  g_free (pd->klass->evaluator);
  pd->klass->evaluator = g_strdup ("考评组 <A&B> \"一\" 'x'\tend");
  r = td_result_new ();
  strcpy (r->id_number, "371524197608024399");
  r->theory = 855;
  r->practice = 90;
  r->cert_type = 4;
  r->cert_number = g_strdup ("PX-2026-0001");
  strcpy (r->cert_issued, "2026-03-08");
  r->cert_issuer = g_strdup ("光岳 \"学校\" <&> '\t'\ncr\r");
  g_ptr_array_add (pd->results, r);
  bytes = td_packet_write_bytes (pd, &head, digest, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  fixture_assert_digest (path, digest);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "theory=\"85.5\" practice=\"9\""));
}

/* One element written by td_xml_out_empty and by td_xml_out_start/_attr/_end inside a Body:
 * the file bytes and the canonical form (the digest) are the same, whether the values need
 * escaping or not. */
static void
write_element (gboolean at_once, const char *const *values, GString *file, char digest[65])
{
  static const char *const names[] = { "id", "status", "in", "out", "b", "a" };
  xmlBufferPtr buffer = xmlBufferCreate ();
  TdXmlOut o;

  td_xml_out_init (&o, xmlOutputBufferCreateBuffer (buffer, NULL));
  td_xml_out_start (&o, "Body");
  td_xml_out_start (&o, "Session");
  td_xml_out_attr (&o, "lesson", "L1");
  for (int i = 0; i < 2; i++)
    {
      if (at_once)
        td_xml_out_empty (&o, "Record", names, values, G_N_ELEMENTS (names));
      else
        {
          td_xml_out_start (&o, "Record");
          for (gsize k = 0; k < G_N_ELEMENTS (names); k++)
            td_xml_out_attr (&o, names[k], values[k]);
          td_xml_out_end (&o);
        }
    }
  td_xml_out_end (&o);
  td_xml_out_end (&o);
  td_xml_out_body_digest (&o, digest);
  g_assert_true (td_xml_out_finish (&o));
  g_string_append_len (file, (const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
}

static void
test_empty_element (void)
{
  const char *const cases[][6] = {
    { "37150219800101001X", "P", "08:00:00", "11:45:00", "4", "FACE" },
    { "37150219800101001X", "A", NULL, NULL, "0", "MANUAL" },
    { "a&b<c>d", "\"q\"", "tab\there", "line\nbreak\r", "中文", "x" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) general = g_string_new (NULL);
      g_autoptr (GString) at_once = g_string_new (NULL);
      char d1[65], d2[65];

      write_element (FALSE, cases[i], general, d1);
      write_element (TRUE, cases[i], at_once, d2);
      g_assert_cmpstr (at_once->str, ==, general->str);
      g_assert_cmpstr (d2, ==, d1);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!TD_TEST_DB_RUNS ())
    return g_test_run ();   /* the run on a server, with no server: no tests */
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/packet/writer/golden/filing", test_golden_filing);
  ADD ("/packet/writer/golden/roster", test_golden_roster);
  ADD ("/packet/writer/golden/attendance", test_golden_attendance);
  ADD ("/packet/writer/golden/notice", test_golden_notice);
  ADD ("/packet/writer/filing/hours-mismatch", test_hours_mismatch);
  ADD ("/packet/writer/digest/escaping", test_digest_escaping);
#undef ADD
  g_test_add_func ("/packet/writer/empty-element", test_empty_element);
  return g_test_run ();
}
