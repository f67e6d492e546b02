/// A location-allocation problem on a precomputed sparse time matrix.
///
/// Sites are numbered in one index space: rows `0..<existingSiteCount` of `times` are the
/// existing stations (fixed, always open), rows `existingSiteCount..<existingSiteCount + candidateCount`
/// the candidate sites (candidate `c` is row `existingSiteCount + c`). Demand points are the matrix columns.
///
/// A site covers a demand when its time is at most `coverageLimit`.
///
/// **Unreached demand (p-median).** The time charged to a demand is
/// `min(unreachedPenalty, time to its nearest open site)`; a demand that no open site reaches within the
/// matrix is therefore charged `unreachedPenalty` seconds. Choose it at least as large as the search limit
/// the matrix was built with (for example the search limit plus one coverage limit), so that a stored pair
/// is never worse than being unreached; the exact MIP charges the same amount through its
/// "unassigned" slack, so heuristic and exact optimise the same function.
public struct PlanningProblem: Sendable {
    /// Weight of each demand point (riders, orders…), finite and not negative.
    public let demandWeights: [Double]
    /// Number of existing stations (the first rows of `times`).
    public let existingSiteCount: Int
    /// Number of candidate sites (the rows after the existing stations).
    public let candidateCount: Int
    /// Site-to-demand travel times, one row per existing station then per candidate.
    public let times: SparseTimeMatrix
    /// The service time T in seconds: a site covers a demand within T.
    public let coverageLimit: Float
    /// Seconds charged to a demand with no open site within the matrix (p-median only).
    public let unreachedPenalty: Float

    /// Checks the parts against each other and keeps them.
    /// - Throws: `PlanningError` when counts disagree, a weight is negative or not finite,
    ///   `coverageLimit` is negative or NaN (it may be `.infinity`), or the penalty is not finite and positive.
    /// - Complexity: O(demands).
    public init(
        demandWeights: [Double], existingSiteCount: Int, candidateCount: Int,
        times: SparseTimeMatrix, coverageLimit: Float, unreachedPenalty: Float
    ) throws {
        guard existingSiteCount >= 0, candidateCount >= 0 else {
            throw PlanningError.invalidParameter(
                name: "site counts", reason: "existing \(existingSiteCount) and candidates \(candidateCount) must not be negative")
        }
        guard times.rowCount == existingSiteCount + candidateCount else {
            throw PlanningError.invalidParameter(
                name: "times",
                reason: "has \(times.rowCount) rows but there are \(existingSiteCount) existing + \(candidateCount) candidate sites")
        }
        guard times.demandCount == demandWeights.count else {
            throw PlanningError.invalidParameter(
                name: "times", reason: "has \(times.demandCount) demand columns but \(demandWeights.count) weights were given")
        }
        if let bad = demandWeights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw PlanningError.invalidWeight(demand: bad, weight: demandWeights[bad])
        }
        guard coverageLimit >= 0 else {
            throw PlanningError.invalidParameter(name: "coverageLimit", reason: "\(coverageLimit) s must be ≥ 0 (or infinity)")
        }
        guard unreachedPenalty.isFinite, unreachedPenalty > 0 else {
            throw PlanningError.invalidParameter(name: "unreachedPenalty", reason: "\(unreachedPenalty) s must be finite and positive")
        }
        self.demandWeights = demandWeights
        self.existingSiteCount = existingSiteCount
        self.candidateCount = candidateCount
        self.times = times
        self.coverageLimit = coverageLimit
        self.unreachedPenalty = unreachedPenalty
    }

    /// Number of demand points.
    public var demandCount: Int { demandWeights.count }
    /// Sum of all demand weights, in demand order.
    public var totalWeight: Double { demandWeights.reduce(0, +) }
    /// Matrix row of candidate `candidate`.
    @inlinable public func row(ofCandidate candidate: Int) -> Int { existingSiteCount + candidate }

    /// Weight of the demand points that some site (existing or candidate) covers: the most any plan can cover.
    /// - Complexity: O(entries).
    public var coverableWeight: Double {
        var coverable = [Bool](repeating: false, count: demandCount)
        for k in 0..<times.entryCount where times.seconds[k] <= coverageLimit {
            coverable[Int(times.demandIndices[k])] = true
        }
        var sum = 0.0
        for demand in 0..<demandCount where coverable[demand] { sum += demandWeights[demand] }
        return sum
    }
}
