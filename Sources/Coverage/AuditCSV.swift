import Foundation
import GeoCore

/// The audit figures as CSV for spreadsheets: per run (speed), one row per
/// area, a `(outside districts)` row when some hotspots lie in no district,
/// and a `total` row.
///
/// Columns: `speed_kmh,minutes,name,hotspots,hotspots_covered,weight_total,
/// weight_covered,share_covered,uncovered_area_km2`. Shares have 4 decimals,
/// km² 3; the outside row, and every row when the gaps were not drawn
/// (`AuditGaps.drawn`, `audit --no-gaps`), leave `uncovered_area_km2` empty; the total's
/// `uncovered_area_km2` is the area of the union of all gaps. UTF-8, `\n`
/// line ends, fields quoted only when they hold a comma, quote or line break.
public enum AuditCSV {
    /// The header line's fields.
    public static let columns = [
        "speed_kmh", "minutes", "name", "hotspots", "hotspots_covered",
        "weight_total", "weight_covered", "share_covered", "uncovered_area_km2",
    ]

    /// The name of the total row.
    public static let totalName = "total"

    /// The CSV text of `report`.
    /// - Complexity: O(runs × areas).
    public static func text(_ report: AuditReport) -> String {
        var lines = [columns.joined(separator: ",")]
        for run in report.runs {
            let audit = run.hotspots
            func row(_ name: String, _ figures: AuditFigures, _ km2: Double?) {
                lines.append(
                    [
                        AuditNumbers.plain(run.speedKmh), AuditNumbers.plain(report.limitMinutes), quoted(name),
                        String(figures.hotspots), String(figures.hotspotsCovered),
                        AuditNumbers.plain(AuditNumbers.rounded(figures.weightTotal, decimals: AuditNumbers.weightDecimals)),
                        AuditNumbers.plain(AuditNumbers.rounded(figures.weightCovered, decimals: AuditNumbers.weightDecimals)),
                        formatFixed(figures.shareCovered, decimals: AuditNumbers.shareDecimals),
                        km2.map { formatFixed($0, decimals: AuditNumbers.areaDecimals) } ?? "",
                    ].joined(separator: ","))
            }
            for (index, area) in audit.areas.enumerated() {
                row(area.name, audit.areaFigures[index], run.gaps.uncoveredSquareKilometres(area: index))
            }
            if let outside = audit.outside { row(AuditGeoJSON.outsideName, outside, nil) }
            row(totalName, audit.total, run.gaps.uncoveredTotalSquareKilometres)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The header of the per-station CSV (`stationText`).
    public static let stationColumns = [
        "speed_kmh", "minutes", "station_id", "name", "hotspots_served", "weight_served",
        "minutes_mean", "minutes_p90", "capacity", "load_ratio",
    ]

    /// The per-station catchment loads of `report` (`StationCatchments`) as CSV: per run, one row
    /// per station in input order; empty fields for a station serving none (minutes) or without a
    /// capacity (capacity, load_ratio). Minutes 2 decimals, load_ratio 4.
    /// - Throws: `SiteCapacityError` from a station's `capacity` property.
    public static func stationText(_ report: AuditReport) throws -> String {
        var lines = [stationColumns.joined(separator: ",")]
        for run in report.runs {
            let loads = try StationCatchments.loads(stations: report.stations, hotspots: report.hotspots, audit: run.hotspots)
            for load in loads {
                let site = report.stations[load.station].site
                func fixed(_ value: Double?, _ decimals: Int) -> String { value.map { formatFixed($0, decimals: decimals) } ?? "" }
                lines.append(
                    [
                        AuditNumbers.plain(run.speedKmh), AuditNumbers.plain(report.limitMinutes), quoted(site.id), quoted(site.name ?? ""),
                        String(load.hotspotsServed),
                        AuditNumbers.plain(AuditNumbers.rounded(load.weightServed, decimals: AuditNumbers.weightDecimals)),
                        fixed(load.minutesMean, 2), fixed(load.minutesP90, 2),
                        load.capacity.map { AuditNumbers.plain(AuditNumbers.rounded($0, decimals: AuditNumbers.weightDecimals)) } ?? "",
                        fixed(load.loadRatio, AuditNumbers.shareDecimals),
                    ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `field` as a CSV field, quoted when needed.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
