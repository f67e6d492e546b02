import Foundation

/// Why a road GeoJSON cannot be used as a network. Each case names the file
/// and, where one is at fault, the feature index (0-based, as in
/// `features[i]`), and says what to do; `description` is one line.
///
/// Problems with the GeoJSON itself (not JSON, a position out of range or
/// lat/lon swapped) are `GeoCore.GeoJSONError`s from the reader.
public enum RoadGeoJSONError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// No feature has a LineString or MultiLineString geometry.
    case noLines(path: String)
    /// A feature's geometry is not a LineString or MultiLineString
    /// (`geometryType` is its GeoJSON type, or `null`).
    case notALine(path: String, feature: Int, geometryType: String)
    /// A line has no `highway` property (absent, null or empty).
    case missingHighway(path: String, feature: Int)
    /// A line's `highway` property is not a string (`found` is its JSON type).
    case highwayNotText(path: String, feature: Int, found: String)

    public var description: String {
        switch self {
        case .noLines(let path):
            "\(path): no LineString or MultiLineString feature; a road GeoJSON holds the road lines "
                + "with OSM-style properties (highway, oneway, …), e.g. exported from QGIS"
        case .notALine(let path, let feature, let geometryType):
            "\(path): feature \(feature): geometry is \(geometryType), not a LineString or MultiLineString; "
                + "keep only the road lines in a road GeoJSON"
        case .missingHighway(let path, let feature):
            "\(path): feature \(feature): no highway property; every road line needs one "
                + "(an OSM highway value such as residential, primary or footway)"
        case .highwayNotText(let path, let feature, let found):
            "\(path): feature \(feature): highway is a \(found), not a string; "
                + "give the OSM highway value as text, e.g. \"residential\""
        }
    }

    public var errorDescription: String? { description }
}
