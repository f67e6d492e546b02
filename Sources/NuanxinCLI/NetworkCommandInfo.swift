import ArgumentParser
import Foundation
import GeoCore
import Reports
import RoadNetwork

/// `nuanxin network info`: sizes, connectivity, extent, CRS and timings.
struct NetworkInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the size, connectivity, extent and CRS of a road network."
    )

    @OptionGroup var input: NetworkInputOptions
    @OptionGroup var output: QuietOption

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let progress = output.progress
        let loaded = try input.load(progress: progress)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(loaded.stats), as: UTF8.self))
        } else {
            print(Self.text(loaded.stats, path: input.network), terminator: "")
        }
        try output.finish(progress)
    }

    /// The human-readable report.
    static func text(_ s: NetworkStats, path: String) -> String {
        let share = formatFixed(100 * s.largestComponentShare, decimals: 1)
        let b = s.bbox
        let box = "\(formatDegrees(b.minLon)),\(formatDegrees(b.minLat)) – \(formatDegrees(b.maxLon)),\(formatDegrees(b.maxLat))"
        let clip =
            s.clipBox.map { c in
                "roads cut to the file's header box \(formatDegrees(c.minLon)),\(formatDegrees(c.minLat)) – "
                    + "\(formatDegrees(c.maxLon)),\(formatDegrees(c.maxLat))"
            } ?? "no header box (roads not cut)"
        let cached = s.fromCache ? "from cache" : "imported"
        return """
            network:    \(path)
            profile:    \(s.profile.rawValue) (\(formatFixed(s.profile.defaultSpeedKmh, decimals: 1)) km/h)
            nodes:      \(s.nodes)
            edges:      \(s.edges) directed
            road:       \(formatFixed(s.roadKm, decimals: 1)) km
            components: \(s.components) strongly connected; the largest holds \(share) % of road km \
            (kept; \(formatFixed(s.droppedRoadKm, decimals: 1)) km in the others dropped)
            bbox:       \(box) (WGS84)
            clip:       \(clip)
            crs:        \(s.crs)
            import:     \(formatFixed(s.importSeconds, decimals: 3)) s
            load:       \(formatFixed(s.loadSeconds, decimals: 3)) s (\(cached))

            """
    }
}
