/// Why a source could not be read or a target written through GeoIO: one line
/// naming the file (or `PG:` connection, with the password masked), the row or
/// feature when there is one, and what to do. Carries GDAL's own message
/// (`CPLGetLastErrorMsg`) when GDAL failed.
public struct GeoIOError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, for tests and callers that react to it.
    public enum Kind: String, Hashable, Sendable {
        /// GDAL could not open the source (missing file, unknown format, server down).
        case cannotOpen
        /// The source has several layers and none was chosen; the message lists them.
        case layerNeeded
        /// The chosen layer is not one of the source's; the message lists them.
        case noSuchLayer
        /// The text is neither UTF-8 nor GB18030.
        case undecodable
        /// No longitude/latitude columns, no coordinate cell and no point geometry.
        case missingCoordinates
        /// Only an address column: addresses must be geocoded first (nuanxin works offline).
        case addressesOnly
        /// The column mapping (`FieldMapping`) names a column the source does not have, or the column
        /// mapping or datum per input (`PointFormats`) is malformed.
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
    /// The explanation, with what to do unless `advice` says it.
    public var message: String
    /// What the caller can change to get past the error, when it is a setting of the reader or writer;
    /// `description` words it without naming any front end's options, a front end (the CLI) may name its own.
    public var advice: Advice?

    /// A setting of the reader or writer that gets past an error.
    public enum Advice: String, Hashable, Sendable {
        /// Choose one of the layers the message lists.
        case chooseLayer
        /// Map the coordinate columns to the `lon` and `lat` roles (`FieldMapping`).
        case mapCoordinateColumns
        /// Name the table to write (a PostGIS target's output layer).
        case nameOutputLayer
        /// Correct the column mapping: it names a column the source does not have.
        case checkColumnMapping

        /// The advice in neutral words.
        public var text: String {
            switch self {
            case .chooseLayer: "choose the layer to read"
            case .mapCoordinateColumns: "map them in the column mapping: lon=COLUMN,lat=COLUMN"
            case .nameOutputLayer: "give the table's name as the output layer"
            case .checkColumnMapping: "check the column mapping"
            }
        }
    }

    /// Creates an error.
    public init(source: String, location: String? = nil, kind: Kind, message: String, advice: Advice? = nil) {
        self.source = source
        self.location = location
        self.kind = kind
        self.message = message
        self.advice = advice
    }

    /// `source: location: message` on one line, without the advice.
    public var summary: String {
        let text = location.map { "\(source): \($0): \(message)" } ?? "\(source): \(message)"
        return text.replacingOccurrences(of: "\n", with: " ")
    }

    /// `source: location: message; advice` on one line.
    public var description: String { advice.map { "\(summary); \($0.text)" } ?? summary }

    /// `PG:` strings with any `password=...` replaced by `password=***`; other sources unchanged.
    public static func displayName(of source: String) -> String {
        guard source.hasPrefix("PG:") else { return source }
        return source.replacing(/password=\S*/, with: "password=***")
    }
}
