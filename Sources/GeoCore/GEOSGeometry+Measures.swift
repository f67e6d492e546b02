import CGEOS

/// Whether a geometry is valid in the OGC sense, and why not.
public enum GEOSValidity: Equatable, Sendable {
    /// Valid.
    case valid
    /// Invalid, with GEOS's reason, e.g. `Self-intersection[5 5]`.
    case invalid(reason: String)

    /// True for `.valid`.
    public var isValid: Bool { self == .valid }
}

extension GEOSGeometry {
    /// Area in square metres (0 for points and lines).
    /// - Throws: `GEOSError` with GEOS's message.
    public var area: Double {
        get throws {
            var value = 0.0
            try context.check("area") { GEOSArea_r($0, pointer, &value) }
            return value
        }
    }

    /// Length in metres (perimeter for polygons).
    /// - Throws: `GEOSError` with GEOS's message.
    public var length: Double {
        get throws {
            var value = 0.0
            try context.check("length") { GEOSLength_r($0, pointer, &value) }
            return value
        }
    }

    /// Validity with GEOS's reason when invalid (`GEOSisValid_r`, `GEOSisValidReason_r`).
    /// - Throws: `GEOSError` with GEOS's message.
    public func validity() throws -> GEOSValidity {
        if try context.predicate("isValid", { GEOSisValid_r($0, pointer) }) {
            return .valid
        }
        context.clearMessages()
        guard let raw = GEOSisValidReason_r(context.handle, pointer) else { throw context.failure("isValidReason") }
        defer { GEOSFree_r(context.handle, raw) }
        return .invalid(reason: String(cString: raw))
    }

    /// True when `other` lies in this geometry's interior and not only on its boundary (`GEOSContains_r`).
    /// - Throws: `GEOSError` with GEOS's message.
    public func contains(_ other: GEOSGeometry) throws -> Bool {
        requireSameContext(other)
        return try context.predicate("contains") { GEOSContains_r($0, pointer, other.pointer) }
    }

    /// True when no point of `other` lies outside this geometry (`GEOSCovers_r`).
    /// - Throws: `GEOSError` with GEOS's message.
    public func covers(_ other: GEOSGeometry) throws -> Bool {
        requireSameContext(other)
        return try context.predicate("covers") { GEOSCovers_r($0, pointer, other.pointer) }
    }

    /// Shortest distance in metres to `other` (0 when they touch or overlap).
    /// - Throws: `GEOSError` with GEOS's message.
    public func distance(to other: GEOSGeometry) throws -> Double {
        requireSameContext(other)
        var value = 0.0
        try context.check("distance") { GEOSDistance_r($0, pointer, other.pointer, &value) }
        return value
    }

    /// True when `point` lies in this geometry's interior (a point on the boundary is not contained).
    /// - Throws: `GEOSError` with GEOS's message.
    public func contains(_ point: PlanarPoint) throws -> Bool {
        try contains(GEOSGeometry(point: point, in: context))
    }

    /// True when `point` lies in this geometry or on its boundary.
    /// - Throws: `GEOSError` with GEOS's message.
    public func covers(_ point: PlanarPoint) throws -> Bool {
        try covers(GEOSGeometry(point: point, in: context))
    }

    /// Shortest distance in metres from `point` to this geometry.
    /// - Throws: `GEOSError` with GEOS's message.
    public func distance(to point: PlanarPoint) throws -> Double {
        try distance(to: GEOSGeometry(point: point, in: context))
    }
}
