/// Recursive-descent parser for the subset of the OSM `opening_hours`
/// grammar described in the guide of `OpeningHours.swift`. Positions are
/// 0-based indices into `chars` internally, reported 1-based.
struct OpeningHoursParser {
    let chars: [Character]
    var pos = 0
    var warnings: [String] = []

    init(_ text: String) { chars = Array(text) }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let ruleStart = "a weekday (Mo … Su), a month (Jan … Dec), a time hh:mm, `24/7`, `off` or `open`"

    // MARK: scanning

    var atEnd: Bool { pos >= chars.count }
    func peek(_ offset: Int = 0) -> Character? { pos + offset < chars.count ? chars[pos + offset] : nil }

    mutating func skipSpaces() { while let c = peek(), c == " " || c == "\t" { pos += 1 } }

    /// The run of ASCII letters at `pos` (not consumed).
    func word(at start: Int? = nil) -> String {
        var i = start ?? pos
        var s = ""
        while i < chars.count, chars[i].isASCIILetter {
            s.append(chars[i])
            i += 1
        }
        return s
    }

    /// The index of the next non-space character at or after `index`.
    func skipSpaces(from index: Int) -> Int {
        var i = index
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        return i
    }

    func found(at index: Int) -> String {
        guard index < chars.count else { return "end of text" }
        let w = word(at: index)
        if !w.isEmpty { return "\"\(w)\"" }
        return "\"\(chars[index])\""
    }

    func error(_ expected: String, at index: Int? = nil) -> OpeningHoursError {
        let i = index ?? pos
        return OpeningHoursError(position: i + 1, expected: expected, found: found(at: i))
    }

    mutating func consume(_ literal: String) -> Bool {
        let lit = Array(literal)
        guard pos + lit.count <= chars.count, Array(chars[pos..<pos + lit.count]) == lit else { return false }
        pos += lit.count
        return true
    }

    func isWeekdayWord(_ w: String) -> Bool { Weekday(abbreviation: w) != nil }
    func isHolidayWord(_ w: String) -> Bool { w == "PH" || w == "SH" }
    func monthIndex(_ w: String) -> Int? { Self.months.firstIndex(of: w.lowercased()).map { $0 + 1 } }

    // MARK: grammar

    /// <time_domain> ::= <rule_sequence> { <any_rule_separator> <rule_sequence> }
    mutating func parseTimeDomain() throws(OpeningHoursError) -> [OpeningHoursRule] {
        var rules: [OpeningHoursRule] = []
        var separator = OpeningHoursRule.Separator.normal
        skipSpaces()
        if atEnd { throw error(Self.ruleStart) }
        while true {
            if var rule = try parseRule() {
                rule.separator = separator
                rules.append(rule)
            }
            skipSpaces()
            if atEnd { break }
            let separatorAt = pos
            if consume(";") {
                separator = .normal
            } else if consume("||") {
                separator = .fallback
            } else if consume(",") {
                separator = .additional
            } else {
                throw error("`;`, `,` or `||` between rules, or the end")
            }
            skipSpaces()
            if atEnd {
                warnings.append("a separator at character \(separatorAt + 1) ends the value; ignored")
                break
            }
        }
        return rules
    }

    /// One rule; nil when the rule applies to holidays only and is dropped.
    mutating func parseRule() throws(OpeningHoursError) -> OpeningHoursRule? {
        var rule = OpeningHoursRule()
        let start = pos
        var holidaysOnly = false
        if consume("24/7") {
            skipSpaces()
        } else {
            // A wide-range comment `"text":`.
            if peek() == "\"" {
                let save = pos
                try skipComment()
                skipSpaces()
                if peek() == ":" {
                    pos += 1
                    skipSpaces()
                } else {
                    pos = save
                }
            }
            let w = word()
            if peek()?.isASCIIDigit == true && skipYearLike() {
                throw error("a weekday, month or time (year selectors are not supported)")
            }
            if w == "week" { throw error("a weekday, month or time (week selectors are not supported)") }
            if monthIndex(w) != nil {
                rule.dates = try parseMonthdaySelector()
                skipSpaces()
                if peek() == ":" {
                    pos += 1
                    skipSpaces()
                }
            }
            let w2 = word()
            if isWeekdayWord(w2) || isHolidayWord(w2) {
                let (days, sawHoliday) = try parseWeekdaySelector()
                if days.isEmpty { holidaysOnly = true } else { rule.weekdays = days }
                if sawHoliday {
                    warnings.append(
                        days.isEmpty
                            ? "rule at character \(start + 1) applies to holidays (PH/SH) only; nuanxin has no holiday calendar, rule ignored"
                            : "holidays (PH/SH) in the rule at character \(start + 1) ignored; nuanxin has no holiday calendar")
                }
                skipSpaces()
            }
            if peek()?.isASCIIDigit == true {
                rule.times = try parseTimeSelector()
                skipSpaces()
            } else if ["sunrise", "sunset", "dawn", "dusk"].contains(word()) || peek() == "(" {
                throw error("a time hh:mm (sunrise, sunset, dawn and dusk are not supported)")
            }
        }
        // Rule modifier.
        let m = word()
        switch m.lowercased() {
        case "open":
            pos += m.count
            rule.modifier = .open
        case "off", "closed":
            pos += m.count
            rule.modifier = .closed
        case "unknown":
            pos += m.count
            rule.modifier = .unknown
            warnings.append("`unknown` at character \(pos - m.count + 1) counted as closed")
        default: break
        }
        skipSpaces()
        if peek() == "\"" {
            let nothingBefore = pos == start
            try skipComment()
            if nothingBefore {
                // A rule that is only a comment ("by appointment") says nothing about the hours.
                warnings.append("comment-only rule at character \(start + 1) ignored")
                return nil
            }
        }
        if pos == start {
            throw error(Self.ruleStart)
        }
        return holidaysOnly ? nil : rule
    }

