import GeoCore
import HeapModule

/// A route between two snapped points.
public struct Route: Hashable, Sendable {
    /// Travel time along the roads in seconds (without the walk to and from
    /// the road; add `snap.distance / walking speed` for door to door).
    public var seconds: Double
    /// Length along the roads in metres.
    public var meters: Double
    /// The route's polyline in the graph's metric CRS, from the start point
    /// to the end point, without repeated consecutive points.
    public var points: [PlanarPoint]
}

/// Point-to-point shortest paths on a `RoadGraph`.
public enum ShortestPath {
    /// `arrivedBy[v]` records how the search reached node `v`: the edge
    /// `e ≥ 0` it came over, `unreached`, or `code(kind)` for a node entered
    /// straight from the start point.
    private static let unreached: Int32 = -1

    /// The arrival record of a node entered from the start point, below −1.
    private static func code(_ kind: SearchEntry.Kind) -> Int32 { -2 - Int32(kind.rawValue) }

    /// The fastest route from `from` to `to`, respecting one-way rules, or
    /// `nil` when `to` cannot be reached. Handles the partial first and last
    /// segments and a start and end on the same segment. A Dijkstra that
    /// stops as soon as no unsettled node can improve the best arrival.
    /// - Complexity: O((V + E) log V) in the worst case, O(V) memory.
    public static func route(_ graph: RoadGraph, from: SnapPoint, to: SnapPoint) -> Route? {
        var seconds = [Float](repeating: .infinity, count: graph.nodeCount)
        var arrivedBy = [Int32](repeating: unreached, count: graph.nodeCount)
        var heap = Heap<UInt64>()
        graph.forEachEntry(of: from) { entry in
            let time = Float(entry.seconds)
            guard time < seconds[entry.node] else { return }
            seconds[entry.node] = time
            arrivedBy[entry.node] = code(entry.kind)
            heap.insert(UInt64(time.bitPattern) << 32 | UInt64(entry.node))
        }

        let target = to.segment
        let length = graph.segmentLength[target]
        let offset = min(max(to.offset, 0), length)
        let targetStart = Int(graph.segmentFrom[target]), targetEnd = Int(graph.segmentTo[target])
        let forward = Int(graph.segmentForwardEdge[target]), backward = Int(graph.segmentBackwardEdge[target])
        // Best arrival so far and the node and edge part it came over
        // (`nil`: straight along the segment from the start point).
        var best = Double.infinity
        var last: SearchEntry?
        if from.segment == target,
            let along = graph.secondsAlong(segment: target, from: min(max(from.offset, 0), length), to: offset) {
            best = along
        }
        func offer(_ time: Double, _ u: Int, _ kind: SearchEntry.Kind) {
            if time < best {
                best = time
                last = SearchEntry(node: u, seconds: time, kind: kind)
            }
        }
        func arrive(at u: Int, _ time: Double) {
            if u == targetStart {
                if offset <= 0 { offer(time, u, .atNode) }
                if forward >= 0 { offer(time + graph.partialSeconds(edge: forward, meters: offset), u, .forward) }
            }
            if u == targetEnd {
                if offset >= length { offer(time, u, .atNode) }
                if backward >= 0 { offer(time + graph.partialSeconds(edge: backward, meters: length - offset), u, .backward) }
            }
        }

        while let key = heap.popMin() {
            let t = Float(bitPattern: UInt32(truncatingIfNeeded: key >> 32))
            if Double(t) >= best { break }
            let u = Int(truncatingIfNeeded: key & 0xFFFF_FFFF)
            if t > seconds[u] { continue }
            arrive(at: u, Double(t))
            for e in graph.outEdges(u) {
                let arrival = t + graph.seconds[e]
                let v = Int(graph.head[e])
                if arrival < seconds[v] {
                    seconds[v] = arrival
                    arrivedBy[v] = Int32(e)
                    heap.insert(UInt64(arrival.bitPattern) << 32 | UInt64(v))
                }
            }
        }
        guard best.isFinite else { return nil }
        return assemble(graph, from: from, to: to, offset: offset, last: last, arrivedBy: arrivedBy, seconds: best)
    }

    /// Walks the arrival records back from `last` (or takes the straight way
    /// along one segment when `last` is `nil`) and lays out the route.
    private static func assemble(
        _ graph: RoadGraph, from: SnapPoint, to: SnapPoint, offset: Double, last: SearchEntry?,
        arrivedBy: [Int32], seconds: Double
    ) -> Route {
        let startLength = graph.segmentLength[from.segment]
        let startOffset = min(max(from.offset, 0), startLength)
        guard let last else {
            return Route(
                seconds: seconds, meters: abs(offset - startOffset),
                points: graph.points(segment: to.segment, from: startOffset, to: offset))
        }
        var edges: [Int] = []
        var node = last.node
        while arrivedBy[node] >= 0 {
            let e = Int(arrivedBy[node])
            edges.append(e)
            let s = Int(graph.edgeSegment[e])
            node = Int(graph.edgeForward[e] ? graph.segmentFrom[s] : graph.segmentTo[s])
        }
        edges.reverse()
        var points: [PlanarPoint] = []
        var meters = 0.0
        func add(_ piece: [PlanarPoint], _ length: Double) {
            for p in piece where points.last != p { points.append(p) }
            meters += length
        }
        switch arrivedBy[node] {
        case code(.forward):
            add(graph.points(segment: from.segment, from: startOffset, to: startLength), startLength - startOffset)
        case code(.backward):
            add(graph.points(segment: from.segment, from: startOffset, to: 0), startOffset)
        default:
            add([graph.pointAt(segment: from.segment, offset: startOffset)], 0)
        }
        for e in edges {
            let s = Int(graph.edgeSegment[e])
            var piece = graph.polyline(s)
            if !graph.edgeForward[e] { piece.reverse() }
            add(piece, graph.segmentLength[s])
        }
        let length = graph.segmentLength[to.segment]
        switch last.kind {
        case .forward: add(graph.points(segment: to.segment, from: 0, to: offset), offset)
        case .backward: add(graph.points(segment: to.segment, from: length, to: offset), length - offset)
        case .atNode: break
        }
        if points.count == 1 { points.append(points[0]) }
        return Route(seconds: seconds, meters: meters, points: points)
    }
}
