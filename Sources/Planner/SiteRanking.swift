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
