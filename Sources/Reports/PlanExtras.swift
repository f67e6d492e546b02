import Coverage
import GeoCore
import Planner
import RoadNetwork

/// What a network plan reports beyond the plain objective: capacities and loads (`--capacity`),
/// double coverage (`--backup`), the plan's share at the high end of a speed band (`--speed-band`)
/// and the candidate gap (`--candidates …roads:N`). Empty (the default) adds nothing to any output,
/// so plain plans keep their bytes.
public struct PlanExtras: Sendable {
    /// The capacitated or backup result; nil for the plain objective.
    public var extended: ExtendedPlanResult?
    /// Whether the plan is capacitated (loads are listed).
    public var capacitated = false
    /// θ of a backup plan; nil otherwise.
    public var backupTheta: Double?
    /// `--speed-band LOW,HIGH`: the low and high speeds (km/h); the plan is solved at LOW.
    public var speedBand: (low: Double, high: Double)?
    /// Service of the existing stations and of the plan at the high speed.
    public var high: (before: ServiceMetrics, after: ServiceMetrics)?
    /// Covered share at the high speed of each frontier point, in frontier order.
    public var frontierHighShares: [Double]?
    /// The candidate gap, with road positions.
    public var candidateGap: CandidateGap?
    /// Road position spacing in metres, with road positions.
    public var roadSpacingMeters: Double?

    /// Nothing beyond the plain plan.
    public init() {}

    /// The extras of `solved`: `capacitated` lists loads, `backupTheta` reports double coverage,
    /// `roadSpacing` the road positions' spacing; with `speedBand`, `high` is the same problem timed at
    /// the high speed, on which the plan's and each `frontier` point's service is measured
    /// (`Planner.service`).
    public init(
        _ solved: PlanVariantResult, capacitated: Bool, backupTheta: Double?, roadSpacing: Double?,
        speedBand: (low: Double, high: Double)?, high: PlanningProblem?, frontier: [FrontierPoint]?
    ) {
        self.extended = solved.extended
        self.capacitated = capacitated
        self.backupTheta = backupTheta
        self.candidateGap = solved.candidateGap
        self.roadSpacingMeters = roadSpacing
        if let speedBand, let high {
            self.speedBand = speedBand
            self.high = (Planner.service(high, open: []), Planner.service(high, open: solved.plan.chosenCandidates))
            self.frontierHighShares = frontier?.map { Planner.service(high, open: $0.candidates).coveredShare }
        }
    }

    /// Whether double coverage is reported (backup plans).
    public var reportsDoubleCoverage: Bool { backupTheta != nil }
}

extension PlanNetworkReport {
    /// The id of matrix row `row` (existing stations first, then candidates) and whether it is a station.
    public func site(ofRow row: Int) -> (site: SitePoint, isStation: Bool) {
        let existing = network.problem.existingSiteCount
        return row < existing ? (network.stations[row].site, true) : (network.candidates[row - existing].site, false)
    }

    /// The load of candidate `candidate` in a capacitated plan; nil otherwise.
    public func load(ofCandidate candidate: Int) -> SiteLoad? {
        let row = network.problem.existingSiteCount + candidate
        return extras.extended?.loads.first { $0.row == row }
    }

    /// Every open site's load (capacitated plans), overloaded-first is not needed here: in row order.
    public var loads: [SiteLoad] { extras.capacitated ? extras.extended?.loads ?? [] : [] }

    /// The demand points only road positions reach, as hotspots.
    public var roadOnlyHotspots: [PlacedSite] { extras.candidateGap?.roadOnlyDemands.map { network.hotspots[$0] } ?? [] }

