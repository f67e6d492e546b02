import Foundation

#if canImport(Glibc)
    import Glibc
    private let posixWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let posixWrite = Darwin.write
#endif

/// Why an output file could not be written. The target is untouched and no
/// temporary file is left behind.
public struct AtomicFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file that was to be written.
    public var path: String
    /// What failed, with the system's reason.
    public var reason: String

    /// Creates an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot write: \(reason)" }
}

/// Writes files so that readers see either the old content or the whole new
/// content, never half a file: the data goes to a temporary file in the same
/// folder, is flushed to disk, and is renamed over the target (mode 0644).
public enum AtomicFile {
    /// Writes `data` to `url` atomically.
    /// - Throws: `AtomicFileError` (missing folder, no permission, disk full, target is a folder…);
    ///   the temporary file is removed in every failure.
    /// - Complexity: O(data.count).
    public static func write(_ data: Data, to url: URL) throws {
        let target = url.standardizedFileURL
        let folder = target.deletingLastPathComponent().path
        var template = Array((folder + "/." + target.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else {
            throw AtomicFileError(path: target.path, reason: "cannot create a temporary file in \(folder): \(systemError())")
        }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        do {
            try writeAll(data, to: fd, path: target.path)
            guard fchmod(fd, 0o644) == 0, fsync(fd) == 0 else {
                throw AtomicFileError(path: target.path, reason: systemError())
            }
            closed = true
            guard close(fd) == 0 else { throw AtomicFileError(path: target.path, reason: systemError()) }
            guard rename(temporaryPath, target.path) == 0 else {
                throw AtomicFileError(path: target.path, reason: "cannot replace the file: \(systemError())")
            }
        } catch {
            if !closed { close(fd) }
            unlink(temporaryPath)
            throw error
        }
    }

    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw AtomicFileError(path: path, reason: systemError())
                }
                offset += written
            }
        }
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
