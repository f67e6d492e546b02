import ArgumentParser
import GeoCore

/// `--crs`, `--from` and `--to` take `wgs84`, `gcj02` or `bd09`.
extension ChineseDatum: ExpressibleByArgument {}

/// `--quiet`: no progress lines on stderr. Use with `@OptionGroup var output: QuietOption`.
struct QuietOption: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print no progress lines on stderr.")
    var quiet = false

    /// A progress printer that honours `--quiet`.
    var progress: Progress { Progress(isQuiet: quiet) }
}

/// `--crs wgs84|gcj02|bd09`: the datum of input coordinates, converted to WGS84 on reading.
struct InputCRSOption: ParsableArguments {
    @Option(
        name: .customLong("crs"),
        help: "Datum of input coordinates: wgs84 (GPS, OpenStreetMap), gcj02 (AMap, Tencent) or bd09 (Baidu).")
    var datum: ChineseDatum = .wgs84
}
