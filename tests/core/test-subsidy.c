/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The subsidy per trainee (td_subsidy_preview, RULES.md R-SUB-001…005 with R-EMP-003) and
 * the quarterly figures (td_stats_quarter, R-QTR-003), against the shipped catalogue 2026-1.
 * Every expected figure is worked out by hand in the comments. */
#include "config.h"

#include "core/td-stats.h"
#include "core/td-subsidy.h"
#include "packet/td-catalog-import.h"
#include "store-fixture.h"


static TdClass *
make_class (TdStore *store, const char *code, const char *item, const char *name,
            const char *start, const char *end)
{
  TdClass *k = sf_class (code, start, end);

  g_free (k->item_code);
  k->item_code = g_strdup (item);
  g_free (k->item_name);
  k->item_name = g_strdup (name);
  g_assert_true (td_store_save_class (store, k, NULL));
  return k;
}

static void
import_catalog (StoreFixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (td_catalog_import_default (f->store, &error));
  g_assert_no_error (error);
}

/* A packet of @kind for the class with the bureau's decision @status. */
static void
log_packet (TdStore *store, const char *id, TdPacketKind kind, gint64 class_id,
            TdPacketStatus status)
{
  g_autoptr (TdPacketLog) log = td_packet_log_new ();
  g_autoptr (GBytes) content = g_bytes_new_static ("<Packet/>", 9);

  g_strlcpy (log->id, id, sizeof log->id);
  log->kind = kind;
  log->class_id = class_id;
  g_strlcpy (log->created, "2026-01-01T09:00:00+08:00", sizeof log->created);
  g_strlcpy (log->digest, "00", sizeof log->digest);
  log->status = TD_PACKET_SENT;
  g_assert_true (td_store_log_packet (store, log, content, NULL));
  g_assert_true (td_store_set_packet_receipt (store, id, status, "2026-01-01T09:05:00+08:00",
                                              "2026-01-02T09:00:00+08:00", NULL, -1, NULL,
                                              NULL, NULL));
}

typedef struct
{
  gint64 trainee;
  int certificate;
  int level;
  TdFen amount;
  TdFen approved;               /* -1: as claimed */
} Line;

/* A claim packet of the class with @lines, decided @status (approved when accepted). */
static void
add_claim (TdStore *store, const char *packet_id, gint64 class_id, TdPacketStatus status,
           const Line *lines, int n)
{
  g_autoptr (TdClaim) c = td_claim_new ();
  g_autoptr (GHashTable) approved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autoptr (GError) error = NULL;
  g_autofree TdFen *granted = g_new0 (TdFen, n);
  gboolean some_cut = FALSE;

  log_packet (store, packet_id, TD_KIND_CLAIM, class_id, status);
  c->class_id = class_id;
  c->packet_id = g_strdup (packet_id);
  c->catalog_version = g_strdup ("2026-1");
  c->payee_type = 1;
  c->account_name = g_strdup ("学校");
  c->bank = g_strdup ("银行");
  c->account = g_strdup ("1610001234567890123");
  c->signed_by = g_strdup ("王立新");
  g_strlcpy (c->date, "2026-03-30", sizeof c->date);
  c->approved = -1;
  for (int i = 0; i < n; i++)
    {
      TdClaimLine *l = td_claim_line_new ();
      g_autoptr (TdTrainee) t = td_store_get_trainee (store, lines[i].trainee, NULL);

      l->trainee_id = lines[i].trainee;
      l->certificate = lines[i].certificate;
      l->level = lines[i].level;
      l->attendance_rate = 10000;
      l->standard = l->amount = lines[i].amount;
      l->approved = -1;
      c->total += l->amount;
      c->count++;
      g_ptr_array_add (c->lines, l);
      granted[i] = lines[i].approved >= 0 ? lines[i].approved : lines[i].amount;
      g_hash_table_insert (approved, g_strdup (t->id_number), &granted[i]);
      some_cut |= lines[i].approved >= 0;
    }
  g_assert_true (td_store_save_claim (store, c, &error));
  g_assert_no_error (error);
  if (td_packet_status_accepted (status))
    {
      TdFen total = 0;
      for (int i = 0; i < n; i++)
        total += granted[i];
      g_assert_true (td_store_set_claim_approved (store, packet_id, total,
                                                  some_cut ? approved : NULL, &error));
      g_assert_no_error (error);
    }
}

