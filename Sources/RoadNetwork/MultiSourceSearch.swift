import HeapModule

// MARK: - Guide
//
// `MultiSourceSearch` answers "how soon does the nearest station reach each
// node, and which station is it?" for all stations in one pass: a bounded
// multi-source Dijkstra over the CSR graph.
//
// 1. Seeding. Each source is a point on a segment with a start time (the
//    door-to-door walk to the road). A point exactly at a node starts there;
//    a point inside a segment enters the segment's end node over the rest of
//    the forward edge, (length − offset) / speed, and the start node over the
//    first part of the backward edge, offset / speed, only where the one-way
//    rules allow that edge. Every source goes into one priority queue.
// 2. Settling. The queue is a `Heap<UInt64>` of keys `seconds.bitPattern << 32
//    | node`: for non-negative floats the bit pattern orders like the value,
//    so one integer comparison orders by time, then node. Stale keys (a node
//    popped at a time above its label) are skipped instead of decreased.
//    A node is labelled only when it is reached within `limitSeconds`, so the
//    search stops by itself when the queue runs dry.
// 3. Ties. A node keeps the source with the lowest index among those that
//    reach it first: an equal time from a lower source relabels the node and
//    queues it again, so the lower source spreads on.
// 4. Workspace. The per-node arrays are allocated once per graph and reset
//    through the list of nodes the last search touched, so a search costs
//    time proportional to what it reaches, not to the graph, and allocates
//    nothing in steady state (the heap and touched list keep their capacity).
// 5. Targets. `SearchResult.time(to:)` finishes the job for any point on a
//    segment: from the start node over the forward edge, from the end node
//    over the backward edge, or straight along the segment from a source on
//    it, whichever is sooner.
//
// 6. Paths. `path(from:to:limitSeconds:)` runs the same search with two
//    extras that routing needs: it records the edge each node was last
//    labelled over (or how it was entered from its source), and it stops as
//    soon as the earliest queued time cannot beat the best arrival at the
//    target found so far. `ShortestPath.route` lays the path out.
//
// Complexity: O((V_r + E_r) log V_r) for V_r nodes and E_r edges reached
// within the limit, plus O(S log S) for S sources; memory O(V) for the
// workspace. Measured (release build, one core of a shared 2-core machine)
// on a 100k-node random grid graph with 380k edges: an unbounded search
// takes 14–17 ms (6–7 million nodes/s); a 15-minute e-bike search from one
// station reaches 2.6k nodes in about 0.3 ms; 200 stations at once for 15
// minutes take about 17 ms. A radix heap on the same keys was within noise
// of `Heap` (a little slower on bounded searches), so `Heap` stays.

/// A reusable workspace for bounded multi-source Dijkstra searches on one
/// `RoadGraph`. See the guide at the top of this file.
///
/// Keep one per thread and call `run` many times. Each `SearchResult`
/// shares the workspace's arrays copy-on-write: drop a result before the
/// next `run` to keep searches allocation-free, or keep it, and the next
/// `run` copies the arrays once so the old result stays valid.
public struct MultiSourceSearch: Sendable {
    /// The graph searched.
    public let graph: RoadGraph
    private var seconds: [Float]
    private var source: [Int32]
    private var touched: [UInt32] = []
    private var heap = Heap<UInt64>()
    /// How each touched node was labelled, for `path`: the edge `e ≥ 0`, or
    /// `SearchPath.entryCode(kind)` for a node entered from its source.
    /// Empty until the first `path` call.
    private var arrivedBy: [Int32] = []

    /// A workspace sized to `graph`.
    /// - Complexity: O(nodes).
    public init(graph: RoadGraph) {
        self.graph = graph
        seconds = [Float](repeating: .infinity, count: graph.nodeCount)
        source = [Int32](repeating: -1, count: graph.nodeCount)
    }

    /// Searches from all `sources` at once and stops at `limitSeconds`.
    /// Sources whose start time is already beyond the limit reach nothing.
    /// - Complexity: O((V_r + E_r) log V_r + S log S), see the guide.
    public mutating func run(_ sources: [SearchSource], limitSeconds: Double) -> SearchResult {
        let limit = start(sources, limitSeconds: limitSeconds)
        var watch = NoWatch()
        Self.settle(graph, limit: limit, &seconds, &source, &touched, &heap, &watch)
        return SearchResult(
            graph: graph, sources: sources, limitSeconds: limitSeconds,
            seconds: seconds, source: source, reachedNodes: touched)
    }

