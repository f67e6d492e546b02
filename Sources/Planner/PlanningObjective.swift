/// What the planner optimises.
public enum PlanningObjective: Sendable, Equatable {
    /// MCLP: open at most `newSites` new sites so that the covered demand weight is largest.
    case coverage(newSites: Int)
    /// LSCP: open the fewest new sites so that the covered weight reaches `targetShare` of the
    /// coverable weight (demand that some existing or candidate site covers); `1` means all of it.
    case coverAll(targetShare: Double)
    /// p-median: open at most `newSites` new sites so that the weighted sum of the time from each
    /// demand to its nearest open site (or the unreached penalty) is smallest.
    case meanTime(newSites: Int)

    /// The name used on the command line and in reports: `coverage`, `cover-all`, `mean-time`.
    public var name: String {
        switch self {
        case .coverage: return "coverage"
        case .coverAll: return "cover-all"
        case .meanTime: return "mean-time"
        }
    }

    /// Whether the objective is about time (p-median) rather than coverage.
    var minimisesTime: Bool {
        if case .meanTime = self { return true }
        return false
    }
}

/// How the planner solves: fast local search or a MIP through CBC.
public enum SolveMethod: Sendable, Equatable {
    /// Greedy construction then vertex substitution (fast interchange) to a local optimum.
    case heuristic
    /// CBC branch and cut, warm-started with the heuristic; `timeLimitSeconds` (wall clock) nil means no limit.
    /// CBC checks the limit between its steps and cannot stop inside its first LP relaxation, so a large
    /// model can overrun it (5,000 candidates × 50,000 demands, 50 sites: the root LP alone takes minutes).
    case exact(timeLimitSeconds: Double?)

    /// `heuristic` or `exact`, as written in reports.
    public var name: String {
        switch self {
        case .heuristic: return "heuristic"
        case .exact: return "exact"
        }
    }
}
