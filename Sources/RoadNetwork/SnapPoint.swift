import GeoCore

/// A point on a road segment: where a station, hotspot or route end meets the network.
public struct SnapPoint: Hashable, Sendable {
    /// The segment index in the `RoadGraph`.
    public var segment: Int
    /// Metres from the segment's start (`segmentFrom`) along its polyline, in `0...segmentLength`.
    public var offset: Double
    /// Metres from the query point to `point` (the access distance).
    public var distance: Double
    /// The snapped position on the polyline, in the graph's metric CRS.
    public var point: PlanarPoint

    /// Creates a snap point on `segment` at `offset` metres, `distance` metres from the query.
    public init(segment: Int, offset: Double, distance: Double, point: PlanarPoint) {
        self.segment = segment
        self.offset = offset
        self.distance = distance
        self.point = point
    }
}

/// What became of one point handed to `SegmentIndex.snap`.
public enum SnapOutcome: Hashable, Sendable {
    /// The point lies within the maximum distance of a road.
    case snapped(SnapPoint)
    /// No road within the maximum distance: `distance` is how far the nearest
    /// road is, or `nil` when the graph has no roads at all.
    case unroutable(distance: Double?)

    /// The snap point, or `nil` when unroutable.
    public var snapPoint: SnapPoint? {
        if case .snapped(let p) = self { return p }
        return nil
    }
}