    /// The fastest path from any of `sources` to `target` within
    /// `limitSeconds`, or `nil` when no source reaches it. Nodes keep the
    /// lowest source on equal times, as in `run`; between equally fast ways
    /// into the target the first found wins (straight along the target's
    /// segment, then in the order its end nodes are settled).
    /// The search stops as soon as no unsettled node can improve the arrival.
    /// - Complexity: O((V_r + E_r) log V_r + S log S) for the nodes and edges
    ///   settled before the stop, O(V) memory once per workspace.
    mutating func path(from sources: [SearchSource], to target: SnapPoint, limitSeconds: Double = .infinity) -> SearchPath? {
        var watch = TargetWatch(graph, target: target, sources: sources, limitSeconds: limitSeconds)
        if arrivedBy.isEmpty { arrivedBy = [Int32](repeating: -1, count: graph.nodeCount) }
        swap(&arrivedBy, &watch.arrivedBy)
        defer { swap(&arrivedBy, &watch.arrivedBy) }
        let limit = start(sources, limitSeconds: limitSeconds) { v, entry in
            watch.arrivedBy[v] = SearchPath.entryCode(entry.kind)
        }
        Self.settle(graph, limit: limit, &seconds, &source, &touched, &heap, &watch)
        while heap.popMin() != nil {}  // the early stop leaves keys behind
        guard watch.best.isFinite, watch.best <= limitSeconds else { return nil }
        guard let last = watch.last else {
            return SearchPath(seconds: watch.best, source: watch.alongSource, edges: [], exit: nil, entry: nil)
        }
        var edges: [Int] = []
        var node = last.node
        while watch.arrivedBy[node] >= 0 {
            let e = Int(watch.arrivedBy[node])
            edges.append(e)
            let s = Int(graph.edgeSegment[e])
            node = Int(graph.edgeForward[e] ? graph.segmentFrom[s] : graph.segmentTo[s])
        }
        return SearchPath(
            seconds: watch.best, source: Int(source[last.node]), edges: edges.reversed(),
            exit: SearchPath.kind(ofCode: watch.arrivedBy[node]), entry: last.kind)
    }

    /// Clears the last search and queues every source's entry nodes; calls
    /// `entered` for each node a source labels. Returns the float limit.
    private mutating func start(
        _ sources: [SearchSource], limitSeconds: Double, entered: (Int, SearchEntry) -> Void = { _, _ in }
    ) -> Float {
        precondition(!limitSeconds.isNaN, "the time limit must be a number")
        for v in touched {
            seconds[Int(v)] = .infinity
            source[Int(v)] = -1
        }
        touched.removeAll(keepingCapacity: true)
        let limit = Self.floatNotAbove(limitSeconds)
        let graph = self.graph
        for (i, start) in sources.enumerated() where start.startSeconds <= limitSeconds {
            graph.forEachEntry(of: start.snap) { entry in
                let time = Float(start.startSeconds + entry.seconds)
                if time <= limit, Self.label(entry.node, time, Int32(i), &seconds, &source, &touched, &heap) {
                    entered(entry.node, entry)
                }
            }
        }
        return limit
    }

    /// The largest float not above `value`.
    static func floatNotAbove(_ value: Double) -> Float {
        let rounded = Float(value)
        return Double(rounded) > value ? rounded.nextDown : rounded
    }

    /// Gives node `v` time `time` from source `from` if that is sooner, or
    /// as soon from a lower source, and queues it; true when it did.
    @inline(__always)
    private static func label(
        _ v: Int, _ time: Float, _ from: Int32,
        _ seconds: inout [Float], _ source: inout [Int32], _ touched: inout [UInt32], _ heap: inout Heap<UInt64>
    ) -> Bool {
        let old = seconds[v]
        guard time < old || (time == old && from < source[v]) else { return false }
        if old == .infinity { touched.append(UInt32(v)) }
        seconds[v] = time
        source[v] = from
        heap.insert(UInt64(time.bitPattern) << 32 | UInt64(v))
        return true
    }

    /// Runs Dijkstra from the queued nodes until the queue is empty or
    /// `watch` has what it needs.
    private static func settle<Watch: SettleWatch>(
        _ graph: RoadGraph, limit: Float,
        _ seconds: inout [Float], _ source: inout [Int32], _ touched: inout [UInt32], _ heap: inout Heap<UInt64>,
        _ watch: inout Watch
    ) {
        graph.firstOut.withUnsafeBufferPointer { firstOut in
            graph.head.withUnsafeBufferPointer { head in
                graph.seconds.withUnsafeBufferPointer { cost in
                    seconds.withUnsafeMutableBufferPointer { time in
                        source.withUnsafeMutableBufferPointer { label in
                            while let key = heap.popMin() {
                                let t = Float(bitPattern: UInt32(truncatingIfNeeded: key >> 32))
                                if watch.canStop(before: t) { break }
                                let u = Int(truncatingIfNeeded: key & 0xFFFF_FFFF)
                                if t > time[u] { continue }
                                watch.settled(u, at: t)
                                let from = label[u]
                                for e in Int(firstOut[u])..<Int(firstOut[u + 1]) {
                                    let arrival = t + cost[e]
                                    if arrival > limit { continue }
                                    let v = Int(head[e])
                                    let old = time[v]
                                    if arrival < old || (arrival == old && from < label[v]) {
                                        if old == .infinity { touched.append(UInt32(v)) }
                                        time[v] = arrival
                                        label[v] = from
                                        watch.labelled(v, over: e)
                                        heap.insert(UInt64(arrival.bitPattern) << 32 | UInt64(v))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
