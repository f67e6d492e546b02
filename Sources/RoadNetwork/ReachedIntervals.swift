/// A reached stretch of one segment: offsets `from ≤ to` in metres from the
/// segment's start along its polyline.
public struct ReachedInterval: Hashable, Sendable {
    /// The segment index in the `RoadGraph`.
    public var segment: Int
    /// Start of the stretch, metres from the segment start.
    public var from: Double
    /// End of the stretch, metres from the segment start.
    public var to: Double

    /// A stretch of `segment` from offset `from` to offset `to`.
    public init(segment: Int, from: Double, to: Double) {
        self.segment = segment
        self.from = from
        self.to = to
    }

    /// Length of the stretch in metres.
    public var meters: Double { to - from }
}

/// The parts of the road network reached within a time limit, cut exactly
/// where the time runs out: what an isochrone is built from.
public struct ReachedIntervals: Sendable {
    /// Merged, non-overlapping stretches of positive length, sorted by
    /// segment and then by offset.
    public let intervals: [ReachedInterval]
    /// Total length of `intervals` in kilometres.
    public let roadKilometres: Double

    /// The stretches `result` reaches within `limitSeconds` (at most the
    /// search's limit): from every reached node along each edge it may take,
    /// as far as the remaining time allows at that edge's speed (capped at
    /// the segment's length), and from every source along its own segment in
    /// the allowed directions.
    /// - Complexity: O(E_r + S/64) for E_r edges leaving reached nodes and S
    ///   segments in the graph (the segments are gathered in a bitset).
    public init(_ result: SearchResult, limitSeconds: Double) {
        precondition(limitSeconds <= result.limitSeconds, "the limit must not exceed the search's limit")
        let graph = result.graph
        // The candidate segments as a bitset (read in ascending order below).
        var marks = [UInt64](repeating: 0, count: (graph.segmentCount + 63) / 64)
        var lowWord = marks.count
        var highWord = -1
        func mark(_ s: Int) {
            marks[s >> 6] |= 1 << UInt64(s & 63)
            lowWord = min(lowWord, s >> 6)
            highWord = max(highWord, s >> 6)
        }
        for u in result.reachedNodes where Double(result.seconds[Int(u)]) <= limitSeconds {
            for e in graph.outEdges(Int(u)) { mark(Int(graph.edgeSegment[e])) }
        }
        for start in result.sources where start.startSeconds <= limitSeconds {
            mark(start.snap.segment)
        }

        var merged: [ReachedInterval] = []
        var pieces: [(from: Double, to: Double)] = []
        var total = 0.0
        for word in stride(from: lowWord, through: highWord, by: 1) {
            var bits = marks[word]
            while bits != 0 {
                let s = word << 6 | bits.trailingZeroBitCount
                bits &= bits - 1
                pieces.removeAll(keepingCapacity: true)
                Self.collect(segment: s, result, limitSeconds, into: &pieces)
                pieces.sort { ($0.from, $0.to) < ($1.from, $1.to) }
                var current: ReachedInterval?
                for piece in pieces where piece.to > piece.from {
                    if let open = current, piece.from <= open.to {
                        current!.to = max(open.to, piece.to)
                    } else {
                        if let done = current {
                            merged.append(done)
                            total += done.meters
                        }
                        current = ReachedInterval(segment: s, from: piece.from, to: piece.to)
                    }
                }
                if let done = current {
                    merged.append(done)
                    total += done.meters
                }
            }
        }
        intervals = merged
        roadKilometres = total / 1000
    }

    /// Appends the reached stretches of segment `s`, unmerged.
    private static func collect(
        segment s: Int, _ result: SearchResult, _ limit: Double, into pieces: inout [(from: Double, to: Double)]
    ) {
        let graph = result.graph
        let length = graph.segmentLength[s]
        /// Metres edge `e` covers in `remaining` seconds, capped at the length.
        func reach(_ e: Int, _ remaining: Double) -> Double {
            let time = Double(graph.seconds[e])
            return time > remaining ? length * (remaining / time) : length
        }
        let forward = Int(graph.segmentForwardEdge[s])
        let backward = Int(graph.segmentBackwardEdge[s])
        let startTime = Double(result.seconds[Int(graph.segmentFrom[s])])
        if forward >= 0 && startTime <= limit {
            pieces.append((0, reach(forward, limit - startTime)))
        }
        let endTime = Double(result.seconds[Int(graph.segmentTo[s])])
        if backward >= 0 && endTime <= limit {
            pieces.append((length - reach(backward, limit - endTime), length))
        }
        for i in result.sources(onSegment: s) {
            let start = result.sources[Int(i)]
            guard start.startSeconds <= limit else { continue }
            let offset = min(max(start.snap.offset, 0), length)
            if forward >= 0 {
                pieces.append((offset, min(length, offset + reach(forward, limit - start.startSeconds))))
            }
            if backward >= 0 {
                pieces.append((max(0, offset - reach(backward, limit - start.startSeconds)), offset))
            }
        }
    }
}
