import ArgumentParser
import Foundation
import NewSearch

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Search the index.",
        discussion: """
            Each term finds the articles whose title or body contains it, as a substring of the text folded \\
            for matching (full-width to ASCII, case, traditional to simplified), so 上海 finds 上海市 and 鱼 \\
            finds 鱼. Hits are ranked best first: bm25 over title (weight 5) and body (weight 1), raised for \\
            matches that begin and end on word boundaries and for terms close together.

            The query language (operators in upper case):
              快递员 社会保险          both terms (AND may be written between them)
              社保 OR 医保, 社保 | 医保  either term
              -广告, NOT 广告          without the term
              "快递员 社会保险"        the words adjacent, in that order
              (社保 OR 医保) 快递员    parentheses group
              title:欠薪  body:欠薪   the term in the title, or in the body, only
              author:新浪  category:财经   author or a category containing the text
              date:2022  date:2022-01..2022-03  date:2022-06..   articles dated in the range
              iph*                    Latin or number words beginning with iph
            Any text is a valid query: broken syntax (an unclosed quote or parenthesis, a dangling OR) is \\
            read as plain words, with a warning; it is never an error.

              newsearch query "欠薪"
              newsearch query "快递员 社会保险" --limit 3 --since 2022-01
              newsearch query "title:快递员 -广告" --sort date --json
              newsearch query "社保" --format paths | xargs grep -l 上海
              printf '欠薪\\n社保\\n' | newsearch query --stdin
              newsearch query -- "-广告 社保"     (a query that starts with - goes after --)
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, paths
    }

    @OptionGroup var location: IndexLocation

    @Argument(help: ArgumentHelp("What to search for (omit with --stdin).", valueName: "text"))
    var text: String?

    @Option(name: .long, help: "The most hits to show; 0 shows all.")
    var limit = 10

    @Option(name: .long, help: "Hits to pass over first, for paging.")
    var offset = 0

    @Option(name: .long, help: "Order of hits: relevance (best first) or date (newest first).")
    var sort: SearchOptions.Sort = .relevance

    @Option(name: .long, help: ArgumentHelp("Only articles dated on or after this: 2022, 2022-03 or 2022-03-15.",
                                            valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only articles dated on or before this (the whole year, month or day).",
                                            valueName: "date"))
    var until: String?

    @Option(name: .long, help: "Snippet length in characters.")
    var snippetLength = 80

    @Option(name: .long, help: "Output: text (for people), json (one object), paths (one path a line).")
    var format: Format = .text

    @Flag(name: .long, help: "Same as --format json: {query, total, took_ms, warnings, hits: [{path, title, date, score, snippet, author, categories, highlights}]}.")
    var json = false

    @Flag(name: .long, help: "Show how the query was read (parsed tree, FTS5 expression, tokens) and each hit's score parts.")
    var explain = false

    @Flag(name: .long, help: "Read one query a line from standard input and answer each with one JSON line.")
    var stdin = false

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all hits) or more, not \(limit).") }
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more, not \(offset).") }
        guard snippetLength > 0 else { throw ValidationError("--snippet-length must be 1 or more.") }
        guard stdin == (text == nil) else {
            throw ValidationError(stdin ? "Give the queries on standard input or as an argument, not both."
                                        : "Give a query, for example: newsearch query \"欠薪\" (or --stdin). A query "
                                          + "that starts with - goes after --: newsearch query -- \"-广告 社保\"")
        }
        if since != nil || until != nil, DateRange(since: since, until: until) == nil {
            throw ValidationError("--since and --until take dates such as 2022, 2022-03 or 2022-03-15.")
        }
    }

    private var options: SearchOptions {
        SearchOptions(limit: limit == 0 ? nil : limit, offset: offset, sort: sort, snippetLength: snippetLength,
                      dates: since == nil && until == nil ? nil : DateRange(since: since, until: until),
                      explain: explain)
    }

    func run() throws {
        let index = try SearchIndex(path: location.path, readOnly: true)
        let indexWarnings = index.analysisWarning.map { ["\($0)"] } ?? []
        for warning in indexWarnings { Terminal.printError("warning: \(warning)") }
        if stdin {
            // Every line gets exactly one JSON line, sent at once: a program that writes a query and waits
            // for its answer through a pipe must not wait on stdout's block buffer.
            while let line = readLine() {
                if line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    print(QueryJSON.error(query: line, message: "empty query: write the words to search for"))
                } else {
                    do {
                        print(try QueryJSON.encode(index.search(line, options: options), indexWarnings: indexWarnings))
                    } catch {
                        // One failing line must not end the stream: answer it with an error object and go on.
                        print(QueryJSON.error(query: line, message: "\(error)"))
                    }
                }
                fflush(nil) // every output stream, i.e. stdout (naming the C global `stdout` is an error in Swift 6 on Linux)
            }
            return
        }
        let results = try index.search(text ?? "", options: options)
        switch json ? .json : format {
        case .json:
            print(try QueryJSON.encode(results, indexWarnings: indexWarnings))
        case .paths:
            for warning in results.warnings { Terminal.printError("warning: \(warning)") }
            for hit in results.hits { print(hit.path) }
        case .text:
            for warning in results.warnings { Terminal.printError("warning: \(warning)") }
            print(HitPrinter(style: Terminal.stdoutSupportsColor ? .color : .brackets).text(for: results))
        }
    }
}

extension SearchOptions.Sort: ExpressibleByArgument {}
