import GeoCore
import TestSupport
import Testing

@testable import RoadNetwork

@Suite struct SearchTargetsTests {
    @Test(arguments: [41, 42] as [UInt64])
    func reportsExactlyTheTargetsTimeToFindsOnceEach(seed: UInt64) {
        let graph = randomGraph(seed: seed, nodeCount: 200)
        var rng = SplitMix64(state: seed)
        let targets = (0..<300).map { _ in randomSnap(graph, &rng) }
        var index = SearchTargets(graph: graph, targets: targets)
        var search = MultiSourceSearch(graph: graph)
        for limit in [60.0, 200, 400] {
            let sources = (0..<3).map { _ in SearchSource(snap: randomSnap(graph, &rng), startSeconds: rng.unit() * 20) }
            let result = search.run(sources, limitSeconds: limit)
            var seen: [Int: (Double, Int)] = [:]
            index.forEachReached(in: result) { t, seconds, source in
                #expect(seen[t] == nil, "target \(t) reported twice")
                seen[t] = (seconds, source)
            }
            var expected = 0
            for (t, target) in targets.enumerated() {
                let hit = result.time(to: target)
                if let hit { expected += 1 }
                #expect(seen[t].map { $0.0 } == hit?.seconds && seen[t].map { $0.1 } == hit?.source)
            }
            #expect(seen.count == expected)
            #expect(expected > 0 && expected < targets.count)
        }
    }
}
