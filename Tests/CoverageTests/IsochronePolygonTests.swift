import Foundation
import GeoCore
import Testing

@testable import Coverage

@Suite struct IsochronePolygonTests {
    /// A full circle drawn by GEOS with 8 segments per quadrant: a 32-gon inscribed in it.
    private func polygonalCircleArea(radius r: Double) -> Double {
        16 * r * r * sin(Double.pi / 16)
    }

    @Test func straightRoadGivesStadium() throws {
        let road = [IsochroneTestRoads.point(0, 0), IsochroneTestRoads.point(1000, 0)]
        let area = try IsochronePolygonBuilder().polygons(of: [road])
        #expect(area.polygons.count == 1)
        #expect(area.polygons[0].holes.isEmpty)
        // Rectangle 1000 × 100 plus two half discs of 50 m (as a 32-gon).
        #expect(abs(area.area - (1000 * 100 + polygonalCircleArea(radius: 50))) < 1e-4)
        let exact = 1000 * 100 + Double.pi * 50 * 50
        #expect(abs(area.area - exact) / exact < 0.001)
    }

    @Test func squareRingRoadKeepsTheLakeAsAHole() throws {
        let p = IsochroneTestRoads.point
        let sides = [
            [p(0, 0), p(1000, 0)], [p(1000, 0), p(1000, 1000)],
            [p(1000, 1000), p(0, 1000)], [p(0, 1000), p(0, 0)],
        ]
        let area = try IsochronePolygonBuilder(accessDistance: 50).polygons(of: sides)
        #expect(area.polygons.count == 1)
        let polygon = area.polygons[0]
        #expect(polygon.holes.count == 1)
        // The hole is the 900 m square inside the inner offsets; its corners stay sharp.
        let hole = abs(PlanarRing.signedArea(polygon.holes[0]))
        #expect(abs(hole - 900 * 900) < 1e-4)
        // Outside: 1100 m square whose four corners are quarter discs (together one 32-gon).
        let outer = PlanarRing.signedArea(polygon.exterior)
        #expect(abs(outer - (1100 * 1100 - 4 * 50 * 50 + polygonalCircleArea(radius: 50))) < 1e-4)
        #expect(outer > 0)  // RFC 7946: exterior counter-clockwise
        #expect(PlanarRing.signedArea(polygon.holes[0]) < 0)  // hole clockwise
    }

    @Test func separateRoadsStaySeparatePolygons() throws {
        let geos = try GEOSContext()
        let p = IsochroneTestRoads.point
        // Two roads 300 m apart (a river between them): no blob across.
        let area = try IsochronePolygonBuilder().polygons(of: [[p(0, 0), p(500, 0)], [p(0, 300), p(500, 300)]])
        #expect(area.polygons.count == 2)
        let geometry = try GEOSGeometry(multiPolygon: area, in: geos)
        #expect(try !geometry.covers(p(250, 150)))
        #expect(try geometry.covers(p(250, 40)))
    }

    @Test func onePointPieceGivesDiscAndEmptyInputGivesNothing() throws {
        let builder = IsochronePolygonBuilder(accessDistance: 20)
        let disc = try builder.polygons(of: [[IsochroneTestRoads.point(5, 5)], []])
        #expect(abs(disc.area - polygonalCircleArea(radius: 20)) < 1e-6)
        #expect(try builder.polygons(of: []).isEmpty)
    }

    @Test func nonPositiveAccessDistanceIsRejected() throws {
        let road = [IsochroneTestRoads.point(0, 0), IsochroneTestRoads.point(10, 0)]
        #expect(throws: IsochroneError.accessDistanceNotPositive(0)) {
            try IsochronePolygonBuilder(accessDistance: 0).polygons(of: [road])
        }
        #expect(throws: IsochroneError.self) {
            try IsochronePolygonBuilder(accessDistance: .nan).polygons(of: [road])
        }
    }

    @Test func randomGridIsValidDeterministicAndMatchesSingleBuffer() throws {
        let geos = try GEOSContext()
        let pieces = IsochroneTestRoads.grid(n: 12, spacing: 120, seed: 7).map(\.piece)
        let builder = IsochronePolygonBuilder()
        let area = try builder.polygons(of: pieces)
        #expect(try builder.polygons(of: pieces) == area)

        #expect(!area.polygons.isEmpty)
        #expect(area.polygons.allSatisfy { $0.area > 0 && $0.exterior.count >= 4 })
        #expect(area.polygons.flatMap(\.holes).count > 50)  // block interiors beyond 50 m stay holes
        let geometry = try GEOSGeometry(multiPolygon: area, in: geos)
        #expect(try geometry.validity() == .valid)

        // The same area as one buffer of the whole MultiLineString (the slower method).
        let single = try GEOSGeometry(multiLineString: pieces, in: geos).buffer(50)
        #expect(abs(try single.area - area.area) / area.area < 1e-9)
        #expect(try single.symmetricDifferenceArea(geometry) < 1e-3)
    }
}

extension GEOSGeometry {
    fileprivate func symmetricDifferenceArea(_ other: GEOSGeometry) throws -> Double {
        try difference(other).area + other.difference(self).area
    }
}
