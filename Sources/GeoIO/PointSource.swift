import Foundation
import GeoCore

/// Reads point sets (stations, hotspots, candidates, order or GPS points)
/// from any source a planner has, picking the reader by extension or prefix:
///
/// | source | reader |
/// |--------|--------|
/// | `.geojson`, `.json` | GeoCore's native `PointSetReader` (its errors name the feature) |
/// | `.csv`, `.txt` | decoded here (UTF-8 with or without BOM, or GB18030/GBK with a note); with the standard header `id,lon,lat…` and no `--fields` read by the native `PointSetReader` rules (its line-numbered messages), otherwise mapped by `FieldMapping` |
/// | `.xlsx`, `.xls`, `.shp`, `.gpkg`, `.kml`, `.kmz`, `PG:…`, anything else GDAL opens | GDAL/OGR, mapped by `FieldMapping` (point geometry when there are no coordinate columns) |
public enum PointSource {
    /// The points of `path` in WGS84.
    /// - Parameters:
    ///   - path: a file, or a `PG:` connection string.
    ///   - layer: the layer of a multi-layer source (GeoPackage, PostGIS, KML folders, sheets of a workbook).
    ///   - fields: explicit column mapping (`--fields`).
    ///   - datum: the datum of coordinates read from columns and geometries (e.g. `.gcj02` for AMap).
    ///   - notes: receives one-line notes (e.g. "decoded as GB18030") meant for stderr.
    /// - Throws: `GeoIOError` (GDAL sources, mapped tables), `PointSetError`/`GeoJSONError` (native readers).
    /// - Complexity: O(size of the source).
    public static func read(
        path: String, layer: String? = nil, fields: FieldMapping = FieldMapping(), datum: ChineseDatum = .wgs84,
        notes: (String) -> Void = { _ in }
    ) throws -> [SitePoint] {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if !path.hasPrefix("PG:"), ["geojson", "json"].contains(ext) {
            return try PointSetReader.read(contentsOf: URL(fileURLWithPath: path), datum: datum)
        }
        let table: FeatureTable
        if !path.hasPrefix("PG:"), ["csv", "txt"].contains(ext) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw GeoIOError(source: path, kind: .cannotOpen, message: "cannot read the file; check the path")
            }
            let text: String
            let encoding: TextDecoding.Encoding
            do {
                (text, encoding) = try TextDecoding.decode(data, source: path)
            } catch let error as GeoIOError where error.kind == .undecodable && fields.explicit.isEmpty {
                // The native reader names the line and the first bad byte.
                return try PointSetReader.read(contentsOf: URL(fileURLWithPath: path), datum: datum)
            }
            if encoding == .gb18030 { notes("\(path): read as GB18030 (not UTF-8); save it as \"CSV UTF-8\" to silence this") }
            if fields.explicit.isEmpty, isStandardHeader(text) {
                // The standard header: the native rules and messages (CSV lines counted from the header).
                return try PointSetReader.points(data: Data(text.utf8), file: path, isGeoJSON: false).map { point in
                    var converted = point
                    converted.coordinate = datum.convert(point.coordinate, to: .wgs84)
                    return converted
                }
            }
            table = try CSVTable.table(text, source: path, layer: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        } else {
            table = try GDALSource.open(path, notes: notes).table(layer: layer)
        }
        return try points(from: table, fields: fields, datum: datum)
    }

    /// Features of any source (e.g. district outlines) in WGS84: native GeoJSON
    /// for `.geojson`/`.json`, GDAL for the rest (attributes as properties).
    /// - Throws: `GeoIOError` or `GeoJSONError`.
    public static func features(path: String, layer: String? = nil, notes: (String) -> Void = { _ in }) throws -> FeatureCollection {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if !path.hasPrefix("PG:"), ["geojson", "json"].contains(ext) {
            return try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: path))
        }
        return try GDALSource.open(path, notes: notes).table(layer: layer).featureCollection
    }

    /// Points from the rows of `table`: coordinates from the `lon`/`lat`
    /// columns, else one `location` cell "lon,lat" (also `lon lat`, `lon;lat`,
    /// full-width comma), else a Point geometry; ids from the `id` column, else
    /// the 1-based row number; `weight` (≥ 0, default 1), `name`, `kind` when
    /// mapped; a mapped `time` column kept as property `time`; other columns kept
    /// as properties. Coordinates are converted from `datum` to WGS84.
    /// - Throws: `GeoIOError` naming the row: `.addressesOnly` when there are no
    ///   coordinates but an address column, `.missingCoordinates`, `.badValue`.
    public static func points(from table: FeatureTable, fields: FieldMapping, datum: ChineseDatum = .wgs84) throws -> [SitePoint] {
        let roles = try fields.resolve(table.columns, source: table.source)
        let hasColumns = roles[.lon] != nil && roles[.lat] != nil
        let hasGeometry = table.rows.contains { if case .point? = $0.geometry { true } else { false } }
        if !hasColumns, roles[.location] == nil, !hasGeometry {
            let normalized = table.columns.map(FieldMapping.normalize)
            if normalized.contains(where: FieldMapping.addressHeaders.contains) {
                throw GeoIOError(
                    source: table.source, kind: .addressesOnly,
                    message:
                        "the sheet has addresses but no coordinates; addresses must be geocoded first (nuanxin works offline): add 经度/纬度 columns, e.g. from AMap's coordinate picker (those are GCJ-02 coordinates: read them as gcj02)"
                )
            }
            throw GeoIOError(
                source: table.source, kind: .missingCoordinates,
                message:
                    "no coordinates: expected lon/lat (经度/纬度) columns, a 坐标 cell \"lon,lat\" or point geometries; the columns are \(FieldMapping.list(table.columns))",
                advice: .mapCoordinateColumns)
        }
        let used = Set(roles.filter { $0.key != .time }.values)
        var seen: [String: Int] = [:]
        var points: [SitePoint] = []
        for (index, row) in table.rows.enumerated() {
            let location = "row \(index + 1)"
            func fail(_ message: String) -> GeoIOError {
                GeoIOError(source: table.source, location: location, kind: .badValue, message: message)
            }
            func text(_ role: FieldMapping.Role) -> String? {
                guard let column = roles[role] else { return nil }
                switch row.values[column] {
                case .string(let s):
                    let t = s.trimmingCharacters(in: .whitespaces)
                    return t.isEmpty ? nil : t
                case .number(let n): return FeatureID.number(n).description
                case .bool(let b): return String(b)
                default: return nil
                }
            }
            func number(_ role: FieldMapping.Role) throws -> Double? {
                guard let column = roles[role] else { return nil }
                switch row.values[column] {
                case .number(let n): return n
                case .string(let s):
                    let t = s.trimmingCharacters(in: .whitespaces)
                    if t.isEmpty { return nil }
                    guard let n = Double(t) else { throw fail("\(table.columns[column]) \"\(s)\" is not a number") }
                    return n
                default: return nil
                }
            }
            var coordinate: Coordinate
            if hasColumns {
                guard let lon = try number(.lon), let lat = try number(.lat) else {
                    throw fail("longitude or latitude is empty; every row needs both")
                }
                coordinate = Coordinate(lon: lon, lat: lat)
            } else if roles[.location] != nil {
                guard let cell = text(.location) else { throw fail("the coordinate cell is empty; expected \"lon,lat\"") }
                guard let parsed = parseLocation(cell) else {
                    throw fail("coordinate cell \"\(cell)\" is not \"lon,lat\" (e.g. \"113.36,21.27\")")
                }
                coordinate = parsed
            } else {
                guard case .point(let c)? = row.geometry else {
                    throw fail("no point geometry (found \(row.geometry?.typeName ?? "none")); a point set needs points")
                }
                coordinate = c
            }
            if let problem = coordinate.rangeProblem { throw fail(problem.description) }
            coordinate = datum.convert(coordinate, to: .wgs84)
            let id = text(.id) ?? String(index + 1)
            if let first = seen[id] {
                throw fail("duplicate id \"\(id)\" (first used in row \(first)); ids must be unique")
            }
            seen[id] = index + 1
            let weight = try number(.weight) ?? 1
            guard weight.isFinite, weight >= 0 else { throw fail("weight \(weight) is negative or not finite; weights must be 0 or more") }
            if let problem = InputLimits.weight.problem(weight) { throw fail("weight: \(problem)") }
            var properties: [String: JSONValue] = [:]
            for (column, name) in table.columns.enumerated() where !used.contains(column) && row.values[column] != .null {
                properties[roles[.time] == column ? "time" : name] = row.values[column]
            }
            points.append(
                SitePoint(
                    id: id, coordinate: coordinate, weight: weight, name: text(.name), kind: text(.kind), properties: properties))
        }
        if InputLimits.checkedSum(points.lazy.map(\.weight)) == nil {
            throw GeoIOError(
                source: table.source, kind: .badValue,
                message: "the weights add up to more than a finite number; scale them down")
        }
        return points
    }

    /// "lon,lat", "lon，lat", "lon lat" or "lon;lat" → a coordinate.
    static func parseLocation(_ cell: String) -> Coordinate? {
        let parts = cell.split(whereSeparator: { ",，; \t".contains($0) }).map(String.init)
        guard parts.count == 2, let lon = Double(parts[0]), let lat = Double(parts[1]) else { return nil }
        return Coordinate(lon: lon, lat: lat)
    }

    /// True when the header is the native `id,lon,lat…` one `PointSetReader` reads.
    private static func isStandardHeader(_ text: String) -> Bool {
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" }.split(separator: ",").map { FieldMapping.normalize(String($0)) }
        return header.contains("id") && header.contains { ["lon", "lng", "longitude"].contains($0) }
            && header.contains { ["lat", "latitude"].contains($0) }
    }
}

