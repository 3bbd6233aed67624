/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The validator with history: the examples' whole class logged in a store with its
 * receipts; every example passes against that history and a broken one is refused. */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "../td-test-db.h"
#include "../td-test-dir.h"

#include "core/td-store.h"
#include "packet/td-catalog-import.h"
#include "packet/td-digest.h"
#include "packet/td-receipt.h"
#include "packet/td-validator.h"
#include "packet/td-xml-safe.h"
#include "validator-fixture.h"

#define NOW "2026-12-31T12:00:00+08:00"

static const char *const packets[] = {
  "filing", "roster", "notice", "attendance", "attendance-2", "assessment", "followup",
  "claim", "quarterly",
};

static char *
example_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".xml", NULL);
  return g_build_filename (g_getenv ("TD_TEST_DATA"), "bureau", file, NULL);
}

static xmlDoc *
read_example (const char *name, GBytes **bytes)
{
  g_autofree char *path = example_path (name);
  g_autoptr (TdFindings) f = td_findings_new ();
  char *text = NULL;
  gsize len = 0;
  xmlDoc *doc;

  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  doc = td_xml_read_memory (text, len, name, f);
  g_assert_nonnull (doc);
  if (bytes != NULL)
    *bytes = g_bytes_new_take (text, len);
  else
    g_free (text);
  return doc;
}

/* A store holding the institution, the catalogue, the class and every example packet with
 * its receipt. */
static TdStore *
history_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  TdStore *store = td_store_open (path, TD_STORE_OPEN_CREATE, &error);
  g_autoptr (TdInstitution) inst = td_institution_new ();
  g_autoptr (TdClass) klass = validator_fixture_class ();

  g_assert_no_error (error);
  inst->credit_code = g_strdup ("52371502MJD1234563");
  inst->name = g_strdup ("聊城市东昌府区光岳职业培训学校");
  inst->region = g_strdup ("371502");
  inst->contact_name = g_strdup ("王立新");
  inst->contact_phone = g_strdup ("0635-8212345");
  inst->legal_rep = g_strdup ("王立新");
  g_assert_true (td_store_save_institution (store, inst, &error));
  g_assert_true (td_catalog_import_default (store, &error));
  td_store_save_class (store, klass, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (packets); i++)
    {
      g_autoptr (GBytes) bytes = NULL;
      xmlDoc *doc = read_example (packets[i], &bytes);
      xmlNode *root = xmlDocGetRootElement (doc);
      g_autoptr (TdPacketLog) log = td_packet_log_new ();
      g_autofree char *id = td_xml_attr (root, "id"), *created = td_xml_attr (root, "created");
      g_autofree char *digest = td_digest_body (doc, NULL);
      g_autofree char *rname = g_strconcat ("receipt-", packets[i], NULL);
      g_autofree char *rpath = example_path (rname);
      xmlNode *body = td_xml_child (root, "Body");
      xmlNode *kind = td_xml_first_element (body);

      g_strlcpy (log->id, id, sizeof log->id);
      g_assert_true (td_packet_kind_from_string ((const char *) kind->name, &log->kind));
      log->class_id = log->kind == TD_KIND_QUARTERLY ? 0 : klass->id;
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
  return store;
}

static void
test_examples_with_history (void)
{
  g_autofree char *dir = td_test_make_dir ("td-valid-XXXXXX");
  g_autofree char *schema = NULL;
  g_autofree char *path = td_test_db_new (dir, "h.db", &schema);
  g_autoptr (TdStore) store = history_store (path);

  for (guint i = 0; i < G_N_ELEMENTS (packets); i++)
    {
      g_autoptr (TdFindings) f = td_findings_new ();
      xmlDoc *doc = read_example (packets[i], NULL);
      g_autofree char *text = NULL;

      td_validator_check (store, doc, NOW, f);
      text = td_findings_format (f);
      if (td_findings_get_n (f) != 0)
        g_error ("%s:\n%s", packets[i], text);
      xmlFreeDoc (doc);
    }
  g_clear_object (&store);
  td_test_db_drop (g_steal_pointer (&schema));
  td_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!TD_TEST_DB_RUNS ())
    return g_test_run ();   /* the run on a server, with no server: no tests */
  g_test_add_func ("/packet/validator/examples-with-history", test_examples_with_history);
  return g_test_run ();
}
