import GeoCore

/// The audit summary a person reads on stdout: per run (speed), the covered
/// share of hotspot weight and of hotspots, the figures per area, and the
/// largest uncovered hotspots with their minutes.
public enum AuditSummaryText {
    /// How many uncovered hotspots are listed per run.
    public static let listedUncovered = 10

    /// The summary of `report` (lines ending in `\n`).
    /// - Complexity: O(H log H) per run for ranking the uncovered hotspots.
    public static func text(_ report: AuditReport) -> String {
        var lines: [String] = []
        let routableStations = report.stations.count - report.unroutableStations
        for run in report.runs {
            let audit = run.hotspots
            let total = audit.total
            lines.append(
                "audit: \(plain(report.limitMinutes)) min at \(plain(run.speedKmh)) km/h from \(routableStations) of \(report.stations.count) stations"
            )
            lines.append(
                "  weight covered: \(percent(total.shareCovered)) (\(plain(rounded(total.weightCovered))) of \(plain(rounded(total.weightTotal))))"
            )
            lines.append("  hotspots covered: \(percent(total.shareOfHotspotsCovered)) (\(total.hotspotsCovered) of \(total.hotspots))")
            if report.unroutableHotspots > 0 {
                let count = report.unroutableHotspots
                lines.append(
                    "  \(count) hotspot\(count == 1 ? " is" : "s are") more than \(plain(report.maxSnap)) m from a usable road: counted as uncovered"
                )
            }
            var rows = audit.areas.indices.map {
                (audit.areas[$0].name, audit.areaFigures[$0], run.gaps.uncoveredSquareKilometres(area: $0))
            }
            if let outside = audit.outside { rows.append((AuditGeoJSON.outsideName, outside, nil)) }
            for (name, figures, km2) in rows {
                let gap = km2.map { ", \(formatFixed($0, decimals: AuditNumbers.areaDecimals)) km² uncovered" } ?? ""
                lines.append(
                    "  \(name): \(percent(figures.shareCovered)) of weight, \(figures.hotspotsCovered) of \(figures.hotspots) hotspots\(gap)"
                )
            }
            let worst = largestUncovered(report, audit)
            if !worst.isEmpty {
                lines.append("  largest uncovered hotspots:")
                lines += worst.map { "    " + describe($0, report, audit) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Indices of the uncovered hotspots with the largest weight (then the
    /// longest time, unreached first, then input order), at most `listedUncovered`.
    static func largestUncovered(_ report: AuditReport, _ audit: HotspotAudit) -> [Int] {
        let uncovered = audit.hotspots.indices.filter { !audit.hotspots[$0].covered }
        return Array(
            uncovered.sorted { a, b in
                let wa = report.hotspots[a].site.weight
                let wb = report.hotspots[b].site.weight
                if wa != wb { return wa > wb }
                let ta = audit.hotspots[a].seconds ?? .infinity
                let tb = audit.hotspots[b].seconds ?? .infinity
                if ta != tb { return ta > tb }
                return a < b
            }.prefix(listedUncovered))
    }

    private static func describe(_ index: Int, _ report: AuditReport, _ audit: HotspotAudit) -> String {
        let placed = report.hotspots[index]
        let result = audit.hotspots[index]
        let head = "\(placed.site.id) (weight \(plain(rounded(placed.site.weight))))"
        if let reason = placed.unroutableReason(maxSnap: report.maxSnap) { return "\(head): unroutable, \(reason)" }
        guard let seconds = result.seconds, let station = result.nearestStation else {
            return "\(head): no station reaches it"
        }
        let minutes = AuditNumbers.minutes(seconds: seconds, covered: result.covered, limitMinutes: report.limitMinutes)
        return "\(head): \(formatFixed(minutes, decimals: 1)) min to \(report.stations[station].site.id)"
    }

    private static func percent(_ share: Double) -> String {
        formatFixed(share * 100, decimals: 1) + "%"
    }

    private static func rounded(_ weight: Double) -> Double {
        AuditNumbers.rounded(weight, decimals: AuditNumbers.weightDecimals)
    }

    private static func plain(_ value: Double) -> String { AuditNumbers.plain(value) }
}
