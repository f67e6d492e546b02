/// Which way a time is measured between a station and a point on the road.
///
/// A rider rides **to** a station: the time that matters is from the
/// rider's point to the station, with one-way rules applied in the riding
/// direction. A search that starts at the stations answers that question
/// only on the reversed graph (`RoadGraph.reversed()`); on the graph itself
/// it answers "how soon does someone leaving the station get there".
public enum TravelDirection: String, CaseIterable, Sendable, Hashable {
    /// From the point to the station (`--direction to-station`, the default).
    case toStation = "to-station"
    /// From the station out to the point (`--direction from-station`, the
    /// behaviour before directions existed).
    case fromStation = "from-station"

    /// The default: riders ride to the station.
    public static let defaultDirection: TravelDirection = .toStation

    /// The graph a search starting at the stations must run on to measure
    /// times in this direction: `graph` itself for `fromStation`, its
    /// reversal for `toStation`.
    /// - Complexity: O(1) for `fromStation`, O(nodes + edges) for `toStation`.
    public func searchGraph(for graph: RoadGraph) -> RoadGraph {
        self == .fromStation ? graph : graph.reversed()
    }
}

extension SnapPoint {
    /// Seconds to walk between the site and its road, `distance` at
    /// `TravelProfile.walkingSpeedKmh`: the hotspot's end of a door-to-door
    /// time (`--hotspot-walk`), as `SearchSource(doorToDoor:)` is the station's.
    public var walkSeconds: Double { distance / (TravelProfile.walkingSpeedKmh / 3.6) }
}

extension RoadGraph {
    /// The same road network with every directed edge turned round: edge
    /// u→v of segment s with `t` seconds becomes v→u of the same segment,
    /// traversing it the other way, with the same `t`, walked flag and
    /// geometry. Nodes, segments, polylines and their indices are unchanged,
    /// so snap points, `SegmentIndex` results and `SearchSource`s made for
    /// `self` are valid on the reversal.
    ///
    /// A multi-source search from the stations on the reversed graph gives,
    /// for every node and snapped point, the time to ride from there **to**
    /// the nearest station on `self` (one-way rules in the riding
    /// direction): a path p → station on `self` is the same edges backwards
    /// on the reversal. `MultiSourceSearch` and `SearchResult` run on it
    /// unchanged: the forward edge of a segment on the reversal is the
    /// backward edge of `self` and vice versa, which is exactly what their
    /// partial-edge entries and same-segment shortcuts need. Reversing
    /// twice gives back an equal graph up to the order of edges within a node.
    ///
    /// A door-to-door start (`SearchSource(doorToDoor:)`) on the reversal is
    /// the walk from the station's road to its door, the last leg of the ride.
    /// - Complexity: O(nodes + edges) time and memory (one counting sort by
    ///   the new tail node; edges of one node keep their original order).
    public func reversed() -> RoadGraph {
        let n = nodeCount
        let m = edgeCount
        var tail = [UInt32](repeating: 0, count: m)
        for u in 0..<n {
            for e in outEdges(u) { tail[e] = UInt32(u) }
        }
        var newFirstOut = [UInt32](repeating: 0, count: n + 1)
        for e in 0..<m { newFirstOut[Int(head[e]) + 1] += 1 }
        for u in 0..<n { newFirstOut[u + 1] += newFirstOut[u] }
        var next = newFirstOut
        var newHead = [UInt32](repeating: 0, count: m)
        var newSeconds = [Float](repeating: 0, count: m)
        var newSegment = [UInt32](repeating: 0, count: m)
        var newForward = [Bool](repeating: false, count: m)
        var newWalked = [Bool](repeating: false, count: m)
        var newSegmentForward = [Int32](repeating: -1, count: segmentCount)
        var newSegmentBackward = [Int32](repeating: -1, count: segmentCount)
        for e in 0..<m {
            let v = Int(head[e])
            let r = Int(next[v])
            next[v] += 1
            newHead[r] = tail[e]
            newSeconds[r] = seconds[e]
            newSegment[r] = edgeSegment[e]
            newForward[r] = !edgeForward[e]
            newWalked[r] = edgeWalked[e]
            let s = Int(edgeSegment[e])
            if edgeForward[e] { newSegmentBackward[s] = Int32(r) } else { newSegmentForward[s] = Int32(r) }
        }
        var copy = self
        copy.firstOut = newFirstOut
        copy.head = newHead
        copy.seconds = newSeconds
        copy.edgeSegment = newSegment
        copy.edgeForward = newForward
        copy.edgeWalked = newWalked
        copy.segmentForwardEdge = newSegmentForward
        copy.segmentBackwardEdge = newSegmentBackward
        return copy
    }
}
