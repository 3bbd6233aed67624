/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by td-db.c and the engines' td-db-*.c: what an engine implements. */
#pragma once

#include "core/td-db.h"

G_BEGIN_DECLS

typedef struct
{
  TdDbEngine engine;
  const char *begin_sql;                 /* how a transaction begins */
  void (*close) (TdDb *db);
  TdDbRc (*exec) (TdDb *db, const char *sql);
  TdStmt *(*prepare) (TdDb *db, const char *sql, TdDbRc *rc);
  void (*finalize) (TdStmt *stmt);
  void (*clear_bindings) (TdStmt *stmt);
  void (*reset) (TdStmt *stmt);
  void (*bind_null) (TdStmt *stmt, int index);
  void (*bind_int64) (TdStmt *stmt, int index, gint64 value);
  void (*bind_text) (TdStmt *stmt, int index, const char *text);
  /* NULL: the engine copies the text anyway (bind_text) */
  void (*bind_text_static) (TdStmt *stmt, int index, const char *text);
  void (*bind_blob) (TdStmt *stmt, int index, gconstpointer data, gsize size);
  int (*param_count) (TdStmt *stmt);
  TdDbRc (*step) (TdStmt *stmt);
  int (*column_count) (TdStmt *stmt);
  gboolean (*is_null) (TdStmt *stmt, int column);
  gint64 (*int64) (TdStmt *stmt, int column);
  const char *(*text) (TdStmt *stmt, int column);
  gconstpointer (*blob) (TdStmt *stmt, int column, gsize *size);
  gint64 (*changes) (TdDb *db);
  const char *(*message) (TdDb *db);
  TdDbRc (*last_error) (TdDb *db);
  TdDbRc (*listen) (TdDb *db, const char *channel);            /* NULL: nothing to hear */
  gboolean (*take_notifications) (TdDb *db, GPtrArray *into);
} TdDbClass;

struct _TdDb
{
  const TdDbClass *klass;
  GHashTable *statements;                /* sql → TdStmt*, td_db_prepare's */
  gboolean closing;                      /* td_db_free is freeing the statements */
};

struct _TdStmt
{
  TdDb *db;
};

/* Sets up the part of @db every engine has. */
void td_db_init (TdDb *db, const TdDbClass *klass);

G_END_DECLS
