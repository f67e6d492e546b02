import CGEOS

/// The kind of a GEOS geometry (`GEOSGeomTypeId_r`).
public enum GEOSGeometryType: Int32, Sendable {
    case point = 0
    case lineString = 1
    case linearRing = 2
    case polygon = 3
    case multiPoint = 4
    case multiLineString = 5
    case multiPolygon = 6
    case geometryCollection = 7
}

/// A GEOS geometry owned by Swift: the `GEOSGeometry*` is destroyed in `deinit`.
///
/// Keeps its `GEOSContext` alive. Operations between two geometries require both
/// to come from the same context. Not `Sendable`: stay on the context's thread.
/// Coordinates are planar metres (x easting, y northing).
public final class GEOSGeometry {
    /// The context this geometry was made in.
    public let context: GEOSContext
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`, a geometry created in `context`.
    init(owning pointer: OpaquePointer, in context: GEOSContext) {
        self.context = context
        self.pointer = pointer
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, pointer)
    }

    /// The geometry's kind.
    /// - Throws: `GEOSError` when GEOS reports an unknown type.
    public var geometryType: GEOSGeometryType {
        get throws {
            context.clearMessages()
            let id = GEOSGeomTypeId_r(context.handle, pointer)
            guard let type = GEOSGeometryType(rawValue: id) else { throw context.failure("geometryType") }
            return type
        }
    }

    /// True when the geometry has no points.
    /// - Throws: `GEOSError` with GEOS's message.
    public var isEmpty: Bool {
        get throws { try context.predicate("isEmpty") { GEOSisEmpty_r($0, pointer) } }
    }

    /// An independent copy (`GEOSGeom_clone_r`).
    /// - Throws: `GEOSError` with GEOS's message.
    public func clone() throws -> GEOSGeometry {
        try result("clone") { GEOSGeom_clone_r($0, pointer) }
    }

    /// Wraps the new geometry a GEOS call returns, or throws with GEOS's message.
    func result(_ operation: @autoclosure () -> String, _ call: (OpaquePointer) -> OpaquePointer?) throws -> GEOSGeometry {
        GEOSGeometry(owning: try context.make(operation(), call), in: context)
    }

    /// Stops when `other` was made in a different context (a programming error).
    func requireSameContext(_ other: GEOSGeometry) {
        precondition(other.context === context, "GEOS geometries from different contexts cannot be combined")
    }
}
