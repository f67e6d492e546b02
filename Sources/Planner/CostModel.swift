/// The problem seen as "each demand pays the cheapest open site, or its base cost":
/// one shape for coverage (cost 0 when covered, the weight when not) and p-median
/// (weight × seconds), so greedy, interchange and the MIP share one engine.
///
/// Existing stations and the unreached penalty are folded into `baseCost`; only candidate
/// pairs cheaper than the base are kept (the others can never be used).
struct CostModel {
    let candidateCount: Int
    let demandCount: Int
    /// Cost of each demand with no new site open.
    let baseCost: [Double]
    /// Candidate-major useful pairs: candidate `c` owns `candidateStarts[c]..<candidateStarts[c + 1]`.
    let candidateStarts: [Int]
    let candidateDemands: [Int32]
    let candidateCosts: [Double]
    /// For each candidate-major pair, its position in the demand-major arrays.
    let candidatePairPosition: [Int]
    /// Demand-major useful pairs (candidates ascending): demand `d` owns `demandStarts[d]..<demandStarts[d + 1]`.
    let demandStarts: [Int]
    let demandCandidates: [Int32]
    let demandCosts: [Double]

    /// Sum of the base costs, in demand order.
    var totalBaseCost: Double { baseCost.reduce(0, +) }

    /// Coverage costs: a demand costs its weight unless an open site is within the coverage limit.
    /// - Complexity: O(entries + demands + candidates).
    static func coverage(_ problem: PlanningProblem) -> CostModel {
        let limit = problem.coverageLimit
        var base = problem.demandWeights
        let times = problem.times
        for row in 0..<problem.existingSiteCount {
            for k in times.entries(ofRow: row) where times.seconds[k] <= limit {
                base[Int(times.demandIndices[k])] = 0
            }
        }
        return build(problem, baseCost: base) { _, seconds in seconds <= limit ? 0 : nil }
    }

    /// p-median costs: a demand costs weight × min(penalty, seconds to its nearest open site).
    /// - Complexity: O(entries + demands + candidates).
    static func meanTime(_ problem: PlanningProblem) -> CostModel {
        var nearest = [Float](repeating: problem.unreachedPenalty, count: problem.demandCount)
        let times = problem.times
        for row in 0..<problem.existingSiteCount {
            for k in times.entries(ofRow: row) {
                let demand = Int(times.demandIndices[k])
                nearest[demand] = min(nearest[demand], times.seconds[k])
            }
        }
        let weights = problem.demandWeights
        let base = (0..<problem.demandCount).map { weights[$0] * Double(nearest[$0]) }
        return build(problem, baseCost: base) { demand, seconds in weights[demand] * Double(seconds) }
    }

    /// Keeps the candidate pairs whose cost (nil = unusable) is below the demand's base cost,
    /// and lays them out both candidate-major and demand-major.
    private static func build(
        _ problem: PlanningProblem, baseCost: [Double], cost: (Int, Float) -> Double?
    ) -> CostModel {
        let times = problem.times
        var candidateStarts = [0]
        candidateStarts.reserveCapacity(problem.candidateCount + 1)
        var candidateDemands: [Int32] = []
        var candidateCosts: [Double] = []
        var perDemand = [Int](repeating: 0, count: problem.demandCount)
        for candidate in 0..<problem.candidateCount {
            for k in times.entries(ofRow: problem.row(ofCandidate: candidate)) {
                let demand = Int(times.demandIndices[k])
                guard let c = cost(demand, times.seconds[k]), c < baseCost[demand] else { continue }
                candidateDemands.append(Int32(demand))
                candidateCosts.append(c)
                perDemand[demand] += 1
            }
            candidateStarts.append(candidateDemands.count)
        }
        var demandStarts = [Int](repeating: 0, count: problem.demandCount + 1)
        for demand in 0..<problem.demandCount { demandStarts[demand + 1] = demandStarts[demand] + perDemand[demand] }
        var fill = Array(demandStarts.dropLast())
        var demandCandidates = [Int32](repeating: 0, count: candidateDemands.count)
        var demandCosts = [Double](repeating: 0, count: candidateDemands.count)
        var pairPosition = [Int](repeating: 0, count: candidateDemands.count)
        for candidate in 0..<problem.candidateCount {
            for k in candidateStarts[candidate]..<candidateStarts[candidate + 1] {
                let demand = Int(candidateDemands[k])
                let position = fill[demand]
                fill[demand] += 1
                demandCandidates[position] = Int32(candidate)
                demandCosts[position] = candidateCosts[k]
                pairPosition[k] = position
            }
        }
        return CostModel(
            candidateCount: problem.candidateCount, demandCount: problem.demandCount, baseCost: baseCost,
            candidateStarts: candidateStarts, candidateDemands: candidateDemands, candidateCosts: candidateCosts,
            candidatePairPosition: pairPosition, demandStarts: demandStarts,
            demandCandidates: demandCandidates, demandCosts: demandCosts)
    }

    /// Total cost when `open` candidates are open (each demand pays its cheapest option), in demand order.
    /// - Complexity: O(pairs).
    func totalCost(open: [Bool]) -> Double {
        var sum = 0.0
        for demand in 0..<demandCount {
            var best = baseCost[demand]
            for k in demandStarts[demand]..<demandStarts[demand + 1] where open[Int(demandCandidates[k])] {
                best = min(best, demandCosts[k])
            }
            sum += best
        }
        return sum
    }

    /// The tolerance below which a cost change counts as no change (float noise).
    var tolerance: Double { 1e-9 * max(1, totalBaseCost) }
}
