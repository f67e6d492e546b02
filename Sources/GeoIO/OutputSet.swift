import CGDAL
import Foundation
import GeoCore

/// The output helper of every command: its documents (feature collections) and plain files,
/// written by the target's format as one all-or-nothing set.
///
/// - `.geojson`/`.json`: `GeoJSONWriter.encode` (the same bytes as before GDAL), staged in the
///   `OutputTransaction`.
/// - `.gpkg`, `.kml`, `.kmz`, `.csv`, `.shp`: written by GDAL (`FeatureWriter`) into temporaries reserved
///   in the transaction beside the target (a Shapefile's five sidecars under one temporary stem),
///   renamed over the targets at `commit()` together with every other file.
/// - `PG:…`: tables written inside one database transaction per connection string. `commit()`
///   first renames every file into place (keeping the replaced files as backups), then commits the
///   database as the last step: a failing rename rolls the database back and puts the files back,
///   and a failing database commit puts the files back (`OutputTransaction.commit(before:)`), so
///   the database and the folder are either all old or all new. What remains: a commit the server
///   made but could not confirm (connection lost), a second database failing after a first one
///   committed (with two `PG:` connections in one set), and a crash (SIGKILL, power loss) between
///   the renames and the database commit.
///
/// A document split into layers (`FeatureLayers`, e.g. the audit's hotspots, districts and gaps) is
/// one file with a layer each in GeoPackage and KML/KMZ; files `<stem>_<layer>.<ext>` for Shapefile
/// and CSV (one geometry kind per file); tables `<layer option>_<layer>` in PostGIS; and, as
/// before, one FeatureCollection in GeoJSON.
public final class OutputSet {
    private let transaction = OutputTransaction()
    private var databases: [(connection: String, dataset: GDALDataset)] = []
    private var finished = false

    /// An empty set.
    public init() {}

    deinit { if !finished { abort() } }

    /// Stages the plain file `data` at `path` (e.g. a summary CSV).
    /// - Throws: `AtomicFileError`; the whole set is then aborted.
    public func add(_ data: Data, path: String) throws {
        do { try transaction.stage(data, for: path) } catch {
            abort()
            throw error
        }
    }

    /// Stages `collection` at `target` by its format.
    /// - Parameters:
    ///   - layer: the layer or table name (`--out-layer`); required for `PG:` (the table, or the
    ///     table prefix of a split document); default the file's stem.
    ///   - split: the layers of a multi-layer document; nil writes one layer.
    /// - Returns: for a Shapefile, the property → dBASE field name mapping (`ShapefileFieldNames`).
    /// - Throws: `GeoIOError` or `AtomicFileError`; the whole set is then aborted (nothing written).
    @discardableResult
    public func add(_ collection: FeatureCollection, to target: String, layer: String? = nil, split: FeatureLayers? = nil)
        throws -> [String: String]
    {
        do {
            return try stage(collection, to: target, layer: layer, split: split)
        } catch {
            abort()
            throw error
        }
    }

    /// The files and tables a document at `target` becomes (for messages): the target itself, or one
    /// per layer of `split` for Shapefile, CSV and PostGIS.
    public static func names(of target: String, layer: String?, split: FeatureLayers?) -> [String] {
        guard let split, !FeatureWriter.isGeoJSON(target) else { return [GeoIOError.displayName(of: target)] }
        if target.hasPrefix("PG:") { return split.names.map { "table \(layer ?? "")_\($0)" } }
        let ext = URL(fileURLWithPath: target).pathExtension.lowercased()
        guard ext == "shp" || ext == "csv" else { return [target] }
        return split.names.map { layerPath(target, $0) }
    }

    /// Commits the set: the file renames, then the database transactions as the last step; a
    /// failure on either side leaves both as they were (see the type's notes for what remains).
    /// - Throws: `AtomicFileError` (a rename; the databases are rolled back) or `GeoIOError` (a
    ///   database commit; the files are put back).
    public func commit() throws {
        finished = true
        let pending = databases
        databases = []
        var committed = 0
        do {
            try transaction.commit(before: {
                for database in pending {
                    guard nx_GDALDatasetCommitTransaction(database.dataset.handle) == OGRERR_NONE else {
                        throw GeoIOError(
                            source: GeoIOError.displayName(of: database.connection), kind: .writeFailed,
                            message: "commit failed: " + GDALRuntime.lastError("unknown error"))
                    }
                    committed += 1
                }
            })
        } catch {
            for rest in pending.dropFirst(committed) {
                _ = nx_GDALDatasetRollbackTransaction(rest.dataset.handle)
            }
            throw error
        }
    }

    /// Rolls back every database transaction and removes every temporary. Safe to call twice.
    public func abort() {
        finished = true
        for database in databases { _ = nx_GDALDatasetRollbackTransaction(database.dataset.handle) }
        databases = []
        transaction.abort()
    }

    // MARK: - staging

