/// A benchmark instance file that cannot be read, with the file, the 1-based line and what to do.
public struct InstanceParseError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What kind of mistake the line holds.
    public enum Kind: Equatable, Sendable {
        /// The OR-Library header is not `n m p` with 1 ≤ p ≤ n.
        case badHeader
        /// An edge line is not `i j cost` with a finite non-negative cost.
        case badEdge
        /// An edge names a vertex outside 1…n.
        case vertexOutOfRange
        /// The file ends before the m edges the header announced.
        case missingEdges
        /// Non-blank content after the last announced edge.
        case extraContent
        /// The CSV header lacks one of `id,x,y,weight`.
        case badCSVHeader
        /// A CSV row has the wrong field count, a bad number or a quoted field.
        case badCSVRow
        /// A CSV id appears twice.
        case duplicateID
        /// The file holds no points.
        case empty
    }

    /// The file being read.
    public let file: String
    /// 1-based line number of the offending line.
    public let line: Int
    /// What kind of mistake it is.
    public let kind: Kind
    /// What is wrong on that line.
    public let message: String
    /// What to do about it.
    public let fix: String

    /// Creates the error for `file`:`line`.
    public init(file: String, line: Int, kind: Kind, message: String, fix: String) {
        self.file = file
        self.line = line
        self.kind = kind
        self.message = message
        self.fix = fix
    }

    public var description: String { "\(file):\(line): \(message); \(fix)" }
}
