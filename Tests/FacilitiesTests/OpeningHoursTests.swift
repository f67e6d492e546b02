import Testing

@testable import Facilities

/// A real-world OSM `opening_hours` value and moments of a typical week with
/// the expected state, worked out by hand from the specification.
struct HoursCase: CustomStringConvertible, Sendable {
    var text: String
    var open: [String]
    var closed: [String]
    var warns = false
    var description: String { text }
}

let hoursTable: [HoursCase] = [
    HoursCase(text: "24/7", open: ["Mo 00:00", "We 03:00", "Su 23:59"], closed: []),
    HoursCase(text: "Mo-Su 00:00-24:00", open: ["Mo 00:00", "Su 23:59", "Th 12:00"], closed: []),
    HoursCase(text: "00:00-24:00", open: ["Sa 00:00", "Tu 23:59"], closed: []),
    HoursCase(
        text: "Mo-Fr 08:00-20:00; Sa 09:00-14:00", open: ["Mo 08:00", "Fr 19:59", "Sa 13:59"],
        closed: ["Mo 07:59", "Fr 20:00", "Sa 14:00", "Su 12:00"]),
    HoursCase(
        text: "Mo-Fr 09:00-12:00,13:30-17:30", open: ["Tu 11:59", "Tu 13:30", "Fr 17:29"],
        closed: ["Tu 12:00", "Tu 13:29", "Tu 17:30", "Sa 10:00"]),
    HoursCase(
        text: "Fr-Sa 18:00-02:00", open: ["Fr 18:00", "Fr 23:59", "Sa 01:59", "Sa 18:00", "Su 01:00"],
        closed: ["Fr 17:59", "Fr 01:00", "Sa 02:00", "Su 02:00", "Mo 01:00", "Th 20:00"]),
    HoursCase(
        text: "Mo-Sa 10:00-22:00; PH off", open: ["Mo 10:00", "Sa 21:59"], closed: ["Su 12:00", "Mo 22:00"], warns: true),
    HoursCase(text: "Mo-Fr 08:30-17:00; Sa,Su off", open: ["Mo 08:30", "Fr 16:59"], closed: ["Mo 08:29", "Sa 10:00", "Su 10:00"]),
    HoursCase(text: "Mo,We,Fr 09:00-13:00", open: ["Mo 09:00", "We 12:59", "Fr 10:00"], closed: ["Tu 10:00", "Th 10:00"]),
    HoursCase(text: "Sa-Mo 10:00-16:00", open: ["Sa 10:00", "Su 15:59", "Mo 12:00"], closed: ["Tu 12:00", "Fr 12:00"]),
    HoursCase(
        text: "Mo-Su 18:00-02:00; Tu off", open: ["Mo 23:00", "Th 01:00"],
        closed: ["Tu 01:00", "Tu 19:00", "We 01:00", "Mo 17:00"]),
    HoursCase(text: "Mo-Fr 18:00-02:00; Sa 10:00-12:00", open: ["Fr 23:00", "Sa 11:00"], closed: ["Sa 01:00", "Su 01:00"]),
    HoursCase(text: "Mo-Fr 18:00-02:00, Sa 10:00-12:00", open: ["Sa 01:00", "Sa 11:00"], closed: ["Sa 03:00", "Su 01:00"]),
    HoursCase(text: "08:00-22:00", open: ["Su 08:00", "We 21:59"], closed: ["We 22:00", "Mo 07:59"]),
    HoursCase(text: "Mo-Fr 09:00-17:00", open: ["We 09:00"], closed: ["We 17:00", "Sa 10:00", "We 22:30"]),
    HoursCase(text: "Mo-Fr 10:00-20:00; Sa-Su 10:00-18:00", open: ["Su 17:59", "Fr 19:59"], closed: ["Su 18:00", "Sa 09:59"]),
    HoursCase(text: "Mo-Sa 09:00-21:00; Su 10:00-18:00", open: ["Su 10:00", "Sa 20:59"], closed: ["Su 18:30", "Mo 21:00"]),
    HoursCase(
        text: "Mo-Th 11:00-23:00; Fr-Sa 11:00-24:00; Su 12:00-22:00", open: ["Sa 23:59", "Th 22:59"],
        closed: ["Su 00:30", "Th 23:00", "Su 11:30"]),
    HoursCase(text: "Mo-Fr 07:00-19:00; Sa 08:00-13:00; Su off", open: ["Sa 12:59"], closed: ["Su 09:00", "Sa 13:00"]),
    HoursCase(text: "Mo-Su 10:00-22:00", open: ["Sa 21:00"], closed: ["Sa 22:00"]),
    HoursCase(text: "Mo-Su 06:00-01:00", open: ["Mo 00:30", "Tu 00:59", "Tu 06:00"], closed: ["Tu 01:00", "Tu 05:59"]),
    HoursCase(
        text: "Mo-Fr 17:00-03:00, Sa-Su 18:00+", open: ["Sa 02:00", "Sa 20:00", "Su 23:00"], closed: ["Sa 17:00", "Mo 02:00"], warns: true),
    HoursCase(text: "Mo-Fr 09:00-18:00; We 12:00-13:00 off", open: ["Tu 12:30", "Th 09:00"], closed: ["We 12:30", "We 10:00"]),
    HoursCase(text: "Mo-Fr 09:00-18:00, We 12:00-13:00 off", open: ["We 10:00", "We 13:00"], closed: ["We 12:30", "We 12:00"]),
    HoursCase(text: "Tu-Su 10:00-18:00; Mo off", open: ["Tu 10:00", "Su 17:59"], closed: ["Mo 12:00"]),
    HoursCase(text: "Mo-Fr 08:00-12:00, 14:00-18:00", open: ["Mo 14:00", "Mo 08:00"], closed: ["Mo 13:00"]),
    HoursCase(text: "Mo-Fr 10:00-19:00; Sa 10:00-17:00; PH,Su off", open: ["Sa 16:00"], closed: ["Su 11:00"], warns: true),
    HoursCase(text: "Mo-Fr 08:00-20:00; Sa 08:00-18:00; Su,PH 09:00-14:00", open: ["Su 13:59"], closed: ["Su 14:00"], warns: true),
    HoursCase(text: "off", open: [], closed: ["Mo 12:00", "Su 00:00"]),
    HoursCase(text: "closed \"renovation\"", open: [], closed: ["Mo 12:00"]),
    HoursCase(text: "Mo-Fr 09:00-17:00 \"by appointment on weekends\"", open: ["Mo 09:00"], closed: ["Sa 10:00"]),
    HoursCase(text: "\"summer\": Mo-Fr 08:00-16:00", open: ["Mo 08:00"], closed: ["Mo 16:00"]),
    HoursCase(text: "Mo-Fr 09:00-17:00 || \"on appointment\"", open: ["Tu 10:00"], closed: ["Sa 10:00"], warns: true),
    HoursCase(text: "Mo-Fr 22:00-06:00", open: ["Mo 22:00", "Tu 05:59", "Sa 05:00"], closed: ["Mo 05:00", "Su 05:00", "Mo 06:00"]),
    HoursCase(text: "Mo-Su 18:00-26:00", open: ["Mo 01:00"], closed: ["Mo 02:00"]),
    HoursCase(text: "Mo-Su 09:00-09:00", open: ["We 09:00", "We 08:59"], closed: []),
    HoursCase(text: "mo-fr 9:00-17:00", open: ["Mo 09:00"], closed: ["Mo 08:59", "Sa 10:00"], warns: true),
    HoursCase(text: "Mo-Fr 09:00-17:00; Jan-Mar off", open: ["Mo 09:00"], closed: ["Mo 17:00"]),
    HoursCase(text: "Mo-Sa 10:00-22:00;", open: ["Mo 10:00"], closed: ["Su 10:00"], warns: true),
]

