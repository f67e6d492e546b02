import CGEOS

extension GEOSGeometry {
    /// The area within `distance` metres of this geometry (`GEOSBufferWithStyle_r`).
    /// A negative distance shrinks polygons.
    /// - Throws: `GEOSError` (`.invalidInput`) for a non-finite distance or fewer than 1
    ///   quadrant segment, or with GEOS's message.
    public func buffer(_ distance: Double, style: GEOSBufferStyle = GEOSBufferStyle()) throws -> GEOSGeometry {
        guard distance.isFinite, style.quadrantSegments >= 1, let segments = Int32(exactly: style.quadrantSegments) else {
            throw GEOSError(
                kind: .invalidInput, operation: "buffer",
                message: "distance \(distance) must be finite and quadrant segments \(style.quadrantSegments) at least 1")
        }
        return try result("buffer \(distance)") {
            GEOSBufferWithStyle_r($0, pointer, distance, segments, style.capCode, style.joinCode, style.mitreLimit)
        }
    }

    /// The union of this geometry and `other` (`GEOSUnion_r`).
    /// - Throws: `GEOSError` with GEOS's message (e.g. a TopologyException on invalid input).
    public func union(_ other: GEOSGeometry) throws -> GEOSGeometry {
        requireSameContext(other)
        return try result("union") { GEOSUnion_r($0, pointer, other.pointer) }
    }

    /// The union of all parts of this geometry with each other (`GEOSUnaryUnion_r`),
    /// e.g. a collection of overlapping polygons dissolved into one.
    /// - Throws: `GEOSError` with GEOS's message.
    public func unaryUnion() throws -> GEOSGeometry {
        try result("unaryUnion") { GEOSUnaryUnion_r($0, pointer) }
    }

    /// The union of many geometries in one cascaded pass (collect copies, then `GEOSUnaryUnion_r`).
    /// An empty list gives an empty GeometryCollection.
    /// - Throws: `GEOSError` with GEOS's message.
    /// - Complexity: about O(n log n) in the total number of vertices.
    public static func union(of parts: [GEOSGeometry], in context: GEOSContext) throws -> GEOSGeometry {
        try GEOSGeometry(collecting: parts, in: context).unaryUnion()
    }

    /// The part of this geometry outside `other` (`GEOSDifference_r`).
    /// - Throws: `GEOSError` with GEOS's message.
    public func difference(_ other: GEOSGeometry) throws -> GEOSGeometry {
        requireSameContext(other)
        return try result("difference") { GEOSDifference_r($0, pointer, other.pointer) }
    }

    /// The part of this geometry inside `other` (`GEOSIntersection_r`).
    /// - Throws: `GEOSError` with GEOS's message.
    public func intersection(_ other: GEOSGeometry) throws -> GEOSGeometry {
        requireSameContext(other)
        return try result("intersection") { GEOSIntersection_r($0, pointer, other.pointer) }
    }

    /// A valid geometry covering the same points (`GEOSMakeValid_r`); may change type,
    /// e.g. a bow-tie polygon becomes a MultiPolygon of two triangles.
    /// - Throws: `GEOSError` with GEOS's message.
    public func makeValid() throws -> GEOSGeometry {
        try result("makeValid") { GEOSMakeValid_r($0, pointer) }
    }
}
