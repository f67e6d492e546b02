import CGEOS

extension GEOSGeometry {
    /// The polygonal parts as planar polygons, with RFC 7946 winding (exterior
    /// counter-clockwise, holes clockwise), in GEOS's order.
    ///
    /// Polygons and MultiPolygons give all their non-empty polygons; GeometryCollections
    /// (e.g. from `makeValid`) give their polygonal members, recursively; points and
    /// lines are dropped.
    /// - Throws: `GEOSError` with GEOS's message.
    /// - Complexity: O(n) in the number of vertices.
    public func toMultiPolygon() throws -> PlanarMultiPolygon {
        var polygons: [PlanarPolygon] = []
        try GEOSExport.visitParts(of: pointer, in: context) { part, type in
            guard type == .polygon, !(try context.predicate("isEmpty", { GEOSisEmpty_r($0, part) })) else { return }
            polygons.append(try GEOSExport.polygon(part, in: context).orientedForGeoJSON())
        }
        return PlanarMultiPolygon(polygons: polygons)
    }

    /// The linear parts (LineStrings and LinearRings, also inside multi-geometries and
    /// collections) as point lists, in GEOS's order; empty lines, points and polygons are dropped.
    /// - Throws: `GEOSError` with GEOS's message.
    /// - Complexity: O(n) in the number of vertices.
    public func toLineStrings() throws -> [[PlanarPoint]] {
        var lines: [[PlanarPoint]] = []
        try GEOSExport.visitParts(of: pointer, in: context) { part, type in
            guard type == .lineString || type == .linearRing else { return }
            let points = try GEOSExport.points(of: part, in: context)
            if !points.isEmpty { lines.append(points) }
        }
        return lines
    }
}

/// Reads planar coordinates out of GEOS geometries it does not own.
enum GEOSExport {
    /// The kind of a borrowed geometry.
    static func type(of geometry: OpaquePointer, in context: GEOSContext) throws -> GEOSGeometryType {
        context.clearMessages()
        guard let type = GEOSGeometryType(rawValue: GEOSGeomTypeId_r(context.handle, geometry)) else {
            throw context.failure("geometry type")
        }
        return type
    }

    /// Calls `visit` with every non-collection part, depth first, in order.
    static func visitParts(
        of geometry: OpaquePointer, in context: GEOSContext,
        _ visit: (OpaquePointer, GEOSGeometryType) throws -> Void
    ) throws {
        let type = try type(of: geometry, in: context)
        switch type {
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            context.clearMessages()
            let count = GEOSGetNumGeometries_r(context.handle, geometry)
            guard count >= 0 else { throw context.failure("number of geometries") }
            for index in 0..<count {
                let part = try context.make("geometry \(index)") { GEOSGetGeometryN_r($0, geometry, index) }
                try visitParts(of: part, in: context, visit)
            }
        case .point, .lineString, .linearRing, .polygon:
            try visit(geometry, type)
        }
    }

    /// The exterior ring and holes of a borrowed polygon.
    static func polygon(_ polygon: OpaquePointer, in context: GEOSContext) throws -> PlanarPolygon {
        let shell = try context.make("exterior ring") { GEOSGetExteriorRing_r($0, polygon) }
        context.clearMessages()
        let holeCount = GEOSGetNumInteriorRings_r(context.handle, polygon)
        guard holeCount >= 0 else { throw context.failure("number of holes") }
        var holes: [[PlanarPoint]] = []
        holes.reserveCapacity(Int(holeCount))
        for index in 0..<holeCount {
            let ring = try context.make("hole \(index)") { GEOSGetInteriorRingN_r($0, polygon, index) }
            holes.append(try points(of: ring, in: context))
        }
        return PlanarPolygon(exterior: try points(of: shell, in: context), holes: holes)
    }

    /// The points of a borrowed LineString or LinearRing.
    static func points(of line: OpaquePointer, in context: GEOSContext) throws -> [PlanarPoint] {
        let sequence = try context.make("coordinate sequence") { GEOSGeom_getCoordSeq_r($0, line) }
        var size: UInt32 = 0
        try context.check("coordinate sequence size") { GEOSCoordSeq_getSize_r($0, sequence, &size) }
        guard size > 0 else { return [] }
        var xy = [Double](repeating: 0, count: 2 * Int(size))
        try xy.withUnsafeMutableBufferPointer { buffer in
            try context.check("copy coordinates") { GEOSCoordSeq_copyToBuffer_r($0, sequence, buffer.baseAddress, 0, 0) }
        }
        return (0..<Int(size)).map { PlanarPoint(x: xy[2 * $0], y: xy[2 * $0 + 1]) }
    }
}
