import ArgumentParser
import Coverage
import Foundation
import GeoCore
import RoadNetwork

/// `nuanxin audit`: which hotspots and which parts of each district lie
/// outside every station's service circle.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit hotspot coverage by existing stations, per district, with the uncovered areas as polygons.",
        discussion: """
            Example:
              nuanxin audit --network chengdu-center.osm.pbf --stations stations.geojson \\
                --hotspots hotspots.geojson --districts districts.geojson \\
                --summary audit.csv

            Times run from each station outwards, door to door (the station's walk to its road at \
            walking speed, then the ride), as the service circles of `nuanxin reach`; one search from \
            all stations gives every hotspot's time to its nearest station. A hotspot is covered when \
            that time is at most --minutes; its own distance to the road (snap_m) is reported, not \
            timed, so a hotspot in a circle's 50 m access margin may still be uncovered by time.

            The GeoJSON (--out) holds, per speed: one Point per hotspot in input order with its input \
            properties plus nearest_station, minutes_to_nearest (rounded up to 0.1; null when no \
            station reaches it), stations_within, covered, snap_m and speed_kmh; hotspots farther than \
            --max-snap from a usable road get "unroutable": true and a reason, and count as uncovered. \
            Then per district a "kind": "district" feature (its outline; hotspots, hotspots_covered, \
            weight_total, weight_covered, share_covered, uncovered_area_km2) followed by a \
            "kind": "gap" feature whose geometry is the district minus the merged service circle (drawn as --geometry says: raster by default, see `nuanxin reach --help`) \
            (null geometry when nothing is uncovered). A hotspot counts in the first district that \
            covers it; hotspots in none form a "(outside districts)" row with null geometry. Without \
            --districts the bounding box of the road network is one area, "study area", holding every \
            hotspot.

            --summary writes the same figures as CSV (one row per district and a total row). With \
            --speed-band LOW,HIGH the audit runs at both speeds: the GeoJSON holds one full set of \
            features per speed and the CSV one block of rows per speed, told apart by speed_kmh. \
            The covered shares and the largest uncovered hotspots go to stdout; --quiet prints \
            neither them nor progress. Outputs are written atomically and are byte-identical for the \
            same inputs; a failed run leaves neither file behind.
            """
    )

    @OptionGroup var network: NetworkInputOptions

    @Option(name: .long, help: "Existing stations: GeoJSON Points or CSV id,lon,lat[,name][,kind].")
    var stations: String

    @Option(name: .long, help: "Courier hotspots: GeoJSON Points or CSV id,lon,lat[,weight][,name][,kind] (weight 1 when absent).")
    var hotspots: String

    @Option(name: .long, help: "District outlines: GeoJSON Polygon/MultiPolygon features with a name property.")
    var districts: String?

    @Option(name: .customLong("district-name-field"), help: "The district property holding the name.")
    var districtNameField = "name"

    @OptionGroup var crs: InputCRSOption

    @Option(name: .long, help: "Travel-time limit in minutes (a multiple of 0.1).")
    var minutes = 15.0

    @Option(name: .long, help: "Output GeoJSON file.")
    var out = "audit.geojson"

    @Option(name: .long, help: "Also write the per-district figures as CSV to this file.")
    var summary: String?

    @OptionGroup var geometry: GeometryOption

    @OptionGroup var crsOut: OutputCRSOption

    @OptionGroup var output: QuietOption

    func validate() throws {
        guard minutes > 0, minutes <= 600 else {
            throw ValidationError("--minutes must be more than 0 and at most 600, got \(minutes)")
        }
        guard abs(minutes * 10 - (minutes * 10).rounded()) < 1e-9 else {
            throw ValidationError("--minutes must be a multiple of 0.1 (e.g. 15 or 12.5), got \(minutes)")
        }
        if let summary, URL(fileURLWithPath: summary).standardizedFileURL == URL(fileURLWithPath: out).standardizedFileURL {
            throw ValidationError("--summary and --out must be different files")
        }
    }

    func run() throws {
        let progress = output.progress
        let loaded = try network.load(progress: progress)
        let context = try GEOSContext()
        let stationPoints = try readPoints(stations, what: "stations")
        let hotspotPoints = try readPoints(hotspots, what: "hotspots")
        let projection = try Projection(from: "EPSG:4326", to: loaded.graph.crs)
        let areas = try readAreas(graph: loaded.graph, projection: projection, context: context)

        let placer = try SitePlacer(graph: loaded.graph)
        let placedStations = try placer.place(stationPoints, maxSnap: network.maxSnap)
        let placedHotspots = try placer.place(hotspotPoints, maxSnap: network.maxSnap)
        try reportUnroutable(placedStations, placedHotspots, progress: progress)

        var runs: [AuditRun] = []
        for speed in network.speeds {
            let graph = speed == loaded.graph.cruiseSpeedKmh ? loaded.graph : loaded.graph.retimed(cruiseSpeedKmh: speed)
            let clock = ContinuousClock()
            let start = clock.now
            let audit = try HotspotAudit(
                graph: graph, stations: placedStations, hotspots: placedHotspots, limitMinutes: minutes,
                areas: areas, context: context)
            let audited = clock.now
            let gaps = switch geometry.geometry {
            case .raster:
                try AuditGaps(
                    graph: graph, stations: placedStations, limitMinutes: minutes, areas: audit.areas,
                    raster: try RasterServiceArea(cellSize: geometry.cellSize), context: context)
            case .exact:
                try AuditGaps(
                    graph: graph, stations: placedStations, limitMinutes: minutes, areas: audit.areas, context: context)
            }
            progress.report(
                "audit at \(AuditNumbers.plain(speed)) km/h: hotspots \(milliseconds(audited - start)) ms, gap polygons \(milliseconds(clock.now - audited)) ms")
            runs.append(AuditRun(speedKmh: speed, hotspots: audit, gaps: gaps))
        }

        let report = AuditReport(
            stations: placedStations, hotspots: placedHotspots, maxSnap: network.maxSnap,
            limitMinutes: minutes, runs: runs)
        var files = [(data: GeoJSONWriter.encode(crsOut.apply(to: try AuditGeoJSON.featureCollection(report, projection: projection))),
                      url: URL(fileURLWithPath: out))]
        if let summary {
            files.append((data: Data(AuditCSV.text(report).utf8), url: URL(fileURLWithPath: summary)))
        }
        try AuditOutputFiles.write(files)
        progress.report("wrote \(out)" + (summary.map { " and \($0)" } ?? ""))
        if !output.quiet { print(AuditSummaryText.text(report), terminator: "") }
    }

    /// The points of `path` in WGS84; at least one.
    private func readPoints(_ path: String, what: String) throws -> [SitePoint] {
        let url = URL(fileURLWithPath: path)
        let points = try PointSetReader.read(contentsOf: url, datum: crs.datum)
        guard !points.isEmpty else {
            throw AuditInputError(file: url.lastPathComponent, message: "holds no points; the audit needs at least one of the \(what)")
        }
        return points
    }

    /// The districts of `--districts` projected to the graph's CRS, or the study area.
    private func readAreas(graph: RoadGraph, projection: Projection, context: GEOSContext) throws -> AuditAreas {
        guard let districts else { return .whole(try District.studyArea(of: graph, projection: projection)) }
        let url = URL(fileURLWithPath: districts)
        let collection = try GeoJSONReader.read(contentsOf: url).mapCoordinates { crs.datum.convert($0, to: .wgs84) }
        return .districts(try DistrictReader.districts(
            from: collection, file: url.lastPathComponent, nameField: districtNameField,
            projection: projection, context: context))
    }

    /// Lists unroutable points on stderr; fails when no station is routable.
    private func reportUnroutable(_ stations: [PlacedSite], _ hotspots: [PlacedSite], progress: Progress) throws {
        for placed in stations {
            if let reason = placed.unroutableReason(maxSnap: network.maxSnap) {
                progress.report("station \(placed.site.id) is left out: \(reason)")
            }
        }
        guard stations.contains(where: { $0.snap != nil }) else {
            throw AuditInputError(
                file: URL(fileURLWithPath: self.stations).lastPathComponent,
                message: "no station is within --max-snap \(AuditNumbers.plain(network.maxSnap)) m of a usable road; check --crs (AMap/Baidu points are 300–600 m off) or raise --max-snap")
        }
        let unroutable = hotspots.count { $0.snap == nil }
        if unroutable > 0 {
            progress.report("\(unroutable) of \(hotspots.count) hotspots are more than \(AuditNumbers.plain(network.maxSnap)) m from a usable road: marked unroutable, counted as uncovered")
        }
    }

    private func milliseconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return formatFixed(seconds * 1000, decimals: 2)
    }
}
