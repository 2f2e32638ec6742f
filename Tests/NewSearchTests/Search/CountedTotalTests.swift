import Foundation
import Testing
@testable import NewSearch

/// A total past the bound is reported as the bound, "at least"; a page of one term known to be that frequent is
/// ranked from the articles holding it in their title when no other can reach the page, and its hits counted only
/// up to the bound: the page is the same.
@Suite struct CountedTotalTests {
    private static func index() throws -> SearchIndex {
        try FrequentTermFixture.index()
    }

    /// `titleBonus`: the model's title match bonus; the title tier applies only to a model with one (the standard
    /// model has none: ``RelevanceModel/titleCanOutrankEveryUntitledArticle``).
    private static func options(limit: Int, countedTotal: Int, exact: Bool = false, titleBonus: Double = 0.5) -> SearchOptions {
        var options = SearchOptions(limit: limit)
        options.countedTotal = countedTotal
        options.exactTotal = exact
        options.ranking.titleMatchBonus = titleBonus
        return options
    }

    @Test(arguments: [0.0, 0.5])
    func pastTheBoundTheTotalIsALowerBoundAndThePageTheSame(titleBonus: Double) throws {
        let index = try Self.index()
        let exact = try index.search("经济", options: Self.options(limit: 5, countedTotal: 20, exact: true, titleBonus: titleBonus))
        #expect(exact.total == 70)
        #expect(exact.totalIsExact)
        // The first search counts every hit (the term's frequency is not known yet); with a title bonus the second
        // may be ranked from the title tier.
        for _ in 0 ..< 2 {
            let counted = try index.search("经济", options: Self.options(limit: 5, countedTotal: 20, titleBonus: titleBonus))
            #expect(counted.total == 20)
            #expect(!counted.totalIsExact)
            #expect(counted.hits.map(\.path) == exact.hits.map(\.path))
            #expect(counted.hits.allSatisfy { $0.path.hasPrefix("t") })
        }
    }

    /// Once a search counted the term's articles, the title tier ranks its page, with that count as the total.
    @Test func aTermKnownToBeFrequentIsRankedFromTheTitleTier() throws {
        let index = try Self.index()
        _ = try index.search("经济", options: Self.options(limit: 5, countedTotal: 20))
        let tiered = try index.pool.read { session in
            let plan = QueryCompiler.compile(QueryParser.parse("经济"), analyzer: session.searcher.analyzer)
            return QueryPlanner.execution(of: plan, ranked: true, options: Self.options(limit: 5, countedTotal: 20),
                                          frequencies: session.store.cachedFrequencies(plan.ranking.terms))
        }
        #expect(tiered.titleTier?.frequency == 70)
    }

    /// Under BM25F without a title bonus (the standard model) only the best score an untitled article reached
    /// bounds the rest: the tier is planned once a search in relevance order ranked every hit and kept that bound
    /// (a search in date order counts the term but keeps no bound), and its page is the page of every hit.
    @Test func withoutATitleBonusTheTierWaitsForTheBestUntitledScore() throws {
        let index = try Self.index()
        let standard = Self.options(limit: 5, countedTotal: 20, titleBonus: RankingParameters.standard.titleMatchBonus)
        func plan() throws -> ExecutionPlan {
            try index.pool.read { session in
                let plan = QueryCompiler.compile(QueryParser.parse("经济"), analyzer: session.searcher.analyzer)
                let term = plan.ranking.terms[0]
                return QueryPlanner.execution(
                    of: plan, ranked: true, options: standard, frequencies: session.store.cachedFrequencies([term]),
                    untitledBound: session.store.cachedUntitledBound(term, parameters: standard.ranking))
            }
        }
        var byDate = standard
        byDate.sort = .date
        _ = try index.search("经济", options: byDate)
        #expect(try plan().titleTier == nil, "the frequency is known, the untitled articles' best score is not")
        let exact = try index.search("经济", options: standard)
        let tier = try #require(try plan().titleTier)
        #expect(tier.frequency == 70 && tier.untitledBound != nil)
        // The tier settles the page on its own (no fall back to ranking every hit).
        let execution = try plan()
        let settled = try index.pool.read { session in
            _ = try session.store.figures()
            let compiled = QueryCompiler.compile(QueryParser.parse("经济"), analyzer: session.searcher.analyzer)
            return try PageRanker(store: session.store, analyzer: session.searcher.analyzer).rankTitleTier(compiled, execution, standard, cancellation: nil)
        }
        #expect(settled?.total == 70)
        let tiered = try index.search("经济", options: standard)
        #expect(tiered.hits.map(\.path) == exact.hits.map(\.path))
        #expect(tiered.hits.map(\.score) == exact.hits.map(\.score))
        #expect(tiered.hits.allSatisfy { $0.path.hasPrefix("t") })
    }

    @Test func withinTheBoundTheTotalIsExact() throws {
        let index = try Self.index()
        let results = try index.search("经济", options: Self.options(limit: 5, countedTotal: 70))
        #expect(results.total == 70)
        #expect(results.totalIsExact)
    }

    /// When the title tier cannot fill the page, every hit is ranked and counted.
    @Test func aPageTheTitlesCannotFillCountsEveryHit() throws {
        let index = try Self.index()
        _ = try index.search("经济", options: Self.options(limit: 5, countedTotal: 20))
        let results = try index.search("经济", options: Self.options(limit: 40, countedTotal: 20))
        let all = try index.search("经济", options: SearchOptions(limit: nil))
        #expect(results.total == 20)
        #expect(!results.totalIsExact)
        #expect(all.total == 70)
        #expect(results.hits.map(\.path) == Array(all.hits.prefix(40)).map(\.path))
    }
}
