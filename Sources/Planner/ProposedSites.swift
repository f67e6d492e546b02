extension PlanResult {
    /// The sites to propose, in rank order: `sites` without the ones at the end of the ranking
    /// that add nothing (no demand weight newly covered and, for mean-time, no time saved).
    ///
    /// An exact solve may open such a site when it is free to (the MIP is indifferent), and a
    /// site that would add nothing is not proposed. This is the one place the rule lives: the
    /// plan's files, the benchmark result and the report all list these sites.
    /// - Complexity: O(sites).
    public var proposedSites: [RankedSite] {
        var isMeanTime = false
        if case .meanTime = objective { isMeanTime = true }
        var kept = sites
        while let last = kept.last, last.addedWeight == 0, !(isMeanTime && last.secondsSaved > 0) {
            kept.removeLast()
        }
        return kept
    }
}
