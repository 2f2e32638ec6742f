import BenchmarkSupport
import Foundation
import NewSearch

/// Ranking quality by known-item evaluation, and what each ranking signal is worth (ablation).
///
///     swift run -c release evaluate [CORPUS_DIR]        (from Benchmarks/; default ../../shared/corpus)
///
/// Indexes the corpus into a new file, draws two known-item sets with fixed seeds (``KnownItems``: 300 titles,
/// 300 body queries of two words), and runs both under the standard model and under each variant of it
/// (one signal switched off or changed), printing MRR@10 and success@1/@10 per set and variant.
///
/// EVALUATE_MISSES=1 lists the misses, EVALUATE_GRID=1 searches k1, b and the title's figures instead (``grid``),
/// EVALUATE_SETS=DIR writes the sets for other engines (`Scripts/peer-known-items.py`).
@main
enum Evaluate {
    static let titleSeed: UInt64 = 20_261_201
    static let bodySeed: UInt64 = 12
    static let itemsPerSet = 300

    /// Typical news queries with graded hits. The grade of a hit is written down as a rule on its title, which a
    /// reader sees first and which says what the article is about: 2 when the title holds every term of the query
    /// (the article is about it), 1 when it holds some, 0 when none (the body mentions it). nDCG@10 against the
    /// best order of the whole hit set.
    static let gradedQueries = [
        "快递员 社会保险", "欠薪", "一带一路", "新冠 疫苗", "房价 调控", "人民币 汇率", "垃圾分类", "北京 冬奥会",
        "乡村振兴", "粮食安全", "人工智能", "长江经济带", "农民工 工资", "疫情 防控", "脱贫攻坚", "碳达峰",
    ]

    /// The graded queries of one term, and of several: the two graded classes.
    static let oneTermQueries = gradedQueries.filter { !$0.contains(" ") }
    static let severalTermQueries = gradedQueries.filter { $0.contains(" ") }

    /// The standard model and its variants: one figure changed each.
    static var variants: [(name: String, parameters: RankingParameters)] {
        let standard = RankingParameters.standard
        func with(_ change: (inout RankingParameters) -> Void) -> RankingParameters {
            var parameters = standard
            change(&parameters)
            return parameters
        }
        return [
            ("standard: BM25F, k1 2, title 3, alignment 0.6, proximity 0.05, characters 0.4 above 0.5, lead 0.05, "
                + "series ×0.8", standard),
            ("no series (the model of 2026-12-07 morning)", with { $0.seriesFactor = 1 }),
            ("series ×⅔", with { $0.seriesFactor = 2.0 / 3.0 }),
            ("series ×0.5", with { $0.seriesFactor = 0.5 }),
            ("no query characters", with { $0.characterBoost = 0 }),
            ("no lead", with { $0.leadBoost = 0 }),
            ("neither characters nor lead nor series (the model of 2026-12-06)", with {
                $0.characterBoost = 0; $0.leadBoost = 0; $0.seriesFactor = 1 }),
            ("characters 0.5 with no floor (measured 2026-12-07)", with { $0.characterBoost = 0.5; $0.characterFloor = 0 }),
            ("characters 0.25", with { $0.characterBoost = 0.25 }),
            ("characters 0.6", with { $0.characterBoost = 0.6 }),
            ("character floor 0.3", with { $0.characterFloor = 0.3 }),
            ("character floor 0.7", with { $0.characterFloor = 0.7 }),
            ("lead 0.1", with { $0.leadBoost = 0.1 }),
            ("lead within 50", with { $0.leadWindow = 50 }),
            ("lead within 200", with { $0.leadWindow = 200 }),
            ("the model until 2026-12-06: k1 1.2, title 5, title match bonus 0.5, alignment 0.3", with {
                $0.k1 = 1.2; $0.titleWeight = 5; $0.titleMatchBonus = 0.5; $0.wordAlignmentBoost = 0.3 }),
            ("model before: per-column bm25, title 5, proximity 0.5", with {
                $0.combinesColumns = false; $0.titleMatchBonus = 0; $0.proximityBoost = 0.5 }),
            ("per-column bm25 (not BM25F)", with { $0.combinesColumns = false }),
            ("no title match bonus", with { $0.titleMatchBonus = 0 }),
            ("no title match bonus, title 10 (the model of 2026-12-01 morning)", with {
                $0.titleMatchBonus = 0; $0.titleWeight = 10 }),
            ("title match bonus 0.25", with { $0.titleMatchBonus = 0.25 }),
            ("title match bonus 1", with { $0.titleMatchBonus = 1 }),
            ("title weight 3", with { $0.titleWeight = 3 }),
            ("title weight 10", with { $0.titleWeight = 10 }),
            ("no word alignment", with { $0.wordAlignmentBoost = 0 }),
            ("word alignment 0.3", with { $0.wordAlignmentBoost = 0.3 }),
            ("word alignment 1.0", with { $0.wordAlignmentBoost = 1.0 }),
            ("no proximity", with { $0.proximityBoost = 0 }),
            ("proximity 0.5", with { $0.proximityBoost = 0.5 }),
            ("proximity window 4", with { $0.proximityWindow = 4 }),
            ("proximity window 32", with { $0.proximityWindow = 32 }),
            ("k1 0.6", with { $0.k1 = 0.6 }),
            ("k1 2.0", with { $0.k1 = 2.0 }),
            ("b 0.3", with { $0.b = 0.3 }),
            ("b 0.9", with { $0.b = 0.9 }),
        ]
    }

