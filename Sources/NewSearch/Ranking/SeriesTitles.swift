import Foundation

/// The titles that a series of articles shares: a daily roundup (国内联播快讯, 国际联播快讯), a recurring report
/// (国家卫生健康委通报最新疫情), any title at least ``Ranking/seriesSize`` articles of the index bear. Such an article
/// gathers several short items under a title that says nothing of them, so one of its items matching a query makes
/// it a poor answer; ranking lowers it (``Ranking/seriesFactor``), in the first phase already.
///
/// Titles are known by their key (``key(of:)``), which each article's statistics row holds. The store counts the
/// articles under each key (`newsearch_titles`); when a title's ``Ranking/seriesSize``-th article comes, every
/// article under it gets the series mark in its figures (``ArticleFigures/Entry/isSeries``), and the statistics'
/// delete trigger clears the marks when the title falls below. Ranking reads the mark with the lengths, so a query
/// reads nothing more.
enum SeriesTitles {
    /// The key of a title of no text, which is never counted: articles without a title are no series.
    static let untitled: Int64 = 0

    /// The key of `title`: the 64-bit FNV-1a hash of its UTF-8 without surrounding white space, so that the same
    /// title typed with a trailing space is the same title (``untitled`` for none left). Stable across processes
    /// and versions: it is stored.
    static func key(of title: String) -> Int64 {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return untitled }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in trimmed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let key = Int64(bitPattern: hash)
        return key == untitled ? 1 : key
    }
}
