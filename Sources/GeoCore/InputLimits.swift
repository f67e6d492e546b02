import Foundation

/// The documented range of a numeric input (option value, weight, capacity…): finite, above
/// `lower` (or at least `lower` when `lowerInclusive`), at most `upper`, and optionally a multiple
/// of `step`. One limit per kind of number, used by every command and reader alike, so that the same
/// option has the same bounds everywhere.
public struct NumericLimit: Hashable, Sendable {
    /// The smallest allowed value (excluded unless `lowerInclusive`).
    public var lower: Double
    /// Whether `lower` itself is allowed.
    public var lowerInclusive: Bool
    /// The largest allowed value (included).
    public var upper: Double
    /// When set, values must be a multiple of it (to 1e-9 relative).
    public var step: Double?
    /// The unit for messages, e.g. `minutes`, `m`, `km/h`.
    public var unit: String
    /// A good value for the `(e.g. …)` hint.
    public var example: String

    /// Creates a limit.
    public init(lower: Double, lowerInclusive: Bool = false, upper: Double, step: Double? = nil, unit: String, example: String) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.step = step
        self.unit = unit
        self.example = example
    }

    /// Why `value` is not allowed, e.g. `is out of range: must be more than 0 and at most 600 minutes`;
    /// nil when it is.
    public func problem(_ value: Double) -> String? {
        guard value.isFinite else { return "is not a finite number" }
        let above = lowerInclusive ? value >= lower : value > lower
        guard above, value <= upper else {
            let low = lowerInclusive ? "at least \(Self.plain(lower))" : "more than \(Self.plain(lower))"
            return "is out of range: must be \(low) and at most \(Self.plain(upper))\(unit.isEmpty ? "" : " " + unit)"
        }
        if let step {
            let ratio = value / step
            guard abs(ratio - ratio.rounded()) < 1e-9 * max(1, abs(ratio)) else {
                return "is not a multiple of \(Self.plain(step))\(unit.isEmpty ? "" : " " + unit)"
            }
        }
        return nil
    }

    /// `15`, `12.5`, `1e+20`: a number as people type it.
    public static func plain(_ value: Double) -> String {
        if abs(value) >= 1e7 { return String(format: "%g", value) }
        if value == value.rounded() { return String(Int(value)) }
        return String(value)
    }
}

/// The documented ranges of nuanxin's numeric inputs (stated in `--help` and the README).
public enum InputLimits {
    /// Travel-time limits (`--minutes`, each of a list): more than 0, at most 600, a multiple of 0.1.
    public static let minutes = NumericLimit(lower: 0, upper: 600, step: 0.1, unit: "minutes", example: "15")
    /// Cruising speeds (`--speed`, `--speed-band`): more than 0, at most 100 km/h.
    public static let speedKmh = NumericLimit(lower: 0, upper: 100, unit: "km/h", example: "15")
    /// Snapping limit (`--max-snap`): more than 0, at most 10,000 m.
    public static let maxSnapMeters = NumericLimit(lower: 0, upper: 10_000, unit: "m", example: "300")
    /// Access distance (`--access`): more than 0, at most 1,000 m.
    public static let accessMeters = NumericLimit(lower: 0, upper: 1_000, unit: "m", example: "50")
    /// Demand weights and capacities in point files: at least 0, at most 1e12, so that sums over a
    /// million points stay far from overflow.
    public static let weight = NumericLimit(lower: 0, lowerInclusive: true, upper: 1e12, unit: "", example: "1")

    /// Adds `values` and checks that the sum is finite.
    /// - Returns: the sum, or nil when it overflowed (to infinity) or a value is not finite.
    public static func checkedSum<S: Sequence>(_ values: S) -> Double? where S.Element == Double {
        var total = 0.0
        for value in values {
            total += value
            if !total.isFinite { return nil }
        }
        return total
    }
}
