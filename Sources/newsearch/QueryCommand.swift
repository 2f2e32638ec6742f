import ArgumentParser
import Foundation
import NewSearch

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Search the index.",
        discussion: """
            Terms are separated by spaces and must all match; each term matches as a phrase of its words, so \
            "社会保险" finds 社会保险 but not 社会 … 保险 apart. Hits are ranked by relevance (bm25, a title match \
            weighing more than a body match). Any text is a valid query: quotes, parentheses, operators and other \
            punctuation are matched literally or ignored, never an error.

              newsearch query "欠薪"
              newsearch query "快递员 社会保险" --limit 3
              newsearch query "GDP 增长" --json | jq '.hits[0].title'
            """
    )

    @OptionGroup var location: IndexLocation

    @Argument(help: ArgumentHelp("What to search for.", valueName: "text"))
    var text: String

    @Option(name: .long, help: "The most hits to show; 0 shows all.")
    var limit = 10

    @Flag(name: .long, help: "Print one JSON object: {query, total, hits: [{path, title, date, score, snippet, …}]}.")
    var json = false

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all hits) or more, not \(limit).") }
    }

    func run() throws {
        let index = try SearchIndex(path: location.path, readOnly: true)
        let warnings = index.analysisWarning.map { ["\($0)"] } ?? []
        let results = try index.search(text, limit: limit == 0 ? nil : limit)
        for warning in warnings { Terminal.printError("warning: \(warning)") }
        if json {
            print(try QueryJSON.encode(results, warnings: warnings))
        } else {
            print(HitPrinter(style: Terminal.stdoutSupportsColor ? .color : .brackets).text(for: results))
        }
    }
}
