/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pagination and drawing of a form (td-form.h). */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include <string.h>

#include "render/td-form-private.h"

#define SIZE_TITLE 16.0
#define SIZE_BODY 9.5
#define SIZE_CAPTION 10.5
#define SIZE_FOOTER 9.0
#define PAD_X (1.5 * TD_MM)
#define PAD_Y (1.3 * TD_MM)
#define QR_SIZE (20 * TD_MM)
#define FOOTER_H (8 * TD_MM)
#define BLANK_LINE (28 * TD_MM)
#define SIGN_LINE (34 * TD_MM)

typedef struct
{
  PangoLayout *layout;
  double x, y;
  double underline;             /* a line to write on after the text, 0 for none */
} Piece;

typedef enum
{
  UNIT_TEXT,
  UNIT_ROW,
  UNIT_HEADER,
  UNIT_BOX,
  UNIT_BREAK,
} UnitKind;

typedef struct _Unit Unit;

typedef struct
{
  TdFormTable *table;
  double *col_x;                /* n_columns + 1 edges, from the text area's left */
  Unit *caption_cont;           /* the caption with （续）, NULL when none */
  Unit *header;                 /* NULL when the table has none */
} TableGeom;

struct _Unit
{
  UnitKind kind;
  double height;
  double gap;                   /* space above, dropped at the top of a page */
  gboolean keep_with_next;
  TableGeom *tg;
  int row;
  GArray *pieces;               /* Piece, relative to the text area's left and the unit's top */
};

typedef struct
{
  Unit *unit;
  double y;
} Placed;

struct _TdFormLayout
{
  TdForm *form;
  TdPageSetup setup;
  PangoContext *context;
  double left, width, body_top, body_bottom;
  GArray *header;               /* Piece, absolute; shared by the sections of a form */
  int header_unknown;           /* unknown glyphs in it */
  double qr_x, qr_y;
  GPtrArray *units;
  GPtrArray *tables;
  GPtrArray *pages;             /* GArray of Placed */
  int unknown;
  /* One PangoLayout per distinct text, size, weight, width and alignment, shared by every
   * cell that shows it: a sign-in sheet of 1,000 lessons repeats 40 names, a few times and
   * status words 40,000 times, and measuring and keeping each cell apart cost seconds and
   * hundreds of MB. */
  GHashTable *texts;
  /* a section of a longer form (td_form_layout_section): its first page's number in the
   * whole form, and the whole form's page count (0: this layout is the whole form) */
  int first_page;
  int total_pages;
};

static void
piece_clear (Piece *piece)
{
  g_clear_object (&piece->layout);
}

static GArray *
pieces_new (void)
{
  GArray *pieces = g_array_new (FALSE, TRUE, sizeof (Piece));

  g_array_set_clear_func (pieces, (GDestroyNotify) piece_clear);
  return pieces;
}

static void
unit_free (Unit *unit)
{
  g_clear_pointer (&unit->pieces, g_array_unref);
  g_free (unit);
}

static void
table_geom_free (TableGeom *tg)
{
  g_free (tg->col_x);
  g_clear_pointer (&tg->caption_cont, unit_free);
  g_clear_pointer (&tg->header, unit_free);
  g_free (tg);
}

static Unit *
unit_new (UnitKind kind, double gap)
{
  Unit *unit = g_new0 (Unit, 1);

  unit->kind = kind;
  unit->gap = gap;
  unit->pieces = pieces_new ();
  return unit;
}

/* What makes two shared texts the same (shared_text): compared without printing a key,
 * a sign-in sheet looks up its cells some 600,000 times. */
typedef struct
{
  int size, width;              /* thousandths of a point */
  int bold, align;
  char *text;
} TextKey;

static guint
text_key_hash (gconstpointer p)
{
  const TextKey *k = p;

  return g_str_hash (k->text) ^ (guint) (k->size * 31 + k->width * 17 + k->bold * 7 + k->align);
}