static void
add_result (TdStore *store, gint64 class_id, gint64 trainee, int outcome, int certificate,
            int level)
{
  g_autoptr (TdResult) r = td_result_new ();

  r->class_id = class_id;
  r->trainee_id = trainee;
  r->outcome = outcome;
  r->theory = 800;
  r->practice = 800;
  if (outcome == 1)
    {
      r->cert_type = certificate;
      r->cert_level = level;
      r->cert_number = g_strdup ("S0000371500002650001");
      g_strlcpy (r->cert_issued, "2026-03-20", sizeof r->cert_issued);
      r->cert_issuer = g_strdup ("聊城市职业技能鉴定中心");
    }
  g_assert_true (td_store_save_result (store, r, NULL));
}

static void
add_follow_up (TdStore *store, gint64 class_id, gint64 trainee, int status, const char *since,
               int proof)
{
  g_autoptr (TdFollowUp) fu = td_follow_up_new ();
  g_autoptr (GError) error = NULL;

  fu->class_id = class_id;
  fu->trainee_id = trainee;
  g_strlcpy (fu->checked, "2026-09-20", sizeof fu->checked);
  fu->status = status;
  g_strlcpy (fu->since, since, sizeof fu->since);
  fu->proof = proof;
  fu->monthly_wage = -1;
  g_assert_true (td_store_save_follow_up (store, fu, &error));
  g_assert_no_error (error);
}

/* ---- the claim class ------------------------------------------------------------------------ */

/* YL2026-901, 养老护理员, 2 to 9 March 2026: eight lessons of 10 hours (08:00–15:30 holds
 * floor (2 × 450 / 45) / 2 = 10), 80 hours planned, 160 halves. */
typedef struct
{
  TdClass *klass;
  gint64 lessons[8];
} ClaimClass;

static void
attend (TdStore *store, ClaimClass *cc, gint64 trainee, const char *pattern)
{
  for (int i = 0; pattern[i] != '\0'; i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean ok;

      switch (pattern[i])
        {
        case 'P':
          ok = td_store_record_attendance (store, cc->klass->id, cc->lessons[i], trainee, 'P',
                                           "07:55:00", "15:35:00", "FACE", &error);
          break;
        case '4':   /* late, in at 13:40: 110 minutes, floor (220 / 45) = 4 halves */
          ok = td_store_record_attendance (store, cc->klass->id, cc->lessons[i], trainee, 'L',
                                           "13:40:00", "15:35:00", "FACE", &error);
          break;
        case '5':   /* late, in at 13:20: 130 minutes, floor (260 / 45) = 5 halves */
          ok = td_store_record_attendance (store, cc->klass->id, cc->lessons[i], trainee, 'L',
                                           "13:20:00", "15:35:00", "FACE", &error);
          break;
        default:
          ok = td_store_record_attendance (store, cc->klass->id, cc->lessons[i], trainee, 'A',
                                           NULL, NULL, "MANUAL", &error);
        }
      g_assert_no_error (error);
      g_assert_true (ok);
    }
}