    static func main() throws {
        var package = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 3 { package.deleteLastPathComponent() }
        let arguments = CommandLine.arguments.dropFirst()
        let candidates = arguments.first.map { [$0] }
            ?? ["../../shared/corpus", package.appendingPathComponent("../../shared/corpus").standardizedFileURL.path]
        guard let corpus = ArticleFiles.firstDirectory(candidates) else {
            print("skipped: corpus not found (looked for \(candidates.joined(separator: ", ")))")
            return
        }
        let folder = try ArticleFiles.temporaryDirectory("evaluate")
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = try SearchIndex(path: folder.appendingPathComponent("index.db").path)
        let report = try index.index([corpus])
        print("# Known-item evaluation\n\n- corpus: \(corpus), \(report.indexed) articles")
        let documents = try ArticleFiles.paths(under: corpus).compactMap { path -> KnownItems.Document? in
            guard let stored = try index.article(path: path) else { return nil }
            return KnownItems.Document(path: stored.path, title: stored.article.title, body: stored.article.body)
        }
        let titles = KnownItems.titles(documents, count: itemsPerSet, seed: titleSeed)
        let words = KnownItems.BodyWords(documents, analyzer: try Analyzer())
        let bodies = KnownItems.bodies(documents, words: words, count: itemsPerSet, seed: bodySeed)
        let rareBodies = KnownItems.bodies(documents, words: words, count: itemsPerSet, seed: bodySeed,
                                           rareShare: rareShare)
        print("- sets: \(titles.count) titles (seed \(titleSeed)), \(bodies.count) body queries (seed \(bodySeed))")
        // EVALUATE_SETS=DIR writes both sets as TSV (query, path) and the graded queries, so that other engines
        // can be measured on the same sets (`Scripts/peer-known-items.py`).
        if let directory = ProcessInfo.processInfo.environment["EVALUATE_SETS"] {
            for (name, items) in [("titles", titles), ("bodies", bodies), ("bodies-rare", rareBodies)] {
                let lines = items.map { "\($0.query)\t\($0.path)\n" }.joined()
                try lines.write(toFile: directory + "/\(name).tsv", atomically: true, encoding: .utf8)
            }
            try gradedQueries.map { $0 + "\n" }.joined()
                .write(toFile: directory + "/graded.txt", atomically: true, encoding: .utf8)
        }
        print("- body query examples: " + bodies.prefix(5).map { "`\($0.query)`" }.joined(separator: ", ") + "\n")
        // EVALUATE_MISSES=1 lists the body queries of the first 60 whose article is not in the top 10.
        if ProcessInfo.processInfo.environment["EVALUATE_MISSES"] != nil {
            for item in bodies.prefix(60) {
                let results = try index.search(item.query, options: SearchOptions(limit: nil))
                let rank = results.hits.firstIndex { $0.path == item.path }
                if rank.map({ $0 >= 10 }) ?? true {
                    print("miss: `\(item.query)` rank \(rank.map { "\($0 + 1)" } ?? "none") of \(results.total): "
                        + "\(item.path); first: " + results.hits.prefix(3).map(\.path).joined(separator: ", "))
                }
            }
        }
        print("- graded: \(gradedQueries.count) typical queries, grades by title (see `gradedQueries`)\n")
        // EVALUATE_MISSES=1 also lists each graded query's nDCG@10 under the standard model when below 1.
        if ProcessInfo.processInfo.environment["EVALUATE_MISSES"] != nil {
            for query in gradedQueries {
                let score = try nDCG([query], index: index, parameters: .standard)
                if score < 1 { print("graded: `\(query)` nDCG@10 " + String(format: "%.3f", score)) }
            }
            print("")
        }
        if ProcessInfo.processInfo.environment["EVALUATE_GRID"] != nil {
            let check = KnownItems.bodies(documents, words: words, count: itemsPerSet, seed: checkSeed)
            try grid(titles: titles, bodies: bodies, check: check, rare: rareBodies, index: index,
                     graded: GradedSet(folder: package.appendingPathComponent("Graded")))
            return
        }
        if let graded = GradedSet(folder: package.appendingPathComponent("Graded")) {
            try evaluateGraded(graded, index: index)
        }
        print("| variant | title MRR@10 | title s@1 | title s@10 | body MRR@10 | body s@1 | body s@10 | graded nDCG@10: one term | several terms |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for (name, parameters) in variants {
            let title = try measure(titles, index: index, parameters: parameters)
            let body = try measure(bodies, index: index, parameters: parameters)
            let one = try nDCG(oneTermQueries, index: index, parameters: parameters)
            let several = try nDCG(severalTermQueries, index: index, parameters: parameters)
            print("| \(name) | " + [title.mrr, title.at1, title.at10, body.mrr, body.at1, body.at10, one, several]
                .map { String(format: "%.3f", $0) }.joined(separator: " | ") + " |")
        }
        print("\nDiagnostic body set of rare words (each in at most \(Int(rareShare * 100))% of bodies; "
              + "e.g. " + rareBodies.prefix(3).map { "`\($0.query)`" }.joined(separator: ", ") + "):\n")
        print("| variant | body MRR@10 | body s@1 | body s@10 |\n| --- | ---: | ---: | ---: |")
        for (name, parameters) in variants.prefix(4) {
            let rare = try measure(rareBodies, index: index, parameters: parameters)
            print("| \(name) | " + [rare.mrr, rare.at1, rare.at10].map { String(format: "%.3f", $0) }
                .joined(separator: " | ") + " |")
        }
    }

