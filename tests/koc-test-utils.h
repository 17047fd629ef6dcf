/* koc-test-utils.h: helpers shared by the headless tests. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A GAsyncReadyCallback that stores a reference to the result in *(GAsyncResult **)user_data. */
void         koc_test_result_cb        (GObject      *source,
                                        GAsyncResult *result,
                                        gpointer      user_data);

/* Spins the thread-default main context until *result is set (the libsoup idiom). */
void         koc_test_wait_for_result  (GAsyncResult **result);

/* A new empty temporary directory; koc_test_rm_rf() removes it. */
char        *koc_test_make_tmp_dir     (void);
void         koc_test_rm_rf            (const char    *path);

/* Path of a file in the shared corpus, or NULL (after g_test_skip) when it is absent. */
char        *koc_test_corpus_file      (const char    *name);

G_END_DECLS
