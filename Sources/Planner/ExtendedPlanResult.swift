/// The weight assigned to one open site in a capacitated plan.
public struct SiteLoad: Sendable, Equatable {
    /// Matrix row of the site: an existing station when below `existingSiteCount`, else candidate
    /// `row - existingSiteCount`.
    public let row: Int
    /// Demand weight assigned to the site (at most `capacity`).
    public let load: Double
    /// The site's capacity (`.infinity` when uncapacitated).
    public let capacity: Double
    /// `load / capacity`, nil when the capacity is infinite or 0.
    public var loadRatio: Double? { capacity.isFinite && capacity > 0 ? load / capacity : nil }
}

/// The outcome of a capacitated or backup plan (objectives beyond `PlanningObjective`).
public struct ExtendedPlanResult: Sendable, Equatable {
    /// `coverage-capacitated`, `cover-all-capacitated` or `backup`.
    public let objectiveName: String
    /// `heuristic` or `exact`.
    public let methodName: String
    /// The chosen candidate indices, ascending.
    public let chosenCandidates: [Int]
    /// Objective with the existing stations only: assigned (covered) weight within capacity
    /// (capacitated coverage and cover-all), or θ·covered + (1 − θ)·double-covered weight (backup).
    public let objectiveValueBefore: Double
    /// Objective with the new sites (same units; for cover-all the covered weight, the site count is
    /// `chosenCandidates.count`).
    public let objectiveValue: Double
    /// Covered weight within capacity with the existing stations only (equals `before.coveredWeight` when
    /// the plan has no capacities).
    public let capacitatedCoveredBefore: Double
    /// Covered weight within capacity with the new sites.
    public let capacitatedCovered: Double
    /// Uncapacitated service (covered, double-covered, time) with the existing stations only.
    public let before: ServiceMetrics
    /// Uncapacitated service with the existing stations and the new sites.
    public let after: ServiceMetrics
    /// Capacitated plans: every open site (existing stations then chosen candidates, by row) with its
    /// assigned load; empty for backup plans.
    public let loads: [SiteLoad]
    /// Capacitated plans: weight of each demand assigned to open sites (the rest is uncovered).
    public let demandAssigned: [Double]
    /// Exact only: |bound − objective| / |objective| (absolute when the objective is 0); 0 once proven.
    public let gap: Double?
    /// Exact only: whether CBC proved the plan optimal.
    public let provenOptimal: Bool
    /// Wall-clock seconds of the solve.
    public let seconds: Double

    /// `capacitatedCovered` over the total weight of `problem` (0 when it is 0).
    public func capacitatedShare(of problem: PlanningProblem) -> Double {
        let total = problem.totalWeight
        return total > 0 ? capacitatedCovered / total : 0
    }
}

extension Planner {
    /// Uncapacitated service with the existing stations and `open` candidates: covered and double-covered
    /// weight and shares, weighted seconds.
    /// - Complexity: O(entries of the open rows + demands).
    public static func service(_ problem: PlanningProblem, open: [Int]) -> ServiceMetrics {
        var state = ServiceState(problem: problem)
        for candidate in open { state.add(candidate: candidate) }
        return state.metrics
    }
}