@Suite("opening_hours parser and evaluator")
struct OpeningHoursTests {
    @Test("typical week table of real-world values", arguments: hoursTable)
    func table(_ row: HoursCase) throws {
        let hours = try OpeningHours(parsing: row.text)
        for t in row.open {
            #expect(hours.isOpen(at: try WeekTime.parse(t)), "\(row.text) should be open at \(t)")
        }
        for t in row.closed {
            #expect(!hours.isOpen(at: try WeekTime.parse(t)), "\(row.text) should be closed at \(t)")
        }
        #expect(hours.warnings.isEmpty == !row.warns, "warnings: \(hours.warnings)")
    }

    @Test("the table has at least 30 real-world values")
    func tableSize() { #expect(hoursTable.count >= 30) }

    @Test("civil dates: weekdays and the day before")
    func civilDates() {
        #expect(CivilDate(year: 2026, month: 11, day: 29)!.weekday == .sunday)
        #expect(CivilDate(year: 2026, month: 12, day: 25)!.weekday == .friday)
        #expect(CivilDate(year: 2024, month: 2, day: 29)!.weekday == .thursday)
        #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2026, month: 3, day: 1)!.previous == CivilDate(year: 2026, month: 2, day: 28))
        #expect(CivilDate(year: 2026, month: 1, day: 1)!.previous == CivilDate(year: 2025, month: 12, day: 31))
    }

    func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int) -> LocalDateTime {
        LocalDateTime(date: CivilDate(year: y, month: m, day: d)!, hour: h, minute: min)!
    }

