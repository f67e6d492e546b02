import Coverage
import GeoCore
import Planner
import RoadNetwork

/// Everything the network mode's outputs (GeoJSON, CSV, frontier CSV, stdout) are written from.
/// Holds no wall-clock time: the files stay byte-identical for the same inputs.
struct PlanNetworkReport {
    /// The stations, candidates, hotspots and time matrix.
    let network: NetworkPlanningProblem
    /// The objective solved.
    let objective: PlanningObjective
    /// The plan.
    let result: PlanResult
    /// The coverage frontier, when asked for.
    let frontier: [FrontierPoint]?
    /// The travel profile.
    let profile: TravelProfile
    /// The cruising speed in km/h.
    let speedKmh: Double
    /// The service time in minutes.
    let minutes: Double

    /// The chosen sites in rank order, without the sites at the end of the ranking that add nothing
    /// (no weight covered, and for mean-time no time saved): an exact solve may open such a site when
    /// it is free to, and a site that would add nothing is not proposed.
    var sites: [RankedSite] {
        var sites = result.sites
        while let last = sites.last, last.addedWeight == 0, !(isMeanTime && last.secondsSaved > 0) {
            sites.removeLast()
        }
        return sites
    }

    /// Whether the objective is mean-time (p-median).
    var isMeanTime: Bool {
        if case .meanTime = objective { return true }
        return false
    }

    /// The candidate site of candidate index `candidate`.
    func candidate(_ candidate: Int) -> SitePoint { network.candidates[candidate].site }

    /// The objective's long name: `coverage (MCLP)`, `cover-all (LSCP)`, `mean-time (p-median)`.
    var objectiveTitle: String {
        switch objective {
        case .coverage: return "coverage (MCLP)"
        case .coverAll: return "cover-all (LSCP)"
        case .meanTime: return "mean-time (p-median)"
        }
    }

    /// What the objective value counts: `covered weight`, `new sites`, `weighted seconds`.
    var valueUnit: String {
        switch objective {
        case .coverage: return "covered weight"
        case .coverAll: return "new sites"
        case .meanTime: return "weighted seconds"
        }
    }

    /// An objective value rounded for output: weights to 4 decimals, seconds to 1, site counts whole.
    func roundedValue(_ value: Double) -> Double {
        switch objective {
        case .coverage: return AuditNumbers.rounded(value, decimals: AuditNumbers.weightDecimals)
        case .coverAll: return value
        case .meanTime: return AuditNumbers.rounded(value, decimals: 1)
        }
    }

    /// The relative gap rounded to 6 decimals, nil for the heuristic.
    var roundedGap: Double? { result.gap.map { AuditNumbers.rounded($0, decimals: 6) } }

    /// Weighted minutes a site saves (mean-time only), one decimal.
    func weightedMinutesSaved(_ site: RankedSite) -> Double? {
        guard isMeanTime else { return nil }
        return AuditNumbers.rounded(site.secondsSaved / 60, decimals: 1)
    }

    /// Mean minutes to the nearest station (mean-time only), two decimals.
    func meanMinutes(_ metrics: ServiceMetrics) -> Double? {
        guard isMeanTime else { return nil }
        return AuditNumbers.rounded(metrics.meanSeconds / 60, decimals: 2)
    }

    /// The candidate ids of a frontier point, in input order.
    func frontierSites(_ point: FrontierPoint) -> [String] { point.candidates.map { candidate($0).id } }
}
