import Foundation
import GeoCore

/// Progress lines on stderr (`nuanxin: reading stations.csv`), silenced by `--quiet`.
/// Output files never depend on it, so runs stay byte-identical.
struct Progress: Sendable {
    /// True when nothing should be printed.
    let isQuiet: Bool

    /// Prints `nuanxin: <message>` on stderr unless quiet.
    func report(_ message: String) {
        guard !isQuiet else { return }
        FileHandle.standardError.write(Data("nuanxin: \(message)\n".utf8))
    }

    /// Runs `work`, reporting `label` before and the elapsed time after.
    func step<T>(_ label: String, _ work: () throws -> T) rethrows -> T {
        report(label)
        let clock = ContinuousClock()
        let start = clock.now
        let result = try work()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        report("\(label): done in \(formatFixed(seconds, decimals: 1)) s")
        return result
    }
}
