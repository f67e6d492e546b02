// MARK: - Guide
//
// `OpeningHours` reads and evaluates the OpenStreetMap `opening_hours` tag
// (OSM wiki, "Key:opening_hours/specification", version 0.7.x).
//
// Why our own parser: no Swift package in the mirror parses it, and the one
// well-kept C-family library in Debian, KDE's KOpeningHours
// (libkopeninghours-dev 22.12), is a C++/Qt library whose API takes
// `QDateTime`/`QString`: using it would pull QtCore into every build and need
// a C++ shim. The subset below covers what mappers put on shops, banks,
// pharmacies and hotels.
//
// Supported (everything else is an error with its character position):
// - `24/7`; rules separated by `;` (normal), `,` (additional) and `||` (fallback);
// - weekday selectors: `Mo`, ranges `Mo-Fr`, wrapping ranges `Sa-Mo`, lists `Mo,We,Fr`;
// - time selectors: `09:00-12:00,13:30-17:30`, `24:00` as an end, ends past
//   midnight (`18:00-02:00`, or extended `18:00-26:00`): the part after
//   midnight is open on the **next** day; an end equal to the start means 24 h;
//   an open end `18:00+` counts as open until midnight (with a warning);
// - month and date selectors: `Jan-Mar`, `Dec`, `Dec 25`, `Dec 24-26`,
//   `Dec 24-Jan 02`, `Jun 01-Aug 31`, lists `Jan,Mar` and `Dec 25,26`
//   (year-independent; ranges may wrap over New Year);
// - modifiers `open`, `off`, `closed`, `unknown` (counted as closed, with a
//   warning); comments in double quotes anywhere a modifier may stand, and
//   `"…":` before the selectors, are skipped;
// - `PH` and `SH` (public / school holidays): nuanxin has no holiday
//   calendar, so a rule on holidays only is dropped and a holiday in a list
//   (`Mo-Fr,PH`) is removed, each with a warning.
// Not supported: years, week numbers, `Mo[1]`, variable times (sunrise …),
// repeating times (`/`), holiday offsets, `easter`.
//
// Evaluation of one day D, rule by rule in order (our reading of the
// specification, not checked against opening_hours.js; it matches the common
// advice to join spans past midnight with `,` so a later `;` rule does not
// cut them):
// - a rule *selects* D when its date and weekday selectors both match D;
// - a normal rule (`;`, and the first rule) that selects D first discards
//   everything known about D, including the after-midnight part of an
//   earlier rule from the day before — so `Mo-Fr 18:00-02:00; Sa 10:00-12:00`
//   is closed on Saturday 01:00 (use `,` to keep it);
// - an additional rule (`,`) does not discard;
// - a fallback rule (`||`) applies only to a day no earlier rule selected;
// - then an `open` rule adds its times on D, a closing rule (`off`,
//   `closed`, `unknown`) removes them (all of D when it has no times);
// - a rule that selects D − 1 adds (or removes) its after-midnight part on D,
//   unless a later normal rule selects D − 1 (so `Mo-Su 18:00-02:00; Tu off`
//   is closed on Wednesday 01:00: Tuesday night is off).
// Without a date (a `WeekTime`, "a typical week") rules with a month/date
// selector never apply; `hasDateRules` tells the caller.

/// An `opening_hours` value, parsed: when a station (or candidate) is open.
/// See the guide at the top of this file for the supported syntax and the
/// evaluation rules.
public struct OpeningHours: Hashable, Sendable, CustomStringConvertible {
    /// The text it was parsed from.
    public let text: String
    /// Things the parser accepted but does not model (holiday rules, open
    /// ends, `unknown`, trailing separators), one sentence each, for the
    /// caller to print; never printed by this library.
    public let warnings: [String]
    let rules: [OpeningHoursRule]

    /// Parses `text` in the OSM `opening_hours` syntax.
    /// - Throws: `OpeningHoursError` with the 1-based character position of
    ///   the first thing that could not be read and what was expected there.
    public init(parsing text: String) throws(OpeningHoursError) {
        var parser = OpeningHoursParser(text)
        rules = try parser.parseTimeDomain()
        warnings = parser.warnings
        self.text = text
    }

