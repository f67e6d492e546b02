import GeoCore

/// The variants of a network plan beyond the plain objective (`--capacity`, `--backup`,
/// `--speed-band`, road candidates), solved in one call so that the command line stays thin.
public struct PlanVariantOptions: Sendable, Equatable {
    /// Capacities of the stations and candidates (rows of the problem); nil: uncapacitated.
    public var capacities: SiteCapacities?
    /// Backup coverage (Hogan & ReVelle 1986, BACOP2) with this θ; nil: not asked.
    public var backupTheta: Double?
    /// Number of listed candidates before the road positions; nil: no road positions.
    public var listedCandidates: Int?

    /// Every stored property, as given (all nil: the plain objective).
    public init(capacities: SiteCapacities? = nil, backupTheta: Double? = nil, listedCandidates: Int? = nil) {
        self.capacities = capacities
        self.backupTheta = backupTheta
        self.listedCandidates = listedCandidates
    }
}

/// A network plan with its variants' figures.
public struct PlanVariantResult: Sendable, Equatable {
    /// The plan in the plain form every output reads (ranked sites, covered share before and after).
    /// For capacitated plans the values are the weight assigned within capacity; for backup plans the
    /// values are the covered weight (the backup objective is in `extended`). The sites of a capacitated
    /// p-median are ranked by, and save, capacitated weighted seconds (`RankedSite.secondsSaved`).
    public let plan: PlanResult
    /// The capacitated or backup result (loads, double coverage); nil for the plain objective.
    public let extended: ExtendedPlanResult?
    /// The listed candidates' best against the best anywhere on the roads; nil without road positions.
    public let candidateGap: CandidateGap?
}

extension Planner {
    /// Solves `objective` on `problem` with `options`: capacitated coverage or cover-all when
    /// `capacities` is given (Current & Storbeck 1988), capacitated p-median for mean-time with
    /// `capacities` (Mulvey & Beck 1984; values in weighted seconds), backup coverage when `backupTheta` is given
    /// (coverage only), else `solve`; then the candidate gap when `listedCandidates` is given (on the
    /// uncapacitated objective: where a site would have to be to cover more at all). The chosen sites are
    /// ranked greedily by marginal gain among themselves: for the capacitated p-median by the drop of the
    /// least-cost assignment within capacity, which is each site's `secondsSaved` (they sum to
    /// `objectiveValueBefore − objectiveValue`); otherwise as in `solve`.
    /// - Throws: `PlanningError.invalidParameter` for backup with an objective other than coverage,
    ///   or both capacity and backup; the errors of the solvers.
    public static func solveVariant(
        _ problem: PlanningProblem, objective: PlanningObjective, options: PlanVariantOptions, method: SolveMethod
    ) throws -> PlanVariantResult {
        var extended: ExtendedPlanResult?
        switch (objective, options.capacities, options.backupTheta) {
        case (_, .some, .some):
            throw PlanningError.invalidParameter(name: "backup", reason: "capacity and backup cannot be combined")
        case (.coverage(let k), .some(let capacities), nil):
            extended = try solveCapacitatedCoverage(problem, capacities: capacities, newSites: k, method: method)
        case (.coverAll(let target), .some(let capacities), nil):
            extended = try solveCapacitatedCoverAll(problem, capacities: capacities, targetShare: target, method: method)
        case (.meanTime(let k), .some(let capacities), nil):
            extended = try solveCapacitatedMedian(problem, capacities: capacities, newSites: k, method: method)
        case (.coverage(let k), nil, .some(let theta)):
            extended = try solveBackupCoverage(problem, newSites: k, theta: theta, method: method)
        case (.meanTime, nil, .some), (.coverAll, nil, .some):
            throw PlanningError.invalidParameter(name: "objective", reason: "backup applies to coverage only")
        case (_, nil, nil):
            break
        }
        let plan: PlanResult
        if let extended {
            let ranked: (sites: [RankedSite], before: ServiceMetrics, after: ServiceMetrics)
            if objective.minimisesTime, let capacities = options.capacities {
                // Capacitated p-median: ranks and savings on the capacitated cost, summing to the plan's drop.
                ranked = SiteRanking.rankCapacitated(extended.chosenCandidates, in: problem, capacities: capacities)
            } else {
                ranked = SiteRanking.rank(extended.chosenCandidates, in: problem, bySecondsSaved: objective.minimisesTime)
            }
            let isCapacitated = options.capacities != nil
            let isCoverAll: Bool = { if case .coverAll = objective { return true } else { return false } }()
            let values: (Double, Double)
            if isCoverAll {
                values = (0, Double(ranked.sites.count))
            } else if objective.minimisesTime {
                values = (extended.objectiveValueBefore, extended.objectiveValue)  // weighted seconds within capacity
            } else if isCapacitated {
                values = (extended.capacitatedCoveredBefore, extended.capacitatedCovered)
            } else {
                values = (ranked.before.coveredWeight, ranked.after.coveredWeight)
            }
            plan = PlanResult(
                objective: objective, methodName: extended.methodName, sites: ranked.sites,
                objectiveValueBefore: values.0, objectiveValue: values.1,
                before: ranked.before, after: ranked.after, gap: extended.gap, provenOptimal: extended.provenOptimal,
                seconds: extended.seconds)
        } else {
            plan = try solve(problem, objective: objective, method: method)
        }
        let gap = try options.listedCandidates.map {
            try candidateGap(problem, listedCount: $0, objective: objective, method: method)
        }
        return PlanVariantResult(plan: plan, extended: extended, candidateGap: gap)
    }
}
