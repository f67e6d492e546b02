import Foundation
import GeoCore
import Testing

@testable import Coverage
@testable import RoadNetwork

/// `reach --split`: the stations' catchments on the road and as polygons.
@Suite struct CatchmentAreasTests {
    /// One two-way road from (0, 0) to (1000, 0) at 15 km/h (240 s); station A on it at x = 0, station
    /// B 50 m off the road above x = 1000, so B starts with its walk w = startSeconds. Times are equal
    /// where x / v = w + (1000 − x) / v, at x* = (1000 + w·v) / 2 (v = 1000 / 240 m/s).
    static func line() -> (graph: RoadGraph, stations: [PlacedSite], boundary: Double, walk: Double, speed: Double) {
        let graph = ReachTestGraphs.oneSegment([(0, 0), (1000, 0)])
        let stations = ReachTestGraphs.stations([("A", 0, 0), ("B", 1000, 50)], on: graph)
        let walk = SearchSource(doorToDoor: stations[1].snap!).startSeconds
        let speed = 1000 / Double(graph.seconds[0])
        return (graph, stations, (1000 + walk * speed) / 2, walk, speed)
    }

    @Test func theRoadIsCutWhereTheTwoStationsTimesAreEqual() throws {
        let line = Self.line()
        #expect(line.walk > 0)
        var search = MultiSourceSearch(graph: line.graph)
        let sources = line.stations.map { SearchSource(doorToDoor: $0.snap!) }
        let result = search.run(sources, limitSeconds: 900)
        let roads = CatchmentAreas.roadIntervals(result, limitSeconds: 900)
        #expect(roads[0].count == 1 && roads[1].count == 1)
        #expect(roads[0].first?.from == 0)
        #expect(abs((roads[0].first?.to ?? 0) - line.boundary) < 1)
        #expect(abs((roads[1].first?.from ?? 0) - line.boundary) < 1)
        #expect(roads[1].first?.to == 1000)
        // Within 100 s: A rides 100·v from 0, B rides (100 − w)·v back from 1000; the middle is unreached.
        let short = CatchmentAreas.roadIntervals(result, limitSeconds: 100)
        #expect(abs((short[0].first?.to ?? 0) - 100 * line.speed) < 1)
        #expect(abs((short[1].first?.from ?? 0) - (1000 - (100 - line.walk) * line.speed)) < 1)
        #expect(short[0].first!.to < short[1].first!.from)
    }

    @Test func twoStationsWithNoWalkMeetHalfWayAndATieGoesToTheFirst() throws {
        let graph = ReachTestGraphs.oneSegment([(0, 0), (1000, 0)])
        let stations = ReachTestGraphs.stations([("A", 0, 0), ("B", 1000, 0), ("C", 1000, 0)], on: graph)
        var search = MultiSourceSearch(graph: graph)
        let result = search.run(stations.map { SearchSource(doorToDoor: $0.snap!) }, limitSeconds: 900)
        let roads = CatchmentAreas.roadIntervals(result, limitSeconds: 900)
        #expect(abs((roads[0].first?.to ?? 0) - 500) < 1e-6)
        #expect(abs((roads[1].first?.from ?? 0) - 500) < 1e-6)
        #expect(roads[2].isEmpty)
    }

    /// The split polygons of the line at 1 and 2 minutes: disjoint, unioning to the merged area, nested.
    @Test func splitAreasPartitionTheMergedAreaOnTheLine() throws {
        let line = Self.line()
        let engine = try ReachEngine(minutes: [1, 2], accessDistance: 50, geometry: .exact)
        let split = try CatchmentAreas.split(graph: line.graph, stations: line.stations, engine: engine)
        let merged = try engine.merged(graph: line.graph, stations: line.stations)
        try Self.expectPartition(split, merged: merged, tolerance: 1e-6)
        // A's 2-minute road: 120 s of riding from x = 0 (500 m), below the boundary.
        #expect(abs(split[0].levels[1].roadKilometres - min(120 * line.speed, line.boundary) / 1000) < 0.001)
    }

