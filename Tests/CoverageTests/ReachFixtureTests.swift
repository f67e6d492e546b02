import Foundation
import GeoCore
import RoadNetwork
import Testing

@testable import Coverage

/// Hand-made networks whose circles are known by hand (15 km/h = 250 m a minute,
/// walking 1.25 m/s, access 50 m).
@Suite struct ReachFixtureTests {
    private func merged(
        _ graph: RoadGraph, _ stations: [PlacedSite], minutes: [Double], geometry: ServiceAreaGeometry = .raster
    ) throws -> [NestedIsochrone] {
        let engine = try ReachEngine(minutes: minutes, workers: 1, geometry: geometry)
        return try engine.run(graph: graph, stations: stations, speedsKmh: [15], scope: .merged, maxSnap: 300).runs[0].merged
    }

    @Test func straightRoadGivesAStadiumOfSpeedTimesTime() throws {
        let geos = try GEOSContext()
        let graph = ReachTestGraphs.oneSegment([(0, 0), (4000, 0)])
        let circles = try merged(graph, ReachTestGraphs.stations([("a", 2000, 0)], on: graph), minutes: [5], geometry: .exact)
        // 5 min at 15 km/h is 1250 m each way: a 2500 m road, 100 m wide, with a round cap at each end
        // (a disc drawn as an inscribed 16-gon).
        #expect(abs(circles[0].roadKilometres - 2.5) < 1e-9)
        let stadium = 2500 * 100 + ReachTestGraphs.polygonalCircleArea(radius: 50)
        #expect(abs(circles[0].area.area - stadium) < 1e-3)
        #expect(circles[0].areaSquareKilometres == circles[0].area.area / 1e6)
        #expect(try !circles[0].area.covers(699, 0, in: geos))
        #expect(try circles[0].area.covers(701, 0, in: geos))
        #expect(try circles[0].area.covers(3000, 49.9, in: geos))
        #expect(try !circles[0].area.covers(3000, 50.1, in: geos))
        // The raster: the true stadium (round caps) within 0.75 m of its outline, never outside.
        let raster = try merged(graph, ReachTestGraphs.stations([("a", 2000, 0)], on: graph), minutes: [5])
        let trueStadium = 2500 * 100 + Double.pi * 2500
        let outline = 2 * 2500 + 2 * Double.pi * 50
        #expect(raster[0].area.area <= trueStadium)
        #expect(raster[0].area.area >= trueStadium - 0.75 * outline)
        #expect(try raster[0].area.covers(3000, 49.2, in: geos))
        #expect(try !raster[0].area.covers(3000, 50.01, in: geos))
    }

    @Test func theWalkToTheRoadCountsAndIsReachedGround() throws {
        let geos = try GEOSContext()
        let graph = ReachTestGraphs.oneSegment([(0, 0), (4000, 0)])
        // 30 m from the road: 24 s of walking, then 276 s of riding, 1150 m each way.
        let circles = try merged(graph, ReachTestGraphs.stations([("a", 2000, 30)], on: graph), minutes: [5], geometry: .exact)
        #expect(abs(circles[0].roadKilometres - 2.3) < 1e-6)
        // The walk's buffer adds the part of its round cap around the station beyond the
        // road's 50 m band: about a circular segment 30 m high (r² acos(0.4) − 20·√2100 ≈ 1982 m²),
        // exactly the part above y = 50 of the inscribed half 16-gon around (2000, 30).
        let cap = (0...8).map { k in
            PlanarPoint(x: 2000 + 50 * cos(Double(k) * .pi / 8), y: 30 + 50 * sin(Double(k) * .pi / 8))
        }
        let bump = PlanarRing.signedArea(Self.above(50, cap))
        #expect(abs(bump - (2500 * acos(0.4) - 20 * 2100.squareRoot())) < 0.05 * bump)
        let expected = 2300 * 100 + ReachTestGraphs.polygonalCircleArea(radius: 50) + bump
        #expect(abs(circles[0].area.area - expected) < 1e-3)
        #expect(try circles[0].area.covers(2000, 79, in: geos))
        #expect(try !circles[0].area.covers(2000, 81, in: geos))
        #expect(try circles[0].area.covers(3190, 0, in: geos))
        #expect(try !circles[0].area.covers(3210, 0, in: geos))
    }

