import Coverage
import Planner
import RoadNetwork

/// The planning part of the report: the best `K` new sites for coverage (heuristic)
/// and the covered share for 0 … max(K, 10) new sites, on the matrix `nuanxin plan` builds.
public struct ReportPlan {
    /// The candidates that take part (candidate `c` of the plan is `candidates[c]`).
    public let candidates: [PlacedSite]
    /// Candidates left out (at a station, or unroutable), and why.
    public let excluded: [ExcludedSite]
    /// The chosen sites, by rank.
    public let result: PlanResult
    /// Covered share for each number of new sites from 0.
    public let frontier: [FrontierPoint]
    /// With road positions: the listed candidates' best against the best anywhere on the roads.
    public var candidateGap: CandidateGap?
    /// The hotspots of the plan's matrix (for the candidate gap's demand indices).
    public var hotspots: [PlacedSite] = []
    /// Listed candidates and road positions (for the candidate gap's candidate indices).
    public var allCandidates: [PlacedSite] = []
    /// Spacing of the road positions in metres; nil without them.
    public var roadSpacingMeters: Double?

    /// The largest frontier point when K is smaller.
    public static let frontierReach = 10

    /// Builds the coverage matrix of `stations` and `candidates` against `hotspots` within
    /// `minutes` on `graph`, solves for `newSites` new sites and runs the frontier. With `roadSpacing`,
    /// road positions every that many metres join the matrix (built from the hotspots on the reversed
    /// graph) for the candidate gap only: the plan and frontier stay on the listed candidates.
    /// - Throws: `PlanningError` from the planner.
    /// - Complexity: one bounded search per site, then greedy + vertex substitution per frontier point.
    public static func run(
        graph: RoadGraph, stations: [PlacedSite], candidates: [PlacedSite], hotspots: [PlacedSite], maxSnap: Double,
        minutes: Double, newSites: Int, hotspotWalk: Bool = false, roadSpacing: Double? = nil
    ) throws -> ReportPlan {
        let roads = try roadSpacing.map { try RoadCandidates.sites(graph: graph, spacingMeters: $0) } ?? []
        let network = try NetworkPlanningProblem(
            graph: graph, stations: stations, candidates: candidates + roads, hotspots: hotspots, maxSnap: maxSnap,
            coverageMinutes: minutes, hotspotWalk: hotspotWalk, matrix: .suited(roadPositions: roads.count))
        let listedCount = RoadCandidates.listedCount(network.candidates)
        let listed = roads.isEmpty ? network.problem : network.problem.keepingFirstCandidates(listedCount)
        let gap =
            roads.isEmpty
            ? nil
            : try Planner.candidateGap(network.problem, listedCount: listedCount, objective: .coverage(newSites: newSites))
        let result = try gap?.listedBest ?? Planner.solve(listed, objective: .coverage(newSites: newSites))
        let frontier = try Planner.coverageFrontier(listed, newSites: 0...max(newSites, frontierReach))
        var plan = ReportPlan(
            candidates: Array(network.candidates.prefix(listedCount)),
            excluded: network.excludedCandidates.filter { !RoadCandidates.isRoadPosition($0.site) },
            result: result, frontier: frontier)
        plan.candidateGap = gap
        plan.hotspots = network.hotspots
        plan.allCandidates = network.candidates
        plan.roadSpacingMeters = roadSpacing
        return plan
    }
}
