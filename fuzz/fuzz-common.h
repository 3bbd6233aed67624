/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the libFuzzer harnesses: a critical or a warning from GLib is a bug the fuzzer
 * found, so it aborts (and libFuzzer keeps the input that caused it). */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Prints the message as GLib does, then aborts on a warning or worse: SIGABRT is what
 * libFuzzer catches to keep the input (GLib's own fatal path traps instead). */
static inline GLogWriterOutput
td_fuzz_log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields,
                    gpointer user_data)
{
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

static inline void
td_fuzz_init (void)
{
  g_log_set_writer_func (td_fuzz_log_writer, NULL, NULL);
}
