import Foundation
import Testing
@testable import NewSearch

/// Synonym groups stored with an index and applied when a query runs (issue 25, item 7).
@Suite struct SynonymTests {
    /// Four articles: two with 医保 only, one with 医疗保险 only, one with both; one with neither.
    private static func index(path: String = ":memory:") throws -> SearchIndex {
        let index = try SearchIndex(path: path)
        try index.add(contentsOf: [
            ("a", Article(title: "医保改革", body: "医保支付方式改革继续推进。")),
            ("b", Article(title: "报销", body: "异地就医的医保报销更方便了。")),
            ("c", Article(title: "参保", body: "城乡居民医疗保险参保率稳定在95%以上。")),
            ("d", Article(title: "两者", body: "基本医疗保险省级统筹，深化医保支付方式改革。")),
            ("e", Article(title: "社保", body: "养老保险和社保卡。")),
        ])
        return index
    }

    @Test func aTermOfAGroupMatchesEveryMemberAsOneTerm() throws {
        let index = try Self.index()
        #expect(try index.search("医保").total == 3)
        try index.setSynonyms(Synonyms(groups: [["医保", "医疗保险"]]))
        let results = try index.search("医保", options: SearchOptions(limit: 10, explain: true))
        #expect(results.total == 4)
        #expect(results.total == (try index.search("医保 OR 医疗保险").total))
        #expect(try index.search("医疗保险").total == 4)
        // Folded as the index folds: the traditional form finds the group too.
        #expect(try index.search("醫保").total == 4)
        // One term, whose frequency is the union's: four of five articles.
        let parts = try #require(results.hits.first?.scoreParts)
        #expect(parts.terms.count == 1)
        #expect(abs(parts.terms[0].idf - RelevanceModel.idf(matching: 4, total: 5)) < 1e-9)
        // Every member is marked, in titles and snippets alike.
        let both = try #require(results.hits.first { $0.path == "d" })
        #expect(both.snippet.highlightedParts == ["医疗保险", "医保"])
        #expect(results.hits.first { $0.path == "c" }?.snippet.highlightedParts == ["医疗保险"])
        #expect(results.explanation?.terms.first?.synonyms == ["医疗保险"])
        #expect(results.explanation?.expression == #"("医保" OR "医疗保险")"#)
        // Excluding a member excludes the group.
        #expect(try index.search("参保 -医保").total == 0)
        #expect(try index.paths(matching: "医保").sorted() == ["a", "b", "c", "d"])
        #expect(try index.highlighted("医疗保险和医保", query: "医保").highlightedParts == ["医疗保险", "医保"])
    }

    @Test func storedGroupsReplaceTheOldOnesAndOutliveARebuild() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/index.db"
        do {
            let index = try Self.index(path: path)
            try index.setSynonyms(Synonyms(groups: [["医保", "医疗保险"], ["社保", "社会保险"]]))
            #expect(try index.info().synonymGroups == 2)
        }
        let reopened = try SearchIndex(path: path, readOnly: true)
        #expect(try reopened.synonyms().groups == [["医保", "医疗保险"], ["社保", "社会保险"]])
        #expect(try reopened.search("医保").total == 4)
        let writer = try SearchIndex(path: path)
        try writer.setSynonyms(Synonyms(groups: [["社保", "养老保险"]]))
        // A reader that is open sees the change from its next search.
        #expect(try reopened.search("医保").total == 3)
        #expect(try reopened.info().synonymGroups == 1)
        let rebuilt = try SearchIndex(path: path, rebuild: true)
        #expect(try rebuilt.synonyms().groups == [["社保", "养老保险"]])
        try rebuilt.setSynonyms(.empty)
        #expect(try rebuilt.info().synonymGroups == 0)
    }

    @Test(arguments: [
        ("医保\n", "line 1: a group needs two words or more"),
        ("# comment\n\n医保 医疗保险\n医保 基本医保\n", "line 4: 医保 is already in the group of line 3"),
        ("医保 医保\n", "line 1: a group needs two words or more"),
    ])
    func aBadFileIsRefusedNamingItsLine(text: String, reason: String) throws {
        let folder = try TemporaryFolder()
        let file = folder.path + "/synonyms.txt"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: AnalysisError.synonyms(file, reason.hasPrefix("line 4") ? reason + "; a term belongs to one group"
                                                : reason + ", separated by spaces")) {
            try Synonyms(contentsOf: file)
        }
    }

    @Test func aFileReadsOneGroupALine() throws {
        let folder = try TemporaryFolder()
        let file = folder.path + "/synonyms.txt"
        try Data("# 医疗\n医保 医疗保险\t基本医保\n\n发改委　国家发展改革委\n".utf8).write(to: URL(fileURLWithPath: file))
        let synonyms = try Synonyms(contentsOf: file)
        #expect(synonyms.groups == [["医保", "医疗保险", "基本医保"], ["发改委", "国家发展改革委"]])
        #expect(synonyms.text == "医保 医疗保险 基本医保\n发改委 国家发展改革委")
        #expect(throws: AnalysisError.synonyms(folder.path + "/none.txt", "cannot read the file")) {
            try Synonyms(contentsOf: folder.path + "/none.txt")
        }
    }
}
