import GeoCore
import TestSupport
import Testing

@testable import RoadNetwork

@Suite struct ReachedIntervalsTests {
    /// A(0,0) — B(1000,0) — C(1000,1000); segment 1 is stored C → B.
    func corner(forward: Bool = true, backward: Bool = true) -> RoadGraph {
        var g = HandGraph()
        g.nodes([(0, 0), (1000, 0), (1000, 1000)])
        g.road(0, 1, forward: forward, backward: backward)
        g.road(2, 1)
        return g.build()
    }

    func reached(_ graph: RoadGraph, _ sources: [SearchSource], limit: Double, searchLimit: Double? = nil) -> ReachedIntervals {
        var search = MultiSourceSearch(graph: graph)
        return ReachedIntervals(search.run(sources, limitSeconds: searchLimit ?? limit), limitSeconds: limit)
    }

    @Test func sixtySecondsAtFifteenKmhIs250Metres() {
        let graph = corner()
        let r = reached(graph, [SearchSource(snap: at(graph, 0, 0), startSeconds: 0)], limit: 60)
        #expect(r.intervals == [ReachedInterval(segment: 0, from: 0, to: 250)])
        #expect(r.roadKilometres == 0.25)
    }

    @Test func midEdgeSourceReachesBothWaysOrOneOnAOneWay() {
        let graph = corner()
        let both = reached(graph, [SearchSource(snap: at(graph, 0, 500), startSeconds: 0)], limit: 60)
        #expect(both.intervals == [ReachedInterval(segment: 0, from: 250, to: 750)])
        let oneWay = corner(backward: false)
        let ahead = reached(oneWay, [SearchSource(snap: at(oneWay, 0, 500), startSeconds: 0)], limit: 60)
        #expect(ahead.intervals == [ReachedInterval(segment: 0, from: 500, to: 750)])
    }

    @Test func partialEdgeAfterANodeInBothStorageDirections() {
        let graph = corner()
        // A at 0 s, B at 240 s, then 60 s into segment 1, which runs C → B: its last 250 m.
        let r = reached(graph, [SearchSource(snap: at(graph, 0, 0), startSeconds: 0)], limit: 300, searchLimit: 900)
        #expect(
            r.intervals == [
                ReachedInterval(segment: 0, from: 0, to: 1000), ReachedInterval(segment: 1, from: 750, to: 1000),
            ])
        #expect(abs(r.roadKilometres - 1.25) < 1e-12)
    }

    @Test func stretchesFromBothEndsMerge() {
        let graph = corner()
        let sources = [
            SearchSource(snap: at(graph, 0, 0), startSeconds: 0),
            SearchSource(snap: at(graph, 0, 1000), startSeconds: 0),
            SearchSource(snap: at(graph, 1, 0), startSeconds: 100),
        ]
        let r = reached(graph, sources, limit: 150)
        // Segment 0 is covered 625 m from each end; segment 1 from B (150 s
        // left → 625 m) and from C (50 s left → 208.3 m) stays in two pieces.
        #expect(r.intervals.count == 3)
        #expect(r.intervals[0] == ReachedInterval(segment: 0, from: 0, to: 1000))
        #expect(r.intervals[1].segment == 1 && r.intervals[1].from == 0 && abs(r.intervals[1].to - 1000.0 * 50 / 240) < 1e-9)
        #expect(r.intervals[2] == ReachedInterval(segment: 1, from: 375, to: 1000))
    }

    @Test func sourceBeyondTheLimitAndZeroLengthStretchesAreLeftOut() {
        let graph = corner()
        let r = reached(
            graph,
            [
                SearchSource(snap: at(graph, 0, 200), startSeconds: 60),
                SearchSource(snap: at(graph, 1, 500), startSeconds: 100),
            ], limit: 60, searchLimit: 60)
        #expect(r.intervals.isEmpty)
        #expect(r.roadKilometres == 0)
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func totalLengthMatchesSampledBruteForce(seed: UInt64) {
        let graph = randomGraph(seed: seed, nodeCount: 150)
        var rng = SplitMix64(state: seed)
        let sources = (0..<4).map { _ in SearchSource(snap: randomSnap(graph, &rng), startSeconds: rng.unit() * 30) }
        let reference = ReferenceRouter(graph, splitAt: sources.map(\.snap))
        let perSource = sources.map { reference.times(from: $0.snap, start: $0.startSeconds) }
        let nodeTimes = (0..<graph.nodeCount).map { v in perSource.map { $0[v] }.min()! }
        let limit = 240.0
        let r = reached(graph, sources, limit: limit, searchLimit: 400)
        #expect(r.intervals.count > 10)

        // Time to offset x of segment s from the reference node times.
        func time(_ s: Int, _ x: Double) -> Double {
            let length = graph.segmentLength[s]
            var best = Double.infinity
            let f = Int(graph.segmentForwardEdge[s])
            let b = Int(graph.segmentBackwardEdge[s])
            if f >= 0 { best = min(best, nodeTimes[Int(graph.segmentFrom[s])] + Double(graph.seconds[f]) * x / length) }
            if b >= 0 { best = min(best, nodeTimes[Int(graph.segmentTo[s])] + Double(graph.seconds[b]) * (length - x) / length) }
            for source in sources where source.snap.segment == s {
                let o = source.snap.offset
                if x >= o && f >= 0 { best = min(best, source.startSeconds + Double(graph.seconds[f]) * (x - o) / length) }
                if x <= o && b >= 0 { best = min(best, source.startSeconds + Double(graph.seconds[b]) * (o - x) / length) }
            }
            return best
        }
        let step = 0.25
        var sampled = 0.0
        var mismatches = 0
        for s in 0..<graph.segmentCount {
            let length = graph.segmentLength[s]
            let cells = Int((length / step).rounded(.up))
            let stretches = r.intervals.filter { $0.segment == s }
            for k in 0..<cells {
                let x = (Double(k) + 0.5) * length / Double(cells)
                let t = time(s, x)
                if t <= limit { sampled += length / Double(cells) }
                let inside = stretches.contains { $0.from <= x && x <= $0.to }
                if inside != (t <= limit) && abs(t - limit) > 0.02 { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
        #expect(abs(sampled / 1000 - r.roadKilometres) < 0.0005 * Double(r.intervals.count) + 0.001)
        for (a, b) in zip(r.intervals, r.intervals.dropFirst()) {
            #expect(a.segment < b.segment || (a.segment == b.segment && a.to < b.from))
        }
    }
}
