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
        try read(data: try contents(of: url), fileName: url.lastPathComponent)
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
        let fileName = url.lastPathComponent
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

    /// Parses `data` with `JSONSerialization` (one pass, no per-number
    /// decoding attempts) and converts the result to a `JSONValue` tree.
    static func decodeJSON(_ data: Data, fileName: String?) throws -> JSONValue {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch let error as NSError {
            let problem = (error.userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
            throw GeoJSONError(
                file: fileName, featureIndex: nil, field: "", kind: .notJSON, message: "not valid JSON (\(problem))")
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