static gboolean
text_key_equal (gconstpointer a, gconstpointer b)
{
  const TextKey *x = a, *y = b;

  return x->size == y->size && x->width == y->width && x->bold == y->bold
         && x->align == y->align && strcmp (x->text, y->text) == 0;
}

static void
text_key_free (gpointer p)
{
  TextKey *k = p;

  g_free (k->text);
  g_free (k);
}

static PangoLayout *
shared_text (TdFormLayout *self, const char *text, double size, gboolean bold, double width,
             PangoAlignment align)
{
  TextKey key = { (int) (size * 1000), (int) (width * 1000), bold != FALSE, align,
                  (char *) (text != NULL ? text : "") };
  PangoLayout *layout = g_hash_table_lookup (self->texts, &key);

  if (layout == NULL)
    {
      TextKey *owned = g_memdup2 (&key, sizeof key);

      owned->text = g_strdup (key.text);
      layout = td_text_layout (self->context, text, size, bold, width, align);
      /* counted once: Pango walks every run to count */
      g_object_set_data (G_OBJECT (layout), "td-unknown", GINT_TO_POINTER (
        pango_layout_get_unknown_glyphs_count (layout)));
      g_hash_table_insert (self->texts, owned, layout);
    }
  return g_object_ref (layout);
}

/* A measured text, shared with every other piece showing the same (never changed after). */
static Piece *
add_text (TdFormLayout *self, GArray *pieces, const char *text, double size, gboolean bold,
          double width, PangoAlignment align, double x, double y)
{
  Piece piece = { 0 };

  piece.layout = shared_text (self, text, size, bold, width, align);
  piece.x = x;
  piece.y = y;
  self->unknown += GPOINTER_TO_INT (g_object_get_data (G_OBJECT (piece.layout), "td-unknown"));
  g_array_append_val (pieces, piece);
  return &g_array_index (pieces, Piece, pieces->len - 1);
}

/* A text of its own: flow () narrows it when it does not fit. */
static Piece *
add_own_text (TdFormLayout *self, GArray *pieces, const char *text, double x, double y)
{
  Piece piece = { 0 };

  piece.layout = td_text_layout (self->context, text, SIZE_BODY, FALSE, -1, PANGO_ALIGN_LEFT);
  piece.x = x;
  piece.y = y;
  self->unknown += pango_layout_get_unknown_glyphs_count (piece.layout);
  g_array_append_val (pieces, piece);
  return &g_array_index (pieces, Piece, pieces->len - 1);
}

static double
piece_height (const Piece *piece)
{
  double height;

  td_text_extent (piece->layout, NULL, &height);
  return height;
}

/* Items "label：value" left to right, wrapping; blank values get a line to write on.
 * Returns the height used. */
static double
flow (TdFormLayout *self, GArray *pieces, char **items, const double *underline, double x0,
      double y0, double width)
{
  double x = x0, y = y0, line_h = 0, gap = 6 * TD_MM;

  for (guint i = 0; items[i] != NULL; i++)
    {
      Piece *piece = add_own_text (self, pieces, items[i], x, y);
      double w, h;

      td_text_extent (piece->layout, &w, &h);
      piece->underline = underline[i];
      if (w + piece->underline > width)
        {
          pango_layout_set_width (piece->layout, (int) ((width - piece->underline) * PANGO_SCALE));
          pango_layout_set_wrap (piece->layout, PANGO_WRAP_WORD_CHAR);
          td_text_extent (piece->layout, &w, &h);
        }
      if (x > x0 && x + w + piece->underline > x0 + width)
        {
          x = x0;
          y += line_h + 1.5 * TD_MM;
          line_h = 0;
          piece->x = x;
          piece->y = y;
        }
      x += w + piece->underline + gap;
      line_h = MAX (line_h, h);
    }
  return y + line_h - y0;
}

static double
field_flow (TdFormLayout *self, GArray *pieces, GPtrArray *fields, double x0, double y0,
            double width)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree double *underline = g_new0 (double, fields->len + 1);
  g_auto (GStrv) items = NULL;

  for (guint i = 0; i < fields->len; i++)
    {
      char **pair = g_ptr_array_index (fields, i);
      g_autofree char *item = g_strdup_printf ("%s：%s", pair[0], pair[1]);

      g_strv_builder_add (builder, item);
      underline[i] = pair[1][0] == '\0' ? BLANK_LINE : 0;
    }
  items = g_strv_builder_end (builder);
  return flow (self, pieces, items, underline, x0, y0, width);
}

