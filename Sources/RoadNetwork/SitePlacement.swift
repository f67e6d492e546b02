import GeoCore

/// A site (station, hotspot, candidate) and where it joins the road network.
public struct PlacedSite: Sendable {
    /// The site as read from its file (WGS84).
    public var site: SitePoint
    /// Its position in the graph's metric CRS.
    public var point: PlanarPoint
    /// The nearest usable road point, or unroutable with the distance to it.
    public var outcome: SnapOutcome
    /// When the site is unroutable because the nearest usable road is in a
    /// dropped (small, disconnected) component: the distance to that road in
    /// metres; `outcome` then holds the distance to the routable network.
    public var isolatedRoadMeters: Double? = nil

    /// A site already projected (`point`, metres in the graph's CRS) and snapped (`outcome`);
    /// `SitePlacer.place` builds these, tests and callers with their own snapping may too.
    /// `isolatedRoadMeters`: see the property of that name.
    public init(site: SitePoint, point: PlanarPoint, outcome: SnapOutcome, isolatedRoadMeters: Double? = nil) {
        self.site = site
        self.point = point
        self.outcome = outcome
        self.isolatedRoadMeters = isolatedRoadMeters
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
        if let isolated = isolatedRoadMeters, case .unroutable(let d) = outcome {
            let main = d.map { "; the connected network is \(formatFixed($0, decimals: 1)) m away" } ?? ""
            return "nearest usable road (\(formatFixed(isolated, decimals: 1)) m) is in a small piece of the network "
                + "cut off from the rest (not snapped across the gap\(main))"
        }
        switch outcome {
        case .snapped: return nil
        case .unroutable(let d?):
            return
                "nearest usable road is \(formatFixed(d, decimals: 1)) m away (more than the snapping limit of \(formatFixed(maxSnap, decimals: 0)) m)"
        case .unroutable(nil):
            return "the network has no usable road"
        }
    }
}

/// Snaps sites onto a road graph: projects them to the graph's metric CRS
/// and finds the nearest point on a usable road within `maxSnap` metres.
///
/// Two rules keep a site from joining a road it cannot use:
/// - **Grade separation.** Tunnels, covered roads and roads on a `layer` other
///   than 0 (`RoadGraph.segmentGradeSeparated`) are used only when no surface
///   road lies within `surfacePreferenceMeters` (30 m) of the site: a station
///   above a tunnel joins the street it stands on.
/// - **Dropped components.** When the nearest usable road is in a component
///   the import dropped (`RoadGraph.droppedPointStart`; an island, a gated
///   estate) and within `maxSnap`, the site is unroutable with that reason and
///   distance (`PlacedSite.isolatedRoadMeters`), never moved across the gap to a
///   farther road of the kept network.
public struct SitePlacer {
    /// The graph sites are placed on.
    public let graph: RoadGraph
    /// The spatial index over the graph's segments.
    public let index: SegmentIndex
    private let projection: Projection
    /// The surface segments only; nil when the graph has no grade-separated one.
    private let surfaceIndex: SegmentIndex?
    /// The dropped polylines; nil when none was dropped.
    private let droppedIndex: SegmentIndex?

    /// A surface road within this many metres of a site wins over a nearer
    /// tunnel, covered road or road on another layer.
    public static let surfacePreferenceMeters = 30.0

    /// Takes the segment indexes of `graph` (stored with it by the graph cache, else built:
    /// `RoadGraph.snappingIndexes`) and builds its WGS84 → metric projection.
    /// - Throws: `ProjectionError` when PROJ does not know the graph's CRS.
    /// - Complexity: O(polyline points) for the index.
    public init(graph: RoadGraph) throws {
        self.graph = graph
        let indexes = graph.snappingIndexes
        self.index = indexes.all
        self.projection = try Projection(from: "EPSG:4326", to: graph.crs)
        surfaceIndex = indexes.surface
        droppedIndex = indexes.dropped
    }

    /// Places every site; unroutable sites are kept, never dropped.
    /// - Throws: `ProjectionError` when a site cannot be projected.
    /// - Complexity: O(n) snaps, each a few grid cells.
    public func place(_ sites: [SitePoint], maxSnap: Double) throws -> [PlacedSite] {
        let points = try projection.forward(sites.map(\.coordinate))
        return sites.indices.map { i in
            let (outcome, isolated) = snap(points[i], maxSnap: maxSnap)
            return PlacedSite(site: sites[i], point: points[i], outcome: outcome, isolatedRoadMeters: isolated)
        }
    }

    /// Snaps one planar point by the two rules above; the second value is the
    /// distance to a nearer dropped road when that made the point unroutable.
    /// - Complexity: up to three grid searches.
    public func snap(_ point: PlanarPoint, maxSnap: Double) -> (SnapOutcome, isolated: Double?) {
        var hit = index.nearest(to: point)
        if let h = hit, graph.segmentGradeSeparated[h.segment], let surface = surfaceIndex?.nearest(to: point),
            surface.distance <= Self.surfacePreferenceMeters
        {
            hit = surface
        }
        if let dropped = droppedIndex?.nearest(to: point), dropped.distance <= maxSnap,
            dropped.distance < hit?.distance ?? .infinity
        {
            return (.unroutable(distance: hit?.distance), dropped.distance)
        }
        guard let hit else { return (.unroutable(distance: nil), nil) }
        return (hit.distance <= maxSnap ? .snapped(hit) : .unroutable(distance: hit.distance), nil)
    }

    /// The WGS84 position of a planar point in the graph's CRS.
    /// - Throws: `ProjectionError` when the point cannot be transformed.
    public func coordinate(of point: PlanarPoint) throws -> Coordinate {
        try projection.inverse([point])[0]
    }
}