    /// True when the digits at `pos` look like a year (four digits then not `:`).
    func skipYearLike() -> Bool {
        var i = pos
        while i < chars.count, chars[i].isASCIIDigit { i += 1 }
        return i - pos == 4 && (i >= chars.count || chars[i] != ":")
    }

    mutating func skipComment() throws(OpeningHoursError) {
        let open = pos
        pos += 1
        while let c = peek(), c != "\"" { pos += 1 }
        if atEnd { throw error("a comment closed by `\"`", at: open) }
        pos += 1
    }

    /// <weekday_selector>: weekday ranges and holidays separated by `,`.
    /// Returns the weekdays and whether a holiday was listed.
    mutating func parseWeekdaySelector() throws(OpeningHoursError) -> (Set<Weekday>, Bool) {
        var days = Set<Weekday>()
        var sawHoliday = false
        while true {
            let w = word()
            if isHolidayWord(w) {
                pos += w.count
                sawHoliday = true
            } else if let first = Weekday(abbreviation: w), w.count == 2 {
                pos += 2
                if peek() == "[" { throw error("`-`, `,` or a time (nth weekday `[n]` is not supported)") }
                if peek() == "-" && !(peek(1)?.isASCIIDigit ?? false) {
                    pos += 1
                    let w2 = word()
                    guard let last = Weekday(abbreviation: w2), w2.count == 2 else { throw error("a weekday Mo … Su") }
                    pos += 2
                    var d = first
                    while true {
                        days.insert(d)
                        if d == last { break }
                        d = d.next
                    }
                } else {
                    days.insert(first)
                }
            } else {
                throw error("a weekday Mo … Su or PH")
            }
            // Continue the list only when a weekday or holiday follows the comma.
            guard peek() == "," else { break }
            let next = word(at: skipSpaces(from: pos + 1))
            guard isWeekdayWord(next) || isHolidayWord(next) else { break }
            pos = skipSpaces(from: pos + 1)
        }
        return (days, sawHoliday)
    }

