import Foundation

extension CLI {
    /// Python that runs its arguments as a command on a pseudo-terminal (standard input, output and error all on
    /// it), copies everything the command wrote to its own standard output, and exits with the command's status.
    static let pseudoTerminalScript = """
        import os, pty, sys
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(sys.argv[1], sys.argv[1:])
        output = b""
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        _, status = os.waitpid(pid, 0)
        sys.stdout.buffer.write(output)
        sys.exit(os.waitstatus_to_exitcode(status))
        """

    /// Runs `newsearch arguments…` on a pseudo-terminal, as in an interactive shell with `TERM=xterm` unless
    /// `environment` says otherwise. `stdout` is everything the terminal showed (standard output and error,
    /// lines ending in `\r\n`); `stderr` is what went wrong in the Python harness, if anything.
    func runOnTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = self.process(arguments, environment: ["TERM": "xterm"].merging(environment) { $1 })
        let command = [Self.executable.path] + arguments
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.pseudoTerminalScript] + command
        return try Self.collect(process, input: nil)
    }

    /// Runs `newsearch arguments…` as ``run(_:environment:input:)`` does, the arguments given as an array.
    func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Output {
        try Self.collect(process(arguments, environment: environment), input: input)
    }

    /// Runs `python3 -c code` with `input` on standard input, in ``directory``.
    func python(_ code: String, input: String) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code]
        process.currentDirectoryURL = directory
        return try Self.collect(process, input: input)
    }

    /// Runs `process` to its end, writing `input` (if any) to its standard input, and returns what it printed.
    static func collect(_ process: Process, input: String?) throws -> Output {
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}
