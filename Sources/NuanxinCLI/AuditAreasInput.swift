import Coverage
import Foundation
import GeoCore
import GeoIO
import RoadNetwork

/// The areas `audit` and `report` count coverage in: the districts of `--districts`, or the study area.
enum AuditAreasInput {
    /// The districts of `path` (GeoJSON Polygon/MultiPolygon features named by `nameField`, in `datum`)
    /// projected to the graph's CRS, or the study area of `graph` when `path` is nil.
    /// - Throws: `GeoJSONError`, `DistrictError` naming the file and feature.
    static func read(
        _ path: String?, nameField: String, graph: RoadGraph, datum: ChineseDatum, projection: Projection,
        formats: PointFormats = PointFormats()
    ) throws -> AuditAreas {
        guard let path else { return .whole(try District.studyArea(of: graph, projection: projection)) }
        return .districts(
            try InputRole.districts(
                path: path, nameField: nameField, datum: datum, projection: projection, formats: formats))
    }
}
