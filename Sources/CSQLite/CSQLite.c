#include "CSQLite.h"

#include <stddef.h>

fts5_api *csqlite_fts5_api(sqlite3 *db) {
    fts5_api *api = NULL;
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

int csqlite_bind_text_transient(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

int csqlite_bind_blob_transient(sqlite3_stmt *statement, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_TRANSIENT);
}

void csqlite_result_text_transient(sqlite3_context *context, const char *text, int length) {
    sqlite3_result_text(context, text, length, SQLITE_TRANSIENT);
}

void csqlite_result_blob_transient(sqlite3_context *context, const void *bytes, int length) {
    sqlite3_result_blob(context, bytes, length, SQLITE_TRANSIENT);
}

static const char csqlite_ranking_type[] = "newsearch_ranking";

int csqlite_bind_ranking_pointer(sqlite3_stmt *statement, int index, void *pointer) {
    return sqlite3_bind_pointer(statement, index, pointer, csqlite_ranking_type, NULL);
}

void *csqlite_value_ranking_pointer(sqlite3_value *value) {
    return sqlite3_value_pointer(value, csqlite_ranking_type);
}
