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

    /// The largest frontier point when K is smaller.
    public static let frontierReach = 10

    /// Builds the coverage matrix of `stations` and `candidates` against `hotspots` within
    /// `minutes` on `graph`, solves for `newSites` new sites and runs the frontier.
    /// - Throws: `PlanningError` from the planner.
    /// - Complexity: one bounded search per site, then greedy + vertex substitution per frontier point.
    public static func run(
        graph: RoadGraph, stations: [PlacedSite], candidates: [PlacedSite], hotspots: [PlacedSite], maxSnap: Double,
        minutes: Double, newSites: Int, hotspotWalk: Bool = false
    ) throws -> ReportPlan {
        let network = try NetworkPlanningProblem(
            graph: graph, stations: stations, candidates: candidates, hotspots: hotspots, maxSnap: maxSnap,
            coverageMinutes: minutes, hotspotWalk: hotspotWalk)
        let result = try Planner.solve(network.problem, objective: .coverage(newSites: newSites))
        let frontier = try Planner.coverageFrontier(network.problem, newSites: 0...max(newSites, frontierReach))
        return ReportPlan(
            candidates: network.candidates, excluded: network.excludedCandidates, result: result, frontier: frontier)
    }
}
