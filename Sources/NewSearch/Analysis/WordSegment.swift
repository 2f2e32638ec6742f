/// One word found in folded text: its UTF-8 byte range there, and whether it is Chinese or Japanese script (whose
/// words touch without spaces, so that a space between them in a query does not separate them).
struct WordSegment: Equatable, Sendable {
    var start: Int
    var end: Int
    var isCJK: Bool
}
