/// What an index's tokens depend on. An index built under one stamp gives wrong answers under another, so every
/// index records its stamp, and opening it under a different one is detected.
public struct AnalysisStamp: Sendable, Equatable, CustomStringConvertible {
    public var analyzerVersion: Int
    public var icuVersion: String
    public var normalization: String
    public var dictionaryChecksum: String

    /// The stamp of this build of newsearch with `dictionary`.
    public static func current(dictionary: UserDictionary) -> AnalysisStamp {
        AnalysisStamp(analyzerVersion: Analyzer.version, icuVersion: WordBreaker.icuVersion,
                      normalization: Analyzer.normalization, dictionaryChecksum: dictionary.checksum)
    }

    public init(analyzerVersion: Int, icuVersion: String, normalization: String, dictionaryChecksum: String) {
        self.analyzerVersion = analyzerVersion
        self.icuVersion = icuVersion
        self.normalization = normalization
        self.dictionaryChecksum = dictionaryChecksum
    }

    /// The stamp stored in an index's `meta` table, if complete.
    init?(meta: [String: String]) {
        guard let version = meta["analyzer_version"].flatMap(Int.init), let icu = meta["icu_version"] else {
            return nil
        }
        self.init(analyzerVersion: version, icuVersion: icu, normalization: meta["normalization"] ?? "none",
                  dictionaryChecksum: meta["dictionary_checksum"] ?? "none")
    }

    /// The `meta` table rows that record this stamp.
    var metaEntries: [(key: String, value: String)] {
        [("analyzer_version", "\(analyzerVersion)"), ("icu_version", icuVersion),
         ("normalization", normalization), ("dictionary_checksum", dictionaryChecksum)]
    }

    public var description: String {
        "analyzer \(analyzerVersion), ICU \(icuVersion), \(normalization), dictionary \(dictionaryChecksum)"
    }
}
