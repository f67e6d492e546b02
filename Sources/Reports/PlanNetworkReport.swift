import Coverage
import GeoCore
import Planner
import RoadNetwork

/// Everything the network mode's outputs (GeoJSON, CSV, frontier CSV, stdout) are written from.
/// Holds no wall-clock time: the files stay byte-identical for the same inputs.
public struct PlanNetworkReport {
    /// The stations, candidates, hotspots and time matrix.
    public let network: NetworkPlanningProblem
    /// The objective solved.
    public let objective: PlanningObjective
    /// The plan.
    public let result: PlanResult
    /// The coverage frontier, when asked for.
    public let frontier: [FrontierPoint]?
    /// The travel profile.
    public let profile: TravelProfile
    /// The cruising speed in km/h.
    public let speedKmh: Double
    /// The service time in minutes.
    public let minutes: Double
    /// Capacities, backup, speed band and candidate gap (`PlanExtras`); empty for a plain plan.
    public var extras = PlanExtras()

    /// Every stored property, as given.
    public init(
        network: NetworkPlanningProblem, objective: PlanningObjective, result: PlanResult, frontier: [FrontierPoint]?,
        profile: TravelProfile, speedKmh: Double, minutes: Double
    ) {
        self.network = network
        self.objective = objective
        self.result = result
        self.frontier = frontier
        self.profile = profile
        self.speedKmh = speedKmh
        self.minutes = minutes
    }

    /// The chosen sites in rank order, without the sites that add nothing
    /// (`PlanResult.proposedSites`).
    /// Capacitated and backup plans keep every chosen site: one that covers no new hotspot may still
    /// take load or cover hotspots a second time.
    public var sites: [RankedSite] { extras.extended != nil ? result.sites : result.proposedSites }

    /// Planning over hours (`plan --hours`, several `--at`): the expansion the
    /// result was solved on, so each proposed site lists the hours it adds
    /// coverage in (`hours_added`); nil otherwise. With it, weights and shares
    /// are over (hotspot, hour) pairs.
    public var hourly: HourlyPlanning?

    /// `hours_added` of `site`, nil without planning over hours.
    public func hoursAdded(_ site: RankedSite) -> String? { hourly?.hoursAdded(by: site) }

    /// Whether the objective is mean-time (p-median).
    public var isMeanTime: Bool {
        if case .meanTime = objective { return true }
        return false
    }

    /// The candidate site of candidate index `candidate`.
    public func candidate(_ candidate: Int) -> SitePoint { network.candidates[candidate].site }

    /// The objective's long name: `coverage (MCLP)`, `cover-all (LSCP)`, `mean-time (p-median)`.
    public var objectiveTitle: String {
        switch objective {
        case .coverage: return "coverage (MCLP)"
        case .coverAll: return "cover-all (LSCP)"
        case .meanTime: return "mean-time (p-median)"
        }
    }

    /// What the objective value counts: `covered weight`, `new sites`, `weighted seconds`.
    public var valueUnit: String {
        switch objective {
        case .coverage: return "covered weight"
        case .coverAll: return "new sites"
        case .meanTime: return "weighted seconds"
        }
    }

    /// An objective value rounded for output: weights to 4 decimals, seconds to 1, site counts whole.
    public func roundedValue(_ value: Double) -> Double {
        switch objective {
        case .coverage: return AuditNumbers.rounded(value, decimals: AuditNumbers.weightDecimals)
        case .coverAll: return value
        case .meanTime: return AuditNumbers.rounded(value, decimals: 1)
        }
    }

    /// The relative gap rounded to 6 decimals, nil for the heuristic.
    public var roundedGap: Double? { result.gap.map { AuditNumbers.rounded($0, decimals: 6) } }

    /// Weighted minutes a site saves (mean-time only), one decimal: `RankedSite.secondsSaved` / 60, which
    /// for a capacitated p-median is the drop of the least-time assignment within capacity.
    public func weightedMinutesSaved(_ site: RankedSite) -> Double? {
        guard isMeanTime else { return nil }
        return AuditNumbers.rounded(site.secondsSaved / 60, decimals: 1)
    }

    /// Mean minutes to the nearest station (mean-time only), two decimals.
    public func meanMinutes(_ metrics: ServiceMetrics) -> Double? {
        guard isMeanTime else { return nil }
        return AuditNumbers.rounded(metrics.meanSeconds / 60, decimals: 2)
    }

    /// The candidate ids of a frontier point, in input order.
    public func frontierSites(_ point: FrontierPoint) -> [String] { point.candidates.map { candidate($0).id } }
}
