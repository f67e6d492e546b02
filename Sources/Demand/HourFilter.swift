import Foundation

/// `--hours 11-14`: keeps points whose time of day falls in [from:00, to:00)
/// (11-14 keeps 11:00–13:59; 22-2 wraps past midnight; 0-24 keeps all).
public struct HourRange: Hashable, Sendable, CustomStringConvertible {
    /// First hour kept, 0…23.
    public var from: Int
    /// First hour no longer kept, 1…24.
    public var to: Int

    /// Parses `FROM-TO` with whole hours, FROM in 0…23, TO in 1…24, FROM ≠ TO.
    public init?(_ text: String) {
        let parts = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let from = parts[0], let to = parts[1], (0...23).contains(from), (1...24).contains(to),
            from != to % 24 || to == 24
        else { return nil }
        self.from = from
        self.to = to
    }

    /// True when `hour` (0…23) is kept.
    public func contains(hour: Int) -> Bool {
        from < to ? (from..<to).contains(hour) : hour >= from || hour < to
    }

    /// `11-14`.
    public var description: String { "\(from)-\(to)" }

    /// The hour of day of a time cell: the `HH` of the first `HH:MM` in the text
    /// (`2024-05-01 11:23:00`, `2024/5/1 11:23`, `2024-05-01T11:23:00+08:00`,
    /// `11:23`), or, for a plain number of 9–10 digits, Unix seconds read in
    /// China Standard Time (UTC+8). Nil when neither.
    public static func hour(of text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let match = trimmed.firstMatch(of: /(\d{1,2}):(\d{2})/), let hour = Int(match.1), hour < 24 {
            return hour
        }
        if trimmed.count >= 9, trimmed.count <= 10, let seconds = Int(trimmed) {
            return ((seconds + 8 * 3600) % 86400 + 86400) % 86400 / 3600
        }
        return nil
    }
}
