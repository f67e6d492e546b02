/// An RFC 7946 geometry. Positions are (lon, lat); a third (altitude) value
/// in the input is dropped. Polygons are lists of linear rings, the first
/// being the exterior and the rest holes; each ring repeats its first
/// position at the end.
///
/// `Codable` through the GeoJSON object form (`{"type": ..., "coordinates": ...}`);
/// decoding checks the structure, not ring closure or ranges (see `GeoJSONValidator`).
public enum Geometry: Hashable, Sendable, Codable {
    case point(Coordinate)
    case multiPoint([Coordinate])
    case lineString([Coordinate])
    case multiLineString([[Coordinate]])
    case polygon([[Coordinate]])
    case multiPolygon([[[Coordinate]]])
    case geometryCollection([Geometry])

    /// The GeoJSON `type` member: `Point`, `MultiPoint`, … `GeometryCollection`.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// The same geometry with every coordinate replaced by `transform(coordinate)`.
    /// - Complexity: O(n) calls of `transform` for n coordinates.
    public func mapCoordinates(_ transform: (Coordinate) throws -> Coordinate) rethrows -> Geometry {
        switch self {
        case .point(let c): .point(try transform(c))
        case .multiPoint(let cs): .multiPoint(try cs.map(transform))
        case .lineString(let cs): .lineString(try cs.map(transform))
        case .multiLineString(let lines): .multiLineString(try lines.map { try $0.map(transform) })
        case .polygon(let rings): .polygon(try rings.map { try $0.map(transform) })
        case .multiPolygon(let polygons):
            .multiPolygon(try polygons.map { try $0.map { try $0.map(transform) } })
        case .geometryCollection(let members):
            .geometryCollection(try members.map { try $0.mapCoordinates(transform) })
        }
    }

    /// Calls `body` for every coordinate, in document order.
    /// - Complexity: O(n).
    public func forEachCoordinate(_ body: (Coordinate) throws -> Void) rethrows {
        switch self {
        case .point(let c): try body(c)
        case .multiPoint(let cs), .lineString(let cs): try cs.forEach(body)
        case .multiLineString(let lines), .polygon(let lines): try lines.forEach { try $0.forEach(body) }
        case .multiPolygon(let polygons): try polygons.forEach { try $0.forEach { try $0.forEach(body) } }
        case .geometryCollection(let members): try members.forEach { try $0.forEachCoordinate(body) }
        }
    }

    /// The smallest box holding every coordinate, or nil when the geometry has none.
    /// - Complexity: O(n).
    public var boundingBox: BoundingBox? {
        var box: BoundingBox?
        forEachCoordinate { c in
            if box == nil {
                box = BoundingBox(minLon: c.lon, minLat: c.lat, maxLon: c.lon, maxLat: c.lat)
            } else {
                box!.extend(with: c)
            }
        }
        return box
    }

    /// Decodes the GeoJSON object form; structural problems become `GeoJSONError`.
    public init(from decoder: Decoder) throws {
        let parser = GeoJSONParser(fileName: nil)
        self = try parser.geometry(try JSONValue(from: decoder), featureIndex: nil, path: "")
    }

    /// Encodes the GeoJSON object form (through `JSONEncoder`'s number formatting;
    /// `GeoJSONWriter` writes the deterministic 7-decimal text).
    public func encode(to encoder: Encoder) throws {
        try jsonValue.encode(to: encoder)
    }

    /// The GeoJSON object of this geometry as a JSON value.
    public var jsonValue: JSONValue {
        func position(_ c: Coordinate) -> JSONValue { .array([.number(c.lon), .number(c.lat)]) }
        func positions(_ cs: [Coordinate]) -> JSONValue { .array(cs.map(position)) }
        let coordinates: JSONValue
        switch self {
        case .point(let c): coordinates = position(c)
        case .multiPoint(let cs), .lineString(let cs): coordinates = positions(cs)
        case .multiLineString(let lines), .polygon(let lines): coordinates = .array(lines.map(positions))
        case .multiPolygon(let polygons): coordinates = .array(polygons.map { .array($0.map(positions)) })
        case .geometryCollection(let members):
            return .object(["type": .string(typeName), "geometries": .array(members.map(\.jsonValue))])
        }
        return .object(["type": .string(typeName), "coordinates": coordinates])
    }
}
