import GeoCore

/// A routable road network for one travel profile, as a few flat arrays.
///
/// **Nodes** are road junctions and dead ends, with projected metres (`nodeX`,
/// `nodeY` in the metric CRS `crs`) and WGS84 degrees (`nodeLon`, `nodeLat`).
///
/// **Segments** are the undirected pieces of road between two nodes, each
/// with its polyline (`segmentPointStart` indexes `pointX`/`pointY`, endpoints
/// included) and length in metres. Segment `s` runs from
/// `segmentFrom[s]` to `segmentTo[s]`.
///
/// **Edges** are the directed, usable traversals of segments, stored as a
/// compressed sparse row adjacency: the edges leaving node `u` are
/// `firstOut[u] ..< firstOut[u + 1]`; edge `e` goes to `head[e]`, follows
/// segment `edgeSegment[e]` forwards (`edgeForward[e]`) or backwards, and takes
/// `seconds[e]`. `segmentForwardEdge[s]` / `segmentBackwardEdge[s]` give the
/// edge traversing a segment in each direction, or −1 when that direction is
/// not allowed (one-way).
///
/// Edges the rider must walk (pushing the e-bike on steps or a pedestrian
/// street) are flagged in `edgeWalked` and keep walking speed when the
/// cruising speed changes (`retimed(cruiseSpeedKmh:)`).
public struct RoadGraph: Sendable {
    /// The metric CRS of `nodeX`/`nodeY`/`pointX`/`pointY`, e.g. `EPSG:4544`.
    public var crs: String
    /// The profile the graph was built for.
    public var profile: TravelProfile
    /// The cruising speed `seconds` was computed with, km/h.
    public var cruiseSpeedKmh: Double

    /// Node easting in metres.
    public var nodeX: [Double]
    /// Node northing in metres.
    public var nodeY: [Double]
    /// Node longitude, WGS84.
    public var nodeLon: [Double]
    /// Node latitude, WGS84.
    public var nodeLat: [Double]
    /// OSM node id of each node (0 when the input had none).
    public var nodeOSMID: [Int64]

    /// CSR offsets, `nodeCount + 1` entries.
    public var firstOut: [UInt32]
    /// Target node of each directed edge.
    public var head: [UInt32]
    /// Travel time of each directed edge in seconds.
    public var seconds: [Float]
    /// The segment each directed edge traverses.
    public var edgeSegment: [UInt32]
    /// True when the edge follows its segment's polyline from start to end.
    public var edgeForward: [Bool]
    /// True when the rider walks this edge (pushing), whatever the cruise speed.
    public var edgeWalked: [Bool]

    /// Start node of each segment's polyline.
    public var segmentFrom: [UInt32]
    /// End node of each segment's polyline.
    public var segmentTo: [UInt32]
    /// Length of each segment in metres (along its polyline).
    public var segmentLength: [Double]
    /// Offsets into `pointX`/`pointY`, `segmentCount + 1` entries.
    public var segmentPointStart: [UInt32]
    /// Edge traversing the segment from start to end, or −1.
    public var segmentForwardEdge: [Int32]
    /// Edge traversing the segment from end to start, or −1.
    public var segmentBackwardEdge: [Int32]
    /// Polyline vertex eastings in metres.
    public var pointX: [Double]
    /// Polyline vertex northings in metres.
    public var pointY: [Double]
    /// True for a segment off the ground level: a tunnel (`tunnel` other than
    /// `no`), a covered road (`covered=yes`) or any `layer` other than 0 (bridges,
    /// elevated roads). Snapping prefers surface roads (see `SitePlacer`).
    public var segmentGradeSeparated: [Bool]

    /// Usable roads of the profile that are not in this graph because their
    /// component was dropped (`largestStronglyConnectedComponent()`), as
    /// polylines in metres: polyline `i` is `droppedPointStart[i] ..<
    /// droppedPointStart[i + 1]` of `droppedPointX`/`droppedPointY`. Kept only so
    /// that a point beside such a road is reported, not snapped across the gap.
    public var droppedPointStart: [UInt32]
    /// Eastings of the dropped polylines' vertices, metres.
    public var droppedPointX: [Double]
    /// Northings of the dropped polylines' vertices, metres.
    public var droppedPointY: [Double]
    /// The snapping indexes the graph cache stored with the graph, with the arrays they were
    /// built from (see `snappingIndexes`); nil for a graph built in memory.
    var snappingAttachment: SnappingAttachment? = nil

    /// Number of nodes.
    public var nodeCount: Int { nodeX.count }
    /// Number of directed edges.
    public var edgeCount: Int { head.count }
    /// Number of undirected segments.
    public var segmentCount: Int { segmentLength.count }

    /// Length of directed edge `e` in metres.
    @inlinable public func meters(_ e: Int) -> Double { segmentLength[Int(edgeSegment[e])] }

    /// The edges leaving node `u`.
    @inlinable public func outEdges(_ u: Int) -> Range<Int> { Int(firstOut[u])..<Int(firstOut[u + 1]) }

    /// The polyline of segment `s` in metres, endpoints included.
    public func polyline(_ s: Int) -> [PlanarPoint] {
        (Int(segmentPointStart[s])..<Int(segmentPointStart[s + 1])).map { PlanarPoint(x: pointX[$0], y: pointY[$0]) }
    }

    /// Speed of edge `e` in metres per second.
    @inlinable public func metersPerSecond(_ e: Int) -> Double {
        let s = Double(seconds[e])
        return s > 0 ? meters(e) / s : Double.infinity
    }

    /// A copy with every ridden edge re-timed for `cruiseSpeedKmh`; walked
    /// edges keep walking speed.
    /// - Complexity: O(edges).
    public func retimed(cruiseSpeedKmh newSpeed: Double) -> RoadGraph {
        precondition(newSpeed > 0, "speed must be positive")
        var copy = self
        copy.cruiseSpeedKmh = newSpeed
        let walk = TravelProfile.walkingSpeedKmh / 3.6
        let ride = newSpeed / 3.6
        for e in 0..<edgeCount {
            copy.seconds[e] = Float(meters(e) / (edgeWalked[e] ? walk : ride))
        }
        return copy
    }
}
