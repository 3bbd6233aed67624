/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers shared by the pages: error dialogs that say what to do, dates typed by
 * people, combo rows over the schema's code lists. */
#pragma once

#include <adwaita.h>

#include "core/td-codes.h"
#include "core/td-store.h"

G_BEGIN_DECLS

/* What the user can do about a failed store call (translated), or NULL when nothing
 * specific applies. */
const char *td_ui_error_hint (const GError *error);
/* @error when it says the database could not be read (damaged, locked, disk failing);
 * NULL for no error and for "no such class" and other answers about the data. */
const GError *td_ui_store_read_error (const GError *error);
/* A modal message dialog over @parent's window: @heading, the error's message and the
 * hint.  Nothing in the form is touched, so nothing typed is lost. */
void td_ui_show_error (GtkWidget *parent, const char *heading, const GError *error);
/* The class @class_id read for an action of @parent's window; NULL when there is none (no
 * class chosen, or it was deleted) or when it cannot be read: then the error is shown
 * ("The class cannot be read") and *@failed set, so the caller says nothing more. */
TdClass *td_ui_read_class (GtkWidget *parent, TdStore *store, gint64 class_id,
                           gboolean *failed);
/* A modal dialog with a plain message. */
void td_ui_show_message (GtkWidget *parent, const char *heading, const char *body);

/* A GtkStringList of the UI names of @list's entries, in schema order. */
GtkStringList *td_ui_code_model (TdCodeList list);
/* Sets @row's model to @list's names and selects @code (or the first entry). */
void td_ui_combo_set_codes (AdwComboRow *row, TdCodeList list, const char *code);
/* Like td_ui_combo_set_codes (), with a first entry @none that is no code, selected: for a
 * choice that has no default (td_ui_combo_get_code () gives NULL while it is selected, and
 * td_ui_combo_select_code () with NULL selects it). */
void td_ui_combo_set_codes_optional (AdwComboRow *row, TdCodeList list, const char *none);
/* The code selected in a combo row filled by td_ui_combo_set_codes (), or NULL. */
const char *td_ui_combo_get_code (AdwComboRow *row, TdCodeList list);
void td_ui_combo_select_code (AdwComboRow *row, TdCodeList list, const char *code);

/* Text of an editable trimmed; newly allocated, NULL when empty. */
char *td_ui_editable_dup_text (GtkEditable *editable);
/* Sets an editable's text from a possibly NULL string. */
void td_ui_editable_set (GtkEditable *editable, const char *text);

/* A date typed leniently into @editable, written ISO into @out ("" when empty); FALSE when
 * something is typed that is not a date. */
gboolean td_ui_editable_get_date (GtkEditable *editable, char out[11]);

/* Marks a row/entry as wrong (the "error" style class) or clears it. */
void td_ui_set_error (GtkWidget *widget, gboolean error);

/* A descendant of @root whose widget name (gtk_widget_set_name) is @name; tests drive forms
 * through it.  NULL when none. */
GtkWidget *td_ui_find_named (GtkWidget *root, const char *name);

/* Tooltips that read well in Chinese (issue 17.12): the text on one line up to a sensible
 * width, then wrapped at that width (GTK's own wraps a short Chinese text at every
 * character).  td_ui_tooltip_label_new builds what is shown; td_ui_tooltip_attach makes
 * @widget show its tooltip text so (once per widget; the text may change later);
 * td_ui_tooltips_attach_all does it for every widget under @root that has one now. */
GtkWidget *td_ui_tooltip_label_new (GtkWidget *widget, const char *text);
void td_ui_tooltip_attach (GtkWidget *widget);
void td_ui_tooltips_attach_all (GtkWidget *root);

/* Adds to @chooser a filter named @name for the file name suffixes @suffixes ("xlsx",
 * NULL-terminated). */
void td_ui_add_file_filter (GtkFileChooser *chooser, const char *name,
                            const char *const *suffixes);

G_END_DECLS
