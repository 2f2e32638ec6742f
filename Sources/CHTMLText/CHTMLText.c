#include "CHTMLText.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

typedef struct {
    char *bytes;
    size_t length;
    size_t capacity;
    int failed;
} chtml_buffer;

static void chtml_append(chtml_buffer *buffer, const char *bytes, size_t length) {
    if (buffer->failed || length == 0) return;
    if (buffer->length + length > buffer->capacity) {
        size_t capacity = buffer->capacity * 2;
        if (capacity < buffer->length + length) capacity = buffer->length + length;
        char *grown = realloc(buffer->bytes, capacity);
        if (grown == NULL) {
            buffer->failed = 1;
            return;
        }
        buffer->bytes = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->length, bytes, length);
    buffer->length += length;
}

static int chtml_is_in(const char *name, const char *const *names) {
    for (; *names != NULL; names++) {
        if (strcasecmp(name, *names) == 0) return 1;
    }
    return 0;
}

static const char *const chtml_dropped[] = {"style", "script", "noscript", "template", "head", "title", NULL};

static const char *const chtml_blocks[] = {
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
    "td", "th", "blockquote", "pre", "section", "article", "header", "footer", "figure", "figcaption", "hr",
    "aside", "nav", "main", "address", "center", NULL};

static void chtml_walk(xmlNodePtr node, chtml_buffer *buffer) {
    for (; node != NULL; node = node->next) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            if (node->content != NULL) {
                chtml_append(buffer, (const char *)node->content, strlen((const char *)node->content));
            }
        } else if (node->type == XML_ELEMENT_NODE && node->name != NULL) {
            const char *name = (const char *)node->name;
            if (chtml_is_in(name, chtml_dropped)) continue;
            int block = chtml_is_in(name, chtml_blocks);
            if (block) chtml_append(buffer, "\n", 1);
            chtml_walk(node->children, buffer);
            if (block) chtml_append(buffer, "\n", 1);
        }
    }
}

char *chtml_text(const char *html, int32_t length, int32_t *textLength) {
    *textLength = 0;
    // XML_PARSE_HUGE lifts libxml2's nesting limit from 256 to 2048 levels: deeper elements were dropped with
    // all their text, silently.
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                  HTML_PARSE_NOIMPLIED | XML_PARSE_HUGE;
    htmlDocPtr document = htmlReadMemory(html, length, NULL, "UTF-8", options);
    if (document == NULL) return NULL;
    chtml_buffer buffer = {malloc((size_t)length + 1), 0, (size_t)length + 1, 0};
    if (buffer.bytes == NULL) {
        xmlFreeDoc(document);
        return NULL;
    }
    chtml_walk(document->children, &buffer);
    xmlFreeDoc(document);
    if (buffer.failed) {
        free(buffer.bytes);
        return NULL;
    }
    *textLength = (int32_t)buffer.length;
    return buffer.bytes;
}

void chtml_free(char *text) {
    free(text);
}
