/// A day of the week, Monday first (ISO 8601), with the two-letter
/// abbreviations of the OpenStreetMap `opening_hours` syntax (`Mo` … `Su`).
public enum Weekday: Int, CaseIterable, Sendable, Hashable, Comparable {
    case monday = 0
    case tuesday, wednesday, thursday, friday, saturday, sunday

    /// The `opening_hours` abbreviation: `Mo`, `Tu`, `We`, `Th`, `Fr`, `Sa`, `Su`.
    public var abbreviation: String {
        ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"][rawValue]
    }

    /// The weekday for an abbreviation, case-insensitive (`mo`, `Mo`, `MO`); nil otherwise.
    public init?(abbreviation: String) {
        guard let index = ["mo", "tu", "we", "th", "fr", "sa", "su"].firstIndex(of: abbreviation.lowercased()) else {
            return nil
        }
        self.init(rawValue: index)
    }

    /// The day before (Sunday before Monday).
    public var previous: Weekday { Weekday(rawValue: (rawValue + 6) % 7)! }

    /// The day after (Monday after Sunday).
    public var next: Weekday { Weekday(rawValue: (rawValue + 1) % 7)! }

    /// The weekday that stands for "a weekday" when a time is given without a
    /// day (`--at 22:30`): **Wednesday**, the middle of the working week, far
    /// from weekend spill-overs such as a Friday night `Fr 18:00-02:00`.
    public static let representativeWorkday: Weekday = .wednesday

    /// Orders Monday first.
    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}

/// A moment of a typical week: a weekday and the minute of that day
/// (0 ..< 1440, local time).
public struct WeekTime: Hashable, Sendable, CustomStringConvertible {
    /// The day.
    public var weekday: Weekday
    /// Minutes since local midnight, 0 ..< 1440.
    public var minuteOfDay: Int

    /// A moment on `weekday` at `hour:minute`; nil unless 0 ≤ hour < 24 and 0 ≤ minute < 60.
    public init?(weekday: Weekday, hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.weekday = weekday
        minuteOfDay = hour * 60 + minute
    }

    /// The hour of the day, 0 ..< 24.
    public var hour: Int { minuteOfDay / 60 }
    /// The minute of the hour, 0 ..< 60.
    public var minute: Int { minuteOfDay % 60 }

    /// `Mo 22:30`.
    public var description: String {
        weekday.abbreviation + " " + twoDigits(hour) + ":" + twoDigits(minute)
    }

    /// Parses what a user types for `--at`: `Mo 22:30` (a weekday
    /// abbreviation `Mo`…`Su`, case-insensitive, a space, and `hh:mm` with
    /// hh 0–23, one or two digits) or just `22:30`, which means
    /// `Weekday.representativeWorkday` (Wednesday).
    /// - Throws: `WeekTimeParseError` naming what was expected.
    public static func parse(_ text: String) throws(WeekTimeParseError) -> WeekTime {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        let dayText: Substring?
        let timeText: Substring
        switch parts.count {
        case 1:
            dayText = nil
            timeText = parts[0]
        case 2:
            dayText = parts[0]
            timeText = parts[1]
        default: throw WeekTimeParseError(text: text, reason: "expected `Mo 22:30` (weekday and hh:mm) or `22:30`")
        }
        var weekday = Weekday.representativeWorkday
        if let dayText {
            guard let day = Weekday(abbreviation: String(dayText)) else {
                throw WeekTimeParseError(text: text, reason: "`\(dayText)` is not a weekday; use Mo, Tu, We, Th, Fr, Sa or Su")
            }
            weekday = day
        }
        let hm = timeText.split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2, (1...2).contains(hm[0].count), hm[1].count == 2,
            hm[0].allSatisfy(\.isASCIIDigit), hm[1].allSatisfy(\.isASCIIDigit),
            let h = Int(hm[0]), let m = Int(hm[1]), let time = WeekTime(weekday: weekday, hour: h, minute: m)
        else {
            throw WeekTimeParseError(text: text, reason: "`\(timeText)` is not a time hh:mm between 00:00 and 23:59")
        }
        return time
    }
}

/// Why a `--at` value could not be read.
public struct WeekTimeParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text given.
    public var text: String
    /// What is wrong and what was expected.
    public var reason: String
    /// `"Mo 25:00": `25:00` is not a time hh:mm between 00:00 and 23:59`.
    public var description: String { "\"\(text)\": \(reason)" }
}

/// A day of the proleptic Gregorian calendar, local to the station (no time zone).
public struct CivilDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Year, e.g. 2026.
    public var year: Int
    /// Month, 1 ... 12.
    public var month: Int
    /// Day of the month, 1 ... 31.
    public var day: Int

    /// The date, or nil when the day does not exist (e.g. 2026-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days in `month` of `year` (Gregorian leap years).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The weekday (Sakamoto's method).
    public var weekday: Weekday {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let sundayBased = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7  // 0 = Sunday
        return Weekday(rawValue: (sundayBased + 6) % 7)!
    }

    /// The day before.
    public var previous: CivilDate {
        if day > 1 { return CivilDate(year: year, month: month, day: day - 1)! }
        if month > 1 { return CivilDate(year: year, month: month - 1, day: CivilDate.daysIn(month: month - 1, year: year))! }
        return CivilDate(year: year - 1, month: 12, day: 31)!
    }

    /// Orders by year, month, day.
    public static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// `2026-12-25`.
    public var description: String { "\(year)-\(twoDigits(month))-\(twoDigits(day))" }
}

/// A local date and minute of the day at the station.
public struct LocalDateTime: Hashable, Sendable {
    /// The date.
    public var date: CivilDate
    /// Minutes since local midnight, 0 ..< 1440.
    public var minuteOfDay: Int

    /// `date` at `hour:minute`; nil unless 0 ≤ hour < 24 and 0 ≤ minute < 60.
    public init?(date: CivilDate, hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.date = date
        minuteOfDay = hour * 60 + minute
    }
}

func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
