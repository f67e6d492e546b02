import ArgumentParser
import Foundation
import GeoCore
import Reports

/// `--crs`, `--from` and `--to` take `wgs84`, `gcj02` or `bd09`.
extension ChineseDatum: ExpressibleByArgument {}

/// `--quiet`: no progress lines on stderr; `--timings FILE`: the run's phase timings as JSON.
/// Use with `@OptionGroup var output: QuietOption`.
struct QuietOption: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print no progress lines on stderr.")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "Write the run's wall-clock timings as JSON to FILE: {\"total\": s, \"phases\": {…}, \"sizes\": {…}}.",
            valueName: "FILE"))
    var timings: String?

    /// A new progress printer that honours `--quiet` and records phases when `--timings` is given.
    /// Call once per run and pass it on; `finish(_:)` writes the timings.
    var progress: ProgressLog { ProgressLog(isQuiet: quiet, timings: timings == nil ? nil : PhaseTimings()) }

    /// Writes `progress`'s timings to `--timings FILE` (atomically), when given.
    func finish(_ progress: ProgressLog) throws {
        guard let path = timings, let recorder = progress.timings else { return }
        try AtomicFile.write(try recorder.json(), to: URL(fileURLWithPath: path))
    }
}

/// `--crs wgs84|gcj02|bd09`: the datum of input coordinates, converted to WGS84 on reading.
struct InputCRSOption: ParsableArguments {
    @Option(
        name: .customLong("crs"),
        help: "Datum of input coordinates: wgs84 (GPS, OpenStreetMap), gcj02 (AMap, Tencent) or bd09 (Baidu).")
    var datum: ChineseDatum = .wgs84
}
