import GeoCore
import TestSupport
import Testing

@testable import RoadNetwork

/// A random road network: `nodeCount` nodes scattered over 3 km × 3 km,
/// each joined to its nearest neighbours by polylines with 0–3 bends, some
/// parallel segments and loops, 20% one-way (either way), 10% walked.
func randomGraph(seed: UInt64, nodeCount: Int) -> RoadGraph {
    var rng = SplitMix64(state: seed)
    var builder = RoadGraphBuilder(crs: "EPSG:4544", profile: .ebike, cruiseSpeedKmh: 15)
    var positions: [PlanarPoint] = []
    for _ in 0..<nodeCount {
        let p = PlanarPoint(x: rng.unit() * 3000, y: rng.unit() * 3000)
        positions.append(p)
        builder.addNode(lon: 0, lat: 0, x: p.x, y: p.y)
    }
    func addRoad(_ u: Int, _ v: Int) {
        var points = [positions[u]]
        let bends = rng.below(4)
        for k in 0..<bends {
            let t = Double(k + 1) / Double(bends + 1)
            let a = positions[u]
            let b = positions[v]
            points.append(
                PlanarPoint(
                    x: a.x + (b.x - a.x) * t + rng.unit() * 60 - 30, y: a.y + (b.y - a.y) * t + rng.unit() * 60 - 30))
        }
        if u == v {  // a loop needs a real detour
            points.append(PlanarPoint(x: positions[u].x + 40, y: positions[u].y))
            points.append(PlanarPoint(x: positions[u].x + 40, y: positions[u].y + 40))
        }
        points.append(positions[v])
        let direction = rng.unit()
        builder.addSegment(
            from: UInt32(u), to: UInt32(v), points: points,
            forward: direction >= 0.1, backward: direction < 0.1 || direction >= 0.2, walked: rng.unit() < 0.1)
    }
    var joined = Set<Int>()
    for u in 0..<nodeCount {
        let nearest = (0..<nodeCount).filter { $0 != u }.sorted {
            let a = positions[$0]
            let b = positions[$1]
            let p = positions[u]
            return ((a.x - p.x) * (a.x - p.x) + (a.y - p.y) * (a.y - p.y), $0) < ((b.x - p.x) * (b.x - p.x) + (b.y - p.y) * (b.y - p.y), $1)
        }
        for v in nearest.prefix(3) {
            let pair = min(u, v) * nodeCount + max(u, v)
            // A pair met again becomes a parallel segment now and then.
            if joined.insert(pair).inserted || rng.unit() < 0.1 { addRoad(u, v) }
        }
        if rng.unit() < 0.02 { addRoad(u, u) }
    }
    return builder.build()
}

/// A random point on a random segment; one in eight sits exactly at a node.
func randomSnap(_ graph: RoadGraph, _ rng: inout SplitMix64) -> SnapPoint {
    let s = rng.below(graph.segmentCount)
    let length = graph.segmentLength[s]
    let roll = rng.below(16)
    let offset = roll == 0 ? 0 : roll == 1 ? length : rng.unit() * length
    return SnapPoint(segment: s, offset: offset, distance: 0, point: graph.pointAt(segment: s, offset: offset))
}

/// A plain Dijkstra in `Double` on an expanded copy of the graph in which
/// every segment is split at the given points, so sources and targets are
/// ordinary nodes. Independent of the code under test.
struct ReferenceRouter {
    /// Adjacency: (head, seconds) per expanded node.
    private var adjacency: [[(Int, Double)]]
    private var pointNode: [SnapPoint: Int] = [:]
    let originalNodeCount: Int

    init(_ graph: RoadGraph, splitAt points: [SnapPoint]) {
        originalNodeCount = graph.nodeCount
        adjacency = Array(repeating: [], count: graph.nodeCount)
        var cuts = [Int: [Double]]()
        for p in points { cuts[p.segment, default: []].append(p.offset) }
        for s in 0..<graph.segmentCount {
            let length = graph.segmentLength[s]
            let inner = Set((cuts[s] ?? []).filter { $0 > 0 && $0 < length }).sorted()
            var chain = [(Int(graph.segmentFrom[s]), 0.0)]
            for offset in inner {
                adjacency.append([])
                chain.append((adjacency.count - 1, offset))
            }
            chain.append((Int(graph.segmentTo[s]), length))
            for k in 1..<chain.count {
                let piece = chain[k].1 - chain[k - 1].1
                let f = Int(graph.segmentForwardEdge[s])
                let b = Int(graph.segmentBackwardEdge[s])
                if f >= 0 { adjacency[chain[k - 1].0].append((chain[k].0, Double(graph.seconds[f]) * piece / max(length, 1e-300))) }
                if b >= 0 { adjacency[chain[k].0].append((chain[k - 1].0, Double(graph.seconds[b]) * piece / max(length, 1e-300))) }
            }
            for p in points where p.segment == s {
                pointNode[p] =
                    p.offset <= 0
                    ? chain.first!.0
                    : p.offset >= length
                        ? chain.last!.0
                        : chain.first { $0.1 == p.offset }!.0
            }
        }
    }

