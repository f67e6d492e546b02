import GeoCore

/// A site (station, hotspot, candidate) and where it joins the road network.
public struct PlacedSite: Sendable {
    /// The site as read from its file (WGS84).
    public var site: SitePoint
    /// Its position in the graph's metric CRS.
    public var point: PlanarPoint
    /// The nearest usable road point, or unroutable with the distance to it.
    public var outcome: SnapOutcome

    /// A site at `point` (metric CRS) with its snapping `outcome`.
    public init(site: SitePoint, point: PlanarPoint, outcome: SnapOutcome) {
        self.site = site
        self.point = point
        self.outcome = outcome
    }

    /// The snap point when the site is routable.
    public var snap: SnapPoint? { outcome.snapPoint }

    /// Distance from the site to its road in metres, when any road exists.
    public var snapMeters: Double? {
        switch outcome {
        case .snapped(let s): s.distance
        case .unroutable(let d): d
        }
    }

    /// Why the site is not routable, in words, or nil when it is.
    public func unroutableReason(maxSnap: Double) -> String? {
        switch outcome {
        case .snapped: return nil
        case .unroutable(let d?):
            return "nearest usable road is \(formatFixed(d, decimals: 1)) m away (more than --max-snap \(formatFixed(maxSnap, decimals: 0)) m)"
        case .unroutable(nil):
            return "the network has no usable road"
        }
    }
}

/// Snaps sites onto a road graph: projects them to the graph's metric CRS
/// and finds the nearest point on a usable road within `maxSnap` metres.
public struct SitePlacer {
    /// The graph sites are placed on.
    public let graph: RoadGraph
    /// The spatial index over the graph's segments.
    public let index: SegmentIndex
    private let projection: Projection

    /// Builds the segment index and the WGS84 → metric projection of `graph`.
    /// - Throws: `ProjectionError` when PROJ does not know the graph's CRS.
    /// - Complexity: O(polyline points) for the index.
    public init(graph: RoadGraph) throws {
        self.graph = graph
        self.index = SegmentIndex(graph: graph)
        self.projection = try Projection(from: "EPSG:4326", to: graph.crs)
    }

    /// Places every site; unroutable sites are kept, never dropped.
    /// - Throws: `ProjectionError` when a site cannot be projected.
    /// - Complexity: O(n) snaps, each a few grid cells.
    public func place(_ sites: [SitePoint], maxSnap: Double) throws -> [PlacedSite] {
        let points = try projection.forward(sites.map(\.coordinate))
        let outcomes = index.snap(points, maxDistance: maxSnap)
        return sites.indices.map { PlacedSite(site: sites[$0], point: points[$0], outcome: outcomes[$0]) }
    }

    /// The WGS84 position of a planar point in the graph's CRS.
    /// - Throws: `ProjectionError` when the point cannot be transformed.
    public func coordinate(of point: PlanarPoint) throws -> Coordinate {
        try projection.inverse([point])[0]
    }
}