    /// The graded set (``GradedSet``): newsearch beside the peers per class, the articles left to judge, and each
    /// variant's nDCG@10 per class (the ablation) with the unjudged articles of its top 10s. EVALUATE_UNJUDGED=FILE
    /// writes every unjudged pair there, the standard model's first, then those of the variants.
    static func evaluateGraded(_ graded: GradedSet, index: SearchIndex) throws {
        func rankings(_ parameters: RankingParameters) throws -> [String: [String]] {
            try gradedRankings(graded, index: index, parameters: parameters)
        }
        let standard = try rankings(.standard)
        print("# Graded evaluation\n\n- \(graded.queries.count) queries, "
              + "\(graded.grades.values.reduce(0) { $0 + $1.count }) judged pairs (`Graded/`); peers: "
              + graded.runs.map(\.engine).joined(separator: ", ") + "\n")
        print(graded.table(standard) + "\n")
        let unjudged = graded.unjudged(standard)
        print("- newsearch's top 10 holds \(unjudged.count) unjudged articles (left out of its ranking, not counted as 0)"
              + (unjudged.isEmpty ? "" : ": " + unjudged.prefix(12).map { "`\($0.replacingOccurrences(of: "\t", with: " "))`" }
                    .joined(separator: ", ") + (unjudged.count > 12 ? ", …" : "")))
        var toJudge = unjudged, listed = Set(unjudged)
        print("\n| variant | " + GradedSet.classes.map(\.label).joined(separator: " | ")
              + " | all but traditional | unjudged in top 10s |")
        print("| --- |" + String(repeating: " ---: |", count: GradedSet.classes.count + 2))
        for (name, parameters) in variants {
            let ranked = try rankings(parameters)
            let figures = graded.perClass(ranked), left = graded.unjudged(ranked)
            toJudge += left.filter { listed.insert($0).inserted }
            print("| \(name) | " + (GradedSet.classes.map(\.kind) + ["all"])
                .map { figures[$0].map { String(format: "%.3f", $0.nDCG) } ?? "–" }.joined(separator: " | ")
                + " | \(left.count) |")
        }
        print("")
        if let file = ProcessInfo.processInfo.environment["EVALUATE_UNJUDGED"] {
            try toJudge.map { $0 + "\n" }.joined().write(toFile: file, atomically: true, encoding: .utf8)
        }
    }

    /// newsearch's ranking of each graded query under `parameters`: article file names, best first (20, so that
    /// a condensed ranking still has ten when a few are unjudged).
    static func gradedRankings(_ graded: GradedSet, index: SearchIndex,
                               parameters: RankingParameters) throws -> [String: [String]] {
        var rankings: [String: [String]] = [:]
        for query in graded.queries {
            var options = SearchOptions(limit: 20)
            options.ranking = parameters
            rankings[query.id] = try index.search(query.text, options: options).hits
                .map { URL(fileURLWithPath: $0.path).lastPathComponent }
        }
        return rankings
    }

