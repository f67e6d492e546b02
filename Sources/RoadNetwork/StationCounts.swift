/// How many sources (stations) reach each target and each node within a
/// time limit: the coverage multiplicity the planner and the audit need.
public struct StationCounts: Sendable {
    /// For each target, in input order, the number of sources that reach it
    /// within the limit.
    public let targetCounts: [Int32]
    /// For each node, the number of sources that reach it within the limit.
    public let nodeCounts: [Int32]

    /// Runs one bounded search per source in a reused `MultiSourceSearch`
    /// workspace and, after each, evaluates only the targets on segments
    /// touching a reached node or on the source's own segment (each segment
    /// once per source).
    /// - Complexity: O(S × (V_r + E_r) log V_r + S × targets near each
    ///   source's reach) for S sources; no per-search allocation beyond the
    ///   result's small source index.
    public init(graph: RoadGraph, sources: [SearchSource], targets: [SnapPoint], limitSeconds: Double) {
        let nodeCount = graph.nodeCount, segmentCount = graph.segmentCount
        // Targets grouped by segment (counting sort, stable in input order).
        var targetStart = [Int32](repeating: 0, count: segmentCount + 1)
        for t in targets { targetStart[t.segment + 1] += 1 }
        for s in 0..<segmentCount { targetStart[s + 1] += targetStart[s] }
        var targetOrder = [Int32](repeating: 0, count: targets.count)
        var fill = targetStart
        for (i, t) in targets.enumerated() {
            targetOrder[Int(fill[t.segment])] = Int32(i)
            fill[t.segment] += 1
        }
        // For each node, the segments at it that carry targets.
        var incidentStart = [Int32](repeating: 0, count: nodeCount + 1)
        for s in 0..<segmentCount where targetStart[s + 1] > targetStart[s] {
            incidentStart[Int(graph.segmentFrom[s]) + 1] += 1
            incidentStart[Int(graph.segmentTo[s]) + 1] += 1
        }
        for u in 0..<nodeCount { incidentStart[u + 1] += incidentStart[u] }
        var incident = [Int32](repeating: 0, count: Int(incidentStart[nodeCount]))
        var next = incidentStart
        for s in 0..<segmentCount where targetStart[s + 1] > targetStart[s] {
            let start = Int(graph.segmentFrom[s]), end = Int(graph.segmentTo[s])
            incident[Int(next[start])] = Int32(s)
            next[start] += 1
            incident[Int(next[end])] = Int32(s)
            next[end] += 1
        }

        var targetCounts = [Int32](repeating: 0, count: targets.count)
        var nodeCounts = [Int32](repeating: 0, count: nodeCount)
        var visitedBy = [Int32](repeating: -1, count: segmentCount)
        var search = MultiSourceSearch(graph: graph)
        for (i, start) in sources.enumerated() {
            let result = search.run([start], limitSeconds: limitSeconds)
            func evaluate(segment s: Int) {
                guard visitedBy[s] != Int32(i) else { return }
                visitedBy[s] = Int32(i)
                for k in Int(targetStart[s])..<Int(targetStart[s + 1]) {
                    let t = Int(targetOrder[k])
                    if result.time(to: targets[t]) != nil { targetCounts[t] += 1 }
                }
            }
            for u in result.reachedNodes {
                nodeCounts[Int(u)] += 1
                for k in Int(incidentStart[Int(u)])..<Int(incidentStart[Int(u) + 1]) { evaluate(segment: Int(incident[k])) }
            }
            if start.startSeconds <= limitSeconds { evaluate(segment: start.snap.segment) }
        }
        self.targetCounts = targetCounts
        self.nodeCounts = nodeCounts
    }
}
