/// Target points (hotspots, demand points, candidate sites) grouped by
/// segment, so that after a search only the targets next to what it reached
/// are looked at: the building block of station counts and coverage matrices.
///
/// Keep one per thread (it carries a small reusable visit stamp per segment).
public struct SearchTargets: Sendable {
    /// The targets, in the order given (their indices are what `forEachReached` reports).
    public let targets: [SnapPoint]
    /// Targets by segment: `targetOrder[targetStart[s] ..< targetStart[s + 1]]`.
    private let targetStart: [Int32]
    private let targetOrder: [Int32]
    /// Segments carrying targets, by node: `incident[incidentStart[u] ..< incidentStart[u + 1]]`.
    private let incidentStart: [Int32]
    private let incident: [Int32]
    /// `visited[s] == stamp` when segment `s` was looked at in the current call.
    private var visited: [UInt32]
    private var stamp: UInt32 = 0

    /// Groups `targets` (snapped onto `graph`) by segment and node.
    /// - Complexity: O(nodes + segments + targets).
    public init(graph: RoadGraph, targets: [SnapPoint]) {
        self.targets = targets
        let nodeCount = graph.nodeCount
        let segmentCount = graph.segmentCount
        var targetStart = [Int32](repeating: 0, count: segmentCount + 1)
        for t in targets { targetStart[t.segment + 1] += 1 }
        for s in 0..<segmentCount { targetStart[s + 1] += targetStart[s] }
        var targetOrder = [Int32](repeating: 0, count: targets.count)
        var fill = targetStart
        for (i, t) in targets.enumerated() {
            targetOrder[Int(fill[t.segment])] = Int32(i)
            fill[t.segment] += 1
        }
        var incidentStart = [Int32](repeating: 0, count: nodeCount + 1)
        for s in 0..<segmentCount where targetStart[s + 1] > targetStart[s] {
            incidentStart[Int(graph.segmentFrom[s]) + 1] += 1
            incidentStart[Int(graph.segmentTo[s]) + 1] += 1
        }
        for u in 0..<nodeCount { incidentStart[u + 1] += incidentStart[u] }
        var incident = [Int32](repeating: 0, count: Int(incidentStart[nodeCount]))
        var next = incidentStart
        for s in 0..<segmentCount where targetStart[s + 1] > targetStart[s] {
            let start = Int(graph.segmentFrom[s])
            let end = Int(graph.segmentTo[s])
            incident[Int(next[start])] = Int32(s)
            next[start] += 1
            incident[Int(next[end])] = Int32(s)
            next[end] += 1
        }
        self.targetStart = targetStart
        self.targetOrder = targetOrder
        self.incidentStart = incidentStart
        self.incident = incident
        visited = [UInt32](repeating: 0, count: segmentCount)
    }

    /// Calls `body(target, seconds, source)` once for every target that
    /// `result` reaches within its limit, with the time and source of
    /// `SearchResult.time(to:)`. Only targets on segments at a reached node
    /// or under a source are evaluated; the order follows `reachedNodes`
    /// (deterministic).
    /// - Complexity: O(segment ends at reached nodes + targets on those
    ///   segments + sources).
    public mutating func forEachReached(in result: SearchResult, _ body: (_ target: Int, _ seconds: Double, _ source: Int) -> Void) {
        if stamp == UInt32.max {
            for s in visited.indices { visited[s] = 0 }
            stamp = 0
        }
        stamp += 1
        for u in result.reachedNodes {
            for k in Int(incidentStart[Int(u)])..<Int(incidentStart[Int(u) + 1]) {
                evaluate(segment: Int(incident[k]), result, body)
            }
        }
        for start in result.sources where start.startSeconds <= result.limitSeconds {
            evaluate(segment: start.snap.segment, result, body)
        }
    }

    @inline(__always)
    private mutating func evaluate(segment s: Int, _ result: SearchResult, _ body: (Int, Double, Int) -> Void) {
        guard visited[s] != stamp else { return }
        visited[s] = stamp
        for k in Int(targetStart[s])..<Int(targetStart[s + 1]) {
            let t = Int(targetOrder[k])
            if let hit = result.time(to: targets[t]) { body(t, hit.seconds, hit.source) }
        }
    }
}
