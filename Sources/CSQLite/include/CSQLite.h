#ifndef CSQLITE_H
#define CSQLITE_H
// The C boundary to the system SQLite (libsqlite3-dev): its API, plus the few helpers Swift cannot express.

#include <sqlite3.h>

/// Returns the connection's FTS5 API (via `SELECT fts5(?1)` and sqlite3_bind_pointer), or NULL without FTS5.
fts5_api *csqlite_fts5_api(sqlite3 *db);

/// Binds UTF-8 text that SQLite copies (SQLITE_TRANSIENT, a macro Swift cannot import).
int csqlite_bind_text_transient(sqlite3_stmt *statement, int index, const char *text, int length);

/// Binds a blob that SQLite copies.
int csqlite_bind_blob_transient(sqlite3_stmt *statement, int index, const void *bytes, int length);

/// Sets a function's result to UTF-8 text that SQLite copies.
void csqlite_result_text_transient(sqlite3_context *context, const char *text, int length);
/// Sets a function's result to a blob that SQLite copies.
void csqlite_result_blob_transient(sqlite3_context *context, const void *bytes, int length);

/// Binds `pointer` as a pointer value of type "newsearch_ranking" (sqlite3_bind_pointer needs a type name that
/// outlives the statement: a C string constant). The caller keeps the object alive while the statement runs.
int csqlite_bind_ranking_pointer(sqlite3_stmt *statement, int index, void *pointer);

/// The "newsearch_ranking" pointer held by `value`, or NULL when it holds none (any other value or type).
void *csqlite_value_ranking_pointer(sqlite3_value *value);

/// Whether `api`, the routine table SQLite hands a loadable extension (`const sqlite3_api_routines *`), is that of the
/// SQLite library this code is linked with. newsearch calls SQLite's functions directly, not through the table, so
/// it can run only in a program that uses that same library (the sqlite3 shell, Python's sqlite3), not in one that
/// has a copy of SQLite built in.
int csqlite_api_is_linked(const void *api);

/// `message` copied into memory from sqlite3_malloc: what a loadable extension's entry point reports an error in.
char *csqlite_error_message(const char *message);

#endif