/* ---- the page header --------------------------------------------------- */

static void
layout_header (TdFormLayout *self)
{
  TdForm *form = self->form;
  double top = self->setup.margin_top, right = self->left + self->width;
  double num_w = 0, num_h = 0, title_h, side, band;
  Piece *piece;

  self->header = pieces_new ();
  if (form->number != NULL)
    {
      piece = add_text (self, self->header, form->number, SIZE_BODY, FALSE, -1,
                        PANGO_ALIGN_LEFT, 0, top);
      td_text_extent (piece->layout, &num_w, &num_h);
      piece->x = right - num_w;
    }
  self->qr_x = right - QR_SIZE;
  self->qr_y = top + num_h + 1 * TD_MM;
  side = MAX (num_w, form->qr != NULL ? QR_SIZE : 0) + 4 * TD_MM;
  piece = add_text (self, self->header, form->title, SIZE_TITLE, TRUE, self->width - 2 * side,
                    PANGO_ALIGN_CENTER, self->left + side, top + 4 * TD_MM);
  title_h = piece_height (piece);
  band = MAX (title_h + 8 * TD_MM, num_h + 1 * TD_MM + (form->qr != NULL ? QR_SIZE : 0));
  band += 2 * TD_MM;
  band += field_flow (self, self->header, form->header_fields, self->left, top + band,
                      self->width);
  self->body_top = top + band + 3 * TD_MM;
  self->body_bottom = self->setup.height - self->setup.margin_bottom - FOOTER_H;
}

/* ---- units ------------------------------------------------------------ */

static Unit *
row_unit (TdFormLayout *self, TableGeom *tg, char **cells, gboolean header)
{
  TdFormTable *table = tg->table;
  Unit *unit = unit_new (header ? UNIT_HEADER : UNIT_ROW, 0);
  double height = table->min_row_mm * TD_MM;

  unit->tg = tg;
  for (guint i = 0; i < table->columns->len; i++)
    {
      TdFormColumn *column = g_ptr_array_index (table->columns, i);
      double w = tg->col_x[i + 1] - tg->col_x[i] - 2 * PAD_X;
      Piece *piece = add_text (self, unit->pieces, cells[i], SIZE_BODY, header, w,
                               header ? PANGO_ALIGN_CENTER : column->align,
                               tg->col_x[i] + PAD_X, PAD_Y);

      height = MAX (height, piece_height (piece) + 2 * PAD_Y);
    }
  for (guint i = 0; i < unit->pieces->len; i++)
    {
      Piece *piece = &g_array_index (unit->pieces, Piece, i);

      piece->y = (height - piece_height (piece)) / 2;
    }
  unit->height = height;
  unit->keep_with_next = header;
  return unit;
}

static Unit *
text_unit (TdFormLayout *self, const char *text, double size, gboolean bold, double gap)
{
  Unit *unit = unit_new (UNIT_TEXT, gap);
  Piece *piece = add_text (self, unit->pieces, text, size, bold, self->width,
                           PANGO_ALIGN_LEFT, 0, 0);

  unit->height = piece_height (piece);
  return unit;
}