    /// The expanded node standing for `point`.
    func node(_ point: SnapPoint) -> Int { pointNode[point]! }

    /// Seconds from `point` (clock starting at `start`) to every expanded node.
    func times(from point: SnapPoint, start: Double) -> [Double] {
        var best = [Double](repeating: .infinity, count: adjacency.count)
        var done = [Bool](repeating: false, count: adjacency.count)
        best[node(point)] = start
        while true {
            var u = -1
            for v in 0..<best.count where !done[v] && best[v].isFinite && (u < 0 || best[v] < best[u]) { u = v }
            if u < 0 { return best }
            done[u] = true
            for (v, t) in adjacency[u] where best[u] + t < best[v] { best[v] = best[u] + t }
        }
    }
}

@Suite struct RandomGraphTests {
    /// Float node times accumulate rounding; this is far below anything a rider notices.
    let tolerance = 0.02

    @Test(arguments: [1, 2, 3] as [UInt64])
    func multiSourceSearchMatchesReferenceOnEveryNodeAndTarget(seed: UInt64) {
        let graph = randomGraph(seed: seed, nodeCount: 250)
        var rng = SplitMix64(state: seed &* 1000)
        let sources = (0..<6).map { _ in SearchSource(snap: randomSnap(graph, &rng), startSeconds: rng.unit() * 60) }
        let targets = (0..<150).map { _ in randomSnap(graph, &rng) }
        let reference = ReferenceRouter(graph, splitAt: sources.map(\.snap) + targets)
        let perSource = sources.map { reference.times(from: $0.snap, start: $0.startSeconds) }
        let limit = 500.0
        var search = MultiSourceSearch(graph: graph)
        let result = search.run(sources, limitSeconds: limit)

        func check(_ got: (seconds: Double, source: Int)?, expectedNode v: Int) {
            let times = perSource.map { $0[v] }
            let best = times.min()!
            if best > limit + tolerance {
                #expect(got == nil)
            } else if best < limit - tolerance {
                guard let got else {
                    Issue.record("reachable at \(best) s but not found")
                    return
                }
                #expect(abs(got.seconds - best) < tolerance)
                #expect(abs(times[got.source] - best) < tolerance)
            }
        }
        var reachedCount = 0
        for v in 0..<graph.nodeCount {
            let seconds = Double(result.seconds[v])
            check(seconds.isFinite ? (seconds, Int(result.source[v])) : nil, expectedNode: v)
            if seconds.isFinite { reachedCount += 1 }
        }
        #expect(reachedCount == result.reachedNodes.count)
        #expect(reachedCount > graph.nodeCount / 10 && reachedCount < graph.nodeCount)  // the limit really cuts
        for target in targets { check(result.time(to: target), expectedNode: reference.node(target)) }
    }

    @Test(arguments: [4, 5] as [UInt64])
    func routesMatchReferenceAndTheirOwnGeometry(seed: UInt64) {
        let graph = randomGraph(seed: seed, nodeCount: 200)
        var rng = SplitMix64(state: seed &* 77)
        var found = 0
        for _ in 0..<60 {
            let from = randomSnap(graph, &rng)
            let to = randomSnap(graph, &rng)
            let reference = ReferenceRouter(graph, splitAt: [from, to])
            let expected = reference.times(from: from, start: 0)[reference.node(to)]
            let route = ShortestPath.route(graph, from: from, to: to)
            guard let route else {
                #expect(expected == .infinity)
                continue
            }
            found += 1
            #expect(abs(route.seconds - expected) < tolerance)
            var polylineMeters = 0.0
            for k in 1..<route.points.count {
                let a = route.points[k - 1]
                let b = route.points[k]
                polylineMeters += ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            }
            #expect(abs(polylineMeters - route.meters) < 1e-6 * max(1, route.meters))
            #expect(abs(route.points.first!.x - from.point.x) < 1e-6 && abs(route.points.first!.y - from.point.y) < 1e-6)
            #expect(abs(route.points.last!.x - to.point.x) < 1e-6 && abs(route.points.last!.y - to.point.y) < 1e-6)
        }
        #expect(found > 20 && found < 60)
    }
}
