import CFuzzer
import NewSearch

/// SwiftPM's entry point of the executable (`main` is linked to it).
@_cdecl("FuzzArticle_main")
func run(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 { cfuzzer_main(argc, argv) }

/// Any bytes as an article file: the parser returns an article or a `DocumentError`, never traps or hangs.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    _ = try? ArticleParser.parse(bytes, fileName: "fuzz.md")
    return 0
}
