/// A point of a point set: a station, a hotspot or a candidate site, in WGS84.
public struct SitePoint: Hashable, Sendable {
    /// Unique id within its set.
    public var id: String
    /// Position in WGS84 (lon, lat).
    public var coordinate: Coordinate
    /// Demand weight (e.g. riders per hour at a hotspot); 1 when not given, never negative.
    public var weight: Double
    /// Human-readable name, e.g. `春熙路暖新驿站`.
    public var name: String?
    /// Category, e.g. `pharmacy`, `bank`, `mall`.
    public var kind: String?
    /// Every other attribute (GeoJSON properties or extra CSV columns) except
    /// `id`, `weight`, `name` and `kind`.
    public var properties: [String: JSONValue]

    /// Creates a point.
    public init(
        id: String, coordinate: Coordinate, weight: Double = 1, name: String? = nil, kind: String? = nil,
        properties: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.coordinate = coordinate
        self.weight = weight
        self.name = name
        self.kind = kind
        self.properties = properties
    }
}
