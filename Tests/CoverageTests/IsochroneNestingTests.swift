import Testing
import GeoCore
@testable import Coverage

@Suite struct IsochroneNestingTests {
    /// Stops the test unless each area covers the one before it, checked by GEOS on the planar output.
    private func expectNested(_ rings: [NestedIsochrone], in geos: GEOSContext) throws {
        for index in rings.indices.dropFirst() {
            let inner = try GEOSGeometry(multiPolygon: rings[index - 1].area, in: geos)
            let outer = try GEOSGeometry(multiPolygon: rings[index].area, in: geos)
            #expect(try outer.covers(inner), "level \(index) does not cover level \(index - 1)")
            #expect(try inner.difference(outer).isEmpty)
            #expect(rings[index].areaSquareKilometres >= rings[index - 1].areaSquareKilometres)
        }
    }

    @Test func levelsNestEvenWhenReachedSetsDoNot() throws {
        let geos = try GEOSContext()
        let p = IsochroneTestRoads.point
        let a = [p(0, 0), p(400, 0)]
        let b = [p(400, 0), p(400, 600)]
        let c = [p(400, 600), p(900, 600)]
        // The 15-minute level lacks piece `a` (not a superset): nesting must still hold.
        let levels = [
            IsochroneLevel(minutes: 5, pieces: [a]),
            IsochroneLevel(minutes: 10, pieces: [a, b]),
            IsochroneLevel(minutes: 15, pieces: [b, c]),
        ]
        let rings = try NestedIsochrones.build(levels, in: geos)
        #expect(rings.map(\.minutes) == [5, 10, 15])
        try expectNested(rings, in: geos)
        #expect(rings.map(\.roadKilometres) == [0.4, 1.0, 1.1])
        #expect(try GEOSGeometry(multiPolygon: rings[2].area, in: geos).covers(p(0, 0)))
        // Level 5 is exactly the stadium around `a`.
        let stadium = try IsochronePolygonBuilder().polygons(of: [a], in: geos)
        #expect(rings[0].area == stadium)
        #expect(rings[0].areaSquareKilometres == stadium.area / 1_000_000)
    }

    @Test func randomGridLevelsNestAndAreValid() throws {
        let geos = try GEOSContext()
        let grid = IsochroneTestRoads.grid(n: 10, spacing: 150, seed: 11)
        let levels = [300.0, 500, 800].enumerated().map { index, radius in
            IsochroneLevel(minutes: Double(5 * (index + 1)), pieces: grid.filter { $0.distance <= radius }.map(\.piece))
        }
        let rings = try NestedIsochrones.build(levels, in: geos)
        try expectNested(rings, in: geos)
        for ring in rings {
            #expect(try GEOSGeometry(multiPolygon: ring.area, in: geos).validity() == .valid)
        }
        // The outermost level is the plain service area of its own pieces (a superset
        // here), grown along its boundary by at most the 5 cm nesting margin per level below.
        let direct = try GEOSGeometry(multiPolygon: IsochronePolygonBuilder().polygons(of: levels[2].pieces, in: geos), in: geos)
        let outer = try GEOSGeometry(multiPolygon: rings[2].area, in: geos)
        #expect(try direct.difference(outer).area < 1e-6)
        let growth = try outer.area - direct.area
        let perimeter = try direct.length
        #expect(growth >= 0 && growth <= 2 * 0.05 * perimeter)
        #expect(try outer.difference(direct.buffer(2 * 0.05 + 0.001)).area < 1e-6)
    }

    @Test func levelsOutOfOrderAndNegativeMarginAreRejected() throws {
        let geos = try GEOSContext()
        let levels = [IsochroneLevel(minutes: 15, pieces: []), IsochroneLevel(minutes: 10, pieces: [])]
        #expect(throws: IsochroneError.levelsNotAscending(index: 1, minutes: 10, previousMinutes: 15)) {
            try NestedIsochrones.build(levels, in: geos)
        }
        #expect(throws: IsochroneError.nestingMarginNegative(-1)) {
            try NestedIsochrones.build([], nestingMargin: -1, in: geos)
        }
    }
}
