import CFuzzer
import Foundation
import NewSearch

/// A small index every input is searched in.
private let index: SearchIndex = {
    let index = try! SearchIndex(path: ":memory:")
    try! index.add(Article(title: "快递员的社会保险", author: "新华社", categories: ["社会"],
                           date: Date(timeIntervalSince1970: 1_645_000_000), body: "外卖骑手 iPhone16 GDP 2024年 欠薪。"),
                   path: "app://1")
    try! index.add(Article(title: "天气预报 AND OR NOT", body: "\"引号\" (括号) NEAR* title: body:"), path: "app://2")
    return index
}()

/// SwiftPM's entry point of the executable (`main` is linked to it).
@_cdecl("FuzzQuery_main")
func run(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 { cfuzzer_main(argc, argv) }

/// Any text as a query: parsed, compiled and run on a real index, it answers (no SQL or FTS5 error), and its
/// highlights lie inside their texts.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let results = try index.search(text, options: SearchOptions(limit: 5, explain: true))
        for hit in results.hits {
            for text in [hit.title, hit.snippet] {
                let count = text.text.count
                precondition(text.characterOffsets.allSatisfy { $0.upperBound <= count }, "a highlight past its text")
            }
        }
        _ = try index.paths(matching: text)
    } catch {
        fatalError("the query \(text.debugDescription) failed: \(error)")
    }
    return 0
}
