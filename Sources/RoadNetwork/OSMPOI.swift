import GeoCore

/// A point of interest from the OSM file: a node, or a way placed at the
/// centroid of its nodes.
public struct OSMPOI: Hashable, Sendable {
    /// `n123` for node 123, `w45` for way 45.
    public var id: String
    /// Position in WGS84.
    public var coordinate: Coordinate
    /// The `name` tag (or `name:zh`), if any.
    public var name: String?
    /// What the place is.
    public var kind: POIKind
    /// The tags in `POIKind.tagKeys` the object carries.
    public var tags: [String: String]

    /// Creates a point of interest.
    public init(id: String, coordinate: Coordinate, name: String?, kind: POIKind, tags: [String: String]) {
        self.id = id
        self.coordinate = coordinate
        self.name = name
        self.kind = kind
        self.tags = tags
    }
}

extension OSMPOI {
    /// The points of interest of an extract with a known kind, sorted by id
    /// (nodes before ways, then by number) so imports are deterministic.
    /// - Complexity: O(n log n).
    static func from(_ raw: [OSMExtract.RawPOI]) -> [OSMPOI] {
        let pois = raw.compactMap { poi -> OSMPOI? in
            guard let kind = POIKind.kind(of: poi.tags) else { return nil }
            return OSMPOI(
                id: poi.id, coordinate: Coordinate(lon: poi.lon, lat: poi.lat),
                name: poi.tags["name"] ?? poi.tags["name:zh"], kind: kind, tags: poi.tags)
        }
        return pois.sorted { a, b in
            let (ta, tb) = (a.id.first ?? "n", b.id.first ?? "n")
            if ta != tb { return ta < tb }
            return Int64(a.id.dropFirst()) ?? 0 < Int64(b.id.dropFirst()) ?? 0
        }
    }
}
