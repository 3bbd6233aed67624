/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The packet writer: the dual output (file + canonical Body digest), the Packet element,
 * the Sender and the dispatch to the Body writers. */
#define G_LOG_DOMAIN "td-packet-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "packet/td-packet-writer-private.h"
#include "packet/td-xml-safe.h"

G_DEFINE_QUARK (td-packet-writer-error-quark, td_packet_writer_error)

#define CANON_FLUSH 65536

/* ---- output ---------------------------------------------------------------- */

void
td_xml_out_init (TdXmlOut *o, xmlOutputBuffer *buffer)
{
  memset (o, 0, sizeof *o);
  o->sum = g_checksum_new (G_CHECKSUM_SHA256);
  o->canon = g_string_sized_new (CANON_FLUSH + 1024);
  o->names = g_ptr_array_new ();
  o->had_child = g_array_new (FALSE, TRUE, sizeof (gboolean));
  o->attr_names = g_ptr_array_new ();
  o->attr_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  o->attr_text = g_string_sized_new (256);
  o->raw = g_string_sized_new (256);
  if (buffer == NULL)
    return;
  o->w = xmlNewTextWriter (buffer);
  if (o->w == NULL)
    {
      o->failed = TRUE;
      return;
    }
  /* The examples' declaration uses single quotes; attributes use double quotes.  Declaring
   * UTF-8 also keeps libxml2 from writing non-ASCII attribute values as &#x…; references. */
  xmlTextWriterSetQuoteChar (o->w, '\'');
  if (xmlTextWriterStartDocument (o->w, NULL, "UTF-8", NULL) < 0)
    o->failed = TRUE;
  xmlTextWriterSetQuoteChar (o->w, '"');
}

static void
canon_feed (TdXmlOut *o)
{
  if (o->canon->len >= CANON_FLUSH)
    {
      g_checksum_update (o->sum, (const guchar *) o->canon->str, o->canon->len);
      g_string_truncate (o->canon, 0);
    }
}

/* Exclusive C14N 1.0 escaping of text (& < > CR) and of attribute values (& < " TAB LF CR). */
static void
canon_escape (GString *s, const char *text, gboolean attribute)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      gsize plain = strcspn (p, attribute ? "&<\"\t\n\r" : "&<>\r");

      if (plain > 0)
        {
          g_string_append_len (s, p, plain);
          p += plain;
          if (*p == '\0')
            break;
        }
      switch (*p)
      {
      case '&': g_string_append (s, "&amp;"); break;
      case '<': g_string_append (s, "&lt;"); break;
      case '>': g_string_append (s, attribute ? ">" : "&gt;"); break;
      case '"': g_string_append (s, attribute ? "&quot;" : "\""); break;
      case '\t': g_string_append (s, attribute ? "&#x9;" : "\t"); break;
      case '\n': g_string_append (s, attribute ? "&#xA;" : "\n"); break;
      case '\r': g_string_append (s, "&#xD;"); break;
      default: g_string_append_c (s, *p); break;
      }
    }
}

#define MAX_ATTRS 32

/* Emits the canonical start tag of the top element: namespace (on Body), sorted attributes. */
static void
canon_close_tag (TdXmlOut *o)
{
  guint order[MAX_ATTRS];
  guint n = o->attr_names->len;

  if (!o->tag_open)
    return;
  o->tag_open = FALSE;
  if (o->hashing)
    {
      const char *name = g_ptr_array_index (o->names, o->names->len - 1);

      g_assert (n <= MAX_ATTRS);
      /* a handful of attributes: insertion sort, nothing allocated */
      for (guint i = 0; i < n; i++)
        {
          guint j = i;

          for (; j > 0 && strcmp (g_ptr_array_index (o->attr_names, order[j - 1]),
                                  g_ptr_array_index (o->attr_names, i)) > 0; j--)
            order[j] = order[j - 1];
          order[j] = i;
        }
      g_string_append_c (o->canon, '<');
      g_string_append (o->canon, name);
      if (strcmp (name, "Body") == 0)
        g_string_append (o->canon, " xmlns=\"" TD_NS "\"");
      for (guint i = 0; i < n; i++)
        {
          guint k = order[i];

          g_string_append_c (o->canon, ' ');
          g_string_append (o->canon, g_ptr_array_index (o->attr_names, k));
          g_string_append (o->canon, "=\"");
          canon_escape (o->canon, o->attr_text->str + g_array_index (o->attr_offsets, gsize, k),
                        TRUE);
          g_string_append_c (o->canon, '"');
        }
      g_string_append_c (o->canon, '>');
      canon_feed (o);
    }
  g_ptr_array_set_size (o->attr_names, 0);
  g_array_set_size (o->attr_offsets, 0);
  g_string_truncate (o->attr_text, 0);
}

