import Foundation
import GeoCore

/// Turns a GeoJSON FeatureCollection of district outlines into `District`s.
public enum DistrictReader {
    /// The districts of `collection` (WGS84), in file order, named by the
    /// property `nameField` and projected to metres with `projection`
    /// (WGS84 → the road graph's CRS).
    ///
    /// Every feature must be a Polygon or MultiPolygon that GEOS finds valid
    /// and carry a non-empty, unique name (a string, or a number used as text).
    /// - Throws: `DistrictError` naming `file` and the feature index;
    ///   `ProjectionError` when a position cannot be projected.
    /// - Complexity: O(n log n) in the number of vertices (GEOS validity).
    public static func districts(
        from collection: FeatureCollection, file: String, nameField: String,
        projection: Projection
    ) throws -> [District] {
        let context = try GEOSContext()
        guard !collection.features.isEmpty else {
            throw DistrictError(
                file: file, featureIndex: nil, kind: .empty,
                message: "the file has no features; give Polygon or MultiPolygon features, one per district")
        }
        var firstIndex: [String: Int] = [:]
        var districts: [District] = []
        for (index, feature) in collection.features.enumerated() {
            func fail(_ kind: DistrictError.Kind, _ message: String) -> DistrictError {
                DistrictError(file: file, featureIndex: index, kind: kind, message: message)
            }
            guard let geometry = feature.geometry, isPolygonal(geometry) else {
                let found = feature.geometry?.typeName ?? "null"
                throw fail(.notPolygonal, "geometry is \(found); districts must be Polygon or MultiPolygon features")
            }
            let name = try name(of: feature, field: nameField, fail: fail)
            if let first = firstIndex[name] {
                throw fail(
                    .duplicateName,
                    "name \"\(name)\" is already used by \(featurePlace(first)); give every district its own name (merge parts into one MultiPolygon)"
                )
            }
            firstIndex[name] = index
            let polygon = try GeoJSONPlanar.multiPolygon(from: geometry, projection: projection)
            if let reason = try problem(of: polygon, in: context).map({ inLonLat($0, projection: projection) }) {
                throw fail(
                    .invalidPolygon,
                    "district \"\(name)\" is not a valid polygon (GEOS: \(reason)); repair it, e.g. with QGIS \"Fix geometries\"")
            }
            districts.append(District(name: name, geometry: geometry, polygon: polygon))
        }
        return districts
    }

    /// GEOS's reason with its location in projected metres (`Self-intersection[412345.6 3391234.5]`)
    /// rewritten in WGS84 degrees (`Self-intersection at lon,lat 104.0612345,30.6601234`), so that
    /// people can find it on a map; the reason unchanged when it has no location.
    static func inLonLat(_ reason: String, projection: Projection) -> String {
        guard let range = reason.range(of: #"\[\s*-?[0-9.eE+-]+\s+-?[0-9.eE+-]+\s*\]"#, options: .regularExpression) else {
            return reason
        }
        let numbers = reason[range].dropFirst().dropLast().split(separator: " ").compactMap { Double($0) }
        guard numbers.count == 2, let position = try? projection.inverse([PlanarPoint(x: numbers[0], y: numbers[1])]).first else {
            return reason
        }
        return reason.replacingCharacters(
            in: range, with: " at lon,lat \(formatFixed(position.lon, decimals: 7)),\(formatFixed(position.lat, decimals: 7))")
    }

    /// GEOS's reason why `polygon` is not valid, or nil when it is.
    private static func problem(of polygon: PlanarMultiPolygon, in context: GEOSContext) throws -> String? {
        do {
            if case .invalid(let reason) = try GEOSGeometry(multiPolygon: polygon, in: context).validity() { return reason }
            return nil
        } catch let error as GEOSError {
            return error.message
        }
    }

    private static func isPolygonal(_ geometry: Geometry) -> Bool {
        switch geometry {
        case .polygon, .multiPolygon: true
        default: false
        }
    }

    /// The end of a `.missingName` message: what to do, naming no command-line option (the CLI
    /// replaces it with its option's name).
    public static let nameFieldAdvice = "choose the property that holds the district names"

    /// The feature's name: a non-empty string, or a number written as text.
    private static func name(
        of feature: Feature, field: String, fail: (DistrictError.Kind, String) -> DistrictError
    ) throws -> String {
        let properties = feature.properties ?? [:]
        switch properties[field] {
        case .string(let text)? where !text.trimmingCharacters(in: .whitespaces).isEmpty:
            return text
        case .number(let number)?:
            return FeatureID.number(number).description
        default:
            let keys = properties.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let available = keys.isEmpty ? "it has no properties" : "its properties are " + keys.joined(separator: ", ")
            throw fail(
                .missingName,
                "no name in property \"\(field)\" (\(available)); \(nameFieldAdvice)")
        }
    }
}