static void
layout_table (TdFormLayout *self, TdFormTable *table)
{
  TableGeom *tg = g_new0 (TableGeom, 1);
  double total = 0, scale, x = 0;
  guint n = table->columns->len;
  Unit *caption = NULL;

  tg->table = table;
  tg->col_x = g_new0 (double, n + 1);
  for (guint i = 0; i < n; i++)
    total += ((TdFormColumn *) g_ptr_array_index (table->columns, i))->width_mm;
  scale = self->width / MAX (total, 1);
  for (guint i = 0; i < n; i++)
    {
      tg->col_x[i] = x;
      x += ((TdFormColumn *) g_ptr_array_index (table->columns, i))->width_mm * scale;
    }
  tg->col_x[n] = self->width;
  g_ptr_array_add (self->tables, tg);

  if (table->caption != NULL)
    {
      g_autofree char *cont = g_strdup_printf ("%s（续）", table->caption);

      caption = text_unit (self, table->caption, SIZE_CAPTION, TRUE, 4 * TD_MM);
      caption->keep_with_next = TRUE;
      g_ptr_array_add (self->units, caption);
      tg->caption_cont = text_unit (self, cont, SIZE_CAPTION, TRUE, 0);
      tg->caption_cont->height += 1.5 * TD_MM;
      caption->height += 1.5 * TD_MM;
    }
  if (table->show_header)
    {
      g_autofree char **titles = g_new0 (char *, n + 1);
      Unit *header;

      for (guint i = 0; i < n; i++)
        titles[i] = ((TdFormColumn *) g_ptr_array_index (table->columns, i))->title;
      header = row_unit (self, tg, titles, TRUE);
      header->gap = caption != NULL ? 0 : 4 * TD_MM;
      g_ptr_array_add (self->units, header);
      tg->header = row_unit (self, tg, titles, TRUE);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      Unit *unit = row_unit (self, tg, g_ptr_array_index (table->rows, r), FALSE);

      unit->row = (int) r;
      if (r == 0 && !table->show_header && caption == NULL)
        unit->gap = 4 * TD_MM;
      g_ptr_array_add (self->units, unit);
    }
}

static void
layout_signatures (TdFormLayout *self, TdFormBlock *block, gboolean box, gboolean keep)
{
  guint n = g_strv_length (block->labels);
  g_autofree double *underline = g_new0 (double, n + 1);
  g_auto (GStrv) items = g_new0 (char *, n + 1);
  Unit *unit = unit_new (box ? UNIT_BOX : UNIT_TEXT, box ? 4 * TD_MM : 7 * TD_MM);
  double inset = box ? 3 * TD_MM : 0, height;

  for (guint i = 0; i < n; i++)
    {
      items[i] = g_strdup_printf ("%s：", block->labels[i]);
      underline[i] = box && i == 0 ? 0 : SIGN_LINE;
    }
  height = flow (self, unit->pieces, items, underline, inset, inset, self->width - 2 * inset);
  unit->height = MAX (height + 2 * inset, block->height_mm * TD_MM);
  unit->keep_with_next = keep;
  g_ptr_array_add (self->units, unit);
}

static void
layout_block (TdFormLayout *self, TdFormBlock *block, TdFormBlock *next)
{
  Unit *unit = NULL;

  switch (block->kind)
    {
    case TD_FORM_BLOCK_HEADING:
      unit = text_unit (self, block->text, SIZE_CAPTION, TRUE, 4 * TD_MM);
      unit->keep_with_next = TRUE;
      break;
    case TD_FORM_BLOCK_PARAGRAPH:
      unit = text_unit (self, block->text, SIZE_BODY, FALSE, 3 * TD_MM);
      unit->keep_with_next = next != NULL && next->kind == TD_FORM_BLOCK_SIGNATURES;
      break;
    case TD_FORM_BLOCK_PAGE_BREAK:
      unit = unit_new (UNIT_BREAK, 0);
      break;
    case TD_FORM_BLOCK_FIELDS:
    case TD_FORM_BLOCK_TABLE:
      layout_table (self, block->table);
      break;
    case TD_FORM_BLOCK_SIGNATURES:
    case TD_FORM_BLOCK_BOX:
      /* the signatures stay on the page of the box that follows them */
      layout_signatures (self, block, block->kind == TD_FORM_BLOCK_BOX,
                         next != NULL && next->kind == TD_FORM_BLOCK_BOX);
      break;
    }
  if (unit != NULL)
    g_ptr_array_add (self->units, unit);
}

/* ---- pagination ------------------------------------------------------- */

static GArray *
new_page (TdFormLayout *self, double *y)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placed));

  g_ptr_array_add (self->pages, page);
  *y = self->body_top;
  return page;
}

