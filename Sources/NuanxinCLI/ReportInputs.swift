import Coverage
import Foundation
import GeoCore
import GeoIO
import Planner
import Reports
import RoadNetwork

/// The point and area files of `nuanxin report`, read, converted to WGS84 and placed on the network.
struct ReportInputs {
    /// The stations, placed (unroutable ones kept: they are drawn grey and listed).
    var stations: [PlacedSite]
    /// The hotspots, placed.
    var hotspots: [PlacedSite]
    /// The districts, or the study area.
    var areas: AuditAreas
    /// The candidate sites, placed; nil without `--candidates`.
    var candidates: [PlacedSite]?

    /// The keyword of `--candidates` that takes the candidates from the network file.
    static let osmCandidates = "osm"

    /// Reads and places every input.
    /// - Throws: `PointSetError`, `GeoJSONError`, `DistrictError` from the readers; `InputFileError`
    ///   for an empty point file, no routable station, or no OSM candidate.
    static func read(
        stations: String, hotspots: String, districts: String?, districtNameField: String, candidates: String?,
        loaded: LoadedNetwork, datum: ChineseDatum, maxSnap: Double, projection: Projection, formats: PointFormats,
        progress: ProgressLog
    ) throws -> ReportInputs {
        let inputs = try NetworkInputs(graph: loaded.graph, datum: datum, maxSnap: maxSnap, formats: formats)
        let placedStations = try InputFileError.mapping(user: "the report") {
            try progress.time("read") { try inputs.read(URL(fileURLWithPath: stations), kind: "station") }
        }
        for line in placedStations.leftOutMessages { progress.report(line) }
        try InputFileError.mapping(user: "the report") { try placedStations.requireRoutable() }
        let placedHotspots = try InputFileError.mapping(user: "the report") {
            try progress.time("read") { try inputs.read(URL(fileURLWithPath: hotspots), kind: "hotspot") }
        }
        let unroutable = placedHotspots.unroutable.count
        if unroutable > 0 {
            progress.report(
                "\(unroutable) of \(placedHotspots.all.count) hotspots are more than \(AuditNumbers.plain(maxSnap)) m from a usable road: counted as uncovered"
            )
        }
        var placedCandidates: [PlacedSite]?
        if candidates == osmCandidates {
            let found = OSMCandidates.sites(of: loaded)
            guard !found.isEmpty else {
                throw InputFileError(
                    file: "--candidates osm",
                    message:
                        "the network file has no points of interest of the station kinds (\(OSMCandidates.stationKinds.map(\.rawValue).joined(separator: ", "))); give a candidates file"
                )
            }
            placedCandidates = try inputs.place(found, kind: "candidate", file: "--candidates osm", allowMostlyUnroutable: true).all
        } else if let candidates {
            placedCandidates = try InputFileError.mapping(user: "the report") {
                try progress.time("read") { try inputs.read(URL(fileURLWithPath: candidates), kind: "candidate").all }
            }
        }
        return ReportInputs(
            stations: placedStations.all, hotspots: placedHotspots.all,
            areas: try progress.time("read") {
                try AuditAreasInput.read(
                    districts, nameField: districtNameField, graph: loaded.graph, datum: datum, projection: projection,
                    formats: formats)
            },
            candidates: placedCandidates)
    }
}
