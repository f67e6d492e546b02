import Testing

@testable import GeoCore

@Suite struct GEOSPreparedGeometryTests {
    @Test func preparedPredicatesAgreeWithPlainOnesOnAGrid() throws {
        let geos = try GEOSContext()
        // A 10 × 10 square with a 4 × 4 hole at (3, 3).
        let square = GEOSTestShapes.square(x: 0, y: 0, side: 10)
        let hole = GEOSTestShapes.square(x: 3, y: 3, side: 4).exterior
        let area = try GEOSGeometry(polygon: PlanarPolygon(exterior: square.exterior, holes: [hole]), in: geos)
        let prepared = try GEOSPreparedGeometry(area)
        var inside = 0
        for i in -1...11 {
            for j in -1...11 {
                let point = PlanarPoint(x: Double(i), y: Double(j))
                #expect(try prepared.contains(point) == area.contains(point))
                #expect(try prepared.covers(point) == area.covers(point))
                if try prepared.contains(point) { inside += 1 }
            }
        }
        // Interior lattice points: 9 × 9 in the square minus 5 × 5 in the closed hole.
        #expect(inside == 81 - 25)
        #expect(try prepared.covers(PlanarPoint(x: 3, y: 5)))  // on the hole's edge
        #expect(try !prepared.contains(PlanarPoint(x: 3, y: 5)))
    }
}
