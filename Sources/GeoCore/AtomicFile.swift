import Foundation

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

/// Writes one file so that readers see either the old content or the whole new
/// content, never half a file: a one-file `OutputTransaction` (temporary file beside
/// the target, flushed to disk, renamed over the target, mode 0644; removed again on
/// failure or SIGINT/SIGTERM).
public enum AtomicFile {
    /// Writes `data` to `url` atomically.
    /// - Throws: `AtomicFileError` (missing folder, no permission, disk full, target is a folder…);
    ///   the temporary file is removed in every failure.
    /// - Complexity: O(data.count).
    public static func write(_ data: Data, to url: URL) throws {
        try OutputTransaction.writeAll([(data: data, path: url.relativePath)])
    }
}
