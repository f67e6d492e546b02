/// Why a source could not be read or a target written through GeoIO: one line
/// naming the file (or `PG:` connection, with the password masked), the row or
/// feature when there is one, and what to do. Carries GDAL's own message
/// (`CPLGetLastErrorMsg`) when GDAL failed.
public struct GeoIOError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, for tests and callers that react to it.
    public enum Kind: String, Hashable, Sendable {
        /// GDAL could not open the source (missing file, unknown format, server down).
        case cannotOpen
        /// The source has several layers and no `--layer` chose one; the message lists them.
        case layerNeeded
        /// `--layer NAME` names no layer of the source; the message lists them.
        case noSuchLayer
        /// The text is neither UTF-8 nor GB18030.
        case undecodable
        /// No longitude/latitude columns, no coordinate cell and no point geometry.
        case missingCoordinates
        /// Only an address column: addresses must be geocoded first (nuanxin works offline).
        case addressesOnly
        /// `--fields` names a column the source does not have, or is malformed.
        case badFieldMapping
        /// A value is missing, not a number, out of range, or an id repeats.
        case badValue
        /// A geometry GDAL returned could not be turned into GeoJSON, or the wrong kind.
        case badGeometry
        /// The target format cannot hold the features (e.g. points and polygons in one Shapefile).
        case unsupported
        /// GDAL failed while writing; nothing was written.
        case writeFailed
        /// The GDAL library (loaded on first use) is not installed; the message names it and the package.
        case libraryMissing
    }

    /// The file or masked connection string.
    public var source: String
    /// 1-based data row (spreadsheet/CSV) or 0-based feature index, when known, as text
    /// (`row 3`, `feature 7`).
    public var location: String?
    /// What went wrong.
    public var kind: Kind
    /// The explanation, with what to do.
    public var message: String

    /// Creates an error.
    public init(source: String, location: String? = nil, kind: Kind, message: String) {
        self.source = source
        self.location = location
        self.kind = kind
        self.message = message
    }

    /// `source: location: message` on one line.
    public var description: String {
        let text = location.map { "\(source): \($0): \(message)" } ?? "\(source): \(message)"
        return text.replacingOccurrences(of: "\n", with: " ")
    }

    /// `PG:` strings with any `password=...` replaced by `password=***`; other sources unchanged.
    public static func displayName(of source: String) -> String {
        guard source.hasPrefix("PG:") else { return source }
        return source.replacing(/password=\S*/, with: "password=***")
    }
}