static const TdSubsidyLine *
line_of (const TdSubsidyPreview *p, const char *id_number)
{
  for (guint i = 0; i < p->lines->len; i++)
    {
      const TdSubsidyLine *l = g_ptr_array_index (p->lines, i);
      if (g_str_equal (l->enrolment->trainee.id_number, id_number))
        return l;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
assert_left_out (const TdSubsidyPreview *p, const char *id_number, TdSubsidyReason reason,
                 const char *explanation)
{
  const TdSubsidyLine *l = line_of (p, id_number);

  g_assert_cmpint (l->reason, ==, reason);
  g_assert_cmpstr (l->explanation, ==, explanation);
  g_assert_nonnull (l->reasons);
  g_assert_cmpint (l->amount, ==, 0);
  g_assert_cmpint (l->uplift, ==, 0);
}

static void
assert_included (const TdSubsidyPreview *p, const char *id_number, int certificate, int level,
                 const char *standard, const char *uplift, const char *amount)
{
  const TdSubsidyLine *l = line_of (p, id_number);
  g_autofree char *s = td_money_format (l->standard);
  g_autofree char *u = td_money_format (l->uplift);
  g_autofree char *a = td_money_format (l->amount);

  g_assert_cmpint (l->reason, ==, TD_SUBSIDY_INCLUDED);
  g_assert_null (l->explanation);
  g_assert_null (l->reasons);
  g_assert_cmpint (l->certificate, ==, certificate);
  g_assert_cmpint (l->level, ==, level);
  g_assert_cmpstr (s, ==, standard);
  g_assert_cmpstr (u, ==, uplift);
  g_assert_cmpstr (a, ==, amount);
}

static void
test_preview (StoreFixture *f, gconstpointer data)
{
  ClaimClass cc = { 0 };
  g_autoptr (TdClass) b = NULL, c = NULL, d = NULL, e = NULL, g = NULL;
  g_autoptr (TdSubsidyPreview) p = NULL;
  g_autoptr (GError) error = NULL;
  gint64 t[16];
  static const char *const ids[16] = {
    ID_M1975, ID_F1993, ID_M1988, ID_F1990, ID_M1985, ID_F1992, ID_M1979, ID_F1996,
    ID_M2000, ID_F1983, ID_M1971, ID_F1998, ID_M1987, ID_F1994, ID_M1981, ID_F1999,
  };
  const TdSubsidyLine *l;
  g_autofree char *rate = NULL;

  import_catalog (f);
  cc.klass = make_class (f->store, "YL2026-901", "4-10-01-05", "养老护理员", "2026-03-02",
                         "2026-03-09");
  for (int i = 0; i < 8; i++)
    {
      g_autofree char *lid = g_strdup_printf ("L%02d", i + 1);
      g_autofree char *date = g_strdup_printf ("2026-03-%02d", i + 2);
      cc.lessons[i] = sf_save_lesson (f->store, cc.klass->id, lid, date, "08:00:00",
                                      "15:30:00", 20);
    }
  for (int i = 0; i < 16; i++)
    {
      g_autofree char *name = g_strdup_printf ("学员%02d", i + 1);
      t[i] = sf_enrol (f->store, cc.klass->id, ids[i], name, "01");
      /* 0: 0.7813 (125 of 160 halves); 4: exactly 0.8000 (128); the others all present. */
      attend (f->store, &cc, t[i], i == 4 ? "PPPPPP5A" : i == 15 ? "PPPPPP44" : "PPPPPPPP");
    }
  /* 0 withdrew on 3 March; 1 has no result; 2 failed; 3 was absent from the assessment. */
  g_assert_true (td_store_withdraw (f->store, cc.klass->id, t[0], "2026-03-03", "搬家", NULL));
  add_result (f->store, cc.klass->id, t[0], 1, 2, 5);
  add_result (f->store, cc.klass->id, t[2], 2, 0, 0);
  add_result (f->store, cc.klass->id, t[3], 3, 0, 0);
  for (int i = 4; i < 16; i++)
    add_result (f->store, cc.klass->id, t[i], 1, i == 10 ? 4 : 2, i == 10 ? 0 : i == 15 ? 4 : 5);
  /* Follow-ups.  The class ends 2026-03-09; the window is 183 days: 03-09 < since ≤ 09-08. */
  add_follow_up (f->store, cc.klass->id, t[5], 1, "2026-09-08", 1);   /* last day: uplift */
  add_follow_up (f->store, cc.klass->id, t[6], 1, "2026-03-09", 1);   /* = end: none */
  add_follow_up (f->store, cc.klass->id, t[7], 1, "2026-09-09", 1);   /* end + 184: none */
  add_follow_up (f->store, cc.klass->id, t[8], 1, "2026-04-01", 0);   /* no proof: none */
  add_follow_up (f->store, cc.klass->id, t[9], 5, "2026-04-01", 1);   /* 升学: none */
  add_follow_up (f->store, cc.klass->id, t[10], 2, "2026-03-10", 4);  /* first day: uplift */

  /* What other classes already paid (R-SUB-005). */
  b = make_class (f->store, "YL2026-801", "4-10-01-05", "养老护理员", "2026-01-05",
                  "2026-01-20");
  c = make_class (f->store, "JZ2026-801", "4-10-01-06", "家政服务员", "2026-02-02",
                  "2026-02-10");
  d = make_class (f->store, "YY2026-801", "4-10-01-02", "育婴员", "2026-02-11", "2026-02-20");
  e = make_class (f->store, "PR2025-801", "4-03-02-01", "中式烹调师", "2025-12-01",
                  "2025-12-10");
  g = make_class (f->store, "DG2026-801", "6-31-01-03", "电工", "2026-02-21", "2026-02-27");
  {
    const Line in_b[] = { { t[13], 2, 5, 150000, -1 }, { t[14], 2, 4, 200000, -1 },
                          { t[15], 2, 5, 150000, -1 } };
    const Line in_c[] = { { t[11], 2, 5, 120000, -1 }, { t[12], 2, 5, 120000, -1 } };
    const Line in_d[] = { { t[11], 2, 5, 120000, -1 }, { t[12], 2, 5, 120000, -1 } };
    const Line in_e[] = { { t[12], 2, 5, 120000, -1 } };
    const Line in_g[] = { { t[11], 2, 5, 150000, -1 } };
    const Line rejected[] = { { t[15], 2, 5, 120000, -1 } };
    add_claim (f->store, "claim-b", b->id, TD_PACKET_ACCEPTED, in_b, 3);
    add_claim (f->store, "claim-c", c->id, TD_PACKET_ACCEPTED_WITH_WARNINGS, in_c, 2);
    add_claim (f->store, "claim-d", d->id, TD_PACKET_ACCEPTED, in_d, 2);
    add_claim (f->store, "claim-e", e->id, TD_PACKET_ACCEPTED, in_e, 1);
    add_claim (f->store, "claim-g", g->id, TD_PACKET_ACCEPTED, in_g, 1);
    /* Rejected claims paid nothing: they count for no limit. */
    add_claim (f->store, "claim-c2", c->id, TD_PACKET_REJECTED, rejected, 1);
    add_claim (f->store, "claim-d2", d->id, TD_PACKET_REJECTED, rejected, 1);
    add_claim (f->store, "claim-g2", g->id, TD_PACKET_REJECTED, rejected, 1);
  }

  p = td_subsidy_preview (f->store, cc.klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->catalog->version, ==, "2026-1");
  g_assert_cmpuint (p->lines->len, ==, 16);
  g_assert_cmpstr (((TdSubsidyLine *) g_ptr_array_index (p->lines, 0))->enrolment->trainee.id_number,
                   ==, ID_M1975);   /* roster order */

  assert_left_out (p, ID_M1975, TD_SUBSIDY_WITHDRAWN, "withdrew on 2026-03-03 (R-SUB-001)");
  assert_left_out (p, ID_F1993, TD_SUBSIDY_NO_RESULT, "no assessment result yet");
  assert_left_out (p, ID_M1988, TD_SUBSIDY_FAILED, "failed the assessment (R-SUB-001)");
  assert_left_out (p, ID_F1990, TD_SUBSIDY_FAILED, "absent from the assessment (R-SUB-001)");
  /* 6 × 20 + 5 + 0 = 125 halves of 160: 0.78125, half up to four decimals 0.7813. */
  assert_left_out (p, ID_M1985, TD_SUBSIDY_LOW_ATTENDANCE,
                   "attendance rate 78.13% is below 80.00% (R-SUB-001)");
  l = line_of (p, ID_M1985);
  g_assert_cmpint (l->credited, ==, 125);
  g_assert_cmpint (l->attendance_rate, ==, 7813);
  /* 6 × 20 + 4 + 4 = 128 of 160: exactly 0.8000, the minimum, is enough (as in the claim
   * example's line 371503197903223233). */
  l = line_of (p, ID_F1999);
  g_assert_cmpint (l->credited, ==, 128);
  rate = td_rate_format (l->attendance_rate);
  g_assert_cmpstr (rate, ==, "0.8000");

  /* The claim example's figures: 1500.00 and 20 % of it, 300.00. */
  assert_included (p, ID_F1992, 2, 5, "1500.00", "300.00", "1800.00");
  g_assert_cmpint (line_of (p, ID_F1992)->attendance_rate, ==, 10000);
  assert_included (p, ID_M1979, 2, 5, "1500.00", "0.00", "1500.00");
  assert_included (p, ID_F1996, 2, 5, "1500.00", "0.00", "1500.00");
  assert_included (p, ID_M2000, 2, 5, "1500.00", "0.00", "1500.00");
  assert_included (p, ID_F1983, 2, 5, "1500.00", "0.00", "1500.00");
  /* Per hour: min (10.00 × 80, 500.00) = 500.00; uplift 100.00. */
  assert_included (p, ID_M1971, 4, 0, "500.00", "100.00", "600.00");
  /* Three accepted lines in 2026 already (JZ, YY, DG). */
  assert_left_out (p, ID_F1998, TD_SUBSIDY_YEARLY_LIMIT,
                   "already subsidised 3 times in 2026, the most a year allows (R-SUB-005)");
  /* Three too, but PR2025-801 ended in 2025: two in 2026. */
  assert_included (p, ID_M1987, 2, 5, "1500.00", "0.00", "1500.00");
  assert_left_out (p, ID_F1994, TD_SUBSIDY_SAME_ITEM_LEVEL,
                   "already subsidised for this item at this certificate and level in class "
                   "YL2026-801 (R-SUB-005)");
  assert_left_out (p, ID_M1981, TD_SUBSIDY_LOWER_LEVEL,
                   "level 4 of this item was already subsidised in class YL2026-801; a lower "
                   "level is not (R-SUB-005)");
  /* Level 4 after level 5 is a higher level: paid (2000.00); the rejected claims do not
   * count towards the yearly limit. */
  assert_included (p, ID_F1999, 2, 4, "2000.00", "0.00", "2000.00");

  /* 1800 + 1500 × 5 + 600 + 2000 = 11900.00 yuan for 8 trainees. */
  g_assert_cmpint (p->count, ==, 8);
  g_assert_cmpint (p->total, ==, 1190000);
  td_class_free (cc.klass);
}

/* Issue 17.11 and 18.3: a trainee left out for several reasons gets every one of them, and
 * the class's trainee count leaves out those who withdrew. */
static void
test_every_reason (StoreFixture *f, gconstpointer data)
{
  ClaimClass cc = { 0 };
  g_autoptr (TdSubsidyPreview) p = NULL;
  g_autoptr (GError) error = NULL;
  const TdSubsidyLine *l;
  gint64 t[4];
  static const char *const ids[4] = { ID_M1975, ID_F1993, ID_M1988, ID_F1990 };

  import_catalog (f);
  cc.klass = make_class (f->store, "YL2026-902", "4-10-01-05", "养老护理员", "2026-03-02",
                         "2026-03-09");
  cc.klass->payee_type = 2;   /* to the trainees: none of them has a bank account */
  g_assert_true (td_store_save_class (f->store, cc.klass, NULL));
  for (int i = 0; i < 8; i++)
    {
      g_autofree char *lid = g_strdup_printf ("L%02d", i + 1);
      g_autofree char *date = g_strdup_printf ("2026-03-%02d", i + 2);
      cc.lessons[i] = sf_save_lesson (f->store, cc.klass->id, lid, date, "08:00:00",
                                      "15:30:00", 20);
    }
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("学员%02d", i + 1);
      t[i] = sf_enrol (f->store, cc.klass->id, ids[i], name, "01");
    }
  /* 0: 6 of 8 days (75.00 %), failed, no account.  1: no result, 5 of 8 days (62.50 %), no
   * account.  2: passed, all days, no account.  3: withdrew after 2 days. */
  attend (f->store, &cc, t[0], "PPPPPPAA");
  attend (f->store, &cc, t[1], "PPPPPAAA");
  attend (f->store, &cc, t[2], "PPPPPPPP");
  attend (f->store, &cc, t[3], "PP");
  add_result (f->store, cc.klass->id, t[0], 2, 0, 0);
  add_result (f->store, cc.klass->id, t[2], 1, 2, 5);
  g_assert_true (td_store_withdraw (f->store, cc.klass->id, t[3], "2026-03-04", "搬家", NULL));

  p = td_subsidy_preview (f->store, cc.klass->id, &error);
  g_assert_no_error (error);
  assert_left_out (p, ID_M1975, TD_SUBSIDY_FAILED,
                   "failed the assessment (R-SUB-001); attendance rate 75.00% is below 80.00% "
                   "(R-SUB-001); the subsidy is paid to trainees, and this trainee's bank "
                   "account is missing (R-SUB-007)");
  l = line_of (p, ID_M1975);
  g_assert_cmpuint (g_strv_length (l->reasons), ==, 3);
  g_assert_cmpstr (l->reasons[1], ==, "attendance rate 75.00% is below 80.00% (R-SUB-001)");
  assert_left_out (p, ID_F1993, TD_SUBSIDY_NO_RESULT,
                   "no assessment result yet; attendance rate 62.50% is below 80.00% "
                   "(R-SUB-001); the subsidy is paid to trainees, and this trainee's bank "
                   "account is missing (R-SUB-007)");
  assert_left_out (p, ID_M1988, TD_SUBSIDY_NO_ACCOUNT,
                   "the subsidy is paid to trainees, and this trainee's bank account is "
                   "missing (R-SUB-007)");
  /* withdrawn: that alone, nothing after the withdrawal is expected of the trainee */
  assert_left_out (p, ID_F1990, TD_SUBSIDY_WITHDRAWN, "withdrew on 2026-03-04 (R-SUB-001)");
  g_assert_cmpuint (g_strv_length (line_of (p, ID_F1990)->reasons), ==, 1);
  /* four on the roster, one withdrew: the class has three trainees, as its list says */
  g_assert_cmpuint (p->lines->len, ==, 4);
  g_assert_cmpint (p->enrolled, ==, 3);
  g_assert_cmpint (p->enrolled, ==, td_store_count_enrolled (f->store, cc.klass->id, NULL));
  g_assert_cmpint (p->withdrawn, ==, 1);
  g_assert_cmpint (p->count, ==, 0);
  td_class_free (cc.klass);
}

static void
test_standard_and_window (StoreFixture *f, gconstpointer data)
{
  g_autoptr (TdCatalog) cat = NULL;
  const TdCatalogItem *item;
  g_autoptr (TdFollowUp) fu = td_follow_up_new ();

  import_catalog (f);
  cat = td_store_get_catalog (f->store, "2026-1", NULL);
  item = td_catalog_find_item (cat, "4-10-01-05");
  /* R-SUB-002: per hour 10.00 × hours, at most 500.00. */
  g_assert_cmpint (td_subsidy_standard (item, 4, 0, 80), ==, 40000);     /* 40 h: 400.00 */
  g_assert_cmpint (td_subsidy_standard (item, 4, 0, 99), ==, 49500);     /* 49.5 h */
  g_assert_cmpint (td_subsidy_standard (item, 4, 0, 100), ==, 50000);
  g_assert_cmpint (td_subsidy_standard (item, 4, 0, 160), ==, 50000);
  g_assert_cmpint (td_subsidy_standard (item, 2, 5, 10), ==, 150000);    /* not per hour */
  g_assert_cmpint (td_subsidy_standard (item, 2, 3, 160), ==, -1);       /* no such standard */
  g_assert_cmpint (td_subsidy_standard (NULL, 2, 5, 160), ==, -1);

  fu->status = 3;
  fu->proof = 2;
  g_strlcpy (fu->since, "2026-12-31", sizeof fu->since);
  g_assert_false (td_subsidy_follow_up_earns_uplift (fu, "2026-12-31", 183));
  g_strlcpy (fu->since, "2027-01-01", sizeof fu->since);
  g_assert_true (td_subsidy_follow_up_earns_uplift (fu, "2026-12-31", 183));
  g_strlcpy (fu->since, "2027-07-02", sizeof fu->since);                 /* + 183 */
  g_assert_true (td_subsidy_follow_up_earns_uplift (fu, "2026-12-31", 183));
  g_strlcpy (fu->since, "2027-07-03", sizeof fu->since);                 /* + 184 */
  g_assert_false (td_subsidy_follow_up_earns_uplift (fu, "2026-12-31", 183));
  g_strlcpy (fu->since, "", sizeof fu->since);
  g_assert_false (td_subsidy_follow_up_earns_uplift (fu, "2026-12-31", 183));
  g_assert_false (td_subsidy_follow_up_earns_uplift (NULL, "2026-12-31", 183));
}

/* ---- the quarter ---------------------------------------------------------------------------- */

static void
test_quarter (StoreFixture *f, gconstpointer data)
{
  g_autoptr (TdClass) q = NULL, later = NULL, cancelled = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  gint64 l1, l2, q1, q2, q3, q4, q5, other;
  const TdQuarterRow *r;

  import_catalog (f);
  /* JZ2026-501 ends 26 June 2026 (Q2): two lessons of 4 hours, 16 halves planned. */
  q = make_class (f->store, "JZ2026-501", "4-10-01-06", "家政服务员", "2026-06-22",
                  "2026-06-26");
  log_packet (f->store, "filing-q", TD_KIND_FILING, q->id, TD_PACKET_ACCEPTED);
  l1 = sf_save_lesson (f->store, q->id, "L01", "2026-06-22", "08:00:00", "11:45:00", 8);
  l2 = sf_save_lesson (f->store, q->id, "L02", "2026-06-23", "08:00:00", "11:45:00", 8);
  q1 = sf_enrol (f->store, q->id, ID_F1993, "刘芳", "01");
  q2 = sf_enrol (f->store, q->id, ID_M1975, "陈建国", "01,03");   /* counted in both */
  q3 = sf_enrol (f->store, q->id, ID_M1988, "王伟", "03");
  q4 = sf_enrol (f->store, q->id, ID_F1990, "赵敏", "03");
  q5 = sf_enrol (f->store, q->id, ID_M1985, "孙强", "07");
  for (gint64 t = q1; t <= q5; t++)
    {
      g_assert_true (td_store_record_attendance (f->store, q->id, l1, t, 'P', "07:55:00",
                                                 "11:50:00", "FACE", NULL));
      /* q4 missed the second lesson: 8 of 16, 0.5000, below 0.8. */
      g_assert_true (td_store_record_attendance (f->store, q->id, l2, t, t == q4 ? 'A' : 'P',
                                                 t == q4 ? NULL : "07:55:00",
                                                 t == q4 ? NULL : "11:50:00", "FACE", NULL));
    }
  g_assert_true (td_store_withdraw (f->store, q->id, q3, "2026-06-24", "工作", NULL));
  add_result (f->store, q->id, q1, 1, 2, 5);
  add_result (f->store, q->id, q2, 1, 2, 5);
  add_result (f->store, q->id, q4, 1, 2, 5);
  add_result (f->store, q->id, q5, 2, 0, 0);
  add_follow_up (f->store, q->id, q1, 1, "2026-07-01", 1);
  add_follow_up (f->store, q->id, q4, 1, "2026-07-01", 1);
  add_follow_up (f->store, q->id, q5, 3, "2026-07-01", 0);
  {
    /* q2's line cut from 1200.00 to 1000.00 by the receipt. */
    const Line lines[] = { { q1, 2, 5, 120000, -1 }, { q2, 2, 5, 120000, 100000 } };
    add_claim (f->store, "claim-q", q->id, TD_PACKET_ACCEPTED, lines, 2);
  }
  /* Not in the figures: a class ending in Q3, a cancelled one. */
  later = make_class (f->store, "JZ2026-502", "4-10-01-06", "家政服务员", "2026-06-22",
                      "2026-07-01");
  log_packet (f->store, "filing-later", TD_KIND_FILING, later->id, TD_PACKET_ACCEPTED);
  other = sf_enrol (f->store, later->id, ID_F1992, "周丽", "09");
  cancelled = make_class (f->store, "JZ2026-503", "4-10-01-06", "家政服务员", "2026-06-01",
                          "2026-06-10");
  log_packet (f->store, "filing-cancelled", TD_KIND_FILING, cancelled->id, TD_PACKET_ACCEPTED);
  sf_enrol (f->store, cancelled->id, ID_M1979, "吴刚", "09");
  g_assert_true (td_store_cancel_class (f->store, cancelled->id, "2026-06-01", "停办", NULL));
  (void) other;

  rows = td_stats_quarter (f->store, 2026, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  /* Category 01: q1 and q2, both completed and certified; q1 employed; 1200.00 + 1000.00. */
  r = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (r->action, ==, "02");
  g_assert_cmpstr (r->training_type, ==, "01");
  g_assert_cmpstr (r->category, ==, "01");
  g_assert_cmpint (r->enrolled, ==, 2);
  g_assert_cmpint (r->completed, ==, 2);
  g_assert_cmpint (r->certified, ==, 2);
  g_assert_cmpint (r->employed, ==, 1);
  g_assert_cmpint (r->subsidy, ==, 220000);
  /* Category 03: q2 and q4 (q3 withdrew); q4 below the attendance minimum completes
   * nothing, so neither certified nor employed counts for q4. */
  r = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (r->category, ==, "03");
  g_assert_cmpint (r->enrolled, ==, 2);
  g_assert_cmpint (r->completed, ==, 1);
  g_assert_cmpint (r->certified, ==, 1);
  g_assert_cmpint (r->employed, ==, 0);
  g_assert_cmpint (r->subsidy, ==, 100000);
  /* Category 07: q5 completed, failed, in flexible employment. */
  r = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (r->category, ==, "07");
  g_assert_cmpint (r->enrolled, ==, 1);
  g_assert_cmpint (r->completed, ==, 1);
  g_assert_cmpint (r->certified, ==, 0);
  g_assert_cmpint (r->employed, ==, 1);
  g_assert_cmpint (r->subsidy, ==, 0);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = td_stats_quarter (f->store, 2026, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
}

/* The denominator of every attendance rate: the timetable the filing carries, the plan only
 * while there is no timetable. */
static void
test_planned_hours (void)
{
  g_autoptr (TdClass) k = td_class_new ();
  g_autoptr (GPtrArray) lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
  TdLesson *a = td_lesson_new (), *b = td_lesson_new ();

  k->planned_theory = 60;      /* 30 h */
  k->planned_practice = 40;    /* 20 h */
  g_assert_cmpint (td_subsidy_planned_hours (k, NULL), ==, 100);
  g_assert_cmpint (td_subsidy_planned_hours (k, lessons), ==, 100);
  a->hours = 10;               /* 5 h */
  b->hours = 9;                /* 4.5 h */
  g_ptr_array_add (lessons, a);
  g_ptr_array_add (lessons, b);
  g_assert_cmpint (td_subsidy_planned_hours (k, lessons), ==, 19);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  SF_ADD ("/subsidy/preview", test_preview);
  g_test_add_func ("/subsidy/planned-hours", test_planned_hours);
  SF_ADD ("/subsidy/every-reason", test_every_reason);
  SF_ADD ("/subsidy/standard-and-window", test_standard_and_window);
  SF_ADD ("/subsidy/quarter", test_quarter);
  return g_test_run ();
}
