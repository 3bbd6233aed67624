/* SPDX-License-Identifier: GPL-3.0-or-later */
/* verify's packet part: the log's bytes against their digest and receipt, and what the sent
 * packets carried against the records now in the database. */
#define G_LOG_DOMAIN "td-packet-verify"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "packet/td-digest.h"
#include "packet/td-packet-verify.h"
#include "packet/td-receipt.h"
#include "packet/td-xml-safe.h"

typedef struct
{
  TdStore *store;
  GPtrArray *problems;          /* TdVerifyProblem* */
  GHashTable *latest;           /* "kind class_id" of the newest sent roster/assessment seen */
  GHashTable *packet_ids;       /* every id of the packet log */
  GError *error;                /* the first failure to read the store: verify stops */
} Verify;

static void
add (Verify *v, const char *class_code, const char *lid, const char *id_number, gint64 seq,
     char *message)
{
  TdVerifyProblem *p = g_new0 (TdVerifyProblem, 1);

  p->class_code = g_strdup (class_code);
  p->lid = g_strdup (lid);
  p->id_number = g_strdup (id_number);
  p->seq = seq;
  p->message = message;
  g_ptr_array_add (v->problems, p);
}

/* "the roster packet 1c…e2 of 2026-02-27T16:00:00+08:00" */
static char *
describe (const TdPacketLog *log)
{
  return g_strdup_printf (_("the %s packet %s of %s"), td_packet_kind_label (log->kind),
                          log->id, log->created);
}

static xmlDoc *
parse (GBytes *bytes)
{
  g_autoptr (TdFindings) ignored = td_findings_new ();
  gsize len = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;

  if (data == NULL || len == 0)
    return NULL;
  return td_xml_read_memory (data, len, NULL, ignored);
}

static gboolean
is_sent (TdPacketStatus status)
{
  return status == TD_PACKET_SENT || td_packet_status_accepted (status);
}

/* ---- the packet's own bytes and its receipt ---- */

static gboolean
check_digest (Verify *v, const TdPacketLog *log, xmlDoc *doc)
{
  g_autofree char *what = describe (log);
  g_autofree char *computed = doc != NULL ? td_digest_body (doc, NULL) : NULL;
  g_autofree char *written = NULL;

  if (doc == NULL || computed == NULL)
    {
      add (v, NULL, NULL, NULL, 0, g_strdup_printf (
        _("%s: its stored bytes are no longer a readable packet; they were changed outside "
          "TrainDesk."), what));
      return FALSE;
    }
  written = td_xml_child_text (xmlDocGetRootElement (doc), "Digest");
  if (strcmp (computed, log->digest) != 0 || g_strcmp0 (written, log->digest) != 0)
    {
      add (v, NULL, NULL, NULL, 0, g_strdup_printf (
        _("%s: its stored bytes give the digest %s, not the logged %s: the packet or its "
          "digest was changed outside TrainDesk."), what, computed, log->digest));
      return FALSE;
    }
  return TRUE;
}

static void
check_receipt (Verify *v, const TdPacketLog *log)
{
  g_autofree char *what = describe (log);
  g_autofree char *packet = NULL, *digest = NULL, *status = NULL;
  TdPacketStatus decided;
  xmlDoc *doc;
  xmlNode *root;

  if (log->receipt == NULL)
    {
      if (td_packet_status_accepted (log->status) || log->status == TD_PACKET_REJECTED)
        add (v, NULL, NULL, NULL, 0, g_strdup_printf (
          _("%s is marked “%s” but holds no receipt from the bureau: its status was changed "
            "outside TrainDesk."), what, td_packet_status_label (log->status)));
      return;
    }
  doc = parse (log->receipt);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root != NULL && td_xml_is (root, "Receipt"))
    {
      packet = td_xml_attr (root, "packet");
      digest = td_xml_attr (root, "digest");
      status = td_xml_attr (root, "status");
    }
  if (doc != NULL)
    xmlFreeDoc (doc);
  if (g_strcmp0 (packet, log->id) != 0 || g_strcmp0 (digest, log->digest) != 0)
    add (v, NULL, NULL, NULL, 0, g_strdup_printf (
      _("%s: its stored receipt does not answer this packet and digest %s: the packet, its "
        "digest or its receipt was changed outside TrainDesk."), what, log->digest));
  else if (!td_receipt_status_parse (status, &decided) || decided != log->status)
    add (v, NULL, NULL, NULL, 0, g_strdup_printf (
      _("%s is marked “%s” but its receipt says %s: its status was changed outside "
        "TrainDesk."), what, td_packet_status_label (log->status), status));
}

