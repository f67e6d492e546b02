import GeoCore
import Testing

@testable import Coverage

/// Douglas–Peucker on contour rings: collinear runs collapse, vertices
/// farther than the tolerance stay, the boundary moves at most the tolerance.
@Suite struct RasterRingSimplifierTests {
    let p = IsochroneTestRoads.point

    @Test func collinearRunsOfASquareCollapseToItsCorners() {
        // A 40 m square with a vertex every 10 m (16 distinct points), counter-clockwise.
        var ring: [PlanarPoint] = []
        for k in 0..<4 { ring.append(p(Double(k) * 10, 0)) }
        for k in 0..<4 { ring.append(p(40, Double(k) * 10)) }
        for k in 0..<4 { ring.append(p(40 - Double(k) * 10, 40)) }
        for k in 0..<4 { ring.append(p(0, 40 - Double(k) * 10)) }
        ring.append(ring[0])
        let simplified = RasterRingSimplifier.simplified(ring: ring, tolerance: 0.02)
        #expect(simplified == [p(0, 0), p(40, 0), p(40, 40), p(0, 40), p(0, 0)])
        #expect(PlanarRing.signedArea(simplified) == 1600)
    }

    @Test func anOutsideVertexFartherThanTheToleranceStays() {
        // (20, −0.03) lies 3 cm outside the bottom side (right of the counter-clockwise
        // walk): kept at 2 cm, dropped at 5 cm (the boundary moves inward). At 2 cm
        // (10, 0) and (30, 0) stay too: they lie inside the chords to (20, −0.03).
        let ring = [p(0, 0), p(10, 0), p(20, -0.03), p(30, 0), p(40, 0), p(40, 40), p(0, 40), p(0, 0)]
        #expect(RasterRingSimplifier.simplified(ring: ring, tolerance: 0.02) == ring)
        #expect(
            RasterRingSimplifier.simplified(ring: ring, tolerance: 0.05)
                == [p(0, 0), p(40, 0), p(40, 40), p(0, 40), p(0, 0)])
    }

    @Test func anInsideVertexStaysAtAnyTolerance() {
        // (20, 0.03) lies 3 cm inside: dropping it would move the boundary outward.
        let ring = [p(0, 0), p(10, 0), p(20, 0.03), p(30, 0), p(40, 0), p(40, 40), p(0, 40), p(0, 0)]
        for tolerance in [0.02, 0.05, 1] {
            #expect(
                RasterRingSimplifier.simplified(ring: ring, tolerance: tolerance)
                    == [p(0, 0), p(20, 0.03), p(40, 0), p(40, 40), p(0, 40), p(0, 0)])
        }
    }

    @Test func aTriangleIsKeptWhole() {
        let ring = [p(0, 0), p(0.01, 0), p(0, 0.01), p(0, 0)]
        #expect(RasterRingSimplifier.simplified(ring: ring, tolerance: 1) == ring)
    }

    @Test func straightRoadLosesItsCollinearCrossingsAndKeepsTheBound() throws {
        let road = [p(3.3, 7.7), p(803.1, 412.9)]
        let full = try RasterServiceArea(accessDistance: 50, cellSize: 10, simplification: 0).area(of: [road])
        let lean = try RasterServiceArea(accessDistance: 50, cellSize: 10).area(of: [road])
        let fullRing = full.polygons[0].exterior
        let leanRing = lean.polygons[0].exterior
        // The two 896 m long sides each held a crossing per grid edge (over 100);
        // simplified, only the two end arcs keep vertices (about 16 each).
        #expect(fullRing.count > 200)
        #expect(leanRing.count < 60)
        // Every dropped crossing lies within the 2 cm tolerance of the simplified ring.
        for q in fullRing {
            var best = Double.infinity
            for k in 1..<leanRing.count {
                best = min(best, RasterRingSimplifier.squaredDistance(q, leanRing[k - 1], leanRing[k]).squareRoot())
            }
            #expect(best <= RasterServiceArea.defaultSimplification + 1e-9)
        }
        // The stated bound holds with the simplification in it (GEOS: valid, between the offsets).
        let geos = try GEOSContext()
        let polygon = try GEOSGeometry(multiPolygon: lean, in: geos)
        #expect(try polygon.validity() == .valid)
        let line = try GEOSGeometry(multiLineString: [road], in: geos)
        let style = GEOSBufferStyle(quadrantSegments: 64)
        let bound = RasterServiceArea.boundaryError(cellSize: 10, accessDistance: 50)
        #expect(try line.buffer(50 + bound, style: style).covers(polygon))
        #expect(try polygon.covers(line.buffer(50 - bound, style: style)))
    }
}
