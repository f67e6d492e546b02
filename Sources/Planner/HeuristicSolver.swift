/// Greedy construction followed by fast vertex substitution, for each objective.
enum HeuristicSolver {
    /// Opens at most `maxOpen` candidates minimising the model's total cost: keeps `start`, adds greedily,
    /// then swaps to a local optimum. Deterministic.
    /// - Complexity: see `GreedyConstruction.extend` and `FastInterchange.improve`.
    static func minimiseCost(_ model: CostModel, maxOpen: Int, start: [Int] = []) -> AssignmentState {
        var state = AssignmentState(model: model, open: start)
        GreedyConstruction.extend(&state, maxOpen: maxOpen)
        FastInterchange.improve(&state)
        return state
    }

    /// Fewest candidates whose total (uncovered) cost is at most `maxCost`: greedy until the target
    /// is met; then, while some open site can go, drop it, repair with swaps and keep the smaller set if it
    /// still meets the target. Sites are tried in order of what closing them costs (ties: lowest index),
    /// and a level ends when every open site has been tried without success.
    /// - Complexity: O((levels + k) · interchange) for the k sites the greedy opens.
    static func reachTarget(_ model: CostModel, maxCost: Double) -> AssignmentState {
        var state = AssignmentState(model: model, open: [])
        GreedyConstruction.extend(&state, maxOpen: model.candidateCount) { $0.totalCost <= maxCost }
        var reduced = true
        while reduced {
            reduced = false
            for outgoing in closingOrder(state) {
                var trial = state
                trial.close(outgoing)
                FastInterchange.improve(&trial)
                if trial.totalCost <= maxCost {
                    state = trial
                    reduced = true
                    break
                }
            }
        }
        return state
    }

    /// Open candidates by what closing each raises the cost (ties: lowest index).
    private static func closingOrder(_ state: AssignmentState) -> [Int] {
        var loss = [Double](repeating: 0, count: state.model.candidateCount)
        for demand in 0..<state.model.demandCount where state.bestSite[demand] >= 0 {
            loss[Int(state.bestSite[demand])] += state.second[demand] - state.best[demand]
        }
        return state.openSites.sorted { (loss[$0], $0) < (loss[$1], $1) }
    }
}
