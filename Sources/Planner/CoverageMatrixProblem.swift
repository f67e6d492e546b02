import Foundation
import GeoCore
import RoadNetwork

/// How the site × hotspot time matrix is built.
public enum MatrixConstruction: Sendable, Equatable {
    /// One bounded search per site (`CoverageMatrix.build`): best when sites are few.
    case perSite
    /// One bounded search per hotspot on the reversed graph (`ReverseCoverageMatrix.build`): best for
    /// thousands of candidate sites (open siting) and fewer hotspots.
    case reverseFromHotspots
}

/// Why a station or a candidate site takes no part in a plan.
public enum SiteExclusion: Sendable, Equatable, CustomStringConvertible {
    /// No usable road within the maximum snap distance; the reason in words.
    case unroutable(reason: String)
    /// The candidate is the same place as the existing station `stationID`: the same OSM object
    /// (equal `osm_id` properties, `sameObject`) or within `NetworkPlanningProblem.sameSiteMeters`.
    case sameAsStation(stationID: String, meters: Double, sameObject: Bool)

    /// The reason in words, for the list of left-out sites.
    public var description: String {
        switch self {
        case .unroutable(let reason):
            return reason
        case .sameAsStation(let station, let meters, let sameObject):
            let distance = formatFixed(meters, decimals: 1)
            return sameObject
                ? "it is existing station \(station) (same osm_id, \(distance) m apart)"
                : "it is \(distance) m from existing station \(station), the same site"
        }
    }
}

/// A station or candidate left out of a plan, and why.
public struct ExcludedSite: Sendable {
    /// The site as placed on the network.
    public let site: PlacedSite
    /// Why it is left out.
    public let exclusion: SiteExclusion
}

/// A location-allocation problem for real sites on a road network: existing stations (fixed) and
/// candidate sites against weighted hotspots, with the time matrix from `CoverageMatrix`.
///
/// Rows of `problem.times` are the routable stations in input order, then the usable candidates in
/// input order (candidate `c` of `problem` is `candidates[c]`); columns are all hotspots in input
/// order. An unroutable hotspot keeps its column and its weight with no times: it is never covered
/// (as in the audit) and costs the unreached penalty under mean-time.
///
/// **Left out.** Unroutable stations and candidates (beyond the maximum snap distance) are left out.
/// A candidate that is the same place as an existing station (given in the stations, routable or
/// not) is left out too: the same OSM object (both carry the same `osm_id` property; OSM candidates
/// carry their POI id) or within `sameSiteMeters` (25 m, in the graph's metric CRS) of it.
///
/// **Limits.** A site covers a hotspot within `coverageSeconds`. Searches run to `searchSeconds`
/// (the coverage limit for coverage and cover-all; longer for mean-time, so that times beyond the
/// limit count); a hotspot that no open site reaches within the search limit is charged
/// `unreachedPenaltySeconds` = search limit + coverage limit under mean-time.
public struct NetworkPlanningProblem: Sendable {
    /// The problem the planner solves.
    public internal(set) var problem: PlanningProblem
    /// The routable existing stations, in input order: rows `0..<problem.existingSiteCount`.
    public let stations: [PlacedSite]
    /// The usable candidates, in input order: candidate `c` of `problem`.
    public let candidates: [PlacedSite]
    /// Every hotspot, in input order: the columns of the matrix.
    public let hotspots: [PlacedSite]
    /// Stations left out (unroutable), in input order.
    public let excludedStations: [ExcludedSite]
    /// Candidates left out (same place as a station, or unroutable), in input order.
    public let excludedCandidates: [ExcludedSite]
    /// The coverage limit in seconds.
    public let coverageSeconds: Double
    /// The search limit in seconds (≥ the coverage limit).
    public let searchSeconds: Double

    /// Two sites closer than this many metres are the same place.
    public static let sameSiteMeters = 25.0

    /// Seconds charged to a hotspot no open site reaches within the search limit (mean-time).
    public var unreachedPenaltySeconds: Double { searchSeconds + coverageSeconds }

