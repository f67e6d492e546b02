import GeoCore

/// Collects nodes and road segments, then lays them out as a `RoadGraph`.
///
/// Importers (OSM, road GeoJSON) and tests add nodes and segments in any
/// order; `build()` computes segment lengths from the polylines and sorts the
/// directed edges by tail node into CSR arrays. Edge order is deterministic:
/// by tail node, then by segment insertion order, forward before backward.
public struct RoadGraphBuilder {
    private var graph: RoadGraph
    private var segmentAllowsForward: [Bool] = []
    private var segmentAllowsBackward: [Bool] = []
    private var segmentWalked: [Bool] = []

    /// Starts an empty graph in metric CRS `crs` for `profile` at `cruiseSpeedKmh`.
    public init(crs: String, profile: TravelProfile, cruiseSpeedKmh: Double) {
        graph = RoadGraph(
            crs: crs, profile: profile, cruiseSpeedKmh: cruiseSpeedKmh,
            nodeX: [], nodeY: [], nodeLon: [], nodeLat: [], nodeOSMID: [],
            firstOut: [], head: [], seconds: [], edgeSegment: [], edgeForward: [], edgeWalked: [],
            segmentFrom: [], segmentTo: [], segmentLength: [], segmentPointStart: [0],
            segmentForwardEdge: [], segmentBackwardEdge: [], pointX: [], pointY: [],
            segmentGradeSeparated: [], droppedPointStart: [0], droppedPointX: [], droppedPointY: [])
    }

    /// Number of nodes added so far.
    public var nodeCount: Int { graph.nodeX.count }

    /// Adds a node and returns its index.
    @discardableResult
    public mutating func addNode(lon: Double, lat: Double, x: Double, y: Double, osmID: Int64 = 0) -> UInt32 {
        graph.nodeLon.append(lon)
        graph.nodeLat.append(lat)
        graph.nodeX.append(x)
        graph.nodeY.append(y)
        graph.nodeOSMID.append(osmID)
        return UInt32(graph.nodeX.count - 1)
    }

    /// Adds a road segment from node `from` to node `to` along `points`
    /// (metres, both endpoints included, at least two points). `forward` /
    /// `backward` say which directions may be travelled; `walked` marks a
    /// segment the rider walks (pushing the bike); `gradeSeparated` one in a
    /// tunnel, covered or on another layer (`RoadGraph.segmentGradeSeparated`).
    /// A segment usable in neither direction is ignored.
    public mutating func addSegment(
        from: UInt32, to: UInt32, points: [PlanarPoint], forward: Bool, backward: Bool, walked: Bool,
        gradeSeparated: Bool = false
    ) {
        precondition(points.count >= 2, "a segment needs at least two points")
        precondition(Int(from) < nodeCount && Int(to) < nodeCount, "segment refers to an unknown node")
        guard forward || backward else { return }
        var length = 0.0
        for i in 1..<points.count {
            let dx = points[i].x - points[i - 1].x
            let dy = points[i].y - points[i - 1].y
            length += (dx * dx + dy * dy).squareRoot()
        }
        graph.segmentFrom.append(from)
        graph.segmentTo.append(to)
        graph.segmentLength.append(length)
        for p in points {
            graph.pointX.append(p.x)
            graph.pointY.append(p.y)
        }
        graph.segmentPointStart.append(UInt32(graph.pointX.count))
        segmentAllowsForward.append(forward)
        segmentAllowsBackward.append(backward)
        segmentWalked.append(walked)
        graph.segmentGradeSeparated.append(gradeSeparated)
    }

    /// Records `points` (metres) as the polyline of a usable road left out of
    /// the graph (`RoadGraph.droppedPointStart`).
    public mutating func addDroppedPolyline(_ points: [PlanarPoint]) {
        for p in points {
            graph.droppedPointX.append(p.x)
            graph.droppedPointY.append(p.y)
        }
        graph.droppedPointStart.append(UInt32(graph.droppedPointX.count))
    }

    /// Lays out the CSR arrays and returns the finished graph.
    /// - Complexity: O(nodes + segments + points).
    public func build() -> RoadGraph {
        var g = graph
        let n = g.nodeCount
        let segments = g.segmentLength.count
        var outDegree = [UInt32](repeating: 0, count: n + 1)
        for s in 0..<segments {
            if segmentAllowsForward[s] { outDegree[Int(g.segmentFrom[s])] += 1 }
            if segmentAllowsBackward[s] { outDegree[Int(g.segmentTo[s])] += 1 }
        }
        var firstOut = [UInt32](repeating: 0, count: n + 1)
        for u in 0..<n { firstOut[u + 1] = firstOut[u] + outDegree[u] }
        let m = Int(firstOut[n])
        var next = Array(firstOut.prefix(n))
        g.firstOut = firstOut
        g.head = [UInt32](repeating: 0, count: m)
        g.edgeSegment = [UInt32](repeating: 0, count: m)
        g.edgeForward = [Bool](repeating: true, count: m)
        g.edgeWalked = [Bool](repeating: false, count: m)
        g.seconds = [Float](repeating: 0, count: m)
        g.segmentForwardEdge = [Int32](repeating: -1, count: segments)
        g.segmentBackwardEdge = [Int32](repeating: -1, count: segments)
        func place(_ s: Int, tail: UInt32, head: UInt32, forward: Bool) {
            let e = Int(next[Int(tail)])
            next[Int(tail)] += 1
            g.head[e] = head
            g.edgeSegment[e] = UInt32(s)
            g.edgeForward[e] = forward
            g.edgeWalked[e] = segmentWalked[s]
            if forward { g.segmentForwardEdge[s] = Int32(e) } else { g.segmentBackwardEdge[s] = Int32(e) }
        }
        for s in 0..<segments {
            if segmentAllowsForward[s] { place(s, tail: g.segmentFrom[s], head: g.segmentTo[s], forward: true) }
            if segmentAllowsBackward[s] { place(s, tail: g.segmentTo[s], head: g.segmentFrom[s], forward: false) }
        }
        return g.retimed(cruiseSpeedKmh: g.cruiseSpeedKmh)
    }
}