/* ---- the roster: names, phones, birth dates, genders, enrolments ---- */

static void
compare_field (Verify *v, const TdPacketLog *log, const char *id, const char *field,
               const char *here, const char *sent)
{
  g_autofree char *what = NULL;

  if (g_strcmp0 (here, sent) == 0)
    return;
  what = describe (log);
  add (v, log->class_code, NULL, id, 0, g_strdup_printf (
    _("%s is “%s” in the database but “%s” in %s. If it was changed in TrainDesk, send the "
      "roster again; otherwise it was changed outside TrainDesk."), field,
    here != NULL ? here : "", sent != NULL ? sent : "", what));
}

static void
check_trainee (Verify *v, const TdPacketLog *log, xmlNode *t, GHashTable *enrolled)
{
  g_autofree char *id = td_xml_child_text (t, "IdNumber");
  g_autofree char *name = td_xml_child_text (t, "Name");
  g_autofree char *phone = td_xml_child_text (t, "Phone");
  g_autofree char *birth = td_xml_child_text (t, "BirthDate");
  g_autofree char *gender = td_xml_child_text (t, "Gender");
  g_autofree char *gender_here = NULL;
  TdEnrolment *e = id != NULL ? g_hash_table_lookup (enrolled, id) : NULL;

  if (e == NULL)
    {
      g_autofree char *what = describe (log);
      add (v, log->class_code, NULL, id, 0, g_strdup_printf (
        _("enrolled by %s, but the enrolment is no longer in the database: it was deleted "
          "outside TrainDesk."), what));
      return;
    }
  gender_here = g_strdup_printf ("%d", e->trainee.gender);
  compare_field (v, log, id, _("The name"), e->trainee.name, name);
  compare_field (v, log, id, _("The phone"), e->trainee.phone, phone);
  compare_field (v, log, id, _("The birth date"), e->trainee.birth_date, birth);
  compare_field (v, log, id, _("The gender"), gender_here, gender);
}

static void
check_roster (Verify *v, const TdPacketLog *log, xmlNode *roster)
{
  g_autoptr (GPtrArray) list = td_store_list_enrolments (v->store, log->class_id, &v->error);
  g_autoptr (GHashTable) enrolled = g_hash_table_new (g_str_hash, g_str_equal);

  if (list == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (list, i);
      g_hash_table_insert (enrolled, e->trainee.id_number, e);
    }
  for (xmlNode *t = td_xml_child (roster, "Trainee"); t != NULL; t = td_xml_next (t, "Trainee"))
    check_trainee (v, log, t, enrolled);
}

/* ---- assessment results ---- */

static void
check_assessment (Verify *v, const TdPacketLog *log, xmlNode *assessment)
{
  g_autoptr (GPtrArray) list = td_store_list_results (v->store, log->class_id, &v->error);
  g_autoptr (GHashTable) results = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *what = describe (log);

  if (list == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      TdResult *r = g_ptr_array_index (list, i);
      g_hash_table_insert (results, r->id_number, r);
    }
  for (xmlNode *n = td_xml_child (assessment, "Result"); n != NULL; n = td_xml_next (n, "Result"))
    {
      g_autofree char *id = td_xml_attr (n, "id");
      g_autofree char *outcome = td_xml_attr (n, "outcome");
      g_autofree char *here = NULL;
      TdResult *r = id != NULL ? g_hash_table_lookup (results, id) : NULL;

      if (r == NULL)
        {
          add (v, log->class_code, NULL, id, 0, g_strdup_printf (
            _("the result carried by %s is no longer in the database: it was deleted outside "
              "TrainDesk."), what));
          continue;
        }
      here = g_strdup_printf ("%d", r->outcome);
      if (g_strcmp0 (here, outcome) != 0)
        add (v, log->class_code, NULL, id, 0, g_strdup_printf (
          _("the outcome is %s in the database but %s in %s. If it was changed in TrainDesk, "
            "send the assessment again; otherwise it was changed outside TrainDesk."), here,
          outcome, what));
    }
}

