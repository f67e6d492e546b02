import GeoCore

/// An OSM object carrying one of the tags asked for: a node, or a way
/// placed at the centroid of its nodes (as for `OSMPOI`).
public struct OSMTaggedPoint: Hashable, Sendable {
    /// `n123` for node 123, `w45` for way 45.
    public var id: String
    /// Position in WGS84.
    public var coordinate: Coordinate
    /// The object's tags among the keys asked for.
    public var tags: [String: String]

    /// Creates a point.
    public init(id: String, coordinate: Coordinate, tags: [String: String]) {
        self.id = id
        self.coordinate = coordinate
        self.tags = tags
    }
}

/// Reads arbitrary tagged points (e.g. pick-up places for hotspots) from an
/// OSM file with libosmium, independent of `POIKind`.
public enum OSMTaggedPoints {
    /// The objects of `path` carrying one of `matching` (`key=value`), with the
    /// tags `keys` names, inside the file's header bounding box when it has one,
    /// sorted by id (nodes before ways, then by number).
    /// - Throws: `NetworkLoadError` (missing or unreadable file).
    /// - Complexity: O(size of the file).
    public static func read(path: String, matching: [(key: String, value: String)], keys: [String]) throws -> [OSMTaggedPoint] {
        let extract = try OSMExtract(reading: path, poiMatches: matching, poiKeys: keys)
        let points = extract.pois.compactMap { poi -> OSMTaggedPoint? in
            let c = Coordinate(lon: poi.lon, lat: poi.lat)
            if let box = extract.headerBox, !(box.minLon...box.maxLon ~= c.lon && box.minLat...box.maxLat ~= c.lat) { return nil }
            return OSMTaggedPoint(id: poi.id, coordinate: c, tags: poi.tags)
        }
        return points.sorted { a, b in
            let (ta, tb) = (a.id.first ?? "n", b.id.first ?? "n")
            if ta != tb { return ta < tb }
            return Int64(a.id.dropFirst()) ?? 0 < Int64(b.id.dropFirst()) ?? 0
        }
    }
}
