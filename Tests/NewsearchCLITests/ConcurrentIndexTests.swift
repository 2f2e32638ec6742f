import Foundation
import Testing

/// One writer at a time: a second `newsearch index` on the same file waits for the first, says so, and both end
/// with every article stored once and no SQL text in their output.
@Suite struct ConcurrentIndexTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock"), "needs util-linux's flock"))
    func aRunWaitsWhileAnotherHoldsTheIndex() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run("index", CLI.corpus).status == 0)
        // Another run holds the index's lock for a moment (flock(1) takes the same kind of lock).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [cli.directory.appendingPathComponent("newsearch.db").path, "sh", "-c", "echo locked; sleep 1"]
        let signal = Pipe()
        holder.standardOutput = signal
        try holder.run()
        defer { holder.waitUntilExit() }
        // The holder prints once it has the lock.
        #expect(String(decoding: signal.fileHandleForReading.availableData, as: UTF8.self).hasPrefix("locked"))
        let second = try cli.run("index", CLI.corpus)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("waiting for another newsearch index run"), "\(second.stderr)")
        #expect(second.stdout.contains("unchanged: 291"), "\(second.stdout)")
    }

    @Test func twoRunsAtOnceStoreEveryArticleOnce() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let runs = (0 ..< 2).map { _ -> Process in
            let process = cli.process(["index", CLI.corpus])
            process.standardOutput = Pipe()
            process.standardError = Pipe()
            return process
        }
        for run in runs { try run.run() }
        var outputs: [String] = []
        for run in runs {
            let out = (run.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
            let err = (run.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
            run.waitUntilExit()
            #expect(run.terminationStatus == 0)
            outputs.append(String(decoding: out + err, as: UTF8.self))
        }
        for output in outputs { #expect(!output.contains("SQLite"), "\(output)") }
        #expect(outputs.contains { $0.contains("291 new") }, "\(outputs)")
        let paths = try cli.run("query", "--format", "paths", "--limit", "0", "--", "-龘龘龘")
        #expect(paths.stdout.split(separator: "\n").count == 291)
        #expect(Set(paths.stdout.split(separator: "\n")).count == 291)
    }
}
