import CGDAL
import Foundation
import GeoCore

/// Owns one GDAL vector dataset handle (`GDALDatasetH` from `GDALOpenEx` or
/// `GDALCreate`) and closes it in `deinit` (`GDALClose`, which also flushes
/// what was written). Like GeoCore's `GEOSContext` and `Projection`, the
/// handle never escapes; use one instance from one thread at a time.
public final class GDALDataset {
    let handle: UnsafeMutableRawPointer
    /// The file or connection string, as shown in errors (passwords masked).
    public let displayName: String
    /// GDAL configuration options (`KEY`, `VALUE`) set thread-locally while the
    /// dataset is opened and read (e.g. `OGR_XLSX_HEADERS=FORCE`).
    let configOptions: [(String, String)]

    /// Opens the vector source `path` (a file, or a `PG:` connection string)
    /// read-only, or for update when `update` is true.
    /// - Parameters:
    ///   - drivers: GDAL driver short names to try (all when empty), e.g. `["ESRI Shapefile"]`.
    ///   - options: open options `KEY=VALUE`, e.g. `ENCODING=CP936` for a Shapefile.
    /// - Throws: `GeoIOError.cannotOpen` with GDAL's message.
    ///   - configOptions: GDAL configuration options set on this thread only while opening and reading.
    public init(
        path: String, update: Bool = false, drivers: [String] = [], options: [String] = [],
        configOptions: [(String, String)] = []
    ) throws {
        try GDALRuntime.ensure(for: path)
        displayName = GeoIOError.displayName(of: path)
        self.configOptions = configOptions
        let driverList = CStringList(drivers)
        let optionList = CStringList(options)
        var flags = UInt32(GDAL_OF_VECTOR) | UInt32(GDAL_OF_VERBOSE_ERROR)
        if update { flags |= UInt32(GDAL_OF_UPDATE) }
        nx_CPLErrorReset()
        let restore = Self.setThreadLocal(configOptions)
        defer { restore() }
        guard let opened = nx_GDALOpenEx(path, flags, driverList.constPointer, optionList.constPointer, nil) else {
            throw GeoIOError(
                source: displayName, kind: .cannotOpen,
                message: "cannot open as a vector source: " + GDALRuntime.lastError("GDAL recognises no vector format here"))
        }
        handle = opened
    }

    /// Creates a new dataset at `path` with the GDAL driver `driver` (e.g. `GPKG`).
    /// - Throws: `GeoIOError.writeFailed` with GDAL's message.
    init(creating path: String, driver: String, options: [String] = [], displayName: String) throws {
        try GDALRuntime.ensure(for: displayName)
        self.displayName = displayName
        configOptions = []
        guard let driverHandle = nx_GDALGetDriverByName(driver) else {
            throw GeoIOError(source: displayName, kind: .writeFailed, message: "GDAL has no \(driver) driver")
        }
        let optionList = CStringList(options)
        nx_CPLErrorReset()
        guard let created = nx_GDALCreate(driverHandle, path, 0, 0, 0, GDT_Unknown, optionList.pointer) else {
            throw GeoIOError(
                source: displayName, kind: .writeFailed,
                message: "cannot create with the \(driver) driver: " + GDALRuntime.lastError("unknown GDAL error"))
        }
        handle = created
    }

    deinit { nx_GDALClose(handle) }

    /// The GDAL driver's short name, e.g. `XLSX`, `ESRI Shapefile`, `GPKG`.
    public var driverName: String {
        guard let driver = nx_GDALGetDatasetDriver(handle) else { return "" }
        return String(cString: nx_GDALGetDriverShortName(driver))
    }

    /// The names of the dataset's layers, in dataset order.
    public var layerNames: [String] {
        (0..<nx_GDALDatasetGetLayerCount(handle)).compactMap { index in
            nx_GDALDatasetGetLayer(handle, index).map { String(cString: nx_OGR_L_GetName($0)) }
        }
    }

