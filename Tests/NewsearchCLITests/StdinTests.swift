import Foundation
import Testing

/// `newsearch query --stdin` as a conversation: each line is answered at once, while standard input stays open.
@Suite final class StdinTests {
    private let cli: CLI
    private let index: String

    init() throws {
        cli = try CLI.withIndexedCorpus(index: "stdin.db")
        index = cli.directory.appendingPathComponent("stdin.db").path
    }

    deinit {
        cli.remove()
    }

    private func object(_ line: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
    }

    @Test func eachLineIsAnsweredBeforeStandardInputCloses() throws {
        let session = try cli.start("query", "--stdin", "--index", index)
        defer { session.stop() }

        try session.write("欠薪\n")
        let first = try #require(session.nextLine(timeout: 30), "no answer to 欠薪 within 30 s; stderr: \(session.stderr)")
        let answer = try object(first)
        #expect(answer["query"] as? String == "欠薪")
        #expect((answer["total"] as? Int ?? 0) >= 1, "\(first)")

        try session.write("\n")
        let second = try #require(session.nextLine(timeout: 30), "no answer to a blank line within 30 s")
        let error = try object(second)
        #expect(error["error"] is String, "\(second)")
        #expect(error["query"] as? String == "")

        let status = try #require(try session.finish(timeout: 30), "did not exit within 30 s of standard input closing")
        #expect(status == 0, "\(session.stderr)")
        #expect(session.nextLine(timeout: 0) == nil, "an answer after the last line")
    }
}

/// A running `newsearch` whose standard input stays open, read line by line on a background thread.
final class CLISession: @unchecked Sendable {
    private let process: Process
    private let input: FileHandle
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var buffer = Data()
    private var errors = Data()
    private var outputEnded = false
    private var inputClosed = false

    init(process: Process, input: FileHandle, output: FileHandle, error: FileHandle) {
        self.process = process
        self.input = input
        Thread.detachNewThread { [self] in
            while true {
                let chunk = output.availableData
                condition.lock()
                if chunk.isEmpty { outputEnded = true } else { buffer.append(chunk) }
                condition.broadcast()
                condition.unlock()
                if chunk.isEmpty { return }
            }
        }
        Thread.detachNewThread { [self] in
            let data = error.readDataToEndOfFile()
            condition.lock()
            errors = data
            condition.unlock()
        }
    }

    /// What the command wrote to standard error so far (all of it once it has exited).
    var stderr: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: errors, as: UTF8.self)
    }

    func write(_ text: String) throws {
        try input.write(contentsOf: Data(text.utf8))
    }

    /// The next whole line of standard output without its newline, or nil if none arrives within `timeout` seconds
    /// (or the output ends first).
    func nextLine(timeout: TimeInterval) -> String? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex ..< newline]
                buffer.removeSubrange(buffer.startIndex ... newline)
                return String(decoding: line, as: UTF8.self)
            }
            if outputEnded || !condition.wait(until: deadline) { return nil }
        }
    }

    /// Closes standard input and returns the exit status, or nil if the command has not exited within `timeout`.
    func finish(timeout: TimeInterval) throws -> Int32? {
        try closeInput()
        let deadline = Date(timeIntervalSinceNow: timeout)
        while process.isRunning {
            if Date() > deadline { return nil }
            usleep(10_000)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func closeInput() throws {
        guard !inputClosed else { return }
        inputClosed = true
        try input.close()
    }

    /// Ends the command if it is still running (a failed test must not leave it behind).
    func stop() {
        try? closeInput()
        if process.isRunning { process.terminate() }
    }
}

extension CLI {
    /// Starts `newsearch arguments…` with pipes for its standard streams, as `run` sets up its environment.
    func start(_ arguments: String...) throws -> CLISession {
        let process = self.process(arguments)
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return CLISession(process: process, input: stdin.fileHandleForWriting, output: stdout.fileHandleForReading,
                          error: stderr.fileHandleForReading)
    }
}
