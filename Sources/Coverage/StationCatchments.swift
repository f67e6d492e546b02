import GeoCore
import RoadNetwork

/// What one station serves in the audit: its catchment (network Voronoi cell) restricted to the
/// covered hotspots, with its load against its capacity.
public struct StationLoad: Hashable, Sendable {
    /// Index of the station in the stations given.
    public var station: Int
    /// Covered hotspots whose nearest station (by door-to-door riding time, lowest index on a tie) is this one.
    public var hotspotsServed: Int
    /// Their weight (riders); the sum over all stations equals the audit's covered weight.
    public var weightServed: Double
    /// Unweighted mean of their minutes to this station; nil when it serves none.
    public var minutesMean: Double?
    /// 90th percentile of those minutes (nearest rank: the ⌈0.9·n⌉-th smallest); nil when it serves none.
    public var minutesP90: Double?
    /// The station's `capacity` property (`SiteCapacity`), nil when it has none.
    public var capacity: Double?
    /// `weightServed / capacity`; nil without a capacity. Above 1: overloaded.
    public var loadRatio: Double? { capacity.map { weightServed / $0 } }
}

/// Catchments of the stations over the hotspots (network Voronoi assignment, Okabe et al. 2008,
/// "Generalized network Voronoi diagrams"): each covered hotspot belongs to the station that
/// reaches it soonest — `HotspotCoverage.nearestStation`, from the audit's one multi-source
/// search, ties to the lowest station index (input order). Uncovered hotspots belong to none.
public enum StationCatchments {
    /// One `StationLoad` per station of `stations`, in input order, for the hotspot results `audit`.
    /// - Throws: `SiteCapacityError` when a station's `capacity` property is not a number > 0.
    /// - Complexity: O(H + S + H log H).
    public static func loads(stations: [PlacedSite], hotspots: [PlacedSite], audit: HotspotAudit) throws -> [StationLoad] {
        let capacities = try stations.map { try SiteCapacity.of($0.site) }
        var minutes = [[Double]](repeating: [], count: stations.count)
        var weight = [Double](repeating: 0, count: stations.count)
        for (h, result) in audit.hotspots.enumerated() where result.covered {
            guard let s = result.nearestStation, let seconds = result.seconds else { continue }
            minutes[s].append(seconds / 60)
            weight[s] += hotspots[h].site.weight
        }
        return stations.indices.map { s in
            let sorted = minutes[s].sorted()
            let mean = sorted.isEmpty ? nil : sorted.reduce(0, +) / Double(sorted.count)
            let p90 = sorted.isEmpty ? nil : sorted[Self.nearestRank(0.9, count: sorted.count) - 1]
            return StationLoad(
                station: s, hotspotsServed: sorted.count, weightServed: weight[s], minutesMean: mean,
                minutesP90: p90, capacity: capacities[s])
        }
    }

    /// The nearest-rank percentile's 1-based rank ⌈p·n⌉ (at least 1) among `count` values.
    static func nearestRank(_ p: Double, count: Int) -> Int {
        max(1, min(count, Int((p * Double(count) - 1e-9).rounded(.up))))
    }
}
