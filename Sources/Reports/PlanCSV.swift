import Coverage
import GeoCore
import Planner

/// The plan's CSV files: UTF-8, `\n` line ends, fields quoted only when they hold a comma, quote or
/// line break.
public enum PlanCSV {
    /// `--summary`: one row per chosen site in rank order, columns `rank,candidate_id,name,kind,lon,lat,
    /// added_weight,cumulative_share,hotspots_taken` and, for mean-time, `weighted_minutes_saved`
    /// (numbers rounded as in the GeoJSON, where `weighted_minutes_saved` is described: capacitated
    /// p-median sites save capacitated minutes; lon/lat 7 decimals); capacitated plans add `load,capacity,
    /// load_ratio` (capacity empty when the site has none); when planning over hours, last
    /// `hours_added` (the hours the site adds coverage in, quoted, comma separated).
    /// - Complexity: O(chosen sites).
    public static func summary(_ report: PlanNetworkReport) -> String {
        var columns = [
            "rank", "candidate_id", "name", "kind", "lon", "lat", "added_weight", "cumulative_share", "hotspots_taken",
        ]
        if case .meanTime = report.objective { columns.append("weighted_minutes_saved") }
        if report.extras.capacitated { columns += ["load", "capacity", "load_ratio"] }
        if report.hourly != nil { columns.append("hours_added") }
        var lines = [columns.joined(separator: ",")]
        for ranked in report.sites {
            let site = report.candidate(ranked.candidate)
            var fields = [
                String(ranked.rank), quoted(site.id), quoted(site.name ?? ""), quoted(site.kind ?? ""),
                formatDegrees(site.coordinate.lon), formatDegrees(site.coordinate.lat),
                AuditNumbers.plain(AuditNumbers.rounded(ranked.addedWeight, decimals: AuditNumbers.weightDecimals)),
                formatFixed(ranked.cumulativeShare, decimals: AuditNumbers.shareDecimals),
                String(ranked.hotspotsTaken),
            ]
            if let saved = report.weightedMinutesSaved(ranked) { fields.append(formatFixed(saved, decimals: 1)) }
            if report.extras.capacitated {
                let load = report.load(ofCandidate: ranked.candidate)
                fields += [
                    load.map { AuditNumbers.plain(AuditNumbers.rounded($0.load, decimals: AuditNumbers.weightDecimals)) } ?? "",
                    load.flatMap {
                        $0.capacity.isFinite
                            ? AuditNumbers.plain(AuditNumbers.rounded($0.capacity, decimals: AuditNumbers.weightDecimals)) : nil
                    } ?? "",
                    load?.loadRatio.map { formatFixed($0, decimals: AuditNumbers.shareDecimals) } ?? "",
                ]
            }
            if let hours = report.hoursAdded(ranked) { fields.append(quoted(hours)) }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `--frontier`: one row per number of new sites, columns `k,share,sites` (covered share of all
    /// hotspot weight, 4 decimals; candidate ids in input order, separated by `;`), plus `gap`
    /// (6 decimals) with `--exact`, plus `share_high` (the same sites' share at the band's high speed)
    /// with `--speed-band`.
    /// - Complexity: O(Σ sites over the points).
    public static func frontier(_ points: [FrontierPoint], report: PlanNetworkReport) -> String {
        let exact = points.contains { $0.gap != nil }
        let high = report.extras.frontierHighShares
        var lines = [(exact ? "k,share,sites,gap" : "k,share,sites") + (high != nil ? ",share_high" : "")]
        for (index, point) in points.enumerated() {
            var fields = [
                String(point.newSites), formatFixed(point.coveredShare, decimals: AuditNumbers.shareDecimals),
                quoted(report.frontierSites(point).joined(separator: ";")),
            ]
            if exact { fields.append(point.gap.map { formatFixed($0, decimals: 6) } ?? "") }
            if let high { fields.append(formatFixed(high[index], decimals: AuditNumbers.shareDecimals)) }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `field` as a CSV field, quoted when needed.
    public static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
