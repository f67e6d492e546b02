import GeoCore
import RoadNetwork

/// What the audit found for one hotspot.
public struct HotspotCoverage: Hashable, Sendable {
    /// Index (into the stations given) of the station that reaches the hotspot
    /// soonest, the lowest index on a tie; nil when none reaches it or the
    /// hotspot is unroutable.
    public var nearestStation: Int?
    /// Door-to-door seconds from that station: the station's walk to its road
    /// (snap distance at walking speed) plus the ride to the hotspot's road
    /// point. Nil when no station reaches it at all (another piece of the
    /// network) or the hotspot is unroutable; never a stand-in large number.
    public var seconds: Double?
    /// Number of stations that reach the hotspot within the limit.
    public var stationsWithin: Int
    /// True when `seconds` is at most the limit.
    public var covered: Bool
    /// Index of the area (`HotspotAudit.areas`) holding the hotspot, nil when outside every one.
    public var area: Int?
}

/// Hotspot coverage by existing stations: for every hotspot the time to the
/// nearest station and the number of stations within the limit, and the
/// covered share of hotspot weight per area.
///
/// Times come from **one** multi-source search from all routable stations
/// with no time limit, so `seconds` is the true time to the nearest station.
/// `stationsWithin` comes from `StationCounts` (one bounded search per
/// station, evaluating only the hotspots next to what it reached). Both run
/// from the station outwards on the directed graph, exactly as the stations'
/// service areas (`ServiceAreas`) are built, so a hotspot is covered when
/// its road point lies inside a 15-minute circle. The hotspot's own distance
/// to its road (`snap_m`) is not timed, as the circles reach the access
/// distance beyond the road.
///
/// Issue 15: the caller chooses the direction through the graph it passes
/// (the reversed graph measures times to the station) and whether the
/// hotspot's walk counts (`hotspotWalk`); `covering` lists the stations
/// within the limit of each hotspot for coverage by hour and by service.
///
/// Unroutable stations are left out; unroutable hotspots (beyond the maximum
/// snap distance) keep nil times, 0 stations and count as uncovered in their
/// area's weight.
public struct HotspotAudit: Sendable {
    /// The travel-time limit in minutes.
    public let limitMinutes: Double
    /// The areas reported on, in the order given.
    public let areas: [District]
    /// One result per hotspot, in input order.
    public let hotspots: [HotspotCoverage]
    /// Figures per area, in the order of `areas`.
    public let areaFigures: [AuditFigures]
    /// Figures of the hotspots outside every district; nil when there are none.
    public let outside: AuditFigures?
    /// Figures of all hotspots.
    public let total: AuditFigures
    /// For each hotspot, the indices of the stations that reach it within the
    /// limit (its walk included when `hotspotWalk`), increasing; empty for an
    /// unroutable hotspot. `stationsWithin` is its count; `audit --by-hour`
    /// and the per-service table evaluate it with only the open stations.
    public let covering: [[Int]]

    /// Audits `hotspots` against `stations` (both placed on `graph`) for a
    /// limit of `limitMinutes`.
    ///
    /// Hotspots are assigned to `areas` as `AuditAreas` describes. `graph`
    /// is the graph the search from the stations runs on: for times *to* the
    /// station (`--direction to-station`) pass
    /// `TravelDirection.toStation.searchGraph(for:)`, the reversed graph.
    /// With `hotspotWalk` each hotspot's walk to its road
    /// (`SnapPoint.walkSeconds`) is added to its time, door to door at both
    /// ends (`--hotspot-walk on`); without it the times are as before issue 15.
    /// - Throws: `GEOSError` from the point-in-polygon tests.
    /// - Complexity: one unbounded multi-source search O((V + E) log V),
    ///   O(H log S) for the hotspot times, S bounded searches for the counts
    ///   (spread over the cores), and O(H × districts) prepared
    ///   point-in-polygon tests.
    public init(
        graph: RoadGraph, stations: [PlacedSite], hotspots: [PlacedSite], limitMinutes: Double,
        areas: AuditAreas, hotspotWalk: Bool = false
    ) throws {
        precondition(limitMinutes.isFinite && limitMinutes >= 0, "the limit must be a finite number of minutes")
        let limitSeconds = limitMinutes * 60
        let routable = stations.indices.filter { stations[$0].snap != nil }
        let sources = routable.map { SearchSource(doorToDoor: stations[$0].snap!) }
        var search = MultiSourceSearch(graph: graph)
        // The largest finite limit: every node any station reaches is labelled,
        // and `time(to:)` says nil (not infinity) for the rest.
        let nearest = search.run(sources, limitSeconds: .greatestFiniteMagnitude)

        let targets = hotspots.indices.filter { hotspots[$0].snap != nil }
        let walks = targets.map { hotspotWalk ? hotspots[$0].snap!.walkSeconds : 0 }
        let covering = CoveringStations.lists(
            graph: graph, sources: sources, targets: targets.map { hotspots[$0].snap! },
            extraSeconds: walks, limitSeconds: limitSeconds)
        var results = hotspots.map { _ in
            HotspotCoverage(nearestStation: nil, seconds: nil, stationsWithin: 0, covered: false, area: nil)
        }
        var coveringByHotspot = [[Int]](repeating: [], count: hotspots.count)
        for (k, h) in targets.enumerated() {
            coveringByHotspot[h] = covering[k].map { routable[$0] }
            results[h].stationsWithin = covering[k].count
            guard let hit = nearest.time(to: hotspots[h].snap!) else { continue }
            results[h].nearestStation = routable[hit.source]
            results[h].seconds = hit.seconds + walks[k]
            results[h].covered = hit.seconds + walks[k] <= limitSeconds
        }

        switch areas {
        case .whole:
            for h in results.indices { results[h].area = 0 }
        case .districts(let districts):
            let locator = try DistrictLocator(districts: districts)
            for h in results.indices { results[h].area = try locator.district(of: hotspots[h].point) }
        }

        var areaFigures = [AuditFigures](repeating: AuditFigures(), count: areas.list.count)
        var outside = AuditFigures()
        var total = AuditFigures()
        for (h, result) in results.enumerated() {
            let weight = hotspots[h].site.weight
            if let area = result.area {
                areaFigures[area].add(weight: weight, covered: result.covered)
            } else {
                outside.add(weight: weight, covered: result.covered)
            }
            total.add(weight: weight, covered: result.covered)
        }
        self.limitMinutes = limitMinutes
        self.areas = areas.list
        self.hotspots = results
        self.areaFigures = areaFigures
        self.outside = outside.hotspots > 0 ? outside : nil
        self.total = total
        self.covering = coveringByHotspot
    }
}