/* ---- the claim and its lines ---- */

static TdClaimLine *
claim_line (const TdClaim *claim, const char *id)
{
  for (guint i = 0; i < claim->lines->len; i++)
    {
      TdClaimLine *l = g_ptr_array_index (claim->lines, i);
      if (g_strcmp0 (l->id_number, id) == 0)
        return l;
    }
  return NULL;
}

static void
check_claim (Verify *v, const TdPacketLog *log, xmlNode *body)
{
  g_autoptr (TdClaim) claim = td_store_get_claim_by_packet (v->store, log->id, &v->error);
  g_autofree char *what = describe (log);

  if (v->error != NULL)
    return;
  if (claim == NULL)
    {
      add (v, log->class_code, NULL, NULL, 0, g_strdup_printf (
        _("the claim sent as %s is no longer in the database: it was deleted outside "
          "TrainDesk."), what));
      return;
    }
  for (xmlNode *n = td_xml_child (body, "Line"); n != NULL; n = td_xml_next (n, "Line"))
    {
      g_autofree char *id = td_xml_attr (n, "id");
      g_autofree char *amount = td_xml_attr (n, "amount");
      g_autofree char *here = NULL;
      TdClaimLine *l = claim_line (claim, id);

      if (l == NULL)
        {
          add (v, log->class_code, NULL, id, 0, g_strdup_printf (
            _("the claim line of %s is no longer in the database: it was deleted outside "
              "TrainDesk."), what));
          continue;
        }
      here = td_money_format (l->amount);
      if (g_strcmp0 (here, amount) != 0)
        add (v, log->class_code, NULL, id, 0, g_strdup_printf (
          _("the claim line's amount is %s in the database but %s in %s: it was changed "
            "outside TrainDesk."), here, amount, what));
    }
}

/* ---- attendance batches: count, chain head, and which records are gone ---- */

typedef struct
{
  char *key;                    /* date|lesson|id */
  char *lesson;
  char *id;
  char *date;
  gint64 seq;                   /* of the matching record in the database; 0 when gone */
} Sent;

static void
sent_free (Sent *s)
{
  g_free (s->key);
  g_free (s->lesson);
  g_free (s->id);
  g_free (s->date);
  g_free (s);
}

static GPtrArray *
sent_records (xmlNode *attendance)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) sent_free);

  for (xmlNode *s = td_xml_child (attendance, "Session"); s != NULL; s = td_xml_next (s, "Session"))
    {
      g_autofree char *lesson = td_xml_attr (s, "lesson");
      g_autofree char *date = td_xml_attr (s, "date");

      for (xmlNode *r = td_xml_child (s, "Record"); r != NULL; r = td_xml_next (r, "Record"))
        {
          Sent *e = g_new0 (Sent, 1);
          e->id = td_xml_attr (r, "id");
          e->lesson = g_strdup (lesson);
          e->date = g_strdup (date);
          e->key = g_strdup_printf ("%s|%s|%s", date, lesson, e->id);
          g_ptr_array_add (list, e);
        }
    }
  return list;
}

/* Pairs the sent records with the batch's rows in order (rows are only ever missing, never
 * reordered), then gives each missing one the sequence number it had: the gap it left. */
static void
match_rows (GPtrArray *sent, GPtrArray *rows)
{
  guint j = 0;
  gint64 prev = 0;

  for (guint k = 0; k < sent->len; k++)
    {
      Sent *s = g_ptr_array_index (sent, k);
      TdAttendance *r = j < rows->len ? g_ptr_array_index (rows, j) : NULL;
      g_autofree char *key = r != NULL ? g_strdup_printf ("%s|%s|%s", r->date, r->lid,
                                                          r->id_number) : NULL;

      if (key != NULL && g_strcmp0 (key, s->key) == 0)
        {
          s->seq = r->seq;
          j++;
        }
    }
  for (guint k = 0; k < sent->len; k++)
    {
      Sent *s = g_ptr_array_index (sent, k);
      if (s->seq > 0)
        prev = s->seq;
      else if (prev > 0)
        s->seq = -(++prev);     /* negative: gone; numbered after its predecessor */
    }
  prev = 0;
  for (guint k = sent->len; k-- > 0;)
    {
      Sent *s = g_ptr_array_index (sent, k);
      if (s->seq > 0)
        prev = s->seq;
      else if (s->seq == 0 && prev > 1)
        s->seq = -(--prev);     /* gone at the start of the batch: before its successor */
    }
}

