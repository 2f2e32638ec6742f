// The loadable extension's checks, apart from CSQLite.c: sqlite3ext.h is included here with SQLITE_CORE defined,
// for its routine table's type only (without SQLITE_CORE it would reroute every sqlite3_ call through that table).
#define SQLITE_CORE 1
#include <sqlite3ext.h>
#include <stddef.h>

#include "CSQLite.h"

int csqlite_api_is_linked(const void *api) {
    const sqlite3_api_routines *routines = api;
    return routines != NULL && routines->libversion_number == sqlite3_libversion_number
        && routines->create_function_v2 == sqlite3_create_function_v2;
}

char *csqlite_error_message(const char *message) {
    return sqlite3_mprintf("%s", message);
}
