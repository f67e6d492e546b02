import Foundation

/// Why a file could not be written.
public struct NetworkFileWriteError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The file that was to be written.
    public var path: String
    /// What went wrong, from the operating system.
    public var reason: String

    /// Creates an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot write (\(reason)); check the folder exists and is writable" }
    public var errorDescription: String? { description }
}

/// Writes whole files so a reader never sees half of one: the bytes go to a
/// temporary file in the same folder, which is then renamed over the target
/// (atomic on POSIX file systems). A failed write leaves no temporary behind.
public enum NetworkFileWriter {
    /// Writes `data` to `path` atomically.
    /// - Throws: `NetworkFileWriteError` naming `path`.
    /// - Complexity: O(data.count).
    public static func writeAtomically(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let unique = "\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max))"
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(unique).tmp")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw NetworkFileWriteError(path: path, reason: "folder \(folder.path) does not exist")
        }
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw NetworkFileWriteError(path: path, reason: error.localizedDescription)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw NetworkFileWriteError(path: path, reason: reason)
        }
    }
}
