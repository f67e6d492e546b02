import Foundation
import GeoCore

/// Writes a command's output files all or nothing through one `OutputTransaction`: every file is
/// staged beside its target and the set is renamed only when all are complete; a failure or a
/// SIGINT/SIGTERM leaves every pre-existing output byte-identical and no temporary behind.
public enum AuditOutputFiles {
    /// Writes every `(data, url)` pair as one set.
    /// - Throws: the first `AtomicFileError`; no target has changed then.
    public static func write(_ files: [(data: Data, url: URL)]) throws {
        try OutputTransaction.writeAll(files.map { (data: $0.data, path: $0.url.relativePath) })
    }
}
