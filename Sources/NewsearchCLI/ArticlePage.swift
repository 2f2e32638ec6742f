// Built with the package trait "Server" only: `newsearch serve` and what it alone uses (Hummingbird, SwiftNIO).
#if Server
import Foundation
import NewSearch

/// The page of one article, at `/articles/ID?q=…` of `newsearch serve`: its own URL (a bookmark or a link keeps
/// it), the query's terms in `<mark>`, and a way back to the results. Rendered on the server, every piece of
/// article text escaped (``HighlightedText/html``), so it shows without script.
enum ArticlePage {
    /// The page of `stored`, its title and body as `marked` highlights them.
    /// - Parameters:
    ///   - path: the article's path as the server shows it.
    ///   - query: the query that led here, if any: the link back to the results searches it again.
    static func html(_ stored: IndexedArticle, path: String, marked: (title: HighlightedText, body: HighlightedText),
                     query: String?) -> String {
        let article = stored.article
        let meta = [article.date.map { $0.formatted(Date.ISO8601FormatStyle().year().month().day()) },
                    article.author, article.categories.isEmpty ? nil : article.categories.joined(separator: "、"), path]
            .compactMap { $0 }.filter { !$0.isEmpty }.map(escaped).joined(separator: " · ")
        return page(title: escaped(article.title.isEmpty ? path : article.title), back: query, content: """
            <article>
            <h1>\(marked.title.text.isEmpty ? escaped(path) : marked.title.html)</h1>
            <div class="meta">\(meta)</div>
            <div id="body">\(marked.body.html)</div>
            </article>
            """)
    }

    /// The page for an id no article has (answered with 404).
    static func missing(_ id: String) -> String {
        page(title: "没有这篇文章", back: nil, content: """
            <h1>没有这篇文章</h1>
            <p>索引里没有编号为 \(escaped(id)) 的文章：它可能已被删除，或链接有误。</p>
            """)
    }

    /// A whole page around `content`, with a link back to the results of `back` (the start page when nil).
    private static func page(title: String, back query: String?, content: String) -> String {
        """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · newsearch</title>
        <style>
          :root { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif; color: #222; }
          body { margin: 0 auto; max-width: 46rem; padding: 1rem; }
          #back { color: #0645ad; text-decoration: none; }
          h1 { font-size: 1.5rem; line-height: 1.4; margin: .8rem 0 .3rem; }
          .meta { color: #080; font-size: .85rem; overflow-wrap: anywhere; }
          #body { white-space: pre-wrap; line-height: 1.8; margin-top: 1rem; overflow-wrap: anywhere; }
          mark { background: #fff3a0; color: inherit; }
        </style>
        </head>
        <body>
        <nav><a id="back" href="\(escaped(resultsURL(query)))">← 返回结果</a></nav>
        \(content)
        <script>
        // Opened from the results, the link goes back in history: the results come back with their page and filters.
        document.getElementById("back").addEventListener("click", (event) => {
          if (document.referrer && new URL(document.referrer).origin === location.origin && history.length > 1) {
            event.preventDefault();
            history.back();
          }
        });
        </script>
        </body>
        </html>
        """
    }

    /// The search page's URL for `query`: `/?q=…`, or `/` without one.
    static func resultsURL(_ query: String?) -> String {
        guard let query, !query.isEmpty else { return "/" }
        return "/?q=" + percentEncoded(query)
    }

    /// `text` as a query string value: everything but unreserved characters percent-encoded.
    private static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// RFC 3986's unreserved characters, ASCII only (Foundation's `alphanumerics` takes in every script's letters).
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func escaped(_ text: String) -> String { HighlightedText(text: text).html }
}
#endif
