/// How well a set of open sites serves the demand.
public struct ServiceMetrics: Sendable, Equatable {
    /// Weight of the demand within the coverage limit of an open site.
    public let coveredWeight: Double
    /// `coveredWeight` over the total weight (0 when the total is 0).
    public let coveredShare: Double
    /// Number of demand points within the coverage limit of an open site.
    public let coveredDemands: Int
    /// Σ weight × min(unreached penalty, seconds to the nearest open site).
    public let weightedSeconds: Double
    /// `weightedSeconds` over the total weight (0 when the total is 0).
    public let meanSeconds: Double
    /// Weight of the demand within the coverage limit of at least two open sites (backup coverage,
    /// Hogan & ReVelle 1986): still covered when its nearest site is full or closed.
    public let doubleCoveredWeight: Double
    /// `doubleCoveredWeight` over the total weight (0 when the total is 0).
    public let doubleCoveredShare: Double
}

/// Per-demand nearest open time and coverage, grown one site at a time.
struct ServiceState {
    let problem: PlanningProblem
    private(set) var nearest: [Float]
    private(set) var covered: [Bool]
    /// Open sites within the coverage limit of each demand, counted up to 2.
    private(set) var coverCount: [UInt8]

    /// The state with only the existing stations open.
    /// - Complexity: O(entries of the existing rows).
    init(problem: PlanningProblem) {
        self.problem = problem
        nearest = [Float](repeating: problem.unreachedPenalty, count: problem.demandCount)
        covered = [Bool](repeating: false, count: problem.demandCount)
        coverCount = [UInt8](repeating: 0, count: problem.demandCount)
        for row in 0..<problem.existingSiteCount { add(row: row) }
    }

    /// What opening `candidate` would add: weight newly covered, those demands, and weighted seconds saved.
    /// - Complexity: O(entries of the candidate's row).
    func marginal(ofCandidate candidate: Int) -> (addedWeight: Double, taken: [Int], secondsSaved: Double) {
        let times = problem.times
        var added = 0.0
        var saved = 0.0
        var taken: [Int] = []
        for k in times.entries(ofRow: problem.row(ofCandidate: candidate)) {
            let demand = Int(times.demandIndices[k])
            let seconds = times.seconds[k]
            let weight = problem.demandWeights[demand]
            if seconds <= problem.coverageLimit && !covered[demand] {
                added += weight
                taken.append(demand)
            }
            if seconds < nearest[demand] { saved += weight * (Double(nearest[demand]) - Double(seconds)) }
        }
        return (added, taken, saved)
    }

    /// Opens `candidate`.
    mutating func add(candidate: Int) { add(row: problem.row(ofCandidate: candidate)) }

    private mutating func add(row: Int) {
        let times = problem.times
        for k in times.entries(ofRow: row) {
            let demand = Int(times.demandIndices[k])
            nearest[demand] = min(nearest[demand], times.seconds[k])
            if times.seconds[k] <= problem.coverageLimit {
                covered[demand] = true
                coverCount[demand] = min(2, coverCount[demand] + 1)
            }
        }
    }

    /// The metrics of the current state, summed in demand order.
    /// - Complexity: O(demands).
    var metrics: ServiceMetrics {
        var coveredWeight = 0.0
        var weighted = 0.0
        var doubled = 0.0
        var count = 0
        for demand in 0..<problem.demandCount {
            let weight = problem.demandWeights[demand]
            weighted += weight * Double(nearest[demand])
            if coverCount[demand] >= 2 { doubled += weight }
            if covered[demand] {
                coveredWeight += weight
                count += 1
            }
        }
        let total = problem.totalWeight
        return ServiceMetrics(
            coveredWeight: coveredWeight, coveredShare: total > 0 ? coveredWeight / total : 0, coveredDemands: count,
            weightedSeconds: weighted, meanSeconds: total > 0 ? weighted / total : 0,
            doubleCoveredWeight: doubled, doubleCoveredShare: total > 0 ? doubled / total : 0)
    }
}
