import Foundation
import Testing
@testable import NewSearch

/// The byte-level file names and file reading that replaced Foundation's path methods and `Data(contentsOf:)`.
@Suite struct FileReadingTests {
    @Test func fileNamePartsMatchFoundations() {
        let paths = ["corpus/000_seed.md", "/a/b/c.markdown", "a.b.MD", "noextension", "dir.md/file", ".md", "a/.md",
                     "上海/新闻.md", "trailing.", "/", "x/y.tar.gz"]
        for path in paths {
            let name = FileName.of(path)
            #expect(String(name) == (path as NSString).lastPathComponent || path == "/", "\(path)")
            #expect(String(FileName.pathExtension(of: name)) == (String(name) as NSString).pathExtension, "\(path)")
            #expect(String(FileName.stem(of: name)) == (String(name) as NSString).deletingPathExtension, "\(path)")
        }
        #expect(FileScanner.isArticleFile("news/a.MD"))
        #expect(FileScanner.isArticleFile("news/a.markdown"))
        #expect(!FileScanner.isArticleFile("news.md/a.txt"))
        #expect(!FileScanner.isArticleFile("news/.md"))
    }

    @Test func readsWholeFilesOfEverySize() throws {
        let folder = try TemporaryFolder()
        for size in [0, 1, 4095, 4096, 65_537, 1 << 20] {
            let bytes = (0 ..< size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let path = try folder.write("file\(size)", bytes)
            #expect(try FileReader.contents(of: path) == bytes, "size \(size)")
        }
    }

    @Test func unreadableFilesSayWhy() throws {
        let folder = try TemporaryFolder()
        #expect(throws: DocumentError.unreadable("No such file or directory")) {
            try FileReader.contents(of: folder.path + "/missing.md")
        }
        #expect(throws: DocumentError.unreadable("Is a directory")) { try FileReader.contents(of: folder.path) }
    }
}
