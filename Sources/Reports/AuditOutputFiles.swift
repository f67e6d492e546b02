import Foundation
import GeoCore

/// Writes the audit's output files all or nothing: each file atomically
/// (`AtomicFile`), and when one fails, the ones already written in this run
/// are removed again, so a failed run leaves no new GeoJSON without its CSV.
public enum AuditOutputFiles {
    /// Writes every `(data, url)` pair in order.
    /// - Throws: the first `AtomicFileError`, after removing the files written before it.
    public static func write(_ files: [(data: Data, url: URL)]) throws {
        var written: [URL] = []
        do {
            for file in files {
                try AtomicFile.write(file.data, to: file.url)
                written.append(file.url)
            }
        } catch {
            for url in written { try? FileManager.default.removeItem(at: url) }
            throw error
        }
    }
}
