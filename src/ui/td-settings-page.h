/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Settings: the institution, catalogue versions and import, the database file, backups
 * and the outbox folder. */
#pragma once

#include <adwaita.h>

#include "ui/td-page.h"

G_BEGIN_DECLS

#define TD_TYPE_SETTINGS_PAGE (td_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (TdSettingsPage, td_settings_page, TD, SETTINGS_PAGE, TdPage)

/* What the buttons do once a file is chosen (tests call them directly). */
gboolean td_settings_page_backup_to (TdSettingsPage *self, const char *path, GError **error);
/* Asks where to write a backup of the open database, then writes it. */
void td_settings_page_back_up (TdSettingsPage *self);
gboolean td_settings_page_set_outbox (TdSettingsPage *self, const char *path, GError **error);
gboolean td_settings_page_import_catalog (TdSettingsPage *self, const char *path,
                                          GError **error);

/* The "Database server" form: its libpq location (host, port, database, user; never the
 * password), its Test button (the result row says what happened, in words) and its Connect
 * button (the window opens the server's database and remembers where it is). */
char *td_settings_page_get_server_location (TdSettingsPage *self);
void td_settings_page_test_server (TdSettingsPage *self);
void td_settings_page_connect_server (TdSettingsPage *self);

G_END_DECLS
