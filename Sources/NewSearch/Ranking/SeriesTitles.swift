import Foundation

/// The titles that a series of articles shares: a daily roundup (国内联播快讯, 国际联播快讯), a recurring report
/// (国家卫生健康委通报最新疫情), any title at least ``Ranking/seriesSize`` articles of the index bear. Such an article
/// gathers several short items under a title that says nothing of them, so one of its items matching a query makes
/// it a poor answer; the second phase lowers it (``Ranking/seriesFactor``).
///
/// Titles are known by their key (``key(of:)``), which each article's statistics row holds; the store counts the
/// articles under each key (`newsearch_titles`) and hands the keys of the series to the ranker with the article
/// figures, read once per version of the index (a few keys, from an index of the counts).
struct SeriesTitles: Sendable, Equatable {
    private let keys: Set<Int64>

    /// The series whose titles have `keys`.
    init(keys: some Sequence<Int64>) {
        self.keys = Set(keys)
    }

    /// No series: every factor 1.
    static let none = SeriesTitles(keys: [])

    /// Whether there is no series (the first phase then needs no room for the series' factor).
    var isEmpty: Bool { keys.isEmpty }

    /// The number of series.
    var count: Int { keys.count }

    /// Whether the title whose key is `key` is a series' title.
    @inline(__always)
    func contains(_ key: Int64) -> Bool {
        !keys.isEmpty && keys.contains(key)
    }

    /// The key of `title`: the 64-bit FNV-1a hash of its UTF-8 without surrounding white space, so that the same
    /// title typed with a trailing space is the same title. Stable across processes and versions (it is stored).
    static func key(of title: String) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in title.trimmingCharacters(in: .whitespacesAndNewlines).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: hash)
    }
}
