/// Moves polygonal GeoJSON geometry between WGS84 degrees and planar metres.
public enum GeoJSONPlanar {
    /// The polygons of `geometry` (a Polygon, MultiPolygon, or a collection of
    /// them) projected to metres with `projection` (WGS84 → metric).
    /// - Throws: `GeoJSONPlanarError.notPolygonal` for other geometry types,
    ///   `ProjectionError` when a position cannot be projected.
    /// - Complexity: O(n) positions, one PROJ batch per ring.
    public static func multiPolygon(from geometry: Geometry, projection: Projection) throws -> PlanarMultiPolygon {
        func ring(_ cs: [Coordinate]) throws -> [PlanarPoint] { try projection.forward(cs) }
        func polygon(_ rings: [[Coordinate]]) throws -> PlanarPolygon {
            guard let exterior = rings.first else { return PlanarPolygon(exterior: []) }
            return PlanarPolygon(exterior: try ring(exterior), holes: try rings.dropFirst().map(ring))
        }
        switch geometry {
        case .polygon(let rings):
            return PlanarMultiPolygon(polygons: [try polygon(rings)])
        case .multiPolygon(let polygons):
            return PlanarMultiPolygon(polygons: try polygons.map(polygon))
        case .geometryCollection(let members):
            return PlanarMultiPolygon(polygons: try members.flatMap { try multiPolygon(from: $0, projection: projection).polygons })
        default:
            throw GeoJSONPlanarError.notPolygonal(type: geometry.typeName)
        }
    }

    /// `multiPolygon` back in WGS84 (inverse of `projection`), as a Polygon
    /// when it has one part and a MultiPolygon otherwise; nil when empty.
    /// Rings follow RFC 7946 winding.
    /// - Throws: `ProjectionError` when a position cannot be transformed.
    public static func geometry(from multiPolygon: PlanarMultiPolygon, projection: Projection) throws -> Geometry? {
        let polygons = try multiPolygon.polygons.map { p -> [[Coordinate]] in
            let oriented = p.orientedForGeoJSON()
            return try ([oriented.exterior] + oriented.holes).map { try projection.inverse($0) }
        }
        switch polygons.count {
        case 0: return nil
        case 1: return .polygon(polygons[0])
        default: return .multiPolygon(polygons)
        }
    }
}

/// A geometry that should have been polygonal was not.
public enum GeoJSONPlanarError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The geometry's GeoJSON type is not Polygon or MultiPolygon.
    case notPolygonal(type: String)

    public var description: String {
        switch self {
        case .notPolygonal(let type): "expected a Polygon or MultiPolygon, found \(type)"
        }
    }
}

/// GEOS topological validity as a `GeoJSONValidator` check.
public enum GEOSValidityCheck {
    /// Reports a GEOS validity problem (self-intersection, ring self-touching,
    /// hole outside shell …) of Polygon and MultiPolygon geometries, using the
    /// degrees as plane coordinates (validity does not depend on the projection).
    /// Creates its own GEOS context per call, so it is safe from any thread.
    public static let check: GeoJSONValidator.GeometryCheck = { geometry in
        let polygons: [[[Coordinate]]]
        switch geometry {
        case .polygon(let rings): polygons = [rings]
        case .multiPolygon(let ps): polygons = ps
        default: return []
        }
        let planar = PlanarMultiPolygon(
            polygons: polygons.map { rings in
                let asPlanar = rings.map { $0.map { PlanarPoint(x: $0.lon, y: $0.lat) } }
                return PlanarPolygon(exterior: asPlanar.first ?? [], holes: Array(asPlanar.dropFirst()))
            })
        do {
            let context = try GEOSContext()
            let g = try GEOSGeometry(multiPolygon: planar, in: context)
            if case .invalid(let reason) = try g.validity() {
                return [
                    GeoJSONIssue(
                        field: "coordinates", kind: .invalidGeometry, severity: .error, message: "not a valid polygon (GEOS): \(reason)")
                ]
            }
            return []
        } catch {
            return [
                GeoJSONIssue(
                    field: "coordinates", kind: .invalidGeometry, severity: .error, message: "GEOS could not read the polygon: \(error)")
            ]
        }
    }
}
