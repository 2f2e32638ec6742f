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

/// What the walk makes of a node.
typedef enum {
    /// Nothing, and nothing of what it holds: comments, dropped elements, any other kind of node.
    CHTML_SKIPPED,
    /// Its text (a text or CDATA node).
    CHTML_TEXT,
    /// The text of what it holds (an element that is not a block).
    CHTML_INLINE,
    /// The text of what it holds, with '\n' before and after.
    CHTML_BLOCK,
} chtml_kind;

/// Whether `element`, an element the walk went into, ends a line before and after its content.
static int chtml_is_block(xmlNodePtr element) {
    return chtml_is_in((const char *)element->name, chtml_blocks);
}

/// What the walk makes of `node`.
static chtml_kind chtml_kind_of(xmlNodePtr node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) return CHTML_TEXT;
    if (node->type != XML_ELEMENT_NODE || node->name == NULL) return CHTML_SKIPPED;
    if (chtml_is_in((const char *)node->name, chtml_dropped)) return CHTML_SKIPPED;
    return chtml_is_block(node) ? CHTML_BLOCK : CHTML_INLINE;
}

/// Appends what comes before the content of `node`: its text, or '\n' for a block element. Returns its kind.
static chtml_kind chtml_enter(xmlNodePtr node, chtml_buffer *buffer) {
    chtml_kind kind = chtml_kind_of(node);
    if (kind == CHTML_TEXT && node->content != NULL) {
        chtml_append(buffer, (const char *)node->content, strlen((const char *)node->content));
    } else if (kind == CHTML_BLOCK) {
        chtml_append(buffer, "\n", 1);
    }
    return kind;
}

/// Appends the text of the nodes under `root`, in document order. The walk keeps no stack of its own and makes
/// no recursive call, so any depth of nesting takes the same stack: it goes down to a node's first child, on to
/// its next sibling, or back up through its parents, ending each element it leaves.
static void chtml_walk(xmlNodePtr root, chtml_buffer *buffer) {
    xmlNodePtr node = root->children;
    while (node != NULL) {
        chtml_kind kind = chtml_enter(node, buffer);
        if (kind >= CHTML_INLINE && node->children != NULL) {
            node = node->children;
            continue;
        }
        if (kind == CHTML_BLOCK) chtml_append(buffer, "\n", 1);
        while (node->next == NULL) {
            node = node->parent;
            if (node == NULL || node == root) return;
            if (chtml_is_block(node)) chtml_append(buffer, "\n", 1);
        }
        node = node->next;
    }
}

/// Parses `length` bytes of HTML into a document, or NULL when libxml2 cannot parse them or stopped before their
/// end. libxml2 stops (and disables its callbacks) when memory runs out or when elements nest deeper than it
/// allows: the document it returns then lacks the rest of the text, which must not be lost without a trace.
static htmlDocPtr chtml_parse(const char *html, int32_t length) {
    // XML_PARSE_HUGE lifts libxml2's nesting limit of 256 levels, past which it stops and drops all further text:
    // libxml2 2.9 (Debian 12) then has no limit; newer releases keep one of 2,048 levels.
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                  HTML_PARSE_NOIMPLIED | XML_PARSE_HUGE;
    if (length <= 0) return NULL;  // as htmlReadMemory has it: no bytes, no document
    // htmlReadMemory initialises libxml2's globals itself; htmlNewParserCtxt does not, and workers that create
    // their first contexts at once then deadlock on the dictionary's mutex (xmlDictCreate). Idempotent, and
    // thread-safe in libxml2 2.9.
    xmlInitParser();
    htmlParserCtxtPtr context = htmlNewParserCtxt();
    if (context == NULL) return NULL;
    htmlDocPtr document = htmlCtxtReadMemory(context, html, length, NULL, "UTF-8", options);
    int stopped = context->disableSAX != 0;
    htmlFreeParserCtxt(context);
    if (document != NULL && stopped) {
        xmlFreeDoc(document);
        return NULL;
    }
    return document;
}

char *chtml_text(const char *html, int32_t length, int32_t *textLength) {
    *textLength = 0;
    htmlDocPtr document = chtml_parse(html, length);
    if (document == NULL) return NULL;
    chtml_buffer buffer = {malloc((size_t)length + 1), 0, (size_t)length + 1, 0};
    if (buffer.bytes == NULL) {
        xmlFreeDoc(document);
        return NULL;
    }
    chtml_walk((xmlNodePtr)document, &buffer);
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
