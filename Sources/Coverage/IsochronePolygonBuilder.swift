import GeoCore

/// Builds a service-area polygon from the pieces of road reached from a station.
///
/// Every reached piece (a planar polyline in metres) is buffered by the access
/// distance and the buffers are unioned: no blob across a river or an expressway
/// without access, and a ring road around a lake leaves the lake as a hole.
///
/// Buffering each piece and then unioning all buffers in one cascaded
/// `GEOSUnaryUnion_r` is about 2.5× faster than one buffer of the whole
/// MultiLineString (GEOS 3.11, jittered street grid with 120 m blocks, 50 m access
/// distance: 3 120 pieces 0.5 s vs 1.3 s, 7 080 pieces 1.2 s vs 3.2 s, equal areas),
/// so that is what `serviceArea` does.
public struct IsochronePolygonBuilder: Hashable, Sendable {
    /// How far from a reached road a rider still counts as served, in metres.
    public var accessDistance: Double
    /// Buffer shape (round ends and corners, 8 segments per quarter circle by default).
    public var bufferStyle: GEOSBufferStyle

    /// Creates a builder with `accessDistance` metres (default 50) and `bufferStyle`.
    public init(accessDistance: Double = 50, bufferStyle: GEOSBufferStyle = GEOSBufferStyle()) {
        self.accessDistance = accessDistance
        self.bufferStyle = bufferStyle
    }

    /// The service area of `pieces` as planar polygons with holes (RFC 7946 winding),
    /// GEOS-valid and without empty parts; empty when there are no pieces.
    /// - Throws: `IsochroneError` for a non-positive access distance or an area GEOS
    ///   cannot make valid; `GEOSError` with GEOS's message.
    /// - Complexity: about O(n log n) in the number of buffer vertices.
    public func polygons(of pieces: [[PlanarPoint]]) throws -> PlanarMultiPolygon {
        try validPolygonal(serviceArea(of: pieces, in: GEOSContext()), minutes: nil).toMultiPolygon()
    }

    /// The service area of `pieces` as a GEOS geometry (the union of their buffers).
    ///
    /// A piece of one point (a station reached at zero travel time) gives a disc;
    /// empty pieces are skipped.
    /// Internal: GEOS geometries stay in this module, on the thread of `context`.
    /// - Throws: `IsochroneError.accessDistanceNotPositive`; `GEOSError` with GEOS's message.
    /// - Complexity: about O(n log n) in the number of buffer vertices.
    func serviceArea(of pieces: [[PlanarPoint]], in context: GEOSContext) throws -> GEOSGeometry {
        guard accessDistance.isFinite, accessDistance > 0 else {
            throw IsochroneError.accessDistanceNotPositive(accessDistance)
        }
        var buffers: [GEOSGeometry] = []
        buffers.reserveCapacity(pieces.count)
        for piece in pieces where !piece.isEmpty {
            let line =
                piece.count == 1
                ? try GEOSGeometry(point: piece[0], in: context)
                : try GEOSGeometry(lineString: piece, in: context)
            buffers.append(try line.buffer(accessDistance, style: bufferStyle))
        }
        return try GEOSGeometry.union(of: buffers, in: context)
    }

    /// `area` itself when GEOS finds it valid, else its `makeValid` repair.
    /// - Throws: `IsochroneError.invalidServiceArea` when even the repair is invalid.
    func validPolygonal(_ area: GEOSGeometry, minutes: Double?) throws -> GEOSGeometry {
        guard case .invalid = try area.validity() else { return area }
        let repaired = try area.makeValid()
        if case .invalid(let reason) = try repaired.validity() {
            throw IsochroneError.invalidServiceArea(minutes: minutes, reason: reason)
        }
        return repaired
    }
}
