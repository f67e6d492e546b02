import Dispatch
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
        let totals = CountTotals(targets: targets.count, nodes: graph.nodeCount)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var targetsHere = [Int32](repeating: 0, count: targets.count)
            var nodesHere = [Int32](repeating: 0, count: graph.nodeCount)
            var search = MultiSourceSearch(graph: graph)
            var near = index
            for i in stride(from: chunk, to: sources.count, by: chunks) {
                let result = search.run([sources[i]], limitSeconds: limitSeconds)
                for u in result.reachedNodes { nodesHere[Int(u)] += 1 }
                near.forEachReached(in: result) { t, _, _ in targetsHere[t] += 1 }
            }
            totals.add(targets: targetsHere, nodes: nodesHere)
        }
        let (targetCounts, nodeCounts) = totals.values
        self.targetCounts = targetCounts
        self.nodeCounts = nodeCounts
    }
}

/// Per-worker counts summed under a lock.
private final class CountTotals: @unchecked Sendable {
    private let lock = NSLock()
    private var targets: [Int32]
    private var nodes: [Int32]

    init(targets: Int, nodes: Int) {
        self.targets = [Int32](repeating: 0, count: targets)
        self.nodes = [Int32](repeating: 0, count: nodes)
    }

    func add(targets more: [Int32], nodes moreNodes: [Int32]) {
        lock.lock()
        defer { lock.unlock() }
        for t in targets.indices { targets[t] += more[t] }
        for u in nodes.indices { nodes[u] += moreNodes[u] }
    }

    var values: ([Int32], [Int32]) {
        lock.lock()
        defer { lock.unlock() }
        return (targets, nodes)
    }
}
