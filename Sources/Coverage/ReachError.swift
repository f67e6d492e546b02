/// A reach request that cannot be answered, in words a user can act on.
public enum ReachError: Error, Equatable, CustomStringConvertible, Sendable {
    /// No minute values were given.
    case noMinutes
    /// A minute value is zero, negative or not a number.
    case minutesNotPositive(Double)
    /// A minute value appears twice.
    case minutesRepeated(Double)
    /// A cruising speed is zero, negative or not a number.
    case speedNotPositive(Double)
    /// No station could be snapped onto the road network.
    case noRoutableStation(count: Int, maxSnap: Double)

    public var description: String {
        switch self {
        case .noMinutes:
            "give at least one travel time in minutes, e.g. 5,10,15"
        case .minutesNotPositive(let minutes):
            "travel time \(minutes) min must be a positive number of minutes"
        case .minutesRepeated(let minutes):
            "travel time \(minutes) min is listed twice; list each travel time once"
        case .speedNotPositive(let speed):
            "cruising speed \(speed) km/h must be a positive number"
        case .noRoutableStation(let count, let maxSnap):
            count == 0
                ? "there are no stations to reach from"
                : "none of the \(count) stations is within the snapping limit of \(Int(maxSnap)) m of a usable road (listed above); check their coordinates and datum, or raise the limit"
        }
    }
}
