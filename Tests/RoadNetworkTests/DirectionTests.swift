import GeoCore
import Testing

@testable import RoadNetwork

/// To-station versus from-station times on a one-way fixture, by hand.
///
/// A(0,0) → B(1000,0) is one-way (A to B only), 1000 m. A detour A–C–B is
/// two-way: A(0,0)–C(0,750) is 750 m, C–B is 1250 m (3-4-5 triangle), 2000 m
/// in all. At 15 km/h a metre takes 0.24 s: 1000 m = 240 s, 2000 m = 480 s.
@Suite struct DirectionTests {
    func fixture() -> RoadGraph {
        var g = HandGraph()
        g.nodes([(0, 0), (1000, 0), (0, 750)])
        g.road(0, 1, forward: true, backward: false)  // segment 0, one-way A→B
        g.road(0, 2)  // segment 1, A–C
        g.road(2, 1)  // segment 2, C–B
        return g.build()
    }

    func time(_ direction: TravelDirection, station: SnapPoint, point: SnapPoint) -> Double? {
        let graph = direction.searchGraph(for: fixture())
        var search = MultiSourceSearch(graph: graph)
        return search.run([SearchSource(snap: station, startSeconds: 0)], limitSeconds: 3600).time(to: point)?.seconds
    }

    func close(_ got: Double?, _ want: Double) -> Bool {
        guard let got else { return false }
        return abs(got - want) < 1e-3
    }

    @Test func stationAtTheEndOfAOneWayStreet() {
        let graph = fixture()
        let station = at(graph, 0, 1000)  // at B
        let rider = at(graph, 0, 0)  // at A
        #expect(close(time(.toStation, station: station, point: rider), 240))  // A→B along the one-way: 4.0 min
        #expect(close(time(.fromStation, station: station, point: rider), 480))  // B→C→A: 8.0 min
    }

    @Test func riderInsideTheOneWaySegment() {
        let graph = fixture()
        let station = at(graph, 0, 1000)
        let rider = at(graph, 0, 250)
        #expect(close(time(.toStation, station: station, point: rider), 180))  // 750 m ahead: 3.0 min
        #expect(close(time(.fromStation, station: station, point: rider), 540))  // 2000 m round + 250 m: 9.0 min
    }

    @Test func stationAndRiderOnTheSameOneWaySegment() {
        let graph = fixture()
        let station = at(graph, 0, 700)
        let rider = at(graph, 0, 300)
        #expect(close(time(.toStation, station: station, point: rider), 96))  // 400 m straight on: 1.6 min
        // Station → B 300 m, B→C→A 2000 m, A → rider 300 m: 2600 m = 624 s = 10.4 min.
        #expect(close(time(.fromStation, station: station, point: rider), 624))
    }

    @Test func aHotspotsWalkToItsRoadIsTimedLikeAStations() {
        let snap = SnapPoint(segment: 0, offset: 0, distance: 45, point: PlanarPoint(x: 0, y: 0))
        #expect(abs(snap.walkSeconds - 36) < 1e-12)  // 45 m at 4.5 km/h = 1.25 m/s
        #expect(abs(snap.walkSeconds - SearchSource(doorToDoor: snap).startSeconds) < 1e-12)
    }

    @Test func reversalTurnsEveryEdgeAndTwiceGivesTheGraphBack() {
        let graph = fixture()
        let reversed = graph.reversed()
        #expect(reversed.edgeCount == graph.edgeCount)
        #expect(reversed.segmentForwardEdge[0] == -1)  // B→A is not allowed on the reversal of A→B only
        let back = Int(reversed.segmentBackwardEdge[0])
        #expect(back >= 0 && reversed.head[back] == 0 && !reversed.edgeForward[back])
        #expect(reversed.outEdges(1).contains(back))  // leaves B
        func edges(_ g: RoadGraph) -> Set<[Double]> {
            var set = Set<[Double]>()
            for u in 0..<g.nodeCount {
                for e in g.outEdges(u) {
                    set.insert([Double(u), Double(g.head[e]), Double(g.seconds[e]), Double(g.edgeSegment[e]), g.edgeForward[e] ? 1 : 0])
                }
            }
            return set
        }
        #expect(edges(reversed.reversed()) == edges(graph))
        #expect(edges(reversed) != edges(graph))
        #expect(TravelDirection.defaultDirection == .toStation)
        #expect(TravelDirection(rawValue: "from-station") == .fromStation)
    }
}