static void
place (GArray *page, Unit *unit, double *y)
{
  Placed placed = { unit, 0 };

  if (page->len > 0)
    *y += unit->gap;
  placed.y = *y;
  g_array_append_val (page, placed);
  *y += unit->height;
}

/* The height of @i and the units it is kept with. */
static double
chain_height (TdFormLayout *self, guint i)
{
  Unit *unit = g_ptr_array_index (self->units, i);
  double own = unit->height, height = own;

  while (unit->keep_with_next && i + 1 < self->units->len)
    {
      unit = g_ptr_array_index (self->units, ++i);
      if (unit->kind == UNIT_BREAK)
        break;
      height += unit->gap + unit->height;
    }
  return height > self->body_bottom - self->body_top ? own : height;
}

static void
place_table_head (GArray *page, TableGeom *tg, double *y)
{
  if (tg->caption_cont != NULL)
    place (page, tg->caption_cont, y);
  if (tg->header != NULL)
    place (page, tg->header, y);
}

static void
paginate (TdFormLayout *self)
{
  double y;
  GArray *page = new_page (self, &y);

  for (guint i = 0; i < self->units->len; i++)
    {
      Unit *unit = g_ptr_array_index (self->units, i);
      double need;

      if (unit->kind == UNIT_BREAK)
        {
          if (page->len > 0)
            page = new_page (self, &y);
          continue;
        }
      need = (page->len > 0 ? unit->gap : 0) + chain_height (self, i);
      if (page->len > 0 && y + need > self->body_bottom + 0.01)
        page = new_page (self, &y);
      if (page->len == 0 && unit->kind == UNIT_ROW)
        place_table_head (page, unit->tg, &y);
      place (page, unit, &y);
    }
}

TdFormLayout *
td_form_layout_section (TdForm *form, const TdPageSetup *setup, guint first, guint end,
                        TdFormLayout *share)
{
  TdFormLayout *self = g_new0 (TdFormLayout, 1);

  g_return_val_if_fail (form != NULL && first <= end && end <= form->blocks->len, NULL);
  self->form = form;
  if (setup != NULL)
    self->setup = *setup;
  else
    td_page_setup_init_for_form (&self->setup, form);
  /* a new context looks every font up again: sections share one, and the measured texts */
  self->context = share != NULL ? g_object_ref (share->context) : td_text_context_new ();
  self->texts = share != NULL ? g_hash_table_ref (share->texts)
                              : g_hash_table_new_full (text_key_hash, text_key_equal,
                                                       text_key_free, g_object_unref);
  self->left = self->setup.margin_left;
  self->width = self->setup.width - self->setup.margin_left - self->setup.margin_right;
  self->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_geom_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (share != NULL)
    {
      /* every section has the form's header: measured once */
      self->header = g_array_ref (share->header);
      self->header_unknown = share->header_unknown;
      self->qr_x = share->qr_x;
      self->qr_y = share->qr_y;
      self->body_top = share->body_top;
      self->body_bottom = share->body_bottom;
    }
  else
    {
      layout_header (self);
      self->header_unknown = self->unknown;
    }
  self->unknown = self->header_unknown;
  for (guint i = first; i < end; i++)
    layout_block (self, g_ptr_array_index (form->blocks, i),
                  i + 1 < end ? g_ptr_array_index (form->blocks, i + 1) : NULL);
  paginate (self);
  return self;
}

TdFormLayout *
td_form_layout (TdForm *form, const TdPageSetup *setup)
{
  g_return_val_if_fail (form != NULL, NULL);
  return td_form_layout_section (form, setup, 0, form->blocks->len, NULL);
}

void
td_form_layout_set_numbering (TdFormLayout *self, int first_page, int total_pages)
{
  self->first_page = first_page;
  self->total_pages = total_pages;
}

guint
td_form_section_end (const TdForm *form, guint first)
{
  guint i = first;

  while (i < form->blocks->len
         && ((TdFormBlock *) g_ptr_array_index (form->blocks, i))->kind
              != TD_FORM_BLOCK_PAGE_BREAK)
    i++;
  return i;
}

