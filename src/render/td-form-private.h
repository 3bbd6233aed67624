/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The form's model and layout structures, shared by td-form.c (model) and
 * td-form-layout.c (pagination and drawing). */
#pragma once

#include "render/td-form.h"

G_BEGIN_DECLS

#define TD_MM (72.0 / 25.4)

typedef enum
{
  TD_FORM_BLOCK_HEADING,
  TD_FORM_BLOCK_FIELDS,         /* a two-column label/value table (no header) */
  TD_FORM_BLOCK_PARAGRAPH,
  TD_FORM_BLOCK_SIGNATURES,
  TD_FORM_BLOCK_BOX,
  TD_FORM_BLOCK_TABLE,
  TD_FORM_BLOCK_PAGE_BREAK,
} TdFormBlockKind;

typedef struct
{
  char *title;
  double width_mm;
  PangoAlignment align;
} TdFormColumn;

struct _TdFormTable
{
  char *caption;
  gboolean show_header;
  int index;                    /* among the form's ruled tables; -1 for field tables */
  double min_row_mm;
  GPtrArray *columns;           /* TdFormColumn* */
  GPtrArray *rows;              /* char** */
};

typedef struct
{
  TdFormBlockKind kind;
  char *text;
  char **labels;
  double height_mm;
  TdFormTable *table;
} TdFormBlock;

struct _TdForm
{
  char *number;
  char *title;
  char *qr;
  GPtrArray *header_fields;     /* char*[2] */
  GPtrArray *blocks;            /* TdFormBlock* */
  int n_tables;
};

/* Sections: the blocks between page breaks, laid out and drawn one at a time so that a long
 * form (a sign-in sheet of 1,000 lessons) never holds every page's text at once.
 * td_form_section_end (): the index of the page break that ends the section starting at
 * @first (or the number of blocks).  td_form_layout_section (): the blocks [@first, @end).
 * td_form_layout_set_numbering (): the footer's "第 n 页 共 m 页" in the whole form. */
guint td_form_section_end (const TdForm *form, guint first);
TdFormLayout *td_form_layout_section (TdForm *form, const TdPageSetup *setup, guint first,
                                      guint end, TdFormLayout *share);
void td_form_layout_set_numbering (TdFormLayout *layout, int first_page, int total_pages);

G_END_DECLS
