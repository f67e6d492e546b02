import Foundation
import GeoCore

/// ProgressLog lines on stderr (`nuanxin: reading stations.csv`), silenced by `--quiet`, and the
/// run's phase timings (`PhaseTimings`) when `--timings` asks for them.
/// Output files never depend on it, so runs stay byte-identical.
public struct ProgressLog: Sendable {
    /// True when nothing should be printed.
    public let isQuiet: Bool
    /// Where `step(_:phase:_:)` records its wall-clock time; nil when no one asked.
    public let timings: PhaseTimings?

    /// A log that prints unless `isQuiet`, and records phases into `timings` when given.
    public init(isQuiet: Bool, timings: PhaseTimings? = nil) {
        self.isQuiet = isQuiet
        self.timings = timings
    }

    /// Prints `nuanxin: <message>` on stderr unless quiet.
    public func report(_ message: String) {
        guard !isQuiet else { return }
        FileHandle.standardError.write(Data("nuanxin: \(message)\n".utf8))
    }

    /// Runs `work`, reporting `label` before and the elapsed time after, and adds the elapsed
    /// seconds to `phase` of `timings` when both are given.
    public func step<T>(_ label: String, phase: String? = nil, _ work: () throws -> T) rethrows -> T {
        report(label)
        let clock = ContinuousClock()
        let start = clock.now
        let result = try work()
        let seconds = PhaseTimings.seconds(clock.now - start)
        if let phase { timings?.add(phase, seconds: seconds) }
        report("\(label): done in \(formatFixed(seconds, decimals: 1)) s")
        return result
    }

    /// Runs `work` silently and returns its value with its wall-clock seconds (for a summary),
    /// adding those seconds to `phase` of `timings` when given.
    public func timed<T>(_ phase: String, _ work: () throws -> T) rethrows -> (value: T, seconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try work()
        let seconds = PhaseTimings.seconds(clock.now - start)
        timings?.add(phase, seconds: seconds)
        return (value, seconds)
    }

    /// Runs `work` silently, adding its wall-clock seconds to `phase` of `timings`.
    public func time<T>(_ phase: String, _ work: () throws -> T) rethrows -> T {
        guard let timings else { return try work() }
        return try timings.measure(phase, work)
    }
}
