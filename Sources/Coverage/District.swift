import GeoCore
import RoadNetwork

/// An area the audit reports on: a district (区) or street office (街道) read
/// from a polygon file, or the study area when no districts are given.
public struct District: Hashable, Sendable {
    /// The name the outputs show, e.g. `成华区`.
    public var name: String
    /// The outline in WGS84, as read (written back unchanged).
    public var geometry: Geometry
    /// The outline in the road graph's metric CRS (metres).
    public var polygon: PlanarMultiPolygon

    /// A district named `name` with its WGS84 outline and the same outline in metres.
    public init(name: String, geometry: Geometry, polygon: PlanarMultiPolygon) {
        self.name = name
        self.geometry = geometry
        self.polygon = polygon
    }

    /// The name of the area used when no districts are given.
    public static let studyAreaName = "study area"

    /// The whole extent of `graph` as one area named `study area`: the
    /// rectangle around every road point in the graph's metric CRS, taken
    /// back to WGS84 with the inverse of `projection` (WGS84 → the graph's CRS).
    /// - Throws: `ProjectionError` when a corner cannot be transformed.
    /// - Complexity: O(road points).
    public static func studyArea(of graph: RoadGraph, projection: Projection) throws -> District {
        let xs = graph.pointX.isEmpty ? graph.nodeX : graph.pointX
        let ys = graph.pointY.isEmpty ? graph.nodeY : graph.pointY
        let minX = xs.min() ?? 0
        let maxX = xs.max() ?? 0
        let minY = ys.min() ?? 0
        let maxY = ys.max() ?? 0
        let rectangle = PlanarMultiPolygon(polygons: [
            PlanarPolygon(exterior: [
                PlanarPoint(x: minX, y: minY), PlanarPoint(x: maxX, y: minY), PlanarPoint(x: maxX, y: maxY),
                PlanarPoint(x: minX, y: maxY), PlanarPoint(x: minX, y: minY),
            ])
        ])
        // One polygon in gives one Polygon out (nil only for no polygons).
        let geometry = try GeoJSONPlanar.geometry(from: rectangle, projection: projection)!
        return District(name: studyAreaName, geometry: geometry, polygon: rectangle)
    }
}
