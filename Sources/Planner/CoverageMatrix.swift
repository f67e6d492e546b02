import Foundation
import RoadNetwork

/// Builds the sparse site × hotspot time matrix on a road network: one bounded search per site.
///
/// Each site's search starts door to door (`SearchSource(doorToDoor:)`: the walk from the site to its
/// road at walking speed counts), runs on the directed graph from the site outwards, and stops at the
/// search limit; `SearchTargets` then evaluates only the hotspots next to what it reached. The time of
/// a hotspot is the time to its road point — its own distance to the road is not timed — exactly as
/// `HotspotAudit` times it from the existing stations, so the planner and the audit agree on which
/// hotspots a station covers.
///
/// Times are stored as the smallest `Float` not below the search's `Double` time, so a hotspot is
/// within a limit that a `Float` represents exactly (any whole number of tenths of a minute) in the
/// matrix exactly when it is within it in the audit.
public enum CoverageMatrix {
    /// The times from every site in `sites` (one matrix row each, in order) to the hotspots
    /// (one column each, in order) reached within `limitSeconds`.
    ///
    /// A nil hotspot (unroutable) keeps its column with no entries. Sites are spread over `workers`
    /// threads, each with its own search workspace; rows do not depend on `workers`.
    /// - Precondition: `limitSeconds` is finite and not negative.
    /// - Complexity: O(S × ((V_r + E_r) log V_r + hotspots near each reach)) for S sites, divided over
    ///   the workers; O(workers × V) memory for the workspaces.
    public static func build(
        graph: RoadGraph, sites: [SnapPoint], hotspots: [SnapPoint?], limitSeconds: Double,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> SparseTimeMatrix {
        precondition(limitSeconds.isFinite && limitSeconds >= 0, "the search limit must be a finite number of seconds ≥ 0")
        let columns = hotspots.indices.filter { hotspots[$0] != nil }
        let index = SearchTargets(graph: graph, targets: columns.map { hotspots[$0]! })
        let chunks = max(1, min(workers, sites.count / 8))
        let rows = ParallelJobs.map(
            count: sites.count, workers: chunks, makeState: { (search: MultiSourceSearch(graph: graph), near: index) }
        ) {
            state, site in
            let result = state.search.run([SearchSource(doorToDoor: sites[site])], limitSeconds: limitSeconds)
            var row: [(demand: Int32, seconds: Float)] = []
            state.near.forEachReached(in: result) { target, seconds, _ in
                row.append((Int32(columns[target]), floatNotBelow(seconds)))
            }
            row.sort { $0.demand < $1.demand }
            return row
        }
        var starts = [0]
        starts.reserveCapacity(sites.count + 1)
        var indices: [Int32] = []
        var seconds: [Float] = []
        for row in rows {
            for entry in row {
                indices.append(entry.demand)
                seconds.append(entry.seconds)
            }
            starts.append(indices.count)
        }
        // Each row holds each reached hotspot once (`forEachReached` reports a target once), sorted,
        // with finite non-negative times: the checks cannot fail.
        return try! SparseTimeMatrix(demandCount: hotspots.count, rowStarts: starts, demandIndices: indices, seconds: seconds)
    }

    /// The smallest `Float` not below `value`.
    static func floatNotBelow(_ value: Double) -> Float {
        let rounded = Float(value)
        return Double(rounded) < value ? rounded.nextUp : rounded
    }
}
