/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include "ui/td-application.h"

int
main (int argc, char **argv)
{
  return td_application_main (argc, argv);
}