    private func stage(_ collection: FeatureCollection, to target: String, layer: String?, split: FeatureLayers?)
        throws -> [String: String]
    {
        let display = GeoIOError.displayName(of: target)
        if FeatureWriter.isGeoJSON(target) {
            try transaction.stage(GeoJSONWriter.encode(collection), for: target)
            return [:]
        }
        if target.hasPrefix("PG:") {
            guard let layer, !layer.isEmpty else {
                throw GeoIOError(
                    source: display, kind: .unsupported,
                    message: "a PostGIS target needs a table name", advice: .nameOutputLayer)
            }
            let dataset = try database(target)
            let layers =
                split.map { $0.split(collection).map { (name: "\(layer)_\($0.name)", collection: $0.collection) } }
                ?? [(name: layer, collection: collection)]
            for table in layers {
                try FeatureWriter.writeTable(table.collection, dataset: dataset, table: table.name, display: display)
            }
            return [:]
        }
        let stem = URL(fileURLWithPath: target).deletingPathExtension().lastPathComponent
        let layers = split?.split(collection) ?? [(name: layer ?? stem, collection: collection)]
        let format = try FeatureWriter.fileFormat(target, collections: layers.map(\.collection))
        let perLayerFiles = split != nil && (format.shapefile || format.driver == "CSV")
        let groups =
            perLayerFiles
            ? layers.map { (path: Self.layerPath(target, $0.name), layers: [$0]) }
            : [(path: target, layers: layers)]
        var mapping: [String: String] = [:]
        for group in groups {
            let base = String(group.path.dropLast(URL(fileURLWithPath: group.path).pathExtension.count))
            let temporaries = try transaction.reserve(format.sidecars.map { base + $0 })
            for temporary in temporaries { unlink(temporary) }
            let groupFormat = try FeatureWriter.fileFormat(group.path, collections: group.layers.map(\.collection))
            mapping = try FeatureWriter.writeFile(
                group.layers, temporary: temporaries[0], display: GeoIOError.displayName(of: group.path), format: groupFormat)
        }
        return mapping
    }

    /// `dir/audit.shp` + `gaps` → `dir/audit_gaps.shp`.
    static func layerPath(_ target: String, _ layer: String) -> String {
        let ext = URL(fileURLWithPath: target).pathExtension
        return String(target.dropLast(ext.count + 1)) + "_" + layer + "." + ext
    }

    /// The open dataset of `connection`, in a started transaction (one per connection string).
    private func database(_ connection: String) throws -> GDALDataset {
        if let open = databases.first(where: { $0.connection == connection }) { return open.dataset }
        let dataset = try GDALDataset(path: connection, update: true, drivers: ["PostgreSQL"])
        guard nx_GDALDatasetStartTransaction(dataset.handle, 0) == OGRERR_NONE else {
            throw GeoIOError(
                source: GeoIOError.displayName(of: connection), kind: .writeFailed,
                message: "cannot start a transaction: " + GDALRuntime.lastError("unknown error"))
        }
        databases.append((connection, dataset))
        return dataset
    }
}

/// How one document splits into layers by a property: features whose `property` has one of the
/// `values` go to that value's layer, every other feature to `other`. Every layer is written, empty
/// or not, so the set of files and tables depends only on the command.
public struct FeatureLayers: Sendable {
    /// The property that decides the layer, e.g. `kind`.
    public var property: String
    /// Property value → layer name, in layer order after `other`.
    public var values: [(value: String, layer: String)]
    /// The layer of every other feature (first in order).
    public var other: String

    /// Creates a split.
    public init(property: String, values: [(value: String, layer: String)], other: String) {
        self.property = property
        self.values = values
        self.other = other
    }

    /// The layer names in order: `other`, then those of `values`.
    public var names: [String] { [other] + values.map(\.layer) }

    /// The layers of `collection` in `names` order, features in input order; foreign members dropped.
    public func split(_ collection: FeatureCollection) -> [(name: String, collection: FeatureCollection)] {
        var groups = Dictionary(uniqueKeysWithValues: names.map { ($0, [Feature]()) })
        for feature in collection.features {
            let value = feature.properties?[property].flatMap { if case .string(let s) = $0 { s } else { nil } }
            let layer = values.first { $0.value == value }?.layer ?? other
            groups[layer, default: []].append(feature)
        }
        return names.map { (name: $0, collection: FeatureCollection(features: groups[$0] ?? [])) }
    }

    /// The layers of `nuanxin audit`'s document: `hotspots` (points), `districts` (`"kind": "district"`
    /// outlines with their figures), `gaps` (`"kind": "gap"`, the uncovered parts) and `stations`
    /// (`"kind": "station"` points with their catchment loads).
    public static let audit = FeatureLayers(
        property: "kind",
        values: [(value: "district", layer: "districts"), (value: "gap", layer: "gaps"), (value: "station", layer: "stations")],
        other: "hotspots")
}
