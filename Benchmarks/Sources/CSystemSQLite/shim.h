// The system SQLite 3 (libsqlite3-dev), for the FTS5 baselines of the comparison.
#include <sqlite3.h>
