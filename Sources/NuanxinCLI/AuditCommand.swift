import ArgumentParser
import Coverage
import Facilities
import Foundation
import GeoCore
import GeoIO
import Reports
import RoadNetwork

/// `nuanxin audit`: which hotspots and which parts of each district lie
/// outside every station's service area.
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
            walking speed, then the ride), as the service areas of `nuanxin reach`; one search from \
            all stations gives every hotspot's time to its nearest station. A hotspot is covered when \
            that time is at most --minutes; its own distance to the road (snap_m) is reported, not \
            timed, so a hotspot in a circle's 50 m access margin may still be uncovered by time.

            The GeoJSON (--out) holds, per speed: one Point per hotspot in input order with its input \
            properties plus nearest_station, minutes_to_nearest (rounded up to 0.1; null when no \
            station reaches it), stations_within, covered, snap_m and speed_kmh; hotspots farther than \
            --max-snap from a usable road get "unroutable": true and a reason, and count as uncovered. \
            Then per district a "kind": "district" feature (its outline; hotspots, hotspots_covered, \
            weight_total, weight_covered, share_covered, uncovered_area_km2) followed by a \
            "kind": "gap" feature whose geometry is the district minus the merged service area (drawn as --geometry says: raster by default, see `nuanxin reach --help`) \
            (null geometry when nothing is uncovered). A hotspot counts in the first district that \
            covers it; hotspots in none form a "(outside districts)" row with null geometry. Without \
            --districts the bounding box of the road network is one area, "study area", holding every \
            hotspot.

            --summary writes the same figures as CSV (one row per district and a total row). With \
            --speed-band LOW,HIGH the audit runs at both speeds: the GeoJSON holds one full set of \
            features per speed and the CSV one block of rows per speed, told apart by speed_kmh. \
            The covered shares and the largest uncovered hotspots go to stdout; --quiet prints \
            neither them nor progress. --stations-out writes each station's catchment load as CSV \
            (speed_kmh,minutes,station_id,name,hotspots_served,weight_served,minutes_mean,minutes_p90,\
            capacity,load_ratio; the same figures as the GeoJSON's "kind": "station" features: covered \
            hotspots go to their nearest station, ties to the first in the file; capacity is the \
            station's capacity property). Outputs are written atomically and are byte-identical for the \
            same inputs; a failed run leaves neither file behind.

            Direction (issue 15): by default times run to the station (--direction to-station, on the \
            reversed graph) and the hotspot's walk to its road counts (--hotspot-walk on); \
            --direction from-station --hotspot-walk off gives the times described above. --service NAME \
            and --at "Mo 22:30" keep only the stations offering the service / open then. --by-hour \
            writes the covered share of hotspot weight for each hour of a weekday (Wednesday) and a \
            Sunday (48 rows; a station counts in hour h when open at h:30) per district and in total to \
            --by-hour-out (default: next to --summary, audit.csv -> audit-by-hour.csv, else next to --out) \
            and as a table on stdout; with a speed band it uses the lower speed.
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

    @OptionGroup var formats: PointFormatOptions

    @Option(name: .long, help: "Travel-time limit in minutes (a multiple of 0.1).")
    var minutes = 15.0

    @Option(
        name: .long,
        help:
            "Output file: .geojson, or .gpkg/.kml (layers hotspots, districts, gaps), .shp/.csv (NAME_hotspots.shp, …) or PG: (tables, see --out-layer)."
    )
    var out = "audit.geojson"

    @OptionGroup var outLayer: OutputLayerOption

    @Option(name: .long, help: "Also write the per-district figures as CSV to this file.")
    var summary: String?

    @OptionGroup var geometry: GeometryOption

    @Option(
        name: .customLong("stations-out"),
        help: "Also write each station's catchment load (hotspots and weight served, minutes, capacity, load ratio) as CSV to this file.")
    var stationsOut: String?

    @Flag(name: .customLong("no-gaps"), help: "Numbers only: no uncovered-area polygons (no gap features; uncovered_area_km2 left empty).")
    var noGaps = false

    @OptionGroup var crsOut: OutputCRSOption

    @OptionGroup var stationFilter: StationFilterOptions

    @OptionGroup var travel: DirectionOption

    @OptionGroup var walk: HotspotWalkOption

    @Flag(name: .customLong("by-hour"), help: "Also write coverage by hour (weekday and Sunday, 48 rows) as CSV and a stdout table.")
    var byHour = false

    @Option(name: .customLong("by-hour-out"), help: "The --by-hour CSV (default: next to --summary, else next to --out).")
    var byHourOut: String?

    @OptionGroup var output: QuietOption

    func validate() throws {
        try checkOption("--minutes", minutes, InputLimits.minutes)
        _ = try stationFilter.filter()
        if byHour && stationFilter.at != nil { throw ValidationError("--by-hour covers every hour; leave out --at") }
        if byHourOut != nil && !byHour { throw ValidationError("--by-hour-out needs --by-hour") }
        try outLayer.validate(out: out)
        try OutputFileCheck.distinct(
            outputs: [
                ("--out", out), ("--summary", summary), ("--by-hour-out", byHour ? byHourPath : nil), ("--stations-out", stationsOut),
            ],
            inputs: [("--network", network.network), ("--stations", stations), ("--hotspots", hotspots), ("--districts", districts)])
    }

    func run() throws {
        let progress = output.progress
        let loaded = try network.load(progress: progress)
        let inputs = try NetworkInputs(
            graph: loaded.graph, datum: crs.datum, maxSnap: network.maxSnap, formats: try formats.formats(progress))
        let (stationPoints, hotspotPoints) = try InputFileError.mapping(user: "the audit") {
            try progress.time("read") {
                (
                    try inputs.points(URL(fileURLWithPath: stations), kind: "station"),
                    try inputs.points(URL(fileURLWithPath: hotspots), kind: "hotspot")
                )
            }
        }
        for point in stationPoints {
            do { _ = try SiteCapacity.of(point) } catch let error as SiteCapacityError {
                throw InputFileError(file: URL(fileURLWithPath: stations).lastPathComponent, message: error.description)
            }
        }
        let projection = try Projection(from: "EPSG:4326", to: loaded.graph.crs)
        let areas = try progress.time("read") {
            try AuditAreasInput.read(
                districts, nameField: districtNameField, graph: loaded.graph, datum: crs.datum, projection: projection,
                formats: inputs.formats)
        }
        let (placedStations, placedHotspots) = try progress.time("snap") {
            (
                try inputs.place(stationPoints, kind: "station", file: stations),
                try inputs.place(hotspotPoints, kind: "hotspot", file: hotspots)
            )
        }
        for line in placedStations.leftOutMessages { progress.report(line) }
        try InputFileError.mapping(user: "the audit") { try placedStations.requireRoutable() }
        let selection = try stationFilter.select(placedStations.all.map(\.site), file: stations, role: "station", progress: progress)
        let auditStations = selection.admitted.map { placedStations.all[$0] }
        let unroutable = placedHotspots.unroutable.count
        if unroutable > 0 {
            progress.report(
                "\(unroutable) of \(placedHotspots.all.count) hotspots are more than \(AuditNumbers.plain(network.maxSnap)) m from a usable road: marked unroutable, counted as uncovered"
            )
        }
        progress.timings?.setSize("stations", placedStations.all.count)
        progress.timings?.setSize("hotspots", placedHotspots.all.count)

        var runs: [AuditRun] = []
        for speed in network.speeds {
            let graph = travel.direction.searchGraph(
                for: speed == loaded.graph.cruiseSpeedKmh ? loaded.graph : loaded.graph.retimed(cruiseSpeedKmh: speed))
            let clock = ContinuousClock()
            let start = clock.now
            let audit = try HotspotAudit(
                graph: graph, stations: auditStations, hotspots: placedHotspots.all, limitMinutes: minutes,
                areas: areas, hotspotWalk: walk.isOn)
            let audited = clock.now
            let gaps =
                if noGaps {
                    AuditGaps.notDrawn(areaCount: audit.areas.count)
                } else {
                    switch geometry.geometry {
                    case .raster:
                        try AuditGaps(
                            graph: graph, stations: auditStations, limitMinutes: minutes, areas: audit.areas,
                            raster: try RasterServiceArea(cellSize: geometry.cellSize))
                    case .exact:
                        try AuditGaps(graph: graph, stations: auditStations, limitMinutes: minutes, areas: audit.areas)
                    }
                }
            progress.timings?.add("hotspots", seconds: PhaseTimings.seconds(audited - start))
            progress.timings?.add("gaps", seconds: PhaseTimings.seconds(clock.now - audited))
            progress.report(
                "audit at \(AuditNumbers.plain(speed)) km/h: hotspots \(milliseconds(audited - start)) ms, gap polygons \(milliseconds(clock.now - audited)) ms"
            )
            runs.append(AuditRun(speedKmh: speed, hotspots: audit, gaps: gaps))
        }

        let report = AuditReport(
            stations: auditStations, hotspots: placedHotspots.all, maxSnap: network.maxSnap,
            limitMinutes: minutes, runs: runs)
        let hourly =
            byHour
            ? AuditByHour(
                audit: runs[0].hotspots, weights: placedHotspots.all.map(\.site.weight),
                stations: selection.admitted.map { selection.attributes[$0] })
            : nil
        try progress.time("write") {
            let set = OutputSet()
            try set.add(
                crsOut.apply(to: try AuditGeoJSON.featureCollection(report, projection: projection)),
                to: out, layer: outLayer.name, split: .audit)
            if let summary { try set.add(Data(AuditCSV.text(report).utf8), path: summary) }
            if let hourly { try set.add(Data(hourly.csv().utf8), path: byHourPath) }
            if let stationsOut { try set.add(Data(try AuditCSV.stationText(report).utf8), path: stationsOut) }
            try set.commit()
        }
        let written = OutputSet.names(of: out, layer: outLayer.name, split: .audit).joined(separator: ", ")
        progress.report(
            "wrote \(written)" + (summary.map { " and \($0)" } ?? "") + (byHour ? " and \(byHourPath)" : "")
                + (stationsOut.map { " and \($0)" } ?? ""))
        if !output.quiet { print(AuditSummaryText.text(report), terminator: "") }
        if !output.quiet, let hourly { print(hourly.table(), terminator: "") }
        try output.finish(progress)
    }

    /// `--by-hour-out`, or the documented default next to `--summary` / `--out`.
    var byHourPath: String {
        if let byHourOut { return byHourOut }
        return ((summary ?? out) as NSString).deletingPathExtension + "-by-hour.csv"
    }

    private func milliseconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return formatFixed(seconds * 1000, decimals: 2)
    }
}
