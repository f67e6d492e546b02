/// Why a point set file was rejected, with the file and the CSV line or
/// GeoJSON feature index, e.g. `hotspots.csv: line 7: weight "-2" is negative; weights must be 0 or more`.
public struct PointSetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where in the file the problem is.
    public enum Location: Hashable, Sendable {
        /// The file as a whole.
        case file
        /// A CSV line, 1-based (the header is line 1); for a quoted field
        /// spanning lines, the line where the record starts.
        case line(Int)
        /// A GeoJSON feature index, 0-based (shown counted from 1: `feature 1` is the first).
        case feature(Int)
    }

    /// What kind of problem it is.
    public enum Kind: String, Hashable, Sendable {
        /// The file could not be read.
        case unreadable
        /// The file is not UTF-8 text.
        case notUTF8
        /// The file has no header line.
        case empty
        /// A required CSV column (`id`, `lon`, `lat`) is missing.
        case missingColumn
        /// Two CSV columns have the same name.
        case duplicateColumn
        /// A CSV row has a different number of fields than the header.
        case wrongFieldCount
        /// A quoted CSV field is never closed.
        case unterminatedQuote
        /// A required value (id, lon, lat) is empty.
        case missingValue
        /// A value that must be a number is not.
        case notANumber
        /// A coordinate is outside its range or not finite.
        case outOfRange
        /// The coordinates look like (lat, lon) instead of (lon, lat).
        case swappedLatLon
        /// A weight is negative or above its documented limit.
        case negativeWeight
        /// An id appears twice.
        case duplicateID
        /// A GeoJSON feature is not a Point.
        case notAPoint
        /// A value has the wrong JSON type.
        case wrongType
        /// The weights add up to more than a finite number.
        case weightOverflow
    }

    /// The file's path as the user gave it.
    public var file: String
    /// Where in the file.
    public var location: Location
    /// The kind of problem.
    public var kind: Kind
    /// What is wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(file: String, location: Location, kind: Kind, message: String) {
        self.file = file
        self.location = location
        self.kind = kind
        self.message = message
    }

    /// `file: line N: message` or `file: feature N: message`.
    public var description: String {
        switch location {
        case .file: "\(file): \(message)"
        case .line(let n): "\(file): line \(n): \(message)"
        case .feature(let i): "\(file): \(featurePlace(i)): \(message)"
        }
    }
}
