import ArgumentParser
import Foundation
import NewSearch

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show the tokens newsearch makes of a text, to see why something does or does not match.",
        discussion: """
            Text is folded (full-width to ASCII, case, traditional to simplified), cut into words by ICU and the \
            user dictionary, then indexed as one token per character (CJK, Latin and digits alike), so any \
            substring of a run of letters, digits and ideographs is found; ^c marks a character that begins a \
            word and c$ one that ends a word; | is a gap (punctuation or space) that phrases do not cross. \
            Two digits, a digit and 年/月/日, and common pairs such as 经济 are indexed as one token as well, at \
            the position of the first (+pair); a query phrase uses the pair in place of that character. These are \
            exactly the tokens the index holds (or, with --query, the phrase it is searched with). Matches that \
            begin and end on word boundaries rank higher.

            Uses the dictionary of the index at --index (or $NEWSEARCH_INDEX, or newsearch.db) when there is one.

              newsearch analyze "上海市GDP增长5.2%"
              newsearch analyze --query "社會保險"
              newsearch analyze --dictionary words.txt "快递员的社保"
            """
    )

    @OptionGroup var location: IndexLocation

    @Argument(help: "The text to analyse.")
    var text: String

    @Flag(name: .long, help: "Analyse as a query term rather than as article text.")
    var query = false

    @Option(name: .long, help: ArgumentHelp("A user dictionary file to use instead of the index's.", valueName: "file"), completion: .file())
    var dictionary: String?

    func run() throws {
        let words: UserDictionary
        if let dictionary {
            words = try UserDictionary(contentsOf: dictionary)
        } else if FileManager.default.fileExists(atPath: location.path) {
            words = try SearchIndex(path: location.path, readOnly: true).dictionary
        } else {
            words = .empty
        }
        let tokens = try Analyzer(dictionary: words).indexedTokens(text, mode: query ? .query : .document)
        print(TokenTable(text: text, tokens: tokens).text)
    }
}
