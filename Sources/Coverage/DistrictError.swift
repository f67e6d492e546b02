import GeoCore

/// Why a district file was rejected, with the file and the feature index,
/// e.g. `districts.geojson: feature 3: no property "name"; …`.
public struct DistrictError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: String, Hashable, Sendable {
        /// The file holds no feature.
        case empty
        /// A feature's geometry is not a Polygon or MultiPolygon.
        case notPolygonal
        /// A feature has no usable name in the name field.
        case missingName
        /// Two features have the same name.
        case duplicateName
        /// A polygon is not valid (self-intersection, hole outside its shell …).
        case invalidPolygon
    }

    /// The file's name (last path component).
    public var file: String
    /// The feature index (0-based), or nil for the file as a whole.
    public var featureIndex: Int?
    /// The kind of problem.
    public var kind: Kind
    /// What is wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(file: String, featureIndex: Int?, kind: Kind, message: String) {
        self.file = file
        self.featureIndex = featureIndex
        self.kind = kind
        self.message = message
    }

    /// `file: feature N: message`, or `file: message` for the whole file.
    public var description: String {
        featureIndex.map { "\(file): \(featurePlace($0)): \(message)" } ?? "\(file): \(message)"
    }
}
