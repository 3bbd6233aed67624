/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small modal form window: header bar with Cancel and a suggested OK button, Escape
 * closes it.  The OK button is named "dialog-ok" so tests can press it. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* @ok is called as void (*) (gpointer data); the caller closes the window when the
 * content is acceptable.  @data is freed with @free_data when the window goes. */
GtkWindow *td_dialog_new (GtkWidget *parent, const char *title, const char *name,
                          const char *ok_label, GtkWidget *content, GCallback ok,
                          gpointer data, GDestroyNotify free_data);
/* A row with a suffix widget (a switch, a spin button, a drop-down). */
GtkWidget *td_dialog_row_with (const char *title, GtkWidget *suffix);
/* An entry row named @name with @text. */
GtkWidget *td_dialog_entry_row (const char *title, const char *name, const char *text);
/* A combo row named @name over @strings (NULL-terminated), @selected chosen. */
GtkWidget *td_dialog_combo_row (const char *title, const char *name,
                                const char * const *strings, guint selected);
/* A label under a group for a message ("error" style when @error). */
void td_dialog_set_message (GtkLabel *label, const char *message);

G_END_DECLS
