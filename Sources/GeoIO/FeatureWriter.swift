import CGDAL
import Foundation
import GeoCore

/// Writes a GeoCore FeatureCollection (WGS84) in the format its target names,
/// all or nothing:
///
/// | target | format | notes |
/// |--------|--------|-------|
/// | `.geojson`, `.json` | native `GeoJSONWriter` | byte-identical to today's outputs |
/// | `.gpkg` | GeoPackage (GDAL `GPKG`) | one layer, named `layer` or the file's stem |
/// | `.shp` | Shapefile (GDAL `ESRI Shapefile`) | `.shp .shx .dbf .prj .cpg` (UTF-8); field names per `ShapefileFieldNames`; points, lines and polygons cannot be mixed |
/// | `.kml` | KML (GDAL `LIBKML`, else `KML`) | a colour per isochrone level (`minutes`) via OGR style strings, see `KMLStyle` |
/// | `.kmz` | zipped KML (GDAL `LIBKML`, which zips a target named `.kmz`) | colours as `.kml`; Google Earth opens it directly |
/// | `.csv` | CSV (GDAL `CSV`) | points as `X,Y` columns, other geometries as `WKT` |
/// | `PG:…` | PostGIS table `layer` (required) | replaced inside one transaction |
///
/// Files are staged through GeoCore's `OutputTransaction` (a temporary beside the target,
/// renamed into place when complete; for a Shapefile all sidecars together) and PostGIS tables
/// inside one database transaction; see `OutputSet`, which writes several documents and files as
/// one all-or-nothing set.
///
/// Attribute types: a property whose values are all integral numbers becomes an
/// Integer64 field, all numbers a Real field, all booleans an Integer (boolean
/// subtype) field, anything else a String field (arrays and objects as JSON text).
/// Fields are the union of all property keys sorted by UTF-8 bytes; a feature
/// `id` not also in the properties becomes the first field `id`.
public enum FeatureWriter {
    /// Writes `collection` to `target` (one layer).
    /// - Parameters:
    ///   - layer: the layer/table name (required for `PG:`; default the file's stem).
    /// - Returns: for Shapefiles, the property → dBASE field name mapping (empty otherwise).
    /// - Throws: `GeoIOError` (`.unsupported`, `.writeFailed`) or `AtomicFileError`; nothing is written then.
    @discardableResult
    public static func write(_ collection: FeatureCollection, to target: String, layer: String? = nil) throws -> [String: String] {
        let set = OutputSet()
        let mapping = try set.add(collection, to: target, layer: layer)
        try set.commit()
        return mapping
    }

    /// Whether `target` is written natively as GeoJSON (`.geojson`, `.json`).
    public static func isGeoJSON(_ target: String) -> Bool {
        !target.hasPrefix("PG:") && ["geojson", "json"].contains(URL(fileURLWithPath: target).pathExtension.lowercased())
    }

    /// The GDAL driver, sidecar extensions and layer options of a file target, by extension.
    /// - Throws: `GeoIOError.unsupported` for an unknown extension.
    static func fileFormat(_ target: String, collections: [FeatureCollection])
        throws -> (driver: String, sidecars: [String], options: [String], styled: Bool, shapefile: Bool)
    {
        let ext = URL(fileURLWithPath: target).pathExtension.lowercased()
        switch ext {
        case "gpkg": return ("GPKG", ["gpkg"], [], false, false)
        case "kml":
            try GDALRuntime.ensure(for: target)
            return (nx_GDALGetDriverByName("LIBKML") != nil ? "LIBKML" : "KML", ["kml"], [], true, false)
        case "kmz":
            try GDALRuntime.ensure(for: target)
            guard nx_GDALGetDriverByName("LIBKML") != nil else {
                throw GeoIOError(
                    source: GeoIOError.displayName(of: target), kind: .unsupported,
                    message: "this GDAL has no LIBKML driver, which .kmz needs; write .kml instead")
            }
            return ("LIBKML", ["kmz"], [], true, false)
        case "csv":
            let points = collections.allSatisfy { $0.features.allSatisfy { if case .point? = $0.geometry { true } else { false } } }
            return ("CSV", ["csv"], [points ? "GEOMETRY=AS_XY" : "GEOMETRY=AS_WKT"], false, false)
        case "shp":
            return ("ESRI Shapefile", ["shp", "shx", "dbf", "prj", "cpg"], ["ENCODING=UTF-8"], false, true)
        default:
            throw GeoIOError(
                source: GeoIOError.displayName(of: target), kind: .unsupported,
                message: "unknown output format \".\(ext)\"; use .geojson, .gpkg, .shp, .kml, .kmz, .csv or a PG: connection")
        }
    }

