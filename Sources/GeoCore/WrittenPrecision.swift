import CGEOS

extension GEOSGeometry {
    /// This geometry snap-rounded to a square grid of `gridSize` (in its own
    /// units): every vertex moved to the nearest grid point and the edges noded
    /// so that the result is valid (`GEOSGeom_setPrecision_r`, GEOS's snap-rounding
    /// overlay; Hobby 1999, "Practical segment intersection with finite precision
    /// output"). Parts narrower than the grid may collapse; a polygon pinched to a
    /// point becomes polygons touching there.
    /// - Throws: `GEOSError` with GEOS's message.
    /// - Complexity: O(n log n) in the number of vertices.
    public func snapRounded(gridSize: Double) throws -> GEOSGeometry {
        precondition(gridSize.isFinite && gridSize > 0, "grid size must be positive")
        return try result("setPrecision") { GEOSGeom_setPrecision_r($0, pointer, gridSize, 0) }
    }
}

/// Keeps polygons valid at the precision the GeoJSON writer writes: coordinates
/// with 7 decimals (about 1 cm). An overlay can leave two vertices, or a vertex
/// and an edge, closer than that; rounding them on writing can then fold a ring
/// over itself. Such a polygon is snap-rounded to the 10⁻⁷ grid
/// (`GEOSGeometry.snapRounded`), so that the writer's rounding changes nothing
/// and the written polygon is valid; every other polygon is left as it is.
public enum WrittenPrecision {
    /// The grid of the written coordinates, in degrees (7 decimals).
    public static let gridSize = 1e-7

    /// `collection` with every Polygon and MultiPolygon that would be invalid
    /// once rounded to 7 decimals replaced by its snap-rounded form (always a
    /// MultiPolygon, or nil when nothing is left). Other features are unchanged.
    /// - Throws: `GEOSError` from the validity check or the snap rounding.
    /// - Complexity: O(n log n) in the number of polygon vertices.
    public static func validPolygons(_ collection: FeatureCollection) throws -> FeatureCollection {
        let context = try GEOSContext()
        var result = collection
        for index in result.features.indices {
            guard let geometry = result.features[index].geometry, let polygons = polygons(of: geometry) else { continue }
            let rounded = PlanarMultiPolygon(polygons: polygons.map { $0.map(roundedRing) }.map(planar))
            if try GEOSGeometry(multiPolygon: rounded, in: context).validity().isValid { continue }
            let original = try GEOSGeometry(multiPolygon: PlanarMultiPolygon(polygons: polygons.map(planar)), in: context)
            let repaired = try original.snapRounded(gridSize: gridSize).toMultiPolygon()
            result.features[index].geometry =
                repaired.polygons.isEmpty
                ? nil
                : .multiPolygon(
                    repaired.polygons.map { polygon in
                        ([polygon.exterior] + polygon.holes).map { ring in ring.map { Coordinate(lon: $0.x, lat: $0.y) } }
                    })
        }
        return result
    }

    /// The rings of a Polygon or MultiPolygon, nil for other types.
    private static func polygons(of geometry: Geometry) -> [[[Coordinate]]]? {
        switch geometry {
        case .polygon(let rings): [rings]
        case .multiPolygon(let polygons): polygons
        default: nil
        }
    }

    private static func roundedRing(_ ring: [Coordinate]) -> [Coordinate] {
        ring.map { Coordinate(lon: rounded($0.lon), lat: rounded($0.lat)) }
    }

    /// `value` as the writer writes it (7 decimals).
    private static func rounded(_ value: Double) -> Double {
        Double(formatFixed(value, decimals: 7)) ?? value
    }

    /// Degrees as plane coordinates (validity does not depend on the projection).
    private static func planar(_ rings: [[Coordinate]]) -> PlanarPolygon {
        let points = rings.map { ring in ring.map { PlanarPoint(x: $0.lon, y: $0.lat) } }
        return PlanarPolygon(exterior: points.first ?? [], holes: Array(points.dropFirst()))
    }
}
