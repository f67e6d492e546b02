import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the point sets every job uses (stations, hotspots, candidate sites)
/// from GeoJSON Point features or from CSV with the header
/// `id,lon,lat[,weight][,name][,kind]` (any column order, extra columns kept
/// as string properties; `lng`/`longitude` and `latitude` are accepted too).
public enum PointSetReader {
    /// Reads `url` and converts coordinates from `datum` to WGS84.
    ///
    /// Files ending in `.csv`/`.txt` are CSV, `.geojson`/`.json` GeoJSON; other
    /// files are GeoJSON when their first non-blank character is `{`.
    /// GeoJSON ids come from the feature `id`, else `properties.id`, else the
    /// feature index; `weight`, `name`, `kind` from the properties.
    /// - Throws: `PointSetError` or `GeoJSONError` naming the file and the CSV line
    ///   or feature index: duplicate ids, coordinates out of range or lat/lon swapped,
    ///   negative or non-numeric weights, missing columns or values, non-Point features.
    /// - Complexity: O(size of the file).
    public static func read(contentsOf url: URL, datum: ChineseDatum = .wgs84) throws -> [SitePoint] {
        let file = url.relativePath
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PointSetError(
                file: url.path, location: .file, kind: .unreadable,
                message: "cannot read the file (\(readFailureReason(url)))")
        }
        let points = try points(data: data, file: file, isGeoJSON: isGeoJSON(url: url, data: data))
        return points.map { point in
            var converted = point
            converted.coordinate = datum.convert(point.coordinate, to: .wgs84)
            return converted
        }
    }

    /// The points of `data` (a GeoJSON or CSV file named `file` in messages), in the file's datum;
    /// every rule of `read` applies, and the weights' sum must be finite.
    /// - Throws: `PointSetError`, `GeoJSONError`.
    public static func points(data: Data, file: String, isGeoJSON: Bool) throws -> [SitePoint] {
        let points =
            isGeoJSON
            ? try GeoJSONPoints.points(try GeoJSONReader.read(data: data, fileName: file), file: file)
            : try CSVPoints.points(try text(data, file: file), file: file)
        if InputLimits.checkedSum(points.lazy.map(\.weight)) == nil {
            throw PointSetError(
                file: file, location: .file, kind: .weightOverflow,
                message: "the weights add up to more than a finite number; scale them down")
        }
        return points
    }

    private static func isGeoJSON(url: URL, data: Data) -> Bool {
        switch url.pathExtension.lowercased() {
        case "geojson", "json": return true
        case "csv", "txt": return false
        default:
            let firstVisible = data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            return firstVisible == UInt8(ascii: "{")
        }
    }

    /// The text of a CSV file: UTF-8 (a byte-order mark is dropped); else GB18030 when the bytes
    /// decode as GB18030 (Excel on a Chinese system), with a note on stderr.
    private static func text(_ data: Data, file: String) throws -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // Excel's byte-order mark
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if let text = decodeGB18030(bytes) {
            FileHandle.standardError.write(
                Data("nuanxin: note: \(file): read as GB18030 (not UTF-8); save it as \"CSV UTF-8\" to silence this\n".utf8))
            return text
        }
        let offset = firstInvalidUTF8Offset(bytes)
        let line = bytes[..<offset].count { $0 == 0x0A } + 1
        throw PointSetError(
            file: file, location: .line(line), kind: .notUTF8,
            message:
                "byte \(offset + 1) (0x\(String(bytes[offset], radix: 16, uppercase: true))) is not UTF-8 text, nor GB18030; save the file as \"CSV UTF-8\""
        )
    }

    /// `bytes` decoded as GB18030 with the C library's `iconv` (strict: nil when any byte sequence
    /// is not valid GB18030).
    static func decodeGB18030(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 4)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output[..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The offset of the first byte that does not begin a well-formed UTF-8 sequence (0 when none is found).
    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 })
            else { return index }
            index += length
        }
        return 0
    }
}

/// Rules shared by both formats: ids unique, coordinates in range, weights ≥ 0.
private struct PointRules {
    let file: String
    private var firstLocation: [String: PointSetError.Location] = [:]

    init(file: String) { self.file = file }

    func fail(_ location: PointSetError.Location, _ kind: PointSetError.Kind, _ message: String) -> PointSetError {
        PointSetError(file: file, location: location, kind: kind, message: message)
    }

    mutating func claim(id: String, at location: PointSetError.Location) throws {
        guard !id.isEmpty else { throw fail(location, .missingValue, "the id is empty; every point needs a unique id") }
        if let first = firstLocation[id] {
            throw fail(location, .duplicateID, "duplicate id \"\(id)\" (first used at \(Self.describe(first))); ids must be unique")
        }
        firstLocation[id] = location
    }

    func check(_ c: Coordinate, at location: PointSetError.Location) throws {
        guard let problem = c.rangeProblem else { return }
        throw fail(location, problem.geoJSONKind == .swappedLatLon ? .swappedLatLon : .outOfRange, problem.description)
    }

    func weight(_ value: Double, text: String, at location: PointSetError.Location) throws -> Double {
        guard value.isFinite else { throw fail(location, .notANumber, "weight \"\(text)\" is not a finite number") }
        guard value >= 0 else { throw fail(location, .negativeWeight, "weight \(text) is negative; weights must be 0 or more") }
        if let problem = InputLimits.weight.problem(value) {
            throw fail(location, .negativeWeight, "weight \(text) \(problem)")
        }
        return value
    }

    private static func describe(_ location: PointSetError.Location) -> String {
        switch location {
        case .file: "the file"
        case .line(let n): "line \(n)"
        case .feature(let i): featurePlace(i)
        }
    }
}

