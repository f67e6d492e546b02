import GeoCore
import TestSupport
import Testing

@testable import RoadNetwork

@Suite struct StationCountsTests {
    @Test func countsOnAStraightRoadByHand() {
        // A(0) — B(1000) — C(2000) — D(3000) along x; 240 s per segment.
        var g = HandGraph()
        g.nodes([(0, 0), (1000, 0), (2000, 0), (3000, 0)])
        g.road(0, 1)
        g.road(1, 2)
        g.road(2, 3, forward: true, backward: false)
        let graph = g.build()
        let sources = [
            SearchSource(snap: at(graph, 0, 0), startSeconds: 0),  // at A
            SearchSource(snap: at(graph, 1, 500), startSeconds: 30),  // mid B–C
            SearchSource(snap: at(graph, 2, 1000), startSeconds: 0),  // at D, one-way dead end
        ]
        let targets = [at(graph, 0, 800), at(graph, 1, 900), at(graph, 2, 100), at(graph, 2, 1000)]
        let counts = StationCounts(graph: graph, sources: sources, targets: targets, limitSeconds: 200)
        // A reaches 833 m of A–B; the mid source has 170 s left: B and C at
        // 150 s, then 208 m beyond each; D reaches only itself.
        #expect(counts.targetCounts == [2, 1, 1, 1])
        #expect(counts.nodeCounts == [1, 1, 1, 1])
    }

    @Test(arguments: [31, 32] as [UInt64])
    func countsMatchOneReferenceSearchPerSource(seed: UInt64) {
        let graph = randomGraph(seed: seed, nodeCount: 200)
        var rng = SplitMix64(state: seed)
        let sources = (0..<12).map { _ in SearchSource(snap: randomSnap(graph, &rng), startSeconds: rng.unit() * 30) }
        let targets = (0..<120).map { _ in randomSnap(graph, &rng) }
        let limit = 300.0
        let counts = StationCounts(graph: graph, sources: sources, targets: targets, limitSeconds: limit)
        let reference = ReferenceRouter(graph, splitAt: sources.map(\.snap) + targets)
        var expectedTargets = [Int32](repeating: 0, count: targets.count)
        var expectedNodes = [Int32](repeating: 0, count: graph.nodeCount)
        var ambiguous = Set<Int>()
        var ambiguousNodes = Set<Int>()
        for source in sources {
            let times = reference.times(from: source.snap, start: source.startSeconds)
            for (i, t) in targets.enumerated() {
                let time = times[reference.node(t)]
                if time <= limit { expectedTargets[i] += 1 }
                if abs(time - limit) < 0.02 { ambiguous.insert(i) }
            }
            for v in 0..<graph.nodeCount {
                if times[v] <= limit { expectedNodes[v] += 1 }
                if abs(times[v] - limit) < 0.02 { ambiguousNodes.insert(v) }
            }
        }
        for i in targets.indices where !ambiguous.contains(i) {
            #expect(counts.targetCounts[i] == expectedTargets[i], "target \(i)")
        }
        for v in 0..<graph.nodeCount where !ambiguousNodes.contains(v) {
            #expect(counts.nodeCounts[v] == expectedNodes[v], "node \(v)")
        }
        #expect(counts.targetCounts.contains { $0 >= 2 })
        #expect(counts.targetCounts.contains { $0 == 0 })
    }

    @Test func workersDoNotChangeTheCounts() {
        let graph = randomGraph(seed: 33, nodeCount: 200)
        var rng = SplitMix64(state: 33)
        let sources = (0..<70).map { _ in SearchSource(snap: randomSnap(graph, &rng), startSeconds: rng.unit() * 30) }
        let targets = (0..<200).map { _ in randomSnap(graph, &rng) }
        let one = StationCounts(graph: graph, sources: sources, targets: targets, limitSeconds: 240, workers: 1)
        let three = StationCounts(graph: graph, sources: sources, targets: targets, limitSeconds: 240, workers: 3)
        #expect(one.targetCounts == three.targetCounts)
        #expect(one.nodeCounts == three.nodeCounts)
        var search = MultiSourceSearch(graph: graph)
        var expected = [Int32](repeating: 0, count: targets.count)
        for source in sources {
            let result = search.run([source], limitSeconds: 240)
            for (i, t) in targets.enumerated() where result.time(to: t) != nil { expected[i] += 1 }
        }
        #expect(one.targetCounts == expected)
    }
}
