/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A printed form (样表, FORMS.md) as a model: a page header (form number, title, the
 * institution's fields, the QR code of the matching packet), then blocks (label/value
 * tables, ruled tables, paragraphs, signature lines, boxes) that the layout paginates
 * onto A4: table headers repeated on every page, no row split across pages, text wrapped,
 * never cut, and "第 n 页 共 m 页" in the footer.  No GTK: the print operation, PDF export
 * and the tests all draw through td_form_render_page (). */
#pragma once

#include "render/td-render.h"

G_BEGIN_DECLS

typedef struct _TdForm TdForm;
typedef struct _TdFormTable TdFormTable;
typedef struct _TdFormLayout TdFormLayout;

/* ---- the model ------------------------------------------------------- */

TdForm *td_form_new (const char *number, const char *title);
void td_form_free (TdForm *form);
const char *td_form_get_title (const TdForm *form);

/* A field of the header line: "label：value" (a blank line to fill by hand when @value is
 * NULL or empty). */
void td_form_add_header_field (TdForm *form, const char *label, const char *value);
/* The QR code at the top right of every page (NULL: none). */
void td_form_set_qr (TdForm *form, const char *payload);
const char *td_form_get_qr (const TdForm *form);

/* A section caption (授课教师, 课程表 …); kept on the page of what follows it. */
void td_form_add_heading (TdForm *form, const char *text);
/* A row of the two-column label/value table (consecutive fields make one table). */
void td_form_add_field (TdForm *form, const char *label, const char *value);
void td_form_add_paragraph (TdForm *form, const char *text);
/* Signature lines "label：________" side by side, wrapping when they do not fit. */
void td_form_add_signatures (TdForm *form, const char *const *labels);
/* A bordered box of labels with room to write (the bureau's box), @height_mm high. */
void td_form_add_box (TdForm *form, const char *const *labels, double height_mm);
/* The next block starts on a new page. */
void td_form_add_page_break (TdForm *form);

/* A ruled table.  @caption (may be NULL) is repeated with "（续）" above the header on
 * every following page. */
TdFormTable *td_form_add_table (TdForm *form, const char *caption);
/* Column widths in millimetres: the table is stretched to the text width in proportion. */
void td_form_table_add_column (TdFormTable *table, const char *title, double width_mm,
                               PangoAlignment align);
/* A row of as many cells as columns (a NULL cell is blank); copied. */
void td_form_table_add_row (TdFormTable *table, const char *const *cells);
/* Rows at least this high (a box to sign in). */
void td_form_table_set_min_row_height (TdFormTable *table, double height_mm);
guint td_form_table_get_n_rows (const TdFormTable *table);

/* The width in millimetres the widest table needs: wider than portrait A4's text width
 * (175 mm) asks for landscape. */
double td_form_get_min_width_mm (const TdForm *form);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdForm, td_form_free)

/* ---- the page ---------------------------------------------------------- */

/* In points (1/72 inch), the whole sheet: the cairo_t given to the render has its origin at
 * the sheet's top left corner (a GtkPrintOperation with use-full-page). */
typedef struct
{
  double width, height;
  double margin_left, margin_top, margin_right, margin_bottom;
} TdPageSetup;

/* A4 with FORMS.md's margins (20 mm left for binding, 15 mm elsewhere). */
void td_page_setup_init_a4 (TdPageSetup *setup, gboolean landscape);
/* Portrait unless the widest table needs landscape. */
void td_page_setup_init_for_form (TdPageSetup *setup, const TdForm *form);

/* ---- layout and drawing ------------------------------------------------ */

/* Measures and paginates.  @setup NULL: td_page_setup_init_for_form ().  The form must
 * outlive the layout. */
TdFormLayout *td_form_layout (TdForm *form, const TdPageSetup *setup);
void td_form_layout_free (TdFormLayout *layout);
int td_form_layout_get_n_pages (const TdFormLayout *layout);
const TdPageSetup *td_form_layout_get_page_setup (const TdFormLayout *layout);
/* Draws page @page_index (from 0). */
void td_form_render_page (cairo_t *cr, TdForm *form, TdFormLayout *layout, int page_index,
                          const TdRenderStyle *style);

/* What a reader finds on a page: every text the page draws, one per line, in drawing order
 * (header, blocks, footer).  Newly allocated. */
char *td_form_layout_get_page_text (const TdFormLayout *layout, int page_index);
/* Glyphs no installed font has (drawn as boxes), over every text of the form. */
int td_form_layout_get_unknown_glyphs (const TdFormLayout *layout);
/* Body rows of table @table_index (0 is the form's first table) on a page: the first row's
 * index and the count (0 when none).  A row is never split, so counts add up. */
int td_form_layout_get_table_rows (const TdFormLayout *layout, int page_index,
                                   int table_index, int *first_row);
/* TRUE when the header of table @table_index is drawn on the page. */
gboolean td_form_layout_has_table_header (const TdFormLayout *layout, int page_index,
                                          int table_index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdFormLayout, td_form_layout_free)

/* ---- export ------------------------------------------------------------ */

/* Lays out (td_page_setup_init_for_form) and writes every page to a PDF file. */
gboolean td_form_write_pdf (TdForm *form, const char *path, GError **error);

/* Draws a QR code of @payload (ECC level M) as a @size square at x, y.  FALSE when the
 * payload cannot be encoded. */
gboolean td_qr_draw (cairo_t *cr, const char *payload, double x, double y, double size);

G_END_DECLS
