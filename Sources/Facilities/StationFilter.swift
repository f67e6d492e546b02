/// Which stations count for an analysis: those offering a required service
/// (`--service NAME`) and open at a given moment (`--at "Mo 22:30"`; `--at
/// 22:30` means `Weekday.representativeWorkday`, Wednesday). An empty filter
/// keeps every station.
public struct StationFilter: Hashable, Sendable, CustomStringConvertible {
    /// The service a station must offer; nil for any.
    public var service: StationService?
    /// The moment of a typical week at which the station must be open; nil for any time.
    public var at: WeekTime?

    /// A filter; both parts optional.
    public init(service: StationService? = nil, at: WeekTime? = nil) {
        self.service = service
        self.at = at
    }

    /// Builds a filter from the command-line words: `service` one word of
    /// the vocabulary, `at` as `WeekTime.parse` reads it.
    /// - Throws: `StationFilterError` naming the value (`service` or `moment`) and the problem.
    public init(service: String?, at: String?) throws(StationFilterError) {
        if let service {
            guard let s = StationService(word: service) else {
                throw StationFilterError(
                    value: .service, reason: "unknown service \"\(service)\"; known services: \(StationService.vocabulary)")
            }
            self.service = s
        }
        if let at {
            do { self.at = try WeekTime.parse(at) } catch { throw StationFilterError(value: .moment, reason: error.description) }
        }
    }

    /// True when the filter keeps every station.
    public var isEmpty: Bool { service == nil && at == nil }

    /// True when a station with `attributes` counts.
    public func admits(_ attributes: StationAttributes) -> Bool {
        if let service, !attributes.offers(service) { return false }
        if let at, !attributes.openingHours.isOpen(at: at) { return false }
        return true
    }

    /// The indices of `stations` that count, in order.
    public func admitted(_ stations: [StationAttributes]) -> [Int] {
        stations.indices.filter { admits(stations[$0]) }
    }

    /// `service charging, open Mo 22:30`, or `all stations`.
    public var description: String {
        var parts: [String] = []
        if let service { parts.append("service \(service.rawValue)") }
        if let at { parts.append("open \(at)") }
        return parts.isEmpty ? "all stations" : parts.joined(separator: ", ")
    }
}

/// Why a station filter's service or moment, or the hours of a plan, could not be read.
public struct StationFilterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which value could not be read (a front end names it its own way: the CLI's `--service`, `--at`,
    /// `--hours`).
    public enum Value: String, Hashable, Sendable {
        /// The required service (`StationService`).
        case service
        /// A moment of the week (`WeekTime`).
        case moment
        /// A range of weekday hours `A-B` (`PlanningHours`).
        case hours
    }

    /// The value that could not be read.
    public var value: Value
    /// What is wrong and what to give instead.
    public var reason: String

    /// An error about `value`.
    public init(value: Value, reason: String) {
        self.value = value
        self.reason = reason
    }

    /// `moment: "Mo 25:00": …`.
    public var description: String { "\(value.rawValue): \(reason)" }
}

/// The hours of a typical weekday and Sunday, for coverage by hour
/// (`audit --by-hour`: 24 rows for `Weekday.representativeWorkday`, 24 for Sunday).
public enum HourOfWeek {
    /// The 48 (day, hour) slots in report order: weekday 0 … 23, then Sunday 0 … 23.
    public static let reportSlots: [(weekday: Weekday, hour: Int)] =
        (0..<24).map { (Weekday.representativeWorkday, $0) } + (0..<24).map { (Weekday.sunday, $0) }

    /// Open minutes of each station in each report slot: `result[slot][station]`, 0 … 60.
    public static func openMinutes(_ stations: [StationAttributes]) -> [[Int]] {
        let weekday = stations.map { $0.openingHours.openMinutesByHour(on: Weekday.representativeWorkday) }
        let sunday = stations.map { $0.openingHours.openMinutesByHour(on: .sunday) }
        return (0..<48).map { slot in
            slot < 24 ? weekday.map { $0[slot] } : sunday.map { $0[slot - 24] }
        }
    }
}
