import ArgumentParser
import Foundation
import NewSearch

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what the index holds: articles, size, date range, analysis and last update.",
        discussion: """
            Reads the index without changing it. The analysis stamp (analyzer version, ICU version, folding, \
            dictionary checksum) is the one the index was built with; a warning says when this newsearch \
            analyses differently (index --rebuild then brings it up to date).

              newsearch stats
              newsearch stats --index /tmp/news.db --json
            """
    )

    @OptionGroup var location: IndexLocation

    @Flag(name: .long, help: "One JSON object: {path, articles, bytes_on_disk, first_date, last_date, analysis, dictionary_words, last_updated}.")
    var json = false

    func run() throws {
        let index = try SearchIndex(path: location.path, readOnly: true)
        if let warning = index.analysisWarning { Terminal.printWarning(warning) }
        let info = try index.info()
        print(json ? try IndexInfoText.json(info) : IndexInfoText.text(info))
    }
}