    /// <monthday_selector>: `Jan`, `Jan-Mar`, `Dec 25`, `Dec 24-26`,
    /// `Dec 24-Jan 02`, and lists of those; `Dec 25,26` continues the month.
    mutating func parseMonthdaySelector() throws(OpeningHoursError) -> [MonthDayRange] {
        var ranges: [MonthDayRange] = []
        var lastMonth = 0
        while true {
            let w = word()
            var startMonth: Int
            var startDay: Int?
            if let m = monthIndex(w) {
                pos += w.count
                startMonth = m
                if peek() == " ", peek(1)?.isASCIIDigit == true, !isTimeAhead(pos + 1) {
                    pos += 1
                    startDay = try parseDay(month: m)
                }
            } else if lastMonth > 0, peek()?.isASCIIDigit == true {
                startMonth = lastMonth
                startDay = try parseDay(month: lastMonth)
            } else {
                throw error("a month Jan … Dec")
            }
            var endMonth = startMonth
            var endDay: Int? = startDay
            if peek() == "-" {
                pos += 1
                let w2 = word()
                if let m2 = monthIndex(w2) {
                    pos += w2.count
                    endMonth = m2
                    if startDay != nil {
                        guard peek() == " " && peek(1)?.isASCIIDigit == true else { throw error("a space and a day 01 … 31") }
                        pos += 1
                        endDay = try parseDay(month: m2)
                    } else if peek() == " ", peek(1)?.isASCIIDigit == true, !isTimeAhead(pos + 1) {
                        throw error("a month range `Jan-Mar` or a date range `Jan 01-Mar 31`", at: pos + 1)
                    } else {
                        endDay = nil
                    }
                } else if startDay != nil, peek()?.isASCIIDigit == true {
                    endDay = try parseDay(month: startMonth)
                } else {
                    throw error(startDay == nil ? "a month Jan … Dec" : "a day 01 … 31 or a month")
                }
            }
            ranges.append(
                MonthDayRange(startMonth: startMonth, startDay: startDay ?? 1, endMonth: endMonth, endDay: endDay ?? 31))
            lastMonth = endMonth
            guard peek() == "," else { break }
            let after = skipSpaces(from: pos + 1)
            let nextIsMonth = monthIndex(word(at: after)) != nil
            let nextIsDay = endDay != nil && after < chars.count && chars[after].isASCIIDigit && !isTimeAhead(after)
            guard nextIsMonth || nextIsDay else { break }
            pos = after
        }
        return ranges
    }

    /// True when a time `h:mm` / `hh:mm` starts at `index`.
    func isTimeAhead(_ index: Int) -> Bool {
        var i = index
        while i < chars.count, chars[i].isASCIIDigit { i += 1 }
        return i > index && i < chars.count && chars[i] == ":"
    }

    mutating func parseDay(month: Int) throws(OpeningHoursError) -> Int {
        let start = pos
        var digits = ""
        while let c = peek(), c.isASCIIDigit {
            digits.append(c)
            pos += 1
        }
        guard (1...2).contains(digits.count), let d = Int(digits), d >= 1, d <= CivilDate.daysIn(month: month, year: 2000)
        else { throw error("a day of the month 01 … \(CivilDate.daysIn(month: month, year: 2000))", at: start) }
        return d
    }

    /// <time_selector> ::= <timespan> { , <timespan> }
    mutating func parseTimeSelector() throws(OpeningHoursError) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        while true {
            spans.append(try parseTimespan())
            guard peek() == "," else { break }
            let after = skipSpaces(from: pos + 1)
            guard isTimeAhead(after) else { break }
            pos = after
        }
        return spans
    }

    mutating func parseTimespan() throws(OpeningHoursError) -> Range<Int> {
        let spanStart = pos
        let start = try parseTime(maxHour: 24)
        if peek() == "+" {
            pos += 1
            warnings.append("open end `+` at character \(pos) counted as open until midnight")
            return start..<max(1440, start)
        }
        skipSpaces()
        guard consume("-") else { throw error("`-` and a closing time hh:mm") }
        skipSpaces()
        var end = try parseTime(maxHour: 48)
        if peek() == "+" {
            pos += 1
            warnings.append("open end `+` at character \(pos) ignored; open until the closing time given")
        }
        if peek() == "/" { throw error("`,` or a weekday (repeating times `/` are not supported)") }
        if end <= start {
            if end >= 1440 { throw error("a closing time after the opening time", at: spanStart) }
            end += 1440
        }
        if end - start > 1440 { throw error("a time span of at most 24 hours", at: spanStart) }
        return start..<end
    }

    /// `hh:mm` (one-digit hours accepted with a warning) → minutes.
    mutating func parseTime(maxHour: Int) throws(OpeningHoursError) -> Int {
        let start = pos
        var hourDigits = ""
        while let c = peek(), c.isASCIIDigit {
            hourDigits.append(c)
            pos += 1
        }
        guard (1...2).contains(hourDigits.count), let h = Int(hourDigits), h <= maxHour else {
            throw error("a time hh:mm with hours 00 … \(maxHour)", at: start)
        }
        guard consume(":") else { throw error("`:` and two-digit minutes") }
        let minuteStart = pos
        var minuteDigits = ""
        while let c = peek(), c.isASCIIDigit {
            minuteDigits.append(c)
            pos += 1
        }
        guard minuteDigits.count == 2, let m = Int(minuteDigits), m < 60 else {
            throw error("two-digit minutes 00 … 59", at: minuteStart)
        }
        if hourDigits.count == 1 { warnings.append("one-digit hour at character \(start + 1) read as 0\(hourDigits)") }
        let minutes = h * 60 + m
        if minutes > maxHour * 60 { throw error("a time not after \(maxHour):00", at: start) }
        return minutes
    }
}