    /// Leaves out unroutable sites and candidates at a station, then builds the time matrix
    /// (`matrix`: one search per site, or one reversed search per hotspot for many candidates).
    ///
    /// `coverageMinutes` should be a whole number of tenths of a minute, so that the limit in seconds
    /// is exact in the matrix's `Float` (see `CoverageMatrix`); `searchMinutes` nil means the coverage limit.
    /// `graph` is the graph searched from the sites: pass `TravelDirection.toStation.searchGraph(for:)`
    /// (the reversed graph) for times from the hotspot to the site. With `hotspotWalk` each hotspot's
    /// walk to its road (`SnapPoint.walkSeconds`) is added to every time in its column (door to door at
    /// both ends, `--hotspot-walk on`).
    /// - Throws: `PlanningError.invalidParameter` for a limit that is not finite and positive or a search
    ///   limit below the coverage limit.
    /// - Complexity: O(stations × candidates) for the same-place test, plus `CoverageMatrix.build`.
    public init(
        graph: RoadGraph, stations: [PlacedSite], candidates: [PlacedSite], hotspots: [PlacedSite], maxSnap: Double,
        coverageMinutes: Double, searchMinutes: Double? = nil, hotspotWalk: Bool = false,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount, matrix: MatrixConstruction = .perSite
    ) throws {
        guard coverageMinutes.isFinite, coverageMinutes > 0 else {
            throw PlanningError.invalidParameter(name: "coverageMinutes", reason: "\(coverageMinutes) must be a finite number > 0")
        }
        let searchMinutes = searchMinutes ?? coverageMinutes
        guard searchMinutes.isFinite, searchMinutes >= coverageMinutes else {
            throw PlanningError.invalidParameter(
                name: "searchMinutes", reason: "\(searchMinutes) must be finite and at least the coverage limit \(coverageMinutes)")
        }
        var usedStations: [PlacedSite] = []
        var excludedStations: [ExcludedSite] = []
        for station in stations {
            if let reason = station.unroutableReason(maxSnap: maxSnap) {
                excludedStations.append(ExcludedSite(site: station, exclusion: .unroutable(reason: reason)))
            } else {
                usedStations.append(station)
            }
        }
        var usedCandidates: [PlacedSite] = []
        var excludedCandidates: [ExcludedSite] = []
        for candidate in candidates {
            if let same = Self.sameStation(as: candidate, among: stations) {
                excludedCandidates.append(ExcludedSite(site: candidate, exclusion: same))
            } else if let reason = candidate.unroutableReason(maxSnap: maxSnap) {
                excludedCandidates.append(ExcludedSite(site: candidate, exclusion: .unroutable(reason: reason)))
            } else {
                usedCandidates.append(candidate)
            }
        }
        let coverageSeconds = coverageMinutes * 60
        let searchSeconds = searchMinutes * 60
        let build = matrix == .perSite ? CoverageMatrix.build : ReverseCoverageMatrix.build
        var times = build(graph, (usedStations + usedCandidates).map { $0.snap! }, hotspots.map(\.snap), searchSeconds, workers)
        if hotspotWalk {
            let walks = hotspots.map { Float($0.snap?.walkSeconds ?? 0) }
            times = try SparseTimeMatrix(
                demandCount: times.demandCount, rowStarts: times.rowStarts, demandIndices: times.demandIndices,
                seconds: times.demandIndices.indices.map { times.seconds[$0] + walks[Int(times.demandIndices[$0])] })
        }
        problem = try PlanningProblem(
            demandWeights: hotspots.map(\.site.weight), existingSiteCount: usedStations.count,
            candidateCount: usedCandidates.count, times: times, coverageLimit: Float(coverageSeconds),
            unreachedPenalty: Float(searchSeconds + coverageSeconds))
        self.stations = usedStations
        self.candidates = usedCandidates
        self.hotspots = hotspots
        self.excludedStations = excludedStations
        self.excludedCandidates = excludedCandidates
        self.coverageSeconds = coverageSeconds
        self.searchSeconds = searchSeconds
    }

    /// The station `candidate` duplicates: the first with the same `osm_id`, else the nearest within
    /// `sameSiteMeters` (the first in input order on a tie); nil when none.
    static func sameStation(as candidate: PlacedSite, among stations: [PlacedSite]) -> SiteExclusion? {
        func meters(_ station: PlacedSite) -> Double {
            let dx = station.point.x - candidate.point.x
            let dy = station.point.y - candidate.point.y
            return (dx * dx + dy * dy).squareRoot()
        }
        if let osmID = candidate.site.properties["osm_id"]?.stringValue,
            let station = stations.first(where: { $0.site.properties["osm_id"]?.stringValue == osmID })
        {
            return .sameAsStation(stationID: station.site.id, meters: meters(station), sameObject: true)
        }
        var nearest: (station: PlacedSite, meters: Double)?
        for station in stations {
            let distance = meters(station)
            if distance <= sameSiteMeters, distance < nearest?.meters ?? .infinity { nearest = (station, distance) }
        }
        return nearest.map { .sameAsStation(stationID: $0.station.site.id, meters: $0.meters, sameObject: false) }
    }
}

extension NetworkPlanningProblem {
    /// The same sites and hotspots with `problem` replaced by an expanded one
    /// (`HourlyPlanning.problem`, same rows), for planning over hours.
    public func replacingProblem(_ problem: PlanningProblem) -> NetworkPlanningProblem {
        precondition(problem.times.rowCount == self.problem.times.rowCount, "the same site rows")
        var copy = self
        copy.problem = problem
        return copy
    }
}
