import Coverage
import GeoCore
import Planner

/// The plan as GeoJSON: one Point feature per chosen site in rank order, and the plan's figures in a
/// top-level foreign member `"plan"` (RFC 7946 §6.1; GDAL and QGIS ignore it and open the points).
///
/// Site properties: the candidate's input properties, then `rank`, `candidate_id`, `name`, `kind`
/// (null when the input has none), `added_weight` (newly covered weight, 4 decimals),
/// `cumulative_share` (covered share of all hotspot weight once this site and the higher-ranked ones
/// are open, 4 decimals), `hotspots_taken` (hotspots it newly covers), `snap_m` (metres to its road,
/// 1 decimal) and, for mean-time, `weighted_minutes_saved` (1 decimal: Σ weight × minutes saved by
/// adding the site after the existing stations and the higher-ranked sites; for a capacitated p-median
/// the drop of the least-time assignment within capacity, by which the sites are also ranked, so the
/// sites' savings sum to `(value_before − value_after) / 60` up to rounding). Plan fields replace
/// input properties of the same name.
///
/// `"plan"`: `objective`, `method`, `gap` (null for the heuristic), `proven_optimal`, `value_before`,
/// `value_after`, `value_unit`, `new_sites` (K asked for; null for cover-all), `target_share`
/// (cover-all only), `covered_weight_before`/`_after`, `covered_share_before`/`_after`,
/// `hotspots_covered_before`/`_after`, `total_weight`, `hotspots`, `stations` (used),
/// `stations_left_out`, `candidates` (used), `candidates_left_out`, `profile`, `speed_kmh`, `minutes`,
/// and for mean-time `mean_minutes_before`/`_after`, `search_minutes`, `unreached_minutes`.
/// With `PlanExtras` (see `PlanNetworkReport.extraPlanFields`): capacitated plans add `load`,
/// `capacity`, `load_ratio` to each site and `capacitated`, `loads` (every open site: `site_id`,
/// `role`, `load`, `capacity`, `load_ratio`) to `"plan"`; backup and capacitated plans add
/// `double_covered_weight_before`/`_after` and `double_covered_share_before`/`_after` (and
/// `backup_theta`); a speed band adds `speed_band_kmh`, `covered_share_before_high`/`_after_high`; road
/// positions add `candidate_gap` (listed vs anywhere best share and sites, road-only hotspots).
/// No wall-clock time: the file is byte-identical for the same inputs.
public enum PlanGeoJSON {
    /// The FeatureCollection of `report`.
    /// - Complexity: O(chosen sites).
    public static func featureCollection(_ report: PlanNetworkReport) -> FeatureCollection {
        let features = report.sites.map { siteFeature($0, report) }
        return FeatureCollection(features: features, foreignMembers: ["plan": .object(planMember(report))])
    }

    private static func siteFeature(_ ranked: RankedSite, _ report: PlanNetworkReport) -> Feature {
        let placed = report.network.candidates[ranked.candidate]
        let site = placed.site
        var properties = site.properties
        properties["rank"] = .number(Double(ranked.rank))
        properties["candidate_id"] = .string(site.id)
        properties["name"] = site.name.map(JSONValue.string) ?? .null
        properties["kind"] = site.kind.map(JSONValue.string) ?? .null
        properties["added_weight"] = .number(AuditNumbers.rounded(ranked.addedWeight, decimals: AuditNumbers.weightDecimals))
        properties["cumulative_share"] = .number(AuditNumbers.rounded(ranked.cumulativeShare, decimals: AuditNumbers.shareDecimals))
        properties["hotspots_taken"] = .number(Double(ranked.hotspotsTaken))
        properties["snap_m"] = placed.snapMeters.map { .number(AuditNumbers.rounded($0, decimals: AuditNumbers.meterDecimals)) } ?? .null
        if let saved = report.weightedMinutesSaved(ranked) { properties["weighted_minutes_saved"] = .number(saved) }
        if let load = report.load(ofCandidate: ranked.candidate) {
            properties["load"] = .number(AuditNumbers.rounded(load.load, decimals: AuditNumbers.weightDecimals))
            properties["capacity"] =
                load.capacity.isFinite ? .number(AuditNumbers.rounded(load.capacity, decimals: AuditNumbers.weightDecimals)) : .null
            properties["load_ratio"] =
                load.loadRatio.map { .number(AuditNumbers.rounded($0, decimals: AuditNumbers.shareDecimals)) } ?? .null
        }
        if let hours = report.hoursAdded(ranked) { properties["hours_added"] = .string(hours) }
        return Feature(geometry: .point(site.coordinate), properties: properties)
    }

    private static func planMember(_ report: PlanNetworkReport) -> [String: JSONValue] {
        let result = report.result
        let network = report.network
        func weight(_ value: Double) -> JSONValue { .number(AuditNumbers.rounded(value, decimals: AuditNumbers.weightDecimals)) }
        func share(_ value: Double) -> JSONValue { .number(AuditNumbers.rounded(value, decimals: AuditNumbers.shareDecimals)) }
        var plan: [String: JSONValue] = [
            "objective": .string(report.objective.name),
            "method": .string(result.methodName),
            "gap": report.roundedGap.map(JSONValue.number) ?? .null,
            "proven_optimal": .bool(result.provenOptimal),
            "value_before": .number(report.roundedValue(result.objectiveValueBefore)),
            "value_after": .number(report.roundedValue(result.objectiveValue)),
            "value_unit": .string(report.valueUnit),
            "covered_weight_before": weight(result.before.coveredWeight),
            "covered_weight_after": weight(result.after.coveredWeight),
            "covered_share_before": share(result.before.coveredShare),
            "covered_share_after": share(result.after.coveredShare),
            "hotspots_covered_before": .number(Double(result.before.coveredDemands)),
            "hotspots_covered_after": .number(Double(result.after.coveredDemands)),
            "total_weight": weight(network.problem.totalWeight),
            "hotspots": .number(Double(network.hotspots.count)),
            "stations": .number(Double(network.stations.count)),
            "stations_left_out": .number(Double(network.excludedStations.count)),
            "candidates": .number(Double(network.candidates.count)),
            "candidates_left_out": .number(Double(network.excludedCandidates.count)),
            "profile": .string(report.profile.rawValue),
            "speed_kmh": .number(report.speedKmh),
            "minutes": .number(report.minutes),
        ]
        switch report.objective {
        case .coverage(let k):
            plan["new_sites"] = .number(Double(k))
        case .coverAll(let target):
            plan["new_sites"] = .null
            plan["target_share"] = .number(target)
        case .meanTime(let k):
            plan["new_sites"] = .number(Double(k))
            plan["mean_minutes_before"] = report.meanMinutes(result.before).map(JSONValue.number) ?? .null
            plan["mean_minutes_after"] = report.meanMinutes(result.after).map(JSONValue.number) ?? .null
            plan["search_minutes"] = .number(AuditNumbers.rounded(network.searchSeconds / 60, decimals: 4))
            plan["unreached_minutes"] = .number(AuditNumbers.rounded(network.unreachedPenaltySeconds / 60, decimals: 4))
        }
        plan.merge(report.extraPlanFields()) { _, extra in extra }
        return plan
    }
}
