/// Greedy construction: repeatedly open the candidate that saves the most cost.
enum GreedyConstruction {
    /// Opens candidates one by one, each the closed one with the largest cost saving (ties: lowest index),
    /// until `maxOpen` are open, no candidate saves more than the tolerance, or `isDone` holds.
    ///
    /// Savings are kept incrementally: opening `j` changes only the demands `j` serves, and each
    /// such demand corrects the saving of the candidates that serve it.
    /// - Complexity: O(pairs) to start, then per step O(candidates + Σ pairs of the demands the new site serves).
    static func extend(
        _ state: inout AssignmentState, maxOpen: Int, isDone: (AssignmentState) -> Bool = { _ in false }
    ) {
        let model = state.model
        var saving = [Double](repeating: 0, count: model.candidateCount)
        for demand in 0..<model.demandCount {
            let current = state.best[demand]
            for k in model.demandStarts[demand]..<model.demandStarts[demand + 1] where model.demandCosts[k] < current {
                saving[Int(model.demandCandidates[k])] += current - model.demandCosts[k]
            }
        }
        let tolerance = model.tolerance
        while state.openSites.count < maxOpen, !isDone(state) {
            var chosen = -1
            var chosenSaving = tolerance
            for candidate in 0..<model.candidateCount where !state.isOpen[candidate] && saving[candidate] > chosenSaving {
                chosen = candidate
                chosenSaving = saving[candidate]
            }
            guard chosen >= 0 else { return }
            let served = model.candidateStarts[chosen]..<model.candidateStarts[chosen + 1]
            let before = served.map { state.best[Int(model.candidateDemands[$0])] }
            state.open(chosen)
            for (offset, k) in served.enumerated() {
                let demand = Int(model.candidateDemands[k])
                let old = before[offset]
                let new = state.best[demand]
                guard new < old else { continue }
                for p in model.demandStarts[demand]..<model.demandStarts[demand + 1] {
                    let cost = model.demandCosts[p]
                    guard cost < old else { continue }
                    saving[Int(model.demandCandidates[p])] -= (old - cost) - max(0, new - cost)
                }
            }
        }
    }
}
