import GeoCore
import TestSupport
import Testing

@testable import RoadNetwork

@Suite struct ComponentTests {
    /// Nodes on a line 100 m apart; segments given as (from, to, forward, backward).
    private func graph(nodes: Int, _ segments: [(Int, Int, Bool, Bool)], spacing: Double = 100) -> RoadGraph {
        var builder = RoadGraphBuilder(crs: "EPSG:4544", profile: .ebike, cruiseSpeedKmh: 15)
        for i in 0..<nodes { builder.addNode(lon: 0, lat: 0, x: Double(i) * spacing, y: 0, osmID: Int64(i)) }
        for (a, b, f, r) in segments {
            builder.addSegment(
                from: UInt32(a), to: UInt32(b),
                points: [PlanarPoint(x: Double(a) * spacing, y: 0), PlanarPoint(x: Double(b) * spacing, y: 0)],
                forward: f, backward: r, walked: false)
        }
        return builder.build()
    }

    @Test func cycleSinkAndIsolatedNode() {
        // 0→1→2→0 is a cycle, 2→3 leads into a sink, 4 has no edges.
        let g = graph(nodes: 5, [(0, 1, true, false), (1, 2, true, false), (2, 0, true, false), (2, 3, true, false)])
        let scc = StronglyConnectedComponents(g)
        #expect(scc.count == 3)
        #expect(scc.component[0] == scc.component[1] && scc.component[1] == scc.component[2])
        #expect(Set([scc.component[0], scc.component[3], scc.component[4]]).count == 3)
        let meters = scc.roadMeters(in: g)
        #expect(meters[Int(scc.component[0])] == 100 + 100 + 200)
        #expect(meters[Int(scc.component[3])] == 0)  // 2→3 joins two components: in none
    }

    @Test func largestIsChosenByRoadLengthNotNodeCount() {
        // Component A: 0↔1↔2, 3 nodes, 200 m. Component B: 3→4 along a bent
        // line (200 m + √(100² + 200²) m, pushed) and 4→3 straight (100 m).
        var builder = RoadGraphBuilder(crs: "EPSG:4544", profile: .ebike, cruiseSpeedKmh: 15)
        for u in 0..<5 { builder.addNode(lon: 0, lat: 0, x: Double(u) * 100, y: 0, osmID: Int64(u)) }
        func add(_ from: UInt32, _ to: UInt32, _ points: [(Double, Double)], forward: Bool, backward: Bool, walked: Bool) {
            builder.addSegment(
                from: from, to: to, points: points.map { PlanarPoint(x: $0.0, y: $0.1) },
                forward: forward, backward: backward, walked: walked)
        }
        add(0, 1, [(0, 0), (100, 0)], forward: true, backward: true, walked: false)
        add(1, 2, [(100, 0), (200, 0)], forward: true, backward: true, walked: false)
        add(3, 4, [(300, 0), (300, 200), (400, 0)], forward: true, backward: false, walked: true)
        add(4, 3, [(400, 0), (300, 0)], forward: true, backward: false, walked: false)
        let h = builder.build()
        let (kept, scc) = h.largestStronglyConnectedComponent()
        #expect(scc.count == 2)
        #expect(kept.nodeOSMID == [3, 4])
        #expect(kept.segmentCount == 2 && kept.edgeCount == 2)
        #expect(kept.polyline(0).count == 3)
        #expect(kept.edgeWalked == [true, false])
        #expect(abs(kept.roadKilometres - (200 + 223.60679774997897 + 100) / 1000) < 1e-12)
        #expect(kept.hasConsistentLayout)
    }

    @Test func subgraphKeepsOnlySegmentsWithBothEndsKept() {
        let g = graph(nodes: 4, [(0, 1, true, true), (1, 2, true, false), (2, 3, false, true)])
        let sub = g.subgraph(keeping: [false, true, true, true])
        #expect(sub.nodeOSMID == [1, 2, 3])
        #expect(sub.osmEdges == ["1>2", "3>2"])
        #expect(sub.segmentForwardEdge[1] == -1 && sub.segmentBackwardEdge[1] >= 0)
    }

    /// Random sparse digraphs: two nodes share a component exactly when each
    /// reaches the other (checked by breadth-first search from every node).
    @Test(arguments: 0..<20)
    func matchesMutualReachabilityOnRandomGraphs(seed: UInt64) {
        var rng = SplitMix64(state: seed)
        let n = 40
        let segments = (0..<60).map { _ in
            (Int(rng.next() % UInt64(n)), Int(rng.next() % UInt64(n)), rng.next() % 2 == 0, rng.next() % 3 == 0)
        }.filter { $0.0 != $0.1 }
        let g = graph(nodes: n, segments)
        let reach = (0..<n).map { source -> Set<Int> in
            var seen: Set<Int> = [source]
            var queue = [source]
            while let u = queue.popLast() {
                for e in g.outEdges(u) where seen.insert(Int(g.head[e])).inserted { queue.append(Int(g.head[e])) }
            }
            return seen
        }
        let scc = StronglyConnectedComponents(g)
        for u in 0..<n {
            for v in 0..<n {
                let mutual = reach[u].contains(v) && reach[v].contains(u)
                #expect((scc.component[u] == scc.component[v]) == mutual, "nodes \(u), \(v), seed \(seed)")
            }
        }
        #expect(scc.count == Set(scc.component).count)
    }

    /// A 100,000-node two-way line: a recursive Tarjan would overflow the stack.
    @Test func longChainNeedsNoRecursion() {
        let n = 100_000
        let g = graph(nodes: n, (0..<(n - 1)).map { ($0, $0 + 1, true, true) }, spacing: 1)
        let scc = StronglyConnectedComponents(g)
        #expect(scc.count == 1)
        let oneWay = graph(nodes: n, (0..<(n - 1)).map { ($0, $0 + 1, true, false) }, spacing: 1)
        #expect(StronglyConnectedComponents(oneWay).count == n)
    }
}
