/// Ring orientation in the (lon, lat) plane, as RFC 7946 §3.1.6 defines it.
public enum RingWinding {
    /// Twice the signed area of `ring` in square degrees (shoelace formula):
    /// positive when counter-clockwise, negative when clockwise, zero when degenerate.
    /// Only the sign is meaningful; areas in m² come from the metric CRS.
    /// - Complexity: O(n).
    public static func signedDoubleArea(_ ring: [Coordinate]) -> Double {
        guard ring.count >= 3 else { return 0 }
        let origin = ring[0]  // shift to keep the products small and precise
        var sum = 0.0
        for i in 0..<(ring.count - 1) {
            let a = ring[i]
            let b = ring[i + 1]
            sum += (a.lon - origin.lon) * (b.lat - origin.lat) - (b.lon - origin.lon) * (a.lat - origin.lat)
        }
        return sum
    }

    /// True when the ring turns counter-clockwise.
    public static func isCounterClockwise(_ ring: [Coordinate]) -> Bool {
        signedDoubleArea(ring) > 0
    }

    /// `ring` turned counter-clockwise (`counterClockwise == true`) or clockwise;
    /// degenerate rings (zero area) are returned unchanged.
    /// - Complexity: O(n).
    public static func oriented(_ ring: [Coordinate], counterClockwise: Bool) -> [Coordinate] {
        let area = signedDoubleArea(ring)
        guard area != 0, (area > 0) != counterClockwise else { return ring }
        return ring.reversed()
    }

    /// Rings of one polygon with the exterior counter-clockwise and holes clockwise.
    static func orientedPolygon(_ rings: [[Coordinate]]) -> [[Coordinate]] {
        rings.enumerated().map { oriented($0.element, counterClockwise: $0.offset == 0) }
    }
}

extension Geometry {
    /// The same geometry with every polygon's exterior ring counter-clockwise
    /// and its holes clockwise (the RFC 7946 right-hand rule).
    /// - Complexity: O(n).
    public func withRFC7946Winding() -> Geometry {
        switch self {
        case .point, .multiPoint, .lineString, .multiLineString: self
        case .polygon(let rings): .polygon(RingWinding.orientedPolygon(rings))
        case .multiPolygon(let polygons): .multiPolygon(polygons.map(RingWinding.orientedPolygon))
        case .geometryCollection(let members): .geometryCollection(members.map { $0.withRFC7946Winding() })
        }
    }
}
