import CSQLite
import Foundation
import Testing
@testable import NewSearch

/// An index built under one analysis is never silently read or extended under another.
@Suite struct AnalysisStampTests {
    private let folder: TemporaryFolder
    private let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.path + "/index.db"
        try folder.write("news/a.md", "---\ntitle: 外卖骑手\n---\n<p>外卖骑手的社保问题。</p>")
    }

    /// Overwrites one row of the index's `meta` table, as an older newsearch would have left it.
    private func setMeta(_ key: String, _ value: String) throws {
        var handle: OpaquePointer?
        #expect(sqlite3_open(path, &handle) == SQLITE_OK)
        defer { sqlite3_close(handle) }
        #expect(sqlite3_exec(handle, "UPDATE newsearch_meta SET value = '\(value)' WHERE key = '\(key)'", nil, nil, nil) == SQLITE_OK)
    }

    @Test func theIndexKeepsItsDictionaryAndQueriesUseIt() throws {
        let words = UserDictionary(words: ["外卖骑手"])
        try SearchIndex(path: path, dictionary: words).index([folder.path + "/news"])
        let reopened = try SearchIndex(path: path, readOnly: true)
        #expect(reopened.dictionary == words)
        #expect(reopened.analysisWarning == nil)
        #expect(reopened.stamp.dictionaryChecksum == words.checksum)
        #expect(try reopened.search("外卖骑手").total == 1)
        let updated = try SearchIndex(path: path)
        #expect(updated.dictionary == words)
        #expect(try updated.index([folder.path + "/news"]).unchanged == 1)
    }

    @Test func anotherDictionaryIsRefusedUnlessRebuilt() throws {
        try SearchIndex(path: path, dictionary: UserDictionary(words: ["外卖骑手"])).index([folder.path + "/news"])
        #expect {
            try SearchIndex(path: path, dictionary: UserDictionary(words: ["社保"]))
        } throws: { error in
            guard case StoreError.analysisMismatch = error else { return false }
            return "\(error)".contains("rebuild: true")
        }
        let rebuilt = try SearchIndex(path: path, dictionary: UserDictionary(words: ["社保"]), rebuild: true)
        #expect(try rebuilt.count() == 0)
        #expect(try rebuilt.index([folder.path + "/news"]).added == 1)
        #expect(try SearchIndex(path: path, readOnly: true).dictionary.words == ["社保"])
    }

    @Test func anOlderAnalyzerIsWarnedAboutAndRefused() throws {
        try SearchIndex(path: path).index([folder.path + "/news"])
        try setMeta("analyzer_version", "1")
        let reader = try SearchIndex(path: path, readOnly: true)
        let warning = try #require(reader.analysisWarning)
        #expect("\(warning)".contains("analyzer 1"))
        #expect(throws: StoreError.self) { try SearchIndex(path: path) }
        let rebuilt = try SearchIndex(path: path, rebuild: true)
        #expect(try rebuilt.index([folder.path + "/news"]).added == 1)
        #expect(try SearchIndex(path: path, readOnly: true).analysisWarning == nil)
    }

    @Test func anotherICUIsDetected() throws {
        try SearchIndex(path: path).index([folder.path + "/news"])
        try setMeta("icu_version", "1.0")
        #expect(try SearchIndex(path: path, readOnly: true).analysisWarning != nil)
    }

    @Test func anEmptyIndexTakesAnyAnalysisWithoutRebuild() throws {
        _ = try SearchIndex(path: path)
        let words = UserDictionary(words: ["社保"])
        #expect(try SearchIndex(path: path, dictionary: words).dictionary == words)
    }

    @Test func dictionaryFiles() throws {
        let file = try folder.write("words.txt", "# 行业词\n快递员\n\n 网约车 \n快递员\n")
        #expect(try UserDictionary(contentsOf: file).words == ["快递员", "网约车"])
        #expect(throws: AnalysisError.self) { try UserDictionary(contentsOf: folder.path + "/missing.txt") }
        let binary = try folder.write("binary.txt", Data([0xFF, 0xFE, 0x00]))
        #expect(throws: AnalysisError.dictionary(binary, "not UTF-8 text")) { try UserDictionary(contentsOf: binary) }
    }
}
