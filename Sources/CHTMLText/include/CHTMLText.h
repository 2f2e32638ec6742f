#ifndef CHTMLTEXT_H
#define CHTMLTEXT_H
// The C boundary to libxml2's HTML parser. This header names no libxml2 type: Debian's libxml2 headers include
// ICU's, which clash with Foundation's bundled ICU in any Swift module that sees them.

#include <stdint.h>

/// Parses `length` bytes of UTF-8 HTML (recovering from any error) and returns its text in a new buffer:
/// text and CDATA as they are (entities decoded), '\n' before and after each block element and <br>, nothing
/// from comments or from <style>, <script>, <noscript>, <template>, <head> and <title>. Any depth of nesting is
/// read, in the same stack. Writes the text's length to `textLength`. Returns NULL when libxml2 cannot parse at
/// all, stops before the end of the input (which it does when memory runs out and, in releases newer than Debian
/// 12's 2.9.14, past 2,048 levels of nesting), or when memory runs out here. Free with chtml_free.
char *chtml_text(const char *html, int32_t length, int32_t *textLength);

void chtml_free(char *text);

#endif