void
td_form_layout_free (TdFormLayout *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->units);
  g_ptr_array_unref (self->tables);
  g_array_unref (self->header);
  g_hash_table_unref (self->texts);
  g_object_unref (self->context);
  g_free (self);
}

int
td_form_layout_get_n_pages (const TdFormLayout *self)
{
  return (int) self->pages->len;
}

const TdPageSetup *
td_form_layout_get_page_setup (const TdFormLayout *self)
{
  return &self->setup;
}

int
td_form_layout_get_unknown_glyphs (const TdFormLayout *self)
{
  return self->unknown;
}

/* ---- drawing ---------------------------------------------------------- */

static void
draw_pieces (cairo_t *cr, GArray *pieces, double dx, double dy)
{
  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);

      /* an empty cell (a box to sign in) draws nothing */
      if (piece->underline <= 0 && *pango_layout_get_text (piece->layout) == '\0')
        continue;
      cairo_move_to (cr, dx + piece->x, dy + piece->y);
      pango_cairo_show_layout (cr, piece->layout);
      if (piece->underline > 0)
        {
          double w, h;

          td_text_extent (piece->layout, &w, &h);
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, dx + piece->x + w, dy + piece->y + h - 0.5);
          cairo_rel_line_to (cr, piece->underline, 0);
          cairo_stroke (cr);
        }
    }
}

/* The cells' edges of each run of rows of one table on the page, as one path: a rule across
 * at each row's top and the run's bottom, and one down between each pair of columns over
 * the whole run (a sign-in sheet has 40,000 rows: edges drawn row by row made the PDF
 * spell out eight times the coordinates). */
static void
draw_table_rules (cairo_t *cr, TdFormLayout *self, GArray *page)
{
  TableGeom *run = NULL;
  double top = 0, bottom = 0;

  cairo_set_line_width (cr, 0.5);
  for (guint i = 0; i <= page->len; i++)
    {
      Placed *placed = i < page->len ? &g_array_index (page, Placed, i) : NULL;
      gboolean is_row = placed != NULL && (placed->unit->kind == UNIT_ROW
                                           || placed->unit->kind == UNIT_HEADER);
      TableGeom *tg = is_row ? placed->unit->tg : NULL;

      if (run != NULL && (tg != run || placed->y > bottom + 0.01))
        {
          guint n = run->table->columns->len;

          cairo_move_to (cr, self->left + run->col_x[0], bottom);
          cairo_line_to (cr, self->left + run->col_x[n], bottom);
          for (guint c = 1; c < n; c++)
            {
              cairo_move_to (cr, self->left + run->col_x[c], top);
              cairo_line_to (cr, self->left + run->col_x[c], bottom);
            }
          run = NULL;
        }
      if (tg == NULL)
        continue;
      if (run == NULL)
        {
          run = tg;
          top = placed->y;
        }
      cairo_move_to (cr, self->left + tg->col_x[0], placed->y);
      cairo_line_to (cr, self->left + tg->col_x[tg->table->columns->len], placed->y);
      bottom = placed->y + placed->unit->height;
    }
  cairo_stroke (cr);
}

/* Thicker outer borders around each run of rows of one table on the page. */
static void
draw_table_frames (cairo_t *cr, TdFormLayout *self, GArray *page)
{
  TableGeom *run = NULL;
  double top = 0, bottom = 0;

  cairo_set_line_width (cr, 1.2);
  for (guint i = 0; i <= page->len; i++)
    {
      Placed *placed = i < page->len ? &g_array_index (page, Placed, i) : NULL;
      gboolean is_row = placed != NULL && (placed->unit->kind == UNIT_ROW
                                           || placed->unit->kind == UNIT_HEADER);

      if (run != NULL && (!is_row || placed->unit->tg != run))
        {
          cairo_rectangle (cr, self->left, top, self->width, bottom - top);
          cairo_stroke (cr);
          run = NULL;
        }
      if (is_row && run == NULL)
        {
          run = placed->unit->tg;
          top = placed->y;
        }
      if (is_row)
        bottom = placed->y + placed->unit->height;
    }
}

