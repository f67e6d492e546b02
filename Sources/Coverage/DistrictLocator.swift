import GeoCore

/// Finds the district holding a point: a bounding-box test first, then a
/// GEOS prepared-geometry `covers` test (boundary included).
///
/// Owns its own GEOS context: use one locator on one thread at a time.
public struct DistrictLocator {
    private let prepared: [GEOSPreparedGeometry]
    private let boxes: [(minX: Double, minY: Double, maxX: Double, maxY: Double)]

    /// Prepares every district's polygon in a GEOS context of its own.
    /// - Throws: `GEOSError` with GEOS's message.
    /// - Complexity: O(n log n) in the number of vertices.
    public init(districts: [District]) throws {
        try self.init(districts: districts, context: GEOSContext())
    }

    /// Prepares every district's polygon in `context` (the caller's thread).
    init(districts: [District], context: GEOSContext) throws {
        prepared = try districts.map { try GEOSPreparedGeometry(GEOSGeometry(multiPolygon: $0.polygon, in: context)) }
        boxes = districts.map { district in
            let points = district.polygon.polygons.flatMap(\.exterior)
            return (
                points.map(\.x).min() ?? .infinity, points.map(\.y).min() ?? .infinity,
                points.map(\.x).max() ?? -.infinity, points.map(\.y).max() ?? -.infinity
            )
        }
    }

    /// Index of the first district (in the order given) covering `point`
    /// (planar metres), or nil when none does.
    /// - Throws: `GEOSError` with GEOS's message.
    /// - Complexity: O(districts) box tests and O(log n) per prepared test.
    public func district(of point: PlanarPoint) throws -> Int? {
        for (index, box) in boxes.enumerated()
        where point.x >= box.minX && point.x <= box.maxX && point.y >= box.minY && point.y <= box.maxY {
            if try prepared[index].covers(point) { return index }
        }
        return nil
    }
}
