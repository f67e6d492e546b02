import GeoCore
import RoadNetwork

/// The audit at one cruising speed: hotspot coverage and district gaps.
public struct AuditRun: Sendable {
    /// The cruising speed in km/h.
    public var speedKmh: Double
    /// Hotspot times, counts and figures per area.
    public var hotspots: HotspotAudit
    /// The uncovered part of each area.
    public var gaps: AuditGaps

    /// A run at `speedKmh` with its results.
    public init(speedKmh: Double, hotspots: HotspotAudit, gaps: AuditGaps) {
        self.speedKmh = speedKmh
        self.hotspots = hotspots
        self.gaps = gaps
    }

    /// Runs `HotspotAudit` and `AuditGaps` (GEOS buffers from `builder`) on `graph` (timed for
    /// `graph.cruiseSpeedKmh`; the reversed graph for times to the station), side by side as
    /// `sideBySide` does; `hotspotWalk` as `HotspotAudit`.
    /// - Throws: as `HotspotAudit` and `AuditGaps`.
    public init(
        graph: RoadGraph, stations: [PlacedSite], hotspots: [PlacedSite], limitMinutes: Double,
        areas: AuditAreas, builder: IsochronePolygonBuilder = IsochronePolygonBuilder(), hotspotWalk: Bool = false
    ) throws {
        self =
            try Self.sideBySide(
                graph: graph, stations: stations, hotspots: hotspots, limitMinutes: limitMinutes, areas: areas,
                hotspotWalk: hotspotWalk, gaps: .exact(builder)
            ).run
    }
}

/// Everything the audit outputs (GeoJSON, CSV, text summary) are written from.
public struct AuditReport: Sendable {
    /// The stations, placed on the network (unroutable ones included).
    public var stations: [PlacedSite]
    /// The hotspots, placed on the network, in input order.
    public var hotspots: [PlacedSite]
    /// The maximum snap distance in metres (for the unroutable reasons).
    public var maxSnap: Double
    /// The travel-time limit in minutes.
    public var limitMinutes: Double
    /// One run per cruising speed, in the order run (low first for a speed band).
    public var runs: [AuditRun]

    /// A report of `runs` over `stations` and `hotspots`.
    public init(stations: [PlacedSite], hotspots: [PlacedSite], maxSnap: Double, limitMinutes: Double, runs: [AuditRun]) {
        self.stations = stations
        self.hotspots = hotspots
        self.maxSnap = maxSnap
        self.limitMinutes = limitMinutes
        self.runs = runs
    }

    /// Number of hotspots beyond the maximum snap distance.
    public var unroutableHotspots: Int { hotspots.count { $0.snap == nil } }

    /// Number of stations beyond the maximum snap distance.
    public var unroutableStations: Int { stations.count { $0.snap == nil } }
}
