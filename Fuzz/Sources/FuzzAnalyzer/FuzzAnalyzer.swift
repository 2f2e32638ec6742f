import CFuzzer
import NewSearch

nonisolated(unsafe) private let analyzer = try! Analyzer(dictionary: UserDictionary(words: ["外卖骑手", "社会保险"]))

/// SwiftPM's entry point of the executable (`main` is linked to it).
@_cdecl("FuzzAnalyzer_main")
func run(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 { cfuzzer_main(argc, argv) }

/// Any text through the analyzer, as a document and as a query: tokens come out in order, inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for mode in [Analyzer.Mode.document, .query] {
        var last = -1
        for token in analyzer.tokens(text, mode: mode) {
            precondition(token.position > last, "positions go backwards")
            precondition(token.byteRange.upperBound <= text.utf8.count, "a token beyond the text")
            last = token.position
        }
    }
    return 0
}
