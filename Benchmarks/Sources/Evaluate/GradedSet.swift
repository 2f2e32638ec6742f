import Foundation

/// The graded evaluation of issue 24 (`Benchmarks/Graded/`): queries in seven classes, the articles that newsearch
/// and the peers returned in their top 10 pooled and graded 0–3 by judges blind to the engines
/// (`../shared/research/relevance-judging.md`), and the peers' top 10 as they were pooled (`runs/ENGINE.tsv`).
///
/// A ranking is scored by nDCG@10 (gain 2^grade − 1, against the ideal order of every judged article of the
/// query) and P@10 (grades of 2 or more). An article no judge graded for the query is left out of the ranking
/// (condensed nDCG: the next judged one moves up) and listed, never counted as 0; queries without a relevant
/// article are left out.
struct GradedSet {
    struct Query {
        var id: String
        var kind: String
        var text: String
    }

    /// The classes, in the order of the issue's table, with their labels.
    static let classes: [(kind: String, label: String)] = [
        ("words", "words"), ("several", "several words"), ("part", "part of a word"), ("short", "1–2 characters"),
        ("mixed", "mixed scripts"), ("phrase", "quoted phrases"), ("traditional", "traditional characters"),
    ]

    let queries: [Query]
    /// Query id → article file name → grade.
    let grades: [String: [String: Int]]
    /// Engine → query id → its top 10, article file names.
    let runs: [(engine: String, ranking: [String: [String]])]

    /// The set in `folder`, or nil when it has no queries.
    init?(folder: URL) {
        func rows(_ name: String) -> [[String]] {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { return [] }
            return text.split(separator: "\n").filter { !$0.hasPrefix("#") }
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        }
        queries = rows("queries.tsv").filter { $0.count >= 3 }.map { Query(id: $0[0], kind: $0[1], text: $0[2]) }
        guard !queries.isEmpty else { return nil }
        var grades: [String: [String: Int]] = [:]
        for row in rows("grades.tsv") where row.count >= 3 { grades[row[0], default: [:]][row[1]] = Int(row[2]) }
        self.grades = grades
        let engines = ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("runs").path)) ?? [])
            .filter { $0.hasSuffix(".tsv") && $0 != "newsearch.tsv" }.sorted()
        runs = engines.map { file in
            var ranking: [String: [String]] = [:]
            for row in rows("runs/" + file) where row.count >= 3 { ranking[row[0], default: []].append(row[2]) }
            return (String(file.dropLast(4)), ranking)
        }
    }

    /// One query's figures for `ranking` (article file names, best first), or nil for a query with no relevant
    /// article judged; `unjudged`: the articles of the ranking's top that no judge graded.
    func score(_ ranking: [String], for query: Query) -> (nDCG: Double, precision: Double, unjudged: [String])? {
        let judged = grades[query.id] ?? [:]
        func gain(_ grade: Int) -> Double { pow(2, Double(grade)) - 1 }
        func dcg(_ grades: [Int]) -> Double {
            grades.prefix(10).enumerated().reduce(0) { $0 + gain($1.element) / log2(Double($1.offset) + 2) }
        }
        let ideal = dcg(judged.values.sorted(by: >))
        guard ideal > 0 else { return nil }
        var seen = Set<String>()
        let unique = ranking.filter { seen.insert($0).inserted }
        let unjudged = unique.prefix(10).filter { judged[$0] == nil }
        let grades = unique.compactMap { judged[$0] }.prefix(10)
        return (dcg(Array(grades)) / ideal, Double(grades.filter { $0 >= 2 }.count) / 10, Array(unjudged))
    }

    /// Mean figures per class (and over every class but traditional) of `rankings` (query id → names).
    func perClass(_ rankings: [String: [String]]) -> [String: (nDCG: Double, precision: Double, queries: Int)] {
        var sums: [String: (nDCG: Double, precision: Double, queries: Int)] = [:]
        for query in queries {
            guard let figures = score(rankings[query.id] ?? [], for: query) else { continue }
            for kind in [query.kind] + (query.kind == "traditional" ? [] : ["all"]) {
                let sum = sums[kind] ?? (0, 0, 0)
                sums[kind] = (sum.nDCG + figures.nDCG, sum.precision + figures.precision, sum.queries + 1)
            }
        }
        return sums.mapValues { ($0.nDCG / Double($0.queries), $0.precision / Double($0.queries), $0.queries) }
    }

    /// The articles of the rankings' top 10 that no judge graded, as `query id \t article` lines.
    func unjudged(_ rankings: [String: [String]]) -> [String] {
        queries.flatMap { query in
            (rankings[query.id] ?? []).prefix(10).filter { grades[query.id]?[$0] == nil }.map { "\(query.id)\t\($0)" }
        }
    }

    /// The table of nDCG@10 and P@10 per class: newsearch's `rankings` beside every peer's run.
    func table(_ rankings: [String: [String]]) -> String {
        let engines = [("newsearch", rankings)] + runs.map { ($0.engine, $0.ranking) }
        let figures = engines.map { perClass($0.1) }
        var lines = ["| class (queries) | " + engines.map { "\($0.0) nDCG@10 | P@10" }.joined(separator: " | ") + " |",
                     "| --- |" + String(repeating: " ---: | ---: |", count: engines.count)]
        for (kind, label) in Self.classes + [("all", "all but traditional")] {
            let count = figures[0][kind]?.queries ?? 0
            lines.append("| \(label) (\(count)) | " + figures.map { perEngine in
                guard let value = perEngine[kind] else { return "– | –" }
                return String(format: "%.3f | %.2f", value.nDCG, value.precision)
            }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}