static void
check (TdXmlOut *o, int rc)
{
  if (rc < 0)
    o->failed = TRUE;
}

static void
write_text (TdXmlOut *o, const char *text)
{
  canon_close_tag (o);
  if (o->w != NULL)
    check (o, xmlTextWriterWriteString (o->w, BAD_CAST text));
  if (o->hashing)
    {
      canon_escape (o->canon, text, FALSE);
      canon_feed (o);
    }
}

static void
write_indent (TdXmlOut *o, guint depth)
{
  static const char spaces[] = "\n                                                            ";
  char ws[sizeof spaces];
  g_autofree char *deep = NULL;

  if (2 * depth + 1 < sizeof spaces)
    {
      memcpy (ws, spaces, 2 * depth + 1);
      ws[2 * depth + 1] = '\0';
      write_text (o, ws);
      return;
    }
  deep = g_strdup_printf ("\n%*s", (int) (2 * depth), "");
  write_text (o, deep);
}

void
td_xml_out_start (TdXmlOut *o, const char *name)
{
  guint depth = o->names->len;
  gboolean yes = TRUE, no = FALSE;

  if (depth > 0)
    {
      write_indent (o, depth);
      g_array_index (o->had_child, gboolean, depth - 1) = yes;
    }
  canon_close_tag (o);
  if (strcmp (name, "Body") == 0)
    o->hashing = TRUE;
  g_ptr_array_add (o->names, (gpointer) name);
  g_array_append_val (o->had_child, no);
  o->tag_open = TRUE;
  if (o->w != NULL)
    check (o, xmlTextWriterStartElement (o->w, BAD_CAST name));
}

void
td_xml_out_attr (TdXmlOut *o, const char *name, const char *value)
{
  if (value == NULL)
    return;
  g_assert (o->tag_open);
  if (o->hashing)
    {
      gsize at = o->attr_text->len;

      g_ptr_array_add (o->attr_names, (gpointer) name);
      g_array_append_val (o->attr_offsets, at);
      g_string_append_len (o->attr_text, value, strlen (value) + 1);
    }
  if (o->w != NULL)
    check (o, xmlTextWriterWriteAttribute (o->w, BAD_CAST name, BAD_CAST value));
}

void
td_xml_out_attr_int (TdXmlOut *o, const char *name, gint64 value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  td_xml_out_attr (o, name, text);
}

void
td_xml_out_attr_hours (TdXmlOut *o, const char *name, TdHalves halves)
{
  g_autofree char *text = td_hours_format (halves);

  td_xml_out_attr (o, name, text);
}

void
td_xml_out_attr_money (TdXmlOut *o, const char *name, TdFen fen)
{
  g_autofree char *text = td_money_format (fen);

  td_xml_out_attr (o, name, text);
}

void
td_xml_out_text (TdXmlOut *o, const char *text)
{
  if (text != NULL && *text != '\0')
    write_text (o, text);
}

void
td_xml_out_end (TdXmlOut *o)
{
  guint depth = o->names->len;
  const char *name;

  g_assert (depth > 0);
  name = g_ptr_array_index (o->names, depth - 1);
  if (g_array_index (o->had_child, gboolean, depth - 1))
    write_indent (o, depth - 1);
  canon_close_tag (o);
  if (o->hashing)
    {
      g_string_append (o->canon, "</");
      g_string_append (o->canon, name);
      g_string_append_c (o->canon, '>');
      canon_feed (o);
      if (strcmp (name, "Body") == 0)
        o->hashing = FALSE;
    }
  if (o->w != NULL)
    check (o, xmlTextWriterEndElement (o->w));
  g_ptr_array_set_size (o->names, depth - 1);
  g_array_set_size (o->had_child, depth - 1);
}

/* Whether @value is written the same by xmlTextWriter and in the canonical form: printable
 * ASCII that neither escapes. */
