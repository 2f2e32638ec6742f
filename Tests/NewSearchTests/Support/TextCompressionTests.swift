@testable import NewSearch
import Testing

/// The stored bodies' compression: what goes in comes back byte for byte, and bytes it did not write are refused.
struct TextCompressionTests {
    @Test(arguments: ["", "a", "快递员的社保", "iPhone16 售价 5999 元。\n第二段：2024年。",
                      String(repeating: "上海市人力资源和社会保障局发布通知。", count: 20_000)])
    func aTextComesBackAsItWent(_ text: String) throws {
        let stored = TextCompressor().compress(text)
        let back = try #require(stored.withUnsafeBytes { TextDecompressor().decompress($0) })
        #expect(back == Array(text.utf8))
        if text.utf8.count > 1000 { #expect(stored.count < text.utf8.count / 10) }
    }

    @Test func bytesItDidNotWriteAreRefused() {
        let decompressor = TextDecompressor()
        for bytes: [UInt8] in [[0x00], Array("plain text".utf8), [0x28, 0xB5, 0x2F, 0xFD, 0xFF, 0xFF]] {
            #expect(bytes.withUnsafeBytes { decompressor.decompress($0) } == nil)
        }
        // A frame cut short is no text either.
        let stored = TextCompressor().compress(String(repeating: "社会保险", count: 500))
        #expect(Array(stored.dropLast(3)).withUnsafeBytes { decompressor.decompress($0) } == nil)
    }

    @Test func aDamagedBodyInTheFileIsAnErrorNamingTheArticle() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/index.db"
        let index = try SearchIndex(path: path)
        try index.add(Article(title: "外卖骑手的社保", body: "平台为外卖骑手缴纳社会保险。"), path: "app://1")
        // Damage the stored body behind the update trigger's back, as a broken disk or foreign code could.
        let database = try Database(path: path)
        try database.execute("DROP TRIGGER newsearch_documents_update; UPDATE newsearch_documents SET compressed_body = X'0102'")
        try database.execute(IndexSchema.creation)  // the trigger back: only the body is damaged
        #expect(throws: StoreError.damagedArticle(path: path, id: 1)) { try index.search("社会保险") }
    }
}
