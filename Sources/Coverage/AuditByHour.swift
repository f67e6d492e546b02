import Facilities
import Foundation
import GeoCore
import RoadNetwork

/// Coverage by hour (`nuanxin audit --by-hour`): the covered share of hotspot
/// weight in each of the 48 report slots (`HourOfWeek.reportSlots`: a
/// weekday, Wednesday, 00–23, then a Sunday 00–23), per area and in total,
/// counting in each slot only the stations open at its middle (h:30,
/// `HourlyCoverage.openAtHalfPast`).
///
/// Built from a `HotspotAudit` (its `covering` lists and area assignment),
/// so a station covers the same hotspots in every hour it is open.
public struct AuditByHour: Sendable {
    /// The area names, in the order of the audit's areas, then
    /// "(outside districts)" when some hotspots lie outside every district.
    public let areaNames: [String]
    /// `shares[slot][area]`: covered share (0 … 1) of the area's hotspot
    /// weight in each slot; the last column is the total.
    public let shares: [[Double]]

    /// Evaluates `audit` (run on the stations whose attributes are
    /// `stations`, same order) hour by hour.
    /// - Parameter weights: the hotspot weights, in the audit's hotspot order.
    public init(audit: HotspotAudit, weights: [Double], stations: [StationAttributes]) {
        precondition(weights.count == audit.hotspots.count, "one weight per hotspot")
        let open = HourlyCoverage.openAtHalfPast(stations)
        let hasOutside = audit.hotspots.contains { $0.area == nil }
        var names = audit.areas.map(\.name)
        if hasOutside { names.append("(outside districts)") }
        var groups: [[Int]] = names.indices.map { _ in [] }
        for (h, result) in audit.hotspots.enumerated() {
            groups[result.area ?? (names.count - 1)].append(h)
        }
        groups.append(Array(audit.hotspots.indices))
        var columns: [[Double]] = []
        for members in groups {
            columns.append(
                HourlyCoverage.shares(
                    covering: members.map { audit.covering[$0] }, weights: members.map { weights[$0] }, open: open))
        }
        self.areaNames = names
        self.shares = open.indices.map { slot in columns.map { $0[slot] } }
    }

    /// The slot's day word and hour: ("weekday", 0) … ("sunday", 23).
    public static func slotLabel(_ slot: Int) -> (day: String, hour: Int) {
        let (weekday, hour) = HourOfWeek.reportSlots[slot]
        return (weekday == .sunday ? "sunday" : "weekday", hour)
    }

    /// CSV: header `day,hour,<area…>,total`, then 48 rows with shares as
    /// fractions rounded to 4 decimals (`weekday` is Wednesday). Fields are
    /// quoted as RFC 4180 when they hold a comma or quote.
    public func csv() -> String {
        var lines = [(["day", "hour"] + areaNames + ["total"]).map(Self.field).joined(separator: ",")]
        for (slot, row) in shares.enumerated() {
            let label = Self.slotLabel(slot)
            lines.append(([label.day, String(label.hour)] + row.map { formatFixed($0, decimals: 4) }).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A stdout table: one line per slot, percentages with one decimal,
    /// columns headed by the area names.
    public func table() -> String {
        let header = ["day", "hour"] + areaNames + ["total"]
        var rows = [header]
        for (slot, row) in shares.enumerated() {
            let label = Self.slotLabel(slot)
            rows.append([label.day, String(format: "%02d:00", label.hour)] + row.map { formatFixed($0 * 100, decimals: 1) + " %" })
        }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max()! }
        return rows.map { row in
            row.indices.map { c in
                c < 2
                    ? row[c].padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - row[c].count) + row[c]
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    private static func field(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// The covered share of hotspot weight counting only the stations that offer
/// one service (the report's per-service table): for each service of the
/// vocabulary, how many stations offer it and the share of all hotspot weight
/// within the limit of one of them (at any hour).
public struct ServiceShare: Hashable, Sendable {
    /// The service.
    public var service: StationService
    /// Number of the audited stations offering it.
    public var stations: Int
    /// Covered share (0 … 1) of the total hotspot weight.
    public var share: Double

    /// One row per service of `StationService.allCases`, in vocabulary order.
    /// - Parameters:
    ///   - audit: the audit (its `covering` lists index `stations`).
    ///   - weights: the hotspot weights, in the audit's hotspot order.
    ///   - stations: the attributes of the audited stations, same order.
    public static func table(audit: HotspotAudit, weights: [Double], stations: [StationAttributes]) -> [ServiceShare] {
        StationService.allCases.map { service in
            let offers = stations.map { $0.offers(service) }
            let share = HourlyCoverage.shares(covering: audit.covering, weights: weights, open: [offers])[0]
            return ServiceShare(service: service, stations: offers.count { $0 }, share: share)
        }
    }
}
