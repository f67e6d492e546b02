import Foundation

/// Writes a result file so that a failed run never leaves half a file: the bytes go to a temporary
/// file in the same folder, which is then renamed over the destination.
enum PlanResultFile {
    /// Writes `data` to `path` atomically.
    /// - Throws: `PlanCommandError.cannotWrite` with the system's reason.
    static func write(_ data: Data, to path: String) throws {
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw PlanCommandError.cannotWrite(file: path, reason: error.localizedDescription)
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw PlanCommandError.cannotWrite(file: path, reason: reason)
        }
    }
}
