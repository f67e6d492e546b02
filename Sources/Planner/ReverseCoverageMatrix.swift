import Dispatch
import Foundation
import HeapModule
import RoadNetwork

/// Builds the site × hotspot time matrix with one bounded search per **hotspot** on the reversed graph,
/// for many sites (open siting: thousands of road positions) and few hotspots.
///
/// The reversed search from a hotspot gives every node's time *to* the hotspot (edge `u → v` of the
/// graph is followed from `v` to `u`, one-way rules kept). A site's time is then its door-to-door start
/// (`SearchSource(doorToDoor:)`) plus the cheapest way onto the network from its road point (the rest of
/// its forward edge to the segment's end node, or the first part of its backward edge to the start node)
/// plus that node's time, or the ride straight along a shared segment; exactly the terms of the forward
/// search (`MultiSourceSearch` + `SearchResult.time(to:)`). Sums are taken in `Double` in the other
/// order, so a time can differ from `CoverageMatrix.build`'s (which adds in `Float`) by float rounding
/// (well under a millisecond on a city); coverage decisions agree except for a time within that of T.
///
/// Cost: O(H × ((V_r + E_r) log V_r + S)) for H hotspots and S sites, spread over `workers` threads,
/// against O(S × search) for per-site searches: the better choice when S ≫ H.
public enum ReverseCoverageMatrix {
    /// The times from every site in `sites` (rows, in order) to the hotspots (columns, in order) within
    /// `limitSeconds`; same contract and layout as `CoverageMatrix.build`.
    /// - Precondition: `limitSeconds` is finite and not negative.
    public static func build(
        graph: RoadGraph, sites: [SnapPoint], hotspots: [SnapPoint?], limitSeconds: Double,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> SparseTimeMatrix {
        precondition(limitSeconds.isFinite && limitSeconds >= 0, "the search limit must be a finite number of seconds ≥ 0")
        let reversed = ReversedAdjacency(graph)
        let entries = sites.map { SiteEntries(graph: graph, snap: $0) }
        var bySegment: [Int: [Int]] = [:]
        for (i, site) in sites.enumerated() { bySegment[site.segment, default: []].append(i) }
        let columns = ColumnStore(count: hotspots.count)
        let chunks = max(1, min(workers, hotspots.count / 4))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var search = ReverseSearch(nodeCount: graph.nodeCount)
            for h in stride(from: chunk, to: hotspots.count, by: chunks) {
                guard let target = hotspots[h] else { continue }
                search.run(reversed, graph: graph, to: target, limit: limitSeconds)
                var column: [(site: Int32, seconds: Float)] = []
                for (i, entry) in entries.enumerated() {
                    var best = Double.infinity
                    for (node, seconds) in entry.entries {
                        let d = search.time[node]
                        if d.isFinite { best = min(best, seconds + d) }
                    }
                    if entry.segment == target.segment,
                        let along = graph.secondsAlongSegment(target.segment, from: sites[i].offset, to: target.offset)
                    {
                        best = min(best, along)
                    }
                    let total = entry.start + best
                    if total <= limitSeconds { column.append((Int32(i), CoverageMatrix.floatNotBelow(total))) }
                }
                columns.set(h, column)
            }
        }
        var rows = [[(demand: Int32, seconds: Float)]](repeating: [], count: sites.count)
        for (h, column) in columns.values.enumerated() {
            for entry in column { rows[Int(entry.site)].append((Int32(h), entry.seconds)) }
        }
        var starts = [0]
        starts.reserveCapacity(sites.count + 1)
        var indices: [Int32] = []
        var seconds: [Float] = []
        for row in rows {
            for entry in row {  // hotspots were appended in increasing order
                indices.append(entry.demand)
                seconds.append(entry.seconds)
            }
            starts.append(indices.count)
        }
        return try! SparseTimeMatrix(demandCount: hotspots.count, rowStarts: starts, demandIndices: indices, seconds: seconds)
    }

    /// How a site enters the network: its walk, the nodes it reaches on its own segment and the seconds.
    struct SiteEntries {
        let start: Double
        let segment: Int
        let entries: [(node: Int, seconds: Double)]

        init(graph: RoadGraph, snap: SnapPoint) {
            start = SearchSource(doorToDoor: snap).startSeconds
            segment = snap.segment
            let s = snap.segment
            let length = graph.segmentLength[s]
            var list: [(Int, Double)] = []
            if snap.offset <= 0 || snap.offset >= length {
                if snap.offset <= 0 { list.append((Int(graph.segmentFrom[s]), 0)) }
                if snap.offset >= length { list.append((Int(graph.segmentTo[s]), 0)) }
            } else {
                let forward = Int(graph.segmentForwardEdge[s])
                let backward = Int(graph.segmentBackwardEdge[s])
                if forward >= 0 { list.append((Int(graph.segmentTo[s]), graph.partSeconds(edge: forward, meters: length - snap.offset))) }
                if backward >= 0 { list.append((Int(graph.segmentFrom[s]), graph.partSeconds(edge: backward, meters: snap.offset))) }
            }
            entries = list
        }
    }
}

