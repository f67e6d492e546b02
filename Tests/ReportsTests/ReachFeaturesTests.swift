import Foundation
import GeoCore
import Testing

@testable import Coverage
@testable import Reports

/// `ReachFeatures.collection` projects the service areas back to WGS84 on
/// several threads once there are enough of them: the features equal the
/// serial ones, in the same order, with the same coordinates.
@Suite struct ReachFeaturesTests {
    private static let origin = PlanarPoint(x: 410_000, y: 3_395_000)

    /// A square of side `side` metres at (`x`, `y`) from the origin (EPSG:4544 metres).
    private static func square(_ x: Double, _ y: Double, _ side: Double) -> PlanarMultiPolygon {
        let o = origin
        let ring = [
            PlanarPoint(x: o.x + x, y: o.y + y), PlanarPoint(x: o.x + x + side, y: o.y + y),
            PlanarPoint(x: o.x + x + side, y: o.y + y + side), PlanarPoint(x: o.x + x, y: o.y + y + side),
            PlanarPoint(x: o.x + x, y: o.y + y),
        ]
        return PlanarMultiPolygon(polygons: [PlanarPolygon(exterior: ring)])
    }

    @Test func parallelProjectionEqualsSerial() throws {
        let projection = try Projection(from: "EPSG:4326", to: "EPSG:4544")
        let stations = (0..<6).map { k in
            StationServiceAreas(
                station: SitePoint(id: "S\(k)", coordinate: Coordinate(lon: 104.0 + Double(k) * 0.001, lat: 30.66)),
                levels: [5.0, 10.0].map { minutes in
                    NestedIsochrone(
                        minutes: minutes, area: Self.square(Double(k) * 500, 0, minutes * 20), areaSquareKilometres: 0,
                        roadKilometres: 1)
                })
        }
        let report = ReachReport(
            runs: [ReachRun(speedKmh: 15, merged: [], perStation: stations)], unroutable: [], routableCount: stations.count)
        let features = ReachFeatures(projection: projection, profile: .ebike, accessDistance: 50)
        #expect(stations.count * 2 >= ReachFeatures.parallelFrom)
        let serial = try features.collection(report, workers: 1)
        let parallel = try features.collection(report, workers: 2)
        #expect(parallel == serial)
        #expect(serial.features.count == 12)
        // The first feature is S0's 5-minute square, projected point by point.
        let expected = try projection.inverse([PlanarPoint(x: Self.origin.x, y: Self.origin.y)])[0]
        guard case .multiPolygon(let polygons)? = parallel.features[0].geometry else {
            Issue.record("expected a MultiPolygon")
            return
        }
        #expect(polygons[0][0][0] == expected)
        #expect(parallel.features[0].properties?["station_id"] == .string("S0"))
    }
}
