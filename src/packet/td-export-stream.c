/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The checks of a large attendance batch without a tree: the written bytes are read with
 * xmlTextReader validating against the schema as it goes (R-PKT-001), and every Record is
 * checked as it passes: R-ID-001, R-ATT-003 (times present or absent, out after in),
 * R-ATT-004 (A and V credit 0) and the chain recomputed from the batch's prev (R-ATT-005).
 * Memory stays that of one record (and a bounded queue of written bytes) whatever the size
 * of the batch.  The Body digest (R-PKT-002) is the writer's own canonical stream, which
 * the tests compare with td_digest_body () of written packets.
 *
 * The check runs in a thread of its own beside the writer: the bytes the writer hands to
 * the file are handed to the check too (td_export_stream_check_feed), so the packet is
 * checked while it is written instead of read back afterwards.  Nothing is decided before
 * td_export_stream_check_finish () has seen the end of the bytes. */
#define G_LOG_DOMAIN "td-export"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "core/td-chain.h"
#include "core/td-idnumber.h"
#include "packet/td-export-private.h"
#include "packet/td-schema.h"
#include "packet/td-xml-safe.h"

#define MAX_FINDINGS 200

/* Written bytes waiting for the check beyond this many make the writer wait. */
#define QUEUE_MAX (1 << 20)

typedef struct
{
  TdFindings *findings;
  /* the bytes between the writer and the check */
  GMutex lock;
  GCond cond;
  GQueue chunks;                 /* GBytes* */
  gsize queued;                  /* bytes in @chunks */
  GBytes *chunk;                 /* being read */
  gsize offset;
  gboolean closed;               /* no more bytes will come */
  gboolean done;                 /* the check read no further (the end, or a fatal error) */
  char *lesson;
  char *date;
  guint8 h[32];                  /* the chain recomputed so far, raw */
  guint64 count;
  GHashTable *session_ids;       /* ids recorded in the current Session */
} Stream;

struct _TdStreamCheck
{
  Stream s;
  const TdPacketData *data;
  GThread *thread;
};

static int
stream_read (void *context, char *buffer, int len)
{
  Stream *s = context;
  gsize size, n;
  const char *bytes;

  g_mutex_lock (&s->lock);
  while (s->chunk == NULL && (s->chunk = g_queue_pop_head (&s->chunks)) == NULL && !s->closed)
    g_cond_wait (&s->cond, &s->lock);
  if (s->chunk == NULL)
    {
      g_mutex_unlock (&s->lock);
      return 0;   /* the end */
    }
  bytes = g_bytes_get_data (s->chunk, &size);
  n = MIN ((gsize) len, size - s->offset);
  memcpy (buffer, bytes + s->offset, n);
  s->offset += n;
  if (s->offset == size)
    {
      s->queued -= size;
      g_clear_pointer (&s->chunk, g_bytes_unref);
      s->offset = 0;
      g_cond_broadcast (&s->cond);
    }
  g_mutex_unlock (&s->lock);
  return (int) n;
}

static int
stream_close (void *context)
{
  return 0;
}

static void
on_error (void *context, xmlErrorPtr error)
{
  Stream *s = context;
  g_autofree char *message = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));

  if (td_findings_get_n (s->findings) < MAX_FINDINGS)
    td_findings_add (s->findings, "R-PKT-001", TD_SEVERITY_ERROR, NULL, error->line, "%s",
                     message);
}

