import ArgumentParser
import Foundation
import NewSearch

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index the articles under one or more folders.",
        discussion: """
            Reads every Markdown file (.md, .markdown) under each folder, recursively; hidden files and folders \
            are left out. Running it again brings the index up to date: new files are added, changed files \
            indexed again, unchanged files skipped, and articles whose file is gone are removed.

            Files that are not articles (other extensions, binary, not UTF-8) are skipped and files that cannot \
            be parsed are reported as failed, each with its reason; neither stops the run. The exit status is 0 \
            unless the index itself cannot be written.

            The index records how it was analysed (analyzer version, ICU version, normalization, user \
            dictionary). Indexing into an index analysed otherwise is refused, since old and new tokens would not \
            match; --rebuild empties it first.

              newsearch index corpus/
              newsearch index --index /tmp/news.db corpus/ more-news/
              newsearch index --dictionary words.txt --rebuild corpus/
            """
    )

    @OptionGroup var location: IndexLocation

    @Argument(help: ArgumentHelp("Folders (or single files) of articles.", valueName: "dir"))
    var directories: [String]

    @Option(name: .long, help: ArgumentHelp(
        "A user dictionary: words to keep whole (快递员, 网约车), one a line; lines starting with # are comments.",
        discussion: "The index keeps the dictionary; queries use it too. Changing it needs --rebuild.",
        valueName: "file"))
    var dictionary: String?

    @Flag(name: .long, help: "Empty the index first (needed after changing the dictionary or upgrading newsearch).")
    var rebuild = false

    @Flag(name: .shortAndLong, help: "List every skipped file, not only the first few.")
    var verbose = false

    func run() throws {
        let started = Date()
        let words = try dictionary.map { try UserDictionary(contentsOf: $0) }
        let index = try SearchIndex(path: location.path, dictionary: words, rebuild: rebuild)
        let interactive = Terminal.stderrIsInteractive
        let report = try index.index(directories) { progress in
            guard interactive else { return }
            Terminal.printError("\rIndexing: \(progress.done)/\(progress.total) files", terminator: "")
        }
        if interactive { Terminal.printError("\r\u{1B}[K", terminator: "") }
        print(IndexSummary(report: report, seconds: Date().timeIntervalSince(started), indexPath: location.path,
                           verbose: verbose).text)
    }
}
