import Coverage
import Facilities
import Foundation
import GeoCore
import RoadNetwork

/// Everything `nuanxin report` computes before it lays the page out: the merged
/// circles at every minute value, the audit at the largest one, the audit at each
/// speed of the band, the plan with its frontier, the stations' catchments and loads.
public struct ReportAnalysis {
    /// The graph at the main speed.
    public let graph: RoadGraph
    /// The stations, placed (unroutable ones included), in input order.
    public let stations: [PlacedSite]
    /// The hotspots, placed, in input order.
    public let hotspots: [PlacedSite]
    /// The merged circles of all routable stations at the main speed, ascending minutes.
    public let circles: [NestedIsochrone]
    /// The audit at the largest minute value and the main speed.
    public let audit: AuditRun
    /// The covered share and circle area per speed (the band's and the main one), ascending.
    public let speedRows: [(speedKmh: Double, share: Double, areaKm2: Double)]
    /// The plan and frontier; nil without candidates.
    public let plan: ReportPlan?
    /// How far from a reached road the circles reach, in metres.
    public let accessMeters: Double
    /// Coverage by hour (weekday and Sunday), nil without station attributes.
    public var byHour: AuditByHour? = nil
    /// Covered share per service, empty without station attributes.
    public var services: [ServiceShare] = []
    /// The stations' catchments at the largest minute value (`CatchmentAreas`), routable stations in input order.
    public var catchments: [StationServiceAreas] = []
    /// Each station's catchment load at the largest minute value (`StationCatchments`), in input order.
    public var loads: [StationLoad] = []

    /// The audit's travel-time limit: the largest minute value.
    public var limitMinutes: Double { audit.hotspots.limitMinutes }

    /// Runs every part on `graph` (timed for the main speed; the reversed graph for times to the
    /// station). With `attributes` (one per station, same order) also coverage by hour and per
    /// service; `hotspotWalk` as `HotspotAudit`.
    /// - Throws: `IsochroneError`, `GEOSError`, `PlanningError` from the engines.
    /// - Complexity: one merged circle build and one audit per speed, one matrix and plan.
    public static func run(
        graph: RoadGraph, stations: [PlacedSite], hotspots: [PlacedSite], areas: AuditAreas,
        candidates: [PlacedSite]?, newSites: Int, minutes: [Double], bandSpeeds: [Double], maxSnap: Double,
        progress: ProgressLog, attributes: [StationAttributes]? = nil, hotspotWalk: Bool = false, roadSpacing: Double? = nil
    ) throws -> ReportAnalysis {
        // GEOS buffers: the report embeds the service areas, and the raster's vertex every cell would pass its 2 MB budget.
        let engine = try ReachEngine(minutes: minutes, geometry: .exact)
        let limit = minutes.last!
        let circles = try progress.step("service areas at \(AuditNumbers.plain(graph.cruiseSpeedKmh)) km/h", phase: "geometry") {
            try engine.merged(graph: graph, stations: stations)
        }
        let audit = try progress.step("audit at \(AuditNumbers.plain(limit)) minutes", phase: "audit") {
            try AuditRun(
                graph: graph, stations: stations, hotspots: hotspots, limitMinutes: limit, areas: areas,
                builder: engine.builder, hotspotWalk: hotspotWalk)
        }
        var speedRows = [
            (
                speedKmh: graph.cruiseSpeedKmh, share: audit.hotspots.total.shareCovered,
                areaKm2: circles.last!.areaSquareKilometres
            )
        ]
        for speed in bandSpeeds where speed != graph.cruiseSpeedKmh {
            let run = try progress.step("audit at \(AuditNumbers.plain(speed)) km/h", phase: "audit") {
                try AuditRun(
                    graph: graph.retimed(cruiseSpeedKmh: speed), stations: stations, hotspots: hotspots,
                    limitMinutes: limit, areas: areas, builder: engine.builder, hotspotWalk: hotspotWalk)
            }
            speedRows.append((speed, run.hotspots.total.shareCovered, IsochroneMeasures.areaSquareKilometres(run.gaps.serviceArea)))
        }
        speedRows.sort { $0.speedKmh < $1.speedKmh }
        let plan = try candidates.map { candidates in
            try progress.step("plan of \(newSites) new sites among \(candidates.count) candidates", phase: "plan") {
                try ReportPlan.run(
                    graph: graph, stations: stations, candidates: candidates, hotspots: hotspots, maxSnap: maxSnap,
                    minutes: limit, newSites: newSites, hotspotWalk: hotspotWalk, roadSpacing: roadSpacing)
            }
        }
        var analysis = ReportAnalysis(
            graph: graph, stations: stations, hotspots: hotspots, circles: circles, audit: audit,
            speedRows: speedRows, plan: plan, accessMeters: engine.builder.accessDistance)
        if let attributes {
            let weights = hotspots.map(\.site.weight)
            analysis.byHour = AuditByHour(audit: audit.hotspots, weights: weights, stations: attributes)
            analysis.services = ServiceShare.table(audit: audit.hotspots, weights: weights, stations: attributes)
        }
        analysis.loads = try StationCatchments.loads(stations: stations, hotspots: hotspots, audit: audit.hotspots)
        analysis.catchments = try progress.step("catchments at \(AuditNumbers.plain(limit)) minutes", phase: "geometry") {
            try CatchmentAreas.split(graph: graph, stations: stations, engine: try ReachEngine(minutes: [limit], geometry: .exact))
        }
        return analysis
    }
}
