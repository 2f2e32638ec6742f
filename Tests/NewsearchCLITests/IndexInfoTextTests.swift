@testable import NewsearchCLI
import Testing

/// The lines of `newsearch stats` that format figures.
@Suite struct IndexInfoTextTests {
    /// The ×50 archive's file is 4 GB: its size once printed as "-224034816 bytes" (a 64-bit integer read as 32 bits).
    @Test func aFilePastTwoGigabytesPrintsItsWholeSize() {
        #expect(IndexInfoText.size(4_070_932_480) == "4070.9 MB (4070932480 bytes)")
        #expect(IndexInfoText.size(79_429_632) == "79.4 MB (79429632 bytes)")
    }
}