static void
report_gone (Verify *v, const TdPacketLog *log, GPtrArray *sent)
{
  g_autofree char *what = describe (log);

  for (guint k = 0; k < sent->len; k++)
    {
      Sent *s = g_ptr_array_index (sent, k);
      if (s->seq > 0)
        continue;
      if (s->seq == 0)
        add (v, log->class_code, s->lesson, s->id, 0, g_strdup_printf (
          _("the record of lesson %s on %s, carried by %s, is no longer in the database: it "
            "was deleted outside TrainDesk."), s->lesson, s->date, what));
      else
        add (v, log->class_code, s->lesson, s->id, -s->seq, g_strdup_printf (
          _("record %lld (lesson %s on %s), carried by %s, is no longer in the database: it "
            "was deleted outside TrainDesk."), (long long) -s->seq, s->lesson, s->date, what));
    }
}

static void
check_batch (Verify *v, const TdPacketLog *log, xmlNode *attendance, GPtrArray *chain)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GPtrArray) sent = NULL;
  xmlNode *link = td_xml_child (attendance, "Chain");
  g_autofree char *head = td_xml_attr (link, "head");
  g_autofree char *count = td_xml_attr (link, "count");
  g_autofree char *n_rows = NULL;
  g_autofree char *what = NULL;
  const char *last;

  for (guint i = 0; i < chain->len; i++)
    {
      TdAttendance *r = g_ptr_array_index (chain, i);
      if (g_strcmp0 (r->packet_id, log->id) == 0)
        g_ptr_array_add (rows, r);
    }
  n_rows = g_strdup_printf ("%u", rows->len);
  last = rows->len > 0 ? ((TdAttendance *) g_ptr_array_index (rows, rows->len - 1))->hash : "";
  if (g_strcmp0 (n_rows, count) == 0 && g_strcmp0 (last, head) == 0)
    return;
  sent = sent_records (attendance);
  match_rows (sent, rows);
  if (rows->len < sent->len)
    {
      report_gone (v, log, sent);
      return;
    }
  what = describe (log);
  add (v, log->class_code, NULL, NULL, 0, g_strdup_printf (
    _("%s carried %s records ending in the chain head %s; the database holds %u records of "
      "it, ending in %s: they were changed outside TrainDesk."), what, count, head,
    rows->len, last));
}

/* ---- one packet, and the log ---- */