    /// The line at 5 minutes (both stations reach the meeting point x*): off the road the margin is
    /// split on the perpendicular through x* (the two pieces meet there), so 1 m either side of it,
    /// on the road and 30 m off it, the point belongs to the station whose side it is on.
    @Test func theMarginIsSplitWhereTheRidingTimesAreEqual() throws {
        let line = Self.line()
        let engine = try ReachEngine(minutes: [5], accessDistance: 50, geometry: .exact)
        let split = try CatchmentAreas.split(graph: line.graph, stations: line.stations, engine: engine)
        let context = try GEOSContext()
        let a = try GEOSGeometry(multiPolygon: split[0].levels[0].area, in: context)
        let b = try GEOSGeometry(multiPolygon: split[1].levels[0].area, in: context)
        for y in [-30.0, 0, 30] {
            #expect(try a.covers(PlanarPoint(x: line.boundary - 1, y: y)) && !(try b.covers(PlanarPoint(x: line.boundary - 1, y: y))))
            #expect(try b.covers(PlanarPoint(x: line.boundary + 1, y: y)) && !(try a.covers(PlanarPoint(x: line.boundary + 1, y: y))))
        }
        try Self.expectPartition(split, merged: try engine.merged(graph: line.graph, stations: line.stations), tolerance: 1e-6)
    }

    /// Two parallel roads 60 m apart, (0, 0)–(1000, 0) and (0, 60)–(1000, 60), not connected; A on the
    /// lower at x = 500, B on the upper. In 1 minute each rides 250 m each way (x = 250…750), so
    /// their 50 m margins overlap for y in 10…50; every point there is nearer the road of the side
    /// it is on, so the overlap is split on y = 30. Sampling every 10 m moves that line by at most
    /// 10²/(16·30) ≈ 0.21 m (`CatchmentCells`), so 0.5 m either side is decided. (Before, the whole
    /// overlap went to A, the first station.)
    @Test func theMarginBetweenParallelRoadsIsSplitMidway() throws {
        var roads = ReachRoads()
        roads.nodes([(0, 0), (1000, 0), (0, 60), (1000, 60)])
        roads.road(0, 1)
        roads.road(2, 3)
        let graph = roads.build()
        let stations = ReachTestGraphs.stations([("A", 500, 0), ("B", 500, 60)], on: graph)
        let engine = try ReachEngine(minutes: [1], accessDistance: 50, geometry: .exact)
        let split = try CatchmentAreas.split(graph: graph, stations: stations, engine: engine)
        let context = try GEOSContext()
        let a = try GEOSGeometry(multiPolygon: split[0].levels[0].area, in: context)
        let b = try GEOSGeometry(multiPolygon: split[1].levels[0].area, in: context)
        for x in [260.0, 333, 500, 617, 740] {
            #expect(try a.covers(PlanarPoint(x: x, y: 29.5)) && !(try b.covers(PlanarPoint(x: x, y: 29.5))), "x = \(x)")
            #expect(try b.covers(PlanarPoint(x: x, y: 30.5)) && !(try a.covers(PlanarPoint(x: x, y: 30.5))), "x = \(x)")
        }
        // Each half is the 500 m × 80 m band (y −50…30 or 30…110) with half-discs of radius 50 at the ends cut at y = 30.
        #expect(abs(try a.area - b.area) < 1)
        try Self.expectPartition(split, merged: try engine.merged(graph: graph, stations: stations), tolerance: 1e-6)
    }

    /// One station alone keeps the whole merged area; two stations on a straight road with no walk
    /// (every site on one line) meet at x = 500, the midpoint.
    @Test func oneStationAndCollinearSites() throws {
        let graph = ReachTestGraphs.oneSegment([(0, 0), (1000, 0)])
        let engine = try ReachEngine(minutes: [1, 5], accessDistance: 50, geometry: .exact)
        let one = ReachTestGraphs.stations([("A", 200, 0)], on: graph)
        let alone = try CatchmentAreas.split(graph: graph, stations: one, engine: engine)
        let merged = try engine.merged(graph: graph, stations: one)
        #expect(alone.count == 1)
        #expect(zip(alone[0].levels, merged).allSatisfy { abs($0.areaSquareKilometres - $1.areaSquareKilometres) < 1e-9 })
        let two = ReachTestGraphs.stations([("A", 0, 0), ("B", 1000, 0)], on: graph)
        let split = try CatchmentAreas.split(graph: graph, stations: two, engine: engine)
        let context = try GEOSContext()
        let a = try GEOSGeometry(multiPolygon: split[0].levels[1].area, in: context)
        let b = try GEOSGeometry(multiPolygon: split[1].levels[1].area, in: context)
        for y in [-30.0, 0, 30] {
            #expect(try a.covers(PlanarPoint(x: 499, y: y)) && b.covers(PlanarPoint(x: 501, y: y)))
        }
        try Self.expectPartition(split, merged: try engine.merged(graph: graph, stations: two), tolerance: 1e-6)
    }

