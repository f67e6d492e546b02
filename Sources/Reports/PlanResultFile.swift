import Foundation

/// Writes a result file so that a failed run never leaves half a file: the bytes go to a temporary
/// file in the same folder, which is then renamed over the destination.
public enum PlanResultFile {
    /// Writes `data` to `path` atomically.
    /// - Throws: `ResultFileError` with the system's reason.
    public static func write(_ data: Data, to path: String) throws {
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw ResultFileError(file: path, reason: error.localizedDescription)
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ResultFileError(file: path, reason: reason)
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
