/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-packet"

#include "config.h"

#include "packet/td-filing-read.h"
#include "packet/td-xml-safe.h"

TdClass *
td_filing_read_class (xmlNode *filing)
{
  TdClass *k = td_class_new ();
  xmlNode *c = td_xml_child (filing, "Class");
  xmlNode *item = td_xml_child (c, "CatalogItem"), *hours = td_xml_child (c, "Hours");
  xmlNode *venue = td_xml_child (c, "Venue"), *plan = td_xml_child (c, "AssessmentPlan");
  xmlNode *partner = td_xml_child (c, "Partner"), *commit = td_xml_child (filing, "Commitment");

  k->code = td_xml_attr (c, "code");
  k->filing_no = td_xml_attr (c, "filingNo");
  k->title = td_xml_child_text (c, "Title");
  k->item_code = td_xml_attr (item, "code");
  k->item_name = td_xml_attr (item, "name");
  k->catalog_version = td_xml_attr (item, "catalogVersion");
  k->level = td_xml_child_int (c, "Level", 0);
  td_xml_child_copy (c, "TrainingType", k->training_type, sizeof k->training_type);
  td_xml_child_copy (c, "SpecialAction", k->special_action, sizeof k->special_action);
  k->project_mode = td_xml_child_int (c, "ProjectMode", 0);
  k->mode = td_xml_child_int (c, "Mode", 1);
  td_xml_child_copy (c, "StartDate", k->start_date, sizeof k->start_date);
  td_xml_child_copy (c, "EndDate", k->end_date, sizeof k->end_date);
  k->planned_theory = td_xml_attr_hours (hours, "theory", 0);
  k->planned_practice = td_xml_attr_hours (hours, "practice", 0);
  k->planned_online = td_xml_attr_hours (hours, "online", 0);
  k->planned_size = td_xml_child_int (c, "PlannedSize", 0);
  td_xml_attr_copy (venue, "region", k->venue_region, sizeof k->venue_region);
  k->venue_address = td_xml_child_text (venue, "Address");
  k->online_platform = td_xml_child_text (c, "OnlinePlatform");
  k->funding_source = td_xml_child_int (c, "FundingSource", 1);
  k->certificate = td_xml_attr_int (plan, "certificate", 0);
  k->assessment_method = td_xml_child_text (plan, "Method");
  if (partner != NULL)
    {
      k->partner_credit_code = td_xml_child_text (partner, "CreditCode");
      k->partner_name = td_xml_child_text (partner, "Name");
      k->partner_positions = td_xml_child_int (partner, "Positions", 0);
    }
  k->commitment_signed_by = td_xml_attr (commit, "signedBy");
  td_xml_attr_copy (commit, "date", k->commitment_date, sizeof k->commitment_date);
  return k;
}

GPtrArray *
td_filing_read_teachers (xmlNode *filing, gint64 class_id)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_teacher_free);
  xmlNode *teachers = td_xml_child (filing, "Teachers");

  for (xmlNode *n = td_xml_child (teachers, "Teacher"); n != NULL; n = td_xml_next (n, "Teacher"))
    {
      TdTeacher *t = td_teacher_new ();
      t->class_id = class_id;
      t->tid = td_xml_attr (n, "id");
      t->name = td_xml_child_text (n, "Name");
      t->id_number = td_xml_child_text (n, "IdNumber");
      t->qualification = td_xml_child_text (n, "Qualification");
      g_ptr_array_add (list, t);
    }
  return list;
}

GPtrArray *
td_filing_read_lessons (xmlNode *filing, gint64 class_id)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
  xmlNode *timetable = td_xml_child (filing, "Timetable");

  for (xmlNode *n = td_xml_child (timetable, "Lesson"); n != NULL; n = td_xml_next (n, "Lesson"))
    {
      TdLesson *l = td_lesson_new ();
      g_autofree char *kind = td_xml_attr (n, "kind"), *online = td_xml_attr (n, "online");

      l->class_id = class_id;
      l->lid = td_xml_attr (n, "id");
      td_xml_attr_copy (n, "date", l->date, sizeof l->date);
      td_xml_attr_copy (n, "start", l->start, sizeof l->start);
      td_xml_attr_copy (n, "end", l->end, sizeof l->end);
      l->hours = td_xml_attr_hours (n, "hours", 0);
      l->kind = kind != NULL && kind[0] == 'P' ? 'P' : 'T';
      l->online = g_strcmp0 (online, "true") == 0;
      l->teacher = td_xml_attr (n, "teacher");
      l->content = td_xml_text (n);
      g_ptr_array_add (list, l);
    }
  return list;
}
