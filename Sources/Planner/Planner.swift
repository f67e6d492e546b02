import Foundation

/// Planner: location-allocation for new stations (MCLP, LSCP, p-median) on a sparse time matrix.
///
/// Heuristic: greedy then fast vertex substitution (deterministic). Exact: MIP through CBC,
/// warm-started with the heuristic, with the proven gap.
public enum Planner {
    /// Solves `problem` for `objective` with `method`.
    ///
    /// `coverage` and `meanTime` open *at most* the given number of new sites (capped at the candidate
    /// count): a site that would add nothing is not proposed. Existing stations are always open and never moved.
    /// - Throws: `PlanningError.invalidParameter` for a negative site count or a target share outside (0, 1];
    ///   `PlanningError.solverFailed` when CBC fails.
    /// - Complexity: heuristic — see `GreedyConstruction` and `FastInterchange`; exact — exponential in the worst case,
    ///   bounded by the time limit.
    public static func solve(_ problem: PlanningProblem, objective: PlanningObjective, method: SolveMethod = .heuristic) throws
        -> PlanResult
    {
        let started = ContinuousClock.now
        let solution: ObjectiveSolution
        switch objective {
        case .coverage(let newSites):
            try checkSiteCount(newSites)
            solution = try solveMinimum(
                CostModel.coverage(problem), maxOpen: min(newSites, problem.candidateCount), method: method,
                formulation: ExactFormulations.maximalCovering)
        case .meanTime(let newSites):
            try checkSiteCount(newSites)
            solution = try solveMinimum(
                CostModel.meanTime(problem), maxOpen: min(newSites, problem.candidateCount), method: method,
                formulation: ExactFormulations.pMedian)
        case .coverAll(let targetShare):
            guard targetShare > 0, targetShare <= 1 else {
                throw PlanningError.invalidParameter(name: "targetShare", reason: "\(targetShare) must be in (0, 1]")
            }
            solution = try solveCoverAll(problem, targetShare: targetShare, method: method)
        }
        let ranking = SiteRanking.rank(solution.open, in: problem, bySecondsSaved: objective.minimisesTime)
        let (before, after) = (ranking.before, ranking.after)
        let values: (before: Double, after: Double)
        var gap: Double?
        switch objective {
        case .coverage:
            values = (before.coveredWeight, after.coveredWeight)
            gap = solution.bound.map { relativeGap(objective: after.coveredWeight, bound: problem.totalWeight - $0) }
        case .meanTime:
            values = (before.weightedSeconds, after.weightedSeconds)
            gap = solution.bound.map { relativeGap(objective: after.weightedSeconds, bound: $0) }
        case .coverAll:
            let count = Double(solution.open.count)
            values = (0, count)
            gap = solution.bound.map { relativeGap(objective: count, bound: $0) }
        }
        if solution.provenOptimal, gap != nil { gap = 0 }
        return PlanResult(
            objective: objective, methodName: method.name, sites: ranking.sites,
            objectiveValueBefore: values.before, objectiveValue: values.after, before: before, after: after,
            gap: gap, provenOptimal: solution.provenOptimal, seconds: (ContinuousClock.now - started).seconds)
    }

    /// |bound − objective| / |objective|, or the absolute difference when the objective is 0.
    static func relativeGap(objective: Double, bound: Double) -> Double {
        let difference = abs(bound - objective)
        return objective == 0 ? difference : difference / abs(objective)
    }

    /// Throws when a requested number of new sites is negative.
    static func checkSiteCount(_ newSites: Int) throws {
        guard newSites >= 0 else {
            throw PlanningError.invalidParameter(name: "newSites", reason: "\(newSites) must not be negative")
        }
    }

    /// The chosen candidates and, for exact solves, CBC's bound on the cost-model objective.
    struct ObjectiveSolution {
        var open: [Int]
        var bound: Double?
        var provenOptimal: Bool
    }

