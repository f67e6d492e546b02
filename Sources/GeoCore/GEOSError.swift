/// An error from the GEOS wrapper, carrying GEOS's own message.
public struct GEOSError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Where the error came from.
    public enum Kind: Equatable, Sendable {
        /// GEOS failed and reported `message` through its error handler.
        case library
        /// The input was rejected before reaching GEOS (e.g. a non-finite coordinate).
        case invalidInput
    }

    /// Where the error came from.
    public var kind: Kind
    /// What nuanxin was doing when GEOS failed (e.g. `buffer`, `polygon 3 ring 1`).
    public var operation: String
    /// GEOS's message (its error and notice output), or the input check's explanation.
    public var message: String

    /// Creates an error of `kind` for `operation` with `message`.
    public init(kind: Kind, operation: String, message: String) {
        self.kind = kind
        self.operation = operation
        self.message = message
    }

    public var description: String { "GEOS \(operation): \(message)" }
}
