import CProj
import Foundation

/// An error from PROJ, carrying PROJ's own message.
public struct ProjectionError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What nuanxin was doing when PROJ failed.
    public var operation: String
    /// PROJ's message (from its error number and its log).
    public var message: String

    /// Creates an error for `operation` with PROJ's `message`.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    public var description: String { "\(operation): \(message)" }
}

/// Collects PROJ's log lines for one context, so errors can say what PROJ said.
private final class ProjLogSink {
    var lines: [String] = []
}

/// A coordinate transformation between two CRSs, backed by PROJ 9.
///
/// Owns its `PJ_CONTEXT` and `PJ`, which are freed in `deinit`. Axis order is
/// forced to (longitude, latitude) / (easting, northing) with
/// `proj_normalize_for_visualization`, whatever the CRS's official order.
/// Creating one costs milliseconds: make it once and transform in batches.
/// Not thread-safe: use one instance per thread.
public final class Projection {
    private let context: OpaquePointer
    private let transform: OpaquePointer
    private let logSink: ProjLogSink
    /// The source CRS as given (e.g. `EPSG:4326`).
    public let source: String
    /// The target CRS as given (e.g. `EPSG:4545`).
    public let target: String

    /// Creates a transformation from `source` to `target`, each an EPSG code
    /// (`EPSG:4326`), a PROJ string or WKT.
    /// - Throws: `ProjectionError` with PROJ's message when either CRS is unknown.
    public init(from source: String, to target: String) throws {
        guard let ctx = proj_context_create() else {
            throw ProjectionError(operation: "proj_context_create", message: "out of memory")
        }
        let sink = ProjLogSink()
        proj_log_level(ctx, PJ_LOG_ERROR)
        proj_log_func(ctx, Unmanaged.passUnretained(sink).toOpaque()) { data, _, message in
            guard let data, let message else { return }
            Unmanaged<ProjLogSink>.fromOpaque(data).takeUnretainedValue().lines.append(String(cString: message))
        }
        let lean = Projection.plainPipeline(from: source, to: target).flatMap { Projection.createWithoutDatabase(ctx, $0) }
        sink.lines.removeAll()
        guard let raw = lean ?? proj_create_crs_to_crs(ctx, source, target, nil) else {
            let message = Projection.errorText(ctx, sink)
            proj_context_destroy(ctx)
            throw ProjectionError(operation: "create \(source) → \(target)", message: message)
        }
        // A plain pipeline already takes (lon, lat) and gives (easting, northing).
        guard let normalized = lean != nil ? raw : proj_normalize_for_visualization(ctx, raw) else {
            let message = Projection.errorText(ctx, sink)
            proj_destroy(raw)
            proj_context_destroy(ctx)
            throw ProjectionError(operation: "normalize \(source) → \(target)", message: message)
        }
        if lean == nil { proj_destroy(raw) }
        self.context = ctx
        self.transform = normalized
        self.logSink = sink
        self.source = source
        self.target = target
    }

    /// Creates the transformation from an EPSG code to another.
    /// - Throws: `ProjectionError` when either code is unknown to PROJ.
    public convenience init(fromEPSG source: Int, toEPSG target: Int) throws {
        try self.init(from: "EPSG:\(source)", to: "EPSG:\(target)")
    }

    deinit {
        proj_destroy(transform)
        proj_context_destroy(context)
    }

    /// Transforms parallel arrays of x (longitude/easting) and y (latitude/northing)
    /// in place, forward or inverse.
    /// - Throws: `ProjectionError` naming the first point whose result is not finite.
    /// - Complexity: O(n), one PROJ call for the whole batch.
    public func transform(x: inout [Double], y: inout [Double], inverse: Bool = false) throws {
        precondition(x.count == y.count, "x and y must have the same count")
        let n = x.count
        guard n > 0 else { return }
        proj_errno_reset(transform)
        let stride = MemoryLayout<Double>.stride
        let done = x.withUnsafeMutableBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                proj_trans_generic(
                    transform, inverse ? PJ_INV : PJ_FWD,
                    xs.baseAddress, stride, n,
                    ys.baseAddress, stride, n,
                    nil, 0, 0, nil, 0, 0)
            }
        }
        guard done == n else {
            throw ProjectionError(
                operation: "transform \(source) → \(target)",
                message: "PROJ transformed \(done) of \(n) points: \(Projection.errorText(context, logSink))")
        }
        for i in 0..<n where !(x[i].isFinite && y[i].isFinite) {
            throw ProjectionError(
                operation: "transform \(source) → \(target)",
                message: "point \(i) has no finite result (input outside the CRS's area?): \(Projection.errorText(context, logSink))")
        }
    }

    /// Projects geographic coordinates forward to planar points.
    /// - Throws: `ProjectionError` when a result is not finite.
    /// - Complexity: O(n).
    public func forward(_ coordinates: [Coordinate]) throws -> [PlanarPoint] {
        var x = coordinates.map(\.lon)
        var y = coordinates.map(\.lat)
        try transform(x: &x, y: &y)
        return zip(x, y).map { PlanarPoint(x: $0, y: $1) }
    }

    /// Projects planar points back to geographic coordinates.
    /// - Throws: `ProjectionError` when a result is not finite.
    /// - Complexity: O(n).
    public func inverse(_ points: [PlanarPoint]) throws -> [Coordinate] {
        var x = points.map(\.x)
        var y = points.map(\.y)
        try transform(x: &x, y: &y, inverse: true)
        return zip(x, y).map { Coordinate(lon: $0, lat: $1) }
    }

    /// `proj_create(ctx, pipeline)` for a pipeline that needs no PROJ data, without opening proj.db.
    ///
    /// PROJ (9.1) opens and queries proj.db in `proj_create` for any coordinate operation, only to
    /// re-export its PROJ string, which took several milliseconds of every short command. The
    /// context's search paths point at a folder that does not exist while the pipeline is
    /// created, so PROJ finds no database and builds the same pipeline from the string alone
    /// (same algorithms: `tmerc_default_algo` of proj.ini is PROJ's built-in default); then the
    /// default search paths and the context's error state are restored.
    private static func createWithoutDatabase(_ ctx: OpaquePointer, _ pipeline: String) -> OpaquePointer? {
        let nowhere = "/nonexistent/nuanxin-no-proj-data"
        nowhere.withCString { path in
            var paths: [UnsafePointer<CChar>?] = [path]
            proj_context_set_search_paths(ctx, 1, &paths)
        }
        proj_log_level(ctx, PJ_LOG_NONE)
        let created = proj_create(ctx, pipeline)
        proj_log_level(ctx, PJ_LOG_ERROR)
        proj_context_set_search_paths(ctx, 0, nil)
        if let created { proj_errno_reset(created) }
        return created
    }

    private static func errorText(_ ctx: OpaquePointer, _ sink: ProjLogSink) -> String {
        let code = proj_context_errno(ctx)
        var parts: [String] = []
        if code != 0, let text = proj_context_errno_string(ctx, code) {
            parts.append(String(cString: text))
        }
        parts.append(contentsOf: sink.lines)
        sink.lines.removeAll()
        return parts.isEmpty ? "unknown PROJ error" : parts.joined(separator: "; ")
    }
}

/// The PROJ release linked at run time.
func projRuntimeVersion() -> String {
    let info = proj_info()
    return info.release.map { String(cString: $0) } ?? "unknown"
}
