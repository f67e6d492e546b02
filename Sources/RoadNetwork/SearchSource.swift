/// Where a search starts: a snapped point and the time already spent
/// reaching it.
public struct SearchSource: Hashable, Sendable {
    /// The position on the road network.
    public var snap: SnapPoint
    /// Seconds on the clock when the rider is at `snap.point`.
    public var startSeconds: Double

    /// A source at `snap` whose clock starts at `startSeconds`.
    public init(snap: SnapPoint, startSeconds: Double) {
        self.snap = snap
        self.startSeconds = startSeconds
    }

    /// A door-to-door source: the rider walks the snap distance from the
    /// station to its road first, so the clock starts at
    /// `snap.distance / walking speed` (`TravelProfile.walkingSpeedKmh`).
    public init(doorToDoor snap: SnapPoint) {
        self.init(snap: snap, startSeconds: snap.distance / (TravelProfile.walkingSpeedKmh / 3.6))
    }
}
