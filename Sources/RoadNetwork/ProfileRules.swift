/// How a travel profile may use one OSM way: which directions, and whether
/// the rider walks it (pushing the e-bike).
public struct WayUse: Hashable, Sendable {
    /// Travel allowed from the way's first node towards its last.
    public var forward: Bool
    /// Travel allowed from the way's last node towards its first.
    public var backward: Bool
    /// True when the e-bike is pushed here (timed at walking speed).
    public var walked: Bool

    /// Creates a use from its directions and the walked flag.
    public init(forward: Bool, backward: Bool, walked: Bool) {
        self.forward = forward
        self.backward = backward
        self.walked = walked
    }
}

/// The tag rules that decide which OSM ways a profile uses, in which
/// directions, and where an e-bike is pushed.
///
/// **The table** (`highwayTable`) gives each `highway=*` kind a base rule per
/// profile; kinds not in the table (construction, proposed, platform, bus_guideway,
/// raceway, …) are never used:
///
/// | highway | ebike | walk |
/// |---|---|---|
/// | motorway, motorway_link | never | only with `foot=yes` |
/// | trunk, trunk_link | only with a cycleway tag or `bicycle=yes` | only with `foot=yes` |
/// | primary … tertiary(_link), unclassified, residential, living_street, service, road, track, cycleway | ride | walk |
/// | footway, pedestrian, path, steps, corridor, bridleway | push (ride with `bicycle=yes`) | walk |
///
/// **Then the tags**, for every kind:
/// - `area=yes` ways (squares, parking aisles drawn as areas) are skipped.
/// - ebike reads the most specific of `bicycle`, `vehicle`, `access` (an
///   e-bike under GB 17761 is a non-motor vehicle, so `motor_vehicle=*` does
///   not apply): `no`, `private`, `use_sidepath` forbid the way; `dismount`
///   makes the rider push. So `access=private` + `bicycle=yes` is usable.
/// - walk reads the most specific of `foot`, `access` the same way.
/// - ebike one-way: `oneway=yes|true|1` (and `junction=roundabout|circular`
///   without an `oneway` tag) allow only forward, `oneway=-1|reverse` only
///   backward; `oneway=reversible` (direction changes by time of day) is not
///   ridden. `oneway:bicycle` overrides `oneway` (`no` opens both directions),
///   and a contraflow cycleway (`cycleway[:left|:right|:both]=opposite*`, or
///   `cycleway:left|right|both:oneway=no|-1`) opens both directions.
/// - A pushed e-bike is a pedestrian: pushed ways, and every way for walk, are
///   usable in both directions whatever the one-way tags say.
public enum ProfileRules {
    /// A highway kind's base rule for one profile, before access and one-way tags.
    enum Base {
        /// Usable (ridden by an e-bike, walked on foot).
        case allowed
        /// The e-bike is pushed unless `bicycle=yes|designated|permissive`.
        case pushed
        /// Usable only with an explicit permission (see the table).
        case needsPermission
        /// Never usable.
        case never
    }

    /// `highway=*` kind → (ebike rule, walk rule). The one table of the rules.
    static let highwayTable: [String: (ebike: Base, walk: Base)] = [
        "motorway": (.never, .needsPermission),
        "motorway_link": (.never, .needsPermission),
        "trunk": (.needsPermission, .needsPermission),
        "trunk_link": (.needsPermission, .needsPermission),
        "primary": (.allowed, .allowed),
        "primary_link": (.allowed, .allowed),
        "secondary": (.allowed, .allowed),
        "secondary_link": (.allowed, .allowed),
        "tertiary": (.allowed, .allowed),
        "tertiary_link": (.allowed, .allowed),
        "unclassified": (.allowed, .allowed),
        "residential": (.allowed, .allowed),
        "living_street": (.allowed, .allowed),
        "service": (.allowed, .allowed),
        "road": (.allowed, .allowed),
        "track": (.allowed, .allowed),
        "cycleway": (.allowed, .allowed),
        "footway": (.pushed, .allowed),
        "pedestrian": (.pushed, .allowed),
        "path": (.pushed, .allowed),
        "steps": (.pushed, .allowed),
        "corridor": (.pushed, .allowed),
        "bridleway": (.pushed, .allowed),
    ]

    /// Every tag key the rules read; the importer keeps only these on ways.
    public static let tagKeys: [String] = [
        "highway", "area", "access", "vehicle", "bicycle", "foot", "oneway", "oneway:bicycle", "junction",
        "cycleway", "cycleway:left", "cycleway:right", "cycleway:both",
        "cycleway:left:oneway", "cycleway:right:oneway", "cycleway:both:oneway",
        "tunnel", "covered", "layer",
    ]

