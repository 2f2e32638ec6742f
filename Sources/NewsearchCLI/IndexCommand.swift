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
            be parsed are reported as failed, each with its reason; neither stops the run.

            Links to files and folders inside the folders being indexed are followed; a link that leads outside \
            them (news/passwd.md -> /etc/passwd) is skipped and listed, unless --follow.

            Progress goes to standard error: on a terminal one line redrawn in place (files done, articles per \
            second, time left), otherwise a line every few seconds; --quiet shows none. The summary is always \
            printed.

            The index records how it was analysed (analyzer version, ICU version, normalization, user \
            dictionary). Indexing into an index analysed otherwise is refused, since old and new tokens would not \
            match; --rebuild empties it first.

            Synonyms (--synonyms FILE: one group a line, words separated by spaces, such as "医保 医疗保险") are             stored with the index and replace the groups stored before; they apply when a query runs, so no             article is indexed again: `index --synonyms FILE` alone, without folders, only stores them.

            \(ExitStatus.helpText)

              newsearch index corpus/
              newsearch index --index /tmp/news.db corpus/ more-news/
              newsearch index --dictionary words.txt --rebuild corpus/
              newsearch index --quiet corpus/ || echo "some files failed"
              newsearch index --follow corpus/
              newsearch index --synonyms synonyms.txt
            """
    )

    @OptionGroup var location: IndexLocation

    @Argument(help: ArgumentHelp("Folders (or single files) of articles.", valueName: "dir"), completion: .directory)
    var directories: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "A user dictionary: words to keep whole (快递员, 网约车), one a line; lines starting with # are comments.",
        discussion: "The index keeps the dictionary; queries use it too. Changing it needs --rebuild.",
        valueName: "file"), completion: .file())
    var dictionary: String?

    @Option(name: .long, help: ArgumentHelp(
        "Synonyms: one group of equivalent terms a line (医保 医疗保险), words separated by spaces; # starts a comment.",
        discussion: "Stored with the index, replacing the groups stored before (an empty file removes them); applied when a query runs.",
        valueName: "file"), completion: .file())
    var synonyms: String?

    @Flag(name: .long, help: "Empty the index first (needed after changing the dictionary or upgrading newsearch).")
    var rebuild = false

    @Flag(name: [.customShort("L"), .long], help: ArgumentHelp(
        "Follow links that lead outside the folders being indexed.",
        discussion: "Without it such a link, to a file or a folder, is skipped and listed; links inside are followed."))
    var follow = false

    @Flag(name: .shortAndLong, help: "List every skipped file, not only the first few.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Show no progress (the summary is still printed).")
    var quiet = false

    func validate() throws {
        if directories.isEmpty && synonyms == nil {
            throw ValidationError("Give the folders to index, as in `newsearch index corpus/` (or --synonyms FILE alone).")
        }
    }

    func run() throws {
        let started = Date()
        let words = try dictionary.map { try UserDictionary(contentsOf: $0) }
        // Read before anything changes: a broken file changes nothing.
        let groups = try synonyms.map { try Synonyms(contentsOf: $0) }
        let index = try SearchIndex(path: location.path, dictionary: words, rebuild: rebuild,
                                    waitingForAnotherRun: sayWaiting)
        if let groups {
            try index.setSynonyms(groups)
            print("Synonyms: \(groups.groups.count == 1 ? "1 group" : "\(groups.groups.count) groups") stored in "
                  + FileName.quoted(location.path))
            if directories.isEmpty { return }
        }
        let reporter = quiet ? nil : IndexProgressReporter(interactive: Terminal.stderrIsInteractive, started: started)
        let report = try index.index(directories, followLinks: follow) { progress in
            if progress.waitingForAnotherRun { sayWaiting() } else { reporter?.report(progress) }
        }
        reporter?.finish()
        print(IndexSummary(report: report, seconds: Date().timeIntervalSince(started), indexPath: location.path,
                           verbose: verbose).text)
        if !report.failed.isEmpty { throw ExitStatus.incomplete }
    }

    /// Says that the run waits for another one; even with --quiet, since a run that seems to hang must say why.
    private func sayWaiting() {
        Terminal.printError("waiting for another newsearch index run on \(FileName.quoted(location.path)) to finish…")
    }
}
