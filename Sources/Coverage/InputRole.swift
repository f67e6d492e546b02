import Foundation
import GeoCore
import GeoIO
import RoadNetwork

/// What an input file is for: the four kinds of file the commands read besides the road network.
/// Each role has one validation function (`InputRole.points` / `InputRole.districts`) that both the
/// consuming commands (`reach`, `audit`, `plan`, `report`, `network times`) and `nuanxin inspect --as`
/// call, so that `inspect` fails exactly where a command would, with the same one-line message.
public enum InputRole: String, CaseIterable, Sendable {
    /// Existing stations: points (GeoJSON Point features or CSV).
    case stations
    /// Demand points (hotspots) with optional weights.
    case hotspots
    /// Candidate sites for new stations.
    case candidates
    /// District outlines: Polygon/MultiPolygon features with a name.
    case districts

    /// The points of the file at `path` for this role, converted from `datum` to WGS84.
    ///
    /// The rules: those of `PointSetReader` (format, coordinates in range and not swapped, unique ids,
    /// weights finite and in `InputLimits.weight`, a finite sum) and, unless `allowEmpty`, at least one
    /// point (`plan` alone accepts an empty stations file: it then plans from scratch).
    /// - Throws: `PointSetError` / `GeoJSONError` naming the path as given and the feature or line.
    /// Any format `NetworkInputs.readPoints` reads, with the layer and column mapping of `formats`.
    public func points(
        path: String, datum: ChineseDatum, allowEmpty: Bool = false, formats: PointFormats = PointFormats()
    ) throws -> [SitePoint] {
        precondition(self != .districts, "districts are polygons; use InputRole.districts")
        return try NetworkInputs.readPoints(
            path: path, datum: datum, kind: String(rawValue.dropLast()), allowEmpty: allowEmpty, formats: formats)
    }

    /// The districts of `path` (in `datum`), projected with `projection` (WGS84 → metres; by default
    /// a UTM zone chosen from the file's extent, as `inspect` has no network).
    ///
    /// GeoJSON is read natively; Shapefile (GBK attributes decoded), GeoPackage, KML/KMZ and `PG:`
    /// sources through GDAL (`PointSource.districtFeatures`, layer from `formats` for the role
    /// `districts`), where the default `nameField` "name" also finds 名称, 区县, 街道, … automatically.
    /// - Throws: `GeoJSONError`, `GeoIOError` or `DistrictError` naming the path as given and the feature.
    public static func districts(
        path: String, nameField: String, datum: ChineseDatum, projection: Projection? = nil,
        formats: PointFormats = PointFormats()
    ) throws -> [District] {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        let datum = formats.datum(for: "districts", else: datum)
        var nameField = nameField
        let source: FeatureCollection
        if !path.hasPrefix("PG:"), ["geojson", "json"].contains(ext) {
            source = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: path))
        } else {
            source = try PointSource.districtFeatures(
                path: path, layer: formats.layer(for: "districts"), nameField: nameField == "name" ? nil : nameField,
                notes: formats.notes)
            nameField = "name"
        }
        let collection = source.mapCoordinates { datum.convert($0, to: .wgs84) }
        let projection =
            try projection ?? collection.boundingBox.map { try MetricCRS.projection(for: $0) }
            ?? Projection(from: "EPSG:4326", to: "EPSG:3857")
        return try DistrictReader.districts(
            from: collection, file: path, nameField: nameField, projection: projection)
    }

    /// Runs this role's validation on `path` and discards the result (for `inspect --as`).
    public func validate(path: String, datum: ChineseDatum, nameField: String = "name", formats: PointFormats = PointFormats()) throws {
        switch self {
        case .districts: _ = try Self.districts(path: path, nameField: nameField, datum: datum, formats: formats)
        default: _ = try points(path: path, datum: datum, formats: formats)
        }
    }
}
