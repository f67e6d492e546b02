/// A chosen new site with what it adds, in the order a planner should build them.
public struct RankedSite: Sendable, Equatable {
    /// 1 for the site that adds most to the existing stations, 2 for the next given the first, …
    public let rank: Int
    /// Candidate index (row `existingSiteCount + candidate` of the time matrix).
    public let candidate: Int
    /// Demand weight this site newly covers, given the existing stations and the higher-ranked sites.
    public let addedWeight: Double
    /// Covered share of the total weight once this site and the higher-ranked ones are open.
    public let cumulativeShare: Double
    /// Demand points this site newly covers (`takenDemands.count`).
    public var hotspotsTaken: Int { takenDemands.count }
    /// Indices of the demand points this site newly covers, ascending.
    public let takenDemands: [Int]
    /// Weighted seconds this site saves given the existing stations and the higher-ranked sites
    /// (Σ weight × reduction of the time to the nearest open site); in a capacitated p-median, the drop
    /// of the least-cost assignment within capacity (`Planner.solveVariant`), so the sites' savings sum
    /// to the plan's drop.
    public let secondsSaved: Double
}

/// The outcome of one planning run.
public struct PlanResult: Sendable, Equatable {
    /// The objective solved.
    public let objective: PlanningObjective
    /// `heuristic` or `exact`.
    public let methodName: String
    /// New sites in rank order (greedy order by marginal gain among the chosen set).
    public let sites: [RankedSite]
    /// Objective value with the existing stations only: covered weight (coverage),
    /// 0 new sites (cover-all), weighted seconds (mean-time).
    public let objectiveValueBefore: Double
    /// Objective value with the new sites: covered weight (coverage), number of new sites (cover-all),
    /// weighted seconds (mean-time).
    public let objectiveValue: Double
    /// Service with the existing stations only.
    public let before: ServiceMetrics
    /// Service with the existing stations and the new sites.
    public let after: ServiceMetrics
    /// Exact only: |best bound − objective| / |objective| (absolute when the objective is 0), 0 once optimality
    /// is proven; nil for the heuristic.
    public let gap: Double?
    /// Exact only: whether CBC proved the solution optimal.
    public let provenOptimal: Bool
    /// Wall-clock seconds of the whole solve (heuristic and, for exact, CBC).
    public let seconds: Double

    /// The chosen candidate indices, ascending.
    public var chosenCandidates: [Int] { sites.map(\.candidate).sorted() }
}

/// One point of the coverage frontier.
public struct FrontierPoint: Sendable, Equatable {
    /// Number of new sites allowed.
    public let newSites: Int
    /// Chosen candidates (ascending); may be fewer than `newSites` when more would add nothing.
    public let candidates: [Int]
    /// Covered weight with the existing stations and `candidates`.
    public let coveredWeight: Double
    /// Covered share of the total weight; never below the previous point's.
    public let coveredShare: Double
    /// Exact only: the proven gap of this point's solve; nil for the heuristic.
    public let gap: Double?
}