    /// Sites: a 25 m piece sampled every 10 m: its ends 1 mm inward, then 3 equal steps between them;
    /// equal distances go to the lower station; a query far from every bucket still finds its site.
    @Test func sitesAndNearestSite() {
        let sites = CatchmentCells.sites([[[PlanarPoint(x: 0, y: 0), PlanarPoint(x: 25, y: 0)]]], spacing: 10)
        let expected = [0.001, 0.001 + 24.998 / 3, 0.001 + 2 * 24.998 / 3, 24.999]
        #expect(sites.points.count == 4)
        #expect(zip(sites.points, expected).allSatisfy { abs($0.x - $1) < 1e-9 && $0.y == 0 })
        #expect(sites.station == [0, 0, 0, 0])
        let points = [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 10, y: 0), PlanarPoint(x: 10, y: 0)]
        let index = NearestSite(points, bucket: 4)
        #expect(index.nearest(to: PlanarPoint(x: 9, y: 0), tieBreak: [0, 2, 1]) == 2)
        #expect(index.nearest(to: PlanarPoint(x: 1, y: 0), tieBreak: [0, 2, 1]) == 0)
        #expect(index.nearest(to: PlanarPoint(x: 5000, y: -3000), tieBreak: [0, 1, 2]) == 1)
    }

    /// Areas valid, pairwise intersections < 1e-6 km², union within `tolerance` km² of the merged level, nested.
    static func expectPartition(_ split: [StationServiceAreas], merged: [NestedIsochrone], tolerance: Double) throws {
        let context = try GEOSContext()
        for (k, level) in merged.enumerated() {
            let parts = try split.map { try GEOSGeometry(multiPolygon: $0.levels[k].area, in: context) }
            for part in parts { #expect(try part.validity().isValid) }
            for i in parts.indices {
                for j in parts.indices where j > i {
                    #expect(try parts[i].intersection(parts[j]).area / 1e6 < 1e-6)
                }
                if k > 0 {
                    let inner = try GEOSGeometry(multiPolygon: split[i].levels[k - 1].area, in: context)
                    #expect(try inner.difference(parts[i]).area / 1e6 < 1e-6, "level \(k - 1) of station \(i) is not inside level \(k)")
                }
            }
            let union = try GEOSGeometry.union(of: parts, in: context)
            let whole = try GEOSGeometry(multiPolygon: level.area, in: context)
            #expect(abs(try union.area - whole.area) / 1e6 < tolerance)
            #expect(try whole.difference(union).area / 1e6 < tolerance)
        }
    }

    /// On the default city: the catchment polygons are valid, disjoint and union to the merged area
    /// within 0.01 km²; every hotspot lies in exactly one 15-minute catchment when the merged area holds it, else none.
    @Test func splitOnTheDefaultCity() throws {
        let city = try AuditRealDataTests.city()
        let engine = try ReachEngine(minutes: [5, 10, 15], geometry: .exact)
        let split = try CatchmentAreas.split(graph: city.graph, stations: city.stations, engine: engine)
        let merged = try engine.merged(graph: city.graph, stations: city.stations)
        #expect(split.count == city.stations.filter { $0.snap != nil }.count)
        try Self.expectPartition(split, merged: merged, tolerance: 0.01)
        let context = try GEOSContext()
        let areas = try split.map { try GEOSGeometry(multiPolygon: $0.levels[2].area, in: context) }
        let whole = try GEOSGeometry(multiPolygon: merged[2].area, in: context)
        var inside = 0
        for hotspot in city.hotspots {
            let count = try areas.count { try $0.contains(hotspot.point) }
            if try whole.contains(hotspot.point) {
                #expect(count == 1, "hotspot \(hotspot.site.id) lies in \(count) catchments")
                inside += 1
            } else {
                #expect(count == 0)
            }
        }
        #expect(inside > 0)
        let road = split.reduce(0) { $0 + $1.levels[2].roadKilometres }
        #expect(abs(road - merged[2].roadKilometres) < 0.001)
    }
}