    /// True when a way with `tags` is off the ground level, so a point is
    /// snapped to it only when no surface road is near: `tunnel` with any value
    /// but `no` (`yes`, `building_passage`, `culvert`, …), `covered=yes`, or a
    /// `layer` other than 0 (OSM wiki: Key:tunnel, Key:covered, Key:layer).
    public static func isGradeSeparated(_ tags: [String: String]) -> Bool {
        if let tunnel = tags["tunnel"], tunnel != "no" { return true }
        if tags["covered"] == "yes" { return true }
        if let layer = tags["layer"]?.trimmingCharacters(in: .whitespaces), !layer.isEmpty,
            Double(layer) != 0
        {
            return true
        }
        return false
    }

    private static let forbidding: Set<String> = ["no", "private", "use_sidepath"]
    private static let permitting: Set<String> = ["yes", "designated", "permissive"]
    private static let yes: Set<String> = ["yes", "true", "1"]
    private static let no: Set<String> = ["no", "false", "0"]
    private static let reverse: Set<String> = ["-1", "reverse"]
    private static let noCycleway: Set<String> = ["no", "none", "separate"]
    private static let cyclewayKeys = ["cycleway", "cycleway:left", "cycleway:right", "cycleway:both"]

    /// How `profile` may use a way with `tags`, or nil when it may not.
    /// - Complexity: O(1).
    public static func use(of tags: [String: String], by profile: TravelProfile) -> WayUse? {
        guard tags["area"] != "yes", let highway = tags["highway"], let row = highwayTable[highway] else { return nil }
        switch profile {
        case .ebike: return ebikeUse(tags, row.ebike)
        case .walk: return walkUse(tags, row.walk)
        }
    }

    private static func ebikeUse(_ tags: [String: String], _ base: Base) -> WayUse? {
        let access = tags["bicycle"] ?? tags["vehicle"] ?? tags["access"]
        if let access, forbidding.contains(access) { return nil }
        let permitted = tags["bicycle"].map(permitting.contains) ?? false
        var walked: Bool
        switch base {
        case .never: return nil
        case .needsPermission:
            guard permitted || hasCycleway(tags) else { return nil }
            walked = false
        case .pushed: walked = !permitted
        case .allowed: walked = false
        }
        if access == "dismount" { walked = true }
        if walked { return WayUse(forward: true, backward: true, walked: true) }
        guard let (forward, backward) = ebikeDirections(tags) else { return nil }
        return WayUse(forward: forward, backward: backward, walked: false)
    }

    private static func walkUse(_ tags: [String: String], _ base: Base) -> WayUse? {
        let access = tags["foot"] ?? tags["access"]
        if let access, forbidding.contains(access) { return nil }
        let permitted = tags["foot"].map(permitting.contains) ?? false
        switch base {
        case .never: return nil
        case .needsPermission where !permitted: return nil
        case .needsPermission, .pushed, .allowed: return WayUse(forward: true, backward: true, walked: false)
        }
    }

    /// (forward, backward) for a ridden e-bike, or nil for a reversible way.
    private static func ebikeDirections(_ tags: [String: String]) -> (Bool, Bool)? {
        if let bikeOneway = tags["oneway:bicycle"] {
            if no.contains(bikeOneway) { return (true, true) }
            if yes.contains(bikeOneway) { return (true, false) }
            if reverse.contains(bikeOneway) { return (false, true) }
        }
        if hasContraflowCycleway(tags) { return (true, true) }
        switch tags["oneway"] {
        case let value? where yes.contains(value): return (true, false)
        case let value? where reverse.contains(value): return (false, true)
        case "reversible": return nil
        case let value? where no.contains(value): return (true, true)
        default:
            let junction = tags["junction"]
            return junction == "roundabout" || junction == "circular" ? (true, false) : (true, true)
        }
    }

    private static func hasCycleway(_ tags: [String: String]) -> Bool {
        cyclewayKeys.contains { key in tags[key].map { !noCycleway.contains($0) } ?? false }
    }

    private static func hasContraflowCycleway(_ tags: [String: String]) -> Bool {
        for key in cyclewayKeys {
            if let value = tags[key], value.hasPrefix("opposite") { return true }
            if key != "cycleway", let value = tags[key + ":oneway"], no.contains(value) || reverse.contains(value) {
                return true
            }
        }
        return false
    }
}
