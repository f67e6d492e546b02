/// A polygon in a projected CRS, in metres: one exterior ring and any number of holes.
///
/// Rings are closed (first point equals last point) when they come out of GEOS;
/// rings handed to GEOS may be open and are closed there. Polygons converted from
/// GEOS follow RFC 7946 winding: exterior counter-clockwise, holes clockwise.
public struct PlanarPolygon: Hashable, Sendable {
    /// The exterior ring.
    public var exterior: [PlanarPoint]
    /// The interior rings (holes).
    public var holes: [[PlanarPoint]]

    /// Creates a polygon from its exterior ring and holes.
    public init(exterior: [PlanarPoint], holes: [[PlanarPoint]] = []) {
        self.exterior = exterior
        self.holes = holes
    }

    /// Area in square metres: the exterior's area minus the holes' areas (shoelace formula).
    /// - Complexity: O(n) in the number of vertices.
    public var area: Double {
        abs(PlanarRing.signedArea(exterior)) - holes.reduce(0) { $0 + abs(PlanarRing.signedArea($1)) }
    }

    /// The same polygon with RFC 7946 winding: exterior counter-clockwise, holes clockwise.
    /// - Complexity: O(n) in the number of vertices.
    public func orientedForGeoJSON() -> PlanarPolygon {
        PlanarPolygon(
            exterior: PlanarRing.oriented(exterior, counterClockwise: true),
            holes: holes.map { PlanarRing.oriented($0, counterClockwise: false) })
    }
}

/// A set of polygons in a projected CRS, in metres (a MultiPolygon).
public struct PlanarMultiPolygon: Hashable, Sendable {
    /// The polygons, in the order GEOS produced them.
    public var polygons: [PlanarPolygon]

    /// Creates a multipolygon from its polygons.
    public init(polygons: [PlanarPolygon] = []) {
        self.polygons = polygons
    }

    /// True when there is no polygon.
    public var isEmpty: Bool { polygons.isEmpty }

    /// Total area in square metres (sum over the polygons, holes subtracted).
    /// - Complexity: O(n) in the number of vertices.
    public var area: Double { polygons.reduce(0) { $0 + $1.area } }
}

/// Ring arithmetic shared by the planar types.
public enum PlanarRing {
    /// Signed area of a ring by the shoelace formula: positive when counter-clockwise.
    /// Works for open and closed rings alike.
    /// - Complexity: O(n).
    public static func signedArea(_ ring: [PlanarPoint]) -> Double {
        guard ring.count >= 3 else { return 0 }
        // Shift to the first vertex so that large projected coordinates (10⁶ m)
        // do not cancel catastrophically in the cross products.
        let origin = ring[0]
        var twice = 0.0
        for i in 1..<(ring.count - 1) {
            let a = ring[i]
            let b = ring[i + 1]
            twice += (a.x - origin.x) * (b.y - origin.y) - (b.x - origin.x) * (a.y - origin.y)
        }
        return twice / 2
    }

    /// The ring with the requested winding, reversed if needed.
    /// - Complexity: O(n).
    public static func oriented(_ ring: [PlanarPoint], counterClockwise: Bool) -> [PlanarPoint] {
        (signedArea(ring) > 0) == counterClockwise ? ring : ring.reversed()
    }
}
