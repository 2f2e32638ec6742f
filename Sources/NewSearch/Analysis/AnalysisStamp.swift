/// What an index's tokens depend on. An index built under one stamp gives wrong answers under another, so every
/// index records its stamp, and opening it under a different one is detected.
public struct AnalysisStamp: Sendable, Equatable, CustomStringConvertible {
    /// The analyzer's version (``Analyzer/version``), bumped whenever the tokens produced for some text change.
    public var analyzerVersion: Int
    /// The segmenter that cuts words (`icu-word`: ICU's dictionary word breaker); an index that did not record
    /// one was cut by ICU's.
    public var segmenter: String
    /// The segmenter's version: for ICU's word breaker, the ICU library's, such as `72.1`, since another ICU may
    /// cut words elsewhere.
    public var icuVersion: String
    /// The folding applied before segmentation (``Analyzer/normalization``); `none` for an index that did not
    /// record one.
    public var normalization: String
    /// The user dictionary's ``UserDictionary/checksum``; `none` for no words.
    public var dictionaryChecksum: String

    /// The stamp of this build of newsearch with `dictionary`.
    public static func current(dictionary: UserDictionary) -> AnalysisStamp {
        AnalysisStamp(analyzerVersion: Analyzer.version, segmenter: Analyzer.segmenter.name,
                      icuVersion: Analyzer.segmenter.version, normalization: Analyzer.normalization,
                      dictionaryChecksum: dictionary.checksum)
    }

    /// A stamp made of the given parts; ``current(dictionary:)`` makes the one of this build.
    public init(analyzerVersion: Int, segmenter: String = "icu-word", icuVersion: String, normalization: String,
                dictionaryChecksum: String) {
        self.analyzerVersion = analyzerVersion
        self.segmenter = segmenter
        self.icuVersion = icuVersion
        self.normalization = normalization
        self.dictionaryChecksum = dictionaryChecksum
    }

    /// The stamp stored in an index's `meta` table, if complete.
    init?(meta: [String: String]) {
        guard let version = meta["analyzer_version"].flatMap(Int.init), let icu = meta["icu_version"] else {
            return nil
        }
        self.init(analyzerVersion: version, segmenter: meta["segmenter"] ?? WordBreaker.name, icuVersion: icu,
                  normalization: meta["normalization"] ?? "none",
                  dictionaryChecksum: meta["dictionary_checksum"] ?? "none")
    }

    /// The `meta` table rows that record this stamp.
    var metaEntries: [(key: String, value: String)] {
        [("analyzer_version", "\(analyzerVersion)"), ("segmenter", segmenter), ("icu_version", icuVersion),
         ("normalization", normalization), ("dictionary_checksum", dictionaryChecksum)]
    }

    /// The stamp as one line, as `newsearch stats` and ``StoreError/analysisMismatch(path:index:current:)`` show it:
    /// `analyzer 7, icu-word 72.1, nfkc_cf+traditional-simplified, dictionary none`.
    public var description: String {
        "analyzer \(analyzerVersion), \(segmenter) \(icuVersion), \(normalization), dictionary \(dictionaryChecksum)"
    }
}
