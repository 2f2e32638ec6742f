import CHTMLText

/// Turns an HTML fragment into plain text with libxml2's HTML parser: the one Swift file that calls it.
///
/// Text of `<style>`, `<script>`, `<noscript>` and `<template>` is dropped, and so are comments; entities are
/// decoded (`&#123;` → `{`); each block element and `<br>` ends a line, and so does a line break in bare text.
/// Then ``ParagraphText`` folds white space: one paragraph a line. Elements may nest to any depth. HTML that
/// libxml2 cannot read to its end is kept as it is, tags and all, rather than cut short.
enum HTMLText {
    /// The text of `html`, one paragraph a line.
    static func text(of html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            guard bytes.contains(where: { $0 > 0x20 }) else { return "" }
            var length: Int32 = 0
            let text = bytes.withMemoryRebound(to: CChar.self) { chtml_text($0.baseAddress, Int32($0.count), &length) }
            guard let text else { return ParagraphText.fold(UnsafeRawBufferPointer(bytes)) }
            defer { chtml_free(text) }
            return ParagraphText.fold(UnsafeRawBufferPointer(start: text, count: Int(length)))
        }
    }
}
