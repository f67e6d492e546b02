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
            after = place(
                remaining.remove(at: pick), marginal: marginals[pick], secondsSaved: marginals[pick].secondsSaved,
                state: &state, sites: &sites)
        }
        return (sites, before, after)
    }

    /// Opens `candidate` in `state` and appends its row to `sites`: its uncapacitated `marginal`
    /// (measured before opening it) with `secondsSaved`, and the covered share after. Returns the
    /// metrics after.
    private static func place(
        _ candidate: Int, marginal: (addedWeight: Double, taken: [Int], secondsSaved: Double), secondsSaved: Double,
        state: inout ServiceState, sites: inout [RankedSite]
    ) -> ServiceMetrics {
        state.add(candidate: candidate)
        let after = state.metrics
        sites.append(
            RankedSite(
                rank: sites.count + 1, candidate: candidate, addedWeight: marginal.addedWeight,
                cumulativeShare: after.coveredShare, takenDemands: marginal.taken, secondsSaved: secondsSaved))
        return after
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
    ///
    /// **Lazy evaluation.** Each step solves the assignment only for the sites that can matter: every
    /// remaining site gets a lower bound on its cost from the LP dual of the current assignment
    /// (`MinCostAssignment.savingBound`, valid whether or not the savings are submodular), sites are
    /// solved in increasing bound, and the step stops once every site not solved has a bound above the
    /// cost of each site the tie-aware scan over the solved ones passes through by more than the
    /// tolerance: such a site can never become the pick, so the pick is the one the scan over every
    /// site gives.
    /// - Complexity: at most k(k+1)/2 + k + 1 min-cost assignments for k chosen sites, usually far fewer.
    static func rankCapacitated(_ chosen: [Int], in problem: PlanningProblem, capacities: SiteCapacities)
        -> (sites: [RankedSite], before: ServiceMetrics, after: ServiceMetrics)
    {
        let ranked = rankCapacitatedCounting(chosen, in: problem, capacities: capacities)
        return (ranked.sites, ranked.before, ranked.after)
    }

    /// `rankCapacitated` with the number of min-cost assignments it solved (`evaluations`).
    static func rankCapacitatedCounting(_ chosen: [Int], in problem: PlanningProblem, capacities: SiteCapacities)
        -> (sites: [RankedSite], before: ServiceMetrics, after: ServiceMetrics, evaluations: Int)
    {
        let template = MinCostAssignment(problem: problem, capacities: capacities, kind: .meanTime)
        var evaluator = CapacitatedMedian.Evaluator(template: template, problem: problem)
        var state = ServiceState(problem: problem)
        let before = state.metrics
        var after = before
        var flow = evaluator.solve([])
        var current = flow.totalCost
        var open: [Int] = []
        var remaining = chosen.sorted()
        var sites: [RankedSite] = []
        while !remaining.isEmpty {
            let duals = flow.duals()
            // cost(open + [c]) ≥ dual value − savingBound (LP duality); the slack absorbs rounding.
            let slack = 1e-6 * max(1, abs(duals.value))
            let lowerBounds = remaining.map {
                duals.value - template.savingBound(opening: problem.row(ofCandidate: $0), prices: duals.demand) - slack
            }
            let order = remaining.indices.sorted { (lowerBounds[$0], $0) < (lowerBounds[$1], $1) }
            var costs = [Double?](repeating: nil, count: remaining.count)
            // The assignment of the scan's pick (kept while it stays the pick; else solved again).
            var pickFlow: (index: Int, flow: MinCostAssignment)?
            let marginals = remaining.map { state.marginal(ofCandidate: $0) }
            var pick = 0
            for (solvedCount, index) in order.enumerated() {
                let solved = evaluator.solve(open + [remaining[index]])
                costs[index] = solved.totalCost
                // The scan of the exhaustive ranking, over the solved sites in candidate order.
                var scanPick: Int?
                var highestOnPath = -Double.infinity
                for i in remaining.indices {
                    guard let cost = costs[i] else { continue }
                    if let p = scanPick {
                        let difference = costs[p]! - cost  // > 0: i saves more
                        if difference > template.tolerance
                            || (abs(difference) <= template.tolerance && marginals[i].addedWeight > marginals[p].addedWeight)
                        {
                            scanPick = i
                        }
                    } else {
                        scanPick = i
                    }
                    highestOnPath = max(highestOnPath, costs[scanPick!]!)
                }
                pick = scanPick!
                if pick == index { pickFlow = (index, solved) }
                let nextBound = solvedCount + 1 < order.count ? lowerBounds[order[solvedCount + 1]] : Double.infinity
                if nextBound - highestOnPath > template.tolerance { break }
            }
            let candidate = remaining.remove(at: pick)
            open.append(candidate)
            flow = pickFlow?.index == pick ? pickFlow!.flow : evaluator.solve(open)
            after = place(candidate, marginal: marginals[pick], secondsSaved: current - flow.totalCost, state: &state, sites: &sites)
            current = flow.totalCost
        }
        return (sites, before, after, evaluator.evaluations)
    }
}
