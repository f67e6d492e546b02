import GeoCore

/// One station's nested circles.
public struct StationServiceAreas: Sendable {
    /// The station as read from its file.
    public var station: SitePoint
    /// Its circles, one per minute value, ascending.
    public var levels: [NestedIsochrone]
}

/// A station that cannot be reached from the road network, and why.
public struct UnroutableStation: Hashable, Sendable {
    /// The station as read from its file.
    public var station: SitePoint
    /// Why, in words (e.g. how far the nearest usable road is).
    public var reason: String
    /// Distance to the nearest usable road in metres, nil when there is none.
    public var snapMeters: Double?
}

/// The circles at one cruising speed.
public struct ReachRun: Sendable {
    /// The cruising speed in km/h (walked edges keep walking speed).
    public var speedKmh: Double
    /// The circles of all routable stations together, one per minute value.
    public var merged: [NestedIsochrone]
    /// Each routable station's circles, in input order; empty unless asked for.
    public var perStation: [StationServiceAreas]
}

/// Everything `ReachEngine.run` found.
public struct ReachReport: Sendable {
    /// One run per requested speed, in the order given.
    public var runs: [ReachRun]
    /// The stations left out, in input order.
    public var unroutable: [UnroutableStation]
    /// How many stations were routable.
    public var routableCount: Int
}
