/// How a rider moves: which roads are usable and how fast.
///
/// The tag rules that decide usability live in `ProfileRules.swift`.
public enum TravelProfile: String, CaseIterable, Sendable, Codable {
    /// Electric bike (the default: couriers and food-delivery riders).
    case ebike
    /// On foot.
    case walk

    /// Walking speed in km/h, used for `walk`, for pushing an e-bike where
    /// riding is not allowed, and for the door-to-door snap distance.
    public static let walkingSpeedKmh = 4.5

    /// The default cruising speed of the profile in km/h.
    public var defaultSpeedKmh: Double {
        switch self {
        case .ebike: 15
        case .walk: TravelProfile.walkingSpeedKmh
        }
    }
}