static gboolean
plain_value (const char *value)
{
  for (const guchar *p = (const guchar *) value; *p != '\0'; p++)
    if (*p < 0x20 || *p >= 0x7f || *p == '<' || *p == '>' || *p == '&' || *p == '"')
      return FALSE;
  return TRUE;
}

void
td_xml_out_empty (TdXmlOut *o, const char *name, const char *const *names,
                  const char *const *values, guint n)
{
  guint depth = o->names->len;
  guint order[MAX_ATTRS];
  guint k = 0;

  g_assert (n <= MAX_ATTRS);
  for (guint i = 0; i < n; i++)
    if (values[i] != NULL && !plain_value (values[i]))
      k = G_MAXUINT;
  if (k == G_MAXUINT || strcmp (name, "Body") == 0)
    {
      /* escaping, or the namespace: the general path */
      td_xml_out_start (o, name);
      for (guint i = 0; i < n; i++)
        td_xml_out_attr (o, names[i], values[i]);
      td_xml_out_end (o);
      return;
    }
  if (depth > 0)
    {
      write_indent (o, depth);
      g_array_index (o->had_child, gboolean, depth - 1) = TRUE;
    }
  canon_close_tag (o);
  /* the file: as xmlTextWriter writes an element without content */
  g_string_truncate (o->raw, 0);
  g_string_append_c (o->raw, '<');
  g_string_append (o->raw, name);
  for (guint i = 0; i < n; i++)
    if (values[i] != NULL)
      {
        g_string_append_c (o->raw, ' ');
        g_string_append (o->raw, names[i]);
        g_string_append (o->raw, "=\"");
        g_string_append (o->raw, values[i]);
        g_string_append_c (o->raw, '"');
        order[k++] = i;
      }
  g_string_append (o->raw, "/>");
  if (o->w != NULL)
    check (o, xmlTextWriterWriteRawLen (o->w, BAD_CAST o->raw->str, (int) o->raw->len));
  if (!o->hashing)
    return;
  /* the canonical form: attributes sorted by name, the end tag written out */
  for (guint i = 1; i < k; i++)
    {
      guint v = order[i], j = i;

      for (; j > 0 && strcmp (names[order[j - 1]], names[v]) > 0; j--)
        order[j] = order[j - 1];
      order[j] = v;
    }
  g_string_append_c (o->canon, '<');
  g_string_append (o->canon, name);
  for (guint i = 0; i < k; i++)
    {
      g_string_append_c (o->canon, ' ');
      g_string_append (o->canon, names[order[i]]);
      g_string_append (o->canon, "=\"");
      g_string_append (o->canon, values[order[i]]);
      g_string_append_c (o->canon, '"');
    }
  g_string_append (o->canon, "></");
  g_string_append (o->canon, name);
  g_string_append_c (o->canon, '>');
  canon_feed (o);
}

void
td_xml_out_leaf (TdXmlOut *o, const char *name, const char *text)
{
  td_xml_out_start (o, name);
  td_xml_out_text (o, text);
  td_xml_out_end (o);
}

void
td_xml_out_leaf_int (TdXmlOut *o, const char *name, gint64 value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  td_xml_out_leaf (o, name, text);
}

void
td_xml_out_body_digest (TdXmlOut *o, char digest[65])
{
  g_assert (!o->hashing);
  g_checksum_update (o->sum, (const guchar *) o->canon->str, o->canon->len);
  g_string_truncate (o->canon, 0);
  g_strlcpy (digest, g_checksum_get_string (o->sum), 65);
}

gboolean
td_xml_out_finish (TdXmlOut *o)
{
  gboolean ok;

  if (o->w != NULL)
    {
      check (o, xmlTextWriterFlush (o->w));
      xmlFreeTextWriter (o->w);   /* frees the output buffer it wrote to: callers pass one
                                   * they do not close themselves */
    }
  ok = !o->failed;
  g_checksum_free (o->sum);
  g_string_free (o->canon, TRUE);
  g_ptr_array_unref (o->names);
  g_array_unref (o->had_child);
  g_ptr_array_unref (o->attr_names);
  g_array_unref (o->attr_offsets);
  g_string_free (o->attr_text, TRUE);
  g_string_free (o->raw, TRUE);
  memset (o, 0, sizeof *o);
  return ok;
}

/* ---- the packet ------------------------------------------------------------ */

