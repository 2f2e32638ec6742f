#ifndef CICU_H
#define CICU_H
// The C boundary to ICU. This header names no ICU type: Swift modules that see ICU's own headers clash
// with Foundation's bundled ICU, and ICU's function names are version-renaming macros Swift cannot import.

#include <stdint.h>

/// The kind of a word segment, from ICU's rule status (UBRK_WORD_NUMBER, _LETTER, _KANA, _IDEO).
typedef enum {
    CICUWordKindNumber = 1,
    CICUWordKindLetter = 2,
    CICUWordKindKana = 3,
    CICUWordKindIdeographic = 4
} CICUWordKind;

/// One word found by the breaker: UTF-8 byte offsets [start, end) into the segmented text.
typedef struct {
    int32_t start;
    int32_t end;
    int32_t kind;
} CICUWord;

/// An ICU dictionary word breaker (UBRK_WORD, root locale) bound to UTF-8 text. Not thread-safe: one per thread.
typedef struct CICUWordBreaker CICUWordBreaker;

/// Opens a breaker, or returns NULL and writes ICU's error name into `error` (at most `errorCapacity` bytes).
CICUWordBreaker *cicu_word_breaker_open(char *error, int32_t errorCapacity);

void cicu_word_breaker_close(CICUWordBreaker *breaker);

/// Segments `length` bytes of UTF-8 and writes the word segments (not spaces or punctuation) into `words`.
/// ICU walks a UTF-16 copy of the text, which the breaker keeps from call to call (it breaks UTF-16 faster than UTF-8
/// through a UText); text that is not valid UTF-8 is broken as UTF-8.
/// `capacity` must be at least `length`: a text cannot hold more words than bytes.
/// Returns the number of words written, or -1 on an ICU error.
int32_t cicu_word_breaker_segment(CICUWordBreaker *breaker, const char *text, int32_t length,
                                  CICUWord *words, int32_t capacity);

/// Folds characters for matching: NFKC with case folding (ICU's nfkc_cf), then Traditional → Simplified
/// (ICU's "Traditional-Simplified" transliterator). Not thread-safe: one per thread.
typedef struct CICUFolder CICUFolder;

/// Opens a folder, or returns NULL and writes ICU's error name into `error`.
CICUFolder *cicu_folder_open(char *error, int32_t errorCapacity);

void cicu_folder_close(CICUFolder *folder);

/// Folds the one code point `scalar` and writes the result as UTF-8 into `output`.
/// Returns the number of bytes written (0 when it folds to nothing), or -1 on an ICU error or a too small output.
int32_t cicu_folder_fold(CICUFolder *folder, uint32_t scalar, char *output, int32_t capacity);

/// The version of the ICU library in use, such as "72.1".
const char *cicu_version(void);

#endif
