import ArgumentParser
import Coverage
import Foundation
import GeoCore
import Reports
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

    @Flag(name: .customLong("no-gaps"), help: "Numbers only: no uncovered-area polygons (no gap features; uncovered_area_km2 left empty).")
    var noGaps = false

    @OptionGroup var crsOut: OutputCRSOption

    @OptionGroup var output: QuietOption

    func validate() throws {
        try checkOption("--minutes", minutes, InputLimits.minutes)
        try OutputFileCheck.distinct(
            outputs: [("--out", out), ("--summary", summary)],
            inputs: [("--network", network.network), ("--stations", stations), ("--hotspots", hotspots), ("--districts", districts)])
    }

    func run() throws {
        let progress = output.progress
        let loaded = try network.load(progress: progress)
        let inputs = try NetworkInputs(graph: loaded.graph, datum: crs.datum, maxSnap: network.maxSnap)
        let (stationPoints, hotspotPoints) = try InputFileError.mapping(user: "the audit") {
            try progress.time("read") {
                (try inputs.points(URL(fileURLWithPath: stations), kind: "station"),
                 try inputs.points(URL(fileURLWithPath: hotspots), kind: "hotspot"))
            }
        }
        let projection = try Projection(from: "EPSG:4326", to: loaded.graph.crs)
        let areas = try progress.time("read") {
            try AuditAreasInput.read(
                districts, nameField: districtNameField, graph: loaded.graph, datum: crs.datum, projection: projection)
        }
        let (placedStations, placedHotspots) = try progress.time("snap") {
            (try inputs.place(stationPoints, kind: "station", file: stations),
             try inputs.place(hotspotPoints, kind: "hotspot", file: hotspots))
        }
        for line in placedStations.leftOutMessages { progress.report(line) }
        try InputFileError.mapping(user: "the audit") { try placedStations.requireRoutable() }
        let unroutable = placedHotspots.unroutable.count
        if unroutable > 0 {
            progress.report("\(unroutable) of \(placedHotspots.all.count) hotspots are more than \(AuditNumbers.plain(network.maxSnap)) m from a usable road: marked unroutable, counted as uncovered")
        }
        progress.timings?.setSize("stations", placedStations.all.count)
        progress.timings?.setSize("hotspots", placedHotspots.all.count)

        var runs: [AuditRun] = []
        for speed in network.speeds {
            let graph = speed == loaded.graph.cruiseSpeedKmh ? loaded.graph : loaded.graph.retimed(cruiseSpeedKmh: speed)
            let clock = ContinuousClock()
            let start = clock.now
            let audit = try HotspotAudit(
                graph: graph, stations: placedStations.all, hotspots: placedHotspots.all, limitMinutes: minutes,
                areas: areas)
            let audited = clock.now
            let gaps = if noGaps {
                AuditGaps.notDrawn(areaCount: audit.areas.count)
            } else {
                switch geometry.geometry {
                case .raster:
                    try AuditGaps(
                        graph: graph, stations: placedStations.all, limitMinutes: minutes, areas: audit.areas,
                        raster: try RasterServiceArea(cellSize: geometry.cellSize))
                case .exact:
                    try AuditGaps(graph: graph, stations: placedStations.all, limitMinutes: minutes, areas: audit.areas)
                }
            }
            progress.timings?.add("hotspots", seconds: PhaseTimings.seconds(audited - start))
            progress.timings?.add("gaps", seconds: PhaseTimings.seconds(clock.now - audited))
            progress.report(
                "audit at \(AuditNumbers.plain(speed)) km/h: hotspots \(milliseconds(audited - start)) ms, gap polygons \(milliseconds(clock.now - audited)) ms")
            runs.append(AuditRun(speedKmh: speed, hotspots: audit, gaps: gaps))
        }

        let report = AuditReport(
            stations: placedStations.all, hotspots: placedHotspots.all, maxSnap: network.maxSnap,
            limitMinutes: minutes, runs: runs)
        try progress.time("write") {
            var files = [(data: GeoJSONWriter.encode(crsOut.apply(to: try AuditGeoJSON.featureCollection(report, projection: projection))),
                          url: URL(fileURLWithPath: out))]
            if let summary {
                files.append((data: Data(AuditCSV.text(report).utf8), url: URL(fileURLWithPath: summary)))
            }
            try AuditOutputFiles.write(files)
        }
        progress.report("wrote \(out)" + (summary.map { " and \($0)" } ?? ""))
        if !output.quiet { print(AuditSummaryText.text(report), terminator: "") }
        try output.finish(progress)
    }


    private func milliseconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return formatFixed(seconds * 1000, decimals: 2)
    }
}
