import CGEOS

/// Collects the messages GEOS sends to one context's handlers.
private final class GEOSMessageSink {
    var errors: [String] = []
    var notices: [String] = []

    func clear() {
        errors.removeAll()
        notices.removeAll()
    }
}

/// A GEOS context (`GEOSContextHandle_t`) from the reentrant `_r` API.
///
/// Owns the handle (`GEOS_init_r` / `GEOS_finish_r` in `deinit`) and captures
/// GEOS's error and notice messages, so every `GEOSError` says what GEOS said.
/// Every `GEOSGeometry` keeps its context alive.
///
/// **Threads:** a context and its geometries must stay on one thread (one context
/// per thread or per task); neither class is `Sendable`. Move planar value types
/// (`PlanarMultiPolygon`, `[PlanarPoint]`) between threads instead.
public final class GEOSContext {
    let handle: OpaquePointer
    private let sink: GEOSMessageSink

    /// Creates a GEOS context with message handlers installed.
    /// - Throws: `GEOSError` when GEOS cannot allocate the context.
    public init() throws {
        guard let handle = GEOS_init_r() else {
            throw GEOSError(kind: .library, operation: "GEOS_init_r", message: "GEOS could not create a context")
        }
        let sink = GEOSMessageSink()
        let userData = Unmanaged.passUnretained(sink).toOpaque()
        _ = GEOSContext_setErrorMessageHandler_r(
            handle,
            { message, userData in
                guard let message, let userData else { return }
                Unmanaged<GEOSMessageSink>.fromOpaque(userData).takeUnretainedValue().errors.append(String(cString: message))
            }, userData)
        _ = GEOSContext_setNoticeMessageHandler_r(
            handle,
            { message, userData in
                guard let message, let userData else { return }
                Unmanaged<GEOSMessageSink>.fromOpaque(userData).takeUnretainedValue().notices.append(String(cString: message))
            }, userData)
        self.handle = handle
        self.sink = sink
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The GEOS release linked at run time, e.g. `3.11.1-CAPI-1.17.1`.
    public static var version: String {
        GEOSversion().map { String(cString: $0) } ?? "unknown"
    }

    /// Runs a GEOS call returning a new object, or throws with GEOS's message when it returns NULL.
    func make(_ operation: @autoclosure () -> String, _ call: (OpaquePointer) -> OpaquePointer?) throws -> OpaquePointer {
        sink.clear()
        guard let result = call(handle) else { throw failure(operation()) }
        return result
    }

    /// Runs a GEOS call returning a status code (0 means an exception), or throws with GEOS's message.
    func check(_ operation: @autoclosure () -> String, _ call: (OpaquePointer) -> Int32) throws {
        sink.clear()
        guard call(handle) != 0 else { throw failure(operation()) }
    }

    /// Runs a GEOS predicate (1 true, 0 false, 2 exception), or throws with GEOS's message.
    func predicate(_ operation: @autoclosure () -> String, _ call: (OpaquePointer) -> CChar) throws -> Bool {
        sink.clear()
        switch call(handle) {
        case 1: return true
        case 0: return false
        default: throw failure(operation())
        }
    }

    /// Forgets earlier messages before a call whose failure is detected by its return value.
    func clearMessages() {
        sink.clear()
    }

    /// The error for a failed `operation`, with every message GEOS sent since the call began.
    func failure(_ operation: String) -> GEOSError {
        let lines = sink.errors + sink.notices
        sink.clear()
        return GEOSError(
            kind: .library, operation: operation,
            message: lines.isEmpty ? "GEOS failed without a message" : lines.joined(separator: "; "))
    }
}

@available(*, unavailable, message: "A GEOS context belongs to one thread; create one per thread.")
extension GEOSContext: Sendable {}
