extension Planner {
    /// Best covered share for every number of new sites in `newSites`, in one run.
    ///
    /// The heuristic grows one solution: for each k it adds the greedy best site to the solution for
    /// k − 1 and swaps to a local optimum, so coverage never falls as k grows. The exact method then
    /// solves each k with CBC (the time limit applies to each k), warm-started from that heuristic
    /// solution. Either way a point whose solve is worse than the previous point takes the previous
    /// point's sites, so the share is non-decreasing by construction.
    /// - Throws: `PlanningError.invalidParameter` for a negative lower bound; `PlanningError.solverFailed` from CBC.
    /// - Complexity: heuristic — one greedy step and one interchange per k.
    public static func coverageFrontier(_ problem: PlanningProblem, newSites: ClosedRange<Int>, method: SolveMethod = .heuristic)
        throws -> [FrontierPoint]
    {
        try checkSiteCount(newSites.lowerBound)
        let model = CostModel.coverage(problem)
        var state = AssignmentState(model: model, open: [])
        var points: [FrontierPoint] = []
        var previous: (candidates: [Int], covered: Double)? = nil
        for k in 0...newSites.upperBound {
            let maxOpen = min(k, problem.candidateCount)
            GreedyConstruction.extend(&state, maxOpen: maxOpen)
            FastInterchange.improve(&state)
            guard k >= newSites.lowerBound else { continue }
            var candidates = state.openSites.sorted()
            var gap: Double? = nil
            if case .exact(let timeLimit) = method {
                let solution = try refineExactly(
                    state, maxOpen: maxOpen, program: ExactFormulations.maximalCovering(model, maxOpen: maxOpen),
                    timeLimitSeconds: timeLimit)
                candidates = solution.open
                let covered = coveredWeight(problem, open: candidates)
                gap = solution.provenOptimal ? 0 : solution.bound.map { relativeGap(objective: covered, bound: problem.totalWeight - $0) }
            }
            var covered = coveredWeight(problem, open: candidates)
            if let previous, previous.covered > covered {
                candidates = previous.candidates
                covered = previous.covered
            }
            let total = problem.totalWeight
            points.append(
                FrontierPoint(
                    newSites: k, candidates: candidates, coveredWeight: covered,
                    coveredShare: total > 0 ? covered / total : 0, gap: gap))
            previous = (candidates, covered)
        }
        return points
    }

    /// Covered weight with the existing stations and `open`.
    static func coveredWeight(_ problem: PlanningProblem, open: [Int]) -> Double {
        var state = ServiceState(problem: problem)
        for candidate in open { state.add(candidate: candidate) }
        return state.metrics.coveredWeight
    }
}
