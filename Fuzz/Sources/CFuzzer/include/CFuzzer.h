#ifndef CFUZZER_H
#define CFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver (compiler-rt's FuzzerDriver.cpp) on the target's `LLVMFuzzerTestOneInput`, as the
/// command line asks (`-max_total_time=…`, corpus folders). Each target's `main` calls it.
int cfuzzer_main(int argc, char **argv);

#endif
