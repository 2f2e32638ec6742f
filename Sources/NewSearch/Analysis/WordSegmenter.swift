/// The segmentation stage of analysis: the words of folded UTF-8 text. ICU's dictionary word breaker
/// (``WordBreaker``) is the one implementation, chosen in ``Analyzer/segmenter``; the analysis stamp records the
/// segmenter's name and version, since another segmenter, or another version of it, may cut words elsewhere.
protocol WordSegmenter: AnyObject {
    /// The segmenter's name in the analysis stamp, such as `icu-word`.
    static var name: String { get }
    /// Its version in the stamp (for ICU's breaker, ICU's version, such as `72.1`).
    static var version: String { get }

    /// Opens what the segmenter needs.
    /// - Throws: ``AnalysisError`` when it cannot (ICU's data missing).
    init() throws

    /// The words of the folded `text`, in order, written into `segments` (replacing what it held); spaces,
    /// punctuation and symbols are not words.
    func segment(_ text: UnsafeBufferPointer<UInt8>, into segments: inout [WordSegment])
}
