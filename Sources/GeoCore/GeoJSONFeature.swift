/// A feature `id`: RFC 7946 allows a string or a number, and both are kept as given.
public enum FeatureID: Hashable, Sendable, Codable, CustomStringConvertible {
    case string(String)
    case number(Double)

    /// Decodes a string or a number.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let s = try? container.decode(String.self) {
            self = .string(s)
        } else {
            self = .number(try container.decode(Double.self))
        }
    }

    /// Encodes a string, or a number (integral numbers without a decimal point).
    public func encode(to encoder: Encoder) throws {
        try jsonValue.encode(to: encoder)
    }

    /// The id as a JSON value.
    public var jsonValue: JSONValue {
        switch self {
        case .string(let s): .string(s)
        case .number(let n): .number(n)
        }
    }

    /// The id as text: the string itself, or the number (`12`, `3.5`).
    public var description: String {
        switch self {
        case .string(let s): s
        case .number(let n): n.exactInteger.map(String.init) ?? n.description
        }
    }
}

/// An RFC 7946 Feature: a geometry (or null), properties (or null), an
/// optional id and bbox, and any foreign members, all kept on a round trip.
public struct Feature: Hashable, Sendable, Codable {
    /// The feature's `id`, string or number, when present.
    public var id: FeatureID?
    /// The geometry, nil for `"geometry": null`.
    public var geometry: Geometry?
    /// The `properties` object, nil for `"properties": null` or when absent.
    public var properties: [String: JSONValue]?
    /// The feature's `bbox`, when present.
    public var bbox: BoundingBox?
    /// Members other than `type`, `id`, `geometry`, `properties` and `bbox`.
    public var foreignMembers: [String: JSONValue]

    /// Creates a feature.
    public init(
        id: FeatureID? = nil, geometry: Geometry?, properties: [String: JSONValue]? = [:],
        bbox: BoundingBox? = nil, foreignMembers: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
        self.bbox = bbox
        self.foreignMembers = foreignMembers
    }

    /// Decodes a GeoJSON Feature object; problems become `GeoJSONError`.
    public init(from decoder: Decoder) throws {
        var parser = GeoJSONParser(fileName: nil)
        self = try parser.feature(try JSONValue(from: decoder), index: nil, path: "")
    }

    /// Encodes the GeoJSON Feature object.
    public func encode(to encoder: Encoder) throws {
        try jsonValue.encode(to: encoder)
    }

    /// The GeoJSON Feature object as a JSON value.
    public var jsonValue: JSONValue {
        var members = foreignMembers
        members["type"] = .string("Feature")
        members["geometry"] = geometry?.jsonValue ?? .null
        members["properties"] = properties.map(JSONValue.object) ?? .null
        if let id { members["id"] = id.jsonValue }
        if let bbox { members["bbox"] = .array(bbox.array.map(JSONValue.number)) }
        return .object(members)
    }

    /// The same feature with every coordinate transformed; a bbox that was
    /// present is recomputed from the new coordinates.
    /// - Complexity: O(n) for n coordinates.
    public func mapCoordinates(_ transform: (Coordinate) throws -> Coordinate) rethrows -> Feature {
        var copy = self
        copy.geometry = try geometry?.mapCoordinates(transform)
        if bbox != nil { copy.bbox = copy.geometry?.boundingBox }
        return copy
    }
}

/// An RFC 7946 FeatureCollection with its optional bbox and foreign members.
public struct FeatureCollection: Hashable, Sendable, Codable {
    /// The features, in file order.
    public var features: [Feature]
    /// The collection's `bbox`, when present.
    public var bbox: BoundingBox?
    /// Members other than `type`, `features` and `bbox` (e.g. `name`).
    public var foreignMembers: [String: JSONValue]

    /// Creates a collection.
    public init(features: [Feature], bbox: BoundingBox? = nil, foreignMembers: [String: JSONValue] = [:]) {
        self.features = features
        self.bbox = bbox
        self.foreignMembers = foreignMembers
    }

    /// Decodes a FeatureCollection, a single Feature or a bare Geometry, like `GeoJSONReader`
    /// (structure only; ranges and rings are checked by `GeoJSONValidator`).
    public init(from decoder: Decoder) throws {
        var parser = GeoJSONParser(fileName: nil)
        self = try parser.document(try JSONValue(from: decoder))
    }

    /// Encodes the GeoJSON FeatureCollection object.
    public func encode(to encoder: Encoder) throws {
        try jsonValue.encode(to: encoder)
    }

    /// The GeoJSON FeatureCollection object as a JSON value.
    public var jsonValue: JSONValue {
        var members = foreignMembers
        members["type"] = .string("FeatureCollection")
        members["features"] = .array(features.map(\.jsonValue))
        if let bbox { members["bbox"] = .array(bbox.array.map(JSONValue.number)) }
        return .object(members)
    }

    /// The box of every feature's geometry, or nil when there are no coordinates.
    /// - Complexity: O(n).
    public var boundingBox: BoundingBox? {
        var box: BoundingBox?
        for case let featureBox? in features.map({ $0.geometry?.boundingBox }) {
            if box == nil {
                box = featureBox
            } else {
                box!.extend(with: Coordinate(lon: featureBox.minLon, lat: featureBox.minLat))
                box!.extend(with: Coordinate(lon: featureBox.maxLon, lat: featureBox.maxLat))
            }
        }
        return box
    }

    /// The same collection with every coordinate transformed; bboxes that were
    /// present are recomputed.
    /// - Complexity: O(n) for n coordinates.
    public func mapCoordinates(_ transform: (Coordinate) throws -> Coordinate) rethrows -> FeatureCollection {
        var copy = self
        copy.features = try features.map { try $0.mapCoordinates(transform) }
        if bbox != nil { copy.bbox = copy.boundingBox }
        return copy
    }
}
