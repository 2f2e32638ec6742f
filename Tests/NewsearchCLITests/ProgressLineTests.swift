import Foundation
import NewSearch
@testable import NewsearchCLI
import Testing

/// The progress of `newsearch index`, with the clock given: the line, and when a log (not a terminal) gets one.
@Suite struct ProgressLineTests {
    private let started = Date(timeIntervalSince1970: 1_000_000)

    @Test func aLineShowsFilesRateAndTimeLeft() {
        let reporter = IndexProgressReporter(interactive: false, started: started)
        #expect(reporter.line(done: 1000, total: 3000, now: started.addingTimeInterval(2))
                == "Indexing: 1000/3000 files, 500 articles/s, 4 s left")
        #expect(reporter.line(done: 0, total: 3000, now: started) == "Indexing: 0/3000 files")
        #expect(IndexProgressReporter.duration(125) == "2 min 05 s")
        #expect(IndexProgressReporter.duration(3780) == "1 h 03 min")
    }

    @Test func aLogGetsALineEveryTwoSeconds() {
        let reporter = IndexProgressReporter(interactive: false, started: started)
        let times: [TimeInterval] = [0.5, 1.9, 2.1, 3.0, 4.2, 4.3, 6.5]
        let lines = times.enumerated().map { step, time in
            reporter.output(done: (step + 1) * 256, total: 4096, now: started.addingTimeInterval(time))
        }
        #expect(lines.map { $0 != nil } == [false, false, true, false, true, false, true])
        #expect(lines.compactMap { $0 }.allSatisfy { $0.hasPrefix("Indexing: ") && $0.hasSuffix(" left\n") })
    }

    @Test func aTerminalGetsEveryStepRedrawnInPlace() {
        let reporter = IndexProgressReporter(interactive: true, started: started)
        let output = reporter.output(done: 256, total: 512, now: started.addingTimeInterval(0.1))
        #expect(output == "\rIndexing: 256/512 files, 2560 articles/s, 1 s left\u{1B}[K")
    }

    @Test func theFrequentTermsGetOneLineOnce() {
        let log = IndexProgressReporter(interactive: false, started: started)
        let first = log.output(IndexProgress(done: 0, total: 964, phase: .frequentTerms), now: started)
        #expect(first == "Ranking the first page of 964 frequent terms\n")
        #expect(log.output(IndexProgress(done: 64, total: 964, phase: .frequentTerms), now: started.addingTimeInterval(9)) == nil)
        let terminal = IndexProgressReporter(interactive: true, started: started)
        #expect(terminal.output(IndexProgress(done: 0, total: 3, phase: .frequentTerms), now: started)
                == "\rRanking the first page of 3 frequent terms\u{1B}[K")
    }
}