    @Test func farBankIsReachedOnlyOverTheBridge() throws {
        let geos = try GEOSContext()
        // South bank y = 0 and north bank y = 400, 2 km long; one bridge at x = 0.
        var roads = ReachRoads()
        roads.nodes([(0, 0), (2000, 0), (0, 400), (2000, 400)])
        roads.road(0, 1)
        roads.road(2, 3)
        roads.road(0, 2)
        let graph = roads.build()
        let circles = try merged(graph, ReachTestGraphs.stations([("a", 1000, 0)], on: graph), minutes: [10])
        // 2500 m: 1000 m west, 400 m over the bridge, then 1100 m along the north bank; 1000 m east.
        #expect(abs(circles[0].roadKilometres - 3.5) < 1e-6)
        let area = circles[0].area
        #expect(try area.covers(500, 400, in: geos))
        #expect(try area.covers(1000, 360, in: geos))
        #expect(try !area.covers(1500, 360, in: geos))  // 400 m across the river, not reachable in time
        #expect(try !area.covers(1000, 200, in: geos))  // the river itself
        #expect(try !area.covers(1000, 60, in: geos))
        #expect(area.polygons.count == 1 && area.polygons[0].holes.isEmpty)
    }

    @Test func oneWayLoopIsRiddenOnlyOneWayRound() throws {
        let geos = try GEOSContext()
        // A 1 km square ridden counter-clockwise only: A(0,0) → B(1000,0) → C → D(0,1000) → A.
        var roads = ReachRoads()
        roads.nodes([(0, 0), (1000, 0), (1000, 1000), (0, 1000)])
        for (u, v) in [(0, 1), (1, 2), (2, 3), (3, 0)] { roads.road(u, v, backward: false) }
        let graph = roads.build()
        let circles = try merged(graph, ReachTestGraphs.stations([("a", 500, 0)], on: graph), minutes: [2, 10])
        // 2 min = 500 m: only eastwards, to B.
        #expect(abs(circles[0].roadKilometres - 0.5) < 1e-6)
        #expect(try circles[0].area.covers(950, 0, in: geos))
        #expect(try !circles[0].area.covers(400, 0, in: geos))
        // 10 min = 2500 m: B, C and D exactly at the limit; nothing west of the station.
        #expect(abs(circles[1].roadKilometres - 2.5) < 1e-6)
        #expect(try circles[1].area.covers(0, 960, in: geos))
        #expect(try !circles[1].area.covers(0, 500, in: geos))
        #expect(try !circles[1].area.covers(100, 0, in: geos))
        #expect(try GEOSGeometry(multiPolygon: circles[1].area, in: geos).covers(GEOSGeometry(multiPolygon: circles[0].area, in: geos)))
    }

    @Test func stationOffTheNetworkIsUnroutable() throws {
        let graph = ReachTestGraphs.oneSegment([(0, 0), (1000, 0)])
        let stations = ReachTestGraphs.stations([("near", 500, 20), ("far", 500, 500)], on: graph)
        let engine = try ReachEngine(minutes: [5], workers: 1)
        let report = try engine.run(graph: graph, stations: stations, speedsKmh: [15], scope: .perStation, maxSnap: 300)
        #expect(report.routableCount == 1)
        #expect(report.runs[0].perStation.map(\.station.id) == ["near"])
        #expect(report.unroutable.count == 1)
        let far = try #require(report.unroutable.first)
        #expect(far.station.id == "far" && far.snapMeters == 500)
        #expect(far.reason == "nearest usable road is 500.0 m away (more than the snapping limit of 300 m)")

        #expect(throws: ReachError.noRoutableStation(count: 1, maxSnap: 300)) {
            try engine.run(graph: graph, stations: [stations[1]], speedsKmh: [15], scope: .merged, maxSnap: 300)
        }
    }

    /// The part of a counter-clockwise polyline's polygon at or above `y` (Sutherland–Hodgman, one edge).
    private static func above(_ y: Double, _ ring: [PlanarPoint]) -> [PlanarPoint] {
        var clipped: [PlanarPoint] = []
        for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) {
            if a.y >= y { clipped.append(a) }
            if (a.y < y) != (b.y < y) {
                let t = (y - a.y) / (b.y - a.y)
                clipped.append(PlanarPoint(x: a.x + t * (b.x - a.x), y: y))
            }
        }
        return clipped
    }
}
