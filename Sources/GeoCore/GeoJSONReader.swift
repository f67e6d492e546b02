import Foundation

/// Reads GeoJSON files: a FeatureCollection, a single Feature or a bare
/// Geometry, always returned as a `FeatureCollection`.
public enum GeoJSONReader {
    /// Reads and validates `url`. The first problem (structure, a position out of
    /// range or lat/lon swapped, an unclosed or too short ring, …) is thrown.
    /// Ring winding is not an error: `GeoJSONWriter` fixes it.
    /// - Throws: `GeoJSONError` naming the file, the feature index and the field.
    /// - Complexity: O(size of the file).
    public static func read(contentsOf url: URL) throws -> FeatureCollection {
        try read(data: try contents(of: url), fileName: url.relativePath)
    }

    /// Reads and validates GeoJSON `data`; `fileName` is used in errors.
    /// - Throws: `GeoJSONError`.
    public static func read(data: Data, fileName: String?) throws -> FeatureCollection {
        var parser = GeoJSONParser(fileName: fileName, validator: GeoJSONValidator())
        return try parser.document(try decodeJSON(data, fileName: fileName))
    }

    /// Reads `url` without rejecting invalid geometries, and lists every
    /// validity issue (errors and warnings) found by `validator`.
    /// - Throws: `GeoJSONError` only for files that are not structurally GeoJSON.
    public static func readReportingIssues(
        contentsOf url: URL, validator: GeoJSONValidator = GeoJSONValidator()
    ) throws -> (collection: FeatureCollection, issues: [GeoJSONIssue]) {
        let fileName = url.relativePath
        var parser = GeoJSONParser(fileName: fileName, validator: validator, throwsOnInvalidGeometry: false)
        let collection = try parser.document(try decodeJSON(try contents(of: url), fileName: fileName))
        return (collection, parser.issues)
    }

    static func contents(of url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw GeoJSONError(
                file: url.path, featureIndex: nil, field: "", kind: .unreadable,
                message: "cannot read the file (\(readFailureReason(url)))")
        }
    }

    /// Parses `data` straight into a `JSONValue` tree (`JSONFastParser`), or,
    /// for what that parser leaves to it (a byte-order mark, UTF-16, repeated
    /// keys, syntax errors), with `JSONSerialization` (one pass, no
    /// per-number decoding attempts) converted to a `JSONValue` tree.
    static func decodeJSON(_ data: Data, fileName: String?) throws -> JSONValue {
        if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            throw GeoJSONError(
                file: fileName, featureIndex: nil, field: "", kind: .notJSON,
                message: data.isEmpty
                    ? "the file is empty (0 bytes); expected a GeoJSON FeatureCollection"
                    : "the file holds only white space; expected a GeoJSON FeatureCollection")
        }
        if let value = JSONFastParser.parse(data) { return value }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch let error as NSError {
            let problem = (error.userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
            throw JSONSyntaxPlace.error(problem: problem, data: data, fileName: fileName)
        }
        guard let value = JSONValue(jsonObject: object) else {
            throw GeoJSONError(
                file: fileName, featureIndex: nil, field: "", kind: .notJSON, message: "not valid JSON (not a JSON value)")
        }
        return value
    }
}

/// Why `url` cannot be read: missing, a directory, or not readable.
func readFailureReason(_ url: URL) -> String {
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) { return "no such file" }
    if isDirectory.boolValue { return "it is a directory" }
    return "permission denied or I/O error"
}

/// Where a JSON syntax error is, for people: line and column (counted from 1) and the feature it
/// is in when that can be told (the number of `"type": "Feature"` members before it), instead of
/// `JSONSerialization`'s "around character 720".
enum JSONSyntaxPlace {
    /// The error for `problem` (the parser's debug text) in `data`.
    static func error(problem: String, data: Data, fileName: String?) -> GeoJSONError {
        let bytes = [UInt8](data)
        let offset = Self.offset(problem: problem, bytes: bytes)
        guard let offset else {
            return GeoJSONError(file: fileName, featureIndex: nil, field: "", kind: .notJSON, message: "not valid JSON (\(problem))")
        }
        let prefix = bytes[..<min(offset, bytes.count)]
        let line = prefix.count { $0 == 0x0A } + 1
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        let features = featureStarts(in: String(decoding: prefix, as: UTF8.self))
        let featureIndex = features > 0 ? features - 1 : nil
        let place = "line \(line), column \(column)"
        if let token = nonFiniteToken(bytes: bytes, at: offset) {
            let what = inCoordinates(String(decoding: prefix.suffix(400), as: UTF8.self)) ? "coordinate" : "number"
            return GeoJSONError(
                file: fileName, featureIndex: featureIndex, field: place, kind: .outOfRange,
                message: "\(what) \(token) is not a finite number")
        }
        let reason = problem.replacingOccurrences(
            of: #" around (line \d+, column \d+|character \d+)\.?"#, with: "", options: .regularExpression
        )
        .trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        return GeoJSONError(
            file: fileName, featureIndex: featureIndex, field: place, kind: .notJSON,
            message: "not valid JSON (\(reason.isEmpty ? "syntax error" : reason))")
    }

    /// The byte offset the parser names: "character N", or where an unrepresentable number is.
    private static func offset(problem: String, bytes: [UInt8]) -> Int? {
        if let range = problem.range(of: #"character \d+"#, options: .regularExpression) {
            return Int(problem[range].dropFirst("character ".count))
        }
        if let range = problem.range(of: #"Number \S+ is not representable"#, options: .regularExpression) {
            let number = problem[range].dropFirst("Number ".count).split(separator: " ")[0]
            let needle = Array(number.utf8)
            guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
            for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
                return start
            }
        }
        return nil
    }

    /// `NaN`, `Infinity`, `-Infinity` or a number too large for a Double, starting at `offset`.
    private static func nonFiniteToken(bytes: [UInt8], at offset: Int) -> String? {
        guard offset < bytes.count else { return nil }
        let tail = bytes[offset...].prefix { !" ,]}\n\r\t".utf8.contains($0) }
        let token = String(decoding: tail, as: UTF8.self)
        if ["NaN", "Infinity", "-Infinity", "+Infinity", "-NaN", "inf", "-inf", "nan"].contains(token) { return token }
        if let value = Double(token), !value.isFinite { return token }
        return nil
    }

    /// Whether the text before the error is inside a `coordinates` array (no `]` closes it at depth 0).
    private static func inCoordinates(_ before: String) -> Bool {
        guard let range = before.range(of: "\"coordinates\"", options: .backwards) else { return false }
        var depth = 0
        for character in before[range.upperBound...] {
            if character == "[" { depth += 1 } else if character == "]" { depth -= 1 }
            if character == "}" { return false }
        }
        return depth > 0
    }

    /// How many `"type": "Feature"` members the text holds.
    private static func featureStarts(in text: String) -> Int {
        (try? NSRegularExpression(pattern: #""type"\s*:\s*"Feature""#))
            .map { $0.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) } ?? 0
    }
}
