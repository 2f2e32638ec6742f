import ArgumentParser
import Foundation
import NewSearch

struct QueryCommand: ParsableCommand {
    /// The query language, one construct a row: what to type, what it finds.
    static let language = [
        ["快递员 社会保险", "both terms (AND may be written between them)"],
        ["社保 OR 医保, 社保 | 医保", "either term"],
        ["-广告, NOT 广告", "without the term"],
        ["\"快递员 社会保险\"", "the words adjacent, in that order"],
        ["(社保 OR 医保) 快递员", "parentheses group"],
        ["title:欠薪  body:欠薪", "the term in the title, or in the body, only"],
        ["author:新浪  category:财经", "an author or a category containing the text"],
        ["date:2022  date:2022-03", "dated in that year, or that month"],
        ["date:2022-01..2022-03", "dated in the range (also 2022-06.. and ..2021)"],
        ["iph*", "Latin or number words beginning with iph"],
    ]

    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Search the index.",
        discussion: """
            Each term finds the articles whose title or body contains it, as a substring of the text folded for \
            matching (full-width to ASCII, case, traditional to simplified), so 上海 finds 上海市 and 鱼 finds \
            魚. Hits are ranked best first: BM25F over title (weight 3) and body (weight 1), raised for matches \
            that begin and end on word boundaries, for terms close together, for articles full of the query's \
            characters and for terms in the body's opening, and lowered for an article of a series (a title at \
            least \(Ranking.seriesSize) articles share, such as a daily roundup's); --explain shows each factor. Several words are \
            one query, quoted or not.

            The query language (operators in upper case):
            \(TextTable(rows: language, indent: "  ").text)

            Any text is a valid query: broken syntax (an unclosed quote or parenthesis, a dangling OR) is read \
            as plain words, with a warning. A query with nothing left to search (empty, or only punctuation) is \
            an error.

            Colour: on a terminal, matches are coloured unless NO_COLOR is set to a non-empty value or TERM is \
            dumb; --color always keeps colour through a pipe (less -R), --color never prints [brackets]. JSON \
            highlights are [start, end) offsets in Unicode code points (as Python slices a str).

            \(ExitStatus.helpText)

              newsearch query 欠薪
              newsearch query 快递员 社会保险 --limit 3 --since 2022-01
              newsearch query "title:快递员 -广告" --sort date --json
              newsearch query 社保 --format paths | xargs grep -l 上海
              newsearch query 社保 --color always | less -R
              printf '欠薪\\n社保\\n' | newsearch query --stdin
              newsearch query 社保 -上海         (-word excludes a word, wherever it stands)
              newsearch query --limit 3 -- 社保 --json   (after --, every argument is query text: a warning says so)
              printf '{"q":"欠薪","limit":1,"offset":1}\\n' | newsearch query --stdin
              if newsearch query 欠薪 --format paths > /dev/null; then echo found; fi
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, paths
    }

    @OptionGroup var location: IndexLocation

    /// Every argument that is not one of the options, in order, `--` included: swift-argument-parser's
    /// `.allUnrecognized` keeps `-上海` (an excluded word) as query text instead of rejecting it as an unknown
    /// option; ``validate()`` rejects what still reads as a mistyped option (`--limt`). See ``QueryWords``.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp(
        "What to search for: one or more words, quoted or not; -word excludes a word (omit with --stdin).",
        discussion: "Every argument after -- is query text, even one that looks like an option.",
        valueName: "text"))
    var words: [String] = []

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

    @Flag(name: .long, help: "Same as --format json: {query, total, total_exact, took_ms, warnings, hits: [{path, title, date, score, snippet, author, categories, highlights}]}; highlights in code points.")
    var json = false

    @Option(name: .long, help: ArgumentHelp(
        "Colour matches: auto (on a terminal, unless NO_COLOR is non-empty or TERM is dumb), always or never.",
        valueName: "when"))
    var color: ColorChoice = .auto

    @Flag(name: .long, help: "Show how the query was read (parsed tree, FTS5 expression, tokens) and each hit's score parts.")
    var explain = false

    @Option(name: .long, help: ArgumentHelp(
        "Count the whole hit set per category and/or per year, most frequent first: category, year or category,year.",
        valueName: "facets"))
    var facets: String?

    @Flag(name: .long, help: ArgumentHelp(
        "Report the exact number of hits.",
        discussion: "By default a total past 10,000 is reported as \"10000+ articles match\" (in JSON \"total\": "
            + "10000, \"total_exact\": false)."))
    var exactTotal = false

    @Flag(name: .long, help: ArgumentHelp(
        "Read one query a line from standard input and answer each with one JSON line.",
        discussion: "A line that starts with { is a JSON object: {\"q\": …} with, for that line only, any of limit, "
            + "offset, sort, since, until, category, facets and exact_total (overriding the options); a bad one is answered "
            + "with {\"query\", \"error\", \"field\"}."))
    var stdin = false

    /// The words, split at `--`.
    private var queryWords: QueryWords { QueryWords(words) }

    /// The query: the words joined by spaces (those after `--` included, `--` itself not).
    var text: String? { queryWords.text }

    func validate() throws {
        if let unknown = queryWords.unknownOption {
            throw ValidationError(QueryWords.unknownOptionMessage(unknown, options: Self.optionNames))
        }
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all hits) or more, not \(limit).") }
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more, not \(offset).") }
        guard snippetLength > 0 else { throw ValidationError("--snippet-length must be 1 or more.") }
        guard stdin == (text == nil) else {
            throw ValidationError(stdin ? "Give the queries on standard input or as an argument, not both."
                                        : "Give a query, for example: newsearch query 欠薪 -广告 (or --stdin).")
        }
        do {
            _ = try SearchParameters.facets(facets, name: "--facets")
            _ = try SearchParameters.dates(since: since, until: until, names: ("--since", "--until"))
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The command line's search options: the one query's, and what every `--stdin` line starts from.
    private var defaults: StdinQuery.Defaults {
        StdinQuery.Defaults(limit: limit, offset: offset, sort: sort, since: since, until: until, facets: facets,
                            snippetLength: snippetLength, explain: explain, exactTotal: exactTotal)
    }

    /// The long names of the command's options (`--limit`, `--index`, …), read from its declaration.
    static let optionNames: [String] = {
        func names(_ value: Any) -> [String] {
            Mirror(reflecting: value).children.flatMap { child -> [String] in
                guard let label = child.label?.dropFirst() else { return [] }
                let type = String(describing: Swift.type(of: child.value))
                if type.hasPrefix("OptionGroup<IndexLocation>") { return names(IndexLocation()) }
                guard type.hasPrefix("Option<") || type.hasPrefix("Flag<") else { return [] }
                return ["--" + label.reduce(into: "") { name, character in
                    name += character.isUppercase ? "-" + character.lowercased() : String(character)
                }]
            }
        }
        return names(QueryCommand()) + ["--help", "--version"]
    }()

    func run() throws {
        for option in queryWords.optionsAfterTerminator(Self.optionNames + ["-h"]) {
            Terminal.printWarning("`\(option)` after `--` is searched as text (options go before `--`)")
        }
        let index = try SearchIndex(path: location.path, readOnly: true)
        let indexWarnings = index.analysisWarning.map { ["\($0)"] } ?? []
        for warning in indexWarnings { Terminal.printWarning(warning) }
        guard let text else {
            answerLines(index: index, indexWarnings: indexWarnings)
            return
        }
        let results = try index.search(text, options: defaults.searchOptions)
        guard !results.nothingToSearch else { throw NothingToSearch(query: text) }
        try printResults(results, indexWarnings: indexWarnings)
        if results.total == 0 { throw ExitStatus.incomplete }
    }

    private func printResults(_ results: SearchResults, indexWarnings: [String]) throws {
        switch json ? .json : format {
        case .json:
            print(try QueryJSON.encode(results, indexWarnings: indexWarnings))
        case .paths:
            for warning in results.warnings { Terminal.printWarning(warning) }
            for hit in results.hits { print(DisplayPath.quoted(hit.path)) }
        case .text:
            for warning in results.warnings { Terminal.printWarning(warning) }
            print(HitPrinter(style: color.colorsStandardOutput ? .color : .brackets).text(for: results))
        }
    }

    /// `--stdin`: answers every line with exactly one JSON line, sent at once (a program that writes a query and
    /// waits for its answer through a pipe must not wait on stdout's block buffer), until the input ends.
    private func answerLines(index: SearchIndex, indexWarnings: [String]) {
        let defaults = defaults
        while let line = readLine() {
            do {
                let query = try StdinQuery(line: line, defaults: defaults)
                let results = query.presented(try index.search(query.text, options: query.options))
                print(results.nothingToSearch
                      ? QueryJSON.error(query: query.query, message: NothingToSearch(query: query.query).description)
                      : try QueryJSON.encode(results, indexWarnings: indexWarnings))
            } catch let invalid as StdinQuery.Invalid {
                print(QueryJSON.error(query: invalid.query, message: invalid.message, field: invalid.field))
            } catch {
                // One failing line must not end the stream: answer it with an error object and go on.
                print(QueryJSON.error(query: line, message: ErrorText.message(for: error) ?? "\(error)"))
            }
            fflush(nil) // every output stream, i.e. stdout (naming the C global `stdout` is an error in Swift 6 on Linux)
        }
    }
}

extension SearchOptions.Sort: ExpressibleByArgument {}