/// CSV point sets.
private enum CSVPoints {
    static let longitudeNames: Set = ["lon", "lng", "longitude"]
    static let latitudeNames: Set = ["lat", "latitude"]
    static let expectedHeader = "id,lon,lat[,weight][,name][,kind]"

    static func points(_ text: String, file: String) throws -> [SitePoint] {
        var rules = PointRules(file: file)
        let records = try CSVSplitter.records(in: text, file: file)
        guard let header = records.first else {
            throw rules.fail(.file, .empty, "the file is empty; expected a header \(expectedHeader)")
        }
        let columns = header.fields.map { $0.lowercased() }
        var seen: Set<String> = []
        for name in columns where !seen.insert(name).inserted {
            throw rules.fail(.line(header.line), .duplicateColumn, "column \"\(name)\" appears twice in the header")
        }
        func column(_ names: Set<String>, _ shown: String) throws -> Int {
            guard let index = columns.firstIndex(where: names.contains) else {
                throw rules.fail(
                    .line(header.line), .missingColumn,
                    "missing column \"\(shown)\" in the header \"\(header.fields.joined(separator: ","))\"; expected \(expectedHeader)")
            }
            return index
        }
        let idColumn = try column(["id"], "id")
        let lonColumn = try column(longitudeNames, "lon")
        let latColumn = try column(latitudeNames, "lat")
        let weightColumn = columns.firstIndex(of: "weight")
        let nameColumn = columns.firstIndex(of: "name")
        let kindColumn = columns.firstIndex(of: "kind")
        let standard = Set([idColumn, lonColumn, latColumn] + [weightColumn, nameColumn, kindColumn].compactMap { $0 })

        var points: [SitePoint] = []
        for record in records.dropFirst() {
            let location = PointSetError.Location.line(record.line)
            guard record.fields.count == columns.count else {
                throw rules.fail(
                    location, .wrongFieldCount,
                    "expected \(columns.count) fields as in the header, found \(record.fields.count)")
            }
            let fields = record.fields
            let id = fields[idColumn]
            try rules.claim(id: id, at: location)
            func number(_ index: Int, _ what: String) throws -> Double {
                let text = fields[index]
                guard !text.isEmpty else { throw rules.fail(location, .missingValue, "\(what) is empty") }
                guard let value = Double(text) else {
                    throw rules.fail(location, .notANumber, "\(what) \"\(text)\" is not a number")
                }
                return value
            }
            let coordinate = Coordinate(lon: try number(lonColumn, "lon"), lat: try number(latColumn, "lat"))
            try rules.check(coordinate, at: location)
            var weight = 1.0
            if let weightColumn, !fields[weightColumn].isEmpty {
                weight = try rules.weight(try number(weightColumn, "weight"), text: fields[weightColumn], at: location)
            }
            var properties: [String: JSONValue] = [:]
            for (index, name) in header.fields.enumerated() where !standard.contains(index) {
                properties[name] = .string(fields[index])
            }
            points.append(
                SitePoint(
                    id: id, coordinate: coordinate, weight: weight,
                    name: nameColumn.flatMap { fields[$0].isEmpty ? nil : fields[$0] },
                    kind: kindColumn.flatMap { fields[$0].isEmpty ? nil : fields[$0] },
                    properties: properties))
        }
        return points
    }
}

/// GeoJSON point sets.
private enum GeoJSONPoints {
    static let standardKeys: Set = ["id", "weight", "name", "kind"]

    static func points(_ collection: FeatureCollection, file: String) throws -> [SitePoint] {
        var rules = PointRules(file: file)
        var points: [SitePoint] = []
        for (index, feature) in collection.features.enumerated() {
            let location = PointSetError.Location.feature(index)
            guard case .point(let coordinate)? = feature.geometry else {
                let found = feature.geometry.map { "a \($0.typeName)" } ?? "null"
                throw rules.fail(location, .notAPoint, "geometry is \(found); a point set needs Point features")
            }
            let properties = feature.properties ?? [:]
            let id =
                try feature.id?.description
                ?? text(properties["id"], "properties.id", location, rules)
                ?? String(index)
            try rules.claim(id: id, at: location)  // ranges were checked by GeoJSONReader
            points.append(
                SitePoint(
                    id: id, coordinate: coordinate,
                    weight: try weight(properties["weight"], location, rules),
                    name: try text(properties["name"], "properties.name", location, rules),
                    kind: try text(properties["kind"], "properties.kind", location, rules),
                    properties: properties.filter { !standardKeys.contains($0.key) }))
        }
        return points
    }

    /// A string, or a number as text (`12`); nil when absent or null.
    private static func text(
        _ value: JSONValue?, _ field: String, _ location: PointSetError.Location, _ rules: PointRules
    ) throws -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case .number(let n)?: return FeatureID.number(n).description
        case let other?: throw rules.fail(location, .wrongType, "\(field) must be a string or a number, found \(other.typeName)")
        }
    }

    private static func weight(_ value: JSONValue?, _ location: PointSetError.Location, _ rules: PointRules) throws -> Double {
        switch value {
        case nil, .null?:
            return 1
        case .number(let n)?:
            return try rules.weight(n, text: FeatureID.number(n).description, at: location)
        case .string(let s)?:
            guard let n = Double(s.trimmingCharacters(in: .whitespaces)) else {
                throw rules.fail(location, .notANumber, "properties.weight \"\(s)\" is not a number")
            }
            return try rules.weight(n, text: s, at: location)
        case let other?:
            throw rules.fail(location, .notANumber, "properties.weight must be a number, found \(other.typeName)")
        }
    }
}