    @Test("month and date rules apply on dates")
    func dateRules() throws {
        let winter = try OpeningHours(parsing: "Jan-Mar Mo-Fr 09:00-17:00")
        #expect(winter.hasDateRules)
        #expect(winter.isOpen(at: at(2026, 2, 4, 10, 0)))  // Wednesday in February
        #expect(!winter.isOpen(at: at(2026, 2, 7, 10, 0)))  // Saturday
        #expect(!winter.isOpen(at: at(2026, 4, 1, 10, 0)))  // Wednesday in April
        #expect(!winter.isOpen(at: try WeekTime.parse("We 10:00")))  // typical week: dated rule ignored

        let christmas = try OpeningHours(parsing: "Mo-Su 08:00-22:00; Dec 25 off")
        #expect(!christmas.isOpen(at: at(2026, 12, 25, 12, 0)))
        #expect(christmas.isOpen(at: at(2026, 12, 24, 12, 0)))
        #expect(christmas.isOpen(at: at(2026, 12, 26, 12, 0)))
        #expect(christmas.isOpen(at: try WeekTime.parse("Fr 12:00")))

        let holidays = try OpeningHours(parsing: "10:00-20:00; Dec 24-Jan 02 off")
        #expect(!holidays.isOpen(at: at(2026, 12, 31, 12, 0)))
        #expect(!holidays.isOpen(at: at(2027, 1, 2, 12, 0)))
        #expect(holidays.isOpen(at: at(2027, 1, 3, 12, 0)))

        let list = try OpeningHours(parsing: "Mo-Su 09:00-18:00; Dec 25,26 off; Jan 01 off")
        #expect(!list.isOpen(at: at(2026, 12, 26, 12, 0)))
        #expect(!list.isOpen(at: at(2027, 1, 1, 12, 0)))
        #expect(list.isOpen(at: at(2026, 12, 27, 12, 0)))

        let summer = try OpeningHours(parsing: "Jun 01-Aug 31 10:00-22:00")
        #expect(summer.isOpen(at: at(2026, 8, 31, 21, 0)))
        #expect(!summer.isOpen(at: at(2026, 9, 1, 12, 0)))

        // Past midnight on a date: Friday night spills into Saturday 2026-12-26.
        let late = try OpeningHours(parsing: "Fr 20:00-03:00")
        #expect(late.isOpen(at: at(2026, 12, 26, 2, 30)))
        #expect(!late.isOpen(at: at(2026, 12, 27, 2, 30)))
    }

