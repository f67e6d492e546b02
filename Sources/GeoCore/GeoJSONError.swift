/// How a feature is named in messages: counted from 1 like CSV lines, `feature 1` for index 0.
/// Every reader and command uses this one convention (stated in `nuanxin --help`).
public func featurePlace(_ index: Int) -> String { "feature \(index + 1)" }

/// Why a GeoJSON input was rejected, with the file, the feature index and the
/// field, e.g. `stations.geojson: feature 12: geometry.coordinates: latitude 200.0 is outside -90…90`.
public struct GeoJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is, for callers that react to some of them.
    public enum Kind: String, Hashable, Sendable {
        /// The file could not be read.
        case unreadable
        /// The bytes are not JSON.
        case notJSON
        /// A member has the wrong JSON type.
        case wrongType
        /// A required member is absent.
        case missingMember
        /// `type` names no GeoJSON object.
        case unknownType
        /// A position is not an array of at least two numbers.
        case invalidPosition
        /// A longitude or latitude is outside its range or not finite.
        case outOfRange
        /// A position looks like (lat, lon) instead of (lon, lat).
        case swappedLatLon
        /// A LineString has fewer than two positions.
        case lineTooShort
        /// A linear ring has fewer than four positions.
        case ringTooShort
        /// A linear ring does not end where it starts.
        case ringNotClosed
        /// A ring turns the wrong way for RFC 7946 (a warning: the writer fixes it).
        case ringWinding
        /// A `bbox` is not 4 or 6 numbers.
        case invalidBBox
        /// A geometry failed an additional validity check (e.g. self-intersection).
        case invalidGeometry
    }

    /// The file's path as the user gave it, when the input came from a file.
    public var file: String?
    /// The index of the feature in `features` (0-based; shown counted from 1, `featurePlace`), when the problem is inside one.
    public var featureIndex: Int?
    /// The member path, e.g. `geometry.coordinates[0][3]`; empty for the whole document.
    public var field: String
    /// The kind of problem.
    public var kind: Kind
    /// What is wrong and, where it helps, what to do.
    public var message: String

    /// Creates an error.
    public init(file: String?, featureIndex: Int?, field: String, kind: Kind, message: String) {
        self.file = file
        self.featureIndex = featureIndex
        self.field = field
        self.kind = kind
        self.message = message
    }

    /// `file: feature N: field: message`, leaving out the parts that are unknown.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let featureIndex { parts.append(featurePlace(featureIndex)) }
        if !field.isEmpty { parts.append(field) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

/// A validity problem found in parsed GeoJSON: an error (the reader rejects
/// the input) or a warning (the output will differ, e.g. a ring's winding).
public struct GeoJSONIssue: Hashable, Sendable, CustomStringConvertible {
    /// How serious an issue is.
    public enum Severity: String, Hashable, Sendable {
        /// The geometry is invalid; `GeoJSONReader.read` rejects it.
        case error
        /// The geometry is usable; nuanxin repairs or ignores it.
        case warning
    }

    /// The feature index, when the issue is inside a feature of a collection.
    public var featureIndex: Int?
    /// The member path, e.g. `geometry.coordinates[1]`.
    public var field: String
    /// The kind of problem.
    public var kind: GeoJSONError.Kind
    /// Error or warning.
    public var severity: Severity
    /// What is wrong.
    public var message: String

    /// Creates an issue.
    public init(featureIndex: Int? = nil, field: String, kind: GeoJSONError.Kind, severity: Severity, message: String) {
        self.featureIndex = featureIndex
        self.field = field
        self.kind = kind
        self.severity = severity
        self.message = message
    }

    /// `feature N: field: message`, with `(warning)` appended to warnings.
    public var description: String {
        var parts: [String] = []
        if let featureIndex { parts.append(featurePlace(featureIndex)) }
        if !field.isEmpty { parts.append(field) }
        parts.append(severity == .warning ? message + " (warning)" : message)
        return parts.joined(separator: ": ")
    }

    /// This issue as an error of the file named `file`.
    public func error(inFile file: String?) -> GeoJSONError {
        GeoJSONError(file: file, featureIndex: featureIndex, field: field, kind: kind, message: message)
    }
}

/// `path.member`, or `member` at the top level.
func joinPath(_ path: String, _ member: String) -> String {
    path.isEmpty ? member : path + "." + member
}
