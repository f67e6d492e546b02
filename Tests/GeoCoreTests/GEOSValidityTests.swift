import Testing

@testable import GeoCore

@Suite struct GEOSValidityTests {
    @Test func bowTieIsInvalidWithSelfIntersectionReason() throws {
        let geos = try GEOSContext()
        let bowTie = try GEOSGeometry(polygon: GEOSTestShapes.bowTie, in: geos)
        let validity = try bowTie.validity()
        #expect(!validity.isValid)
        guard case .invalid(let reason) = validity else {
            Issue.record("bow-tie reported valid")
            return
        }
        #expect(reason.contains("Self-intersection"))
        #expect(reason.contains("5 5"))  // where the two edges cross
    }

    @Test func makeValidSplitsBowTieIntoTwoTriangles() throws {
        let geos = try GEOSContext()
        let fixed = try GEOSGeometry(polygon: GEOSTestShapes.bowTie, in: geos).makeValid()
        #expect(try fixed.validity() == .valid)
        #expect(try fixed.geometryType == .multiPolygon)
        let planar = try fixed.toMultiPolygon()
        #expect(planar.polygons.count == 2)
        #expect(abs(planar.area - 50) < 1e-9)
        #expect(abs(try fixed.area - 50) < 1e-9)
    }

    @Test func validSquareIsValid() throws {
        let geos = try GEOSContext()
        let square = try GEOSGeometry(polygon: GEOSTestShapes.square(x: 0, y: 0, side: 10), in: geos)
        #expect(try square.validity() == .valid)
    }

    @Test func degenerateRingIsBuiltButReportedInvalid() throws {
        let geos = try GEOSContext()
        // An open two-point ring is closed to three points; GEOS builds it and flags it.
        let sliver = PlanarPolygon(exterior: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 0)])
        let validity = try GEOSGeometry(polygon: sliver, in: geos).validity()
        #expect(!validity.isValid)
        if case .invalid(let reason) = validity {
            #expect(reason.contains("Too few points"))
        }
    }
}
