/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The class of the bureau examples, shared by the validator tests. */
#include "config.h"

#include "validator-fixture.h"

#include <string.h>

TdClass *
validator_fixture_class (void)
{
  TdClass *klass = td_class_new ();

  klass->code = g_strdup ("GY2026-007");
  klass->title = g_strdup ("养老护理员（五级）就业技能培训2026年第7期");
  klass->catalog_version = g_strdup ("2026-1");
  klass->item_code = g_strdup ("4-10-01-05");
  klass->item_name = g_strdup ("养老护理员");
  klass->level = 5;
  strcpy (klass->training_type, "01");
  strcpy (klass->special_action, "05");
  klass->mode = 3;
  strcpy (klass->start_date, "2026-03-02");
  strcpy (klass->end_date, "2026-03-20");
  klass->planned_size = 40;
  klass->certificate = 2;
  klass->funding_source = 1;
  strcpy (klass->venue_region, "371502");
  klass->venue_address = g_strdup ("聊城市东昌府区柳园南路88号实训楼3层");
  klass->assessment_method = g_strdup ("理论机考与实操考核");
  klass->commitment_signed_by = g_strdup ("王立新");
  strcpy (klass->commitment_date, "2026-02-20");
  klass->payee_type = 1;
  klass->online_platform = g_strdup ("山东省职业技能线上培训平台");
  return klass;
}