    /// The layer `name`, or the only layer when `name` is nil.
    /// - Throws: `GeoIOError.layerNeeded` when there are several layers and no
    ///   name, `.noSuchLayer` for an unknown name; both list the layers.
    func layer(named name: String?) throws -> UnsafeMutableRawPointer {
        let names = layerNames
        let listed = names.map { "\"\($0)\"" }.joined(separator: ", ")
        if let name {
            guard let layer = nx_GDALDatasetGetLayerByName(handle, name) else {
                throw GeoIOError(
                    source: displayName, kind: .noSuchLayer,
                    message: "no layer \"\(name)\"; the layers are \(listed.isEmpty ? "none" : listed)")
            }
            return layer
        }
        guard names.count == 1, let layer = nx_GDALDatasetGetLayer(handle, 0) else {
            if names.isEmpty {
                throw GeoIOError(source: displayName, kind: .noSuchLayer, message: "the source has no layers")
            }
            throw GeoIOError(
                source: displayName, kind: .layerNeeded,
                message: "the source has \(names.count) layers (\(listed))", advice: .chooseLayer)
        }
        return layer
    }

    /// Every feature of layer `name` (the only layer when nil) with its
    /// attributes in field order and its geometry converted to WGS84 (when
    /// the layer has a spatial reference; taken as WGS84 when it has none).
    /// - Throws: `GeoIOError` for a missing layer, an impossible transformation
    ///   or a geometry that cannot be converted.
    /// - Complexity: O(features × fields).
    public func table(layer name: String?) throws -> FeatureTable {
        let restore = Self.setThreadLocal(configOptions)
        defer { restore() }
        let layer = try self.layer(named: name)
        let definition = nx_OGR_L_GetLayerDefn(layer)
        let fieldCount = nx_OGR_FD_GetFieldCount(definition)
        var columns: [String] = []
        var types: [OGRFieldType] = []
        for index in 0..<fieldCount {
            let field = nx_OGR_FD_GetFieldDefn(definition, index)
            columns.append(String(cString: nx_OGR_Fld_GetNameRef(field)))
            types.append(nx_OGR_Fld_GetType(field))
        }
        let transform = try WGS84Transform(from: nx_OGR_L_GetSpatialRef(layer), source: displayName)
        var rows: [FeatureTable.Row] = []
        nx_OGR_L_ResetReading(layer)
        while let feature = nx_OGR_L_GetNextFeature(layer) {
            defer { nx_OGR_F_Destroy(feature) }
            var values: [JSONValue] = []
            for index in 0..<fieldCount {
                values.append(Self.value(of: feature, field: index, type: types[Int(index)]))
            }
            var geometry: Geometry?
            if let ogrGeometry = nx_OGR_F_GetGeometryRef(feature) {
                geometry = try transform.geometry(ogrGeometry, location: "feature \(rows.count)")
            }
            rows.append(FeatureTable.Row(values: values, geometry: geometry))
        }
        return FeatureTable(source: displayName, layer: String(cString: nx_OGR_L_GetName(layer)), columns: columns, rows: rows)
    }

    /// Sets `options` for this thread; returns the function that puts the old values back.
    private static func setThreadLocal(_ options: [(String, String)]) -> () -> Void {
        let old = options.map { key, _ in (key, nx_CPLGetThreadLocalConfigOption(key, nil).map { String(cString: $0) }) }
        for (key, value) in options { nx_CPLSetThreadLocalConfigOption(key, value) }
        return { for (key, value) in old { nx_CPLSetThreadLocalConfigOption(key, value) } }
    }

    private static func value(of feature: UnsafeMutableRawPointer, field index: Int32, type: OGRFieldType) -> JSONValue {
        guard nx_OGR_F_IsFieldSetAndNotNull(feature, index) != 0 else { return .null }
        switch type {
        case OFTInteger, OFTInteger64: return .number(Double(nx_OGR_F_GetFieldAsInteger64(feature, index)))
        case OFTReal: return .number(nx_OGR_F_GetFieldAsDouble(feature, index))
        default: return .string(String(cString: nx_OGR_F_GetFieldAsString(feature, index)))
        }
    }
}

/// The rows of one layer: column names in field order, each row's values
/// (JSON null for unset fields, numbers for integer and real fields, text
/// otherwise) and its geometry in WGS84.
public struct FeatureTable: Sendable {
    /// One feature: values aligned with `columns`, and its geometry (nil when none).
    public struct Row: Sendable {
        /// Values, one per column.
        public var values: [JSONValue]
        /// The geometry in WGS84, or nil.
        public var geometry: Geometry?
        /// Creates a row.
        public init(values: [JSONValue], geometry: Geometry?) {
            self.values = values
            self.geometry = geometry
        }
    }

