import Foundation
import GeoCore

/// Reads a road GeoJSON (road lines exported from QGIS or another GIS, with
/// OSM-style properties) into the way table the OSM import builds graphs
/// from, so both inputs go through the same `OSMGraphAssembly`, profile
/// rules, projection and component filtering.
///
/// - Every feature must be a LineString or MultiLineString (each part of a
///   MultiLineString is its own way) with a string `highway` property.
/// - The properties become the way's tags: strings as they are, whole
///   numbers as integers (`"oneway": 1` reads as `oneway=1`), other numbers in
///   their shortest form, booleans as `yes`/`no`; null, arrays and objects
///   are left out. `ProfileRules` reads the tags it knows (`highway`,
///   `oneway`, `access`, `bicycle`, `foot`, `junction`, `cycleway*`, …).
/// - Positions are rounded to 1e-7° (about 1 cm, OSM's precision); lines
///   that reach the same rounded position share a node there, so ways are
///   cut where two lines share a vertex and at their ends. Lines that cross
///   without a shared vertex (bridges, tunnels) stay apart. A line with
///   fewer than two distinct positions after rounding has no length and is
///   skipped.
/// - Nodes get no OSM id (0) and the extract declares no header box, so the
///   roads are not clipped.
enum RoadGeoJSON {
    /// Rounded units per degree: positions are joined at 1e-7°.
    static let unitsPerDegree = 1e7

    /// True when `path` names a road GeoJSON rather than an OSM file:
    /// it ends in `.geojson` or `.json` (any case).
    static func isRoadGeoJSON(path: String) -> Bool {
        ["geojson", "json"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// Reads the road GeoJSON at `path` into ways and nodes.
    /// - Throws: `GeoJSONError` when the file is not valid GeoJSON;
    ///   `RoadGeoJSONError` when it is not a road GeoJSON.
    /// - Complexity: O(size of the file).
    static func extract(reading path: String) throws -> OSMExtract {
        let collection = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: path))
        return try extract(collection, path: path)
    }

    /// The ways and nodes of `collection`; `path` names the file in errors.
    /// - Throws: `RoadGeoJSONError`.
    /// - Complexity: O(positions) expected (hashing of rounded positions).
    static func extract(_ collection: FeatureCollection, path: String) throws -> OSMExtract {
        let lines = collection.features.map { Self.lines(of: $0.geometry) }
        guard lines.contains(where: { $0 != nil }) else { throw RoadGeoJSONError.noLines(path: path) }
        var extract = OSMExtract()
        var nodeIndex: [RoundedPosition: UInt32] = [:]
        for (i, feature) in collection.features.enumerated() {
            guard let parts = lines[i] else {
                let type = feature.geometry?.typeName ?? "null"
                throw RoadGeoJSONError.notALine(path: path, feature: i, geometryType: type)
            }
            let tags = try Self.tags(of: feature, index: i, path: path)
            for part in parts {
                var nodes: [UInt32] = []
                for coordinate in part {
                    let position = RoundedPosition(coordinate)
                    let node =
                        nodeIndex[position]
                        ?? {
                            let new = UInt32(extract.nodeID.count)
                            nodeIndex[position] = new
                            extract.nodeID.append(0)
                            extract.nodeLon.append(Double(position.lon) / unitsPerDegree)
                            extract.nodeLat.append(Double(position.lat) / unitsPerDegree)
                            return new
                        }()
                    if nodes.last != node { nodes.append(node) }
                }
                guard nodes.count >= 2 else { continue }  // consecutive repeats are already merged
                extract.wayID.append(Int64(i))
                extract.wayNode.append(contentsOf: nodes)
                extract.wayNodeStart.append(extract.wayNode.count)
                extract.wayTags.append(tags)
            }
        }
        return extract
    }

    /// The position lists of a LineString or MultiLineString, else nil.
    private static func lines(of geometry: Geometry?) -> [[Coordinate]]? {
        switch geometry {
        case .lineString(let line): [line]
        case .multiLineString(let lines): lines
        default: nil
        }
    }

    /// The feature's properties as OSM tags (see the type's documentation).
    /// - Throws: `RoadGeoJSONError` when `highway` is missing or not a string.
    private static func tags(of feature: Feature, index: Int, path: String) throws -> [String: String] {
        let properties = feature.properties ?? [:]
        switch properties["highway"] {
        case .string(let value) where !value.isEmpty: break
        case nil, .null, .string: throw RoadGeoJSONError.missingHighway(path: path, feature: index)
        case let other?: throw RoadGeoJSONError.highwayNotText(path: path, feature: index, found: other.typeName)
        }
        var tags: [String: String] = [:]
        for (key, value) in properties {
            switch value {
            case .string(let text): tags[key] = text
            case .number(let number): tags[key] = tagText(number)
            case .bool(let flag): tags[key] = flag ? "yes" : "no"
            case .null, .array, .object: continue
            }
        }
        return tags
    }

    /// `1` for whole numbers, `12.5` otherwise.
    private static func tagText(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : number.description
    }
}

/// A WGS84 position rounded to `RoadGeoJSON.unitsPerDegree`.
private struct RoundedPosition: Hashable {
    var lon: Int64
    var lat: Int64

    init(_ c: Coordinate) {
        lon = Int64((c.lon * RoadGeoJSON.unitsPerDegree).rounded())
        lat = Int64((c.lat * RoadGeoJSON.unitsPerDegree).rounded())
    }
}
