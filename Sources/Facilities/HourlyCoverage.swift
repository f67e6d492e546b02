/// Coverage by hour (`audit --by-hour`): the share of demand weight covered
/// in each of the 48 report slots of `HourOfWeek.reportSlots` (a weekday's
/// 24 hours, then a Sunday's), counting in each slot only the stations open
/// then.
///
/// A station counts in hour *h* when it is open at *h*:30, the middle of
/// the hour (so a bank hall open 09:00–17:00 counts for hours 9 … 16, a
/// pharmacy open 08:00–22:00 for 8 … 21). This is the coverage measure of
/// the maximal covering location problem (Church & ReVelle 1974) evaluated
/// once per hour with the open stations as the facility set.
public enum HourlyCoverage {
    /// `open[slot][station]`: whether each station is open at the middle of
    /// each report slot (48 × stations), in a typical week.
    public static func openAtHalfPast(_ stations: [StationAttributes]) -> [[Bool]] {
        HourOfWeek.reportSlots.map { slot in
            let time = WeekTime(weekday: slot.weekday, hour: slot.hour, minute: 30)!
            return stations.map { $0.openingHours.isOpen(at: time) }
        }
    }

    /// The covered share of the total weight in each slot.
    /// - Parameters:
    ///   - covering: for each demand point, the indices of the stations that
    ///     cover it (reach it within the time limit), whatever their hours.
    ///   - weights: the demand weight of each point, non-negative, same count.
    ///   - open: `open[slot][station]` as from `openAtHalfPast`.
    /// - Returns: one share in 0 ... 1 per slot; 0 when the total weight is 0.
    /// - Complexity: O(slots × Σ|covering|).
    public static func shares(covering: [[Int]], weights: [Double], open: [[Bool]]) -> [Double] {
        precondition(covering.count == weights.count, "one covering list per demand point")
        let total = weights.reduce(0, +)
        return open.map { isOpen in
            guard total > 0 else { return 0 }
            var covered = 0.0
            for (point, stations) in covering.enumerated() where stations.contains(where: { isOpen[$0] }) {
                covered += weights[point]
            }
            return covered / total
        }
    }

    /// The hours (report slot indices) in which adding a site with `hours`
    /// covers at least one demand point no open station covers then: what a
    /// proposed site "adds coverage in".
    /// - Parameters:
    ///   - covered: for each demand point, whether the site covers it.
    ///   - covering / open: as for `shares`, for the existing stations.
    /// - Returns: slot indices in increasing order.
    public static func slotsAdded(
        by hours: OpeningHours, covered: [Bool], covering: [[Int]], open: [[Bool]]
    ) -> [Int] {
        precondition(covered.count == covering.count, "one flag per demand point")
        return HourOfWeek.reportSlots.indices.filter { slot in
            let (weekday, hour) = HourOfWeek.reportSlots[slot]
            guard hours.isOpen(at: WeekTime(weekday: weekday, hour: hour, minute: 30)!) else { return false }
            return covering.indices.contains { p in covered[p] && !covering[p].contains { open[slot][$0] } }
        }
    }
}

extension StationAttributes {
    /// One line per site whose attributes took defaults, for the CLI to
    /// print: `S03 (bank): defaults tier post, services rest,water,toilet,
    /// opening_hours "Mo-Fr 09:00-17:00"`. Sites with every attribute given
    /// are left out.
    public static func defaultsReport(ids: [String], kinds: [String?], attributes: [StationAttributes]) -> [String] {
        precondition(ids.count == attributes.count && kinds.count == attributes.count, "one id and kind per site")
        return attributes.indices.compactMap { i in
            let a = attributes[i]
            guard !a.defaulted.isEmpty else { return nil }
            let parts = a.defaulted.map { field -> String in
                switch field {
                case .tier: "tier \(a.tier.rawValue)"
                case .services: "services \(a.services.map(\.rawValue).joined(separator: ","))"
                case .openingHours: "opening_hours \"\(a.openingHours.text)\""
                }
            }
            return "\(ids[i]) (\(kinds[i] ?? "no kind")): defaults " + parts.joined(separator: ", ")
        }
    }
}
