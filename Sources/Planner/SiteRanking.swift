/// Orders a chosen set the way it would be built: each next site is the one adding most
/// to the existing stations plus the sites already ranked.
enum SiteRanking {
    /// Ranks `chosen` by marginal covered weight (`bySecondsSaved` false) or by weighted seconds saved
    /// (true, for mean-time); ties go to the other measure, then to the lowest candidate index.
    /// - Complexity: O(k · (Σ row lengths of chosen + demands)) for k chosen sites.
    static func rank(_ chosen: [Int], in problem: PlanningProblem, bySecondsSaved: Bool)
        -> (sites: [RankedSite], before: ServiceMetrics, after: ServiceMetrics)
    {
        var state = ServiceState(problem: problem)
        let before = state.metrics
        var after = before
        var remaining = chosen.sorted()
        var sites: [RankedSite] = []
        while !remaining.isEmpty {
            let marginals = remaining.map { state.marginal(ofCandidate: $0) }
            var pick = 0
            for index in 1..<max(1, remaining.count) {
                let a = marginals[index]
                let b = marginals[pick]
                let keyA = bySecondsSaved ? (a.secondsSaved, a.addedWeight) : (a.addedWeight, a.secondsSaved)
                let keyB = bySecondsSaved ? (b.secondsSaved, b.addedWeight) : (b.addedWeight, b.secondsSaved)
                if keyA > keyB { pick = index }
            }
            let candidate = remaining.remove(at: pick)
            state.add(candidate: candidate)
            after = state.metrics
            let marginal = marginals[pick]
            sites.append(
                RankedSite(
                    rank: sites.count + 1, candidate: candidate, addedWeight: marginal.addedWeight,
                    cumulativeShare: after.coveredShare, takenDemands: marginal.taken, secondsSaved: marginal.secondsSaved))
        }
        return (sites, before, after)
    }
}

extension SiteRanking {
    /// Ranks the `chosen` sites of a capacitated p-median (Mulvey & Beck 1984, split demand) by the
    /// capacitated cost: each next site is the one whose opening lowers most the least-cost assignment
    /// (`MinCostAssignment`, unassigned weight at the unreached penalty) of the existing stations plus
    /// the sites already ranked; ties within the flow's tolerance go to the larger newly covered
    /// weight, then to the lowest candidate index. A site's `secondsSaved` is that drop, so the
    /// savings sum to the plan's drop in capacitated weighted seconds (the assignment with no
    /// candidate minus the one with all of `chosen`). `addedWeight`, `takenDemands` and
    /// `cumulativeShare` stay the uncapacitated coverage in the new order, as in `rank`.
    /// - Complexity: k(k+1)/2 min-cost assignments for k chosen sites.
    static func rankCapacitated(_ chosen: [Int], in problem: PlanningProblem, capacities: SiteCapacities)
        -> (sites: [RankedSite], before: ServiceMetrics, after: ServiceMetrics)
    {
        let template = MinCostAssignment(problem: problem, capacities: capacities, kind: .meanTime)
        var evaluator = CapacitatedMedian.Evaluator(template: template, problem: problem)
        var state = ServiceState(problem: problem)
        let before = state.metrics
        var after = before
        var current = evaluator.cost([])
        var open: [Int] = []
        var remaining = chosen.sorted()
        var sites: [RankedSite] = []
        while !remaining.isEmpty {
            let costs = remaining.map { evaluator.cost(open + [$0]) }
            let marginals = remaining.map { state.marginal(ofCandidate: $0) }
            var pick = 0
            for index in 1..<max(1, remaining.count) {
                let difference = costs[pick] - costs[index]  // > 0: index saves more
                if difference > template.tolerance
                    || (abs(difference) <= template.tolerance && marginals[index].addedWeight > marginals[pick].addedWeight)
                {
                    pick = index
                }
            }
            let candidate = remaining.remove(at: pick)
            open.append(candidate)
            state.add(candidate: candidate)
            after = state.metrics
            let marginal = marginals[pick]
            sites.append(
                RankedSite(
                    rank: sites.count + 1, candidate: candidate, addedWeight: marginal.addedWeight,
                    cumulativeShare: after.coveredShare, takenDemands: marginal.taken, secondsSaved: current - costs[pick]))
            current = costs[pick]
        }
        return (sites, before, after)
    }
}
