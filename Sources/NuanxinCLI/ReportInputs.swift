import Coverage
import Foundation
import GeoCore
import Planner
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
    /// - Throws: `PointSetError`, `GeoJSONError`, `DistrictError` from the readers; `ReportInputError`
    ///   for an empty point file, no routable station, or no OSM candidate.
    static func read(
        stations: String, hotspots: String, districts: String?, districtNameField: String, candidates: String?,
        loaded: LoadedNetwork, datum: ChineseDatum, maxSnap: Double, projection: Projection, progress: Progress
    ) throws -> ReportInputs {
        let placer = try SitePlacer(graph: loaded.graph)
        let placedStations = try placer.place(try points(stations, what: "stations", datum: datum), maxSnap: maxSnap)
        try SnapShare.requireMostRoutable(placedStations, file: stations, role: "stations", maxSnap: maxSnap)
        for station in placedStations {
            if let reason = station.unroutableReason(maxSnap: maxSnap) {
                progress.report("station \(station.site.id) is left out: \(reason)")
            }
        }
        guard placedStations.contains(where: { $0.snap != nil }) else {
            throw ReportInputError(
                file: fileName(stations),
                message: "no station is within --max-snap \(AuditNumbers.plain(maxSnap)) m of a usable road; check --crs (AMap/Baidu points are 300–600 m off) or raise --max-snap")
        }
        let placedHotspots = try placer.place(try points(hotspots, what: "hotspots", datum: datum), maxSnap: maxSnap)
        try SnapShare.requireMostRoutable(placedHotspots, file: hotspots, role: "hotspots", maxSnap: maxSnap)
        let unroutable = placedHotspots.count { $0.snap == nil }
        if unroutable > 0 {
            progress.report("\(unroutable) of \(placedHotspots.count) hotspots are more than \(AuditNumbers.plain(maxSnap)) m from a usable road: counted as uncovered")
        }
        var candidatePoints: [SitePoint]?
        if candidates == osmCandidates {
            let box = loaded.stats.clipBox ?? loaded.stats.bbox
            let found = OSMCandidates.sites(from: loaded.pois, inside: box)
            guard !found.isEmpty else {
                throw ReportInputError(
                    file: "--candidates osm",
                    message: "the network file has no points of interest of the station kinds (\(OSMCandidates.stationKinds.map(\.rawValue).joined(separator: ", "))); give a candidates file")
            }
            candidatePoints = found
        } else if let candidates {
            candidatePoints = try points(candidates, what: "candidates", datum: datum)
        }
        return ReportInputs(
            stations: placedStations, hotspots: placedHotspots,
            areas: try areas(districts, nameField: districtNameField, graph: loaded.graph, datum: datum, projection: projection),
            candidates: try candidatePoints.map { try placer.place($0, maxSnap: maxSnap) })
    }

    /// The points of `path` in WGS84; at least one.
    private static func points(_ path: String, what: String, datum: ChineseDatum) throws -> [SitePoint] {
        try InputRole(rawValue: what)!.points(path: path, datum: datum)
    }

    /// The districts of `path` projected to the graph's CRS, or the study area without one.
    private static func areas(
        _ path: String?, nameField: String, graph: RoadGraph, datum: ChineseDatum, projection: Projection
    ) throws -> AuditAreas {
        guard let path else { return .whole(try District.studyArea(of: graph, projection: projection)) }
        return .districts(try InputRole.districts(
            path: path, nameField: nameField, datum: datum, projection: projection, context: try GEOSContext()))
    }

    private static func fileName(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }
}

/// A report input that cannot give a meaningful report, with the file and what to do.
struct ReportInputError: Error, CustomStringConvertible {
    /// The file concerned (last path component), or the option.
    var file: String
    /// What is wrong and what to do.
    var message: String

    var description: String { "\(file): \(message)" }
}
