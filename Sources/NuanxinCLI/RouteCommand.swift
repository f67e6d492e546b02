import ArgumentParser
import Coverage
import Foundation
import GeoCore
import Reports
import RoadNetwork

/// `nuanxin route`: the fastest path between two points, as GeoJSON to check
/// by eye in QGIS.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "The fastest route between two points on the road network, as a GeoJSON LineString.",
        discussion: """
            Both points are snapped to the nearest usable road within --max-snap metres. The output is a \
            FeatureCollection with one LineString Feature along the roads, from the snapped start to the \
            snapped end (WGS84), with the properties seconds (door to door: the walks between the points \
            and their roads at walking speed included), meters (along the roads), snap_from_m, snap_to_m, \
            profile and speed_kmh. Printed on stdout unless --out is given (written to a temporary name \
            and renamed when complete).
            Example: nuanxin route --network chengdu.osm.pbf --from 104.0657,30.6595 --to 104.0810,30.6545
            """
    )

    @OptionGroup var input: NetworkInputOptions

    @Option(name: .long, help: ArgumentHelp("Start point, longitude then latitude.", valueName: "lon,lat"))
    var from: LonLatArgument

    @Option(name: .long, help: ArgumentHelp("End point, longitude then latitude.", valueName: "lon,lat"))
    var to: LonLatArgument

    @OptionGroup var crs: InputCRSOption

    @Option(name: .long, help: "Output GeoJSON file (default: print on stdout).")
    var out: String?

    @OptionGroup var output: QuietOption

    func validate() throws {
        try OutputFileCheck.distinct(outputs: [("--out", out)], inputs: [("--network", input.network)])
        if input.speedBand != nil {
            throw ValidationError("route runs one speed; give --speed instead of --speed-band")
        }
    }

    func run() throws {
        let progress = output.progress
        let graph = try input.load(progress: progress).graph
        let ends = [("--from", from), ("--to", to)].map { option, point in
            SitePoint(id: option, coordinate: crs.datum.convert(point.coordinate, to: .wgs84))
        }
        let placer = try SitePlacer(graph: graph)
        let placed = try progress.time("snap") { try placer.place(ends, maxSnap: input.maxSnap) }
        for (end, argument) in zip(placed, [from, to]) {
            if let reason = end.unroutableReason(maxSnap: input.maxSnap) {
                throw RouteError.unroutable(option: end.site.id, point: argument.text, reason: reason)
            }
        }
        let start = placed[0].snap!
        let end = placed[1].snap!
        guard let route = progress.time("search", { ShortestPath.route(graph, from: start, to: end) }) else {
            throw RouteError.noRoute(from: from.text, to: to.text, profile: graph.profile)
        }
        let walkMetersPerSecond = TravelProfile.walkingSpeedKmh / 3.6
        let seconds = route.seconds + (start.distance + end.distance) / walkMetersPerSecond
        let feature = Feature(
            geometry: .lineString(try route.points.map(placer.coordinate(of:))),
            properties: [
                "seconds": .number(oneDecimal(seconds)),
                "meters": .number(oneDecimal(route.meters)),
                "snap_from_m": .number(oneDecimal(start.distance)),
                "snap_to_m": .number(oneDecimal(end.distance)),
                "profile": .string(graph.profile.rawValue),
                "speed_kmh": .number(graph.cruiseSpeedKmh),
            ])
        let collection = FeatureCollection(features: [feature])
        guard let out else {
            progress.time("write") { FileHandle.standardOutput.write(GeoJSONWriter.encode(collection)) }
            try output.finish(progress)
            return
        }
        try progress.time("write") { try GeoJSONWriter.write(collection, to: URL(fileURLWithPath: out)) }
        try output.finish(progress)
        if !output.quiet {
            print(
                "route: \(formatFixed(route.meters, decimals: 1)) m, \(formatFixed(seconds, decimals: 1)) s "
                    + "(\(formatFixed(seconds / 60, decimals: 1)) min) door to door; wrote \(out)")
        }
    }

    private func oneDecimal(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}

/// A `LON,LAT` option value: two numbers in range.
struct LonLatArgument: ExpressibleByArgument {
    /// The position as given (in the datum of `--crs`).
    var coordinate: Coordinate
    /// The text as typed, for messages.
    var text: String

    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lon = parts[0], let lat = parts[1] else { return nil }
        let coordinate = Coordinate(lon: lon, lat: lat)
        guard coordinate.rangeProblem == nil else { return nil }
        self.coordinate = coordinate
        text = argument
    }
}

/// Why `route` found no path.
enum RouteError: Error, CustomStringConvertible {
    /// An end point is too far from every usable road.
    case unroutable(option: String, point: String, reason: String)
    /// No path leads from the start to the end (one-way streets).
    case noRoute(from: String, to: String, profile: TravelProfile)

    var description: String {
        switch self {
        case .unroutable(let option, let point, let reason):
            "\(option) \(point): \(reason); check the point and its datum (--crs), or raise --max-snap"
        case .noRoute(let from, let to, let profile):
            "no \(profile.rawValue) route from \(from) to \(to) on this network (one-way streets or "
                + "roads the profile may not use); try other points or --profile walk"
        }
    }
}