extension PointSource {
    /// District outlines from any source, ready for Coverage's `DistrictReader`
    /// with `nameField: "name"`: the features of `path` (WGS84) with the name
    /// copied into the property `name` from `nameField` when given, else from
    /// the first column among `FieldMapping.automaticHeaders[.name]` (名称, name, …)
    /// or the common district headers `district`, `区县`, `区`, `街道`, `行政区`.
    /// - Throws: `GeoIOError` (`.badFieldMapping` when `nameField` is not a property
    ///   of any feature) or `GeoJSONError`.
    public static func districtFeatures(
        path: String, layer: String? = nil, nameField: String? = nil, notes: (String) -> Void = { _ in }
    ) throws -> FeatureCollection {
        var collection = try features(path: path, layer: layer, notes: notes)
        let keys = Set(collection.features.flatMap { ($0.properties ?? [:]).keys })
        let field: String?
        if let nameField {
            guard keys.contains(nameField) else {
                throw GeoIOError(
                    source: GeoIOError.displayName(of: path), kind: .badFieldMapping,
                    message: "no property \"\(nameField)\"; the properties are \(FieldMapping.list(keys.sorted()))")
            }
            field = nameField
        } else {
            let candidates = FieldMapping.automaticHeaders[.name]! + ["district", "区县", "区", "街道", "行政区"]
            field = candidates.lazy.compactMap { wanted in keys.sorted().first { FieldMapping.normalize($0) == wanted } }.first
        }
        guard let field, field != "name" else { return collection }
        collection.features = collection.features.map { feature in
            var copy = feature
            if let value = feature.properties?[field] { copy.properties?["name"] = value }
            return copy
        }
        return collection
    }
}