    /// The largest share of bodies a word of the diagnostic "rare words" body set may occur in: 1%.
    static let rareShare = 0.01

    /// The seed of a second body set, which the grid reports beside the first so that a setting chosen on one
    /// set can be checked on another.
    static let checkSeed: UInt64 = 13

    /// EVALUATE_GRID=1: title and body MRR@10 (both body sets and the rare words') and the graded set's nDCG@10 per
    /// class (``GradedSet``) of every combination of k1, b, title weight and title match bonus around the standard
    /// model, best graded figure over all classes but traditional first.
    static func grid(titles: [KnownItems.Item], bodies: [KnownItems.Item], check: [KnownItems.Item], rare: [KnownItems.Item],
                     index: SearchIndex, graded: GradedSet?) throws {
        var rows: [(score: Double, line: String)] = []
        for k1 in [1.2, 1.6, 2.0, 2.5] { for b in [0.5, 0.75] { for titleWeight in [2.0, 3.0, 5.0] {
            for bonus in [0.0, 0.25, 0.5] {
                var parameters = RankingParameters.standard
                parameters.k1 = k1
                parameters.b = b
                parameters.titleWeight = titleWeight
                parameters.titleMatchBonus = bonus
                let title = try measure(titles, index: index, parameters: parameters).mrr
                let body = try measure(bodies, index: index, parameters: parameters).mrr
                let second = try measure(check, index: index, parameters: parameters).mrr
                let rareWords = try measure(rare, index: index, parameters: parameters).mrr
                var figures = [title, body, second, rareWords]
                if let graded {
                    let classes = graded.perClass(try gradedRankings(graded, index: index, parameters: parameters))
                    figures += (GradedSet.classes.map(\.kind) + ["all"]).map { classes[$0]?.nDCG ?? 0 }
                }
                rows.append((figures.last ?? body, "| \(k1) | \(b) | \(titleWeight) | \(bonus) | "
                    + figures.map { String(format: "%.3f", $0) }.joined(separator: " | ") + " |"))
            }
        } } }
        let gradedColumns = graded == nil ? [] : GradedSet.classes.map(\.label) + ["graded: all but traditional"]
        print("| k1 | b | title weight | title match bonus | title MRR@10 | body MRR@10 (seed \(bodySeed)) "
            + "| body MRR@10 (seed \(checkSeed)) | rare words | " + gradedColumns.joined(separator: " | ") + " |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + String(repeating: " ---: |", count: gradedColumns.count))
        for row in rows.sorted(by: { $0.score > $1.score }) { print(row.line) }
    }

    /// The grade of a hit titled `title` for `query` (see ``gradedQueries``).
    static func grade(_ title: String, _ query: String) -> Double {
        let terms = query.split(separator: " ")
        let held = terms.filter { title.contains($0) }.count
        return held == terms.count ? 2 : held > 0 ? 1 : 0
    }

    /// Mean nDCG@10 over `queries` (graded ones) under `parameters`.
    static func nDCG(_ queries: [String], index: SearchIndex, parameters: RankingParameters) throws -> Double {
        func dcg(_ grades: [Double]) -> Double {
            grades.prefix(10).enumerated().reduce(0) { $0 + (pow(2, $1.element) - 1) / log2(Double($1.offset) + 2) }
        }
        var total = 0.0
        for query in queries {
            var options = SearchOptions(limit: nil)
            options.ranking = parameters
            let hits = try index.search(query, options: options).hits
            let grades = hits.map { grade($0.title.text, query) }
            let ideal = dcg(grades.sorted(by: >))
            total += ideal > 0 ? dcg(grades) / ideal : 0
        }
        return total / Double(max(1, queries.count))
    }

    /// MRR@10 and success@1/@10 of `items` under `parameters`.
    static func measure(_ items: [KnownItems.Item], index: SearchIndex,
                        parameters: RankingParameters) throws -> (mrr: Double, at1: Double, at10: Double) {
        var reciprocal = 0.0, first = 0, topTen = 0
        for item in items {
            var options = SearchOptions(limit: 10)
            options.ranking = parameters
            let hits = try index.search(item.query, options: options).hits
            guard let rank = hits.firstIndex(where: { $0.path == item.path }) else { continue }
            reciprocal += 1 / Double(rank + 1)
            if rank == 0 { first += 1 }
            topTen += 1
        }
        let count = Double(max(1, items.count))
        return (reciprocal / count, Double(first) / count, Double(topTen) / count)
    }
}
