import ArgumentParser
import Foundation
import GeoCore
import Reports
import RoadNetwork

/// `nuanxin network`: import an OSM extract and look at the routable network.
struct NetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Import an OpenStreetMap extract or road GeoJSON into a routable road network; inspect, export or search it.",
        subcommands: [NetworkInfoCommand.self, NetworkExportCommand.self, NetworkTimesCommand.self]
    )
}

/// The travel profile as a command-line value.
enum NetworkProfileArgument: String, CaseIterable, ExpressibleByArgument {
    case ebike
    case walk

    /// The library's profile.
    var profile: TravelProfile {
        switch self {
        case .ebike: .ebike
        case .walk: .walk
        }
    }
}

/// The road network every job reads: `--network`, `--profile`, `--cache`,
/// `--speed` / `--speed-band` and `--max-snap`. Use with `@OptionGroup`.
struct NetworkInputOptions: ParsableArguments {
    @Option(name: .long, help: "OpenStreetMap extract (.osm.pbf, .osm or .osm.bz2) or a road GeoJSON.")
    var network: String

    @Option(name: .long, help: "Travel profile: ebike or walk.")
    var profile: NetworkProfileArgument = .ebike

    @Option(name: .long, help: "Folder for the binary network cache (default: beside the input).")
    var cache: String?

    @Option(
        name: .long, help: "Cruising speed in km/h (default: the profile's, 15 for ebike, 4.5 for walk). Walked edges keep walking speed.")
    var speed: Double?

    @Option(
        name: .customLong("speed-band"),
        help: "Two cruising speeds LOW,HIGH in km/h: results for both, to show how sensitive coverage is to the speed.")
    var speedBand: SpeedBand?

    @Option(
        name: .customLong("max-snap"),
        help:
            "Farthest a point may be from a usable road, in metres; farther points are reported unroutable. A surface road within 30 m wins over a nearer tunnel, covered road or road on another layer; a point whose nearest road is in a small dropped piece of the network (an island) is unroutable, never snapped across the gap."
    )
    var maxSnap: Double = 300

    func validate() throws {
        if let speed { try checkOption("--speed", speed, InputLimits.speedKmh) }
        if speed != nil && speedBand != nil {
            throw ValidationError("give either --speed or --speed-band, not both")
        }
        try checkOption("--max-snap", maxSnap, InputLimits.maxSnapMeters)
    }

    /// The cruising speeds to run, in km/h: the band's two, or the one speed.
    var speeds: [Double] {
        if let speedBand { return [speedBand.low, speedBand.high] }
        return [speed ?? profile.profile.defaultSpeedKmh]
    }

    /// Loads the network (from its cache when fresh), timed for `speeds[0]`.
    func load(progress: ProgressLog) throws -> LoadedNetwork {
        var loaded = try progress.time("load") {
            try NetworkLoader.load(
                path: network, profile: profile.profile, cacheDirectory: cache,
                progress: progress.isQuiet ? nil : { progress.report($0) })
        }
        if speeds[0] != loaded.graph.cruiseSpeedKmh {
            loaded.graph = loaded.graph.retimed(cruiseSpeedKmh: speeds[0])
        }
        progress.timings?.setSize("nodes", loaded.graph.nodeCount)
        progress.timings?.setSize("edges", loaded.graph.edgeCount)
        return loaded
    }
}

/// `--speed-band LOW,HIGH`: two cruising speeds in km/h, low first.
struct SpeedBand: ExpressibleByArgument, Equatable {
    /// The lower speed, km/h.
    var low: Double
    /// The higher speed, km/h.
    var high: Double

    init?(argument: String) {
        let parts = argument.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let low = parts[0], let high = parts[1],
            InputLimits.speedKmh.problem(low) == nil, InputLimits.speedKmh.problem(high) == nil, high > low
        else { return nil }
        self.low = low
        self.high = high
    }
}