    /// The file or masked connection string.
    public var source: String
    /// The layer name (the file name for single-layer formats such as CSV).
    public var layer: String
    /// Column (field) names in order.
    public var columns: [String]
    /// The rows in source order.
    public var rows: [Row]

    /// Creates a table.
    public init(source: String, layer: String, columns: [String], rows: [Row]) {
        self.source = source
        self.layer = layer
        self.columns = columns
        self.rows = rows
    }

    /// The table as a FeatureCollection: each row's attributes as properties
    /// (null values left out), geometry as read.
    public var featureCollection: FeatureCollection {
        FeatureCollection(
            features: rows.map { row in
                var properties: [String: JSONValue] = [:]
                for (name, value) in zip(columns, row.values) where value != .null { properties[name] = value }
                return Feature(geometry: row.geometry, properties: properties)
            })
    }
}

/// Converts OGR geometries to GeoCore geometries in WGS84 (lon, lat order),
/// through GDAL's GeoJSON export with 15 significant decimals.
struct WGS84Transform {
    private let transform: CoordinateTransformation?
    private let source: String

    init(from layerSRS: UnsafeMutableRawPointer?, source: String) throws {
        self.source = source
        guard let layerSRS else {
            transform = nil
            return
        }
        transform = try CoordinateTransformation(from: layerSRS, toEPSG: 4326, source: source)
    }

    func geometry(_ ogr: UnsafeMutableRawPointer, location: String) throws -> Geometry {
        var geometry = ogr
        var clone: UnsafeMutableRawPointer?
        defer { if let clone { nx_OGR_G_DestroyGeometry(clone) } }
        if let transform {
            clone = nx_OGR_G_Clone(ogr)
            geometry = clone!
            guard nx_OGR_G_Transform(geometry, transform.handle) == OGRERR_NONE else {
                throw GeoIOError(
                    source: source, location: location, kind: .badGeometry,
                    message: "cannot transform the geometry to WGS84: " + GDALRuntime.lastError("unknown PROJ error"))
            }
        }
        let options = CStringList(["COORDINATE_PRECISION=15"])
        guard let text = nx_OGR_G_ExportToJsonEx(geometry, options.pointer) else {
            throw GeoIOError(
                source: source, location: location, kind: .badGeometry,
                message: "GDAL cannot export the geometry: " + GDALRuntime.lastError("empty or unsupported geometry"))
        }
        defer { nx_VSIFree(text) }
        do {
            return try JSONDecoder().decode(Geometry.self, from: Data(String(cString: text).utf8))
        } catch {
            throw GeoIOError(
                source: source, location: location, kind: .badGeometry,
                message: "the geometry is not usable: \(error)")
        }
    }
}

/// Owns an `OGRCoordinateTransformationH` with traditional GIS axis order (lon, lat).
final class CoordinateTransformation {
    let handle: UnsafeMutableRawPointer

    init(from sourceSRS: UnsafeMutableRawPointer, toEPSG epsg: Int32, source: String) throws {
        let from = nx_OSRClone(sourceSRS)!
        let to = nx_OSRNewSpatialReference(nil)!
        defer {
            nx_OSRDestroySpatialReference(from)
            nx_OSRDestroySpatialReference(to)
        }
        nx_OSRImportFromEPSG(to, epsg)
        nx_OSRSetAxisMappingStrategy(from, OAMS_TRADITIONAL_GIS_ORDER)
        nx_OSRSetAxisMappingStrategy(to, OAMS_TRADITIONAL_GIS_ORDER)
        guard let created = nx_OCTNewCoordinateTransformation(from, to) else {
            throw GeoIOError(
                source: source, kind: .badGeometry,
                message: "cannot transform the layer's coordinate system to WGS84: " + GDALRuntime.lastError("unknown CRS"))
        }
        handle = created
    }

    deinit { nx_OCTDestroyCoordinateTransformation(handle) }
}
