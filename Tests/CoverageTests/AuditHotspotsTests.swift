import GeoCore
import RoadNetwork
import Testing

@testable import Coverage

@Suite struct AuditHotspotsTests {
    /// The fixture audited over `districts`, or over the study area when nil.
    private func audit(districts: [District]?) throws -> (HotspotAudit, [PlacedSite], [PlacedSite]) {
        let (graph, stations, hotspots) = try AuditCity.placed()
        let areas = try districts.map { AuditAreas.districts($0) } ?? .whole(try AuditCity.studyArea(graph))
        let audit = try HotspotAudit(
            graph: graph, stations: stations, hotspots: hotspots, limitMinutes: 15,
            areas: areas)
        return (audit, stations, hotspots)
    }

    @Test func timesNearestStationsAndCountsMatchTheHandComputedCity() throws {
        let (audit, stations, hotspots) = try audit(districts: nil)
        for (index, expected) in AuditCity.hotspotCases.enumerated() {
            let result = audit.hotspots[index]
            #expect(result.nearestStation.map { stations[$0].site.id } == expected.nearest, "\(expected.id)")
            #expect(result.stationsWithin == expected.within, "\(expected.id)")
            if let seconds = expected.seconds {
                let found = try #require(result.seconds, "\(expected.id)")
                #expect(abs(found - seconds) < 0.01, "\(expected.id): \(found) s")
                #expect(result.covered == (seconds <= 900), "\(expected.id)")
            } else {
                #expect(result.seconds == nil, "\(expected.id) must be null, not a large number")
                #expect(!result.covered)
            }
        }
        #expect(hotspots[6].snap == nil, "the field hotspot is 900 m from a road")
        #expect(abs(hotspots[0].snapMeters! - 30) < 1e-6, "snap distance reported, not timed")
    }

    @Test func theWalkToTheRoadDecidesTheHotspotAt3700Metres() throws {
        let (audit, _, _) = try audit(districts: nil)
        // Riding alone, 3700 m take 888 s ≤ 900; the 20 s walk makes it 908 s.
        #expect(!audit.hotspots[1].covered)
        #expect(audit.hotspots[0].covered)
        #expect(AuditNumbers.minutes(seconds: audit.hotspots[0].seconds!, covered: true, limitMinutes: 15) == 14.8)
        #expect(AuditNumbers.minutes(seconds: audit.hotspots[1].seconds!, covered: false, limitMinutes: 15) == 15.2)
    }

    @Test func figuresPerDistrictByHand() throws {
        let (audit, _, _) = try audit(districts: try AuditCity.districts())
        #expect(audit.areas.map(\.name) == ["West", "East", "Empty"])
        // West: branch2000 (7, covered), branch3000 (11, covered), spur (19).
        #expect(audit.areaFigures[0] == figures(hotspots: 3, covered: 2, weight: 37, weightCovered: 18))
        // East: road3600 (2, covered), road3700 (3), road3800 (5), field (17, unroutable).
        #expect(audit.areaFigures[1] == figures(hotspots: 4, covered: 1, weight: 27, weightCovered: 2))
        #expect(audit.areaFigures[2] == AuditFigures())
        #expect(audit.areaFigures[2].shareCovered == 0, "no weight gives 0, not NaN")
        #expect(audit.outside == figures(hotspots: 1, covered: 0, weight: 13, weightCovered: 0))
        #expect(audit.total == figures(hotspots: 8, covered: 3, weight: 77, weightCovered: 20))
        #expect(abs(audit.areaFigures[0].shareCovered - 18.0 / 37) < 1e-12)
        #expect(audit.hotspots.map(\.area) == [1, 1, 1, 0, 0, nil, 1, 0])
    }

    @Test func withoutDistrictsTheStudyAreaHoldsEveryHotspot() throws {
        let (audit, _, _) = try audit(districts: nil)
        #expect(audit.areas.map(\.name) == [District.studyAreaName])
        #expect(audit.outside == nil)
        #expect(audit.areaFigures == [audit.total])
        // The rectangle around every road point: x −0…10 500, y 0…4 000 (offsets).
        #expect(abs(audit.areas[0].polygon.area - 10_500 * 4000) < 1e-3)
    }

    @Test func aHotspotInTwoDistrictsCountsInTheFirstOnly() throws {
        let (graph, stations, hotspots) = try AuditCity.placed()
        // Both cover road3600 and road3700; `right` comes first.
        let left = try AuditCity.district("left", minX: 3000, minY: -100, maxX: 3750, maxY: 100)
        let right = try AuditCity.district("right", minX: 3500, minY: -100, maxX: 4000, maxY: 100)
        let audit = try HotspotAudit(
            graph: graph, stations: stations, hotspots: hotspots, limitMinutes: 15,
            areas: .districts([right, left]))
        #expect(audit.hotspots[0].area == 0)
        #expect(audit.areaFigures[0].hotspots == 3, "road3600, road3700, road3800")
        #expect(audit.areaFigures[1].hotspots == 0)
    }

    @Test func noRoutableStationLeavesEveryTimeNull() throws {
        let (graph, _, hotspots) = try AuditCity.placed()
        let far = try SitePlacer(graph: graph).place(
            [SitePoint(id: "far", coordinate: try AuditCity.coordinate(3000, 2000))], maxSnap: AuditCity.maxSnap)
        let audit = try HotspotAudit(
            graph: graph, stations: far, hotspots: hotspots, limitMinutes: 15,
            areas: .districts([]))
        #expect(audit.hotspots.allSatisfy { $0.seconds == nil && $0.nearestStation == nil && $0.stationsWithin == 0 })
        #expect(audit.total.weightCovered == 0 && audit.total.shareCovered == 0)
    }

    private func figures(hotspots: Int, covered: Int, weight: Double, weightCovered: Double) -> AuditFigures {
        var f = AuditFigures()
        f.hotspots = hotspots
        f.hotspotsCovered = covered
        f.weightTotal = weight
        f.weightCovered = weightCovered
        return f
    }
}