    /// At most `maxOpen` sites minimising the model's cost (coverage or mean-time).
    static func solveMinimum(
        _ model: CostModel, maxOpen: Int, method: SolveMethod, formulation: (CostModel, Int) -> MixedIntegerProgram
    ) throws -> ObjectiveSolution {
        let heuristic = HeuristicSolver.minimiseCost(model, maxOpen: maxOpen)
        guard case .exact(let timeLimit) = method else {
            return ObjectiveSolution(open: heuristic.openSites.sorted(), bound: nil, provenOptimal: false)
        }
        return try refineExactly(
            heuristic, maxOpen: maxOpen, program: formulation(model, maxOpen), timeLimitSeconds: timeLimit)
    }

    /// Runs `program` warm-started from `heuristic` and keeps CBC's solution unless it is worse.
    static func refineExactly(
        _ heuristic: AssignmentState, maxOpen: Int, program: @autoclosure () -> MixedIntegerProgram,
        timeLimitSeconds: Double?
    ) throws -> ObjectiveSolution {
        let model = heuristic.model
        let heuristicOpen = heuristic.openSites.sorted()
        guard !model.demandCandidates.isEmpty else {
            return ObjectiveSolution(open: heuristicOpen, bound: heuristic.totalCost, provenOptimal: true)
        }
        let outcome = try ExactSolver.solve(
            program(), candidateCount: model.candidateCount, warmStart: heuristicOpen, timeLimitSeconds: timeLimitSeconds)
        var open = heuristicOpen
        var cost = heuristic.totalCost
        if let exactOpen = outcome.open, exactOpen.count <= maxOpen {
            let exactCost = model.totalCost(open: membership(exactOpen, count: model.candidateCount))
            if exactCost <= cost + model.tolerance { (open, cost) = (exactOpen, exactCost) }
        }
        // A bound that meets the incumbent proves it optimal even when CBC stopped before branching
        // (it does so when the warm start is already optimal); CBC's own proof may leave its bound up to
        // one unit below an integral objective.
        let proven = outcome.provenOptimal || cost - outcome.bound <= model.tolerance
        return ObjectiveSolution(open: open, bound: proven ? cost : outcome.bound, provenOptimal: proven)
    }

    /// Fewest sites reaching `targetShare` of the coverable weight.
    static func solveCoverAll(_ problem: PlanningProblem, targetShare: Double, method: SolveMethod) throws -> ObjectiveSolution {
        let model = CostModel.coverage(problem)
        let required = targetShare * problem.coverableWeight
        let slack = model.tolerance
        let maxUncovered = problem.totalWeight - required + slack
        let heuristic = HeuristicSolver.reachTarget(model, maxCost: maxUncovered)
        let heuristicOpen = heuristic.openSites.sorted()
        guard case .exact(let timeLimit) = method else {
            return ObjectiveSolution(open: heuristicOpen, bound: nil, provenOptimal: false)
        }
        let coveredBefore = problem.totalWeight - model.totalBaseCost
        let requiredNew = required - coveredBefore - slack
        guard requiredNew > 0, !model.demandCandidates.isEmpty else {
            return ObjectiveSolution(open: heuristicOpen, bound: Double(heuristicOpen.count), provenOptimal: true)
        }
        let program =
            targetShare == 1
            ? ExactFormulations.setCover(model) : ExactFormulations.partialCover(model, requiredWeight: requiredNew)
        let outcome = try ExactSolver.solve(
            program, candidateCount: model.candidateCount, warmStart: heuristicOpen, timeLimitSeconds: timeLimit)
        var open = heuristicOpen
        if let exactOpen = outcome.open, exactOpen.count < heuristicOpen.count,
            model.totalCost(open: membership(exactOpen, count: model.candidateCount)) <= maxUncovered
        {
            open = exactOpen
        }
        let bound = (outcome.bound - 1e-6).rounded(.up)  // the count is an integer
        let proven = outcome.provenOptimal || bound >= Double(open.count)
        return ObjectiveSolution(open: open, bound: proven ? Double(open.count) : bound, provenOptimal: proven)
    }

    /// `open` as a per-candidate flag array.
    static func membership(_ open: [Int], count: Int) -> [Bool] {
        var isOpen = [Bool](repeating: false, count: count)
        for candidate in open { isOpen[candidate] = true }
        return isOpen
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
