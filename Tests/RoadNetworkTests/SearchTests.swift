import GeoCore
import Testing

@testable import RoadNetwork

/// Builds small graphs by hand: nodes at metre positions, straight or bent
/// segments. 15 km/h riding = 240 s per km; 4.5 km/h walking = 800 s per km.
struct HandGraph {
    var builder = RoadGraphBuilder(crs: "EPSG:4544", profile: .ebike, cruiseSpeedKmh: 15)
    var positions: [PlanarPoint] = []

    /// Adds nodes at the given (x, y) metre positions.
    mutating func nodes(_ points: [(Double, Double)]) {
        for (x, y) in points {
            positions.append(PlanarPoint(x: x, y: y))
            builder.addNode(lon: 104 + x / 1e5, lat: 30 + y / 1e5, x: x, y: y)
        }
    }

    /// Adds a segment from node `u` to node `v` through `bends`.
    mutating func road(
        _ u: Int, _ v: Int, bends: [(Double, Double)] = [], forward: Bool = true, backward: Bool = true, walked: Bool = false
    ) {
        let points = [positions[u]] + bends.map { PlanarPoint(x: $0.0, y: $0.1) } + [positions[v]]
        builder.addSegment(from: UInt32(u), to: UInt32(v), points: points, forward: forward, backward: backward, walked: walked)
    }

    func build() -> RoadGraph { builder.build() }
}

/// True when `got` is `seconds` (to 1e-9 s) from source `source` (any when nil).
func near(_ got: (seconds: Double, source: Int)?, _ seconds: Double, source: Int? = nil) -> Bool {
    guard let got else { return false }
    return abs(got.seconds - seconds) < 1e-9 && (source == nil || got.source == source)
}

/// A point `offset` metres along segment `s`, on the road (distance 0).
func at(_ graph: RoadGraph, _ s: Int, _ offset: Double) -> SnapPoint {
    SnapPoint(segment: s, offset: offset, distance: 0, point: graph.pointAt(segment: s, offset: offset))
}

@Suite struct SearchTests {
    /// A(0,0) — B(1000,0), two-way.
    func straightRoad(forward: Bool = true, backward: Bool = true) -> RoadGraph {
        var g = HandGraph()
        g.nodes([(0, 0), (1000, 0)])
        g.road(0, 1, forward: forward, backward: backward)
        return g.build()
    }

    @Test func midEdgeSourceReachesBothEndsExactly() {
        let graph = straightRoad()
        var search = MultiSourceSearch(graph: graph)
        let result = search.run([SearchSource(snap: at(graph, 0, 250), startSeconds: 0)], limitSeconds: 900)
        #expect(result.seconds == [60, 180])
        #expect(result.source == [0, 0])
        #expect(near(result.time(to: at(graph, 0, 900)), 156, source: 0))
        #expect(near(result.time(to: at(graph, 0, 0)), 60, source: 0))
    }

    @Test func doorToDoorStartsWithTheWalkToTheRoad() {
        let snap = SnapPoint(segment: 0, offset: 0, distance: 45, point: PlanarPoint(x: 0, y: 0))
        let source = SearchSource(doorToDoor: snap)
        #expect(abs(source.startSeconds - 36) < 1e-12)  // 45 m at 1.25 m/s
        let graph = straightRoad()
        var search = MultiSourceSearch(graph: graph)
        let result = search.run([source], limitSeconds: 900)
        #expect(result.seconds == [36, 276])  // at node A itself, then the whole edge
    }

    @Test func sourceAtANodeOnAOneWaySegmentStartsAtThatNode() {
        var g = HandGraph()
        g.nodes([(0, 0), (1000, 0), (0, 1000)])
        g.road(0, 1, forward: true, backward: false)
        g.road(1, 2)
        let graph = g.build()
        var search = MultiSourceSearch(graph: graph)
        // At offset 1000 of the one-way A→B: the rider is at B, free to go on.
        let result = search.run([SearchSource(snap: at(graph, 0, 1000), startSeconds: 5)], limitSeconds: 900)
        #expect(result.seconds[1] == 5)
        #expect(result.seconds[0] == .infinity)
    }

    /// A square A(0,0) → B(1000,0) one-way, B–C(1000,1000), C–D(0,1000), D–A.
    func oneWaySquare() -> RoadGraph {
        var g = HandGraph()
        g.nodes([(0, 0), (1000, 0), (1000, 1000), (0, 1000)])
        g.road(0, 1, forward: true, backward: false)
        g.road(1, 2)
        g.road(2, 3)
        g.road(3, 0)
        return g.build()
    }

    @Test func targetBehindASourceOnAOneWayGoesAround() {
        let graph = oneWaySquare()
        var search = MultiSourceSearch(graph: graph)
        let result = search.run([SearchSource(snap: at(graph, 0, 500), startSeconds: 0)], limitSeconds: 2000)
        #expect(result.seconds[1] == 120)
        #expect(result.seconds[0] == 840)  // 500 + 3 × 1000 m
        #expect(near(result.time(to: at(graph, 0, 400)), 936))  // 3900 m
        #expect(near(result.time(to: at(graph, 0, 600)), 24))  // straight ahead
    }

