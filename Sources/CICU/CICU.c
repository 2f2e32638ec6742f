#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

struct CICUWordBreaker {
    UBreakIterator *iterator;
    UText text;
    // The text as UTF-16, which ICU's breaker walks faster than UTF-8 through a UText (8% on the news corpus).
    UChar *units;
    int32_t unitCapacity;
};

static void cicu_copy_error(UErrorCode status, char *error, int32_t capacity) {
    if (error == NULL || capacity <= 0) return;
    strncpy(error, u_errorName(status), (size_t)capacity - 1);
    error[capacity - 1] = '\0';
}

CICUWordBreaker *cicu_word_breaker_open(char *error, int32_t errorCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
    if (U_FAILURE(status)) {
        cicu_copy_error(status, error, errorCapacity);
        return NULL;
    }
    CICUWordBreaker *breaker = calloc(1, sizeof(CICUWordBreaker));
    if (breaker == NULL) {
        ubrk_close(iterator);
        cicu_copy_error(U_MEMORY_ALLOCATION_ERROR, error, errorCapacity);
        return NULL;
    }
    UText initial = UTEXT_INITIALIZER;
    breaker->text = initial;
    breaker->iterator = iterator;
    return breaker;
}

void cicu_word_breaker_close(CICUWordBreaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    utext_close(&breaker->text);
    free(breaker->units);
    free(breaker);
}

static int32_t cicu_kind(int32_t status) {
    if (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT) return CICUWordKindIdeographic;
    if (status >= UBRK_WORD_KANA && status < UBRK_WORD_KANA_LIMIT) return CICUWordKindKana;
    if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT) return CICUWordKindLetter;
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return CICUWordKindNumber;
    return 0;
}

/// Walks valid UTF-8 `text` from (`*unit`, `*byte`) to the UTF-16 offset `offset` and returns its byte offset.
static int32_t cicu_advance(const char *text, int32_t offset, int32_t *unit, int32_t *byte) {
    while (*unit < offset) {
        uint8_t lead = (uint8_t)text[*byte];
        U8_FWD_1_UNSAFE(text, *byte);
        *unit += lead >= 0xF0 ? 2 : 1;  // four bytes: a supplementary character, two UTF-16 units
    }
    return *byte;
}

/// Writes the words the breaker finds in its current text. ICU's offsets are UTF-16 units when `utf16` (mapped to
/// bytes of `text` by one walk, since they only grow), else already UTF-8 bytes.
static int32_t cicu_collect_words(CICUWordBreaker *breaker, CICUWord *words, int32_t capacity,
                                  const char *text, int utf16) {
    int32_t unit = 0, byte = 0;  // how far the walk that maps offsets has come
    int32_t count = 0;
    int32_t start = ubrk_first(breaker->iterator);
    for (int32_t end = ubrk_next(breaker->iterator); end != UBRK_DONE && count < capacity;
         start = end, end = ubrk_next(breaker->iterator)) {
        int32_t kind = cicu_kind(ubrk_getRuleStatus(breaker->iterator));
        if (kind == 0) continue;
        words[count].start = utf16 ? cicu_advance(text, start, &unit, &byte) : start;
        words[count].end = utf16 ? cicu_advance(text, end, &unit, &byte) : end;
        words[count].kind = kind;
        count++;
    }
    return count;
}

/// Frees the UTF-16 buffer after a large text (over 1 MB of units), so that one huge article does not keep its
/// size in every breaker for as long as the breaker lives; texts of ordinary size reuse the buffer.
static void cicu_release_large_units(CICUWordBreaker *breaker) {
    if (breaker->unitCapacity <= (1 << 20)) return;
    static const UChar empty[1] = {0};
    UErrorCode status = U_ZERO_ERROR;
    // The iterator must not keep pointing at the freed buffer.
    ubrk_setText(breaker->iterator, empty, 0, &status);
    free(breaker->units);
    breaker->units = NULL;
    breaker->unitCapacity = 0;
}

int32_t cicu_word_breaker_segment(CICUWordBreaker *breaker, const char *text, int32_t length,
                                  CICUWord *words, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    // A UTF-8 text of n bytes has at most n UTF-16 units.
    if (breaker->unitCapacity < length) {
        UChar *units = realloc(breaker->units, sizeof(UChar) * (size_t)length);
        if (units != NULL) {
            breaker->units = units;
            breaker->unitCapacity = length;
        }
    }
    int32_t unitCount = 0;
    if (breaker->unitCapacity >= length && length > 0) {
        u_strFromUTF8(breaker->units, breaker->unitCapacity, &unitCount, text, length, &status);
    } else {
        status = U_BUFFER_OVERFLOW_ERROR;
    }
    if (U_SUCCESS(status)) {
        ubrk_setText(breaker->iterator, breaker->units, unitCount, &status);
        if (U_FAILURE(status)) return -1;
        int32_t count = cicu_collect_words(breaker, words, capacity, text, 1);
        cicu_release_large_units(breaker);
        return count;
    }
    // Not valid UTF-8 (text from an app's own SQL, say), or no memory: ICU reads the bytes as they are.
    status = U_ZERO_ERROR;
    utext_openUTF8(&breaker->text, text, length, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_setUText(breaker->iterator, &breaker->text, &status);
    if (U_FAILURE(status)) return -1;
    return cicu_collect_words(breaker, words, capacity, text, 0);
}

struct CICUFolder {
    const UNormalizer2 *normalizer;
    UTransliterator *simplifier;
};

CICUFolder *cicu_folder_open(char *error, int32_t errorCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) {
        cicu_copy_error(status, error, errorCapacity);
        return NULL;
    }
    static const UChar name[] = u"Traditional-Simplified";
    UTransliterator *simplifier = utrans_openU(name, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) {
        cicu_copy_error(status, error, errorCapacity);
        return NULL;
    }
    CICUFolder *folder = calloc(1, sizeof(CICUFolder));
    if (folder == NULL) {
        utrans_close(simplifier);
        cicu_copy_error(U_MEMORY_ALLOCATION_ERROR, error, errorCapacity);
        return NULL;
    }
    folder->normalizer = normalizer;
    folder->simplifier = simplifier;
    return folder;
}

void cicu_folder_close(CICUFolder *folder) {
    if (folder == NULL) return;
    utrans_close(folder->simplifier);
    free(folder);
}

int32_t cicu_folder_fold(CICUFolder *folder, uint32_t scalar, char *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UChar source[2];
    int32_t sourceLength = 0;
    U16_APPEND_UNSAFE(source, sourceLength, (UChar32)scalar);
    UChar folded[64];
    int32_t length = unorm2_normalize(folder->normalizer, source, sourceLength, folded, 64, &status);
    if (U_FAILURE(status)) return -1;
    int32_t limit = length;
    utrans_transUChars(folder->simplifier, folded, &length, 64, 0, &limit, &status);
    if (U_FAILURE(status)) return -1;
    int32_t written = 0;
    u_strToUTF8(output, capacity, &written, folded, length, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING && written > capacity) return -1;
    return written;
}

const char *cicu_version(void) {
    static char version[U_MAX_VERSION_STRING_LENGTH];
    if (version[0] == '\0') {
        UVersionInfo info;
        u_getVersion(info);
        u_versionToString(info, version);
    }
    return version;
}
