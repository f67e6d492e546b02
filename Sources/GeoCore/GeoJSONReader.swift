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

    static func decodeJSON(_ data: Data, fileName: String?) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw GeoJSONError(
                file: fileName, featureIndex: nil, field: "", kind: .notJSON,
                message: "not valid JSON (\(jsonSyntaxProblem(data)))")
        }
    }

    /// Foundation's description of the first JSON syntax error, e.g. `Invalid value around character 7.`
    private static func jsonSyntaxProblem(_ data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return "not a JSON value"
        } catch let error as NSError {
            return (error.userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
        }
    }
}

/// Why `url` cannot be read: missing, a directory, or not readable.
func readFailureReason(_ url: URL) -> String {
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) { return "no such file" }
    if isDirectory.boolValue { return "it is a directory" }
    return "permission denied or I/O error"
}
