import Foundation
@testable import NewSearch
import Testing

/// The stored bodies' compression: what goes in comes back byte for byte, and bytes it did not write are refused.
struct TextCompressionTests {
    @Test(arguments: ["", "a", "快递员的社保", "iPhone16 售价 5999 元。\n第二段：2024年。",
                      String(repeating: "上海市人力资源和社会保障局发布通知。", count: 20_000)])
    func aTextComesBackAsItWent(_ text: String) throws {
        let stored = TextCompressor().compress(text), database = try Database(path: ":memory:")
        let back = try #require(stored.withUnsafeBytes { IndexStore.makeDecompressor().decompress($0, in: database) })
        #expect(back == Array(text.utf8))
        if text.utf8.count > 1000 { #expect(stored.count < text.utf8.count / 10) }
    }

    @Test func bytesItDidNotWriteAreRefused() throws {
        let decompressor = IndexStore.makeDecompressor(), database = try Database(path: ":memory:")
        for bytes: [UInt8] in [[0x00], Array("plain text".utf8), [0x28, 0xB5, 0x2F, 0xFD, 0xFF, 0xFF]] {
            #expect(bytes.withUnsafeBytes { decompressor.decompress($0, in: database) } == nil)
        }
        // A frame cut short is no text either.
        let stored = TextCompressor().compress(String(repeating: "社会保险", count: 500))
        #expect(Array(stored.dropLast(3)).withUnsafeBytes { decompressor.decompress($0, in: database) } == nil)
    }

    /// A dictionary trained on news bodies makes them smaller; its frames name it, the decompressor reads it once
    /// from the connection, frames without one still read, and a frame naming a dictionary not stored is refused.
    @Test func bodiesCompressedWithADictionaryComeBackAndNameIt() throws {
        let bodies = Self.newsBodies(count: 1_200)
        let dictionary = try #require(CompressionDictionary.train(bodies.map { Array($0.utf8) }))
        let compressor = TextCompressor(dictionary: dictionary), plain = TextCompressor()
        let withDictionary = bodies.map { compressor.compress($0) }
        let compressed: Int = withDictionary.map(\.count).reduce(0, +)
        let compressedPlain: Int = bodies.map { plain.compress($0).count }.reduce(0, +)
        #expect(compressed < compressedPlain * 3 / 4)
        var reads = 0
        let decompressor = TextDecompressor { _, id in
            reads += 1
            return id == dictionary.id ? dictionary.bytes : nil
        }
        let database = try Database(path: ":memory:")
        for (stored, body) in zip(withDictionary, bodies).prefix(50) {
            #expect(stored.withUnsafeBytes { decompressor.decompress($0, in: database) } == Array(body.utf8))
        }
        #expect(reads == 1)
        #expect(plain.compress(bodies[0]).withUnsafeBytes { decompressor.decompress($0, in: database) } == Array(bodies[0].utf8))
        #expect(compressor.compress(bodies[0], usesDictionary: false).withUnsafeBytes {
            IndexStore.makeDecompressor().decompress($0, in: database) } == Array(bodies[0].utf8))
        #expect(withDictionary[0].withUnsafeBytes { IndexStore.makeDecompressor().decompress($0, in: database) } == nil)
    }

    /// Too few samples make no dictionary (the run then compresses without one).
    @Test func tooFewSamplesMakeNoDictionary() {
        #expect(CompressionDictionary.train([Array("短".utf8)]) == nil)
        #expect(CompressionDictionary.train([]) == nil)
        #expect(CompressionDictionary(bytes: Array("not a dictionary".utf8)) == nil)
    }

    /// An index run of at least ``CompressionDictionary/minimumArticles`` new articles trains the index's dictionary
    /// and compresses the bodies with it; later runs reuse it; an app's connection reads the bodies through the view
    /// and deletes through the trigger (which hands FTS5 the old body) with it.
    @Test func aLargeFirstRunTrainsTheIndexsDictionaryAndEveryReaderUsesIt() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/index.db"
        let index = try SearchIndex(path: path)
        let bodies = Self.newsBodies(count: CompressionDictionary.minimumArticles)
        try index.add(contentsOf: bodies.enumerated().map { ("app://\($0.offset)", Article(title: "新闻\($0.offset)", body: $0.element)) })
        let app = try AppConnection(path)
        try SQLiteExtension.register(on: app.handle)
        #expect(try app.rows("SELECT count(*) FROM newsearch_dictionaries") == [["1"]])
        // Stored with the dictionary: far smaller than each body compressed alone.
        let stored = try app.rows("SELECT sum(length(compressed_body)) FROM newsearch_documents")
        let alone: Int = bodies.map { TextCompressor().compress($0).count }.reduce(0, +)
        let storedBytes: Int = Int((stored.first?.first ?? nil) ?? "") ?? .max
        #expect(storedBytes < alone * 3 / 4)
        #expect(try index.article(path: "app://7")?.article.body == bodies[7])
        #expect(try app.rows("SELECT body FROM newsearch_articles WHERE path = 'app://9'") == [[bodies[9]]])
        try index.add(Article(title: "快递员欠薪", body: "快递员讨薪，平台为快递员缴纳社会保险。"), path: "app://new")
        #expect(try app.rows("SELECT count(*) FROM newsearch_dictionaries") == [["1"]])
        #expect(try index.search("讨薪").hits.map(\.path) == ["app://new"])
        try app.rows("DELETE FROM newsearch_documents WHERE path = 'app://new'")
        #expect(try index.search("讨薪").total == 0)
        #expect(try app.rows("INSERT INTO newsearch_fts (newsearch_fts, rank) VALUES ('integrity-check', 1)") == [])
    }

    @Test func aSmallRunStoresNoDictionary() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: Self.newsBodies(count: 20).enumerated().map { ("app://\($0.offset)", Article(title: "新闻", body: $0.element)) })
        #expect(try index.pool.write { try $0.store.compressionDictionary() } == nil)
        #expect(try index.search("上海").total > 0)
    }

    /// Bodies of news-like sentences, each article a different mix and numbers (the same every run).
    static func newsBodies(count: Int) -> [String] {
        let sentences = ["上海市人力资源和社会保障局发布通知，", "进一步加强快递员的社会保险保障工作。", "国务院常务会议部署稳就业措施，",
                         "今年一季度国内生产总值同比增长", "记者从国家统计局了解到，", "各地积极推进乡村振兴和农业现代化，",
                         "央视网消息（新闻联播）：", "习近平总书记强调，要坚持以人民为中心的发展思想。", "粤港澳大湾区建设取得新进展，",
                         "新能源汽车产销量连续多年位居世界第一。", "专家认为，房地产市场总体保持平稳。", "春运期间铁路客流持续增长。"]
        return (0 ..< count).map { article in
            (0 ..< 8 + article % 7).map { part in
                sentences[(article * 7 + part * 3 + (article / 5 + part * part) % 3) % sentences.count]
                    + "\(article * 31 + part)。"
            }.joined()
        }
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
