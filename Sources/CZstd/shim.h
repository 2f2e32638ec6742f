#ifndef CZSTD_SHIM_H
#define CZSTD_SHIM_H
// The C boundary to the system Zstandard library (libzstd-dev), which compresses the stored article bodies, and its
// dictionary trainer.
#include <zstd.h>
#include <zdict.h>
#endif
