import Foundation
import Testing

@testable import GeoCore

@Suite struct GEOSOverlayTests {
    @Test func bufferOfSegmentIsRectanglePlusPolygonalCircle() throws {
        let geos = try GEOSContext()
        let segment = try GEOSGeometry(lineString: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 100, y: 0)], in: geos)
        let area = try segment.buffer(10).area
        // Two round caps with 8 segments per quadrant make one 32-gon inscribed in the
        // circle: area 16·r²·sin(π/16) = 312.145 m² instead of π·r² = 314.159 m² (−0.64 %).
        let polygonal = 100 * 20 + 16 * 100 * sin(Double.pi / 16)
        #expect(abs(area - polygonal) < 1e-6)
        let exact = 100 * 20 + Double.pi * 100
        #expect(abs(area - exact) / exact < 0.007)
    }

    @Test func flatCapBufferIsARectangle() throws {
        let geos = try GEOSContext()
        let segment = try GEOSGeometry(lineString: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 100, y: 0)], in: geos)
        let area = try segment.buffer(10, style: GEOSBufferStyle(endCap: .flat)).area
        #expect(abs(area - 2000) < 1e-9)
    }

    @Test func overlappingSquaresUnionDifferenceIntersection() throws {
        let geos = try GEOSContext()
        let a = try GEOSGeometry(polygon: GEOSTestShapes.square(x: 0, y: 0, side: 10), in: geos)
        let b = try GEOSGeometry(polygon: GEOSTestShapes.square(x: 5, y: 0, side: 10), in: geos)
        #expect(abs(try a.union(b).area - 150) < 1e-9)
        #expect(abs(try a.difference(b).area - 50) < 1e-9)
        #expect(abs(try a.intersection(b).area - 50) < 1e-9)
        #expect(try a.union(b).validity() == .valid)
    }

    @Test func unionOfManyDissolvesOverlaps() throws {
        let geos = try GEOSContext()
        // Three 10×10 squares stepping by 5 cover [0, 20] × [0, 10].
        let squares = try [0.0, 5, 10].map { try GEOSGeometry(polygon: GEOSTestShapes.square(x: $0, y: 0, side: 10), in: geos) }
        let union = try GEOSGeometry.union(of: squares, in: geos)
        #expect(abs(try union.area - 200) < 1e-9)
        #expect(try union.toMultiPolygon().polygons.count == 1)
        #expect(try GEOSGeometry.union(of: [], in: geos).isEmpty)
    }

    @Test func disjointIntersectionIsEmpty() throws {
        let geos = try GEOSContext()
        let a = try GEOSGeometry(polygon: GEOSTestShapes.square(x: 0, y: 0, side: 10), in: geos)
        let b = try GEOSGeometry(polygon: GEOSTestShapes.square(x: 20, y: 0, side: 10), in: geos)
        let empty = try a.intersection(b)
        #expect(try empty.isEmpty)
        #expect(try empty.toMultiPolygon().isEmpty)
        #expect(try !a.isEmpty)
    }

    @Test func multiLineStringLengthAndPointRelations() throws {
        let geos = try GEOSContext()
        let lines = try GEOSGeometry(
            multiLineString: [
                [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 3, y: 4)],
                [PlanarPoint(x: 10, y: 0), PlanarPoint(x: 10, y: 7), PlanarPoint(x: 12, y: 7)],
            ], in: geos)
        #expect(try lines.geometryType == .multiLineString)
        #expect(abs(try lines.length - 14) < 1e-12)

        let square = try GEOSGeometry(polygon: GEOSTestShapes.square(x: 0, y: 0, side: 10), in: geos)
        #expect(try square.contains(PlanarPoint(x: 5, y: 5)))
        #expect(try !square.contains(PlanarPoint(x: 10, y: 5)))  // on the boundary
        #expect(try square.covers(PlanarPoint(x: 10, y: 5)))
        #expect(try !square.covers(PlanarPoint(x: 10.001, y: 5)))
        #expect(abs(try square.distance(to: PlanarPoint(x: 13, y: 14)) - 5) < 1e-12)  // 3-4-5 from corner (10, 10)
        #expect(try square.distance(to: PlanarPoint(x: 2, y: 2)) == 0)
    }
}
