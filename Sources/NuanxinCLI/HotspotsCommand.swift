import ArgumentParser
import Demand
import Foundation
import GeoCore
import GeoIO
import RoadNetwork

/// `nuanxin hotspots`: weighted demand points for any city, from the OSM
/// extract's pick-up places or from a file of order / GPS points, aggregated
/// into grid cells of the road graph's metric CRS.
struct HotspotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotspots",
        abstract: "Make weighted demand points (hotspots) from OSM pick-up places or order/GPS points.",
        discussion: """
            Examples:
              nuanxin hotspots --from osm --network city.osm.pbf --out hotspots.geojson
              nuanxin hotspots --from points orders.xlsx --crs gcj02 --hours 11-14 --network city.osm.pbf --out lunch.csv
              nuanxin hotspots --explain
            Points are summed into --cell metre cells (square or hexagon); each hotspot sits at its
            cell's centre (or, with --position mean, at its points' weighted mean) with `id`, `weight`
            (sum) and `count`; --count-by COLUMN adds one count per value of that column and `kind`
            (the cell's only value, or mixed). Cells whose hotspot has no road within --max-snap
            metres are dropped and counted. Output by extension: .geojson, .csv
            (id,lon,lat,weight,count), .gpkg, .shp, .kml, .kmz, or a PG: connection with --out-layer.
            """
    )

    /// Where the demand comes from.
    enum Source: String, ExpressibleByArgument, CaseIterable {
        case osm, points
    }

    @Option(help: "Demand source: osm (pick-up places of --network) or points (the FILE argument).")
    var from: Source?

    @Argument(help: "Order or GPS points for --from points: CSV, Excel, GeoPackage, Shapefile, KML, GeoJSON or PG:.")
    var input: String?

    @Option(help: "OSM extract (.osm.pbf) or road GeoJSON: the roads for the snapping check and the metric CRS.")
    var network: String?

    @Option(help: "Folder for the binary network cache (default: beside the input).")
    var cache: String?

    @Option(help: "Cell size in metres (square side or hexagon width).")
    var cell: Double = 200

    @Option(help: "Cell shape: square or hexagon.")
    var shape: String = "square"

    @Option(name: .customLong("max-snap"), help: "Drop cells whose hotspot is farther than this from every road (metres).")
    var maxSnap: Double = 300

    @Option(help: "Hotspot position: centre (of the cell) or mean (the points' weighted mean, rounded to 1e-9 then 1e-7 degrees).")
    var position: String = "centre"

    @Option(
        name: .customLong("count-by"),
        help: "--from points: count the points of each value of this column (e.g. kind) per hotspot, and add `kind`.")
    var countBy: String?

    @Option(help: "With a time column: keep only points in these hours, FROM-TO (11-14 keeps 11:00-13:59).")
    var hours: String?

    @OptionGroup var formats: PointFormatOptions

    @OptionGroup var crs: InputCRSOption

    @Option(help: "Output file (.geojson, .csv, .gpkg, .shp, .kml, .kmz) or PG: connection string.")
    var out: String?

    @Option(name: .customLong("out-layer"), help: "Table or layer name of the output (required for PG:).")
    var outLayer: String?

    @Flag(name: .customLong("pickups-only"), help: "--from osm: count pick-up places only, not the drop-off places (homes, offices).")
    var pickupsOnly = false

    @Flag(help: "Print the table of OSM pick-up kinds and weights, and exit.")
    var explain = false

    @OptionGroup var output: QuietOption

    func validate() throws {
        if explain { return }
        guard let from else { throw ValidationError("Give --from osm or --from points FILE (or --explain).") }
        if network == nil { throw ValidationError("--network is required: the roads decide which cells are reachable.") }
        if out == nil { throw ValidationError("--out is required.") }
        if from == .points, input == nil { throw ValidationError("--from points needs the points FILE.") }
        if from == .osm, input != nil { throw ValidationError("--from osm takes no FILE; the places come from --network.") }
        if from == .osm, hours != nil { throw ValidationError("--hours needs timed points (--from points).") }
        guard cell > 0, cell.isFinite else { throw ValidationError("--cell must be a positive number of metres.") }
        guard maxSnap >= 0 else { throw ValidationError("--max-snap must be 0 or more metres.") }
        guard CellShape(rawValue: shape) != nil else { throw ValidationError("--shape must be square or hexagon.") }
        guard HotspotPosition(rawValue: position) != nil else { throw ValidationError("--position must be centre or mean.") }
        if from == .osm, countBy != nil { throw ValidationError("--count-by needs points with that column (--from points).") }
        try OutputFileCheck.distinct(outputs: [("--out", out)], inputs: [("--network", network), ("", input)])
        if out?.hasPrefix("PG:") == true, outLayer?.isEmpty ?? true {
            throw ValidationError("--out PG:…: a PostGIS output needs --out-layer TABLE")
        }
        if let hours, HourRange(hours) == nil {
            throw ValidationError("--hours \(hours) is not FROM-TO with whole hours 0-24, e.g. 11-14.")
        }
    }

    func run() throws {
        if explain {
            print(PickupKind.explanation(pickupsOnly: "--pickups-only"))
            return
        }
        guard let from, let network, let out else { preconditionFailure("validate() checked the options") }
        let progress = output.progress
        let loaded = try progress.step("loading \(network)") {
            try NetworkLoader.load(path: network, cacheDirectory: cache, progress: progress.report)
        }
        let members: [(id: String, coordinate: Coordinate, weight: Double, category: String?)]
        switch from {
        case .osm:
            let places = try progress.step("reading pick-up and drop-off places from \(network)") {
                try Hotspots.osmPickups(path: network, includeDropoffs: !pickupsOnly)
            }
            members = places.map { (id: $0.point.id, coordinate: $0.point.coordinate, weight: $0.kind.weight, category: nil) }
        case .points:
            guard let input else { preconditionFailure("validate() checked the input") }
            let points = try NetworkInputs.readPoints(
                path: input, datum: crs.datum, kind: "point", formats: try formats.formats(progress))
            let (kept, dropped) = try Hotspots.filter(points, hours: hours.flatMap(HourRange.init), file: input)
            if let hours { progress.report("--hours \(hours): kept \(kept.count) of \(points.count) points, left out \(dropped)") }
            members = try kept.map { point in
                (id: point.id, coordinate: point.coordinate, weight: point.weight, category: try category(of: point, file: input))
            }
            if let countBy { try Hotspots.checkCategories(members.map { ($0.id, $0.category) }, column: countBy, file: input) }
        }
        let projection = try Projection(from: "EPSG:4326", to: loaded.graph.crs)
        let index = SegmentIndex(graph: loaded.graph)
        let options = HotspotOptions(
            cell: cell, shape: CellShape(rawValue: shape) ?? .square, maxSnap: maxSnap,
            position: HotspotPosition(rawValue: position) ?? .centre)
        let result = try Hotspots.build(
            members: members, projection: projection, options: options, roadDistance: Hotspots.roadDistance(on: index))
        let set = OutputSet()
        if out.lowercased().hasSuffix(".csv") {
            try set.add(Data(Hotspots.csv(result.collection).utf8), path: out)
        } else {
            try set.add(result.collection, to: out, layer: outLayer)
        }
        try set.commit()
        progress.report(
            "\(result.members) demand points in \(result.cells) cells; dropped \(result.droppedCells) cells "
                + "(weight \(formatFixed(result.droppedWeight, decimals: 1))) with no road within \(formatFixed(maxSnap, decimals: 0)) m; "
                + "wrote \(result.collection.features.count) hotspots to \(GeoIOError.displayName(of: out))")
    }

    /// The `--count-by` value of `point` (nil without `--count-by`): the `kind` column, or any other
    /// column as text.
    /// - Throws: `HotspotError` when the point has no such value.
    private func category(of point: SitePoint, file: String) throws -> String? {
        guard let countBy else { return nil }
        let value: String? =
            if countBy == "kind" {
                point.kind
            } else {
                switch point.properties[countBy] {
                case .string(let s)?: s
                case .number(let n)?: FeatureID.number(n).description
                default: nil
                }
            }
        guard let value else {
            throw HotspotError(file: file, message: "point \(point.id) has no \(countBy); --count-by needs that column in every row")
        }
        return value
    }
}
