import GeoCore
import Testing

/// `GEOSGeometry.voronoiCells` and `coverageUnion` on hand-made sites.
@Suite struct GEOSVoronoiTests {
    /// Sites (0, 0) and (10, 0) in the envelope −10…20 × −10…10: the cells meet on x = 5, each
    /// 15 m × 20 m = 300 m²; their coverage union is the whole 600 m² envelope.
    @Test func twoSitesSplitTheEnvelopeOnTheirBisector() throws {
        let context = try GEOSContext()
        let diagram = try GEOSGeometry.voronoiCells(
            of: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 10, y: 0)], envelope: (minX: -10, minY: -10, maxX: 20, maxY: 10),
            in: context)
        let cells = try diagram.toMultiPolygon().polygons
        #expect(cells.count == 2)
        let left = try #require(cells.first { $0.exterior.allSatisfy { $0.x <= 5 + 1e-9 } })
        #expect(abs(left.area - 300) < 1e-6)
        #expect(cells.allSatisfy { abs($0.area - 300) < 1e-6 })
        let union = try GEOSGeometry.coverageUnion(of: cells.map { try GEOSGeometry(polygon: $0, in: context) }, in: context)
        #expect(abs(try union.area - 600) < 1e-6)
        #expect(try union.toMultiPolygon().polygons.count == 1)
    }
}
