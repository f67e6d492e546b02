import GeoCore
import Testing

@testable import Coverage

@Suite struct IsochroneMeasuresTests {
    @Test func areaInSquareKilometresSubtractsHoles() {
        let p = IsochroneTestRoads.point
        // A 2 km square with a 1 km square hole: 4 − 1 = 3 km².
        let polygon = PlanarPolygon(
            exterior: [p(0, 0), p(2000, 0), p(2000, 2000), p(0, 2000), p(0, 0)],
            holes: [[p(500, 500), p(500, 1500), p(1500, 1500), p(1500, 500), p(500, 500)]])
        let second = PlanarPolygon(exterior: [p(3000, 0), p(3500, 0), p(3500, 500), p(3000, 500), p(3000, 0)])
        #expect(IsochroneMeasures.areaSquareKilometres(PlanarMultiPolygon(polygons: [polygon, second])) == 3.25)
    }

    @Test func roadKilometresSumsPieces() {
        let p = IsochroneTestRoads.point
        let pieces = [[p(0, 0), p(300, 400)], [p(0, 0), p(0, 250), p(250, 250)], [p(7, 7)]]
        #expect(IsochroneMeasures.roadKilometres(pieces) == 1.0)
        #expect(IsochroneMeasures.roadKilometres([]) == 0)
    }
}
