import Testing

@testable import GeoCore

@Suite struct GeoJSONPlanarTests {
    private let square: [Coordinate] = [
        Coordinate(lon: 104.05, lat: 30.66), Coordinate(lon: 104.06, lat: 30.66),
        Coordinate(lon: 104.06, lat: 30.67), Coordinate(lon: 104.05, lat: 30.67),
        Coordinate(lon: 104.05, lat: 30.66),
    ]

    @Test func polygonRoundTripsThroughMetres() throws {
        let projection = try Projection(from: "EPSG:4326", to: "EPSG:4544")
        let planar = try GeoJSONPlanar.multiPolygon(from: .polygon([square]), projection: projection)
        // 0.01° × 0.01° at 30.66°N: about 957 m × 1109 m.
        #expect(abs(planar.area - 957.6 * 1108.9) < 0.01 * 957.6 * 1108.9)
        let back = try #require(try GeoJSONPlanar.geometry(from: planar, projection: projection))
        guard case .polygon(let rings) = back else {
            Issue.record("expected a Polygon, got \(back.typeName)")
            return
        }
        for (a, b) in zip(rings[0], square) {
            #expect(abs(a.lon - b.lon) < 1e-9 && abs(a.lat - b.lat) < 1e-9)
        }
    }

    @Test func lineStringIsNotPolygonal() throws {
        let projection = try Projection(from: "EPSG:4326", to: "EPSG:4544")
        #expect(throws: GeoJSONPlanarError.notPolygonal(type: "LineString")) {
            try GeoJSONPlanar.multiPolygon(from: .lineString(square), projection: projection)
        }
    }

    @Test func emptyMultiPolygonGivesNoGeometry() throws {
        let projection = try Projection(from: "EPSG:4326", to: "EPSG:4544")
        #expect(try GeoJSONPlanar.geometry(from: PlanarMultiPolygon(), projection: projection) == nil)
    }

    @Test func bowTieIsReportedInvalidByGEOS() {
        let bowTie: [Coordinate] = [
            Coordinate(lon: 0, lat: 0), Coordinate(lon: 1, lat: 1), Coordinate(lon: 1, lat: 0),
            Coordinate(lon: 0, lat: 1), Coordinate(lon: 0, lat: 0),
        ]
        let issues = GEOSValidityCheck.check(.polygon([bowTie]))
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("Self-intersection") == true)
        #expect(GEOSValidityCheck.check(.polygon([square])).isEmpty)
    }
}
