/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The form model and its pagination (td-form.h).  The layout turns blocks into units that
 * are never split (a table row, a paragraph, a line of signatures), measures them with
 * Pango, and places them page after page; a page that starts inside a table begins with
 * that table's caption (续) and header. */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include "render/td-form.h"
#include "render/td-form-private.h"

/* ---- the model ------------------------------------------------------- */

static void
column_free (TdFormColumn *column)
{
  g_free (column->title);
  g_free (column);
}

static TdFormTable *
table_new (const char *caption, gboolean show_header)
{
  TdFormTable *table = g_new0 (TdFormTable, 1);

  table->caption = g_strdup (caption);
  table->show_header = show_header;
  table->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

static void
table_free (TdFormTable *table)
{
  g_free (table->caption);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_free (TdFormBlock *block)
{
  g_free (block->text);
  g_strfreev (block->labels);
  g_clear_pointer (&block->table, table_free);
  g_free (block);
}

TdForm *
td_form_new (const char *number, const char *title)
{
  TdForm *form = g_new0 (TdForm, 1);

  form->number = g_strdup (number);
  form->title = g_strdup (title);
  form->header_fields = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  form->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return form;
}

void
td_form_free (TdForm *form)
{
  if (form == NULL)
    return;
  g_free (form->number);
  g_free (form->title);
  g_free (form->qr);
  g_ptr_array_unref (form->header_fields);
  g_ptr_array_unref (form->blocks);
  g_free (form);
}

const char *
td_form_get_title (const TdForm *form)
{
  return form->title;
}

void
td_form_add_header_field (TdForm *form, const char *label, const char *value)
{
  char **pair = g_new0 (char *, 3);

  pair[0] = g_strdup (label);
  pair[1] = g_strdup (value != NULL ? value : "");
  g_ptr_array_add (form->header_fields, pair);
}

void
td_form_set_qr (TdForm *form, const char *payload)
{
  g_free (form->qr);
  form->qr = g_strdup (payload);
}

const char *
td_form_get_qr (const TdForm *form)
{
  return form->qr;
}

static TdFormBlock *
add_block (TdForm *form, TdFormBlockKind kind, const char *text)
{
  TdFormBlock *block = g_new0 (TdFormBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (form->blocks, block);
  return block;
}

void
td_form_add_heading (TdForm *form, const char *text)
{
  add_block (form, TD_FORM_BLOCK_HEADING, text);
}

void
td_form_add_field (TdForm *form, const char *label, const char *value)
{
  TdFormBlock *last = NULL;
  const char *cells[2] = { label, value };

  if (form->blocks->len > 0)
    last = g_ptr_array_index (form->blocks, form->blocks->len - 1);
  if (last == NULL || last->kind != TD_FORM_BLOCK_FIELDS)
    {
      last = add_block (form, TD_FORM_BLOCK_FIELDS, NULL);
      last->table = table_new (NULL, FALSE);
      last->table->index = -1;
      td_form_table_add_column (last->table, NULL, 42, PANGO_ALIGN_LEFT);
      td_form_table_add_column (last->table, NULL, 133, PANGO_ALIGN_LEFT);
    }
  td_form_table_add_row (last->table, cells);
}

void
td_form_add_paragraph (TdForm *form, const char *text)
{
  add_block (form, TD_FORM_BLOCK_PARAGRAPH, text);
}

void
td_form_add_signatures (TdForm *form, const char *const *labels)
{
  TdFormBlock *block = add_block (form, TD_FORM_BLOCK_SIGNATURES, NULL);

  block->labels = g_strdupv ((char **) labels);
}

void
td_form_add_box (TdForm *form, const char *const *labels, double height_mm)
{
  TdFormBlock *block = add_block (form, TD_FORM_BLOCK_BOX, NULL);

  block->labels = g_strdupv ((char **) labels);
  block->height_mm = height_mm;
}

void
td_form_add_page_break (TdForm *form)
{
  add_block (form, TD_FORM_BLOCK_PAGE_BREAK, NULL);
}

TdFormTable *
td_form_add_table (TdForm *form, const char *caption)
{
  TdFormBlock *block = add_block (form, TD_FORM_BLOCK_TABLE, NULL);

  block->table = table_new (caption, TRUE);
  block->table->index = form->n_tables++;
  return block->table;
}

void
td_form_table_add_column (TdFormTable *table, const char *title, double width_mm,
                          PangoAlignment align)
{
  TdFormColumn *column = g_new0 (TdFormColumn, 1);

  g_return_if_fail (table->rows->len == 0);
  column->title = g_strdup (title);
  column->width_mm = width_mm;
  column->align = align;
  g_ptr_array_add (table->columns, column);
}

void
td_form_table_add_row (TdFormTable *table, const char *const *cells)
{
  char **row = g_new0 (char *, table->columns->len + 1);

  for (guint i = 0; i < table->columns->len; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

void
td_form_table_set_min_row_height (TdFormTable *table, double height_mm)
{
  table->min_row_mm = height_mm;
}

guint
td_form_table_get_n_rows (const TdFormTable *table)
{
  return table->rows->len;
}

static double
table_width_mm (const TdFormTable *table)
{
  double sum = 0;

  for (guint i = 0; i < table->columns->len; i++)
    sum += ((TdFormColumn *) g_ptr_array_index (table->columns, i))->width_mm;
  return sum;
}

double
td_form_get_min_width_mm (const TdForm *form)
{
  double widest = 0;

  for (guint i = 0; i < form->blocks->len; i++)
    {
      TdFormBlock *block = g_ptr_array_index (form->blocks, i);

      if (block->kind == TD_FORM_BLOCK_TABLE)
        widest = MAX (widest, table_width_mm (block->table));
    }
  return widest;
}

/* ---- the page ---------------------------------------------------------- */

void
td_page_setup_init_a4 (TdPageSetup *setup, gboolean landscape)
{
  setup->width = (landscape ? 297 : 210) * TD_MM;
  setup->height = (landscape ? 210 : 297) * TD_MM;
  setup->margin_left = 20 * TD_MM;
  setup->margin_top = 15 * TD_MM;
  setup->margin_right = 15 * TD_MM;
  setup->margin_bottom = 15 * TD_MM;
}

void
td_page_setup_init_for_form (TdPageSetup *setup, const TdForm *form)
{
  td_page_setup_init_a4 (setup, td_form_get_min_width_mm (form) > 175.0 + 0.01);
}
