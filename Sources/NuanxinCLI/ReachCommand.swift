import ArgumentParser
import Coverage
import Foundation
import GeoCore
import GeoIO
import Reports
import RoadNetwork

/// `nuanxin reach`: honest 5/10/15-minute service areas (15分钟服务圈) of stations.
struct ReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "Draw each station's 5/10/15-minute service areas on the real roads, as nested GeoJSON polygons.",
        discussion: """
            A service area is the road reached within the time (door to door: the walk from the station \
            to its road counts), cut where time runs out, and everything within --access metres of \
            it. By default (--geometry raster) every reached stretch writes its exact distance onto \
            a grid of --cell metres and the service area is the contour at --access. Along roads and \
            round ends its edge never lies outside the true 50 m line and at most 0.77 m inside it with \
            10 m cells and 50 m access (3.02 m with 20 m cells; 3·cell²/(8·access) + 0.02 in general, \
            the 2 cm for dropping vertices). With several times (5,10,15), between two roads each \
            road's distance is interpolated on its own, so the edge does not cross the strip of \
            ground beyond both roads' lines; in the corners where two roads' 50 m lines meet it lies \
            up to half a cell diagonal (7.1 m; measured 2.8 m at a right angle, 4.5 m on bent street \
            grids) outside the line; with one time the corners are \
            drawn exactly (measured on bent street grids: under 0.1 % of the area outside the line, \
            in thin wedges of far ground narrower than a cell). \
            --geometry exact buffers the reached road with GEOS and unions the buffers: never \
            outside the 50 m line, and at most 0.96 m inside it (arcs of 4 segments per quarter \
            circle: 50·(1 − cos(π/16)); measured 0.961 m on hand-made streets). Holes stay holes, \
            and each service area lies inside the next longer one (inner service areas are drawn 5 cm \
            further in per longer service area, and with the raster the longer one's edge keeps \
            3.5 cm clear of it where a corner is cut, moving out by that much if need be, so that \
            this holds exactly, also as written with 7 decimals).
            Output: one feature per service area (all stations together, or each station with \
            --per-station) with minutes, profile, speed_kmh, stations, area_km2, road_km and \
            access_m; stations farther than --max-snap from a usable road are listed on stderr and \
            written as features with "unroutable": true, reason, snap_m and no geometry. The run \
            fails only when no station is routable. --out defaults to out/reach.geojson (out/ is \
            created); the file is written atomically.
            Direction (issue 15): by default (--direction to-station) a service area is the area from which \
            a rider reaches the station within the time, one-way rules in the riding direction (the \
            search runs on the reversed graph); --direction from-station draws the area reached from \
            the station outwards, as before. --service NAME and --at "Mo 22:30" keep only the \
            stations offering the service / open then (an error when none is).
            --split (drawn with --geometry exact): one polygon per station and level, the merged service area cut into the stations' \
            catchments (each piece of road goes to the station reaching it first, a road cut where \
            two stations' times are equal; the access margin beside the road goes to the station \
            whose reached road is nearest, ties to the first in the file): disjoint, their union the merged service area, nested per station; features as with \
            --per-station (station_id, road_km the station's own road).
            Example:
              nuanxin reach --network geodata/chengdu-center.osm.pbf --stations stations.geojson --minutes 5,10,15
            """
    )

    @OptionGroup var network: NetworkInputOptions

    @Option(help: "Stations: GeoJSON Point features or CSV with id,lon,lat[,name].")
    var stations: String

    @OptionGroup var inputCRS: InputCRSOption

    @OptionGroup var formats: PointFormatOptions

    @Option(help: "Travel times in minutes, comma separated.")
    var minutes = MinuteList(argument: "5,10,15")!

    @Option(help: "Access distance in metres: how far from a reached road a place still counts as served.")
    var access: Double = 50

    @Flag(name: .customLong("per-station"), help: "One set of service areas per station instead of one for all stations together.")
    var perStation = false

    @OptionGroup var geometry: GeometryOption

    @Flag(help: "Split the merged service areas into the stations' catchments: one polygon per station and level, non-overlapping.")
    var split = false

    @OptionGroup var crsOut: OutputCRSOption

    @OptionGroup var stationFilter: StationFilterOptions

    @OptionGroup var travel: DirectionOption

    @Option(
        help:
            "Output file (default: out/reach.geojson, creating out/): .geojson, .gpkg, .shp, .kml/.kmz (colour per level), .csv or PG: (see --out-layer)."
    )
    var out: String?

    @OptionGroup var outLayer: OutputLayerOption

    @OptionGroup var output: QuietOption

    /// Where the file goes when `--out` is not given.
    static let defaultOut = "out/reach.geojson"

    func validate() throws {
        try OutputFileCheck.distinct(outputs: [("--out", out)], inputs: [("--network", network.network), ("--stations", stations)])
        _ = try minutes.ascending()
        if split && perStation { throw ValidationError("give either --per-station or --split, not both") }
        try checkOption("--access", access, InputLimits.accessMeters)
        _ = try stationFilter.filter()
        try outLayer.validate(out: out)
    }

    func run() throws {
        let progress = output.progress
        let loaded = try progress.step("loading \(network.network)") { try network.load(progress: progress) }
        let inputs = try NetworkInputs(
            graph: loaded.graph, datum: inputCRS.datum, maxSnap: network.maxSnap, formats: try formats.formats(progress))
        let stationsURL = URL(fileURLWithPath: stations)
        let allSites = try progress.step("reading \(stationsURL.lastPathComponent)", phase: "read") {
            try inputs.points(stationsURL, kind: "station", allowEmpty: true)
        }
        let sites = try stationFilter.select(allSites, file: stations, role: "station", progress: progress).admitted.map { allSites[$0] }
        let placed = try progress.step("snapping \(sites.count) stations onto the road", phase: "snap") {
            try inputs.place(sites, kind: "station", file: stations)
        }
        for line in placed.leftOutMessages { FileHandle.standardError.write(Data("nuanxin: \(line)\n".utf8)) }
        progress.timings?.setSize("stations", placed.all.count)
        let engine = try ReachEngine(
            minutes: try minutes.ascending(), accessDistance: access, geometry: geometry.geometry, cellSize: geometry.cellSize)
        let report = try progress.step("drawing service areas", phase: "geometry") {
            try engine.run(
                graph: travel.direction.searchGraph(for: loaded.graph), stations: placed.all, speedsKmh: network.speeds,
                scope: split ? .split : perStation ? .perStation : .merged, maxSnap: network.maxSnap, progress: { progress.report($0) })
        }
        let features = ReachFeatures(
            projection: try Projection(from: "EPSG:4326", to: loaded.graph.crs),
            profile: loaded.graph.profile, accessDistance: access)
        var collection = crsOut.apply(to: try features.collection(report))
        // The split's overlays can leave vertices closer than the written 7 decimals.
        if split { collection = try WrittenPrecision.validPolygons(collection) }
        let path = out ?? Self.defaultOut
        try progress.time("write") {
            if out == nil {
                try FileManager.default.createDirectory(
                    at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            try FeatureWriter.write(collection, to: path, layer: outLayer.name)
        }
        progress.timings?.setSize("features", collection.features.count)
        progress.report("wrote \(collection.features.count) features to \(path)")
        try output.finish(progress)
    }
}
