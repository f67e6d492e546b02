import Foundation
import RoadNetwork

/// Which sources (stations) reach each target within a time limit: the
/// covering sets N_i of the maximal covering location problem (Church &
/// ReVelle 1974), with a per-target extra time (the hotspot's walk to its
/// road, `--hotspot-walk on`).
public enum CoveringStations {
    /// For each target, the indices of `sources` whose ride plus
    /// `extraSeconds[target]` is at most `limitSeconds`, increasing.
    ///
    /// One bounded search per source in a reused `MultiSourceSearch`
    /// workspace, evaluating only the targets next to what it reached
    /// (`SearchTargets`), spread over `workers` threads by `ParallelJobs`;
    /// the lists are merged and sorted, so they do not depend on `workers`.
    /// - Complexity: as `StationCounts`, plus O(Σ|list| log) for the sort.
    public static func lists(
        graph: RoadGraph, sources: [SearchSource], targets: [SnapPoint], extraSeconds: [Double], limitSeconds: Double,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> [[Int]] {
        precondition(extraSeconds.count == targets.count, "one extra time per target")
        let index = SearchTargets(graph: graph, targets: targets)
        let chunks = max(1, min(workers, sources.count / 16))
        let perWorker = ParallelJobs.map(
            count: chunks, workers: chunks, makeState: { (search: MultiSourceSearch(graph: graph), near: index) }
        ) {
            state, chunk in
            var pairs: [(target: Int, source: Int)] = []
            for i in stride(from: chunk, to: sources.count, by: chunks) {
                let result = state.search.run([sources[i]], limitSeconds: limitSeconds)
                state.near.forEachReached(in: result) { t, seconds, _ in
                    if seconds + extraSeconds[t] <= limitSeconds { pairs.append((t, i)) }
                }
            }
            return pairs
        }
        var lists = [[Int]](repeating: [], count: targets.count)
        for pairs in perWorker { for pair in pairs { lists[pair.target].append(pair.source) } }
        return lists.map { $0.sorted() }
    }
}
