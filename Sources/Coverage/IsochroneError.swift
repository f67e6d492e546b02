/// An error building isochrone polygons that the caller's settings or data can cause.
public enum IsochroneError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The access distance is zero, negative or not finite.
    case accessDistanceNotPositive(Double)
    /// The nesting margin is negative or not finite.
    case nestingMarginNegative(Double)
    /// Level `index` does not come after the level before it in minutes.
    case levelsNotAscending(index: Int, minutes: Double, previousMinutes: Double)
    /// GEOS could not make the service area valid, even with `makeValid`.
    case invalidServiceArea(minutes: Double?, reason: String)

    public var description: String {
        switch self {
        case .accessDistanceNotPositive(let distance):
            "access distance \(distance) m must be a positive number of metres (the default is 50)"
        case .nestingMarginNegative(let margin):
            "nesting margin \(margin) m must be zero or a small positive number of metres (the default is 0.05)"
        case .levelsNotAscending(let index, let minutes, let previous):
            "isochrone level \(index) (\(minutes) min) must be longer than the level before it (\(previous) min); list the minutes in ascending order without repeats"
        case .invalidServiceArea(let minutes, let reason):
            "the service area\(minutes.map { " for \($0) min" } ?? "") is not a valid polygon after repair (\(reason)); please report this with the input"
        }
    }
}