    /// The plan member's extra fields (none for a plain plan).
    func extraPlanFields() -> [String: JSONValue] {
        func weight(_ value: Double) -> JSONValue { .number(AuditNumbers.rounded(value, decimals: AuditNumbers.weightDecimals)) }
        func share(_ value: Double) -> JSONValue { .number(AuditNumbers.rounded(value, decimals: AuditNumbers.shareDecimals)) }
        func capacity(_ value: Double) -> JSONValue { value.isFinite ? weight(value) : .null }
        var fields: [String: JSONValue] = [:]
        if extras.capacitated {
            fields["capacitated"] = .bool(true)
            fields["loads"] = .array(
                loads.map { load in
                    let (site, isStation) = site(ofRow: load.row)
                    return .object([
                        "site_id": .string(site.id), "role": .string(isStation ? "station" : "candidate"),
                        "load": weight(load.load), "capacity": capacity(load.capacity),
                        "load_ratio": load.loadRatio.map(share) ?? .null,
                    ])
                })
        }
        if let theta = extras.backupTheta {
            fields["backup_theta"] = .number(theta)
        }
        if extras.reportsDoubleCoverage || extras.capacitated {
            fields["double_covered_weight_before"] = weight(result.before.doubleCoveredWeight)
            fields["double_covered_weight_after"] = weight(result.after.doubleCoveredWeight)
            fields["double_covered_share_before"] = share(result.before.doubleCoveredShare)
            fields["double_covered_share_after"] = share(result.after.doubleCoveredShare)
        }
        if let band = extras.speedBand, let high = extras.high {
            fields["speed_band_kmh"] = .array([.number(band.low), .number(band.high)])
            fields["covered_share_before_high"] = share(high.before.coveredShare)
            fields["covered_share_after_high"] = share(high.after.coveredShare)
        }
        if let gap = extras.candidateGap {
            fields["candidate_gap"] = .object([
                "road_spacing_m": extras.roadSpacingMeters.map(JSONValue.number) ?? .null,
                "listed_best_share": share(gap.listedBest.after.coveredShare),
                "anywhere_best_share": share(gap.anywhereBest.after.coveredShare),
                "share_gap": share(gap.shareGap),
                "listed_best_sites": .array(gap.listedBest.proposedSites.map { .string(candidate($0.candidate).id) }),
                "anywhere_best_sites": .array(gap.anywhereBest.proposedSites.map { .string(candidate($0.candidate).id) }),
                "road_only_weight": weight(gap.roadOnlyWeight),
                "road_only_hotspots": .array(
                    roadOnlyHotspots.map { hotspot in
                        .object([
                            "id": .string(hotspot.site.id), "weight": weight(hotspot.site.weight),
                            "lon": .number(AuditNumbers.rounded(hotspot.site.coordinate.lon, decimals: 7)),
                            "lat": .number(AuditNumbers.rounded(hotspot.site.coordinate.lat, decimals: 7)),
                        ])
                    }),
            ])
        }
        return fields
    }

    /// The stdout lines of the extras (none for a plain plan).
    func extraSummaryLines() -> [String] {
        func pct(_ share: Double) -> String { formatFixed(share, decimals: 4) }
        var lines: [String] = []
        if extras.reportsDoubleCoverage || extras.capacitated {
            lines.append(
                "  double-covered share (backup): \(pct(result.before.doubleCoveredShare)) → \(pct(result.after.doubleCoveredShare))")
        }
        if extras.capacitated, let extended = extras.extended, extended.objectiveName == "mean-time-capacitated" {
            let total = network.problem.totalWeight
            func minutes(_ weightedSeconds: Double) -> String { formatFixed(total > 0 ? weightedSeconds / total / 60 : 0, decimals: 2) }
            lines.append(
                "  mean minutes within capacity (weight no site can take counts the unreached minutes): "
                    + "\(minutes(extended.objectiveValueBefore)) → \(minutes(extended.objectiveValue))")
        }
        if extras.capacitated {
            let ordered = loads.sorted { ($0.loadRatio ?? -1, -$0.row) > ($1.loadRatio ?? -1, -$1.row) }
            lines.append("  loads (assigned weight / capacity), fullest first:")
            for load in ordered {
                let (site, isStation) = site(ofRow: load.row)
                let cap = load.capacity.isFinite ? AuditNumbers.plain(AuditNumbers.rounded(load.capacity, decimals: 4)) : "no capacity"
                lines.append(
                    "    \(isStation ? "station" : "new") \(site.id): \(AuditNumbers.plain(AuditNumbers.rounded(load.load, decimals: 4))) / \(cap)"
                )
            }
        }
        if let band = extras.speedBand, let high = extras.high {
            lines.append(
                "  speed band \(AuditNumbers.plain(band.low))–\(AuditNumbers.plain(band.high)) km/h: planned at \(AuditNumbers.plain(band.low)); "
                    + "share at \(AuditNumbers.plain(band.high)) km/h \(pct(high.before.coveredShare)) → \(pct(high.after.coveredShare))")
        }
        if let gap = extras.candidateGap {
            lines.append(
                "  candidate gap: listed candidates' best \(pct(gap.listedBest.after.coveredShare)), best anywhere on the roads "
                    + "\(pct(gap.anywhereBest.after.coveredShare)) (gap \(pct(gap.shareGap))); \(gap.roadOnlyDemands.count) hotspots "
                    + "(weight \(AuditNumbers.plain(AuditNumbers.rounded(gap.roadOnlyWeight, decimals: 4)))) only road positions reach")
        }
        return lines
    }
}
