import CGDAL
import Foundation

/// GDAL's process-wide state, set up once.
///
/// GDAL is not linked: `CGDAL` opens the library with `dlopen` on first use (linking it cost every
/// nuanxin process 40-70 ms of start-up, most of which never read or write through GDAL), so every
/// entry point calls `ensure(for:)` first and reports a missing library as a `GeoIOError`.
/// `GDALAllRegister` runs on first use (Swift runs a global's initialiser
/// exactly once, thread-safely), and GDAL's default error handler, which
/// prints to stderr, is replaced by `CPLQuietErrorHandler`: GeoIO reads each
/// error with `CPLGetLastErrorMsg` and reports it in a `GeoIOError` instead.
///
/// Thread safety (GDAL's rules): the last error is per thread; a dataset
/// handle (`GDALDataset`) and its layers must be used by one thread at a time,
/// but different datasets may be used on different threads.
enum GDALRuntime {
    private static let loadFailure: String? = {
        var message = [CChar](repeating: 0, count: 1024)
        guard nx_gdal_load(&message, message.count) != 0 else { return text(of: message) }
        nx_GDALAllRegister()
        nx_CPLSetErrorHandler(nx_CPLQuietErrorHandler)
        return nil
    }()

    /// Loads GDAL, registers the drivers and the quiet error handler (once per process).
    /// - Throws: `GeoIOError.libraryMissing` for `source` when the GDAL library cannot be loaded;
    ///   the message names the library and the package to install.
    static func ensure(for source: String) throws(GeoIOError) {
        if let loadFailure {
            throw GeoIOError(source: GeoIOError.displayName(of: source), kind: .libraryMissing, message: loadFailure)
        }
    }

    /// The error `ensure(for:)` would give if the GDAL library were `library` (a soname or path):
    /// nil when that library loads. Touches nothing process-wide; for tests of the error path.
    static func probe(library: String, for source: String) -> GeoIOError? {
        var message = [CChar](repeating: 0, count: 1024)
        guard nx_gdal_probe(library, &message, message.count) == 0 else { return nil }
        return GeoIOError(source: GeoIOError.displayName(of: source), kind: .libraryMissing, message: text(of: message))
    }

    /// The NUL-terminated text in `buffer`, as UTF-8.
    private static func text(of buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// GDAL's last error message on this thread, or `fallback` when it is empty;
    /// the error state is reset.
    static func lastError(_ fallback: String) -> String {
        let message = String(cString: nx_CPLGetLastErrorMsg()).trimmingCharacters(in: .whitespacesAndNewlines)
        nx_CPLErrorReset()
        return message.isEmpty ? fallback : message
    }
}

/// A NULL-terminated `char **` list (GDAL's `CSL`), freed in `deinit`.
final class CStringList {
    private(set) var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    /// A list of `items` (e.g. `KEY=VALUE` options or driver names).
    init(_ items: [String]) {
        for item in items { pointer = nx_CSLAddString(pointer, item) }
    }

    /// The list as GDAL's `const char *const *`, valid while `self` lives.
    var constPointer: UnsafePointer<UnsafePointer<CChar>?>? {
        pointer.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) }
    }

    deinit { nx_CSLDestroy(pointer) }
}
