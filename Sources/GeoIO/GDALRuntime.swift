import CGDAL
import Foundation

/// GDAL's process-wide state, set up once.
///
/// `GDALAllRegister` runs on first use (Swift runs a global's initialiser
/// exactly once, thread-safely), and GDAL's default error handler, which
/// prints to stderr, is replaced by `CPLQuietErrorHandler`: GeoIO reads each
/// error with `CPLGetLastErrorMsg` and reports it in a `GeoIOError` instead.
///
/// Thread safety (GDAL's rules): the last error is per thread; a dataset
/// handle (`GDALDataset`) and its layers must be used by one thread at a time,
/// but different datasets may be used on different threads.
enum GDALRuntime {
    private static let registered: Bool = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        return true
    }()

    /// Registers the drivers and the quiet error handler (once per process).
    static func ensure() {
        _ = registered
    }

    /// GDAL's last error message on this thread, or `fallback` when it is empty;
    /// the error state is reset.
    static func lastError(_ fallback: String) -> String {
        let message = String(cString: CPLGetLastErrorMsg()).trimmingCharacters(in: .whitespacesAndNewlines)
        CPLErrorReset()
        return message.isEmpty ? fallback : message
    }
}

/// A NULL-terminated `char **` list (GDAL's `CSL`), freed in `deinit`.
final class CStringList {
    private(set) var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    /// A list of `items` (e.g. `KEY=VALUE` options or driver names).
    init(_ items: [String]) {
        for item in items { pointer = CSLAddString(pointer, item) }
    }

    /// The list as GDAL's `const char *const *`, valid while `self` lives.
    var constPointer: UnsafePointer<UnsafePointer<CChar>?>? {
        pointer.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) }
    }

    deinit { CSLDestroy(pointer) }
}
