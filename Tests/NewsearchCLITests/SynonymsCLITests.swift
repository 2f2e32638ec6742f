import Foundation
import Testing

/// `newsearch index --synonyms FILE` on an index of the project's `corpus/` (issue 25, item 7).
@Suite final class SynonymsCLITests {
    private let cli: CLI

    init() throws {
        cli = try CLI.withIndexedCorpus()
    }

    deinit {
        cli.remove()
    }

    private func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: cli.directory.appendingPathComponent(name))
    }

    private func json(_ arguments: String...) throws -> [String: Any] {
        let output = try cli.run(arguments)
        #expect(output.status == 0 || output.status == 1, "\(arguments): \(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output.stdout)")
    }

    private func total(_ query: String) throws -> Int {
        try #require(try json("query", "--json", query)["total"] as? Int)
    }

    @Test func storedSynonymsMakeATermFindItsGroup() throws {
        let alone = try total("发改委"), either = try total("发改委 OR 国家发展改革委")
        #expect(either > alone, "corpus/ holds 国家发展改革委 where 发改委 is not")
        try write("# 部委\n发改委 国家发展改革委\n医保 医疗保险\n", to: "synonyms.txt")
        let stored = try cli.run("index", "--synonyms", "synonyms.txt")
        #expect(stored.status == 0 && stored.stdout.contains("2 groups"), "\(stored)")
        #expect(try total("发改委") == either)
        #expect(try total("医保") == (try total("医保 OR 医疗保险")))
        #expect(try json("stats", "--json")["synonym_groups"] as? Int == 2)
        #expect(try cli.run("stats").stdout.contains("2 groups"))
        // --explain shows the expansion, and every member is marked.
        let explained = try cli.run("query", "--explain", "--color", "never", "发改委")
        #expect(explained.stdout.contains("Synonyms:   发改委 → 发改委 OR 国家发展改革委"), "\(explained.stdout)")
        #expect(explained.stdout.contains("[国家发展改革委]"), "\(explained.stdout)")
        let answer = try json("query", "--json", "--explain", "发改委")
        #expect((answer["explain"] as? [String: Any])?["synonyms"] as? [String: [String]] == ["发改委": ["国家发展改革委"]])
        // Given again, the option replaces the groups; with folders, the run indexes them as well.
        try write("医保 医疗保险\n", to: "synonyms.txt")
        let again = try cli.run("index", "--synonyms", "synonyms.txt", CLI.corpus)
        #expect(again.status == 0 && again.stdout.contains("1 group"), "\(again)")
        #expect(try total("发改委") == alone)
    }

    @Test func aBadSynonymsFileChangesNothingAndSaysWhere() throws {
        try write("发改委 国家发展改革委\n医保\n", to: "bad.txt")
        let refused = try cli.run("index", "--synonyms", "bad.txt")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("bad.txt: line 2: a group needs two words or more"), "\(refused.stderr)")
        #expect(try json("stats", "--json")["synonym_groups"] as? Int == 0)
        let missing = try cli.run("index")
        #expect(missing.status == 64 && missing.stderr.contains("--synonyms FILE alone"), "\(missing.stderr)")
    }
}
