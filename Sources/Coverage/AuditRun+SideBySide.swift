import GeoCore
import RoadNetwork

/// How an audit run draws the uncovered part of each area.
public enum AuditGapDrawing: Sendable {
    /// No gap polygons (`AuditGaps.notDrawn`): numbers only.
    case none
    /// The merged service area on the exact-distance raster (`AuditGaps(…, raster:)`).
    case raster(RasterServiceArea)
    /// The merged service area from GEOS buffers (`AuditGaps(…, builder:)`).
    case exact(IsochronePolygonBuilder)
}

extension AuditRun {
    /// An audit run with the time each half took.
    public struct Timed: Sendable {
        /// The run.
        public var run: AuditRun
        /// Wall time of the hotspot pass (`HotspotAudit`).
        public var hotspotTime: Duration
        /// Wall time of the gap polygons (zero with `.none`).
        public var gapTime: Duration
    }

    /// Runs `HotspotAudit` and the gap polygons of `gaps` on `graph` side by side on two
    /// threads (they share no state; each half is timed on its own thread, so the two times
    /// overlap). Same results as running them one after the other.
    /// - Throws: as `HotspotAudit` and `AuditGaps`; the hotspot pass's error first.
    /// - Complexity: that of the slower half on two cores.
    public static func sideBySide(
        graph: RoadGraph, stations: [PlacedSite], hotspots: [PlacedSite], limitMinutes: Double, areas: AuditAreas,
        hotspotWalk: Bool = false, gaps drawing: AuditGapDrawing
    ) throws -> Timed {
        let areaList = areas.list
        let drawsGaps = if case .none = drawing { false } else { true }
        let parts = try ParallelJobs.map(count: drawsGaps ? 2 : 1, workers: 2, makeState: {}) { _, job -> Part in
            let clock = ContinuousClock()
            let start = clock.now
            if job == 0 {
                let audit = try HotspotAudit(
                    graph: graph, stations: stations, hotspots: hotspots, limitMinutes: limitMinutes, areas: areas,
                    hotspotWalk: hotspotWalk)
                return .hotspots(audit, clock.now - start)
            }
            let gaps: AuditGaps
            switch drawing {
            case .none: gaps = AuditGaps.notDrawn(areaCount: areaList.count)
            case .raster(let raster):
                gaps = try AuditGaps(graph: graph, stations: stations, limitMinutes: limitMinutes, areas: areaList, raster: raster)
            case .exact(let builder):
                gaps = try AuditGaps(graph: graph, stations: stations, limitMinutes: limitMinutes, areas: areaList, builder: builder)
            }
            return .gaps(gaps, clock.now - start)
        }
        guard case .hotspots(let audit, let hotspotTime) = parts[0] else { preconditionFailure("job 0 is the hotspot pass") }
        guard parts.count > 1, case .gaps(let gaps, let gapTime) = parts[1] else {
            return Timed(
                run: AuditRun(speedKmh: graph.cruiseSpeedKmh, hotspots: audit, gaps: .notDrawn(areaCount: audit.areas.count)),
                hotspotTime: hotspotTime, gapTime: .zero)
        }
        return Timed(run: AuditRun(speedKmh: graph.cruiseSpeedKmh, hotspots: audit, gaps: gaps), hotspotTime: hotspotTime, gapTime: gapTime)
    }

    /// One of the two independent halves of a run.
    private enum Part: Sendable {
        case hotspots(HotspotAudit, Duration)
        case gaps(AuditGaps, Duration)
    }
}
