/// The fastest path `MultiSourceSearch.path` found: the source it starts
/// from, how it leaves the source's segment, the whole edges it rides and
/// how it enters the target's segment.
struct SearchPath: Hashable, Sendable {
    /// Seconds on the clock at the target (the source's start time plus the ride).
    var seconds: Double
    /// Index of the source the path starts from.
    var source: Int
    /// The directed edges ridden in full, in order.
    var edges: [Int]
    /// How the path leaves the source's segment, `nil` when it stays on the
    /// segment it shares with the target (`edges` is then empty).
    var exit: SearchEntry.Kind?
    /// How the path enters the target's segment from its last node, `nil`
    /// when it stays on the source's segment.
    var entry: SearchEntry.Kind?

    /// The arrival record of a node entered straight from its source, below −1
    /// (edge indices are ≥ 0, −1 is unreached).
    static func entryCode(_ kind: SearchEntry.Kind) -> Int32 { -2 - Int32(kind.rawValue) }

    /// The kind `entryCode` stored, `nil` for an edge index or −1.
    static func kind(ofCode code: Int32) -> SearchEntry.Kind? { SearchEntry.Kind(rawValue: Int8(clamping: -2 - code)) }
}

/// Hooks the settle loop of `MultiSourceSearch` calls; `NoWatch` compiles to nothing.
protocol SettleWatch {
    /// True when no node popped at `time` or later can matter any more.
    func canStop(before time: Float) -> Bool
    /// Node `u` is settled at `time` (popped with its final label).
    mutating func settled(_ u: Int, at time: Float)
    /// Node `v` got a new label over edge `e`.
    mutating func labelled(_ v: Int, over e: Int)
}

/// The plain search: runs until the queue is empty, records nothing.
struct NoWatch: SettleWatch {
    @inline(__always) func canStop(before time: Float) -> Bool { false }
    @inline(__always) mutating func settled(_ u: Int, at time: Float) {}
    @inline(__always) mutating func labelled(_ v: Int, over e: Int) {}
}

/// Routing: records the edge each node was labelled over, offers the target
/// point whenever an end node of its segment is settled, and stops once the
/// earliest queued time cannot beat the best arrival.
struct TargetWatch: SettleWatch {
    private let graph: RoadGraph
    private let offset: Double, length: Double
    private let targetStart: Int, targetEnd: Int
    private let forward: Int, backward: Int
    /// Best arrival at the target so far, seconds on the clock.
    private(set) var best = Double.infinity
    /// The node and the part of the target's segment the best arrival came
    /// over, `nil` while the best is straight along the segment from a source.
    private(set) var last: SearchEntry?
    /// The source of the best arrival straight along the segment.
    private(set) var alongSource = -1
    /// Per node: the edge it was labelled over, or `SearchPath.entryCode`.
    var arrivedBy: [Int32] = []

    /// Watches for `target`; sources on its segment offer the straight ride
    /// along it, lowest index first.
    init(_ graph: RoadGraph, target: SnapPoint, sources: [SearchSource], limitSeconds: Double) {
        self.graph = graph
        let s = target.segment
        length = graph.segmentLength[s]
        offset = min(max(target.offset, 0), length)
        targetStart = Int(graph.segmentFrom[s])
        targetEnd = Int(graph.segmentTo[s])
        forward = Int(graph.segmentForwardEdge[s])
        backward = Int(graph.segmentBackwardEdge[s])
        for (i, source) in sources.enumerated() where source.snap.segment == s && source.startSeconds <= limitSeconds {
            let from = min(max(source.snap.offset, 0), length)
            if let along = graph.secondsAlong(segment: s, from: from, to: offset), source.startSeconds + along < best {
                best = source.startSeconds + along
                alongSource = i
            }
        }
    }

    @inline(__always) func canStop(before time: Float) -> Bool { Double(time) >= best }

    mutating func settled(_ u: Int, at time: Float) {
        let t = Double(time)
        if u == targetStart {
            if offset <= 0 { offer(t, u, .atNode) }
            if forward >= 0 { offer(t + graph.partialSeconds(edge: forward, meters: offset), u, .forward) }
        }
        if u == targetEnd {
            if offset >= length { offer(t, u, .atNode) }
            if backward >= 0 { offer(t + graph.partialSeconds(edge: backward, meters: length - offset), u, .backward) }
        }
    }

    @inline(__always) mutating func labelled(_ v: Int, over e: Int) { arrivedBy[v] = Int32(e) }

    private mutating func offer(_ time: Double, _ u: Int, _ kind: SearchEntry.Kind) {
        if time < best {
            best = time
            last = SearchEntry(node: u, seconds: time, kind: kind)
        }
    }
}
