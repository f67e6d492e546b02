import CGEOS

/// A GEOS geometry indexed for many point-in-polygon tests (`GEOSPrepare_r`).
///
/// Preparing costs about one pass over the geometry; each later test is then
/// logarithmic instead of linear in its vertices. Use it to test many hotspots
/// against one service area. Keeps the prepared geometry alive and frees the
/// index in `deinit`; same thread rules as `GEOSContext`.
public final class GEOSPreparedGeometry {
    /// The geometry that was prepared.
    public let geometry: GEOSGeometry
    private let prepared: OpaquePointer

    /// Prepares `geometry`.
    /// - Throws: `GEOSError` with GEOS's message.
    public init(_ geometry: GEOSGeometry) throws {
        self.geometry = geometry
        self.prepared = try geometry.context.make("prepare") { GEOSPrepare_r($0, geometry.pointer) }
    }

    deinit {
        GEOSPreparedGeom_destroy_r(geometry.context.handle, prepared)
    }

    /// True when `point` lies in the interior (a point on the boundary is not contained).
    /// - Throws: `GEOSError` with GEOS's message.
    public func contains(_ point: PlanarPoint) throws -> Bool {
        let probe = try GEOSGeometry(point: point, in: geometry.context)
        return try geometry.context.predicate("prepared contains") { GEOSPreparedContains_r($0, prepared, probe.pointer) }
    }

    /// True when `point` lies in the geometry or on its boundary.
    /// - Throws: `GEOSError` with GEOS's message.
    public func covers(_ point: PlanarPoint) throws -> Bool {
        let probe = try GEOSGeometry(point: point, in: geometry.context)
        return try geometry.context.predicate("prepared covers") { GEOSPreparedCovers_r($0, prepared, probe.pointer) }
    }
}
