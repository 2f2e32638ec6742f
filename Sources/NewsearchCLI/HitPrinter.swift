import Foundation
import NewSearch

/// Renders search results for people: rank, title, date, path and a snippet with the matches marked.
struct HitPrinter {
    enum Style {
        /// ANSI bold red for matches, dim for details: for a terminal.
        case color
        /// `[` `]` around matches: for pipes, files, `NO_COLOR` and `--color never`.
        case brackets
    }

    let style: Style

    func text(for results: SearchResults) -> String {
        let explanation = results.explanation.map(explain) ?? []
        return (explanation + [hitsText(for: results)] + facetLines(results.facets)).joined(separator: "\n")
    }

    /// `category: 社会 12 · 金融 5 …`, one line a facet, after a blank line; at most 10 values shown each.
    private func facetLines(_ facets: [Facet: [FacetCount]]) -> [String] {
        guard !facets.isEmpty else { return [] }
        return [""] + Facet.allCases.compactMap { facet in
            guard let counts = facets[facet] else { return nil }
            let shown = counts.prefix(10).map { "\(FileName.escapingControlCharacters(in: $0.value)) \($0.count)" }
                .joined(separator: " · ")
            return dim("\(facet.rawValue):") + " " + (shown.isEmpty ? "none" : shown)
                + (counts.count > 10 ? " · … (\(counts.count - 10) more)" : "")
        }
    }

    private func explain(_ explanation: QueryExplanation) -> [String] {
        var lines = ["Model:      \(RankingParameters.standard)", "Parsed:     \(explanation.parsed)"]
        if let expression = explanation.expression { lines.append("FTS5:       \(expression)") }
        if let exclusion = explanation.exclusion { lines.append("Excluding:  \(exclusion)") }
        lines += explanation.filters.map { "Filter:     \($0)" }
        lines += explanation.terms.map { "Tokens:     \($0.text) → \($0.tokens.joined(separator: " "))" }
        lines += explanation.terms.filter { !$0.synonyms.isEmpty }.map { term in
            "Synonyms:   \(term.text) → \(([term.text] + term.synonyms).joined(separator: " OR ")) (one term: articles of any)"
        }
        return lines + [""]
    }

    private func scoreLine(_ parts: RelevanceModel.Score) -> String {
        let terms = parts.terms.map { term in
            let title = term.titleBonus > 0 ? String(format: " (title +%.3f)", term.titleBonus) : ""
            return String(format: "idf %.2f × bm25 → %.3f", term.idf, term.bm25) + title
                + String(format: " × align %.2f", term.alignmentFactor)
        }
        return String(format: "score %.3f = (", parts.total) + terms.joined(separator: " + ")
            + String(format: ") × proximity %.2f", parts.proximityFactor)
            + (parts.leadFactor == 1 ? "" : String(format: " × lead %.2f", parts.leadFactor))
            + (parts.characterFactor == 1 ? "" : String(format: " × characters %.3f", parts.characterFactor))
            + (parts.seriesFactor == 1 ? "" : String(format: " × series %.2f", parts.seriesFactor))
    }

    private func hitsText(for results: SearchResults) -> String {
        let query = FileName.escapingControlCharacters(in: results.query)
        let matching = !results.totalIsExact ? "\(results.total)+ articles match"
            : results.total == 1 ? "1 article matches" : "\(results.total) articles match"
        guard !results.hits.isEmpty else {
            return results.total == 0
                ? "No articles match \"\(query)\"."
                : "No more hits: \(matching) \"\(query)\"."
        }
        var lines = ["\(matching) \"\(query)\"; showing \(results.hits.count).", ""]
        for (offset, hit) in results.hits.enumerated() {
            let date = hit.date.map { $0.formatted(.iso8601.year().month().day()) } ?? "no date"
            lines.append("\(offset + 1). \(marked(hit.title))")
            lines.append("   " + dim("\(date) · \(DisplayPath.quoted(hit.path))"))
            if let parts = hit.scoreParts { lines.append("   " + dim(scoreLine(parts))) }
            if !hit.snippet.text.isEmpty {
                lines.append("   " + marked(hit.snippet).replacingOccurrences(of: "\n", with: " "))
            }
            lines.append("")
        }
        return lines.dropLast().joined(separator: "\n")
    }

    /// `text` with its matches marked, and every control character of the article's own text escaped (a title
    /// may hold ESC, from YAML's `"\e"`): only this printer's own colour codes reach the terminal. The matches are
    /// marked with two private-use characters first, so that escaping cannot shift the highlight ranges.
    private func marked(_ text: HighlightedText) -> String {
        let (open, close) = style == .color ? ("\u{1B}[1;31m", "\u{1B}[0m") : ("[", "]")
        return FileName.escapingControlCharacters(in: text.rendered(open: "\u{E000}", close: "\u{E001}"))
            .replacingOccurrences(of: "\u{E000}", with: open).replacingOccurrences(of: "\u{E001}", with: close)
    }

    private func dim(_ text: String) -> String {
        style == .color ? "\u{1B}[2m" + text + "\u{1B}[0m" : text
    }
}
