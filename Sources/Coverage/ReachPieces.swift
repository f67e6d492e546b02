import GeoCore
import RoadNetwork

/// Turns reached stretches of road into the few long polylines that are
/// cheapest to buffer.
///
/// The buffer of a union of lines is the union of their buffers, so any way of
/// grouping the reached stretches into polylines gives the same service area.
/// GEOS's cost grows with the number of pieces it must union, so stretches are
/// joined into chains: at every node, the stretch ends that meet there are
/// paired up (in a fixed order) and each pair becomes a pass through the node.
/// A street crossed by side streets becomes one chain instead of one piece per
/// block, and a grid decomposes into about half as many chains as it has
/// nodes with an odd number of reached stretches.
enum ReachPieces {
    /// Offsets within this many metres of a segment's end count as reaching its
    /// node, as `RoadGraph.points(segment:from:to:)` snaps them to its end vertex.
    static let nodeTolerance = RoadGraph.vertexSnap

    /// The stretches of `current` that `previous` does not hold. Both lists are
    /// sorted by segment and offset with non-overlapping stretches, as
    /// `ReachedIntervals` gives them; so is the result. Stretches of zero
    /// length are dropped.
    /// - Complexity: O(n + m).
    static func difference(_ current: [ReachedInterval], minus previous: [ReachedInterval]) -> [ReachedInterval] {
        var result: [ReachedInterval] = []
        var p = 0
        for stretch in current {
            while p < previous.count
                && (previous[p].segment < stretch.segment
                    || (previous[p].segment == stretch.segment && previous[p].to <= stretch.from))
            {
                p += 1
            }
            var from = stretch.from
            var q = p
            while q < previous.count && previous[q].segment == stretch.segment && previous[q].from < stretch.to {
                if previous[q].from > from { result.append(ReachedInterval(segment: stretch.segment, from: from, to: previous[q].from)) }
                from = max(from, previous[q].to)
                q += 1
            }
            if stretch.to > from { result.append(ReachedInterval(segment: stretch.segment, from: from, to: stretch.to)) }
        }
        return result
    }

    /// The stretches as planar polylines joined into chains through the nodes
    /// where they meet, in a deterministic order.
    /// - Complexity: O(n log n + points) for n stretches.
    static func chains(_ stretches: [ReachedInterval], graph: RoadGraph) -> [[PlanarPoint]] {
        // End 2i is stretch i's start (lower offset), end 2i + 1 its end.
        var ends: [(node: Int, end: Int)] = []
        ends.reserveCapacity(2 * stretches.count)
        for (i, stretch) in stretches.enumerated() {
            let s = stretch.segment
            if stretch.from <= nodeTolerance { ends.append((Int(graph.segmentFrom[s]), 2 * i)) }
            if stretch.to >= graph.segmentLength[s] - nodeTolerance { ends.append((Int(graph.segmentTo[s]), 2 * i + 1)) }
        }
        ends.sort { ($0.node, $0.end) < ($1.node, $1.end) }
        var partner = [Int](repeating: -1, count: 2 * stretches.count)
        var k = 0
        while k + 1 < ends.count {
            if ends[k].node == ends[k + 1].node {
                partner[ends[k].end] = ends[k + 1].end
                partner[ends[k + 1].end] = ends[k].end
                k += 2
            } else {
                k += 1
            }
        }

        var used = [Bool](repeating: false, count: stretches.count)
        var chains: [[PlanarPoint]] = []
        /// Walks from end `start` of its stretch through the stretch and on through paired ends.
        func walk(from start: Int) {
            var chain: [PlanarPoint] = []
            var entry = start
            while entry >= 0, !used[entry / 2] {
                let i = entry / 2
                used[i] = true
                let stretch = stretches[i]
                let forward = entry % 2 == 0
                // The stretch's points, its first left out where it repeats the chain's last.
                var first = true
                graph.forEachPoint(
                    segment: stretch.segment, from: forward ? stretch.from : stretch.to, to: forward ? stretch.to : stretch.from
                ) { point in
                    if first {
                        first = false
                        if chain.last == point { return }
                    }
                    chain.append(point)
                }
                entry = partner[entry ^ 1]
            }
            chains.append(chain)
        }
        // Open chains from their free ends first, then the closed loops that remain.
        for end in 0..<(2 * stretches.count) where partner[end] < 0 && !used[end / 2] { walk(from: end) }
        for i in stretches.indices where !used[i] { walk(from: 2 * i) }
        return chains
    }
}
