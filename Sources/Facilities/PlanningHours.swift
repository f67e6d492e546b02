/// The moments a plan over hours counts (`plan --hours 0-24` or several
/// `--at`): one slot per moment, a site counting in a slot when open then.
///
/// `--hours A-B` means the weekday (`Weekday.representativeWorkday`) hours
/// A … B−1, each evaluated at its middle (h:30, as `HourlyCoverage`), labelled
/// by the hour (`22`); `--at` moments are taken as given and labelled as
/// `WeekTime` prints them (`We 22:30`).
public struct PlanningHours: Hashable, Sendable {
    /// The moments, in order.
    public let times: [WeekTime]
    /// One label per moment (the `hours_added` words).
    public let labels: [String]

    /// Slots from `--hours` (nil when absent) and `--at` (possibly empty).
    /// Nil when both are absent (no planning over hours).
    /// - Throws: `StationFilterError` naming the value (`hours` or `moment`) when a range or a moment cannot be read.
    public init?(hours: String?, at: [String]) throws(StationFilterError) {
        var times: [WeekTime] = []
        var labels: [String] = []
        if let hours {
            let parts = hours.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let from = Int(parts[0]), let to = Int(parts[1]), 0 <= from, from < to, to <= 24 else {
                throw StationFilterError(
                    value: .hours, reason: "\"\(hours)\" is not a range of weekday hours A-B with 0 ≤ A < B ≤ 24, e.g. 0-24 or 18-24")
            }
            for hour in from..<to {
                times.append(WeekTime(weekday: Weekday.representativeWorkday, hour: hour, minute: 30)!)
                labels.append(String(hour))
            }
        }
        for text in at {
            let time: WeekTime
            do { time = try WeekTime.parse(text) } catch { throw StationFilterError(value: .moment, reason: error.description) }
            times.append(time)
            labels.append(time.description)
        }
        guard !times.isEmpty else { return nil }
        self.times = times
        self.labels = labels
    }

    /// `open[slot][site]`: whether each site is open at each moment.
    public func open(_ sites: [StationAttributes]) -> [[Bool]] {
        times.map { time in sites.map { $0.openingHours.isOpen(at: time) } }
    }
}