static char *
attr (xmlTextReaderPtr reader, const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, BAD_CAST name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static void
add (Stream *s, const char *rule, const char *ref, int line, const char *message)
{
  if (td_findings_get_n (s->findings) < MAX_FINDINGS)
    td_findings_add (s->findings, rule, TD_SEVERITY_ERROR, ref, line, "%s", message);
}

static void
check_record_values (Stream *s, int n, const char *id, const char *status, const char *in,
                     const char *out, const char *hours, const char *method)
{
  gboolean timed = status != NULL && strchr ("PLE", status[0]) != NULL;

  if (id == NULL || status == NULL || status[0] == '\0' || hours == NULL || method == NULL)
    return;   /* the schema reports it */
  if (!g_hash_table_add (s->session_ids, g_strdup (id)))
    add (s, "R-PKT-001", id, n, _("The id number appears twice in one session."));
  if (!td_id_number_check_digit_ok (id))
    add (s, "R-ID-001", id, n, _("The id number's check digit is wrong."));
  if (timed && (in == NULL || out == NULL || td_time_from_iso (out) <= td_time_from_iso (in)))
    add (s, "R-ATT-003", id, n, _("A present, late or left-early record needs in and out, "
                                   "out after in."));
  if (!timed && (in != NULL || out != NULL))
    add (s, "R-ATT-003", id, n, _("An absent or on-leave record has no in or out time."));
  if (!timed && strcmp (hours, "0") != 0)
    add (s, "R-ATT-004", id, n, _("An absent or on-leave record credits 0 hours."));
  td_chain_step_raw (s->h, s->date, s->lesson, id, status[0], in, out, hours, method);
  s->count++;
}

/* A Record's attributes as libxml2 gives them (not copied again: 60,000 records a batch). */
static void
check_record (Stream *s, xmlTextReaderPtr reader)
{
  static const char *const names[] = { "id", "status", "in", "out", "hours", "method" };
  xmlChar *v[G_N_ELEMENTS (names)];

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    v[i] = xmlTextReaderGetAttribute (reader, BAD_CAST names[i]);
  check_record_values (s, xmlTextReaderGetParserLineNumber (reader), (const char *) v[0],
                       (const char *) v[1], (const char *) v[2], (const char *) v[3],
                       (const char *) v[4], (const char *) v[5]);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    xmlFree (v[i]);
}

static void
check_chain (Stream *s, xmlTextReaderPtr reader, const TdPacketData *data)
{
  g_autofree char *prev = attr (reader, "prev"), *head = attr (reader, "head");
  g_autofree char *count = attr (reader, "count");
  g_autofree char *n = g_strdup_printf ("%" G_GUINT64_FORMAT, s->count);
  char h[65];
  int line = xmlTextReaderGetParserLineNumber (reader);
  const char *want = data->chain_prev != NULL ? data->chain_prev : TD_CHAIN_ZERO;

  if (g_strcmp0 (prev, want) != 0)
    add (s, "R-ATT-005", "Chain", line, _("Chain/@prev is not the head of the last batch sent."));
  td_chain_encode (s->h, h);
  if (g_strcmp0 (head, h) != 0)
    add (s, "R-ATT-005", "Chain", line, _("Chain/@head does not recompute from the records."));
  if (g_strcmp0 (count, n) != 0)
    add (s, "R-ATT-005", "Chain", line, _("Chain/@count is not the number of records."));
}

static void
on_element (Stream *s, xmlTextReaderPtr reader, const TdPacketData *data)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (reader);

  if (strcmp (name, "Record") == 0)
    check_record (s, reader);
  else if (strcmp (name, "Session") == 0)
    {
      g_free (s->lesson);
      g_free (s->date);
      s->lesson = attr (reader, "lesson");
      s->date = attr (reader, "date");
      g_hash_table_remove_all (s->session_ids);
    }
  else if (strcmp (name, "Chain") == 0)
    check_chain (s, reader, data);
}

static void
read_all (Stream *s, xmlTextReaderPtr reader, const TdPacketData *data)
{
  int ret;

  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_DOCUMENT_TYPE)
        add (s, "R-PKT-001", NULL, 0, _("The packet has a DOCTYPE."));
      if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT)
        on_element (s, reader, data);
    }
  if (ret < 0 || xmlTextReaderIsValid (reader) != 1)
    if (!td_findings_has_errors (s->findings))
      add (s, "R-PKT-001", NULL, 0, _("The packet is not valid against the schema."));
}