char *
td_packet_new_id (void)
{
  return g_uuid_string_random ();
}

static void
write_sender (TdXmlOut *o, const TdInstitution *inst)
{
  td_xml_out_start (o, "Sender");
  td_xml_out_leaf (o, "CreditCode", inst->credit_code);
  td_xml_out_leaf (o, "Name", inst->name);
  if (inst->license_no != NULL && *inst->license_no != '\0')
    td_xml_out_leaf (o, "LicenseNo", inst->license_no);
  td_xml_out_leaf (o, "Region", inst->region);
  td_xml_out_start (o, "Contact");
  td_xml_out_leaf (o, "Name", inst->contact_name);
  td_xml_out_leaf (o, "Phone", inst->contact_phone);
  td_xml_out_end (o);
  td_xml_out_start (o, "Software");
  td_xml_out_attr (o, "name", SOFTWARE_NAME);
  td_xml_out_attr (o, "version", PACKAGE_VERSION);
  td_xml_out_end (o);
  td_xml_out_end (o);
}

static gboolean
write_body (TdXmlOut *o, const TdPacketData *data, const char *created, char chain_head[65],
            GError **error)
{
  gboolean ok = TRUE;

  td_xml_out_start (o, "Body");
  switch (data->kind)
    {
    case TD_KIND_FILING: ok = td_write_class_filing (o, data, created, error); break;
    case TD_KIND_ROSTER: td_write_roster (o, data); break;
    case TD_KIND_ATTENDANCE: td_write_attendance (o, data, chain_head); break;
    case TD_KIND_ASSESSMENT: td_write_assessment (o, data); break;
    case TD_KIND_FOLLOWUP: td_write_follow_up (o, data); break;
    case TD_KIND_CLAIM: td_write_claim (o, data, created); break;
    case TD_KIND_NOTICE: td_write_notice (o, data); break;
    case TD_KIND_QUARTERLY: td_write_quarterly (o, data); break;
    case TD_N_KINDS:
    default: g_assert_not_reached ();
    }
  td_xml_out_end (o);
  return ok;
}

gboolean
td_packet_write (const TdPacketData *data, const TdPacketHead *head, xmlOutputBuffer *out,
                 char digest[65], char chain_head[65], GError **error)
{
  TdXmlOut o;
  char head_buf[65] = "";
  gboolean ok;

  g_return_val_if_fail (data != NULL && head != NULL && digest != NULL, FALSE);
  g_return_val_if_fail (data->inst != NULL, FALSE);

  /* One pass: the Digest element follows the Body, so its digest is known when it is
   * written.  A Body that cannot be written (R-CLS-003) fails with its output unfinished;
   * the caller discards it (a temporary file, a memory buffer). */
  td_xml_out_init (&o, out);
  td_xml_out_start (&o, "Packet");
  if (out != NULL)
    {
      td_xml_out_attr (&o, "xmlns", TD_NS);
      td_xml_out_attr (&o, "version", "1.0");
      td_xml_out_attr (&o, "id", head->id);
      td_xml_out_attr (&o, "created", head->created);
      td_xml_out_attr (&o, "supersedes", head->supersedes);
      write_sender (&o, data->inst);
    }
  ok = write_body (&o, data, head->created, head_buf, error);
  if (ok)
    {
      td_xml_out_body_digest (&o, digest);
      if (chain_head != NULL)
        g_strlcpy (chain_head, head_buf, 65);
      if (out != NULL)
        {
          td_xml_out_start (&o, "Digest");
          td_xml_out_attr (&o, "algorithm", "SHA-256");
          td_xml_out_text (&o, digest);
          td_xml_out_end (&o);
        }
    }
  td_xml_out_end (&o);
  if (!td_xml_out_finish (&o) && ok)
    {
      g_set_error (error, TD_PACKET_WRITER_ERROR, TD_PACKET_WRITER_ERROR_WRITE,
                   _("The packet could not be written."));
      return FALSE;
    }
  return ok;
}

GBytes *
td_packet_write_bytes (const TdPacketData *data, const TdPacketHead *head, char digest[65],
                       GError **error)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlOutputBufferPtr out = xmlOutputBufferCreateBuffer (buffer, NULL);
  GBytes *bytes = NULL;

  if (td_packet_write (data, head, out, digest, NULL, error))
    bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}