    @Test("open minutes per hour")
    func byHour() throws {
        let hours = try OpeningHours(parsing: "Mo-Fr 09:30-12:00,13:00-17:15; Fr-Sa 22:00-01:00")
        let wednesday = hours.openMinutesByHour(on: .wednesday)
        #expect(wednesday[8] == 0)
        #expect(wednesday[9] == 30)
        #expect(wednesday[11] == 60)
        #expect(wednesday[12] == 0)
        #expect(wednesday[17] == 15)
        #expect(wednesday.reduce(0, +) == 150 + 255)
        let saturday = hours.openMinutesByHour(on: .saturday)
        #expect(saturday[0] == 60)  // Friday night
        #expect(saturday[22] == 60 && saturday[23] == 60 && saturday[9] == 0)
        let sunday = hours.openMinutesByHour(on: .sunday)
        #expect(sunday == [60] + Array(repeating: 0, count: 23))
        #expect(OpeningHours.alwaysOpen.isAlwaysOpenInTypicalWeek)
        #expect(!hours.isAlwaysOpenInTypicalWeek)
    }

    /// Bad values and the 1-based position of the first problem.
    static let badValues: [(String, Int)] = [
        ("", 1),
        ("Mon-Fri 09:00-17:00", 1),
        ("Mo-Fr 9-17", 8),
        ("Mo-Fr 09:00-17", 15),
        ("Mo-Fr 09:00-25:61", 16),
        ("Mo-Fr 09:00 17:00", 13),
        ("Mo-Xy 09:00-17:00", 4),
        ("Mo-Fr 09:00-17:00; Sa 10:00", 28),
        ("Mo-Fr 09:00-17:00 \"open", 19),
        ("Mo-Fr sunrise-sunset", 7),
        ("Mo-Fr 25:00-26:00", 7),
        ("Dec 32 off", 5),
        ("2026 Mo-Fr 09:00-17:00", 1),
        ("Mo[1] 09:00-12:00", 3),
        ("Mo-Fr 08:00-12:00/30", 18),
        ("Mo-Fr 09:00-17:00 foo", 19),
        ("Mo-Fr 09:00-17:00;; Sa off", 19),
    ]

    @Test("bad values give the position and what was expected")
    func errors() {
        for (text, position) in Self.badValues {
            do {
                let parsed = try OpeningHours(parsing: text)
                Issue.record("\"\(text)\" parsed as \(parsed.rules)")
            } catch {
                #expect(error.position == position, "\"\(text)\": \(error)")
                #expect(!error.expected.isEmpty)
            }
        }
    }

    @Test("error text names position, expectation and what was found")
    func errorText() {
        #expect(throws: OpeningHoursError(position: 8, expected: "`:` and two-digit minutes", found: "\"-\"")) {
            try OpeningHours(parsing: "Mo-Fr 9-17")
        }
    }

    @Test("--at parsing: weekday and time, or a time meaning Wednesday")
    func weekTimes() throws {
        #expect(try WeekTime.parse("Mo 22:30") == WeekTime(weekday: .monday, hour: 22, minute: 30))
        #expect(try WeekTime.parse("22:30") == WeekTime(weekday: .wednesday, hour: 22, minute: 30))
        #expect(try WeekTime.parse(" su 7:05 ") == WeekTime(weekday: .sunday, hour: 7, minute: 5))
        for bad in ["Mo 24:00", "Mon 10:00", "10", "Mo 10:00 x", "10:5", ""] {
            #expect(throws: WeekTimeParseError.self, "\(bad)") { try WeekTime.parse(bad) }
        }
    }
}
