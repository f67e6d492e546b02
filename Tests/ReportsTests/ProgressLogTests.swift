import Testing

@testable import Reports

/// `ProgressLog.timed`: the value and the seconds returned, the same seconds added to the phase.
@Suite struct ProgressLogTests {
    /// Two timed runs of one phase add up in the timings; each returns its own value and seconds.
    @Test func timedReturnsTheSecondsItRecords() throws {
        let timings = PhaseTimings()
        let log = ProgressLog(isQuiet: true, timings: timings)
        let first = log.timed("matrix") { (1...1000).reduce(0, +) }
        let second = log.timed("matrix") { "done" }
        #expect(first.value == 500_500 && second.value == "done")
        #expect(first.seconds >= 0 && second.seconds >= 0)
        #expect(timings.recordedPhases == ["matrix": first.seconds + second.seconds])
    }

    /// Without timings the work still runs and returns its seconds.
    @Test func timedWithoutTimings() {
        let result = ProgressLog(isQuiet: true).timed("solve") { 42 }
        #expect(result.value == 42 && result.seconds >= 0)
    }
}
