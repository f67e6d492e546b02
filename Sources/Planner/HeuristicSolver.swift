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
    /// is met, then repeatedly drop the site whose closing costs least, repair with swaps, and keep the
    /// smaller set while it still meets the target.
    /// - Complexity: O(k) rounds of greedy/interchange work for the k sites the greedy opens.
    static func reachTarget(_ model: CostModel, maxCost: Double) -> AssignmentState {
        var state = AssignmentState(model: model, open: [])
        GreedyConstruction.extend(&state, maxOpen: model.candidateCount) { $0.totalCost <= maxCost }
        while let cheapest = cheapestToClose(state) {
            var trial = state
            trial.close(cheapest)
            FastInterchange.improve(&trial)
            guard trial.totalCost <= maxCost else { break }
            state = trial
        }
        return state
    }

    /// The open candidate whose closing raises the cost least (ties: lowest index), nil when none is open.
    private static func cheapestToClose(_ state: AssignmentState) -> Int? {
        guard !state.openSites.isEmpty else { return nil }
        var loss = [Double](repeating: 0, count: state.model.candidateCount)
        for demand in 0..<state.model.demandCount where state.bestSite[demand] >= 0 {
            loss[Int(state.bestSite[demand])] += state.second[demand] - state.best[demand]
        }
        return state.openSites.min { (loss[$0], $0) < (loss[$1], $1) }
    }
}
