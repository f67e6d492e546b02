import ArgumentParser
import Coverage
import Foundation
import GeoCore
import Reports
import RoadNetwork

/// The options of `nuanxin plan`'s network mode. Every one is optional here, so that benchmark mode
/// (`--instance`) parses without them; `PlanCommand.validate()` says which ones the mode needs and
/// rejects the ones it does not use. The network options mean what they mean in `audit`
/// (`NetworkInputOptions`), without `--speed-band`.
struct PlanNetworkOptions: ParsableArguments {
    @Option(name: .long, help: "Network mode: OpenStreetMap extract (.osm.pbf, .osm or .osm.bz2) or a road GeoJSON.")
    var network: String?

    @Option(name: .long, help: "Travel profile: ebike or walk (default ebike).")
    var profile: NetworkProfileArgument?

    @Option(name: .long, help: "Folder for the binary network cache (default: beside the input).")
    var cache: String?

    @Option(name: .long, help: "Cruising speed in km/h (default: the profile's, 15 for ebike, 4.5 for walk).")
    var speed: Double?

    @Option(
        name: .customLong("max-snap"),
        help:
            "Farthest a site may be from a usable road, in metres (default 300); farther sites are left out. A surface road within 30 m wins over a nearer tunnel, covered road or road on another layer; a point whose nearest road is in a small dropped piece of the network (an island) is unroutable, never snapped across the gap."
    )
    var maxSnap: Double?

    @Option(name: .customLong("crs"), help: "Datum of input points: wgs84 (default), gcj02 (AMap, Tencent) or bd09 (Baidu).")
    var datum: ChineseDatum?

    @Option(
        name: .long, help: "Existing stations (fixed): GeoJSON Points or CSV id,lon,lat[,name][,kind]; an empty file plans from scratch.")
    var stations: String?

    @Option(name: .long, help: "Courier hotspots: GeoJSON Points or CSV id,lon,lat[,weight][,name][,kind] (weight 1 when absent).")
    var hotspots: String?

    @Option(
        name: .long,
        help: "Candidate sites: GeoJSON Points or CSV, or `osm` for the network file's points of interest of the station kinds.")
    var candidates: String?

    @Option(name: .customLong("new"), help: "coverage, mean-time: the number of new sites K.")
    var newSites: Int?

    @Option(name: .long, help: "Service time in minutes (a multiple of 0.1, default 15): a site covers a hotspot within it.")
    var minutes: Double?

    @Option(name: .customLong("search-minutes"), help: "mean-time: how far each site's search runs, in minutes (default 2 × --minutes).")
    var searchMinutes: Double?

    @Option(name: .long, help: "Also write one CSV row per chosen site to this file.")
    var summary: String?

    @Option(name: .customLong("frontier-out"), help: "With --frontier: the frontier CSV (default: --out's name with -frontier.csv).")
    var frontierOut: String?

    /// The keyword of `--candidates` that takes the candidates from the network file.
    static let osmCandidates = "osm"

    /// The default service time in minutes.
    static let defaultMinutes = 15.0

    /// The options given on the command line, by their flag, in declaration order.
    var given: [String] {
        let flags: [(String, Bool)] = [
            ("--network", network != nil), ("--profile", profile != nil), ("--cache", cache != nil),
            ("--speed", speed != nil), ("--max-snap", maxSnap != nil), ("--crs", datum != nil),
            ("--stations", stations != nil), ("--hotspots", hotspots != nil), ("--candidates", candidates != nil),
            ("--new", newSites != nil), ("--minutes", minutes != nil), ("--search-minutes", searchMinutes != nil),
            ("--summary", summary != nil), ("--frontier-out", frontierOut != nil),
        ]
        return flags.filter(\.1).map(\.0)
    }

    /// The travel profile (ebike unless given).
    var travelProfile: TravelProfile { (profile ?? .ebike).profile }
    /// The cruising speed in km/h.
    var speedKmh: Double { speed ?? travelProfile.defaultSpeedKmh }
    /// The maximum snap distance in metres.
    var maxSnapMeters: Double { maxSnap ?? 300 }
    /// The service time in minutes.
    var serviceMinutes: Double { minutes ?? Self.defaultMinutes }

    /// Checks the values of the network options that are given (not which ones the objective needs).
    func validateValues() throws {
        if let speed { try checkOption("--speed", speed, InputLimits.speedKmh) }
        if let maxSnap { try checkOption("--max-snap", maxSnap, InputLimits.maxSnapMeters) }
        let minutes = serviceMinutes
        try checkOption("--minutes", minutes, InputLimits.minutes)
        if let searchMinutes, !(searchMinutes.isFinite && searchMinutes >= minutes && searchMinutes <= 1440) {
            throw ValidationError(
                "--search-minutes: \(NumericLimit.plain(searchMinutes)) is out of range: must be at least --minutes (\(AuditNumbers.plain(minutes))) and at most 1440 (e.g. --search-minutes \(AuditNumbers.plain(min(2 * minutes, 1440))))"
            )
        }
        if let newSites, newSites < 0 { throw ValidationError("--new \(newSites) must be ≥ 0") }
    }

    /// Loads the network (from its cache when fresh), timed for `speedKmh`.
    func load(path: String, progress: ProgressLog) throws -> LoadedNetwork {
        var loaded = try progress.time("load") {
            try NetworkLoader.load(
                path: path, profile: travelProfile, cacheDirectory: cache,
                progress: progress.isQuiet ? nil : { progress.report($0) })
        }
        if speedKmh != loaded.graph.cruiseSpeedKmh {
            loaded.graph = loaded.graph.retimed(cruiseSpeedKmh: speedKmh)
        }
        progress.timings?.setSize("nodes", loaded.graph.nodeCount)
        progress.timings?.setSize("edges", loaded.graph.edgeCount)
        return loaded
    }
}
