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

              newsearch index corpus/
              newsearch index --index /tmp/news.db corpus/ more-news/
            """
    )

    @OptionGroup var location: IndexLocation

    @Argument(help: ArgumentHelp("Folders (or single files) of articles.", valueName: "dir"))
    var directories: [String]

    @Flag(name: .shortAndLong, help: "List every skipped file, not only the first few.")
    var verbose = false

    func run() throws {
        let started = Date()
        let index = try SearchIndex(path: location.path)
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