    /// Open at all hours on all days (`24/7`).
    public static let alwaysOpen = try! OpeningHours(parsing: "24/7")

    /// The original text.
    public var description: String { text }

    /// True when some rule has a month or date selector; such rules are
    /// ignored by the typical-week evaluations (`isOpen(at: WeekTime)`,
    /// `openIntervals(on: Weekday)`), so give a date to take them into account.
    public var hasDateRules: Bool { rules.contains { $0.dates != nil } }

    /// True when open at `time` in a typical week (rules with dates ignored).
    /// - Complexity: O(rules).
    public func isOpen(at time: WeekTime) -> Bool {
        openIntervals(on: time.weekday).contains { $0.contains(time.minuteOfDay) }
    }

    /// True when open at the local `time`, date rules included.
    /// - Complexity: O(rules).
    public func isOpen(at time: LocalDateTime) -> Bool {
        openIntervals(on: time.date).contains { $0.contains(time.minuteOfDay) }
    }

    /// The open minutes of `weekday` in a typical week (rules with dates
    /// ignored), as sorted, disjoint, non-adjacent ranges within 0 ..< 1440.
    /// - Complexity: O(rules).
    public func openIntervals(on weekday: Weekday) -> [Range<Int>] {
        evaluate(day: DaySelector(weekday: weekday, date: nil), previous: DaySelector(weekday: weekday.previous, date: nil))
    }

    /// The open minutes of `date`, date rules included, as sorted, disjoint,
    /// non-adjacent ranges within 0 ..< 1440.
    /// - Complexity: O(rules).
    public func openIntervals(on date: CivilDate) -> [Range<Int>] {
        let before = date.previous
        return evaluate(
            day: DaySelector(weekday: date.weekday, date: date), previous: DaySelector(weekday: before.weekday, date: before))
    }

    /// Minutes open in each hour 0 ... 23 of `weekday` in a typical week,
    /// 24 values in 0 ... 60 — the input of coverage by hour.
    public func openMinutesByHour(on weekday: Weekday) -> [Int] {
        Self.minutesByHour(openIntervals(on: weekday))
    }

    /// Minutes open in each hour 0 ... 23 of `date`, 24 values in 0 ... 60.
    public func openMinutesByHour(on date: CivilDate) -> [Int] {
        Self.minutesByHour(openIntervals(on: date))
    }

    /// True when open every minute of every day of a typical week.
    public var isAlwaysOpenInTypicalWeek: Bool {
        Weekday.allCases.allSatisfy { openIntervals(on: $0) == [0..<1440] }
    }

    static func minutesByHour(_ intervals: [Range<Int>]) -> [Int] {
        (0..<24).map { hour in
            let slot = (hour * 60)..<(hour * 60 + 60)
            return intervals.reduce(0) { $0 + max(0, min($1.upperBound, slot.upperBound) - max($1.lowerBound, slot.lowerBound)) }
        }
    }

    struct DaySelector {
        var weekday: Weekday
        var date: CivilDate?
    }

    func evaluate(day: DaySelector, previous: DaySelector) -> [Range<Int>] {
        var open = MinuteSet()
        var selectedByEarlier = false
        for (index, rule) in rules.enumerated() {
            let today = rule.selects(day)
            if rule.separator == .fallback && selectedByEarlier { continue }
            if today && rule.separator != .additional { open = MinuteSet() }
            if today {
                selectedByEarlier = true
                open.apply(rule.sameDayMinutes, opening: rule.modifier == .open)
            }
            if rule.selects(previous) && !overridden(index, on: previous) {
                let spill = rule.nextDayMinutes
                if !spill.isEmpty { open.apply(spill, opening: rule.modifier == .open) }
            }
        }
        return open.ranges
    }

    /// True when a later normal rule selects `day`, so that rule `index`
    /// no longer speaks for it (nor for its after-midnight part).
    func overridden(_ index: Int, on day: DaySelector) -> Bool {
        rules[(index + 1)...].contains { $0.separator == .normal && $0.selects(day) }
    }
}