    /// Writes `layers` into a new file dataset at `temporary` (the main file; sidecars beside it).
    /// - Returns: the Shapefile field-name mapping of the last layer (empty for other formats).
    static func writeFile(
        _ layers: [(name: String, collection: FeatureCollection)], temporary: String, display: String,
        format: (driver: String, sidecars: [String], options: [String], styled: Bool, shapefile: Bool)
    ) throws -> [String: String] {
        let temporaryStem = URL(fileURLWithPath: temporary).deletingPathExtension().lastPathComponent
        let dataset = try GDALDataset(creating: temporary, driver: format.driver, displayName: display)
        var mapping: [String: String] = [:]
        // LIBKML writes a .kmz (every layer's KML zipped) at each layer sync and then loses the
        // layers synced before: in a .kmz only the last layer kept its features. Closing the dataset
        // writes every layer, so a .kmz is not synced layer by layer.
        let syncLayers = format.sidecars != ["kmz"]
        for layer in layers {
            mapping = try fill(
                dataset, with: layer.collection, layer: format.shapefile ? temporaryStem : layer.name,
                options: format.options, styled: format.styled, shapefile: format.shapefile, display: display, sync: syncLayers)
        }
        return mapping
    }

    /// Replaces the table `table` of the open PostGIS `dataset` (inside the caller's transaction).
    static func writeTable(_ collection: FeatureCollection, dataset: GDALDataset, table: String, display: String) throws {
        try fill(
            dataset, with: collection, layer: table,
            options: ["OVERWRITE=YES", "GEOMETRY_NAME=geom", "FID=fid", "LAUNDER=NO"], styled: false, shapefile: false, display: display)
    }

    // MARK: - layer contents

    private enum FieldKind { case integer, real, boolean, string }

