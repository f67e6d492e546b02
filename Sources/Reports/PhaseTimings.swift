import Foundation

/// Wall-clock seconds per phase of one run, and the sizes of what it worked on, written as the
/// JSON of `--timings FILE`:
///
///     {"phases": {"load": 0.41, "snap": 0.002, "search": 0.05, "write": 0.003}, "sizes": {"stations": 11}, "total": 0.47}
///
/// Keys are sorted; seconds are plain JSON numbers (not rounded); `total` runs from the
/// recorder's creation to `json()`. Phase names fit each command; loading the network and
/// reading or writing files go under names containing `load`, `read` or `write`, so a tool can
/// tell input/output time from computing time. A phase measured twice adds up.
/// Safe to use from several threads (one lock).
public final class PhaseTimings: @unchecked Sendable {
    private let lock = NSLock()
    private var phases: [String: Double] = [:]
    private var sizes: [String: Int] = [:]
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    /// A recorder whose total starts now.
    public init() { start = clock.now }

    /// Runs `work` and adds its wall-clock seconds to `phase`.
    public func measure<T>(_ phase: String, _ work: () throws -> T) rethrows -> T {
        let begin = clock.now
        defer { add(phase, seconds: Self.seconds(clock.now - begin)) }
        return try work()
    }

    /// Adds `seconds` to `phase`.
    public func add(_ phase: String, seconds: Double) {
        lock.withLock { phases[phase, default: 0] += seconds }
    }

    /// Records the size `name` (a count: nodes, stations, features …); a later value replaces it.
    public func setSize(_ name: String, _ value: Int) {
        lock.withLock { sizes[name] = value }
    }

    /// The seconds recorded so far per phase.
    public var recordedPhases: [String: Double] { lock.withLock { phases } }

    /// The sizes recorded so far.
    public var recordedSizes: [String: Int] { lock.withLock { sizes } }

    /// The JSON object `{"phases": {…}, "sizes": {…}, "total": seconds}` with a final newline;
    /// `total` is the time since `init()`.
    public func json() throws -> Data {
        struct Document: Encodable {
            let total: Double
            let phases: [String: Double]
            let sizes: [String: Int]
        }
        let total = Self.seconds(clock.now - start)
        let document = lock.withLock { Document(total: total, phases: phases, sizes: sizes) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(document) + Data("\n".utf8)
    }

    /// `duration` in seconds.
    public static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
