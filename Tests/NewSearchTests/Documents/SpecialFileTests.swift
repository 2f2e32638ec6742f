import Foundation
import Testing
@testable import NewSearch
#if canImport(Glibc)
import Glibc
#endif

/// FIFOs, devices, links to them and file names that are not UTF-8: skipped with an accurate reason, never
/// opened (reading a FIFO would wait forever), while the folder's articles are indexed.
@Suite struct SpecialFileTests {
    @Test func specialFilesAreSkippedWithTheirReason() throws {
        let folder = try TemporaryFolder()
        let news = folder.path + "/news"
        _ = try folder.write("news/good.md", "---\ntitle: 好文章\n---\n<p>欠薪问题</p>")
        #expect(mkfifo(news + "/pipe.md", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: news + "/zero.md", withDestinationPath: "/dev/zero")
        var name = Array((news + "/bad").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF)] + Array(".md".utf8CString)
        let descriptor = open(&name, O_CREAT | O_WRONLY, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)

        let report = try SearchIndex(path: folder.path + "/index.db").index([news])
        #expect(report.added == 1)
        let reasons = Dictionary(uniqueKeysWithValues: report.skipped.map { ($0.path, $0.reason) })
        #expect(reasons[news + "/pipe.md"]?.hasPrefix("a FIFO, not a regular file") == true, "\(reasons)")
        #expect(reasons[news + "/zero.md"]?.hasPrefix("a link to a device") == true, "\(reasons)")
        #expect(reasons[news + "/bad\u{FFFD}.md"] == #"the name is not UTF-8: "bad\377.md"; not read"#, "\(reasons)")
        #expect(report.failed.isEmpty)

        let fifoAlone = try SearchIndex(path: folder.path + "/other.db").index([news + "/pipe.md"])
        #expect(fifoAlone.skipped.map(\.reason).first?.hasPrefix("a FIFO") == true)
    }
}
