import CGEOS

extension GEOSGeometry {
    /// The Voronoi diagram of `sites` (`GEOSVoronoiDiagram_r`, Guibas & Stolfi's
    /// incremental Delaunay triangulation dualised): one convex cell polygon per distinct site,
    /// covering at least the envelope `minX…maxX × minY…maxY` (GEOS enlarges it to the sites'
    /// extent). GEOS 3.11 returns the cells in no particular order (order preservation came in
    /// 3.12): a cell's site is the site nearest to any point inside it, e.g. its vertices' mean.
    /// Coincident sites give one cell.
    /// - Throws: `GEOSError` (`.invalidInput`) for a non-finite coordinate, or with GEOS's message.
    /// - Complexity: O(n log n) expected for n sites.
    public static func voronoiCells(
        of sites: [PlanarPoint], envelope: (minX: Double, minY: Double, maxX: Double, maxY: Double), in context: GEOSContext
    ) throws -> GEOSGeometry {
        try GEOSConstruction.requireFinite(sites, operation: "voronoi")
        let points = try GEOSConstruction.collection(.multiPoint, of: sites, in: context) { index, point in
            try context.make("voronoi site \(index)") { GEOSGeom_createPointFromXY_r($0, point.x, point.y) }
        }
        let multiPoint = GEOSGeometry(owning: points, in: context)
        let frame = try GEOSGeometry(
            polygon: PlanarPolygon(exterior: [
                PlanarPoint(x: envelope.minX, y: envelope.minY), PlanarPoint(x: envelope.maxX, y: envelope.minY),
                PlanarPoint(x: envelope.maxX, y: envelope.maxY), PlanarPoint(x: envelope.minX, y: envelope.maxY),
                PlanarPoint(x: envelope.minX, y: envelope.minY),
            ]), in: context)
        return try multiPoint.result("voronoi of \(sites.count) sites") {
            GEOSVoronoiDiagram_r($0, multiPoint.pointer, frame.pointer, 0, 0)
        }
    }

    /// The union of polygons that form a coverage — interiors disjoint, neighbours sharing their
    /// edges vertex for vertex, as the cells of one Voronoi diagram — by dropping the shared edges
    /// (`GEOSCoverageUnion_r`, GEOS ≥ 3.8): much faster than `union(of:in:)` on such input; the
    /// result is undefined for polygons that overlap or do not match along their edges.
    /// An empty list gives an empty GeometryCollection.
    /// - Throws: `GEOSError` with GEOS's message.
    /// - Complexity: about O(n log n) in the number of vertices.
    public static func coverageUnion(of parts: [GEOSGeometry], in context: GEOSContext) throws -> GEOSGeometry {
        let collection = try GEOSGeometry(collecting: parts, in: context)
        guard !parts.isEmpty else { return collection }
        return try collection.result("coverage union of \(parts.count) polygons") { GEOSCoverageUnion_r($0, collection.pointer) }
    }
}
