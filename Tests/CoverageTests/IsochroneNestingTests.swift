import GeoCore
import Testing

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
        let rings = try NestedIsochrones.build(levels)
        #expect(rings.map(\.minutes) == [5, 10, 15])
        try expectNested(rings, in: geos)
        #expect(rings.map(\.roadKilometres) == [0.4, 1.0, 1.1])
        #expect(try GEOSGeometry(multiPolygon: rings[2].area, in: geos).covers(p(0, 0)))
        // Level 5 is the stadium around `a` eroded by 2 × 5 cm (two levels above it):
        // inside the stadium, and smaller by its perimeter × 0.1 m (to first order).
        let stadium = try IsochronePolygonBuilder().polygons(of: [a])
        let stadiumGeometry = try GEOSGeometry(multiPolygon: stadium, in: geos)
        #expect(try stadiumGeometry.covers(GEOSGeometry(multiPolygon: rings[0].area, in: geos)))
        #expect(abs(stadium.area - rings[0].area.area - 0.1 * (try stadiumGeometry.length)) < 0.05)
        #expect(rings[0].areaSquareKilometres == rings[0].area.area / 1_000_000)
    }

    @Test func randomGridLevelsNestAndAreValid() throws {
        let geos = try GEOSContext()
        let grid = IsochroneTestRoads.grid(n: 10, spacing: 150, seed: 11)
        let levels = [300.0, 500, 800].enumerated().map { index, radius in
            IsochroneLevel(minutes: Double(5 * (index + 1)), pieces: grid.filter { $0.distance <= radius }.map(\.piece))
        }
        let rings = try NestedIsochrones.build(levels)
        try expectNested(rings, in: geos)
        for ring in rings {
            #expect(try GEOSGeometry(multiPolygon: ring.area, in: geos).validity() == .valid)
        }
        // The outermost level is the plain service area of its own pieces (a superset
        // here); the middle one is its own service area eroded by the 5 cm margin (mitred,
        // so up to the mitre limit, 5 × 5 cm, at reflex corners).
        let builder = IsochronePolygonBuilder()
        let direct = try GEOSGeometry(multiPolygon: builder.polygons(of: levels[2].pieces), in: geos)
        let outer = try GEOSGeometry(multiPolygon: rings[2].area, in: geos)
        #expect(try direct.difference(outer).area + outer.difference(direct).area < 1e-6)
        let middle = try GEOSGeometry(multiPolygon: builder.polygons(of: levels[1].pieces), in: geos)
        let eroded = try GEOSGeometry(multiPolygon: rings[1].area, in: geos)
        #expect(try middle.covers(eroded))
        #expect(try middle.buffer(-0.25 - 0.001).difference(eroded).area < 1e-6)
        let (middleArea, erodedArea, perimeter) = (try middle.area, try eroded.area, try middle.length)
        #expect(abs(middleArea - erodedArea - 0.05 * perimeter) < 0.01 * 0.05 * perimeter)
    }

    @Test func levelsOutOfOrderAndNegativeMarginAreRejected() throws {
        let levels = [IsochroneLevel(minutes: 15, pieces: []), IsochroneLevel(minutes: 10, pieces: [])]
        #expect(throws: IsochroneError.levelsNotAscending(index: 1, minutes: 10, previousMinutes: 15)) {
            try NestedIsochrones.build(levels)
        }
        #expect(throws: IsochroneError.nestingMarginNegative(-1)) {
            try NestedIsochrones.build([], nestingMargin: -1)
        }
    }
}
