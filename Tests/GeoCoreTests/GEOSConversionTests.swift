import Testing

@testable import GeoCore

@Suite struct GEOSConversionTests {
    @Test func polygonWithHoleRoundTripsWithGeoJSONWinding() throws {
        let geos = try GEOSContext()
        // Exterior given clockwise and open, hole given counter-clockwise: both wrong for RFC 7946.
        let exterior = [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 0, y: 10), PlanarPoint(x: 10, y: 10), PlanarPoint(x: 10, y: 0)]
        let hole = [
            PlanarPoint(x: 2, y: 2), PlanarPoint(x: 4, y: 2), PlanarPoint(x: 4, y: 4), PlanarPoint(x: 2, y: 4), PlanarPoint(x: 2, y: 2),
        ]
        let polygon = try GEOSGeometry(polygon: PlanarPolygon(exterior: exterior, holes: [hole]), in: geos)
        #expect(abs(try polygon.area - 96) < 1e-12)

        let back = try polygon.toMultiPolygon()
        #expect(back.polygons.count == 1)
        let result = back.polygons[0]
        #expect(result.exterior.count == 5)
        #expect(result.exterior.first == result.exterior.last)  // closed by the wrapper
        #expect(PlanarRing.signedArea(result.exterior) == 100)  // counter-clockwise
        #expect(result.holes.count == 1)
        #expect(PlanarRing.signedArea(result.holes[0]) == -4)  // clockwise
        #expect(result.area == 96)
    }

    @Test func collectionKeepsPolygonalPartsForPolygonsAndLinearPartsForLines() throws {
        let geos = try GEOSContext()
        let square = try GEOSGeometry(polygon: GEOSTestShapes.square(x: 0, y: 0, side: 10), in: geos)
        let line = try GEOSGeometry(lineString: [PlanarPoint(x: 20, y: 0), PlanarPoint(x: 30, y: 0)], in: geos)
        let point = try GEOSGeometry(point: PlanarPoint(x: 50, y: 50), in: geos)
        let collection = try GEOSGeometry(collecting: [square, line, point], in: geos)
        #expect(try collection.geometryType == .geometryCollection)

        let polygons = try collection.toMultiPolygon()
        #expect(polygons.polygons.count == 1)
        #expect(polygons.area == 100)
        #expect(try collection.toLineStrings() == [[PlanarPoint(x: 20, y: 0), PlanarPoint(x: 30, y: 0)]])
        // The parts stay usable after being collected (the collection holds copies).
        #expect(try square.area == 100)
    }

    @Test func multiPolygonRoundTrip() throws {
        let geos = try GEOSContext()
        let input = PlanarMultiPolygon(polygons: [
            GEOSTestShapes.square(x: 0, y: 0, side: 10), GEOSTestShapes.square(x: 20, y: 0, side: 5),
        ])
        let geometry = try GEOSGeometry(multiPolygon: input, in: geos)
        #expect(try geometry.geometryType == .multiPolygon)
        #expect(try geometry.toMultiPolygon() == input)  // already closed and counter-clockwise
        #expect(try GEOSGeometry(multiPolygon: PlanarMultiPolygon(), in: geos).isEmpty)
    }
}