static char *
footer_text (const TdFormLayout *self, int page_index)
{
  return g_strdup_printf ("第 %d 页 共 %d 页", self->first_page + page_index + 1,
                          self->total_pages > 0 ? self->total_pages : (int) self->pages->len);
}

static void
draw_footer (cairo_t *cr, TdFormLayout *self, int page_index)
{
  g_autofree char *text = footer_text (self, page_index);
  g_autoptr (PangoLayout) layout = td_text_layout (self->context, text, SIZE_FOOTER, FALSE,
                                                   self->width, PANGO_ALIGN_CENTER);

  cairo_move_to (cr, self->left, self->body_bottom + FOOTER_H - 4 * TD_MM);
  pango_cairo_show_layout (cr, layout);
}

void
td_form_render_page (cairo_t *cr, TdForm *form, TdFormLayout *self, int page_index,
                     const TdRenderStyle *style)
{
  GArray *page;

  g_return_if_fail (page_index >= 0 && (guint) page_index < self->pages->len);
  page = g_ptr_array_index (self->pages, page_index);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_pieces (cr, self->header, 0, 0);
  if (form->qr != NULL)
    td_qr_draw (cr, form->qr, self->qr_x, self->qr_y, QR_SIZE);
  for (guint i = 0; i < page->len; i++)
    {
      Placed *placed = &g_array_index (page, Placed, i);
      Unit *unit = placed->unit;

      draw_pieces (cr, unit->pieces, self->left, placed->y);
      if (unit->kind == UNIT_BOX)
        {
          cairo_set_line_width (cr, 1.0);
          cairo_rectangle (cr, self->left, placed->y, self->width, unit->height);
          cairo_stroke (cr);
        }
    }
  draw_table_rules (cr, self, page);
  draw_table_frames (cr, self, page);
  draw_footer (cr, self, page_index);
  cairo_restore (cr);
}

/* ---- what tests and readers see --------------------------------------- */

static void
append_pieces (GString *text, GArray *pieces)
{
  for (guint i = 0; i < pieces->len; i++)
    {
      g_string_append (text, pango_layout_get_text (g_array_index (pieces, Piece, i).layout));
      g_string_append_c (text, '\n');
    }
}

char *
td_form_layout_get_page_text (const TdFormLayout *self, int page_index)
{
  GString *text = g_string_new (NULL);
  GArray *page;
  g_autofree char *footer = NULL;

  g_return_val_if_fail (page_index >= 0 && (guint) page_index < self->pages->len, NULL);
  page = g_ptr_array_index (self->pages, page_index);
  append_pieces (text, self->header);
  if (self->form->qr != NULL)
    g_string_append_printf (text, "[QR %s]\n", self->form->qr);
  for (guint i = 0; i < page->len; i++)
    append_pieces (text, g_array_index (page, Placed, i).unit->pieces);
  footer = footer_text (self, page_index);
  g_string_append_printf (text, "%s\n", footer);
  return g_string_free (text, FALSE);
}

int
td_form_layout_get_table_rows (const TdFormLayout *self, int page_index, int table_index,
                               int *first_row)
{
  GArray *page = g_ptr_array_index (self->pages, page_index);
  int count = 0;

  for (guint i = 0; i < page->len; i++)
    {
      Unit *unit = g_array_index (page, Placed, i).unit;

      if (unit->kind != UNIT_ROW || unit->tg->table->index != table_index)
        continue;
      if (count++ == 0 && first_row != NULL)
        *first_row = unit->row;
    }
  return count;
}

gboolean
td_form_layout_has_table_header (const TdFormLayout *self, int page_index, int table_index)
{
  GArray *page = g_ptr_array_index (self->pages, page_index);

  for (guint i = 0; i < page->len; i++)
    {
      Unit *unit = g_array_index (page, Placed, i).unit;

      if (unit->kind == UNIT_HEADER && unit->tg->table->index == table_index)
        return TRUE;
    }
  return FALSE;
}