    @discardableResult
    private static func fill(
        _ dataset: GDALDataset, with collection: FeatureCollection, layer name: String, options: [String],
        styled: Bool, shapefile: Bool, display: String, sync: Bool = true
    ) throws -> [String: String] {
        func fail(_ message: String, feature: Int? = nil) -> GeoIOError {
            GeoIOError(
                source: display, location: feature.map { "feature \($0)" }, kind: .writeFailed,
                message: message + ": " + GDALRuntime.lastError("unknown GDAL error"))
        }
        let geometryType = try layerGeometryType(collection, shapefile: shapefile, display: display)
        let srs = nx_OSRNewSpatialReference(nil)!
        defer { nx_OSRDestroySpatialReference(srs) }
        nx_OSRImportFromEPSG(srs, 4326)
        nx_OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        let optionList = CStringList(options)
        nx_CPLErrorReset()
        guard let layer = nx_GDALDatasetCreateLayer(dataset.handle, name, srs, geometryType, optionList.pointer) else {
            throw fail("cannot create layer \"\(name)\"")
        }
        // Fields: feature id first (when not a property), then the sorted union of property keys.
        let needsID = collection.features.contains { $0.id != nil && $0.properties?["id"] == nil }
        var keys = Set(collection.features.flatMap { ($0.properties ?? [:]).keys })
        if needsID { keys.remove("id") }
        var names = keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if needsID { names.insert("id", at: 0) }
        func value(_ feature: Feature, _ key: String) -> JSONValue {
            if key == "id", needsID, feature.properties?["id"] == nil { return feature.id?.jsonValue ?? .null }
            return feature.properties?[key] ?? .null
        }
        let kinds: [FieldKind] = names.map { key in
            let values = collection.features.map { value($0, key) }.filter { $0 != .null }
            if !values.isEmpty, values.allSatisfy({ $0.numberValue.map { $0.rounded() == $0 && abs($0) < 9.0e15 } ?? false }) {
                return .integer
            }
            if !values.isEmpty, values.allSatisfy({ $0.numberValue != nil }) { return .real }
            if !values.isEmpty, values.allSatisfy({ if case .bool = $0 { true } else { false } }) { return .boolean }
            return .string
        }
        let fieldNames = shapefile ? ShapefileFieldNames.map(names) : names
        for (fieldName, kind) in zip(fieldNames, kinds) {
            let type: OGRFieldType =
                switch kind {
                case .integer: OFTInteger64
                case .real: OFTReal
                case .boolean: OFTInteger
                case .string: OFTString
                }
            let field = nx_OGR_Fld_Create(fieldName, type)!
            defer { nx_OGR_Fld_Destroy(field) }
            if kind == .boolean { nx_OGR_Fld_SetSubType(field, OFSTBoolean) }
            if kind == .string, shapefile { nx_OGR_Fld_SetWidth(field, 254) }
            guard nx_OGR_L_CreateField(layer, field, 0) == OGRERR_NONE else { throw fail("cannot create field \"\(fieldName)\"") }
        }
        let levels = styled ? KMLStyle.levels(in: collection) : []
        let definition = nx_OGR_L_GetLayerDefn(layer)
        for (index, feature) in collection.features.enumerated() {
            guard let ogr = nx_OGR_F_Create(definition) else { throw fail("cannot create a feature", feature: index) }
            defer { nx_OGR_F_Destroy(ogr) }
            for (fieldIndex, key) in names.enumerated() {
                let i = Int32(fieldIndex)
                switch (value(feature, key), kinds[fieldIndex]) {
                case (.null, _): nx_OGR_F_SetFieldNull(ogr, i)
                case (.number(let n), .integer): nx_OGR_F_SetFieldInteger64(ogr, i, Int64(n))
                case (.number(let n), .real): nx_OGR_F_SetFieldDouble(ogr, i, n)
                case (.bool(let b), .boolean): nx_OGR_F_SetFieldInteger(ogr, i, b ? 1 : 0)
                case (.string(let s), _): nx_OGR_F_SetFieldString(ogr, i, s)
                case (let other, _): nx_OGR_F_SetFieldString(ogr, i, jsonText(other))
                }
            }
            if let geometry = feature.geometry {
                let text = jsonText(geometry.jsonValue)
                guard let ogrGeometry = nx_OGR_G_CreateGeometryFromJson(text) else {
                    throw fail("GDAL cannot take the \(geometry.typeName) geometry", feature: index)
                }
                nx_OGR_F_SetGeometryDirectly(ogr, ogrGeometry)
            }
            if styled, let style = KMLStyle.style(for: feature, levels: levels) { nx_OGR_F_SetStyleString(ogr, style) }
            guard nx_OGR_L_CreateFeature(layer, ogr) == OGRERR_NONE else { throw fail("cannot write the feature", feature: index) }
        }
        guard !sync || nx_OGR_L_SyncToDisk(layer) == OGRERR_NONE else { throw fail("cannot flush the layer") }
        return shapefile ? Dictionary(uniqueKeysWithValues: zip(names, fieldNames)) : [:]
    }

    /// One geometry type for the layer: the common type, Polygon for
    /// Polygon+MultiPolygon and LineString for LineString+MultiLineString in a
    /// Shapefile (which stores multi-parts under those types), Unknown otherwise.
    private static func layerGeometryType(_ collection: FeatureCollection, shapefile: Bool, display: String) throws -> OGRwkbGeometryType {
        let names = Set(collection.features.compactMap { $0.geometry?.typeName })
        func type(_ name: String) -> OGRwkbGeometryType {
            switch name {
            case "Point": wkbPoint
            case "MultiPoint": wkbMultiPoint
            case "LineString": wkbLineString
            case "MultiLineString": wkbMultiLineString
            case "Polygon": wkbPolygon
            case "MultiPolygon": wkbMultiPolygon
            default: wkbGeometryCollection
            }
        }
        if names.isEmpty { return shapefile ? wkbPoint : wkbUnknown }
        if names.count == 1 { return type(names.first!) }
        if names == ["Polygon", "MultiPolygon"] { return shapefile ? wkbPolygon : wkbMultiPolygon }
        if names == ["LineString", "MultiLineString"] { return shapefile ? wkbLineString : wkbMultiLineString }
        if shapefile {
            throw GeoIOError(
                source: display, kind: .unsupported,
                message:
                    "a Shapefile holds one kind of geometry, these features have \(names.sorted().joined(separator: ", ")); write .gpkg instead"
            )
        }
        return wkbUnknown
    }

    private static func jsonText(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
