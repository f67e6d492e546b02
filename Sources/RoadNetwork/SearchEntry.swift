/// How a search enters the network from a snapped point: the node reached,
/// the seconds spent on the point's own segment to get there, and along
/// which part of the segment.
struct SearchEntry: Hashable {
    /// How the point's own segment was used to reach `node`.
    enum Kind: Int8, Hashable {
        /// The point is at the node's position.
        case atNode
        /// Along the forward edge from the point to the segment's end node.
        case forward
        /// Along the backward edge from the point to the segment's start node.
        case backward
    }

    var node: Int
    var seconds: Double
    var kind: Kind
}

extension RoadGraph {
    /// Seconds to travel `meters` along directed edge `e` (a part of its
    /// segment), at the edge's speed; exactly `seconds[e]` for the whole edge.
    @inline(__always)
    func partialSeconds(edge e: Int, meters: Double) -> Double {
        let length = segmentLength[Int(edgeSegment[e])]
        return length > 0 ? Double(seconds[e]) * (meters / length) : 0
    }

    /// Calls `body` for each node a search starting at `snap` enters, in a
    /// fixed order: a point at a node's position (offset 0 or the full
    /// length) starts at that node; a point inside the segment reaches the
    /// end node over the rest of the forward edge and the start node over the
    /// first part of the backward edge, only where those edges exist (one-way).
    func forEachEntry(of snap: SnapPoint, _ body: (SearchEntry) -> Void) {
        let s = snap.segment
        let length = segmentLength[s]
        if snap.offset <= 0 || snap.offset >= length {
            if snap.offset <= 0 { body(SearchEntry(node: Int(segmentFrom[s]), seconds: 0, kind: .atNode)) }
            if snap.offset >= length { body(SearchEntry(node: Int(segmentTo[s]), seconds: 0, kind: .atNode)) }
            return
        }
        let forward = Int(segmentForwardEdge[s])
        if forward >= 0 {
            body(
                SearchEntry(
                    node: Int(segmentTo[s]), seconds: partialSeconds(edge: forward, meters: length - snap.offset), kind: .forward))
        }
        let backward = Int(segmentBackwardEdge[s])
        if backward >= 0 {
            body(
                SearchEntry(
                    node: Int(segmentFrom[s]), seconds: partialSeconds(edge: backward, meters: snap.offset), kind: .backward))
        }
    }

    /// Seconds from a point at offset `from` to a point at offset `to` on the
    /// same segment `s` without leaving it, or `nil` when the one-way
    /// direction forbids it.
    func secondsAlong(segment s: Int, from: Double, to: Double) -> Double? {
        if to == from { return 0 }
        let edge = Int(to > from ? segmentForwardEdge[s] : segmentBackwardEdge[s])
        return edge >= 0 ? partialSeconds(edge: edge, meters: abs(to - from)) : nil
    }
}
