import Foundation
import GeoCore

/// Writes a result file so that a failed run never leaves half a file (`AtomicFile`: a temporary
/// file in the same folder, renamed over the destination, removed on failure or SIGINT/SIGTERM).
enum PlanResultFile {
    /// Writes `data` to `path` atomically.
    /// - Throws: `PlanCommandError.cannotWrite` with the system's reason.
    static func write(_ data: Data, to path: String) throws {
        do {
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        } catch let error as AtomicFileError {
            throw PlanCommandError.cannotWrite(file: path, reason: error.reason)
        }
    }
}
