/// What a `MultiSourceSearch` reached: per node, the earliest time and the
/// source that got there first, and exact times to any point on a segment.
public struct SearchResult: Sendable {
    /// The graph searched.
    public let graph: RoadGraph
    /// The sources, in the order given (their indices are the `source` labels).
    public let sources: [SearchSource]
    /// The time limit of the search in seconds.
    public let limitSeconds: Double
    /// Earliest arrival at each node in seconds, `+infinity` when not reached
    /// within the limit.
    public let seconds: [Float]
    /// Index of the source that reaches each node first (lowest index on a
    /// tie), −1 when not reached.
    public let source: [Int32]
    /// The nodes reached within the limit, in the order they were first reached.
    public let reachedNodes: [UInt32]
    /// Source indices sorted by (segment, index), for the same-segment case.
    private let sourcesBySegment: [Int32]

    init(
        graph: RoadGraph, sources: [SearchSource], limitSeconds: Double,
        seconds: [Float], source: [Int32], reachedNodes: [UInt32]
    ) {
        self.graph = graph
        self.sources = sources
        self.limitSeconds = limitSeconds
        self.seconds = seconds
        self.source = source
        self.reachedNodes = reachedNodes
        sourcesBySegment = sources.indices
            .filter { sources[$0].startSeconds <= limitSeconds }
            .sorted { (sources[$0].snap.segment, $0) < (sources[$1].snap.segment, $1) }
            .map { Int32($0) }
    }

    /// The indices of the sources on segment `segment`, in increasing order.
    /// - Complexity: O(log S + k).
    public func sources(onSegment segment: Int) -> ArraySlice<Int32> {
        var low = 0
        var high = sourcesBySegment.count
        while low < high {
            let mid = (low + high) / 2
            if sources[Int(sourcesBySegment[mid])].snap.segment < segment { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < sourcesBySegment.count && sources[Int(sourcesBySegment[end])].snap.segment == segment { end += 1 }
        return sourcesBySegment[low..<end]
    }

    /// The earliest time any source reaches `target`, and that source (lowest
    /// index on a tie), or `nil` when no source reaches it within the limit.
    ///
    /// The minimum of: entering the target's segment at its start node and
    /// riding the forward edge to the target's offset; entering at its end
    /// node and riding the backward edge; and riding straight along the
    /// segment from a source on it, where one-way rules allow.
    /// - Complexity: O(log S + sources on the segment).
    public func time(to target: SnapPoint) -> (seconds: Double, source: Int)? {
        let s = target.segment
        let length = graph.segmentLength[s]
        let offset = min(max(target.offset, 0), length)
        var best = Double.infinity
        var bestSource = Int.max
        func offer(_ time: Double, _ from: Int) {
            if time < best || (time == best && from < bestSource) {
                best = time
                bestSource = from
            }
        }
        let start = Int(graph.segmentFrom[s])
        let end = Int(graph.segmentTo[s])
        let startTime = Double(seconds[start])
        let endTime = Double(seconds[end])
        if startTime.isFinite {
            if offset <= 0 { offer(startTime, Int(source[start])) }
            let forward = Int(graph.segmentForwardEdge[s])
            if forward >= 0 { offer(startTime + graph.partialSeconds(edge: forward, meters: offset), Int(source[start])) }
        }
        if endTime.isFinite {
            if offset >= length { offer(endTime, Int(source[end])) }
            let backward = Int(graph.segmentBackwardEdge[s])
            if backward >= 0 { offer(endTime + graph.partialSeconds(edge: backward, meters: length - offset), Int(source[end])) }
        }
        for i in sources(onSegment: s) {
            let from = sources[Int(i)]
            if let along = graph.secondsAlong(segment: s, from: from.snap.offset, to: offset) {
                offer(from.startSeconds + along, Int(i))
            }
        }
        return best <= limitSeconds ? (best, bestSource) : nil
    }
}
