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
            "Output file: .geojson, or .gpkg/.kml/.kmz (layers hotspots, districts, gaps), .shp/.csv (NAME_hotspots.shp, …) or PG: (tables, see --out-layer)."
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
            let drawing: AuditGapDrawing
            switch (noGaps, geometry.geometry) {
            case (true, _): drawing = .none
            case (false, .raster): drawing = .raster(try RasterServiceArea(cellSize: geometry.cellSize))
            case (false, .exact): drawing = .exact(IsochronePolygonBuilder())
            }
            var timed = try AuditRun.sideBySide(
                graph: graph, stations: auditStations, hotspots: placedHotspots.all, limitMinutes: minutes, areas: areas,
                hotspotWalk: walk.isOn, gaps: drawing)
            timed.run.speedKmh = speed
            let (hotspotTime, gapTime) = (timed.hotspotTime, timed.gapTime)
            progress.timings?.add("hotspots", seconds: PhaseTimings.seconds(hotspotTime))
            progress.timings?.add("gaps", seconds: PhaseTimings.seconds(gapTime))
            progress.report(
                "audit at \(AuditNumbers.plain(speed)) km/h: hotspots \(milliseconds(hotspotTime)) ms, gap polygons \(milliseconds(gapTime)) ms"
            )
            runs.append(timed.run)
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