/// The graph's edges grouped by head node: for node `v`, the edges `u → v` as (u, seconds).
struct ReversedAdjacency {
    let firstIn: [Int]
    let tail: [Int32]
    let seconds: [Float]

    init(_ graph: RoadGraph) {
        var counts = [Int](repeating: 0, count: graph.nodeCount + 1)
        for e in 0..<graph.edgeCount { counts[Int(graph.head[e]) + 1] += 1 }
        for v in 0..<graph.nodeCount { counts[v + 1] += counts[v] }
        var fill = counts
        var tail = [Int32](repeating: 0, count: graph.edgeCount)
        var seconds = [Float](repeating: 0, count: graph.edgeCount)
        for u in 0..<graph.nodeCount {
            for e in graph.outEdges(u) {
                let v = Int(graph.head[e])
                tail[fill[v]] = Int32(u)
                seconds[fill[v]] = graph.seconds[e]
                fill[v] += 1
            }
        }
        firstIn = counts
        self.tail = tail
        self.seconds = seconds
    }
}

/// A bounded Dijkstra on the reversed graph towards one point; reusable workspace.
struct ReverseSearch {
    var time: [Double]
    private var touched: [Int] = []
    private var heap = Heap<Key>()

    struct Key: Comparable {
        var seconds: Double
        var node: Int
        static func < (a: Key, b: Key) -> Bool { (a.seconds, a.node) < (b.seconds, b.node) }
    }

    init(nodeCount: Int) { time = [Double](repeating: .infinity, count: nodeCount) }

    /// Fills `time` with each node's time to `target` within `limit` (others infinite).
    mutating func run(_ reversed: ReversedAdjacency, graph: RoadGraph, to target: SnapPoint, limit: Double) {
        for v in touched { time[v] = .infinity }
        touched.removeAll(keepingCapacity: true)
        let s = target.segment
        let length = graph.segmentLength[s]
        let offset = min(max(target.offset, 0), length)
        let start = Int(graph.segmentFrom[s])
        let end = Int(graph.segmentTo[s])
        if offset <= 0 { label(start, 0) }
        if offset >= length { label(end, 0) }
        let forward = Int(graph.segmentForwardEdge[s])
        let backward = Int(graph.segmentBackwardEdge[s])
        if forward >= 0 { label(start, graph.partSeconds(edge: forward, meters: offset)) }
        if backward >= 0 { label(end, graph.partSeconds(edge: backward, meters: length - offset)) }
        while let key = heap.popMin() {
            guard key.seconds <= time[key.node] else { continue }
            for k in reversed.firstIn[key.node]..<reversed.firstIn[key.node + 1] {
                let arrival = key.seconds + Double(reversed.seconds[k])
                if arrival <= limit { label(Int(reversed.tail[k]), arrival) }
            }
        }
    }

    private mutating func label(_ v: Int, _ seconds: Double) {
        guard seconds < time[v] else { return }
        if time[v] == .infinity { touched.append(v) }
        time[v] = seconds
        heap.insert(Key(seconds: seconds, node: v))
    }
}

extension RoadGraph {
    /// Seconds for `meters` of directed edge `e` at its speed (as the forward search times a part of an edge).
    func partSeconds(edge e: Int, meters: Double) -> Double {
        let length = segmentLength[Int(edgeSegment[e])]
        return length > 0 ? Double(seconds[e]) * (meters / length) : 0
    }

    /// Seconds from offset `from` to offset `to` along segment `s` without leaving it; nil when one-way forbids it.
    func secondsAlongSegment(_ s: Int, from: Double, to: Double) -> Double? {
        if to == from { return 0 }
        let edge = Int(to > from ? segmentForwardEdge[s] : segmentBackwardEdge[s])
        return edge >= 0 ? partSeconds(edge: edge, meters: abs(to - from)) : nil
    }
}

/// One column per hotspot, filled by the worker threads under a lock.
private final class ColumnStore: @unchecked Sendable {
    private let lock = NSLock()
    private var columns: [[(site: Int32, seconds: Float)]]

    init(count: Int) { columns = Array(repeating: [], count: count) }

    func set(_ index: Int, _ column: [(site: Int32, seconds: Float)]) {
        lock.lock()
        defer { lock.unlock() }
        columns[index] = column
    }

    var values: [[(site: Int32, seconds: Float)]] {
        lock.lock()
        defer { lock.unlock() }
        return columns
    }
}