static gpointer
check_thread (gpointer user_data)
{
  TdStreamCheck *c = user_data;
  Stream *s = &c->s;
  g_autoptr (GHashTable) session_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  xmlSchemaValidCtxtPtr valid;
  xmlTextReaderPtr reader;

  s->session_ids = session_ids;
  reader = xmlReaderForIO (stream_read, stream_close, s, NULL, "UTF-8", XML_PARSE_NONET);
  valid = xmlSchemaNewValidCtxt (td_schema_get_streaming ());
  xmlSchemaSetValidStructuredErrors (valid, on_error, s);
  xmlTextReaderSetStructuredErrorHandler (reader, on_error, s);
  if (xmlTextReaderSchemaValidateCtxt (reader, valid, 0) != 0)
    add (s, "R-PKT-001", NULL, 0, _("The schema could not be applied."));
  else
    read_all (s, reader, c->data);
  xmlFreeTextReader (reader);
  xmlSchemaFreeValidCtxt (valid);
  s->session_ids = NULL;
  /* the writer may be waiting for room: what it still writes is not read */
  g_mutex_lock (&s->lock);
  s->done = TRUE;
  g_cond_broadcast (&s->cond);
  g_mutex_unlock (&s->lock);
  return NULL;
}

TdStreamCheck *
td_export_stream_check_start (const TdPacketData *data, TdFindings *findings)
{
  TdStreamCheck *c = g_new0 (TdStreamCheck, 1);

  td_xml_init ();
  td_schema_get_streaming ();   /* compiled once, before the thread uses it */
  c->data = data;
  c->s.findings = findings;
  g_mutex_init (&c->s.lock);
  g_cond_init (&c->s.cond);
  g_queue_init (&c->s.chunks);
  /* a prev that is not a chain value gives a head nothing recomputes to */
  if (!td_chain_decode (data->chain_prev != NULL ? data->chain_prev : TD_CHAIN_ZERO, c->s.h))
    memset (c->s.h, 0, sizeof c->s.h);
  c->thread = g_thread_new ("td-export-check", check_thread, c);
  return c;
}

void
td_export_stream_check_feed (TdStreamCheck *c, const char *bytes, gsize len)
{
  Stream *s = &c->s;

  if (len == 0)
    return;
  g_mutex_lock (&s->lock);
  while (s->queued > QUEUE_MAX && !s->done)
    g_cond_wait (&s->cond, &s->lock);
  if (!s->done)
    {
      g_queue_push_tail (&s->chunks, g_bytes_new (bytes, len));
      s->queued += len;
      g_cond_broadcast (&s->cond);
    }
  g_mutex_unlock (&s->lock);
}

void
td_export_stream_check_finish (TdStreamCheck *c)
{
  Stream *s = &c->s;

  g_mutex_lock (&s->lock);
  s->closed = TRUE;
  g_cond_broadcast (&s->cond);
  g_mutex_unlock (&s->lock);
  g_thread_join (c->thread);
  g_queue_clear_full (&s->chunks, (GDestroyNotify) g_bytes_unref);
  g_clear_pointer (&s->chunk, g_bytes_unref);
  g_mutex_clear (&s->lock);
  g_cond_clear (&s->cond);
  g_free (s->lesson);
  g_free (s->date);
  g_free (c);
}

void
td_export_stream_check (const char *path, const TdPacketData *data, const char *created,
                        TdFindings *findings)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInputStream) input = g_file_read (file, NULL, &error);
  TdStreamCheck *c;
  char buffer[65536];
  gssize n;

  if (input == NULL)
    {
      td_findings_add (findings, "R-PKT-001", TD_SEVERITY_ERROR, NULL, 0, "%s",
                       error->message);
      return;
    }
  c = td_export_stream_check_start (data, findings);
  while ((n = g_input_stream_read (G_INPUT_STREAM (input), buffer, sizeof buffer, NULL,
                                   &error)) > 0)
    td_export_stream_check_feed (c, buffer, n);
  td_export_stream_check_finish (c);
  if (n < 0)
    td_findings_add (findings, "R-PKT-001", TD_SEVERITY_ERROR, NULL, 0, "%s", error->message);
}
