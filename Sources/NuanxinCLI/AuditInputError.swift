/// An audit input that cannot give a meaningful audit, with the file and what to do.
struct AuditInputError: Error, CustomStringConvertible {
    /// The file concerned (last path component).
    var file: String
    /// What is wrong and what to do.
    var message: String

    var description: String { "\(file): \(message)" }
}
