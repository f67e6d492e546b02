/// A plan made for the slow end of a speed band and measured at both ends.
///
/// Riding speed varies (traffic, weather, load); a plan that covers a hotspot at the high speed may
/// miss it at the low one. Coverage only grows with speed, so the low speed is the worst case: the plan
/// maximises coverage at LOW (a max–min plan over the two scenarios, in the sense of robust
/// discrete location, Kouvelis & Yu 1997) and reports its share at both speeds.
public struct RobustPlanResult: Sendable, Equatable {
    /// The plan solved on the low-speed problem (its `before`/`after` are at LOW).
    public let plan: PlanResult
    /// Service with the existing stations only at the high speed.
    public let beforeHigh: ServiceMetrics
    /// Service of the plan at the high speed.
    public let afterHigh: ServiceMetrics
}

/// One point of a robust frontier: the low-speed point and the same sites' share at the high speed.
public struct RobustFrontierPoint: Sendable, Equatable {
    /// The point solved at the low speed.
    public let low: FrontierPoint
    /// Covered share of the same sites at the high speed.
    public let coveredShareHigh: Double
}

extension Planner {
    /// Plans on `low` (the slow speed: the worst case) and measures the plan on `high`.
    ///
    /// Both problems must describe the same sites and demand points (same counts and weights); only their
    /// times differ, as built from one graph retimed at the two speeds (`RoadGraph.retimed`).
    /// - Throws: `PlanningError.invalidParameter` when the problems do not match; the errors of `solve`.
    public static func solveRobust(
        low: PlanningProblem, high: PlanningProblem, objective: PlanningObjective, method: SolveMethod = .heuristic
    ) throws -> RobustPlanResult {
        try checkSameSites(low, high)
        let plan = try solve(low, objective: objective, method: method)
        return RobustPlanResult(
            plan: plan, beforeHigh: service(high, open: []), afterHigh: service(high, open: plan.chosenCandidates))
    }

    /// The coverage frontier at the low speed with each point's share at the high speed.
    /// - Throws: as `solveRobust` and `coverageFrontier`.
    public static func robustCoverageFrontier(
        low: PlanningProblem, high: PlanningProblem, newSites: ClosedRange<Int>, method: SolveMethod = .heuristic
    ) throws -> [RobustFrontierPoint] {
        try checkSameSites(low, high)
        return try coverageFrontier(low, newSites: newSites, method: method).map {
            RobustFrontierPoint(low: $0, coveredShareHigh: service(high, open: $0.candidates).coveredShare)
        }
    }

    /// Throws unless both problems have the same sites, demand points and weights.
    static func checkSameSites(_ low: PlanningProblem, _ high: PlanningProblem) throws {
        guard low.existingSiteCount == high.existingSiteCount, low.candidateCount == high.candidateCount,
            low.demandWeights == high.demandWeights
        else {
            throw PlanningError.invalidParameter(
                name: "speed band",
                reason:
                    "the low- and high-speed problems differ in sites or demand (\(low.existingSiteCount)+\(low.candidateCount) vs \(high.existingSiteCount)+\(high.candidateCount) sites, \(low.demandCount) vs \(high.demandCount) demands)"
            )
        }
    }
}