    @Test func sourceAndTargetOnTheSameSegmentBothWays() {
        let graph = straightRoad()
        var search = MultiSourceSearch(graph: graph)
        let result = search.run([SearchSource(snap: at(graph, 0, 300), startSeconds: 10)], limitSeconds: 900)
        #expect(near(result.time(to: at(graph, 0, 700)), 106, source: 0))
        #expect(near(result.time(to: at(graph, 0, 100)), 58, source: 0))

        let oneWay = straightRoad(backward: false)
        var oneWaySearch = MultiSourceSearch(graph: oneWay)
        let ahead = oneWaySearch.run([SearchSource(snap: at(oneWay, 0, 300), startSeconds: 0)], limitSeconds: 900)
        #expect(near(ahead.time(to: at(oneWay, 0, 700)), 96))
        #expect(ahead.time(to: at(oneWay, 0, 100)) == nil)  // behind, and no way around
        #expect(ahead.seconds[0] == .infinity)
    }

    @Test func walkedEdgeKeepsWalkingSpeed() {
        var g = HandGraph()
        g.nodes([(0, 0), (100, 0), (1100, 0)])
        g.road(0, 1, walked: true)
        g.road(1, 2)
        let graph = g.build()
        for speed in [15.0, 20.0] {
            var search = MultiSourceSearch(graph: graph.retimed(cruiseSpeedKmh: speed))
            let result = search.run([SearchSource(snap: at(graph, 0, 0), startSeconds: 0)], limitSeconds: 900)
            #expect(result.seconds[1] == 80)  // 100 m at 4.5 km/h
            #expect(abs(Double(result.seconds[2]) - (80 + 1000 / (speed / 3.6))) < 1e-3)
        }
    }

    @Test func equalTimesGoToTheLowestSourceIndex() {
        var g = HandGraph()
        g.nodes([(0, 0), (1000, 0), (2000, 0)])
        g.road(0, 1)
        g.road(1, 2)
        let graph = g.build()
        var search = MultiSourceSearch(graph: graph)
        let left = SearchSource(snap: at(graph, 0, 0), startSeconds: 0)
        let right = SearchSource(snap: at(graph, 1, 1000), startSeconds: 0)
        let a = search.run([right, left], limitSeconds: 900)
        #expect(a.seconds == [0, 240, 0])
        #expect(a.source == [1, 0, 0])
        let b = search.run([left, right], limitSeconds: 900)
        #expect(b.source == [0, 0, 1])
        // A later source that gets there first still wins.
        let c = search.run([right, SearchSource(snap: at(graph, 0, 500), startSeconds: 0)], limitSeconds: 900)
        #expect(c.source == [1, 1, 0])
        #expect(c.seconds == [120, 120, 0])
        // The tie at B spreads on: C is reached only through B.
        var h = HandGraph()
        h.nodes([(0, 0), (2000, 0), (1000, 0), (1000, 1000)])
        h.road(0, 2)
        h.road(1, 2)
        h.road(2, 3)
        let tee = h.build()
        var teeSearch = MultiSourceSearch(graph: tee)
        let d = teeSearch.run(
            [SearchSource(snap: at(tee, 1, 0), startSeconds: 0), SearchSource(snap: at(tee, 0, 0), startSeconds: 0)],
            limitSeconds: 900)
        #expect(d.seconds[3] == 480)
        #expect(d.source[2] == 0 && d.source[3] == 0)
        #expect(near(d.time(to: at(tee, 2, 500)), 360, source: 0))
    }

    @Test func limitCutsNodesAndTargets() {
        let graph = straightRoad()
        var search = MultiSourceSearch(graph: graph)
        let result = search.run([SearchSource(snap: at(graph, 0, 0), startSeconds: 0)], limitSeconds: 200)
        #expect(result.seconds == [0, .infinity])
        #expect(result.source == [0, -1])
        #expect(result.reachedNodes == [0])
        #expect(near(result.time(to: at(graph, 0, 800)), 192, source: 0))
        #expect(result.time(to: at(graph, 0, 900)) == nil)  // 216 s > 200 s
        let late = search.run([SearchSource(snap: at(graph, 0, 0), startSeconds: 300)], limitSeconds: 200)
        #expect(late.reachedNodes.isEmpty)
        #expect(late.time(to: at(graph, 0, 0)) == nil)
    }

    @Test func workspaceResetsBetweenRunsAndKeptResultsStayValid() {
        let graph = oneWaySquare()
        var search = MultiSourceSearch(graph: graph)
        let first = search.run([SearchSource(snap: at(graph, 0, 500), startSeconds: 0)], limitSeconds: 2000)
        let second = search.run([SearchSource(snap: at(graph, 2, 0), startSeconds: 0)], limitSeconds: 300)
        #expect(first.seconds == [840, 120, 360, 600])
        #expect(second.seconds == [.infinity, 240, 0, 240])
        #expect(second.source == [-1, 0, 0, 0])
        let third = search.run([SearchSource(snap: at(graph, 0, 500), startSeconds: 0)], limitSeconds: 2000)
        #expect(third.seconds == first.seconds)
        #expect(Set(third.reachedNodes) == [0, 1, 2, 3])
    }
}