/* Only the newest sent roster and assessment of a class say what stands now. */
static gboolean
is_latest (Verify *v, const TdPacketLog *log)
{
  char *key = g_strdup_printf ("%d %" G_GINT64_FORMAT, log->kind, log->class_id);

  if (g_hash_table_contains (v->latest, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (v->latest, key);
  return TRUE;
}

static void
check_facts (Verify *v, const TdPacketLog *log, xmlNode *kind, GHashTable *chains)
{
  GPtrArray *chain;

  switch (log->kind)
    {
    case TD_KIND_ROSTER:
      if (is_latest (v, log))
        check_roster (v, log, kind);
      break;
    case TD_KIND_ASSESSMENT:
      if (is_latest (v, log))
        check_assessment (v, log, kind);
      break;
    case TD_KIND_CLAIM:
      check_claim (v, log, kind);
      break;
    case TD_KIND_ATTENDANCE:
      chain = g_hash_table_lookup (chains, &log->class_id);
      if (chain == NULL)
        {
          chain = td_store_list_chain (v->store, log->class_id, &v->error);
          if (chain == NULL)
            break;
          g_hash_table_insert (chains, g_memdup2 (&log->class_id, sizeof log->class_id), chain);
        }
      check_batch (v, log, kind, chain);
      break;
    default:
      break;
    }
}

static void
check_packet (Verify *v, const TdPacketLog *meta, GHashTable *chains)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (TdPacketLog) log = NULL;
  xmlDoc *doc;
  xmlNode *body;

  if (v->error != NULL)
    return;
  log = td_store_get_packet (v->store, meta->id, &local);
  if (!td_store_missing_ok (&local, &v->error) || log == NULL)
    return;
  doc = parse (log->content);
  check_receipt (v, log);
  if (check_digest (v, log, doc) && is_sent (log->status))
    {
      body = td_xml_child (xmlDocGetRootElement (doc), "Body");
      check_facts (v, log, td_xml_first_element (body), chains);
    }
  if (doc != NULL)
    xmlFreeDoc (doc);
}

/* Claims and attendance records that name a packet the log no longer has. */
static void
check_orphans (Verify *v, const TdClassSummary *k, GHashTable *chains)
{
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  GPtrArray *chain = g_hash_table_lookup (chains, &k->id);
  g_autoptr (GPtrArray) own = NULL;

  if (v->error != NULL
      || (claims = td_store_list_claims (v->store, k->id, &v->error)) == NULL
      || (chain == NULL && (own = td_store_list_chain (v->store, k->id, &v->error)) == NULL))
    return;
  for (guint i = 0; i < claims->len; i++)
    {
      TdClaim *c = g_ptr_array_index (claims, i);
      if (!g_hash_table_contains (v->packet_ids, c->packet_id))
        add (v, k->code, NULL, NULL, 0, g_strdup_printf (
          _("the claim names the packet %s, which is no longer in the packet log: it was "
            "deleted outside TrainDesk."), c->packet_id));
    }
  chain = chain != NULL ? chain : own;
  for (guint i = 0; i < chain->len; i++)
    {
      TdAttendance *r = g_ptr_array_index (chain, i);
      if (r->packet_id != NULL && !g_hash_table_contains (v->packet_ids, r->packet_id)
          && !g_hash_table_contains (named, r->packet_id))
        {
          g_hash_table_add (named, r->packet_id);
          add (v, k->code, NULL, NULL, 0, g_strdup_printf (
            _("attendance records name the batch %s, which is no longer in the packet log: it "
              "was deleted outside TrainDesk."), r->packet_id));
        }
    }
}

GPtrArray *
td_packet_verify (TdStore *store, GError **error)
{
  g_autoptr (GPtrArray) packets = NULL;
  g_autoptr (GPtrArray) classes = NULL;
  g_autoptr (GHashTable) chains = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Verify v = { store, NULL, latest, ids };

  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  v.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) td_verify_problem_free);
  packets = td_store_list_packets (store, 0, &v.error);   /* newest first */
  for (guint i = 0; packets != NULL && i < packets->len; i++)
    g_hash_table_add (ids, g_strdup (((TdPacketLog *) g_ptr_array_index (packets, i))->id));
  for (guint i = 0; packets != NULL && i < packets->len; i++)
    check_packet (&v, g_ptr_array_index (packets, i), chains);
  if (v.error == NULL)
    classes = td_store_list_classes (store, &v.error);
  for (guint i = 0; classes != NULL && i < classes->len; i++)
    check_orphans (&v, g_ptr_array_index (classes, i), chains);
  if (v.error != NULL)
    {
      g_propagate_error (error, v.error);
      g_ptr_array_unref (v.problems);
      return NULL;
    }
  return v.problems;
}

/* A gap the chain check found that a batch names record by record.  (A record the chain
 * check finds changed is still there, so no batch reports it gone.) */
static gboolean
named_by (GPtrArray *facts, const TdVerifyProblem *gap)
{
  if (gap->seq <= 0)
    return FALSE;
  for (guint i = 0; i < facts->len; i++)
    {
      const TdVerifyProblem *p = g_ptr_array_index (facts, i);
      if (p->seq == gap->seq && g_strcmp0 (p->class_code, gap->class_code) == 0)
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
td_verify_all (TdStore *store, GError **error)
{
  g_autoptr (GPtrArray) problems = td_store_verify (store, error);
  g_autoptr (GPtrArray) facts = NULL;

  if (problems == NULL)
    return NULL;
  facts = td_packet_verify (store, error);
  if (facts == NULL)
    return NULL;
  for (guint i = problems->len; i-- > 0;)
    if (named_by (facts, g_ptr_array_index (problems, i)))
      g_ptr_array_remove_index (problems, i);
  g_ptr_array_extend_and_steal (problems, g_steal_pointer (&facts));
  return g_steal_pointer (&problems);
}