/// Why an `opening_hours` value could not be read: the 1-based character
/// position (counting characters as a reader sees them) and what was
/// expected there.
public struct OpeningHoursError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based character position of the problem; `text.count + 1` means "at the end".
    public var position: Int
    /// What the parser expected at `position`, e.g. "a time hh:mm".
    public var expected: String
    /// What it found there (`end of text` at the end).
    public var found: String

    /// Creates an error.
    public init(position: Int, expected: String, found: String) {
        self.position = position
        self.expected = expected
        self.found = found
    }

    /// `at character 7: expected a time hh:mm, found "9"`.
    public var description: String { "at character \(position): expected \(expected), found \(found)" }
}

/// One rule of an `opening_hours` value.
struct OpeningHoursRule: Hashable, Sendable {
    enum Separator: Hashable, Sendable { case normal, additional, fallback }
    enum Modifier: Hashable, Sendable { case open, closed, unknown }

    var separator: Separator = .normal
    /// Month-day ranges; nil when the rule has none (applies on all dates).
    var dates: [MonthDayRange]?
    /// Selected weekdays; nil when the rule has no weekday selector.
    var weekdays: Set<Weekday>?
    /// Time spans in minutes from the selected day's midnight, ends up to
    /// 2880 (past midnight); nil means the whole day.
    var times: [Range<Int>]?
    var modifier: Modifier = .open

    func selects(_ day: OpeningHours.DaySelector) -> Bool {
        if let weekdays, !weekdays.contains(day.weekday) { return false }
        if let dates {
            guard let date = day.date else { return false }
            return dates.contains { $0.contains(month: date.month, day: date.day) }
        }
        return true
    }

    /// The part of the times on the selected day itself.
    var sameDayMinutes: [Range<Int>] {
        guard let times else { return [0..<1440] }
        return times.compactMap { $0.lowerBound < 1440 ? $0.lowerBound..<min($0.upperBound, 1440) : nil }
    }

    /// The part after midnight, shifted onto the next day.
    var nextDayMinutes: [Range<Int>] {
        guard let times else { return [] }
        return times.compactMap { $0.upperBound > 1440 ? max($0.lowerBound, 1440) - 1440..<$0.upperBound - 1440 : nil }
    }
}

/// A year-independent range of days, `Dec 24-Jan 02` or `Jan-Mar`; wraps
/// over New Year when the start is after the end.
struct MonthDayRange: Hashable, Sendable {
    var startMonth: Int, startDay: Int
    var endMonth: Int, endDay: Int

    func contains(month: Int, day: Int) -> Bool {
        let key = month * 32 + day
        let start = startMonth * 32 + startDay
        let end = endMonth * 32 + endDay
        return start <= end ? (start...end).contains(key) : key >= start || key <= end
    }
}

/// Minutes of one day as sorted disjoint ranges.
struct MinuteSet {
    var ranges: [Range<Int>] = []

    mutating func apply(_ spans: [Range<Int>], opening: Bool) {
        for span in spans where !span.isEmpty {
            if opening { insert(span) } else { remove(span) }
        }
    }

    mutating func insert(_ span: Range<Int>) {
        var lower = span.lowerBound
        var upper = span.upperBound
        var kept: [Range<Int>] = []
        for r in ranges {
            if r.upperBound < lower || r.lowerBound > upper {
                kept.append(r)
            } else {
                lower = min(lower, r.lowerBound)
                upper = max(upper, r.upperBound)
            }
        }
        kept.append(lower..<upper)
        ranges = kept.sorted { $0.lowerBound < $1.lowerBound }
    }

    mutating func remove(_ span: Range<Int>) {
        var kept: [Range<Int>] = []
        for r in ranges {
            if r.upperBound <= span.lowerBound || r.lowerBound >= span.upperBound {
                kept.append(r)
                continue
            }
            if r.lowerBound < span.lowerBound { kept.append(r.lowerBound..<span.lowerBound) }
            if r.upperBound > span.upperBound { kept.append(span.upperBound..<r.upperBound) }
        }
        ranges = kept
    }
}
