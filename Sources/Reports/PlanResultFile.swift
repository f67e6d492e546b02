import Foundation
import GeoCore

/// Writes a result file so that a failed run never leaves half a file (`AtomicFile`: a temporary
/// file in the same folder, renamed over the destination, removed on failure or SIGINT/SIGTERM).
public enum PlanResultFile {
    /// Writes `data` to `path` atomically.
    /// - Throws: `ResultFileError` with the system's reason.
    public static func write(_ data: Data, to path: String) throws {
        do {
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        } catch let error as AtomicFileError {
            throw ResultFileError(file: path, reason: error.reason)
        }
    }
}

/// A result file that could not be written, with the system's reason.
public struct ResultFileError: Error, CustomStringConvertible {
    /// The destination path as given.
    public var file: String
    /// The system's reason.
    public var reason: String

    /// `<file>: cannot write (<reason>); check that the folder exists and is writable`.
    public var description: String {
        "\(file): cannot write (\(reason)); check that the folder exists and is writable"
    }
}
