import Foundation

/// How many sources (stations) reach each target and each node within a
/// time limit: the coverage multiplicity the planner and the audit need.
public struct StationCounts: Sendable {
    /// For each target, in input order, the number of sources that reach it
    /// within the limit.
    public let targetCounts: [Int32]
    /// For each node, the number of sources that reach it within the limit.
    public let nodeCounts: [Int32]

    /// Runs one bounded search per source in a reused `MultiSourceSearch`
    /// workspace and, after each, evaluates only the targets next to what it
    /// reached (`SearchTargets`). Sources are spread over `workers` threads,
    /// each with its own workspace; counts are sums, so the result does not
    /// depend on `workers`.
    /// - Complexity: O(S × ((V_r + E_r) log V_r + targets near each reach))
    ///   for S sources, divided over the workers; O(workers × V) memory.
    public init(
        graph: RoadGraph, sources: [SearchSource], targets: [SnapPoint], limitSeconds: Double,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        let index = SearchTargets(graph: graph, targets: targets)
        let chunks = max(1, min(workers, sources.count / 16))
        let perWorker = ParallelJobs.map(
            count: chunks, workers: chunks, makeState: { (search: MultiSourceSearch(graph: graph), near: index) }
        ) {
            state, chunk in
            var targetsHere = [Int32](repeating: 0, count: targets.count)
            var nodesHere = [Int32](repeating: 0, count: graph.nodeCount)
            for i in stride(from: chunk, to: sources.count, by: chunks) {
                let result = state.search.run([sources[i]], limitSeconds: limitSeconds)
                for u in result.reachedNodes { nodesHere[Int(u)] += 1 }
                state.near.forEachReached(in: result) { t, _, _ in targetsHere[t] += 1 }
            }
            return (targets: targetsHere, nodes: nodesHere)
        }
        var targetCounts = [Int32](repeating: 0, count: targets.count)
        var nodeCounts = [Int32](repeating: 0, count: graph.nodeCount)
        for counts in perWorker {
            for t in targetCounts.indices { targetCounts[t] += counts.targets[t] }
            for u in nodeCounts.indices { nodeCounts[u] += counts.nodes[u] }
        }
        self.targetCounts = targetCounts
        self.nodeCounts = nodeCounts
    }
}
