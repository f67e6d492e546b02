import GeoCore
import RoadNetwork
import Testing

@testable import Coverage

@Suite struct AuditGapsTests {
    private func gaps(_ districts: [District]) throws -> (AuditGaps, GEOSContext) {
        let (graph, stations, _) = try AuditCity.placed()
        let context = try GEOSContext()
        let gaps = try AuditGaps(graph: graph, stations: stations, limitMinutes: 15, areas: districts)
        return (gaps, context)
    }

    private func inGap(_ gap: PlanarMultiPolygon, _ x: Double, _ y: Double, _ context: GEOSContext) throws -> Bool {
        try GEOSGeometry(multiPolygon: gap, in: context).covers(AuditCity.planar(x, y))
    }

    @Test func gapAreasByHand() throws {
        let (gaps, _) = try gaps(try AuditCity.districts())
        // Empty: 1 km × 1 km, nowhere near a road.
        #expect(abs(gaps.gapSquareKilometres[2] - 1) < 1e-9)
        // East (3.5 km × 2 km = 7 km²) loses the 100 m wide band along the road
        // from x = 2500 to 3666.67 (A rides 880 s after its 20 s walk), with a
        // half 32-gon cap of radius 50 m at the end: 116 666.7 + 3 901.8 m².
        #expect(abs(gaps.gapSquareKilometres[1] - (7 - 0.1205685)) < 0.0005, "\(gaps.gapSquareKilometres[1])")
        // No overlap between the districts: the union's area is the sum.
        #expect(abs(gaps.totalSquareKilometres - gaps.gapSquareKilometres.reduce(0, +)) < 1e-6)
    }

    @Test func gapsHoldWhatNoCircleReaches() throws {
        let (gaps, context) = try gaps(try AuditCity.districts())
        #expect(try !inGap(gaps.gaps[0], 500, 0, context), "beside station A")
        #expect(try !inGap(gaps.gaps[0], 1000, 3000, context), "beside station B")
        #expect(try inGap(gaps.gaps[0], 2000, 3000, context), "1 km from any road")
        #expect(try !inGap(gaps.gaps[1], 3000, 40, context), "within 50 m of the reached road")
        #expect(try inGap(gaps.gaps[1], 3000, 500, context))
        #expect(try inGap(gaps.gaps[1], 4000, 0, context), "on the road beyond 15 minutes")
        for gap in gaps.gaps {
            #expect(try GEOSGeometry(multiPolygon: gap, in: context).validity() == .valid)
        }
    }

    @Test func aFullyCoveredDistrictHasAnEmptyGap() throws {
        // Within 20 m of the branch next to station B.
        let small = try AuditCity.district("small", minX: 980, minY: 3500, maxX: 1020, maxY: 3990)
        let (gaps, _) = try gaps([small])
        #expect(gaps.gaps[0].isEmpty)
        #expect(gaps.gapSquareKilometres[0] == 0)
        #expect(gaps.totalSquareKilometres == 0)
    }

    @Test func theServiceAreaIsTheMergedCircleOfBothStations() throws {
        let (gaps, context) = try gaps([])
        let served = try GEOSGeometry(multiPolygon: gaps.serviceArea, in: context)
        #expect(try served.covers(AuditCity.planar(3600, 0)))
        // The reach ends at x = 3666.67; the 50 m access distance goes on to 3716.67.
        #expect(try served.covers(AuditCity.planar(3700, 0)))
        #expect(try !served.covers(AuditCity.planar(3730, 0)))
        #expect(try served.covers(AuditCity.planar(1000, 300)))
        #expect(try !served.covers(AuditCity.planar(10_200, 0)), "the disconnected road")
        #expect(gaps.gaps.isEmpty)
    }
}
